"""The Python module against the binary: the same records, findings and normalized text."""
import hashlib
import json
import threading
import time
import types

import pytest

import vnplan
from conftest import ROOT, SEEDS, jsonl, run_vnplan

DOCS = [
    "corpus/plans/kh_giam_ngheo_huyen_plain.txt",
    "corpus/formats/pdf_hard_wrapped.txt",
    "corpus/encodings/ke_hoach_xa_tan_lap.tcvn3.txt",  # a legacy encoding, decoded
    "corpus/encodings/ke_hoach_xa_tan_lap.utf-16le.txt",
]


@pytest.mark.parametrize("path", DOCS)
def test_extract_path_gives_the_lines_of_vnplan_extract(path):
    expected = run_vnplan("extract", "-q", path)
    records = vnplan.extract(path)
    assert records == jsonl(expected)
    # Same keys in the same order: each dict dumps back to its line, byte for byte.
    dumped = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                     for r in records)
    assert dumped == expected


def test_extract_of_every_seed_equals_the_binary():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, "no seeds in %s" % SEEDS
    for seed in seeds:
        assert vnplan.extract(seed) == jsonl(run_vnplan("extract", "-q", seed)), seed


def test_extract_text_and_bytes_are_the_document_in_memory():
    path = "corpus/plans/kh_lead_ins_no_header.txt"
    raw = (ROOT / path).read_bytes()
    from_file = vnplan.extract(path)
    for records in (vnplan.extract(raw.decode(), name=path), vnplan.extract(raw, name=path)):
        assert records == from_file
    unnamed = vnplan.extract(raw.decode())
    assert unnamed[0]["path"] == "<text>"
    assert unnamed[0]["doc"] == hashlib.sha256(raw).hexdigest()
    # Legacy bytes decode as the file does: same records, whatever the name.
    legacy = "corpus/encodings/ke_hoach_xa_tan_lap.tcvn3.txt"
    assert vnplan.extract((ROOT / legacy).read_bytes(), name=legacy) == vnplan.extract(legacy)


def test_spans_point_at_the_source_bytes():
    path = "corpus/plans/kh_giam_ngheo_huyen_plain.txt"
    raw = (ROOT / path).read_bytes()
    spanned = [r for r in vnplan.extract(path) if "span" in r]
    assert len(spanned) > 100
    for r in spanned:
        assert raw[r["span"]["start"]:r["span"]["end"]].decode() == r["text"]


def test_unreadable_input_is_a_diagnostic_record_not_an_exception():
    records = vnplan.extract(ROOT / "corpus" / "no_such_plan.txt")
    assert [(r["type"], r["code"]) for r in records] == [("diagnostic", "ingest.unreadable")]


def test_broken_rules_folder_raises(tmp_path):
    (tmp_path / "citation").mkdir()
    (tmp_path / "citation" / "bad.yaml").write_text("- id: x\n  pattern: '(unclosed'\n")
    with pytest.raises(vnplan.Error, match="bad.yaml"):
        vnplan.extract("Số: 1/KH-UBND", rules=tmp_path)


def test_extract_many_streams_the_batch_in_input_order():
    stream = vnplan.extract_many(["corpus/", "nope.txt"], jobs=2, globs=["*.txt"])
    assert isinstance(stream, types.GeneratorType)
    expected = jsonl(run_vnplan("extract", "-q", "-j", "2", "corpus/", "nope.txt",
                                "--glob", "*.txt"))
    assert list(stream) == expected
    assert expected[0]["code"] == "ingest.not_found"  # walk problems first, as the binary


def test_extract_many_can_be_left_early():
    stream = vnplan.extract_many(["corpus/"], jobs=2, globs=["*.txt"])
    first = [next(stream) for _ in range(3)]
    stream.close()  # stops the batch; returns instead of waiting for every document
    assert first[0]["type"] == "document"
    again = vnplan.extract_many(["corpus/"], jobs=1, globs=["*.txt"])
    assert next(again) == first[0]
    del again


def test_normalize_gives_the_spans_of_vnplan_normalize():
    for path in ("corpus/formats/pdf_hard_wrapped.txt", "corpus/formats/markdown_converter.txt",
                 "corpus/formats/nfd_mixed_tones.txt"):
        expected = jsonl(run_vnplan("normalize", "--spans", path))
        n = vnplan.normalize((ROOT / path).read_bytes())
        got = [{"text": s.text, "start": s.source_start, "end": s.source_end} for s in n.spans]
        assert got == [{"text": e["text"], "start": e["span"]["start"], "end": e["span"]["end"]}
                       for e in expected], path
        assert n.text.rstrip("\n") == run_vnplan("normalize", path).rstrip("\n")


def test_normalize_maps_edits_back_to_the_source():
    text = "Kế hoạch số 12/KH-UBND\n\nXã  hoà   bình\n"
    n = vnplan.normalize(text)
    assert [s.text for s in n.spans] == ["Kế hoạch số 12/KH-UBND", "Xã hòa bình"]  # blank dropped
    src = text.encode()
    line = n.spans[1]
    assert src[line.source_start:line.source_end].decode() == "Xã  hoà   bình"
    # "hòa" in the normalized text came from "hoà" in the source.
    start = n.text.encode().index("hòa".encode())
    s, e = n.source_span(start, start + len("hòa".encode()))
    assert src[s:e].decode() == "hoà"
    with pytest.raises(IndexError):
        n.source_span(0, len(n.text.encode()) + 1)


def test_audit_gives_the_findings_of_vnplan_audit():
    expected = jsonl(run_vnplan("audit", "--json", "corpus/audit/", "corpus/plans/"))
    assert expected, "the audit corpus has findings"
    assert vnplan.audit(["corpus/audit/", "corpus/plans/"]) == expected
    errors = jsonl(run_vnplan("audit", "--json", "--min-severity", "error", "corpus/audit/"))
    assert vnplan.audit("corpus/audit/", min_severity="error") == errors
    assert {f["severity"] for f in errors} == {"error"}


def test_audit_of_a_text_is_the_audit_of_its_file():
    path = "corpus/audit/faults_planted.txt"
    from_file = vnplan.audit(path)
    assert any(f["code"] == "citation.year_mismatch" for f in from_file)
    assert vnplan.audit((ROOT / path).read_text()) == from_file


def test_the_gil_is_released_while_cpp_works():
    # A document big enough that extracting it takes many switch intervals (5 ms).
    text = "\n".join((ROOT / "corpus/plans/kh_giam_ngheo_huyen_plain.txt").read_text()
                     for _ in range(30))
    window = {}

    def work():
        window["start"] = time.monotonic()
        vnplan.extract(text)
        window["end"] = time.monotonic()

    worker = threading.Thread(target=work)
    stamps = []
    worker.start()
    n = 0
    while worker.is_alive():
        n += 1
        if n % 200 == 0:
            stamps.append(time.monotonic())
    worker.join()
    inside = [t for t in stamps if window["start"] < t < window["end"]]
    # This thread kept running through the call: its stamps cover most of the call's window.
    # With the GIL held, the window would show at most one switch interval of stamps.
    covered = (inside[-1] - inside[0]) / (window["end"] - window["start"]) if inside else 0.0
    assert covered > 0.5, "main thread ran during %.0f%% of the call" % (100 * covered)
