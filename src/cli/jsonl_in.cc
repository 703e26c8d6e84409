#include "cli/jsonl_in.h"

#include <chrono>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace vnplan::cli {

namespace {

// The document of one input line, or a failed one holding the reason the line was refused.
ProcessedDocument ReadLine(const Pipeline& pipeline, const std::string& line, size_t line_no) {
  const std::string where = "-:" + std::to_string(line_no);
  auto refuse = [&](const std::string& path, const std::string& why) {
    ProcessedDocument failed;
    failed.failed = true;
    failed.doc.path = path;
    failed.diagnostics.push_back(Diagnostic::Error(
        "ingest.bad_jsonl_line", "stdin line " + std::to_string(line_no) + ": " + why, path));
    return failed;
  };
  // nlohmann refuses invalid UTF-8 in strings, so an accepted text is valid UTF-8.
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return refuse(where, "not JSON");
  if (!j.is_object()) return refuse(where, "not a JSON object");
  auto path = j.find("path");
  const bool has_path = path != j.end() && path->is_string() && !path->empty();
  const std::string name = has_path ? path->get<std::string>() : where;
  if (!has_path) return refuse(where, "no \"path\" string");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return refuse(name, "no \"text\" string");
  return pipeline.Process(
      MakeDocument(name, text->get_ref<const std::string&>(), pipeline.options().decode));
}

}  // namespace

Status ExtractJsonLines(const Pipeline& pipeline, std::istream& in, const std::vector<Sink*>& sinks,
                        const std::atomic<bool>* stop, RunSummary* summary) {
  const auto t0 = std::chrono::steady_clock::now();
  *summary = RunSummary();
  std::string line;
  size_t line_no = 0;
  while (!(stop != nullptr && stop->load()) && std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ProcessedDocument doc = ReadLine(pipeline, line, line_no);
    line.clear();
    line.shrink_to_fit();  // constant memory: a huge line is not kept for the next one
    summary->bytes += doc.doc.bytes;
    bool skip = false;
    if (pipeline.options().resume && !doc.failed) {
      for (Sink* s : sinks) skip = skip || s->HasDocument(doc.doc.id);
    }
    if (skip) {
      ++summary->skipped;
      continue;
    }
    DocumentOutput out = ToOutput(doc);
    for (Sink* s : sinks) {
      if (Status st = s->Write(out); !st.ok()) return st;
    }
    ++(doc.failed ? summary->failed : summary->documents);
    CountRecords(doc, summary);
  }
  summary->interrupted = stop != nullptr && stop->load();
  summary->findings = summary->records_by_type["finding"];
  if (summary->findings == 0) summary->records_by_type.erase("finding");
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (Sink* s : sinks) {
    if (Status st = s->Finish(); !st.ok()) return st;
  }
  return Status::OK();
}

}  // namespace vnplan::cli
