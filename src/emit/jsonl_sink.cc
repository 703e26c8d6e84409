#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>

#include "emit/atomic_file.h"
#include "emit/emit.h"
#include "emit/output_records.h"

namespace vnplan {

namespace {

using emit_internal::AtomicFile;
using emit_internal::OutputRecords;

// The lines of one document, made by Prepare on any thread.
struct Lines : PreparedOutput {
  Status check;       // CheckSpans of the document: nothing is written unless OK
  std::string bytes;  // every line, each ending in '\n'
};

class JsonlSink : public Sink {
 public:
  // Streams to `out`; when `file` is set, `out` is its stream and Finish commits it.
  JsonlSink(std::ostream* out, std::unique_ptr<AtomicFile> file)
      : out_(out), file_(std::move(file)) {}

  Status Write(const DocumentOutput& doc) override { return WritePrepared(doc, Prepare(doc)); }

  std::unique_ptr<PreparedOutput> Prepare(const DocumentOutput& doc) const override {
    auto lines = std::make_unique<Lines>();
    lines->check = CheckSpans(doc);
    if (!lines->check.ok()) return lines;
    OutputRecords records(doc);
    for (size_t seq = 0; seq < records.size(); ++seq) records.AppendLine(seq, &lines->bytes);
    return lines;
  }

  Status WritePrepared(const DocumentOutput& doc,
                       std::unique_ptr<PreparedOutput> prepared) override {
    if (finished_) return Status::InvalidArgument("JSONL output", "Write after Finish");
    const auto* lines = dynamic_cast<const Lines*>(prepared.get());
    if (lines == nullptr) return Write(doc);
    if (!lines->check.ok()) return lines->check;
    out_->write(lines->bytes.data(), static_cast<std::streamsize>(lines->bytes.size()));
    if (file_ != nullptr) return file_->CheckWrites();
    if (!*out_) return Status::IOError("JSONL output", "write failed");
    return Status::OK();
  }

  Status Finish() override {
    if (finished_) return Status::InvalidArgument("JSONL output", "Finish called twice");
    finished_ = true;
    if (file_ != nullptr) return file_->Commit();
    out_->flush();
    if (!*out_) return Status::IOError("JSONL output", "write failed");
    return Status::OK();
  }

  bool HasDocument(const std::string& doc_id) override { return kept_.count(doc_id) > 0; }

  // Copies the lines of an earlier run at `path` into the output and remembers their documents.
  Status Resume(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::OK();  // nothing written yet: a fresh run
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        return Status::Corruption(path + ":" + std::to_string(line_no),
                                  "not a JSON line; cannot resume from this file");
      }
      auto doc = j.find("doc");
      // Lines without a document id are about inputs that could not be read; this run reports
      // them again if they still cannot.
      if (doc == j.end() || !doc->is_string()) continue;
      kept_.insert(doc->get<std::string>());
      line += '\n';
      out_->write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    return file_->CheckWrites();
  }

 private:
  std::ostream* out_;
  std::unique_ptr<AtomicFile> file_;
  std::unordered_set<std::string> kept_;
  bool finished_ = false;
};

}  // namespace

StatusOr<std::unique_ptr<Sink>> OpenJsonlSink(const std::string& path, const SinkOptions& options) {
  if (path == "-") return OpenJsonlSink(&std::cout);
  StatusOr<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::ostream* out = &(*file)->out();
  auto sink = std::make_unique<JsonlSink>(out, std::move(file).value());
  if (options.resume) {
    if (Status s = sink->Resume(path); !s.ok()) return s;
  }
  return std::unique_ptr<Sink>(std::move(sink));
}

std::unique_ptr<Sink> OpenJsonlSink(std::ostream* out) {
  return std::make_unique<JsonlSink>(out, nullptr);
}

}  // namespace vnplan
