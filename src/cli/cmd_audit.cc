// vnplan audit PATHS... [--json] [--html FILE] [--min-severity S] [--only CODE] [--registry FILE]
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/line_index.h"
#include "cli/app.h"
#include "pipeline/pipeline.h"

namespace vnplan::cli {

namespace {

struct AuditFlags {
  std::vector<std::string> inputs;
  bool json = false;
  std::string html;  // --html FILE: the report page, "" for none
  std::vector<std::string> globs;
  std::string min_severity = "info";
  std::vector<std::string> only;
  std::vector<std::string> registry;
  std::string rules_dir;
  int jobs = 0;
};

int Rank(std::string_view severity) {
  if (severity == "error") return 2;
  if (severity == "warning") return 1;
  return 0;
}

// One finding ready to print: its record as JSON (the contract line) plus the document path.
struct Found {
  size_t order;  // the document's place in input order
  std::string path;
  int rank;
  size_t line;
  nlohmann::ordered_json json;
};

// Collects findings as documents arrive, and the citations the corpus check needs. With an
// HTML report, passes each document on to it, and at Finish the cross-document findings too,
// before finishing it.
class FindingCollector : public Sink {
 public:
  FindingCollector(const AuditFlags& flags, HtmlReportSink* html) : flags_(flags), html_(html) {}

  Status Write(const DocumentOutput& doc) override {
    corpus_.Add(std::string(doc.id), Records(doc.records.begin(), doc.records.end()));
    LineIndex lines(doc.text);
    const size_t order = texts_.size();
    for (size_t i = 0; i < doc.records.size(); ++i) {
      if (doc.records[i].type == "finding") Keep(order, doc, doc.records[i], i, lines);
    }
    texts_[std::string(doc.id)] = {order, std::string(doc.path), std::string(doc.text)};
    return html_ != nullptr ? html_->Write(doc) : Status::OK();
  }
  Status Finish() override {
    if (Status s = AddCorpusFindings(); !s.ok()) return s;
    return html_ != nullptr ? html_->Finish() : Status::OK();
  }

  std::vector<Found>& found() { return found_; }

 private:
  // Cross-document findings, placed with the document they concern (the report applies the
  // same filters itself).
  Status AddCorpusFindings() {
    for (const CorpusFinding& cf : corpus_.Finish()) {
      if (html_ != nullptr) {
        if (Status s = html_->AddFinding(cf.doc, cf.finding); !s.ok()) return s;
      }
      auto it = texts_.find(cf.doc);
      if (it == texts_.end()) continue;
      DocumentOutput doc;
      doc.id = it->first;
      doc.path = it->second.path;
      doc.text = it->second.text;
      LineIndex lines(doc.text);
      const nlohmann::json& seqs = cf.finding.fields["records"];
      const size_t seq = seqs.empty() ? 0 : seqs[0].get<size_t>();
      Keep(it->second.order, doc, cf.finding, seq, lines);
    }
    return Status::OK();
  }

  void Keep(size_t order, const DocumentOutput& doc, const Record& r, size_t seq,
            const LineIndex& lines) {
    const std::string code = r.fields.value("code", "");
    const std::string severity = r.fields.value("severity", "info");
    if (Rank(severity) < Rank(flags_.min_severity)) return;
    if (!flags_.only.empty() &&
        std::find(flags_.only.begin(), flags_.only.end(), code) == flags_.only.end()) {
      return;
    }
    nlohmann::ordered_json j = RecordToJson(r, doc, seq, lines);
    const size_t line = j.contains("line") ? j["line"].get<size_t>() : 0;
    found_.push_back({order, std::string(doc.path), Rank(severity), line, std::move(j)});
  }

  const AuditFlags& flags_;
  HtmlReportSink* html_;  // may be null
  CorpusAudit corpus_;
  struct Kept {
    size_t order;
    std::string path;
    std::string text;
  };
  std::map<std::string, Kept> texts_;  // by document id
  std::vector<Found> found_;
};

void PrintFindings(std::vector<Found>& found, std::ostream& out) {
  // Grouped by document in input order (stable), most severe first, then by line.
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.order != b.order) return a.order < b.order;
    if (a.rank != b.rank) return a.rank > b.rank;
    return a.line < b.line;
  });
  std::string current;
  for (const Found& f : found) {
    if (f.path != current) {
      out << (current.empty() ? "" : "\n") << f.path << "\n";
      current = f.path;
    }
    const auto& j = f.json;
    out << "  " << f.path << ":" << f.line << ": " << j.value("severity", "") << " ["
        << j.value("code", "") << "] " << j.value("message", "") << "\n";
    std::string text = j.value("text", "");
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.size() > 160) {  // cut on a character boundary: the output stays UTF-8
      size_t cut = 157;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "...";
    }
    if (!text.empty()) out << "      \"" << text << "\"\n";
  }
}

int RunAudit(const AuditFlags& flags) {
  PipelineOptions options;
  options.rules_dir = flags.rules_dir;
  options.jobs = flags.jobs;
  options.audit.registry_files = flags.registry;
  options.sources.globs = flags.globs;
  StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "vnplan audit: " << pipeline.status().message() << "\n";
    return kExitFatal;
  }
  std::unique_ptr<HtmlReportSink> html;
  if (!flags.html.empty()) {
    HtmlReportOptions report;
    report.min_severity = flags.min_severity;
    report.only = flags.only;
    StatusOr<std::unique_ptr<HtmlReportSink>> opened = OpenHtmlReportSink(flags.html, report);
    if (!opened.ok()) {
      std::cerr << "vnplan audit: " << opened.status().message() << "\n";
      return kExitFatal;
    }
    html = std::move(opened).value();
  }
  FindingCollector collector(flags, html.get());
  RunSummary summary;
  Status st = (*pipeline)->Run(flags.inputs, {&collector}, &summary);
  if (!st.ok()) {
    std::cerr << "vnplan audit: " << st.message() << "\n";
    return kExitFatal;
  }
  std::vector<Found>& found = collector.found();
  size_t errors = 0;
  std::map<std::string, size_t> by_severity;
  for (const Found& f : found) {
    if (f.rank == 2) ++errors;
    ++by_severity[f.json.value("severity", "info")];
  }
  if (flags.json) {
    for (const Found& f : found) std::cout << f.json.dump() << "\n";
  } else {
    PrintFindings(found, std::cout);
    std::cout << (found.empty() ? "" : "\n") << summary.documents << " documents: "
              << by_severity["error"] << " errors, " << by_severity["warning"] << " warnings, "
              << by_severity["info"] << " notes\n";
  }
  if (summary.failed > 0) {
    std::cerr << "vnplan audit: " << summary.failed << " input(s) could not be read\n";
    return kExitFatal;
  }
  return errors > 0 ? kExitFailures : kExitOk;
}

}  // namespace

void RegisterAudit(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<AuditFlags>();
  CLI::App* cmd = app->add_subcommand(
      "audit",
      "Check the legal bases and figures of plans: citations whose year, date, type or issuer\n"
      "disagree (within a document, across documents, and with the registry of known\n"
      "documents), budgets whose parts do not add up, a plan year that disagrees with its\n"
      "tasks, deadlines before the document, two agencies chairing one project.\n"
      "Exit code: 0 no error-level finding, 1 some, 2 failure (as linters do).\n\n"
      "Examples:\n"
      "  vnplan audit corpus/\n"
      "  vnplan audit plans/ --min-severity warning --only citation.date_conflict\n"
      "  vnplan audit plan.txt --json | jq .message\n"
      "  vnplan audit corpus/ --glob '*.txt' --html out/report.html");
  cmd->add_option("inputs", flags->inputs, "Files or folders ('-' reads stdin)")->required();
  cmd->add_flag("--json", flags->json, "Print findings as JSON lines (the record contract)");
  cmd->add_option("--html", flags->html,
                  "Also write a self-contained report page: findings, legal bases, budgets and "
                  "each text with its extractions highlighted");
  cmd->add_option("--glob", flags->globs, "Only files whose name matches (e.g. '*.txt'); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--min-severity", flags->min_severity, "info, warning or error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  cmd->add_option("--only", flags->only, "Only findings with this code; repeatable");
  cmd->add_option("--registry", flags->registry,
                  "More known documents (YAML like rules/registry/national.yaml); repeatable");
  cmd->add_option("--rules", flags->rules_dir, "Use this rules folder instead of the built-in rules");
  cmd->add_option("-j,--jobs", flags->jobs, "Worker threads (default: every core)");
  cmd->callback([flags, exit_code] { *exit_code = RunAudit(*flags); });
}

}  // namespace vnplan::cli
