// pipeline: the only code that knows every stage. Turns one document into its records, and runs
// a batch of inputs through worker threads into sinks, in input order.
//
//   PipelineOptions opts;                 // built-in rules, all cores
//   StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create(opts);
//   if (!p.ok()) { /* a broken rules folder: file:line: rule id: message */ }
//
//   // One document in memory:
//   ProcessedDocument doc = (*p)->Process(MakeDocument("a.txt", bytes, {}));
//   for (const Record& r : doc.records) { /* spans are source spans */ }
//
//   // A batch: files and folders, N threads, output in input order.
//   std::unique_ptr<Sink> jsonl = ...;               // see emit/emit.h
//   RunSummary summary;
//   Status s = (*p)->Run({"corpus/"}, {jsonl.get()}, &summary);
//
// Memory stays bounded by the documents in flight (at most 2 × jobs), never the corpus.
#ifndef VNPLAN_PIPELINE_PIPELINE_H_
#define VNPLAN_PIPELINE_PIPELINE_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "base/diagnostic.h"
#include "base/record.h"
#include "base/status.h"
#include "emit/emit.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "rules/rules.h"
#include "segment/segment.h"

namespace vnplan {

struct PipelineOptions {
  std::string rules_dir;       // a rules folder in place of the built-in rules ("" = built-in)
  DecodeOptions decode;        // default: detect the encoding of each input
  SourceOptions sources;       // directory walk: globs
  NormalizeOptions normalize;  // default: everything on
  ExtractOptions extract;      // default: every extractor
  AuditOptions audit;          // registry of known documents: built-in plus these files
  bool run_audit = true;       // append each document's findings to its records
  int jobs = 0;                // worker threads; 0 = every core
  bool resume = false;         // skip documents a sink already holds (same SHA-256)
  // Called on the writing thread after each document (progress display). May be empty.
  std::function<void(const struct Progress&)> on_progress;
  // Set to true (e.g. from a SIGINT handler) to stop taking new documents; the ones already
  // finished are still written in order.
  const std::atomic<bool>* stop = nullptr;
};

struct Progress {
  size_t done = 0;          // documents written (or skipped)
  size_t total = 0;         // documents found
  uint64_t bytes_done = 0;  // raw bytes of the documents written
  uint64_t bytes_total = 0;
  double seconds = 0;
};

// One document through every stage, ready for the sinks.
struct ProcessedDocument {
  Document doc;             // ingest output: path, id, decoded text, encoding, diagnostics
  std::string format;       // normalize's format label
  Records records;          // document, sections, then the rest by source position, then
                            // the audit's findings; spans are SOURCE spans (into doc.text)
  Diagnostics diagnostics;  // ingest + extract diagnostics, in order
  bool failed = false;      // unreadable or binary: only a diagnostic record is written
};

struct RunSummary {
  size_t documents = 0;  // written
  size_t skipped = 0;    // --resume: already loaded
  size_t failed = 0;     // unreadable, binary
  uint64_t bytes = 0;
  std::map<std::string, size_t> records_by_type;
  size_t diagnostics = 0;
  size_t errors = 0;  // error-level diagnostics: failed inputs, cleared spans
  size_t findings = 0;
  double seconds = 0;
  bool interrupted = false;
};

// Adds one document's records to the summary's counts: records_by_type (its diagnostics as
// "diagnostic"), diagnostics and errors. Documents, failed and skipped are the caller's.
void CountRecords(const ProcessedDocument& doc, RunSummary* summary);

class Pipeline {
 public:
  // Loads and compiles the rules and the section table. Errors name file, line and rule id.
  static StatusOr<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);

  // Every stage on one document already read. Thread-safe (const, shared compiled rules).
  ProcessedDocument Process(Document doc) const;
  // Process for several documents at once, the same output for each; faster per document, as
  // their extraction runs topic by topic across them (ExtractMany). Run takes documents in
  // small groups this way.
  std::vector<ProcessedDocument> ProcessMany(std::vector<Document> docs) const;
  // Reads `path` ("-" = stdin) and processes it; an unreadable file gives a failed document
  // holding one error diagnostic.
  ProcessedDocument ProcessPath(const std::string& path) const;

  // The batch: expands `inputs`, processes them on `jobs` threads and writes each document to
  // every sink in input order. Returns non-OK only when a sink fails (disk full, bad output
  // path); a bad input is a diagnostic and the batch goes on.
  Status Run(const std::vector<std::string>& inputs, const std::vector<Sink*>& sinks,
             RunSummary* summary) const;

  const RuleBook& rules() const { return *rules_; }
  const SectionKinds& section_kinds() const { return *kinds_; }
  const Auditor& auditor() const { return *auditor_; }
  const PipelineOptions& options() const { return options_; }

 private:
  Pipeline() = default;

  PipelineOptions options_;
  std::unique_ptr<RuleBook> rules_;
  std::unique_ptr<SectionKinds> kinds_;
  std::unique_ptr<Auditor> auditor_;
};

// The emit view of a processed document (borrows from it).
DocumentOutput ToOutput(const ProcessedDocument& doc);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_PIPELINE_H_
