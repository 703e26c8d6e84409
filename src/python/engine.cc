#include "python/engine.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>
#include <tuple>
#include <utility>

#include "base/line_index.h"

namespace vnplan::python {

namespace {

using Key = std::tuple<std::string, int, std::vector<std::string>, std::vector<std::string>>;

Status WriteAll(const DocumentOutput& out, const std::vector<Sink*>& sinks) {
  for (Sink* s : sinks) {
    if (Status st = s->Write(out); !st.ok()) return st;
  }
  return Status::OK();
}

// A walk problem as the batch writes it: a failed input of its own.
ProcessedDocument WalkDocument(const Diagnostic& d) {
  ProcessedDocument failed;
  failed.failed = true;
  failed.doc.path = d.path;
  failed.diagnostics.push_back(d);
  return failed;
}

Status CreateParent(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Status::IOError(parent.string(), ec.message());
  return Status::OK();
}

// ReadDocument of root/path, named `path` as if read from the folder `root`: the document's
// path, its diagnostics and the message of a read error say `path`.
ProcessedDocument ProcessUnder(const Pipeline& pipeline, const std::string& root,
                               const std::string& path) {
  const std::string real = path.empty() || path[0] == '/' ? path : root + "/" + path;
  StatusOr<Document> doc = ReadDocument(real, pipeline.options().decode);
  if (!doc.ok()) {
    std::string message = doc.status().message();
    if (message.rfind(real, 0) == 0) message = path + message.substr(real.size());
    ProcessedDocument failed;
    failed.failed = true;
    failed.doc.path = path;
    failed.diagnostics.push_back(Diagnostic::Error("ingest.unreadable", message, path));
    return failed;
  }
  doc->path = path;
  for (Diagnostic& d : doc->diagnostics) {
    if (d.path == real) d.path = path;
  }
  return pipeline.Process(std::move(doc).value());
}

void Count(const ProcessedDocument& doc, RunSummary* summary) {
  ++(doc.failed ? summary->failed : summary->documents);
  summary->bytes += doc.doc.bytes;
  for (const Record& r : doc.records) ++summary->records_by_type[r.type];
  if (!doc.diagnostics.empty()) summary->records_by_type["diagnostic"] += doc.diagnostics.size();
  summary->diagnostics += doc.diagnostics.size();
}

// The findings of each document as JSON lines, its own then its cross-document ones: what
// `vnplan audit --json` prints, in its order.
class FindingSink : public Sink {
 public:
  explicit FindingSink(int min_rank) : min_rank_(min_rank) {}

  Status Write(const DocumentOutput& doc) override {
    const Records across = corpus_.Add(doc.id, doc.records);
    const LineIndex lines(doc.text);
    ForEachFinding(doc.records, across,
                   [&](const Record& f, size_t seq) { Keep(doc, f, seq, lines); });
    return Status::OK();
  }
  Status Finish() override { return Status::OK(); }

  std::vector<std::string> Lines() { return std::move(found_); }

 private:
  void Keep(const DocumentOutput& doc, const Record& r, size_t seq, const LineIndex& lines) {
    if (SeverityRank(r.fields.value("severity", "info")) < min_rank_) return;
    found_.push_back(RecordToJson(r, doc, seq, lines)
                         .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  }

  int min_rank_;
  CorpusAudit corpus_;
  std::vector<std::string> found_;
};

}  // namespace

StatusOr<std::shared_ptr<const Pipeline>> GetPipeline(const EngineOptions& options) {
  static std::mutex mu;
  static std::map<Key, std::shared_ptr<const Pipeline>> cache;
  const Key key{options.rules_dir, options.jobs, options.globs, options.registry};
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  PipelineOptions po;
  po.rules_dir = options.rules_dir;
  po.jobs = options.jobs;
  po.sources.globs = options.globs;
  po.audit.registry_files = options.registry;
  StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create(po);
  if (!p.ok()) return p.status();
  std::shared_ptr<const Pipeline> shared = std::move(p).value();
  cache.emplace(key, shared);
  return shared;
}

StatusOr<std::string> DocumentJsonl(const ProcessedDocument& doc) {
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonlSink(&out);
  if (Status s = sink->Write(ToOutput(doc)); !s.ok()) return s;
  if (Status s = sink->Finish(); !s.ok()) return s;
  return std::move(out).str();
}

StatusOr<std::string> ExtractPath(const std::string& path, const EngineOptions& options) {
  StatusOr<std::shared_ptr<const Pipeline>> p = GetPipeline(options);
  if (!p.ok()) return p.status();
  return DocumentJsonl((*p)->ProcessPath(path));
}

StatusOr<std::string> ExtractBytes(const std::string& name, const std::string& bytes,
                                   const EngineOptions& options) {
  StatusOr<std::shared_ptr<const Pipeline>> p = GetPipeline(options);
  if (!p.ok()) return p.status();
  return DocumentJsonl((*p)->Process(MakeDocument(name, bytes, (*p)->options().decode)));
}

Expanded Expand(const std::vector<std::string>& inputs, const std::vector<std::string>& globs) {
  Expanded out;
  SourceOptions sources;
  sources.globs = globs;
  out.files = ExpandInputs(inputs, sources, &out.walk);
  return out;
}

StatusOr<RunSummary> ExtractTo(const std::vector<std::string>& inputs, const Diagnostics& walk,
                               const std::string& jsonl, const std::string& db,
                               const EngineOptions& options, const std::string& root) {
  StatusOr<std::shared_ptr<const Pipeline>> p = GetPipeline(options);
  if (!p.ok()) return p.status();
  std::vector<std::unique_ptr<Sink>> owned;
  for (const bool is_db : {false, true}) {
    const std::string& path = is_db ? db : jsonl;
    if (path.empty()) continue;
    if (Status s = CreateParent(path); !s.ok()) return s;
    StatusOr<std::unique_ptr<Sink>> sink = is_db ? OpenSqliteSink(path) : OpenJsonlSink(path);
    if (!sink.ok()) return sink.status();
    owned.push_back(std::move(sink).value());
  }
  std::vector<Sink*> sinks;
  for (auto& s : owned) sinks.push_back(s.get());
  size_t walk_failed = 0;
  for (const Diagnostic& d : walk) {
    if (Status s = WriteAll(ToOutput(WalkDocument(d)), sinks); !s.ok()) return s;
    if (d.level == Diagnostic::Level::kError) ++walk_failed;
  }
  RunSummary summary;
  if (root.empty()) {
    if (Status s = (*p)->Run(inputs, sinks, &summary); !s.ok()) return s;
  } else {
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& path : inputs) {
      ProcessedDocument doc = ProcessUnder(**p, root, path);
      if (Status s = WriteAll(ToOutput(doc), sinks); !s.ok()) return s;
      Count(doc, &summary);
    }
    for (Sink* s : sinks) {
      if (Status st = s->Finish(); !st.ok()) return st;
    }
    summary.findings = summary.records_by_type["finding"];
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  summary.failed += walk_failed;
  summary.diagnostics += walk.size();
  if (!walk.empty()) summary.records_by_type["diagnostic"] += walk.size();
  return summary;
}

StatusOr<std::vector<std::string>> AuditJson(
    const std::vector<std::string>& inputs,
    const std::vector<std::pair<std::string, std::string>>& texts, const std::string& min_severity,
    const EngineOptions& options) {
  StatusOr<std::shared_ptr<const Pipeline>> p = GetPipeline(options);
  if (!p.ok()) return p.status();
  FindingSink findings(SeverityRank(min_severity));
  if (!inputs.empty()) {
    RunSummary summary;
    if (Status s = (*p)->Run(inputs, {&findings}, &summary); !s.ok()) return s;
  }
  for (const auto& [name, bytes] : texts) {
    ProcessedDocument doc = (*p)->Process(MakeDocument(name, bytes, (*p)->options().decode));
    if (Status s = findings.Write(ToOutput(doc)); !s.ok()) return s;
  }
  return findings.Lines();
}

// DocumentStream: the batch writes into a bounded queue of JSONL texts.
class DocumentStream::QueueSink : public Sink {
 public:
  explicit QueueSink(DocumentStream* stream) : stream_(stream) {}

  Status Write(const DocumentOutput& doc) override {
    std::ostringstream text;
    std::unique_ptr<Sink> jsonl = OpenJsonlSink(&text);
    if (Status s = jsonl->Write(doc); !s.ok()) return s;
    DocumentStream& st = *stream_;
    std::unique_lock<std::mutex> lock(st.mu_);
    st.changed_.wait(lock, [&] { return st.closed_ || st.queue_.size() < st.capacity_; });
    if (st.closed_) return Status::InvalidArgument("extract_many", "closed by the consumer");
    st.queue_.push_back(std::move(text).str());
    st.changed_.notify_all();
    return Status::OK();
  }
  Status Finish() override { return Status::OK(); }

 private:
  DocumentStream* stream_;
};

DocumentStream::DocumentStream(std::shared_ptr<const Pipeline> pipeline,
                               std::vector<std::string> inputs, size_t capacity)
    : pipeline_(std::move(pipeline)),
      capacity_(std::max<size_t>(1, capacity)),
      sink_(std::make_unique<QueueSink>(this)) {
  thread_ = std::thread([this, inputs = std::move(inputs)] {
    RunSummary summary;
    Status s = pipeline_->Run(inputs, {sink_.get()}, &summary);
    std::lock_guard<std::mutex> lock(mu_);
    status_ = std::move(s);
    done_ = true;
    changed_.notify_all();
  });
}

DocumentStream::~DocumentStream() { Close(); }

std::optional<std::string> DocumentStream::Next() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (queue_.empty()) return std::nullopt;
  std::string lines = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return lines;
}

Status DocumentStream::status() {
  std::lock_guard<std::mutex> lock(mu_);
  return status_;
}

void DocumentStream::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    queue_.clear();
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

}  // namespace vnplan::python
