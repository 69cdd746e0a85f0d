"""The stubs and the package pass a strict type checker, and the stubs match the built module."""

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PY = HERE.parent

mypy_api = pytest.importorskip("mypy.api")


def test_mypy_strict_on_the_package_and_a_consumer():
    out, err, status = mypy_api.run(
        [
            "--config-file",
            str(PY / "pyproject.toml"),
            "--no-incremental",
            str(PY / "py_src" / "newsclean"),
            str(HERE / "typing_consumer.py"),
        ]
    )
    assert status == 0, out + err
    assert "Success: no issues found" in out


def test_stubs_match_the_extension_module(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "newsclean._newsclean"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_consumer_runs():
    proc = subprocess.run([sys.executable, str(HERE / "typing_consumer.py")], capture_output=True, text=True, cwd=HERE)
    assert proc.returncode == 0, proc.stderr
    assert "INPUT_TOO_LARGE 1 2" in proc.stdout
