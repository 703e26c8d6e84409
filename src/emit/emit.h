// emit: the record contract (JSON Lines, version 1) and the sinks that write it.
//
// The pipeline hands each document to every sink as a DocumentOutput: the ingest facts, the
// decoded source text and the records, whose spans are SOURCE spans (byte offsets into the
// decoded text). A sink turns each record into one line of the contract (RecordToJson) and writes
// it somewhere: a JSONL file or stdout, a JSON array grouped by type, a SQLite database, a
// folder of CSV files, or an HTML report for a person to read.
//
//   StatusOr<std::unique_ptr<Sink>> db = OpenSqliteSink("plans.db");
//   if (!db.ok()) { /* unwritable path, or a database of another schema version */ }
//   if (!(*db)->HasDocument(out.id)) {              // --resume
//     Status s = (*db)->Write(out);                 // one transaction per document
//   }
//   Status s = (*db)->Finish();
//
// ## The record contract (../shared/DESIGN.md; exact form: src/emit/record.schema.json)
//
// One JSON object per line, UTF-8, keys always in this order:
//
//   type     "document", "section", "citation", "amount", "quantity", "date", "responsibility",
//            "report", "finding" or "diagnostic"
//   doc      the document id: hex SHA-256 of the raw input bytes; null only for a diagnostic
//            about an input that could not be read at all
//   seq      0-based ordinal of the record in its document. (doc, seq) is the record's id, used
//            by SQLite keys and by the `records` of a finding. The document record is seq 0
//   span     {"start": s, "end": e}: half-open byte offsets into the decoded source text
//   text     exactly the bytes of that span
//   line     1-based line of `start`
//   section  id of the innermost section ("V.3.b"), or null outside the body
//   rule     id of the rule (or segmenter step) that made the record, or null
//   ...      then the type's own fields, in the order of the contract table, each always present
//            (null when the stage did not set it), then any extra field a stage set, by name.
//
// `span`, `text` and `line` are left out for records not drawn from text: the document record
// and diagnostics (and any record whose span is empty). For example, a citation drawn from line 2
// of "KẾ HOẠCH\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n":
//
//   {"type":"citation","doc":"acdf438ff3043b5ea045d2389d086b784c779d918b48c37d698276f0045bcae2",
//    "seq":3,"span":{"start":23,"end":71},
//    "text":"Quyết định số 90/QĐ-TTg ngày 18/01/2022","line":2,"section":"can_cu",
//    "rule":"citation.quyet_dinh","doc_type":"Quyết định","number":"90/QĐ-TTg",
//    "type_code":"QĐ","issuer_code":"TTg","num_year":null,"date":"2022-01-18",
//    "issuer":"Thủ tướng Chính phủ","title":null,"role":"legal_basis","repaired":false}
//
// (one line in the output; tests/emit/record_json_test.cc holds this exact case).
//
// The records of a document are written in this order: DocumentOutput::records as given (the
// pipeline puts the document record first, then sections, then the others by position), then
// one `diagnostic` record per DocumentOutput::diagnostics. Output is byte-stable: the same input
// gives the same bytes.
//
// Sinks are used from one thread. Every sink's Write first runs CheckSpans: a record whose span
// does not lie on character boundaries inside the text is refused (InvalidArgument), since its
// `text` could not be the exact source bytes.
#ifndef VNPLAN_EMIT_EMIT_H_
#define VNPLAN_EMIT_EMIT_H_

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/line_index.h"
#include "base/record.h"
#include "base/status.h"

namespace vnplan {

// The version of the record contract the sinks write.
inline constexpr int kContractVersion = 1;

// One document as the sinks see it. The small facts are copies; the text, the records and the
// diagnostics are borrowed and must stay alive during the Write call.
struct DocumentOutput {
  std::string path;         // as given; "-" for stdin
  std::string id;           // hex SHA-256 of the raw bytes; "" when the input was unreadable
  size_t bytes = 0;         // raw size
  std::string encoding;     // EncodingName() of the detected encoding, "" when none
  double confidence = 0.0;  // encoding detection confidence, 0..1
  std::string format;       // normalize's label ("plain", "markdown", ...)
  std::string_view text;    // the decoded source text that record spans point into
  std::span<const Record> records;          // source spans; the document record first
  std::span<const Diagnostic> diagnostics;  // written after the records, as `diagnostic` records
};

// The contract line for `record`, the `seq`-th record of `doc` (see the layout above). Fields
// the contract lists for the record's type come first in contract order, null when missing; for
// the document record, path/bytes/encoding/confidence/format fall back to the DocumentOutput
// facts when the record does not set them. Extra fields follow by name; a field named like a
// common key (type, doc, seq, span, text, line, section, rule) is dropped.
// `lines` must be LineIndex(doc.text); the overload without it builds one (O(text) per call).
nlohmann::ordered_json RecordToJson(const Record& record, const DocumentOutput& doc, size_t seq,
                                    const LineIndex& lines);
nlohmann::ordered_json RecordToJson(const Record& record, const DocumentOutput& doc, size_t seq);

// The `diagnostic` record of `d`: fields level, code, message, path, offset (the raw byte
// offset in the input, or null). No span: a diagnostic's offset is into the raw bytes.
Record DiagnosticRecord(const Diagnostic& d);

// OK when every record's span is ordered, inside doc.text and on UTF-8 character boundaries;
// else InvalidArgument naming the document path, the seq, the rule and the span.
Status CheckSpans(const DocumentOutput& doc);

// Makes the records of a document of `text` pass CheckSpans without losing one: each record
// whose span is not a character range of `text` keeps its place (its seq, which findings refer
// to) and its fields but loses its span, and an error diagnostic `emit.bad_span` naming its
// seq, rule and span is appended to `diagnostics`. Returns how many spans were cleared. The
// pipeline runs it on every document, so that a bug in one extractor fails one record with a
// diagnostic, not the batch.
size_t ClearBadSpans(std::string_view text, std::string_view path, Records* records,
                     Diagnostics* diagnostics);

// What a sink made of one document ahead of writing it (Sink::Prepare): for JSON Lines, the
// document's lines; for SQLite, its rows' contract lines and JSON text. Opaque to the caller.
class PreparedOutput {
 public:
  virtual ~PreparedOutput() = default;
};

// Where documents go. Call Write once per document, then Finish once; a sink that is destroyed
// without Finish leaves no partial output behind (files) or keeps only whole documents
// (SQLite).
//
// Writing may be split in two, so that the costly half runs on many threads: Prepare (const,
// safe to call from any thread at once, for any documents) does the work that needs no sink
// state, and WritePrepared, called in document order from one thread, does the rest. A sink
// that cannot split returns nullptr from Prepare, and WritePrepared then does all of Write.
//
//   std::unique_ptr<PreparedOutput> p = sink->Prepare(out);   // on a worker thread
//   Status s = sink->WritePrepared(out, std::move(p));        // later, in order, one thread
class Sink {
 public:
  virtual ~Sink() = default;

  // Writes every record of `doc`. Errors: InvalidArgument (CheckSpans), IOError (disk full,
  // unwritable), Corruption (the database refused the rows).
  virtual Status Write(const DocumentOutput& doc) = 0;

  // The thread-safe first half of Write, or nullptr when this sink does all its work in Write.
  virtual std::unique_ptr<PreparedOutput> Prepare(const DocumentOutput& /*doc*/) const {
    return nullptr;
  }
  // Write, given what Prepare returned for this `doc` (nullptr: plain Write). Same errors and
  // the same bytes as Write(doc). With a prepared output, only doc's file facts (path, id,
  // bytes, encoding, confidence, format) may be read: the caller may have freed its text,
  // records and diagnostics.
  virtual Status WritePrepared(const DocumentOutput& doc,
                               std::unique_ptr<PreparedOutput> /*prepared*/) {
    return Write(doc);
  }

  // Completes the output: flushes, renames temporary files into place, closes the database.
  // Write after Finish is InvalidArgument.
  virtual Status Finish() = 0;

  // For --resume: true when the sink already holds the document with this id, so the pipeline
  // may skip it. Sinks that cannot tell (CSV, JSON, stdout) always say false.
  virtual bool HasDocument(const std::string& /*doc_id*/) { return false; }
};

struct SinkOptions {
  // JSONL file: keep the documents already in the file (copied to the new file as they are)
  // and report them through HasDocument. Default: the file is replaced.
  bool resume = false;
};

// JSON Lines, one line per record. `path` "-" streams to stdout; otherwise lines go to
// "<path>.tmp", synced and renamed to `path` by Finish. IOError when the file cannot be created
// or another process is writing the same `path` (each file sink holds its "<path>.tmp" locked
// while it writes; one left by a killed run is taken over); Corruption when resuming from a
// file that is not JSON Lines.
StatusOr<std::unique_ptr<Sink>> OpenJsonlSink(const std::string& path,
                                              const SinkOptions& options = {});
// JSON Lines to a stream the caller owns (tests, pipes). Finish flushes it.
std::unique_ptr<Sink> OpenJsonlSink(std::ostream* out);

// `--format json`: a JSON array with one object per document, written as each document comes:
//
//   [{"doc":"acdf43…","path":"a.txt","document":{…the document record…}, "section":[…],
//     "citation":[…],"amount":[],"quantity":[],"date":[],"responsibility":[],"report":[],
//     "finding":[],"diagnostic":[]}]
//
// Every contract type has its array (empty when none); records of a type outside the contract
// get an array after them. Each record object is the same as its JSON line. "document" is null
// when the document has no document record (an unreadable input). `path` "-" is stdout,
// otherwise "<path>.tmp" renamed by Finish.
StatusOr<std::unique_ptr<Sink>> OpenJsonSink(const std::string& path);
std::unique_ptr<Sink> OpenJsonSink(std::ostream* out);

// The embedded store: a SQLite database at `path` (created when missing) with the schema of
// src/emit/schema.sql — one table per record type keyed by (doc, seq), full JSON line in a `json`
// column, views legal_bases, budget_by_project and who_chairs. Each Write is one transaction
// that first deletes the document's previous rows, so writing a document again replaces it.
// InvalidArgument when the file is a database of another schema version or not a vnplan
// database; IOError when it cannot be opened.
StatusOr<std::unique_ptr<Sink>> OpenSqliteSink(const std::string& path);
// The SQL that creates an empty vnplan database (src/emit/schema.sql, embedded at build time).
std::string_view SqliteSchema();
// The schema_version a database must have for OpenSqliteSink to open it.
inline constexpr int kSqliteSchemaVersion = 1;

// `--csv DIR`: one file per record type (documents.csv, sections.csv, citations.csv, ...,
// diagnostics.csv; a type outside the contract gets <type>.csv with its fields as one JSON
// column), UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. Columns: doc, seq, span_start,
// span_end, line, text (types drawn from text), section, rule, then the type's fields (a range
// such as `extent` as <name>_start, <name>_end; arrays as JSON text; null as an empty field).
// Files are written under temporary names and renamed by Finish. DIR is created when missing.
StatusOr<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir);

// `vnplan audit --html FILE`: one self-contained page a person can read (inline CSS and script,
// no network, no external asset; a Content-Security-Policy that allows nothing else), laid out
// as:
//   - the findings, grouped by document in input order, most severe first, then by line; each
//     links to its place in the document text;
//   - the cited legal bases (citations with role "legal_basis") with their audit status: the
//     findings whose `records` name them, or "ok";
//   - each budget as a tree (audit's FindBudgets: total, its parts, nested subtotals), with the
//     sum of the parts against the total, and the project, fund and year of each amount;
//   - each document's decoded source text with citations, amounts, quantities, dates,
//     responsibilities, reports and findings highlighted by type (a legend at the top);
//     hovering a highlight shows its record's fields. Overlapping spans nest; a span that
//     crosses another is split in two elements.
// Every string from the input (text, paths, fields) is HTML-escaped: a document holding
// "<script>" shows it as text. Ids in the page: "d<N>" the N-th document (0-based, input
// order), "d<N>-r<SEQ>" the highlight of record SEQ, "f<N>-<SEQ>" a finding in the list
// ("f<N>-c<K>" for the K-th cross-document finding of document N).
//
// The document sections are written to a temporary file as documents come, so memory holds
// only the findings, legal bases and budgets; Finish writes the page to "<path>.tmp" and renames
// it to `path`. The folder of `path` is created when missing. IOError when a file cannot be
// created or written; InvalidArgument from CheckSpans.
//
//   StatusOr<std::unique_ptr<HtmlReportSink>> html = OpenHtmlReportSink("out/report.html");
//   (*html)->Write(doc);                                    // each document
//   for (const Record& f : corpus.Add(doc.id, doc.records)) (*html)->AddFinding(doc.id, f);
//   Status s = (*html)->Finish();
struct HtmlReportOptions {
  std::string min_severity = "info";  // findings below this ("warning", "error") are left out
  std::vector<std::string> only;      // when not empty, only findings with these codes
  std::string title = "vnplan audit report";  // the page title (escaped)
};

class HtmlReportSink : public Sink {
 public:
  // A finding that is not among its document's records (a cross-document finding), for the
  // document with id `doc` written earlier; its `records` name seqs of that document. Ignored
  // when no document with that id was written; InvalidArgument after Finish.
  virtual Status AddFinding(const std::string& doc, const Record& finding) = 0;
};

StatusOr<std::unique_ptr<HtmlReportSink>> OpenHtmlReportSink(const std::string& path,
                                                             const HtmlReportOptions& options = {});

// `text` with & < > " ' replaced by character references (NUL by U+FFFD), safe as element
// content and inside a quoted attribute:
//   HtmlEscape("<b title=\"x\">") == "&lt;b title=&quot;x&quot;&gt;"
std::string HtmlEscape(std::string_view text);

// One CSV field, quoted when it holds a comma, a double quote, CR or LF (quotes doubled):
//   CsvField("a,b") == "\"a,b\"";  CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"";
std::string CsvField(std::string_view value);

}  // namespace vnplan

#endif  // VNPLAN_EMIT_EMIT_H_
