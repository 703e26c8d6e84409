#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "emit/atomic_file.h"
#include "emit/emit.h"
#include "emit/output_records.h"
#include "emit/record_types.h"

namespace vnplan {

namespace {

using emit_internal::AtomicFile;
using emit_internal::Dump;
using emit_internal::OutputRecords;
using emit_internal::RecordType;
using emit_internal::RecordTypes;

// Writes the array one document object at a time, so memory holds one document, never the run.
class JsonSink : public Sink {
 public:
  JsonSink(std::ostream* out, std::unique_ptr<AtomicFile> file)
      : out_(out), file_(std::move(file)) {}

  Status Write(const DocumentOutput& doc) override {
    if (finished_) return Status::InvalidArgument("JSON output", "Write after Finish");
    if (Status s = CheckSpans(doc); !s.ok()) return s;
    OutputRecords records(doc);

    // seq numbers by type, in document order; types outside the contract in order of appearance.
    std::map<std::string_view, std::vector<size_t>> by_type;
    std::vector<std::string_view> extra_types;
    for (size_t seq = 0; seq < records.size(); ++seq) {
      std::string_view type = records.at(seq).type;
      auto [it, inserted] = by_type.try_emplace(type);
      if (inserted && emit_internal::FindRecordType(type) == nullptr) {
        extra_types.push_back(type);
      }
      it->second.push_back(seq);
    }

    std::string text = count_ == 0 ? "[\n{" : ",\n{";
    text += "\"doc\":" + Dump(doc.id.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(std::string(doc.id)));
    text += ",\"path\":" + Dump(nlohmann::ordered_json(std::string(doc.path)));
    text += ",\"document\":";
    const std::vector<size_t>& documents = by_type["document"];
    text += documents.empty() ? "null" : Dump(records.Json(documents.front()));
    auto append_group = [&](std::string_view type) {
      text += ",\"";
      text += type;
      text += "\":[";
      const std::vector<size_t>& seqs = by_type[type];
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (i > 0) text += ',';
        text += Dump(records.Json(seqs[i]));
      }
      text += ']';
    };
    for (const RecordType& t : RecordTypes()) {
      if (t.type != "document") append_group(t.type);
    }
    for (std::string_view type : extra_types) append_group(type);
    text += '}';
    out_->write(text.data(), static_cast<std::streamsize>(text.size()));
    ++count_;
    return CheckWrites();
  }

  Status Finish() override {
    if (finished_) return Status::InvalidArgument("JSON output", "Finish called twice");
    finished_ = true;
    *out_ << (count_ == 0 ? "[]\n" : "\n]\n");
    if (file_ != nullptr) return file_->Commit();
    out_->flush();
    return CheckWrites();
  }

 private:
  Status CheckWrites() {
    if (file_ != nullptr) return file_->CheckWrites();
    if (!*out_) return Status::IOError("JSON output", "write failed");
    return Status::OK();
  }

  std::ostream* out_;
  std::unique_ptr<AtomicFile> file_;
  size_t count_ = 0;
  bool finished_ = false;
};

}  // namespace

StatusOr<std::unique_ptr<Sink>> OpenJsonSink(const std::string& path) {
  if (path == "-") return OpenJsonSink(&std::cout);
  StatusOr<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::ostream* out = &(*file)->out();
  return std::unique_ptr<Sink>(std::make_unique<JsonSink>(out, std::move(file).value()));
}

std::unique_ptr<Sink> OpenJsonSink(std::ostream* out) {
  return std::make_unique<JsonSink>(out, nullptr);
}

}  // namespace vnplan
