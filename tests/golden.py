"""Golden Markdown for the seeds. Update after an intended change: `make golden`."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from generator.pipeline import build
from tests.conftest import SEEDS, make_config

GOLDEN = Path(__file__).parent / "data" / "golden"


def generated_docs(tmp: Path) -> Path:
    """Build the seeds and return the folder of generated Markdown (plus mkdocs.yml)."""
    config = make_config(tmp, SEEDS)
    build(config)
    return config.work / "site-src"


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the golden files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = generated_docs(Path(tmp))
        if args.update:
            shutil.rmtree(GOLDEN, ignore_errors=True)
            shutil.copytree(docs, GOLDEN, ignore=shutil.ignore_patterns(".*"))
            print(f"updated {len(files(GOLDEN))} golden files in {GOLDEN}")
        else:
            changed = sorted(k for k, v in files(docs).items() if files(GOLDEN).get(k) != v)
            print("\n".join(changed) or "golden files match")


if __name__ == "__main__":
    main()
