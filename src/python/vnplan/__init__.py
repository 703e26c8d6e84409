"""vnplan for Python: Vietnamese government plan texts to the records of vnplan's contract.

The records are dicts equal to the JSON lines ``vnplan extract`` writes (the contract is
README.md "The record contract"; the exact form is src/emit/record.schema.json). Offsets in
``span`` are byte offsets into the UTF-8 source text, as everywhere in vnplan::

    >>> import vnplan
    >>> records = vnplan.extract("corpus/plans/kh_giam_ngheo_huyen_plain.txt")
    >>> records[0]["type"], records[0]["number"]
    ('document', '...')
    >>> cites = [r for r in records if r["type"] == "citation"]
    >>> src = open("corpus/plans/kh_giam_ngheo_huyen_plain.txt", "rb").read()
    >>> src[cites[0]["span"]["start"]:cites[0]["span"]["end"]].decode() == cites[0]["text"]
    True

The C++ work runs with the GIL released, so threads calling vnplan run in parallel. The rules
are compiled once per process (per rules folder) and kept.

Build: the CMake build puts the package in <build>/python (``PYTHONPATH=build/python
/usr/bin/python3``); it is built for Debian's /usr/bin/python3.
"""

import json
import os
from collections import namedtuple

from . import _vnplan
from ._vnplan import Error

__all__ = [
    "Error",
    "LineSpan",
    "Normalized",
    "audit",
    "expand",
    "extract",
    "extract_many",
    "extract_to",
    "normalize",
    "to_frames",
]


def _lines(jsonl):
    # Split on "\n" only: a record's text may hold U+2028 or NEL, which str.splitlines() cuts.
    return [json.loads(line) for line in jsonl.split("\n") if line]


def _is_path(x):
    if isinstance(x, os.PathLike):
        return True
    return isinstance(x, str) and "\n" not in x and len(x) < 4096 and os.path.isfile(x)


def extract(path_or_text, rules=None, *, name=None):
    """Every record of one document, as a list of dicts in output order (seq 0, 1, ...).

    ``path_or_text`` is a path (``str`` naming an existing file, or ``os.PathLike``), the text
    itself (any other ``str``), or raw ``bytes`` (decoded as a file would be: UTF-8, UTF-16,
    Windows-1258, TCVN3, VNI, VISCII). For text and bytes the document's ``path`` is ``name``
    (default "<text>"), its id the SHA-256 of the UTF-8 (or raw) bytes. ``rules`` names a rules
    folder in place of the built-in rules.

    An unreadable or binary file is not an exception: it gives a ``diagnostic`` record, as in a
    batch. Raises vnplan.Error for a broken rules folder.

        >>> [r["type"] for r in vnplan.extract("Số: 27/KH-UBND\\nKẾ HOẠCH\\n")][:1]
        ['document']
    """
    rules = os.fspath(rules) if rules is not None else ""
    if isinstance(path_or_text, bytes):
        return _lines(_vnplan.extract_bytes(name or "<text>", path_or_text, rules))
    if _is_path(path_or_text):
        return _lines(_vnplan.extract_path(os.fspath(path_or_text), rules))
    if not isinstance(path_or_text, str):
        raise TypeError("extract() takes a path, a str or bytes, not %s" % type(path_or_text))
    return _lines(_vnplan.extract_bytes(name or "<text>", path_or_text.encode(), rules))


def extract_many(paths, jobs=1, rules=None, globs=None):
    """Streams the records of many documents (files and folders, as ``vnplan extract PATHS``):
    a generator of dicts, documents in input order whatever ``jobs`` (worker threads; 0 = every
    core). At most 2 x jobs documents are held; the batch waits while the consumer does not read.
    ``globs`` keeps only files whose name matches when walking folders (["*.txt"]).

    Closing the generator (or dropping it) stops the batch.

        >>> n = sum(1 for r in vnplan.extract_many(["corpus/"], jobs=2, globs=["*.txt"])
        ...         if r["type"] == "document")
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    stream = _vnplan.Stream(
        [os.fspath(p) for p in paths], jobs, os.fspath(rules) if rules else "", list(globs or [])
    )
    try:
        while True:
            chunk = stream.next()
            if chunk is None:
                break
            yield from _lines(chunk)
        stream.check()
    finally:
        stream.close()


LineSpan = namedtuple("LineSpan", "text start end source_start source_end")
LineSpan.__doc__ = """One line of normalized text: its bytes [start, end) in the normalized
text, and the bytes [source_start, source_end) of the source text it came from."""


class Normalized:
    """The normalized text of normalize(), with the map back to the source.

    ``text``: the normalized text; ``source``: the input as UTF-8 text (bytes input decoded);
    ``format``: what the input looked like ("plain", "markdown", "table_export",
    "pdf_wrapped", "pdf_blank_wrapped"); ``spans``: a LineSpan per line of ``text``.
    ``source_span(start, end)`` maps any byte span of ``text`` to the source bytes it came from.
    """

    def __init__(self, core):
        self._core = core
        self.text = core.text
        self.source = core.source
        self.format = core.format
        raw = self.text.encode()
        self.spans = [
            LineSpan(raw[s:e].decode(), s, e, ss, se) for s, e, ss, se in core.line_spans()
        ]

    def source_span(self, start, end):
        return self._core.source_span(start, end)

    def __repr__(self):
        return "Normalized(format=%r, %d lines)" % (self.format, len(self.spans))


def normalize(text):
    """The normalized text of ``text`` (str, or bytes decoded as a file's bytes) and its source
    spans: NFC, one tone placement (hoà -> hòa), spaces, quotes and dashes, markup and page
    numbers removed, hard-wrapped lines joined. Offsets are UTF-8 byte offsets.

        >>> n = vnplan.normalize("Kế hoạch số 12/KH-UBND\\n  hoà  bình\\n")
        >>> n.spans[1].text, n.spans[1].source_start
        ('hòa bình', ...)
    """
    return Normalized(_vnplan.normalize(text))


def audit(paths_or_text, rules=None, registry=None, min_severity="info"):
    """The audit findings of documents, within each one and across them, as ``finding`` record
    dicts: the lines ``vnplan audit --json`` prints, in its order (documents in input order, most
    severe first, then by line). ``paths_or_text`` is a path, a text, bytes, or a list of them
    (folders are walked); ``registry`` adds registry files (YAML) of known documents;
    ``min_severity`` is "info", "warning" or "error".

        >>> [f["code"] for f in vnplan.audit("corpus/audit/faults_planted.txt")][:1]
        ['citation.year_mismatch']
    """
    items = paths_or_text
    if isinstance(items, (str, bytes, os.PathLike)):
        items = [items]
    inputs, texts = [], []
    for i, x in enumerate(items):
        if isinstance(x, bytes):
            texts.append(("<text %d>" % i, x))
        elif _is_path(x) or (isinstance(x, str) and os.path.isdir(x)):
            inputs.append(os.fspath(x))
        else:
            texts.append(("<text %d>" % i, x.encode()))
    lines = _vnplan.audit_json(
        inputs,
        texts,
        min_severity,
        os.fspath(rules) if rules else "",
        [os.fspath(r) for r in (registry or [])],
    )
    return [json.loads(line) for line in lines]


def expand(paths, globs=None):
    """The files ``vnplan extract PATHS`` would read, in its order, and the problems of the
    walk as (level, code, message, path, offset) tuples (a missing path, a symlink loop), which
    a batch writes first as diagnostic records. For splitting a batch (tools/dask_extract.py).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _vnplan.expand([os.fspath(p) for p in paths], list(globs or []))


def extract_to(paths, jsonl=None, db=None, jobs=1, rules=None, globs=None, walk=(), root=None):
    """``vnplan extract PATHS -o JSONL --db DB -j JOBS`` in this process: the same files, bytes
    and rows. ``walk`` diagnostics (from expand()) are written first. With ``root``, ``paths``
    are files (from expand()) read one at a time, relative ones from the folder ``root``, each
    keeping its name as given: the output is that of ``vnplan extract`` run in ``root`` (for a
    cluster worker, whose working folder is not the client's). Returns the run's summary:
    {"documents", "failed", "skipped", "bytes", "seconds", "records.<type>", ...}.
    Raises vnplan.Error when an output cannot be written.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    summary = _vnplan.extract_to(
        [os.fspath(p) for p in paths],
        os.fspath(jsonl) if jsonl else "",
        os.fspath(db) if db else "",
        jobs,
        os.fspath(rules) if rules else "",
        list(globs or []),
        list(walk),
        os.fspath(root) if root else "",
    )
    return {k: (v if k == "seconds" else int(v)) for k, v in summary.items()}


def to_frames(records):
    """Records -> {type: pandas.DataFrame}, one frame per record type (see vnplan.frames)."""
    from .frames import to_frames as _to_frames

    return _to_frames(records)
