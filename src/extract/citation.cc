// Citations: the rules of rules/citation/ find heads ("Quyết định số 90/QĐ-TTg", "Luật Đầu tư
// công ngày 13 tháng 6 năm 2019"); this file chooses among overlapping heads, repairs numbers
// and reads each head's tail (date, issuer, title) up to the next sibling citation.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "extract/citation_number.h"
#include "extract/citation_tail.h"
#include "extract/extractors.h"
#include "extract/vn_date.h"
#include "extract/vn_number.h"

namespace vnplan {

namespace {

// Rule kinds (the `kind` attribute of rules/citation/*.yaml).
constexpr std::string_view kByName = "by_name";  // a law or constitution cited by name and date
constexpr std::string_view kBare = "bare";       // a number alone: "và 1462/QĐ-UBND"

// Name endings that show a "by name" match ran into the sentence: "Luật ... có hiệu lực từ".
constexpr std::string_view kBadNameEnds[] = {"từ", "đến", "vào", "trước", "sau",  "kể từ",
                                             "tu", "den", "vao", "truoc", "ke tu"};
constexpr size_t kMaxTail = 600;

struct Head {
  const Match* match;
  std::optional<ParsedNumber> number;
  Span number_span = kNoSpan;
  size_t tail_start = 0;
  size_t head_end = 0;    // the match's end, or the number's when the number was cut short
  size_t head_start = 0;  // the match's start; a bare number's own start
};

int Priority(const Match& m) {
  return std::atoi(std::string(m.rule->Attr("priority", "0")).c_str());
}

bool Present(const Span& s) { return s.start != kNoSpan.start; }

bool GoodName(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  for (std::string_view end : kBadNameEnds) {
    if (name.size() > end.size() && name.substr(name.size() - end.size()) == end &&
        name[name.size() - end.size() - 1] == ' ') {
      return false;
    }
  }
  return true;
}

// A candidate with its number parsed, or nullopt when the match does not hold up.
std::optional<Head> MakeHead(const Match& m, std::string_view text, bool folded) {
  Head h{&m, std::nullopt, kNoSpan, m.span.end, m.span.end, m.span.start};
  Span num = m.Capture("number");
  if (Present(num)) {
    // A number whose last spaced part runs into a word ("12/QĐ-UBND - Lễ hội") ends before it.
    auto cut_in_word = [&](const Span& s) {
      const unsigned char c = s.end < text.size() ? text[s.end] : ' ';
      return c >= 0x80 || std::isalnum(c);
    };
    if (cut_in_word(num)) {
      const std::string_view raw = text.substr(num.start, num.size());
      const size_t dash = raw.rfind(" -") != raw.npos ? raw.rfind(" -") : raw.rfind("- ");
      if (dash == raw.npos || dash == 0) return std::nullopt;
      num.end = num.start + dash;
      h.head_end = num.end;
    }
    h.number = ParseCitationNumber(text.substr(num.start, num.size()), folded);
    if (!h.number) return std::nullopt;
    h.number_span = num;
    h.tail_start = num.end;
  } else if (m.rule->Attr("kind") != kByName) {
    return std::nullopt;
  }
  if (m.rule->Attr("kind") == kByName) {
    // The name may be empty ("Hiến pháp năm 2013") but must not run into the sentence, and
    // "pháp luật về ... năm 2013" is no law cited by name.
    const Span name = m.Capture("name");
    if (!Present(name)) return std::nullopt;
    if (!name.empty() && !GoodName(text.substr(name.start, name.size()))) return std::nullopt;
    const std::string_view before = text.substr(0, m.span.start);
    if (before.ends_with("pháp ") || before.ends_with("phap ") || before.ends_with("Pháp ") ||
        before.ends_with("Phap ")) {
      return std::nullopt;
    }
    if (!Present(num)) h.tail_start = name.end;
  }
  if (m.rule->Attr("kind") == kBare) {
    // "Số: 34/KH-UBND" opening a line is a document's own number, not a citation.
    const size_t nl = text.substr(0, m.span.start).rfind('\n');
    std::string_view lead = text.substr(nl == text.npos ? 0 : nl + 1);
    lead = lead.substr(0, m.span.start - (nl == text.npos ? 0 : nl + 1));
    while (!lead.empty() && (lead.back() == ' ' || lead.back() == ':')) lead.remove_suffix(1);
    if (lead == "Số" || lead == "So" || lead == "SỐ" || lead == "SO") return std::nullopt;
    h.head_start = h.number_span.start;
  }
  return h;
}

// Leftmost heads first; at one start, the higher priority, then the longer.
std::vector<Head> ChooseHeads(const std::vector<Match>& matches, std::string_view text,
                              bool folded) {
  std::vector<const Match*> order;
  for (const Match& m : matches) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](const Match* a, const Match* b) {
    if (a->span.start != b->span.start) return a->span.start < b->span.start;
    if (Priority(*a) != Priority(*b)) return Priority(*a) > Priority(*b);
    return a->span.end > b->span.end;
  });
  std::vector<Head> heads;
  size_t taken_to = 0;
  for (const Match* m : order) {
    if (!heads.empty() && m->span.start < taken_to) continue;
    std::optional<Head> h = MakeHead(*m, text, folded);
    if (!h) continue;
    taken_to = std::max(h->head_end, h->tail_start);
    heads.push_back(*h);
  }
  return heads;
}

nlohmann::json OrNull(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

std::string Plain(const TextView& view, Span s) { return std::string(view.PlainText(s)); }

}  // namespace

void ExtractCitations(const RuleSet& rules, const ExtractContext& ctx, const TextView& view,
                      Records* records, Diagnostics* /*diagnostics*/) {
  const std::string_view text = view.text();
  const bool folded = view.folded();
  std::vector<Match> matches;
  rules.FindAll(text, folded, &matches);
  const std::vector<Head> heads = ChooseHeads(matches, text, folded);
  // Tails are read with OCR digit slips repaired ("ngày 18/0l/2022"): same length, same offsets,
  // so the issuer and title spans still point into `text`.
  const std::string_view tail_text = view.DigitsRepaired();
  const std::optional<std::string>& own_number = ctx.seg.header.number.value;

  std::optional<std::string> last_doc_type;
  size_t last_end = 0;
  for (size_t i = 0; i < heads.size(); ++i) {
    const Head& h = heads[i];
    const Rule& rule = *h.match->rule;
    // The tail runs to the clause end, or to the next citation that starts a list item.
    size_t limit = ClauseEnd(text, folded, h.tail_start, kMaxTail);
    for (size_t j = i + 1; j < heads.size() && heads[j].head_start < limit; ++j) {
      if (std::optional<size_t> sep = ListSeparatorBefore(text, folded, heads[j].head_start)) {
        limit = std::max(h.tail_start, *sep);
        break;
      }
    }
    const bool by_name = rule.Attr("kind") == kByName;
    const CitationTail tail = ParseCitationTail(tail_text, folded, h.tail_start, limit, by_name);

    std::optional<std::string> doc_type;
    if (!rule.Attr("doc_type").empty()) doc_type = std::string(rule.Attr("doc_type"));
    if (rule.Attr("kind") == kBare) {
      // A number in a list takes the type of the citation before it; alone, its type code's.
      const bool in_list = last_doc_type && h.head_start >= last_end &&
                           ListSeparatorBefore(text, folded, h.head_start) &&
                           h.head_start - last_end < 40;
      if (in_list) {
        doc_type = last_doc_type;
      } else if (h.number && h.number->type_code) {
        if (auto t = DocTypeOfCode(*h.number->type_code)) doc_type = std::string(*t);
      }
      if (!doc_type) continue;
    }
    const size_t end = std::max({h.head_end, h.tail_start, tail.end});
    last_doc_type = doc_type;
    last_end = end;
    if (h.number && own_number && h.number->number == *own_number) continue;

    Record r;
    r.type = "citation";
    r.span = view.ToPlain({h.head_start, end});
    r.rule = rule.id;
    r.section = SectionAt(ctx, r.span.start);
    nlohmann::json& f = r.fields;
    f["doc_type"] = OrNull(doc_type);
    f["number"] = h.number ? nlohmann::json(h.number->number) : nlohmann::json(nullptr);
    f["type_code"] = h.number ? OrNull(h.number->type_code) : nlohmann::json(nullptr);
    f["issuer_code"] = h.number ? OrNull(h.number->issuer_code) : nlohmann::json(nullptr);
    f["num_year"] = h.number && h.number->num_year ? nlohmann::json(*h.number->num_year)
                                                   : nlohmann::json(nullptr);
    std::optional<std::string> iso;
    if (!tail.year.empty()) {
      if (std::optional<DateParts> d = MakeDate(tail.day, tail.month, tail.year)) iso = IsoOf(*d);
    }
    f["date"] = OrNull(iso);
    std::optional<Span> issuer = tail.issuer;
    if (!issuer) issuer = IssuerBefore(text, folded, h.head_start);
    f["issuer"] = issuer ? nlohmann::json(Plain(view, *issuer)) : nlohmann::json(nullptr);
    std::optional<std::string> title;
    if (tail.title) {
      title = Plain(view, *tail.title);
    } else if (!h.match->Capture("name").empty()) {  // "Luật Đầu tư công số ...", by name
      title = Plain(view, h.match->Capture("name"));
      title->erase(0, title->find_first_not_of(" \n"));
      if (title->empty()) title.reset();
    }
    f["title"] = OrNull(title);
    const Section* section = ctx.seg.Innermost(r.span.start);
    const bool preamble =
        section == nullptr || section->kind == "header" || section->kind == "can_cu";
    const bool legal_basis = (section != nullptr && section->kind == "can_cu") ||
                             (preamble && OpensWithLegalBasis(text, folded, h.head_start));
    f["role"] = legal_basis ? "legal_basis" : "reference";
    // In an unaccented document, codes given back their diacritics ("90/QD-TTg" ->
    // "90/QĐ-TTg") are how the whole text is written, not damage.
    const std::string printed = h.number ? Plain(view, h.number_span) : std::string();
    f["repaired"] = h.number.has_value() && h.number->number != printed &&
                    !(folded && FoldDiacritics(h.number->number).text == printed);
    records->push_back(std::move(r));
  }
}

}  // namespace vnplan
