"""tools/dask_extract.py on a LocalCluster and on a scheduler and workers started here: the same
bytes as `vnplan extract` on one machine, and the same SQLite rows, even when a worker dies in
the middle of a task."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BINARY, ROOT, SEEDS

TOOL = ROOT / "tools" / "dask_extract.py"
# The corpus and the seeds (30-odd documents), and one missing input (a walk diagnostic).
INPUTS = ["corpus/", str(SEEDS), "corpus/no_such_folder"]
GLOBS = ["--glob", "*.txt"]


def partitions(size):
    """How many partitions the tool makes of INPUTS, `size` documents each."""
    import vnplan

    files, walk = vnplan.expand([ROOT / p for p in INPUTS], ["*.txt"])
    assert len(files) >= 30 and len(walk) == 1
    return -(-len(files) // size)
# Workers run in their own folders: the module's folder must be absolute for them.
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.pathsep.join(
    os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p))
DEADLINE = 180  # seconds: a stuck cluster fails the test instead of hanging ctest


def sqlite_rows(path):
    """Every row of every table, sorted: what a database holds, whatever the insert order."""
    import sqlite3

    with sqlite3.connect(path) as con:
        tables = [t for (t,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(con.execute('SELECT * FROM "%s"' % t).fetchall(), key=repr)
                for t in tables}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """`vnplan extract` of INPUTS on one machine: JSONL bytes and SQLite rows."""
    out = tmp_path_factory.mktemp("reference")
    proc = subprocess.run([BINARY, "extract", "-q", *INPUTS, *GLOBS, "-o", out / "ref.jsonl",
                           "--db", out / "ref.sqlite"], cwd=ROOT)
    assert proc.returncode == 1  # the missing input
    data = (out / "ref.jsonl").read_bytes()
    assert data.count(b'"type":"document"') == partitions(1)
    return data, sqlite_rows(out / "ref.sqlite")


def run_tool(out, *where, partition_size=4):
    return subprocess.Popen(
        [sys.executable, TOOL, *INPUTS, *GLOBS, *where, "--out", out / "parts",
         "--partition-size", str(partition_size), "--jsonl", out / "all.jsonl",
         "--db", out / "all.sqlite", "-q"],
        cwd=ROOT, env=ENV)


def check_output(out, reference, partitions):
    data, rows = reference
    merged = (out / "all.jsonl").read_bytes()
    assert merged == data  # complete, in order, byte for byte
    parts = sorted((out / "parts").glob("part-*.jsonl"))
    assert [p.name for p in parts] == ["part-%05d.jsonl" % i for i in range(partitions)]
    assert b"".join(p.read_bytes() for p in parts) == data
    assert not list((out / "parts").glob("*.sqlite"))  # merged, then removed
    assert sqlite_rows(out / "all.sqlite") == rows


def test_local_cluster_of_two_worker_processes(tmp_path, reference):
    tool = run_tool(tmp_path, "--local", "2")
    assert tool.wait(timeout=DEADLINE) == 1  # ran; one input missing, as vnplan extract
    check_output(tmp_path, reference, partitions=partitions(4))


class Cluster:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, stopped by stop()."""

    def __init__(self, tmp_path):
        self.dir = tmp_path
        self.file = tmp_path / "scheduler.json"
        self.procs = {}
        self.start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0",
                   "--no-dashboard", "--scheduler-file", self.file)
        wait_for(self.file.exists, "the scheduler file")

    def start(self, name, *args, env=None):
        log = open(self.dir / (name + ".log"), "wb")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "dask", *map(str, args)], cwd=self.dir, env=env or ENV,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def worker(self, name, *extra, env=None):
        self.start(name, "worker", "--scheduler-file", self.file, "--nthreads", "1",
                   "--no-nanny", "--no-dashboard", "--name", name,
                   "--local-directory", self.dir / name, *extra, env=env)

    def address(self):
        import json

        return json.loads(self.file.read_text())["address"]

    def wait_for_workers(self, n):
        from distributed import Client

        with Client(self.address(), timeout=60) as client:
            client.wait_for_workers(n, timeout=DEADLINE)

    def stop(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_for(condition, what):
    end = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < end, "timed out waiting for " + what
        time.sleep(0.1)


def test_scheduler_and_two_workers(tmp_path, reference):
    cluster = Cluster(tmp_path)
    try:
        cluster.worker("w1")
        cluster.worker("w2")
        cluster.wait_for_workers(2)
        tool = run_tool(tmp_path, "--scheduler", cluster.address())
        assert tool.wait(timeout=DEADLINE) == 1
    finally:
        cluster.stop()
    check_output(tmp_path, reference, partitions=partitions(4))


def test_a_worker_killed_mid_task_is_replaced_by_a_retry(tmp_path, reference):
    marker = tmp_path / "stalled"
    cluster = Cluster(tmp_path)
    try:
        cluster.worker("steady")
        # This worker takes a partition and stalls in it until it is killed.
        cluster.worker("doomed", "--preload", ROOT / "tests" / "python" / "dask_stall_worker.py",
                       env=dict(ENV, VNPLAN_TEST_STALL_MARKER=str(marker)))
        cluster.wait_for_workers(2)
        tool = run_tool(tmp_path, "--scheduler", cluster.address(), partition_size=2)
        wait_for(lambda: marker.exists() or tool.poll() is not None, "the doomed worker's task")
        assert marker.exists(), "the doomed worker never got a task"
        doomed = cluster.procs["doomed"]
        os.killpg(doomed.pid, signal.SIGKILL)  # mid-task: its partition is not written
        doomed.wait()
        assert tool.wait(timeout=DEADLINE) == 1  # finished on the steady worker
    finally:
        cluster.stop()
    check_output(tmp_path, reference, partitions=partitions(2))
    merged = (tmp_path / "all.jsonl").read_bytes().splitlines()
    assert len(merged) == len(set(merged))  # no record twice
