#!/usr/bin/python3
"""vnplan extract on a Dask cluster: documents mapped to records by the workers, one JSONL
partition per group of documents, merged in input order.

    tools/dask_extract.py PATHS... (--scheduler ADDRESS | --local N) --out DIR
                          [--glob '*.txt'] [--partition-size 64] [--jsonl FILE] [--db FILE]

The client lists the inputs as `vnplan extract PATHS` does (same files, same order), cuts the
list into partitions of --partition-size documents and submits one task per partition. A task
runs the whole pipeline on its documents with the Python module (vnplan.extract_to: the same
code and sinks as `vnplan extract`) and writes DIR/part-NNNNN.jsonl, first under a name of its
own, then renamed into place: a task that Dask runs again (its worker died) replaces the file
with the same bytes, never adds to it. Walk problems (a missing input) go into partition 0.

Outputs:
  DIR/part-NNNNN.jsonl  the partitions; their concatenation in name order is, byte for byte,
                        `vnplan extract PATHS -o -`: records sorted by document (input order)
                        and seq
  --jsonl FILE          that concatenation
  --db FILE             the SQLite store of `vnplan extract --db`: each task also writes its
                        partition with vnplan's SQLite sink (part-NNNNN.sqlite), and the client
                        copies them in order into FILE (one transaction per partition that first
                        deletes the partition's documents, as the sink does) and removes them

DIR must be a folder every worker and the client see (one machine, NFS, a mounted bucket). Each
worker needs the vnplan package: PYTHONPATH=build/python (or an installed copy), Python 3 from
Debian (/usr/bin/python3, which python3-distributed uses).

Examples:
  PYTHONPATH=build/python tools/dask_extract.py corpus/ --glob '*.txt' --local 2 --out out/parts \\
      --jsonl out/corpus.jsonl --db out/corpus.sqlite
  dask scheduler &  dask worker tcp://HOST:8786 --nthreads 1 &   # on each machine
  tools/dask_extract.py /archive --scheduler tcp://HOST:8786 --out /shared/parts --db plans.db

Exit code: 0; 1 when some input could not be read (its diagnostic records are in the output);
2 on a usage error or a failed task.
"""
import argparse
import os
import shutil
import sqlite3
import sys
import time
import uuid
from pathlib import Path

# From the source tree, find the module of the default build (tools/setup builds into build/).
_BUILD_PYTHON = Path(__file__).resolve().parent.parent / "build" / "python"
if "vnplan" not in sys.modules and _BUILD_PYTHON.is_dir():
    sys.path.append(str(_BUILD_PYTHON))

import vnplan  # noqa: E402


def part_name(index, ext):
    return "part-%05d.%s" % (index, ext)


def run_partition(index, files, out_dir, want_db, rules, walk, root):
    """On a worker: the pipeline over `files` (relative to the client's folder `root`), written
    to DIR/part-<index>.jsonl (and .sqlite)."""
    tmp = Path(out_dir) / ".tmp" / ("%s-%s" % (part_name(index, "d"), uuid.uuid4().hex))
    tmp.mkdir(parents=True)
    try:
        jsonl = tmp / part_name(index, "jsonl")
        db = tmp / part_name(index, "sqlite") if want_db else None
        summary = vnplan.extract_to(files, jsonl=jsonl, db=db, rules=rules, walk=walk,
                                    root=root)
        if db is not None:
            os.replace(db, Path(out_dir) / db.name)
        os.replace(jsonl, Path(out_dir) / jsonl.name)  # last: a partition is done when it is here
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary["worker_pid"] = os.getpid()
    return index, summary


def partitions(files, walk, size):
    """[(index, files, walk)]: consecutive groups of `size` files; walk problems in the first."""
    groups = [files[i:i + size] for i in range(0, len(files), size)] or [[]]
    return [(i, g, walk if i == 0 else []) for i, g in enumerate(groups)]


def merge_jsonl(out_dir, count, target):
    tmp = Path(str(target) + ".tmp")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "wb") as out:
        for i in range(count):
            with open(Path(out_dir) / part_name(i, "jsonl"), "rb") as part:
                shutil.copyfileobj(part, out)
    os.replace(tmp, target)


def merge_sqlite(out_dir, count, target):
    """Copies the partition databases, in order, into `target` (created by vnplan's own sink,
    so the schema is the one of src/emit/schema.sql)."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    vnplan.extract_to([], db=target)  # creates the schema, or checks its version
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    try:
        for i in range(count):
            part = Path(out_dir) / part_name(i, "sqlite")
            con.execute("ATTACH DATABASE ? AS part", (str(part),))
            tables = [name for (name,) in con.execute(
                "SELECT name FROM part.sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('meta', 'documents') AND name NOT LIKE 'sqlite_%' "
                "ORDER BY rowid")]
            con.execute("BEGIN IMMEDIATE")
            # Documents written again replace their rows, as the sink does (cascade).
            con.execute("DELETE FROM main.documents WHERE doc IN (SELECT doc FROM part.documents)")
            con.execute("INSERT INTO main.documents SELECT * FROM part.documents")
            for t in tables:
                con.execute('INSERT INTO main."%s" SELECT * FROM part."%s"' % (t, t))
            con.execute("COMMIT")
            con.execute("DETACH DATABASE part")
        con.execute("PRAGMA optimize")
    finally:
        con.close()
    for i in range(count):
        (Path(out_dir) / part_name(i, "sqlite")).unlink()


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="vnplan extract on a Dask cluster (see the top of this file)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="files and folders, as for vnplan extract")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:8786)")
    where.add_argument("--local", type=int, metavar="N",
                       help="start a LocalCluster of N worker processes, one thread each")
    ap.add_argument("--out", required=True, help="folder for the partitions (shared by workers)")
    ap.add_argument("--glob", action="append", default=[], help="only files matching; repeatable")
    ap.add_argument("--partition-size", type=int, default=64, help="documents per task")
    ap.add_argument("--jsonl", help="also write the partitions merged into this file")
    ap.add_argument("--db", help="also write the SQLite store of vnplan extract --db")
    ap.add_argument("--rules", default="", help="a rules folder in place of the built-in rules")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.partition_size < 1:
        ap.error("--partition-size must be at least 1")

    from distributed import Client, LocalCluster, as_completed

    t0 = time.monotonic()
    files, walk = vnplan.expand(args.paths, args.glob)
    parts = partitions(files, walk, args.partition_size)
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in list(out_dir.glob("part-*.jsonl")) + list(out_dir.glob("part-*.sqlite")):
        old.unlink()  # partitions of an earlier run would be merged with these
    rules = os.path.abspath(args.rules) if args.rules else ""

    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(args.scheduler)
    try:
        workers = len(client.scheduler_info()["workers"])
        run = uuid.uuid4().hex[:8]
        futures = [
            client.submit(run_partition, i, group, str(out_dir), bool(args.db), rules, w,
                          os.getcwd(), key="vnplan-%s-%05d" % (run, i))
            for i, group, w in parts
        ]
        totals = {}
        for future in as_completed(futures):
            try:
                _, summary = future.result()
            except Exception as e:  # the task raised (vnplan.Error: an unwritable partition)
                print("dask_extract: %s failed: %s" % (future.key, e), file=sys.stderr)
                return 2
            for k, v in summary.items():
                if k != "worker_pid":
                    totals[k] = totals.get(k, 0) + v
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    if args.jsonl:
        merge_jsonl(out_dir, len(parts), args.jsonl)
    if args.db:
        merge_sqlite(out_dir, len(parts), args.db)
    shutil.rmtree(out_dir / ".tmp", ignore_errors=True)
    seconds = time.monotonic() - t0
    if not args.quiet:
        docs = int(totals.get("documents", 0))
        mb = totals.get("bytes", 0) / 1e6
        print("dask_extract: %d documents, %d failed in %d partitions on %d workers; "
              "%.1f MB in %.2f s (%.1f documents/s, %.2f MB/s)"
              % (docs, totals.get("failed", 0), len(parts), workers, mb, seconds,
                 docs / seconds, mb / seconds), file=sys.stderr)
        records = sorted((k[len("records."):], int(v)) for k, v in totals.items()
                         if k.startswith("records."))
        print("records: " + ", ".join("%s %d" % r for r in records), file=sys.stderr)
    return 1 if totals.get("failed", 0) else 0


if __name__ == "__main__":
    sys.exit(main())
