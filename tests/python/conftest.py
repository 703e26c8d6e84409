"""Shared fixtures of the Python tests: where the repository, the binary and the seeds are.

ctest runs these with PYTHONPATH=<build>/python (the freshly built module) and VNPLAN_BINARY set
to the binary of the same build; by hand:
    PYTHONPATH=build/python /usr/bin/python3 -m pytest -q tests/python
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BINARY = os.environ.get("VNPLAN_BINARY", str(ROOT / "build" / "vnplan"))
SEEDS = Path(os.environ.get("VNPLAN_SEEDS_DIR", str(ROOT.parent / "shared" / "seeds")))


def run_vnplan(*args, check=True):
    """stdout of the vnplan binary run in the repository root."""
    proc = subprocess.run([BINARY, *map(str, args)], cwd=ROOT, capture_output=True)
    if check and proc.returncode not in (0, 1):
        raise AssertionError("vnplan %s: exit %d: %s" % (args, proc.returncode, proc.stderr))
    return proc.stdout.decode()


def jsonl(text):
    return [json.loads(line) for line in text.split("\n") if line]


@pytest.fixture(autouse=True)
def in_repository_root(monkeypatch):
    """Relative paths (corpus/...) mean the same to the module and to the binary."""
    monkeypatch.chdir(ROOT)
