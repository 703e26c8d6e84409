// The HTML report sink (emit.h, OpenHtmlReportSink). Document sections go to a temporary file
// as documents come; what the top of the page needs (findings, legal bases, budgets) is kept,
// and Finish writes the page: head, those lists, then the document sections.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "audit/audit.h"
#include "base/utf8.h"
#include "emit/atomic_file.h"
#include "emit/emit.h"
#include "emit/html_page.h"
#include "emit/html_summary.h"
#include "emit/html_text.h"
#include "emit/output_records.h"

namespace vnplan {

namespace {

using emit_internal::AppendEscaped;
using emit_internal::AtomicFile;
using emit_internal::DocEntry;
using emit_internal::FindingEntry;

std::string StrField(const Record& r, const char* name) {
  auto it = r.fields.find(name);
  return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// At most about `limit` bytes of `text` on one line, cut on a character boundary.
std::string Quote(std::string_view text, size_t limit = 160) {
  std::string out;
  size_t n = text.size();
  if (n > limit) n = Utf8CharStart(text, limit);
  out.reserve(n + 3);
  for (size_t i = 0; i < n; ++i) out += (text[i] == '\n' || text[i] == '\r') ? ' ' : text[i];
  if (n < text.size()) out += "…";
  return out;
}

// 148400000000 -> "148.400.000.000 đ"
std::string Dong(long long vnd) {
  const std::string digits = std::to_string(vnd < 0 ? -vnd : vnd);
  std::string out = vnd < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out + " đ";
}

std::vector<size_t> Seqs(const Record& finding) {
  std::vector<size_t> out;
  auto it = finding.fields.find("records");
  if (it == finding.fields.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0)) {
      out.push_back(v.get<size_t>());
    }
  }
  return out;
}

class HtmlReport : public HtmlReportSink {
 public:
  HtmlReport(std::unique_ptr<AtomicFile> file, std::FILE* body, HtmlReportOptions options)
      : file_(std::move(file)), body_(body), options_(std::move(options)) {}
  ~HtmlReport() override { std::fclose(body_); }

  Status Write(const DocumentOutput& doc) override;
  Status AddFinding(const std::string& doc, const Record& finding) override;
  Status Finish() override;

 private:
  bool Keep(const Record& finding) const {
    const std::string severity = StrField(finding, "severity");
    if (SeverityRank(severity) < SeverityRank(options_.min_severity)) return false;
    return options_.only.empty() || std::find(options_.only.begin(), options_.only.end(),
                                              StrField(finding, "code")) != options_.only.end();
  }
  // "d3-r17" when that record's highlight is in the page, else the first shown of `seqs`, else
  // the document.
  std::string Target(size_t n, const DocEntry& e, const std::vector<size_t>& seqs) const;
  void RenderBudget(size_t n, const DocEntry& e, const DocumentOutput& doc, const BudgetNode& node,
                    std::string* out) const;

  std::unique_ptr<AtomicFile> file_;
  std::FILE* body_;
  HtmlReportOptions options_;
  std::vector<DocEntry> docs_;
  std::map<std::string, size_t> by_id_;
  bool finished_ = false;
};

// The hover text of a record: its type and place, then each field that is set.
std::string HoverText(const Record& r, const DocumentOutput& doc, size_t seq,
                      const LineIndex& lines) {
  const nlohmann::ordered_json j = RecordToJson(r, doc, seq, lines);
  std::string out = r.type + " #" + std::to_string(seq);
  if (j.contains("line")) out += " · line " + std::to_string(j["line"].get<int>());
  if (!r.section.empty()) out += " · section " + r.section;
  if (!r.rule.empty()) out += " · " + r.rule;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (key == "type" || key == "doc" || key == "seq" || key == "span" || key == "text" ||
        key == "line" || key == "section" || key == "rule" || it->is_null()) {
      continue;
    }
    out += "\n" + key + ": ";
    out += it->is_string() ? it->get<std::string>() : emit_internal::Dump(*it);
  }
  return out;
}

Status HtmlReport::Write(const DocumentOutput& doc) {
  if (finished_) return Status::InvalidArgument("HTML report", "Write after Finish");
  if (Status s = CheckSpans(doc); !s.ok()) return s;
  const size_t n = docs_.size();
  const std::string dn = "d" + std::to_string(n);
  DocEntry e;
  e.path = doc.path;
  e.id = doc.id;
  e.lines.assign(doc.records.size(), 0);
  const LineIndex lines(doc.text);

  // Highlights: findings first, so that a finding on the same span as its record is the outer.
  std::vector<emit_internal::Mark> marks;
  std::vector<size_t> mark_seq;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t seq = 0; seq < doc.records.size(); ++seq) {
      const Record& r = doc.records[seq];
      if (r.span.end <= r.span.start) continue;
      e.lines[seq] = lines.LineOf(r.span.start);
      std::string cls;
      if (r.type == "finding") {
        if (pass != 0 || !Keep(r)) continue;
        cls = "hl t-finding sev-" + StrField(r, "severity");
      } else {
        const auto& types = emit_internal::kHighlightTypes;
        if (pass != 1 || std::find(std::begin(types), std::end(types), r.type) == std::end(types)) {
          continue;
        }
        cls = "hl t-" + r.type;
      }
      const std::string id = dn + "-r" + std::to_string(seq);
      emit_internal::Mark m{r.span.start, r.span.end, "<span class=\"", "<span class=\""};
      AppendEscaped(cls, &m.open);
      m.open += "\" id=\"" + id + "\" data-f=\"";
      AppendEscaped(HoverText(r, doc, seq, lines), &m.open);
      m.open += "\">";
      AppendEscaped(cls, &m.reopen);
      m.reopen += "\" data-r=\"" + id + "\">";
      marks.push_back(std::move(m));
      mark_seq.push_back(seq);
    }
  }
  std::string html = "<section class=\"doc\" id=\"" + dn + "\">\n<h3>";
  AppendEscaped(doc.path, &html);
  html += "</h3>\n<p class=\"meta\">id ";
  AppendEscaped(doc.id, &html);
  html += " · " + std::to_string(doc.bytes) + " bytes · encoding ";
  AppendEscaped(doc.encoding.empty() ? "?" : doc.encoding, &html);
  html += " · " + std::to_string(doc.records.size()) + " records</p>\n<pre class=\"text\">";
  const std::vector<bool> shown = emit_internal::AppendMarked(doc.text, marks, &html);
  html += "</pre>\n</section>\n";
  e.shown.assign(doc.records.size(), false);
  for (size_t i = 0; i < marks.size(); ++i) e.shown[mark_seq[i]] = shown[i];
  if (std::fwrite(html.data(), 1, html.size(), body_) != html.size()) {
    return Status::IOError(file_->path(), "cannot write the temporary page body");
  }

  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& r = doc.records[seq];
    const std::string_view text =
        doc.text.substr(std::min(r.span.start, doc.text.size()),
                        r.span.end > r.span.start ? r.span.end - r.span.start : 0);
    if (r.type == "finding" && Keep(r)) {
      FindingEntry f;
      f.id = "f" + std::to_string(n) + "-" + std::to_string(seq);
      f.seqs = Seqs(r);
      std::vector<size_t> targets{seq};
      targets.insert(targets.end(), f.seqs.begin(), f.seqs.end());
      f.target = Target(n, e, targets);
      f.severity = StrField(r, "severity");
      f.rank = SeverityRank(f.severity);
      f.code = StrField(r, "code");
      f.message = StrField(r, "message");
      f.line = e.lines[seq];
      f.quote = Quote(text);
      e.findings.push_back(std::move(f));
    } else if (r.type == "citation") {
      e.cited[seq] = Quote(text);
      if (StrField(r, "role") != "legal_basis") continue;
      e.bases.push_back({seq, Quote(text, 300), StrField(r, "number"), StrField(r, "date"),
                         StrField(r, "issuer"), StrField(r, "title")});
    }
  }

  const std::vector<Budget> budgets = FindBudgets(doc.records, doc.text);
  for (const Budget& b : budgets) {
    if (b.nested) continue;
    if (e.budgets.empty()) {
      e.budgets = "<h3><a href=\"#" + dn + "\">";
      AppendEscaped(doc.path, &e.budgets);
      e.budgets += "</a></h3>\n<ul class=\"tree\">\n";
    }
    RenderBudget(n, e, doc, b.total, &e.budgets);
  }
  if (!e.budgets.empty()) e.budgets += "</ul>\n";

  by_id_.emplace(e.id, n);
  docs_.push_back(std::move(e));
  return Status::OK();
}

std::string HtmlReport::Target(size_t n, const DocEntry& e, const std::vector<size_t>& seqs) const {
  for (size_t seq : seqs) {
    if (seq < e.shown.size() && e.shown[seq])
      return "d" + std::to_string(n) + "-r" + std::to_string(seq);
  }
  return "d" + std::to_string(n);
}

void HtmlReport::RenderBudget(size_t n, const DocEntry& e, const DocumentOutput& doc,
                              const BudgetNode& node, std::string* out) const {
  const Record& r = doc.records[node.seq];
  *out += "<li>";
  const bool link = node.seq < e.shown.size() && e.shown[node.seq];
  if (link) *out += "<a href=\"#d" + std::to_string(n) + "-r" + std::to_string(node.seq) + "\">";
  *out += "<span class=\"val\">" + Dong(node.value_vnd) + "</span>";
  if (link) *out += "</a>";
  *out += " “";
  AppendEscaped(Quote(doc.text.substr(r.span.start, r.span.end - r.span.start), 80), out);
  *out += "”";
  for (const char* name : {"project", "fund", "year"}) {
    auto it = r.fields.find(name);
    if (it == r.fields.end() || it->is_null()) continue;
    *out += "<span class=\"tag\">";
    AppendEscaped(std::string(name) + " " +
                      (it->is_string() ? it->get<std::string>() : emit_internal::Dump(*it)),
                  out);
    *out += "</span>";
  }
  if (!node.parts.empty()) {
    if (node.AddsUp()) {
      *out += " <span class=\"adds\">parts add up: " + Dong(node.parts_sum) + " ✓</span>";
    } else {
      *out += " <span class=\"differs\">parts add up to " + Dong(node.parts_sum) + ", off by " +
              Dong(node.parts_sum - node.value_vnd) + "</span>";
    }
    *out += "\n<ul>\n";
    for (const BudgetNode& p : node.parts) RenderBudget(n, e, doc, p, out);
    *out += "</ul>";
  }
  *out += "</li>\n";
}

Status HtmlReport::AddFinding(const std::string& doc, const Record& finding) {
  if (finished_) return Status::InvalidArgument("HTML report", "AddFinding after Finish");
  auto it = by_id_.find(doc);
  if (it == by_id_.end() || !Keep(finding)) return Status::OK();
  const size_t n = it->second;
  DocEntry& e = docs_[n];
  FindingEntry f;
  f.id = "f" + std::to_string(n) + "-c" + std::to_string(e.corpus_findings++);
  f.seqs = Seqs(finding);
  f.target = Target(n, e, f.seqs);
  f.severity = StrField(finding, "severity");
  f.rank = SeverityRank(f.severity);
  f.code = StrField(finding, "code");
  f.message = StrField(finding, "message");
  if (!f.seqs.empty() && f.seqs[0] < e.lines.size()) {
    f.line = e.lines[f.seqs[0]];
    auto q = e.cited.find(f.seqs[0]);
    if (q != e.cited.end()) f.quote = q->second;
  }
  e.findings.push_back(std::move(f));
  return Status::OK();
}

Status HtmlReport::Finish() {
  if (finished_) return Status::InvalidArgument("HTML report", "Finish called twice");
  finished_ = true;
  std::ostream& out = file_->out();
  out << emit_internal::PageHead(options_.title)
      << emit_internal::RenderTop(options_.title, &docs_);
  if (std::fflush(body_) != 0 || std::fseek(body_, 0, SEEK_SET) != 0) {
    return Status::IOError(file_->path(), "cannot read back the temporary page body");
  }
  std::vector<char> buf(1 << 16);
  for (size_t got; (got = std::fread(buf.data(), 1, buf.size(), body_)) > 0;) {
    out.write(buf.data(), static_cast<std::streamsize>(got));
  }
  if (std::ferror(body_)) return Status::IOError(file_->path(), "cannot read back the page body");
  out << emit_internal::PageTail();
  return file_->Commit();
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(text, &out);
  return out;
}

StatusOr<std::unique_ptr<HtmlReportSink>> OpenHtmlReportSink(const std::string& path,
                                                             const HtmlReportOptions& options) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) return Status::IOError(parent.string(), ec.message());
  }
  StatusOr<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::FILE* body = std::tmpfile();
  if (body == nullptr) return Status::IOError(path, "cannot create a temporary file for the page");
  return std::unique_ptr<HtmlReportSink>(new HtmlReport(std::move(file).value(), body, options));
}

}  // namespace vnplan
