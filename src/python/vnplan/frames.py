"""Records to pandas DataFrames, one per record type.

    >>> frames = vnplan.to_frames(vnplan.extract_many(["corpus/"], globs=["*.txt"]))
    >>> frames["amount"].groupby("fund").value_vnd.sum()

Each frame has the columns of its type in contract order (doc, seq, span_start, span_end,
text, line, section, rule, then the type's fields), the same flat layout as the SQLite tables and
the CSV files: a range such as ``span`` or ``extent`` becomes <name>_start and <name>_end; lists
(recipients, projects, tasks, a finding's records) stay Python lists; null is None (NaN in a
numeric column). Integer columns that hold nulls are pandas' nullable "Int64".
"""

import pandas as pd

_RANGES = ("span", "extent")


def _flat(record):
    row = {}
    for key, value in record.items():
        if key in _RANGES and isinstance(value, dict):
            row[key + "_start"] = value.get("start")
            row[key + "_end"] = value.get("end")
        else:
            row[key] = value
    return row


def to_frames(records):
    """``records``: any iterable of record dicts (a list, or the generator of extract_many).
    Returns {type: DataFrame} in the order types first appear; a type with no records has no
    frame. The ``type`` column is dropped (it is the key).
    """
    rows = {}
    columns = {}
    for record in records:
        t = record["type"]
        row = _flat(record)
        rows.setdefault(t, []).append(row)
        cols = columns.setdefault(t, {})
        for key in row:
            cols.setdefault(key, None)
    frames = {}
    for t, type_rows in rows.items():
        names = [c for c in columns[t] if c != "type"]
        frame = pd.DataFrame.from_records(type_rows, columns=names)
        for c in names:
            values = [r.get(c) for r in type_rows]
            present = [v for v in values if v is not None]
            if present and len(present) < len(values) and all(
                isinstance(v, int) and not isinstance(v, bool) for v in present
            ):
                frame[c] = pd.array(values, dtype="Int64")
        frames[t] = frame
    return frames
