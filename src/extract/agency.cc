#include "extract/agency.h"

#include <algorithm>
#include <string>

#include "extract/agency_words.h"
#include "extract/fold_key.h"
#include "extract/text_words.h"

namespace vnplan {

using extract_internal::EndsName;
using extract_internal::ImpliedLevel;
using extract_internal::LevelWordAt;
using extract_internal::SameFold;
using extract_internal::SentenceCaseIfCapitals;
using extract_internal::TidyName;

namespace {

enum Kind { kHead, kDomain, kEntity, kCouncil, kGroup, kTitle, kNotAgency, kNone };

Kind KindOf(const Rule& rule) {
  const std::string_view k = rule.Attr("kind");
  if (k == "head") return kHead;
  if (k == "domain") return kDomain;
  if (k == "entity") return kEntity;
  if (k == "council") return kCouncil;
  if (k == "group") return kGroup;
  if (k == "title") return kTitle;
  if (k == "not_agency") return kNotAgency;
  return kNone;
}

}  // namespace

AgencyReader::AgencyReader(const RuleSet& rules, const TextView& view, Issuer issuer)
    : rules_(rules), view_(view), issuer_(std::move(issuer)) {}

AgencyReader::Line AgencyReader::ReadLine(Span span) const {
  Line line(this, span);
  const std::string_view text = view_.text();
  span.end = std::min(span.end, text.size());
  thread_local std::vector<Match> matches;  // reused: this runs once per line
  rules_.FindAll(text.substr(span.start, span.size()), view_.folded(), &matches);
  line.hits_.reserve(matches.size());
  for (const Match& m : matches) {
    const Span s{m.span.start + span.start, m.span.end + span.start};
    const int kind = KindOf(*m.rule);
    if (kind == kNone || s.empty()) continue;
    // Whole words only: "Sở" never inside "cơ sở" by itself, "Y tế" never inside a longer word.
    if (!IsWordStart(text, s.start) || !IsWordEnd(text, s.end)) continue;
    line.hits_.push_back({s, m.rule, kind});
  }
  std::stable_sort(
      line.hits_.begin(), line.hits_.end(), [](const Line::Hit& a, const Line::Hit& b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
      });
  return line;
}

const AgencyReader::Line::Hit* AgencyReader::Line::HitAt(size_t pos, int kind) const {
  auto it = std::lower_bound(hits_.begin(), hits_.end(), pos,
                             [](const Hit& h, size_t p) { return h.span.start < p; });
  for (; it != hits_.end() && it->span.start == pos; ++it) {
    if (it->kind == kind) return &*it;  // longest first
  }
  return nullptr;
}

bool AgencyReader::Line::Suppressed(size_t pos) const {
  for (const Hit& h : hits_) {
    if (h.span.start > pos) break;
    if (h.kind == kNotAgency && h.span.start <= pos && pos < h.span.end) return true;
  }
  return false;
}

bool AgencyReader::Line::StartsAgency(size_t pos) const {
  if (Suppressed(pos)) return false;
  return HitAt(pos, kHead) || HitAt(pos, kEntity) || HitAt(pos, kCouncil) || HitAt(pos, kGroup);
}

size_t AgencyReader::Line::CapitalisedName(size_t pos) const {
  const std::string_view text = reader_->view_.text();
  const bool folded = reader_->view_.folded();
  const size_t limit = span_.end;
  Word w = WordAt(text, pos);
  if (w.span.empty() || w.span.start != pos || w.span.end > limit || !w.capital || w.has_digit) {
    return pos;
  }
  auto lower = [&](const Word& x) { return Lower(text.substr(x.span.start, x.span.size())); };
  auto ends = [&](const Word& x) { return EndsName(text, x, limit, folded); };
  auto is_level = [&](const Word& x) {
    size_t n = 0;
    return !LevelWordAt(text.substr(x.span.start, limit - x.span.start), &n).empty();
  };
  if (ends(w) || is_level(w)) return pos;
  size_t end = w.span.end;
  int words = 1;
  int lowercase_run = 0;
  constexpr int kMaxWords = 10;
  constexpr int kMaxLowercaseRun = 4;
  while (words < kMaxWords) {
    size_t p = end;
    while (p < limit && text[p] == ' ') ++p;
    if (p >= limit) break;
    const char c = text[p];
    if (c == ',' || c == '-' || c == '&') {
      // "Văn hóa, Thể thao", "Truyền thông - Văn hóa": only between two capitalised words.
      const Word next = WordAt(text, p + 1);
      if (next.span.empty() || next.span.end > limit || !next.capital || next.has_digit ||
          StartsAgency(next.span.start) || is_level(next) || ends(next)) {
        break;
      }
      end = next.span.end;
      words += 1;
      lowercase_run = 0;
      continue;
    }
    const Word next = WordAt(text, p);
    if (next.span.empty() || next.span.start != p || next.span.end > limit || next.has_digit) {
      break;
    }
    const std::string lw = lower(next);
    if (lw == "và" || lw == "va") {
      const Word after = WordAt(text, next.span.end);
      if (after.span.empty() || after.span.end > limit || !after.capital ||
          StartsAgency(after.span.start) || is_level(after) || ends(after)) {
        break;
      }
      end = after.span.end;
      words += 2;
      lowercase_run = 0;
      continue;
    }
    // A lowercase word never opens another agency here ("và Xã hội" is not "Hội").
    if (ends(next) || is_level(next) || (next.capital && StartsAgency(p))) break;
    if (next.capital) {
      lowercase_run = 0;
    } else if (++lowercase_run > kMaxLowercaseRun) {
      break;
    }
    end = next.span.end;
    ++words;
  }
  return end;
}

size_t AgencyReader::Line::PlaceSuffix(size_t pos, bool* drop, std::string* kept) const {
  const std::string_view text = reader_->view_.text();
  const Issuer& issuer = reader_->issuer_;
  *drop = false;
  kept->clear();
  size_t p = pos;
  while (p < span_.end && text[p] == ' ') ++p;
  size_t n = 0;
  const std::string level = LevelWordAt(text.substr(p, span_.end - p), &n);
  if (level.empty()) return pos;
  size_t end = p + n;
  // A place name: capitalised words after the level ("tỉnh Lào Cai").
  size_t place_start = end;
  while (place_start < span_.end && text[place_start] == ' ') ++place_start;
  size_t place_end = end;
  for (int k = 0; k < 4; ++k) {
    const Word w = WordAt(text, place_end);
    if (w.span.empty() || w.span.end > span_.end || !w.capital || w.has_digit ||
        w.span.start > place_end + 1 || StartsAgency(w.span.start) ||
        EndsName(text, w, span_.end, reader_->view_.folded())) {
      break;
    }
    place_end = w.span.end;
  }
  std::string place;
  if (place_end > end) {
    place = std::string(reader_->view_.PlainText({place_start, place_end}));
    end = place_end;
  }
  const bool own_level = issuer.level.empty() || issuer.level == level;
  const bool own_place = place.empty() || issuer.place.empty() || SameFold(place, issuer.place);
  *drop = own_level && own_place;
  if (!*drop) *kept = place.empty() ? level : level + " " + SentenceCaseIfCapitals(place);
  return end;
}

std::optional<AgencyMention> AgencyReader::Line::Headed(size_t pos, const Hit& head) const {
  const std::string_view text = reader_->view_.text();
  size_t q = head.span.end;
  while (q < span_.end && text[q] == ' ') ++q;
  const bool head_capital = WordAt(text, head.span.start).capital;
  AgencyMention m;
  m.head_rule = head.rule->id;
  const std::string head_name(head.rule->Attr("value"));
  size_t end = q;
  if (const Hit* domain = HitAt(q, kDomain)) {
    if (!head_capital && !WordAt(text, q).capital) return std::nullopt;
    m.name = head_name + " " + std::string(domain->rule->Attr("value"));
    m.rule = domain->rule->id;
    end = domain->span.end;
  } else {
    end = CapitalisedName(q);
    if (end == q) return std::nullopt;
    m.name = head_name + " " + TidyName(reader_->view_.PlainText({q, end}));
    m.rule = head.rule->id;
  }
  // A party committee after the name is part of it: "Ban Tuyên giáo Tỉnh ủy".
  size_t q2 = end;
  while (q2 < span_.end && text[q2] == ' ') ++q2;
  if (const Hit* party = HitAt(q2, kEntity)) {
    const std::string_view v = party->rule->Attr("value");
    if (v.ends_with(" ủy")) {
      m.name += " " + std::string(v);
      end = party->span.end;
    }
  }
  bool drop = false;
  std::string kept;
  const size_t after = PlaceSuffix(end, &drop, &kept);
  if (after != end && !drop && !ImpliedLevel(head_name, text.substr(end, after - end))) {
    m.name += " " + kept;
  }
  m.span = {pos, after};
  return m;
}

std::optional<AgencyMention> AgencyReader::Line::Council(size_t pos, const Hit& council) const {
  const std::string_view text = reader_->view_.text();
  AgencyMention m;
  m.rule = council.rule->id;
  const std::string base(council.rule->Attr("value"));
  size_t p = council.span.end;
  auto skip_spaces = [&](size_t x) {
    while (x < span_.end && text[x] == ' ') ++x;
    return x;
  };
  auto word_is = [&](size_t x, std::string_view fold) {
    const Word w = WordAt(text, x);
    return !w.span.empty() && w.span.start == x && w.span.end <= span_.end &&
           FoldKey(text.substr(w.span.start, w.span.size())) == fold;
  };
  p = skip_spaces(p);
  bool plural = false;
  bool cap = false;
  if (word_is(p, "cac")) {
    plural = true;
    p = skip_spaces(WordAt(text, p).span.end);
  } else if (word_is(p, "cap")) {
    cap = true;
    p = skip_spaces(WordAt(text, p).span.end);
  }
  std::vector<std::string> levels;
  size_t end = council.span.end;
  while (p < span_.end) {
    size_t n = 0;
    const std::string level = LevelWordAt(text.substr(p, span_.end - p), &n);
    if (level.empty()) break;
    levels.push_back(level);
    end = p + n;
    // ", thị trấn", "và thị trấn": the list goes on only with another level word.
    size_t q = skip_spaces(end);
    if (q < span_.end && text[q] == ',') {
      q = skip_spaces(q + 1);
    } else if (word_is(q, "va")) {
      q = skip_spaces(WordAt(text, q).span.end);
    } else {
      break;
    }
    size_t n2 = 0;
    if (LevelWordAt(text.substr(q, span_.end - q), &n2).empty()) break;
    p = q;
  }
  if (levels.empty()) {
    m.name = base;
  } else if (cap) {
    m.name = base + " cấp " + levels.front();
    m.group = true;
  } else if (plural || levels.size() > 1) {
    std::string joined;
    for (const std::string& l : levels) joined += (joined.empty() ? "" : ", ") + l;
    m.name = base + " các " + joined;
    m.group = true;
  } else {
    m.name = base + " " + levels.front();
    // The place name stays only when it is not the issuer's own ("UBND huyện Văn Lãng" in a
    // provincial plan names one district).
    bool drop = false;
    std::string kept;
    size_t level_start = skip_spaces(council.span.end);
    const size_t after = PlaceSuffix(level_start, &drop, &kept);
    if (after > end) {
      const Issuer& issuer = reader_->issuer_;
      const size_t place_start = skip_spaces(end);
      const std::string place(reader_->view_.PlainText({place_start, after}));
      if (issuer.place.empty() || !SameFold(place, issuer.place)) {
        m.name += " " + SentenceCaseIfCapitals(place);
      }
      end = after;
    }
  }
  m.span = {pos, end};
  return m;
}

std::optional<AgencyMention> AgencyReader::Line::At(size_t pos, size_t* end) const {
  const std::string_view text = reader_->view_.text();
  while (pos < span_.end && text[pos] == ' ') ++pos;
  if (pos >= span_.end || Suppressed(pos)) return std::nullopt;
  // A title before the body: "Chủ tịch UBND các xã", "Thủ trưởng các cơ quan".
  if (const Hit* title = HitAt(pos, kTitle)) {
    std::optional<AgencyMention> m = At(title->span.end, end);
    if (m) m->span.start = pos;
    return m;
  }
  std::optional<AgencyMention> best;
  auto consider = [&](std::optional<AgencyMention> m) {
    if (m && (!best || m->span.end > best->span.end)) best = std::move(m);
  };
  if (const Hit* g = HitAt(pos, kGroup)) {
    AgencyMention m;
    m.name = std::string(g->rule->Attr("value"));
    m.group = true;
    m.rule = g->rule->id;
    bool drop = false;
    std::string kept;
    m.span = {pos, PlaceSuffix(g->span.end, &drop, &kept)};
    consider(std::move(m));
  }
  if (const Hit* e = HitAt(pos, kEntity)) {
    AgencyMention m;
    m.name = std::string(e->rule->Attr("value"));
    m.rule = e->rule->id;
    bool drop = false;
    std::string kept;
    const size_t after = PlaceSuffix(e->span.end, &drop, &kept);
    if (after != e->span.end && !drop) m.name += " " + kept;
    m.span = {pos, after};
    consider(std::move(m));
  }
  if (const Hit* c = HitAt(pos, kCouncil)) consider(Council(pos, *c));
  if (const Hit* h = HitAt(pos, kHead)) consider(Headed(pos, *h));
  if (best) *end = best->span.end;
  return best;
}

std::vector<AgencyMention> AgencyReader::Line::ListAt(size_t pos, size_t* end) const {
  const std::string_view text = reader_->view_.text();
  std::vector<AgencyMention> list;
  size_t e = pos;
  std::optional<AgencyMention> m = At(pos, &e);
  if (!m) return list;
  list.push_back(std::move(*m));
  *end = e;
  while (true) {
    size_t p = e;
    while (p < span_.end && text[p] == ' ') ++p;
    if (p < span_.end && (text[p] == ',' || text[p] == ';')) ++p;
    while (p < span_.end && text[p] == ' ') ++p;
    const Word w = WordAt(text, p);
    if (!w.span.empty() && w.span.start == p) {
      const std::string f = FoldKey(text.substr(w.span.start, w.span.size()));
      if (f == "va" || f == "cung") p = w.span.end;
    }
    if (p == e) break;
    size_t next_end = p;
    std::optional<AgencyMention> next = At(p, &next_end);
    if (!next) break;
    list.push_back(std::move(*next));
    e = next_end;
    *end = e;
  }
  return list;
}

const std::vector<AgencyMention>& AgencyReader::Line::All() const {
  if (all_) return *all_;
  const std::string_view text = reader_->view_.text();
  std::vector<AgencyMention> out;
  size_t p = span_.start;
  while (p < span_.end) {
    const Word w = NextWord(text, p);
    if (w.span.empty() || w.span.start >= span_.end) break;
    size_t end = w.span.start;
    std::optional<AgencyMention> m = At(w.span.start, &end);
    if (m) {
      out.push_back(std::move(*m));
      p = end;
    } else {
      p = w.span.end;
    }
  }
  all_ = std::move(out);
  return *all_;
}

Issuer IssuerOf(const ExtractContext& ctx, const TextView& view) {
  Issuer issuer;
  auto from_words = [&](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const Word w = NextWord(s, i);
      if (w.span.empty()) break;
      size_t n = 0;
      const std::string level = LevelWordAt(s.substr(w.span.start), &n);
      if (!level.empty()) {
        issuer.level = level;
        const std::string_view rest = s.substr(w.span.start + n);
        size_t a = 0;
        while (a < rest.size() && rest[a] == ' ') ++a;
        size_t b = rest.size();
        while (b > a && (rest[b - 1] == ' ' || rest[b - 1] == '\n')) --b;
        issuer.place = std::string(rest.substr(a, b - a));
        return true;
      }
      i = w.span.end;
    }
    return false;
  };
  const Header& h = ctx.seg.header;
  if (h.issuer.value && from_words(*h.issuer.value)) return issuer;
  if (h.issuer_parent.value && from_words(*h.issuer_parent.value)) return issuer;
  // The sentence that issues the plan: "UBND huyện Sông Mã ban hành Kế hoạch ...".
  const std::string_view text = view.text();
  constexpr size_t kSearch = 8000;
  const std::string head = FoldKey(text.substr(0, std::min(kSearch, text.size())));
  for (std::string_view cue : {"ban hanh ke hoach", "xay dung ke hoach", "ban hanh"}) {
    const size_t at = head.find(cue);
    if (at == std::string::npos) continue;
    // Look back to the start of that paragraph, in the folded key, for "nhan dan <level>".
    size_t start = head.rfind('\n', at);
    start = start == std::string::npos ? 0 : start + 1;
    const std::string para = head.substr(start, at - start);
    for (std::string_view council : {"uy ban nhan dan ", "ubnd "}) {
      const size_t c = para.rfind(council);
      if (c != std::string::npos && from_words(para.substr(c + council.size()))) {
        // The fold lost the place's diacritics; the header's place keeps them.
        if (h.place.value) issuer.place = *h.place.value;
        return issuer;
      }
    }
  }
  if (h.place.value) issuer.place = *h.place.value;
  return issuer;
}

nlohmann::json AgencyExampleFields(const RuleBook& rules, const Rule& rule, std::string_view text) {
  const RuleSet* set = rules.Topic("agencies");
  if (set == nullptr) return nullptr;
  const Kind kind = KindOf(rule);
  if (kind == kTitle || kind == kNotAgency || kind == kNone) {
    return RuleCaptures(rules, rule, text);
  }
  const NormalizedText norm = Normalize(text);
  const Segmented seg;
  const ExtractContext ctx{norm, seg, std::nullopt};
  const TextView view(ctx, LooksUnaccented(norm.text));
  const AgencyReader reader(*set, view, Issuer{"huyện", ""});
  const AgencyReader::Line line = reader.ReadLine({0, view.text().size()});
  for (const AgencyMention& m : line.All()) {
    if (m.rule != rule.id && m.head_rule != rule.id) continue;
    return {{"agency", m.name},
            {"group", m.group ? "true" : "false"},
            {"text", std::string(view.PlainText(m.span))}};
  }
  return nullptr;
}

}  // namespace vnplan
