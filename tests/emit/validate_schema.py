#!/usr/bin/env python3
"""Validates vnplan output against the record contract's JSON Schema.

Every record must match src/emit/record.schema.json (draft 2020-12): its type known, every key
declared for that type, every declared key present, values of the declared shape. Exits 0 when
all records are valid, 1 when any is not (each error printed as file:line: message), 2 on usage
errors. Needs python3-jsonschema (Debian package).

  tests/emit/validate_schema.py out.jsonl                # JSON Lines, one record a line
  vnplan extract corpus/ | tests/emit/validate_schema.py -
  tests/emit/validate_schema.py --grouped out.json       # `vnplan extract --format json`
"""
import argparse
import json
import os
import sys

import jsonschema

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src",
                              "emit", "record.schema.json")


def records_jsonl(stream):
    """Yields (line number, record or None for a line that is not JSON, error text)."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except json.JSONDecodeError as e:
            yield number, None, f"not JSON: {e}"


def records_grouped(stream):
    """Yields (document index, record, error) for `--format json` output."""
    try:
        documents = json.load(stream)
    except json.JSONDecodeError as e:
        yield 0, None, f"not JSON: {e}"
        return
    if not isinstance(documents, list):
        yield 0, None, "expected an array of documents"
        return
    for index, document in enumerate(documents):
        if not isinstance(document, dict):
            yield index, None, "expected an object per document"
            continue
        for key, value in document.items():
            if key in ("doc", "path"):
                continue
            if key == "document":
                if value is not None:
                    yield index, value, None
            elif isinstance(value, list):
                for record in value:
                    yield index, record, None
            else:
                yield index, None, f"group {key!r} is not an array"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="output files; - for stdin")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--grouped", action="store_true",
                        help="files are `--format json` arrays, not JSON Lines")
    parser.add_argument("--min-records", type=int, default=1,
                        help="fail when a file holds fewer records (default 1)")
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    errors = 0
    for name in args.files:
        stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
        reader = records_grouped if args.grouped else records_jsonl
        count = 0
        by_type = {}
        for where, record, problem in reader(stream):
            label = f"{name}:{where}" if not args.grouped else f"{name}: document {where}"
            if problem:
                print(f"{label}: {problem}")
                errors += 1
                continue
            count += 1
            kind = record.get("type") if isinstance(record, dict) else None
            by_type[kind] = by_type.get(kind, 0) + 1
            for error in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
                path = "/".join(str(p) for p in error.absolute_path) or "(record)"
                print(f"{label}: {kind} seq {record.get('seq')}: {path}: {error.message}")
                errors += 1
        if count < args.min_records:
            print(f"{name}: {count} records, expected at least {args.min_records}")
            errors += 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(by_type.items(), key=str))
        print(f"{name}: {count} records ({summary})", file=sys.stderr)
    if errors:
        print(f"{errors} schema errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
