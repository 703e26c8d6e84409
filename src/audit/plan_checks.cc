// Checks of the plan as a whole: a year that disagrees with the plan's year, deadlines before
// the document, two chairs for one project, a header left as a template.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <re2/re2.h>

#include "audit/checks.h"

namespace vnplan::audit_internal {

namespace {

// Parts of a plan that assign work; a past year elsewhere (a baseline in the objectives, funds
// carried over) is normal.
bool AssignsWork(const std::string& kind) {
  static const std::set<std::string> kKinds = {
      "nhiem_vu_noi_dung", "giai_phap", "to_chuc_thuc_hien",
      "che_do_bao_cao",    "du_an",     "tieu_du_an"};
  return kKinds.count(kind) > 0;
}

struct Extent {
  size_t start, end;
  size_t seq;
};

void CheckPlanYear(const DocView& doc, Records* out) {
  if (!doc.year) return;
  std::vector<Extent> work, all;
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& r = doc.records[seq];
    if (r.type != "section") continue;
    auto kind = Str(r, "kind");
    auto ext = r.fields.find("extent");
    if (ext == r.fields.end() || !ext->is_object()) continue;
    const Extent e{ext->value("start", size_t{0}), ext->value("end", size_t{0}), seq};
    all.push_back(e);
    if (kind && AssignsWork(*kind)) work.push_back(e);
  }
  // The innermost section holding `at` ("VII.9" inside "VII"), for the finding's section.
  auto innermost = [&](size_t at) {
    const Extent* best = nullptr;
    for (const Extent& e : all) {
      if (e.start <= at && at < e.end && (!best || e.end - e.start < best->end - best->start)) {
        best = &e;
      }
    }
    return best;
  };
  // "Xây dựng Kế hoạch ... năm 2023" inside one clause; the finding quotes exactly that.
  constexpr std::string_view kOpenings = "(?i)(?:xây dựng|ban hành|lập|xây dựng và ban hành)\\s+";
  static const RE2 kPlanFor("(" + std::string(kOpenings) +
                            R"(kế\s+hoạch[^.;\n]{0,200}?\bnăm\s+(\d{4})))");
  // Where such a clause can start. Searched unanchored over the whole text, kPlanFor's DFA must
  // follow every start at once through up to 200 characters each, and builds states by the
  // hundred thousand (137 million instructions the first time over 334 documents); tried only at
  // the starts this finds, it follows one. The matches are the same: a clause starts only where
  // its opening words do, and the first start with a clause is the leftmost.
  static const RE2 kOpening{std::string(kOpenings)};
  const std::string past = std::to_string(*doc.year - 1);
  // Only a clause naming last year can be a finding: most documents never write it, and a
  // search for the digits costs far less than the clause pattern over the whole text.
  if (work.empty() || doc.text.find(past) == std::string_view::npos) return;
  const re2::StringPiece text(doc.text.data(), doc.text.size());
  re2::StringPiece at, found[3];
  for (size_t pos = 0;
       pos < text.size() && kOpening.Match(text, pos, text.size(), RE2::UNANCHORED, &at, 1);) {
    const size_t start = static_cast<size_t>(at.data() - text.data());
    if (!kPlanFor.Match(text, start, text.size(), RE2::ANCHOR_START, found, 3)) {
      pos = start + 1;
      continue;
    }
    const re2::StringPiece clause = found[1];
    const re2::StringPiece year = found[2];
    pos = static_cast<size_t>(clause.data() + clause.size() - text.data());
    if (year != past) continue;
    const size_t year_at = static_cast<size_t>(year.data() - doc.text.data());
    const size_t begin = static_cast<size_t>(clause.data() - doc.text.data());
    const size_t end = begin + clause.size();
    for (const Extent& e : work) {
      if (e.start <= year_at && year_at < e.end) {
        Record anchor;
        anchor.span = {begin, end};
        anchor.section = doc.records[innermost(year_at)->seq].section;
        out->push_back(MakeFinding(
            "year.mismatch", "warning",
            "this plan is for " + std::to_string(*doc.year) + " but assigns a plan for " + past,
            anchor, {e.seq}));
        break;
      }
    }
  }
}

void CheckDeadlines(const DocView& doc, Records* out) {
  if (!doc.date || doc.date->size() != 10) return;
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& r = doc.records[seq];
    if (r.type != "date" || Str(r, "kind").value_or("") != "deadline") continue;
    auto when = Str(r, "resolved");
    if (!when) when = Str(r, "iso");
    if (!when || when->size() != 10 || *when >= *doc.date) continue;
    out->push_back(MakeFinding("deadline.before_document", "warning",
                               "deadline " + *when + " is before the document's date " + *doc.date,
                               r, {seq}));
  }
}

void CheckChairs(const DocView& doc, Records* out) {
  // project -> (agency -> first seq)
  std::map<std::string, std::map<std::string, size_t>> chairs;
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& r = doc.records[seq];
    if (r.type != "responsibility" || Str(r, "role").value_or("") != "chu_tri") continue;
    auto agency = Str(r, "agency");
    auto projects = r.fields.find("projects");
    if (!agency || projects == r.fields.end() || !projects->is_array()) continue;
    for (const auto& p : *projects) {
      if (p.is_string()) chairs[p.get<std::string>()].emplace(*agency, seq);
    }
  }
  for (const auto& [project, agencies] : chairs) {
    if (agencies.size() < 2) continue;
    std::vector<size_t> seqs;
    std::string names;
    for (const auto& [agency, seq] : agencies) {
      seqs.push_back(seq);
      names += (names.empty() ? "" : ", ") + agency;
    }
    std::sort(seqs.begin(), seqs.end());
    out->push_back(MakeFinding(
        "responsibility.two_chairs", "warning",
        project + " is chaired by " + std::to_string(agencies.size()) + " agencies: " + names,
        doc.records[seqs.back()], seqs));
  }
}

// The line of the header that starts with `lead` ("Số", or the place-and-date line holding
// "ngày"), trimmed, as the finding's span; nullopt when the header has none.
std::optional<Span> HeaderLine(const DocView& doc, const Record& header, const RE2& line_re) {
  auto ext = header.fields.find("extent");
  if (ext == header.fields.end() || !ext->is_object()) return std::nullopt;
  const size_t start = std::min(ext->value("start", size_t{0}), doc.text.size());
  const size_t end = std::min(std::max(ext->value("end", size_t{0}), start), doc.text.size());
  re2::StringPiece input(doc.text.data() + start, end - start);
  re2::StringPiece line;
  if (!RE2::PartialMatch(input, line_re, &line)) return std::nullopt;
  const size_t from = static_cast<size_t>(line.data() - doc.text.data());
  size_t to = from + line.size();
  while (to > from && (doc.text[to - 1] == ' ' || doc.text[to - 1] == '\r')) --to;
  return Span{from, to};
}

void CheckHeader(const DocView& doc, Records* out) {
  const Record* document = nullptr;
  const Record* header = nullptr;
  size_t header_seq = 0;
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    const Record& r = doc.records[seq];
    if (r.type == "document" && !document) document = &r;
    if (r.type == "section" && Str(r, "kind").value_or("") == "header" && !header) {
      header = &r;
      header_seq = seq;
    }
  }
  if (!document || !header) return;  // no header block at all: nothing was left blank
  const bool no_number = !Str(*document, "number");
  const auto date = Str(*document, "date");
  const bool no_date = !date || date->size() < 10;
  if (!no_number && !no_date) return;
  const std::string blank = no_number && no_date ? "number and date are"
                            : no_number          ? "number is"
                                                 : "date is";
  // Quote the line left blank: "Số: /KH-UBND", else the place-and-date line.
  static const RE2 kNumberLine(R"((?m)^[ \t]*((?:Số|SỐ|So|SO)[ \t]*[:/.][^\n]*))");
  static const RE2 kDateLine(R"((?m)^[ \t]*([^\n]*\b(?:ngày|Ngày|ngay)\b[^\n]*))");
  Record anchor = *header;
  if (auto line = HeaderLine(doc, *header, no_number ? kNumberLine : kDateLine)) {
    anchor.span = *line;
  }
  out->push_back(MakeFinding("header.incomplete", "info",
                             "the header's " + blank + " left blank (a template not filled in)",
                             anchor, {header_seq}));
}

}  // namespace

void CheckPlan(const DocView& doc, Records* out) {
  CheckPlanYear(doc, out);
  CheckDeadlines(doc, out);
  CheckChairs(doc, out);
  CheckHeader(doc, out);
}

}  // namespace vnplan::audit_internal
