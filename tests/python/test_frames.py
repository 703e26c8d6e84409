"""vnplan.to_frames: one pandas DataFrame per record type, the same rows as the SQLite store."""
import sqlite3
from collections import Counter

import pandas as pd

import vnplan
from conftest import run_vnplan

PLAN = "corpus/plans/kh_giam_ngheo_huyen_plain.txt"


def test_one_frame_per_type_with_every_record():
    records = vnplan.extract(PLAN)
    frames = vnplan.to_frames(records)
    counts = Counter(r["type"] for r in records)
    assert {t: len(f) for t, f in frames.items()} == dict(counts)
    amounts = frames["amount"]
    assert list(amounts.columns[:8]) == ["doc", "seq", "span_start", "span_end", "text", "line",
                                         "section", "rule"]
    assert "value_vnd" in amounts.columns and "type" not in amounts.columns
    assert list(frames["section"].columns).count("extent_start") == 1
    # Every row is its record, flattened.
    first = next(r for r in records if r["type"] == "amount")
    row = amounts.iloc[0]
    assert (row.seq, row.span_start, row.span_end, row.value_vnd) == (
        first["seq"], first["span"]["start"], first["span"]["end"], first["value_vnd"])


def test_frames_hold_what_the_sqlite_store_holds(tmp_path):
    db = tmp_path / "plan.sqlite"
    run_vnplan("extract", "-q", PLAN, "--db", db)
    frames = vnplan.to_frames(vnplan.extract_many([PLAN]))
    with sqlite3.connect(db) as con:
        for table, kind, columns in [
            ("amounts", "amount", ["seq", "span_start", "value_vnd", "scale", "fund", "project"]),
            ("citations", "citation", ["seq", "number", "date", "issuer", "role"]),
            ("sections", "section", ["seq", "id", "parent", "level", "kind", "extent_end"]),
        ]:
            stored = pd.read_sql("SELECT %s FROM %s ORDER BY seq" % (", ".join(columns), table),
                                 con)
            ours = frames[kind][columns].reset_index(drop=True)
            pd.testing.assert_frame_equal(ours, stored, check_dtype=False, obj=table)


def test_nullable_integers_stay_integers():
    frames = vnplan.to_frames(vnplan.extract(PLAN))
    years = frames["citation"]["num_year"]  # "90/QĐ-TTg" has none, "14/2022/NQ-HĐND" has one
    assert years.isna().any() and years.notna().any()
    assert str(years.dtype) == "Int64"
