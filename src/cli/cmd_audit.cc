// vnplan audit PATHS... [--json] [--html FILE] [--min-severity S] [--only CODE] [--registry FILE]
#include <algorithm>
#include <iostream>
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

// One finding ready to print: its record as JSON (the contract line), its rank and line.
struct Found {
  int rank;
  size_t line;
  nlohmann::ordered_json json;
};

// Prints each document's findings as it arrives (the pipeline hands documents over in input
// order): its own, then its cross-document ones (CorpusAudit). With --json one line each; else
// under the document's path, most severe first, then by line. Keeps no text and no finding, so
// a large batch shows its findings as it goes and its memory stays that of the citation index.
// With an HTML report, passes each document and its cross-document findings on to it.
class FindingPrinter : public Sink {
 public:
  FindingPrinter(const AuditFlags& flags, HtmlReportSink* html, std::ostream& out)
      : flags_(flags), html_(html), out_(out) {}

  Status Write(const DocumentOutput& doc) override {
    const Records across = corpus_.Add(std::string(doc.id), doc.records);
    const LineIndex lines(doc.text);
    std::vector<Found> found;
    ForEachFinding(doc.records, across,
                   [&](const Record& f, size_t seq) { Keep(doc, f, seq, lines, &found); });
    Print(std::string(doc.path), &found);
    if (html_ == nullptr) return Status::OK();
    if (Status s = html_->Write(doc); !s.ok()) return s;
    for (const Record& f : across) {
      if (Status s = html_->AddFinding(std::string(doc.id), f); !s.ok()) return s;
    }
    return Status::OK();
  }
  Status Finish() override { return html_ != nullptr ? html_->Finish() : Status::OK(); }

  size_t printed() const { return printed_; }
  size_t count(int rank) const { return by_rank_[rank]; }

 private:
  void Keep(const DocumentOutput& doc, const Record& r, size_t seq, const LineIndex& lines,
            std::vector<Found>* found) const {
    const std::string code = r.fields.value("code", "");
    const int rank = SeverityRank(r.fields.value("severity", "info"));
    if (rank < SeverityRank(flags_.min_severity)) return;
    if (!flags_.only.empty() &&
        std::find(flags_.only.begin(), flags_.only.end(), code) == flags_.only.end()) {
      return;
    }
    nlohmann::ordered_json j = RecordToJson(r, doc, seq, lines);
    const size_t line = j.contains("line") ? j["line"].get<size_t>() : 0;
    found->push_back({rank, line, std::move(j)});
  }

  void Print(const std::string& path, std::vector<Found>* found) {
    for (const Found& f : *found) ++by_rank_[f.rank];
    printed_ += found->size();
    if (flags_.json) {
      for (const Found& f : *found) out_ << f.json.dump() << "\n";
      return;
    }
    std::stable_sort(found->begin(), found->end(), [](const Found& a, const Found& b) {
      if (a.rank != b.rank) return a.rank > b.rank;
      return a.line < b.line;
    });
    for (const Found& f : *found) {
      if (path != current_path_) {
        out_ << (current_path_.empty() ? "" : "\n") << path << "\n";
        current_path_ = path;
      }
      const auto& j = f.json;
      out_ << "  " << path << ":" << f.line << ": " << j.value("severity", "") << " ["
           << j.value("code", "") << "] " << j.value("message", "") << "\n";
      std::string text = j.value("text", "");
      std::replace(text.begin(), text.end(), '\n', ' ');
      if (text.size() > 160) {  // cut on a character boundary: the output stays UTF-8
        size_t cut = 157;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
      }
      if (!text.empty()) out_ << "      \"" << text << "\"\n";
    }
  }

  const AuditFlags& flags_;
  HtmlReportSink* html_;  // may be null
  std::ostream& out_;
  CorpusAudit corpus_;
  std::string current_path_;  // of the last group printed
  size_t printed_ = 0;
  size_t by_rank_[3] = {0, 0, 0};
};

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
  FindingPrinter printer(flags, html.get(), std::cout);
  RunSummary summary;
  Status st = (*pipeline)->Run(flags.inputs, {&printer}, &summary);
  if (!st.ok()) {
    std::cerr << "vnplan audit: " << st.message() << "\n";
    return kExitFatal;
  }
  if (!flags.json) {
    std::cout << (printer.printed() == 0 ? "" : "\n") << summary.documents
              << " documents: " << printer.count(2) << " errors, " << printer.count(1)
              << " warnings, " << printer.count(0) << " notes\n";
  }
  if (summary.failed > 0) {
    std::cerr << "vnplan audit: " << summary.failed << " input(s) could not be read\n";
    return kExitFatal;
  }
  return printer.count(2) > 0 ? kExitFailures : kExitOk;
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
  cmd->add_option("--glob", flags->globs,
                  "Only files whose name matches (e.g. '*.txt'); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--min-severity", flags->min_severity, "info, warning or error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  cmd->add_option("--only", flags->only, "Only findings with this code; repeatable");
  cmd->add_option("--registry", flags->registry,
                  "More known documents (YAML like rules/registry/national.yaml); repeatable");
  cmd->add_option("--rules", flags->rules_dir,
                  "Use this rules folder instead of the built-in rules");
  cmd->add_option("-j,--jobs", flags->jobs, "Worker threads (default: every core)");
  cmd->callback([flags, exit_code] { *exit_code = RunAudit(*flags); });
}

}  // namespace vnplan::cli
