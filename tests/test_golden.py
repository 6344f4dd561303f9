from __future__ import annotations

import difflib
from pathlib import Path

from tests.golden import GOLDEN, files, generated_docs


def test_generated_markdown_matches_golden(tmp_path: Path):
    expected = files(GOLDEN)
    actual = files(generated_docs(tmp_path))
    assert sorted(actual) == sorted(expected), "pages added or removed — run `make golden` if intended"
    for name in expected:
        if actual[name] != expected[name]:
            diff = "\n".join(difflib.unified_diff(expected[name].splitlines(), actual[name].splitlines(),
                                                  "golden/" + name, "built/" + name, lineterm="", n=1))
            raise AssertionError(f"{name} differs from golden (run `make golden` if intended):\n{diff[:3000]}")
