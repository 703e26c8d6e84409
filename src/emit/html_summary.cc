#include "emit/html_summary.h"

#include <algorithm>

#include "emit/html_page.h"
#include "emit/html_text.h"

namespace vnplan::emit_internal {

namespace {

void Esc(std::string_view s, std::string* out) { AppendEscaped(s, out); }

void Legend(std::string* out) {
  *out += "<p class=\"legend\">Highlights: ";
  for (std::string_view t : kHighlightTypes) {
    *out += "<span class=\"hl t-" + std::string(t) + "\">" + std::string(t) + "</span>";
  }
  for (const char* sev : {"error", "warning", "info"}) {
    *out += std::string("<span class=\"hl t-finding sev-") + sev + "\">finding: " + sev + "</span>";
  }
  *out += " — hover a highlight to see its record.</p>\n";
}

void Findings(const std::vector<DocEntry>& docs, std::string* out) {
  *out += "<h2 id=\"findings\">Findings</h2>\n";
  std::vector<size_t> clean;
  for (size_t n = 0; n < docs.size(); ++n) {
    const DocEntry& d = docs[n];
    if (d.findings.empty()) {
      clean.push_back(n);
      continue;
    }
    *out += "<h3><a href=\"#d" + std::to_string(n) + "\">";
    Esc(d.path, out);
    *out += "</a> <span class=\"meta\">" + std::to_string(d.findings.size()) +
            (d.findings.size() == 1 ? " finding" : " findings") + "</span></h3>\n";
    *out += "<ul class=\"findings\">\n";
    for (const FindingEntry& f : d.findings) {
      const std::string sev = f.severity.empty() ? "info" : f.severity;
      *out += "<li id=\"" + f.id + "\" class=\"sev-";
      Esc(sev, out);
      *out += "\"><span class=\"badge sev-";
      Esc(sev, out);
      *out += "\">";
      Esc(sev, out);
      *out += "</span> <span class=\"code\">";
      Esc(f.code, out);
      *out += "</span> ";
      Esc(f.message, out);
      *out += " <a href=\"#" + f.target + "\">";
      Esc(d.path, out);
      if (f.line > 0) *out += ":" + std::to_string(f.line);
      *out += "</a>";
      if (!f.quote.empty()) {
        *out += "<span class=\"quote\">“";
        Esc(f.quote, out);
        *out += "”</span>";
      }
      *out += "</li>\n";
    }
    *out += "</ul>\n";
  }
  if (clean.empty()) return;
  *out += "<p class=\"meta\">No findings in " + std::to_string(clean.size()) +
          (clean.size() == 1 ? " document: " : " documents: ");
  for (size_t i = 0; i < clean.size(); ++i) {
    if (i > 0) *out += ", ";
    *out += "<a href=\"#d" + std::to_string(clean[i]) + "\">";
    Esc(docs[clean[i]].path, out);
    *out += "</a>";
  }
  *out += "</p>\n";
}

void LegalBases(const std::vector<DocEntry>& docs, std::string* out) {
  *out += "<h2 id=\"legal-bases\">Cited legal bases</h2>\n";
  size_t rows = 0;
  for (const DocEntry& d : docs) rows += d.bases.size();
  if (rows == 0) {
    *out += "<p class=\"meta\">No citation in a “Căn cứ” preamble.</p>\n";
    return;
  }
  *out +=
      "<table>\n<tr><th>Document</th><th>Citation</th><th>Number</th><th>Date</th>"
      "<th>Issuer</th><th>Audit</th></tr>\n";
  for (size_t n = 0; n < docs.size(); ++n) {
    const DocEntry& d = docs[n];
    for (const LegalBasis& b : d.bases) {
      *out += "<tr><td class=\"path\"><a href=\"#d" + std::to_string(n) + "\">";
      Esc(d.path, out);
      *out += "</a></td><td>";
      const bool link = b.seq < d.shown.size() && d.shown[b.seq];
      if (link) *out += "<a href=\"#d" + std::to_string(n) + "-r" + std::to_string(b.seq) + "\">";
      Esc(b.text, out);
      if (link) *out += "</a>";
      if (!b.title.empty() && b.text.find(b.title) == std::string::npos) {
        *out += "<span class=\"title\">";
        Esc(b.title, out);
        *out += "</span>";
      }
      *out += "</td><td>";
      Esc(b.number, out);
      *out += "</td><td>";
      Esc(b.date, out);
      *out += "</td><td>";
      Esc(b.issuer, out);
      *out += "</td>";
      std::string status;
      for (const FindingEntry& f : d.findings) {
        if (std::find(f.seqs.begin(), f.seqs.end(), b.seq) == f.seqs.end()) continue;
        status += status.empty() ? "" : "<br>";
        status += "<a class=\"code sev-";
        Esc(f.severity, &status);
        status += "\" href=\"#" + f.id + "\">";
        Esc(f.code, &status);
        status += "</a> ";
        Esc(f.message, &status);
      }
      *out += status.empty() ? "<td class=\"ok\">ok</td>" : "<td>" + status + "</td>";
      *out += "</tr>\n";
    }
  }
  *out += "</table>\n";
}

}  // namespace

std::string RenderTop(std::string_view title, std::vector<DocEntry>* docs) {
  size_t by_rank[3] = {0, 0, 0};
  for (DocEntry& d : *docs) {
    std::stable_sort(d.findings.begin(), d.findings.end(),
                     [](const FindingEntry& a, const FindingEntry& b) {
                       if (a.rank != b.rank) return a.rank > b.rank;
                       return a.line < b.line;
                     });
    for (const FindingEntry& f : d.findings) ++by_rank[std::clamp(f.rank, 0, 2)];
  }
  std::string out = "<h1>";
  Esc(title, &out);
  out +=
      "</h1>\n<p class=\"sum\"><b>" + std::to_string(docs->size()) + " documents</b><b>" +
      std::to_string(by_rank[2]) + " errors</b><b>" + std::to_string(by_rank[1]) +
      " warnings</b><b>" + std::to_string(by_rank[0]) +
      " notes</b> <a href=\"#findings\">Findings</a> · <a href=\"#legal-bases\">Legal "
      "bases</a> · <a href=\"#budgets\">Budgets</a> · <a href=\"#documents\">Documents</a></p>\n";
  Legend(&out);
  Findings(*docs, &out);
  LegalBases(*docs, &out);
  out += "<h2 id=\"budgets\">Budgets</h2>\n";
  bool any = false;
  for (const DocEntry& d : *docs) {
    out += d.budgets;
    any = any || !d.budgets.empty();
  }
  if (!any) out += "<p class=\"meta\">No total followed by its parts.</p>\n";
  out += "<h2 id=\"documents\">Documents</h2>\n";
  return out;
}

}  // namespace vnplan::emit_internal
