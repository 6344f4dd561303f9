from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import SEEDS


@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["clean"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: digest" in capsys.readouterr().out


def test_help_does_not_import_spacy():
    code = "import sys; from generator.cli import main\ntry:\n main(['build','--help'])\nexcept SystemExit: pass\n" \
           "assert 'spacy' not in sys.modules and 'yake' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_build_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "bad.txt").write_bytes(b"")
    common = ["--seeds", str(seeds), "--out", str(tmp_path / "site"), "--work", str(tmp_path / "w"),
              "--workers", "1"]
    assert main(["build", *common, "--profile"]) == 0
    err = capsys.readouterr().err
    assert "bad.txt: skipped: file is empty" in err
    assert re.search(r"extract: +\d+\.\d+ s", err) and re.search(r"publish: +\d+\.\d+ s", err)
    assert main(["build", *common, "--strict"]) == 1
    assert main(["build", "--seeds", str(tmp_path / "missing"), "--out", str(tmp_path / "s2"),
                 "--work", str(tmp_path / "w2")]) == 2
    assert "seeds folder not found" in capsys.readouterr().err


def test_bad_config_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    config = tmp_path / "digest.toml"
    config.write_text("copy_treshold = 0.5\n")
    assert main(["build", "--config", str(config), "--work", str(tmp_path / "w")]) == 2
    assert "copy_treshold: unknown setting" in capsys.readouterr().err
