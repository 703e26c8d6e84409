#include "extract/duty_walk.h"

#include <algorithm>

#include "base/utf8.h"
#include "extract/text_words.h"

namespace vnplan {

namespace {

constexpr int kLetterDepth = 5;

bool IsExcludedKind(std::string_view kind) {
  return kind == "header" || kind == "can_cu" || kind == "signature" || kind == "noi_nhan";
}

// "2.1." -> 2, "1." -> 1, "2. 4." -> 2.
int NumberDepth(std::string_view label) {
  int parts = 0;
  bool in_digits = false;
  for (char c : label) {
    const bool digit = c >= '0' && c <= '9';
    if (digit && !in_digits) ++parts;
    in_digits = digit;
  }
  return std::max(parts, 1);
}

}  // namespace

DutyWalk::DutyWalk(const RuleSet& responsibility, const AgencyReader& agencies,
                   const ExtractContext& ctx, const TextView& view)
    : rules_(responsibility), agencies_(agencies), ctx_(ctx), view_(view) {
  const std::string_view text = view_.text();
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    DutyLine line;
    line.line = {start, end};
    line.body = line.line;
    lines_.push_back(line);
    start = end + 1;
  }
  matches_.resize(lines_.size());
  std::vector<Match> all;
  rules_.FindAll(text, view_.folded(), &all);
  for (const Match& m : all) {
    const size_t i = LineAt(m.span.start);
    if (i == kNoLine || m.span.end > lines_[i].line.end) continue;  // never across two lines
    matches_[i].push_back(m);
  }
  for (const Section& s : ctx_.seg.sections) {
    if (s.project && std::find(known_projects_.begin(), known_projects_.end(), *s.project) ==
                         known_projects_.end()) {
      known_projects_.push_back(*s.project);
    }
  }
  for (const Rule* r : rules_.rules()) {
    if (KindOfRule(*r) == "label") label_rule_ = r;
  }
  Walk();
}

size_t DutyWalk::LineAt(size_t pos) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                             [](size_t p, const DutyLine& l) { return p < l.line.start; });
  return it == lines_.begin() ? kNoLine : static_cast<size_t>(it - lines_.begin()) - 1;
}

const AgencyReader::Line& DutyWalk::AgenciesOf(size_t i) const {
  auto it = agency_lines_.find(i);
  if (it == agency_lines_.end()) {
    it = agency_lines_
             .emplace(i, std::make_unique<AgencyReader::Line>(agencies_.ReadLine(lines_[i].line)))
             .first;
  }
  return *it->second;
}

ProjectContext DutyWalk::ProjectsAt(size_t view_pos) const {
  ProjectContext pc;
  pc.known = known_projects_;
  const size_t plain = view_.ToPlain({view_pos, view_pos}).start;
  if (std::optional<std::string> p = ctx_.seg.ProjectAt(plain)) pc.current = *p;
  return pc;
}

std::vector<const Match*> DutyWalk::KindIn(size_t i, std::string_view kind, Span within) const {
  std::vector<const Match*> out;
  for (const Match& m : matches_[i]) {
    if (KindOfRule(*m.rule) != kind) continue;
    if (m.span.end <= within.start || m.span.start >= within.end) continue;
    out.push_back(&m);
  }
  return out;
}

bool DutyWalk::ReadHeading(size_t i, bool relaxed, Holder* holder, Span* statement) const {
  const std::string_view text = view_.text();
  const DutyLine& line = lines_[i];
  size_t p = line.body.start;
  for (const Match& m : matches_[i]) {
    const std::string_view kind = KindOfRule(*m.rule);
    if (m.span.start != p || (kind != "assign" && kind != "opener")) continue;
    if (m.rule->Attr("role") == "de_nghi") {
      holder->de_nghi = true;
      holder->de_nghi_rule = m.rule;
    } else {
      holder->rule = m.rule;
    }
    p = m.span.end;
    break;
  }
  size_t end = p;
  std::vector<AgencyMention> list = AgenciesOf(i).ListAt(p, &end);
  if (list.empty()) return false;
  size_t q = end;
  while (q < line.line.end && text[q] == ' ') ++q;
  *statement = {};
  if (q >= line.line.end) {
    holder->agencies = std::move(list);
    return true;
  }
  if (text[q] == ':' || text[q] == '-' || text[q] == '.' || text[q] == ';') {
    ++q;
  } else if (!relaxed) {
    return false;
  }
  while (q < line.line.end && text[q] == ' ') ++q;
  if (q < line.line.end) *statement = {q, line.line.end};
  holder->agencies = std::move(list);
  return true;
}

bool DutyWalk::ReadLeadIn(size_t i, Holder* holder) const {
  const std::string_view text = view_.text();
  const DutyLine& line = lines_[i];
  size_t last = line.line.end;
  while (last > line.body.start && text[last - 1] == ' ') --last;
  if (last == line.body.start || text[last - 1] != ':') return false;
  size_t end = 0;
  std::vector<AgencyMention> list = AgenciesOf(i).ListAt(line.body.start, &end);
  if (list.empty()) return false;
  holder->agencies = std::move(list);
  holder->lead_in = true;
  return true;
}

void DutyWalk::Walk() {
  const std::string_view text = view_.text();
  std::vector<Span> excluded, plan_part;
  for (const Section& s : ctx_.seg.sections) {
    if (IsExcludedKind(s.kind)) excluded.push_back(s.extent);
    if (s.kind == "to_chuc_thuc_hien") plan_part.push_back(s.extent);
  }
  auto inside = [](const std::vector<Span>& spans, size_t pos) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const Span& s) { return s.start <= pos && pos < s.end; });
  };
  const bool has_plan_part = !plan_part.empty();
  int holder = -1;
  int holder_depth = -1;
  int context_depth = -1;
  for (size_t i = 0; i < lines_.size(); ++i) {
    DutyLine& line = lines_[i];
    const size_t plain = view_.ToPlain({line.line.start, line.line.start}).start;
    if (inside(excluded, plain) || line.line.empty()) {
      line.excluded = !line.line.empty();
      if (line.excluded) holder = -1;
      continue;
    }
    line.in_plan_part = inside(plan_part, plain);
    const bool closing = std::any_of(matches_[i].begin(), matches_[i].end(), [&](const Match& m) {
      return KindOfRule(*m.rule) == "closing" && m.span.start == line.line.start;
    });
    if (closing) {
      holder = -1;
      continue;
    }
    const bool items_here = has_plan_part ? line.in_plan_part : true;
    const Match* label = nullptr;
    for (const Match& m : matches_[i]) {
      if (KindOfRule(*m.rule) == "label" && m.span.start == line.line.start) {
        label = &m;
        break;
      }
    }
    if (label != nullptr) {
      size_t b = label->span.end;
      while (b < line.line.end && text[b] == ' ') ++b;
      line.body = {b, line.line.end};
      if (label->Has("roman")) {
        line.depth = 0;
      } else if (label->Has("number")) {
        line.depth = NumberDepth(label->Text(text, "number"));
      } else if (label->Has("letter")) {
        line.depth = kLetterDepth;
      } else {
        line.depth = kBulletDepth;
      }
    }
    if (line.depth >= 0 && line.depth != kBulletDepth) {
      if (holder >= 0 && line.depth <= holder_depth) holder = -1;
      context_depth = line.depth;
      if (!items_here) continue;
      Holder h;
      h.rule = label->rule;
      Span statement;
      if (ReadHeading(i, line.in_plan_part, &h, &statement)) {
        holders_.push_back(std::move(h));
        holder = static_cast<int>(holders_.size()) - 1;
        holder_depth = line.depth;
        line.heading = true;
        line.statement = statement;
        line.holder = holder;
        continue;
      }
    } else if (line.depth < 0 && items_here) {
      Holder h;
      if (ReadLeadIn(i, &h)) {
        // A lead-in has no label of its own; its statements fall under the label rule.
        h.rule = label_rule_;
        holders_.push_back(std::move(h));
        holder = static_cast<int>(holders_.size()) - 1;
        holder_depth = context_depth;
        line.heading = true;
        line.holder = holder;
        continue;
      }
    }
    line.holder = holder;
    line.statement = line.body;
  }
}

Span CapStatement(std::string_view text, Span s) {
  if (s.size() <= kMaxStatement) return s;
  size_t cut = s.start + kMaxStatement;
  const size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > s.start) return {s.start, space};
  return {s.start, Utf8CharStart(text, cut, s.start)};
}

size_t SentenceEnd(std::string_view text, size_t pos, size_t limit) {
  for (size_t p = pos; p < limit; ++p) {
    if (text[p] == '.' && (p + 1 >= limit || text[p + 1] == ' ')) return p + 1;
  }
  return limit;
}

std::vector<size_t> ClauseStarts(std::string_view text, size_t from, size_t limit) {
  std::vector<size_t> starts{from};
  for (size_t p = from; p + 1 < limit; ++p) {
    const char c = text[p];
    if ((c == '.' || c == ';' || c == ':') && text[p + 1] == ' ') {
      size_t q = p + 1;
      while (q < limit && text[q] == ' ') ++q;
      if (q < limit) starts.push_back(q);
    }
  }
  return starts;
}

bool PrecededByRecipientWord(std::string_view text, size_t pos) {
  size_t p = pos;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '(')) --p;
  size_t start = p;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != ',') {
    --start;
  }
  const std::string word = Lower(text.substr(start, p - start));
  for (std::string_view w :
       {"gửi", "về", "qua", "cho", "lên", "đến", "tới", "gui", "ve", "len", "den", "toi"}) {
    if (word == w) return true;
  }
  if (word == "cáo" || word == "cao") {
    size_t q = start;
    while (q > 0 && text[q - 1] == ' ') --q;
    size_t s = q;
    while (s > 0 && text[s - 1] != ' ') --s;
    const std::string before = Lower(text.substr(s, q - s));
    return before == "báo" || before == "bao";
  }
  return false;
}

std::vector<const Match*> CuesOf(const DutyWalk& walk, size_t i) {
  const DutyLine& line = walk.lines()[i];
  std::vector<const Match*> cues = walk.KindIn(i, "cue", line.line);
  const std::vector<const Match*> cancel = walk.KindIn(i, "not_cue", line.line);
  std::vector<const Match*> out;
  for (const Match* c : cues) {
    const bool cancelled = std::any_of(cancel.begin(), cancel.end(), [&](const Match* n) {
      return n->span.start < c->span.end && c->span.start < n->span.end;
    });
    const bool inside_longer = std::any_of(cues.begin(), cues.end(), [&](const Match* o) {
      return o != c && o->span.start <= c->span.start && c->span.end <= o->span.end &&
             o->span.size() > c->span.size();
    });
    if (!cancelled && !inside_longer) out.push_back(c);
  }
  std::sort(out.begin(), out.end(),
            [](const Match* a, const Match* b) { return a->span.start < b->span.start; });
  return out;
}

}  // namespace vnplan
