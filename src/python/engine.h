// engine: the C++ half of the Python module `vnplan` (src/python/module.cc binds it). Plain C++
// over the pipeline's public header, with no Python in it, so that every function here can run
// with the GIL released; results are JSON lines of the record contract, exactly as a JSONL sink
// writes them, which the Python half turns into dicts.
//
//   EngineOptions opts;                                   // built-in rules, one thread
//   StatusOr<std::string> lines = ExtractPath("corpus/plans/kh_lead_ins_no_header.txt", opts);
//   // *lines == the stdout of `vnplan extract -q corpus/plans/kh_lead_ins_no_header.txt`
//
// Compiled pipelines are cached by their options (rules folder, jobs, globs, registry), so the
// rules are compiled once per process, not once per call.
#ifndef VNPLAN_PYTHON_ENGINE_H_
#define VNPLAN_PYTHON_ENGINE_H_

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/pipeline.h"

namespace vnplan::python {

struct EngineOptions {
  std::string rules_dir;           // a rules folder instead of the built-in rules ("" = built-in)
  int jobs = 1;                    // worker threads of a batch (0 = every core)
  std::vector<std::string> globs;  // directory walk: only files whose name matches
  std::vector<std::string> registry;  // audit: more registry files
};

// The compiled pipeline for `options`, created on first use. Errors: those of Pipeline::Create
// (a broken rules folder names file, line and rule id).
StatusOr<std::shared_ptr<const Pipeline>> GetPipeline(const EngineOptions& options);

// The JSON lines of one processed document, '\n' after each: what `vnplan extract` writes for it.
StatusOr<std::string> DocumentJsonl(const ProcessedDocument& doc);

// One file ("-" = stdin) through every stage. An unreadable file is not an error: its lines hold
// the diagnostic record, as in a batch.
StatusOr<std::string> ExtractPath(const std::string& path, const EngineOptions& options);
// Bytes in memory, decoded as a file's bytes would be; `name` is the document's path.
StatusOr<std::string> ExtractBytes(const std::string& name, const std::string& bytes,
                                   const EngineOptions& options);

// The inputs a batch would read: files in order, and the problems of the walk (missing paths,
// symlink loops) that the batch writes first as diagnostic records.
struct Expanded {
  std::vector<std::string> files;
  Diagnostics walk;
};
Expanded Expand(const std::vector<std::string>& inputs, const std::vector<std::string>& globs);

// `vnplan extract INPUTS --db DB -o JSONL` in process: `walk` diagnostics first (as a batch
// writes them), then `inputs` (expanded with options.globs) on options.jobs threads. Either output
// may be "" (not written). Returns the summary, or the error of a sink.
//
// With a `root` folder, `inputs` are files (as Expand lists them) read one at a time, a relative
// one from root/input, and each document keeps the name it was given: a cluster worker, whose
// working folder is not the client's, writes the records `vnplan extract` writes in the client's
// folder.
StatusOr<RunSummary> ExtractTo(const std::vector<std::string>& inputs, const Diagnostics& walk,
                               const std::string& jsonl, const std::string& db,
                               const EngineOptions& options, const std::string& root = "");

// `vnplan audit --json INPUTS` plus documents in memory: every finding at or above
// `min_severity` ("info", "warning", "error"), as JSON lines in the order the command prints
// them: each document's own findings in record order, documents in input order (the files,
// then `texts`), then the findings across documents. `texts` holds {name, bytes} pairs.
StatusOr<std::vector<std::string>> AuditJson(
    const std::vector<std::string>& inputs,
    const std::vector<std::pair<std::string, std::string>>& texts, const std::string& min_severity,
    const EngineOptions& options);

// A batch running on its own thread, handing out one document's JSON lines at a time, in input
// order. At most `capacity` documents wait to be taken; the batch pauses while the queue is
// full, so memory stays bounded however slowly the consumer reads.
//
//   DocumentStream s(*GetPipeline(opts), {"corpus/"}, 4);
//   while (std::optional<std::string> lines = s.Next()) { ... }
//   if (!s.status().ok()) { ... }   // a sink error; bad inputs are diagnostic lines
class DocumentStream {
 public:
  DocumentStream(std::shared_ptr<const Pipeline> pipeline, std::vector<std::string> inputs,
                 size_t capacity);
  ~DocumentStream();  // Close()
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // The next document's lines; nullopt once every document has been handed out. Blocks.
  std::optional<std::string> Next();
  // The batch's result; meaningful once Next has returned nullopt.
  Status status();
  // Stops the batch (documents in flight are dropped) and joins its thread. Idempotent.
  void Close();

 private:
  class QueueSink;

  std::shared_ptr<const Pipeline> pipeline_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;
  size_t capacity_;
  bool done_ = false;    // the batch has returned
  bool closed_ = false;  // the consumer has gone
  Status status_;
  std::unique_ptr<QueueSink> sink_;
  std::thread thread_;
};

}  // namespace vnplan::python

#endif  // VNPLAN_PYTHON_ENGINE_H_
