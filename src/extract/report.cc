// Report records: reporting duties with their deadlines. See ExtractReports in extractors.h and
// rules/report/report.yaml.
#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "extract/agency.h"
#include "extract/duty_walk.h"
#include "extract/extractors.h"
#include "extract/vn_date.h"

namespace vnplan {

namespace {

struct Due {
  const Match* match;
  std::optional<std::string> iso;
};

class ReportBuilder {
 public:
  ReportBuilder(const DutyWalk& walk, const RuleSet& rules, Records* records)
      : walk_(walk), text_(walk.view().text()), records_(records) {
    // Only a line that says "báo cáo" (a report_word match) can hold a reporting duty, and few
    // lines do: the report_word rules run over the whole text, the rest of the topic only over
    // those lines, each taken with its '\n' so that a match running past the line's end is seen,
    // and dropped, as over the whole text (a match never spans two lines).
    const auto& lines = walk_.lines();
    const bool folded = walk.view().folded();
    by_line_.resize(lines.size());
    std::vector<bool> says_report(lines.size(), false);
    std::vector<Match> found;
    for (const Rule* r : rules.rules()) {
      if (r->Attr("kind") != "report_word") continue;
      rules.FindRule(*r, text_, folded, &found);
      for (const Match& m : found) {
        const size_t i = walk_.LineAt(m.span.start);
        if (i != DutyWalk::kNoLine && m.span.end <= lines[i].line.end) says_report[i] = true;
      }
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!says_report[i]) continue;
      const Span line = lines[i].line;
      const size_t with_newline = std::min(text_.size(), line.end + 1);
      rules.FindAll(text_.substr(line.start, with_newline - line.start), folded, &found);
      for (Match m : found) {
        if (m.span.end + line.start > line.end) continue;
        m.span = {m.span.start + line.start, m.span.end + line.start};
        for (Span& c : m.captures) {
          if (c.start != kNoSpan.start) c = {c.start + line.start, c.end + line.start};
        }
        by_line_[i].push_back(m);
      }
    }
    doc_year_ = walk.context().seg.header.year;
    for (const Record& r : *records) {
      if (r.type == "responsibility" && r.fields.value("role", "") == "thuong_truc") {
        standing_ = r.fields.value("agency", "");
        break;
      }
    }
  }

  void Line(size_t i) {
    const DutyLine& line = walk_.lines()[i];
    if (line.excluded || line.line.empty() || by_line_[i].empty()) return;
    if (!Has(i, "report_word", line.line)) return;
    std::vector<Span> sentences;
    for (size_t s = line.body.start; s < line.line.end;) {
      const size_t e = SentenceEnd(text_, s, line.line.end);
      sentences.push_back({s, e});
      s = e;
      while (s < line.line.end && text_[s] == ' ') ++s;
    }
    own_reporters_.assign(sentences.size(), std::nullopt);
    recipient_in_.assign(sentences.size(), std::nullopt);
    // Deadlines first: a paragraph that names the recipient in one sentence and the deadlines in
    // the next ("Thực hiện chế độ báo cáo về UBND tỉnh. Báo cáo 6 tháng gửi trước ngày ...")
    // holds one duty, not a dated one and an undated one.
    dated_.clear();
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = 0; k < sentences.size(); ++k) {
        const Span s = sentences[k];
        if (!Has(i, "report_word", s) || Has(i, "not_report", s)) continue;
        const std::vector<Due> dues = DuesIn(i, s);
        if (dues.empty() != (pass == 1)) continue;
        const std::vector<AgencyMention> reporters = Reporters(i, sentences, k);
        if (reporters.empty()) continue;
        if (dues.empty()) {
          Dueless(i, s, reporters);
        } else {
          Dated(i, line, sentences, k, dues, reporters);
        }
      }
    }
  }

 private:
  void Dated(size_t i, const DutyLine& line, const std::vector<Span>& sentences, size_t k,
             const std::vector<Due>& dues, const std::vector<AgencyMention>& reporters) {
    const Span s = sentences[k];
    size_t window_start = s.start;
    std::string last_what;
    for (const Due& d : dues) {
      std::string what = PeriodIn(i, {window_start, d.match->span.start});
      if (what.empty() && KindOfRule(*d.match->rule) == "due_more") what = last_what;
      if (what.empty()) what = PeriodIn(i, {s.start, d.match->span.start});
      if (what.empty()) what = PeriodIn(i, {line.line.start, s.start});
      if (what.empty()) what = "báo cáo";
      last_what = what;
      window_start = d.match->span.end;
      std::optional<AgencyMention> to = RecipientAfter(i, d.match->span.end, s.end);
      if (!to) to = RecipientBefore(i, s.start, d.match->span.start);
      for (size_t b = k; !to && b > 0; --b) to = RecipientIn(i, sentences, b - 1);
      for (const AgencyMention& who : reporters) {
        Add(s, who, to, d.iso, what, d.match->rule);
        dated_.insert({who.name, to ? to->name : ""});
      }
    }
  }

  // The matches of line i that start in `within` (a line's matches are sorted by start): a line
  // of thousands of sentences must not make each sentence read all of them.
  std::span<const Match> StartingIn(size_t i, Span within) const {
    const std::vector<Match>& ms = by_line_[i];
    auto by_start = [](const Match& m, size_t at) { return m.span.start < at; };
    const auto first = std::lower_bound(ms.begin(), ms.end(), within.start, by_start);
    const auto last = std::lower_bound(first, ms.end(), within.end, by_start);
    return {first, last};
  }

  bool Has(size_t i, std::string_view kind, Span within) const {
    const std::span<const Match> ms = StartingIn(i, within);
    return std::any_of(ms.begin(), ms.end(), [&](const Match& m) {
      return KindOfRule(*m.rule) == kind && m.span.end <= within.end;
    });
  }

  std::vector<Due> DuesIn(size_t i, Span s) const {
    std::vector<Due> dues;
    for (const Match& m : StartingIn(i, s)) {
      if (KindOfRule(*m.rule) != "due" || m.span.end > s.end) continue;
      if (!dues.empty() && m.span.start < dues.back().match->span.end) continue;
      dues.push_back({&m, Iso(m)});
      // "trước ngày 10/5/2024 và ngày 10/11/2024": the dates that follow belong to it.
      for (bool more = true; more;) {
        more = false;
        size_t at = dues.back().match->span.end;
        while (at < s.end && text_[at] == ' ') ++at;
        for (const Match& n : StartingIn(i, {at, at + 1})) {
          if (KindOfRule(*n.rule) == "due_more" && n.span.end <= s.end) {
            dues.push_back({&n, Iso(n)});
            more = true;
            break;
          }
        }
      }
    }
    return dues;
  }

  std::optional<std::string> Iso(const Match& m) const {
    std::optional<DateParts> d =
        MakeDate(m.Text(text_, "day"), m.Text(text_, "month"), m.Text(text_, "year"));
    if (!d) return std::nullopt;
    if (std::optional<std::string> full = Resolve(*d, doc_year_)) return full;
    return IsoOf(*d);
  }

  // The canonical period of the last period word in `within` ("báo cáo 6 tháng"), "" if none.
  // "năm 2024" is a year, not a yearly report; "định kỳ" gives way to a named period.
  std::string PeriodIn(size_t i, Span within) const {
    std::string found, periodic;
    for (const Match& m : StartingIn(i, within)) {
      if (KindOfRule(*m.rule) != "period" || m.span.end > within.end) continue;
      size_t after = m.span.end;
      while (after < text_.size() && text_[after] == ' ') ++after;
      if (m.rule->Attr("value") == "báo cáo năm" && after < text_.size() && text_[after] >= '0' &&
          text_[after] <= '9') {
        continue;
      }
      if (m.rule->Attr("value") == "báo cáo định kỳ") {
        periodic = "báo cáo định kỳ";
      } else {
        found = std::string(m.rule->Attr("value"));
      }
    }
    return found.empty() ? periodic : found;
  }

  // The agency a sending word before it names, in [from, to): "gửi Phòng X", "về UBND tỉnh
  // (qua Sở Y)" -> Sở Y. The first one in the stretch.
  std::optional<AgencyMention> RecipientAfter(size_t i, size_t from, size_t to) const {
    for (const Match& m : StartingIn(i, {from, to})) {
      if (KindOfRule(*m.rule) != "to" || m.span.end > to) continue;
      if (std::optional<AgencyMention> r = RecipientAt(i, m.span.end)) return r;
    }
    return std::nullopt;
  }
  std::optional<AgencyMention> RecipientBefore(size_t i, size_t from, size_t to) const {
    std::optional<AgencyMention> last;
    for (const Match& m : StartingIn(i, {from, to})) {
      if (KindOfRule(*m.rule) != "to" || m.span.end > to) continue;
      if (std::optional<AgencyMention> r = RecipientAt(i, m.span.end)) last = r;
    }
    return last;
  }
  std::optional<AgencyMention> RecipientAt(size_t i, size_t pos) const {
    size_t end = 0;
    std::vector<AgencyMention> list = walk_.AgenciesOf(i).ListAt(pos, &end);
    if (list.empty()) return std::nullopt;
    AgencyMention r = list.front();
    // "UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội)": the Sở receives it.
    size_t p = end;
    while (p < text_.size() && text_[p] == ' ') ++p;
    for (const Match& m : StartingIn(i, {p, p + 1})) {
      if (KindOfRule(*m.rule) != "via") continue;
      size_t via_end = 0;
      std::vector<AgencyMention> via = walk_.AgenciesOf(i).ListAt(m.span.end, &via_end);
      if (!via.empty()) r = via.front();
    }
    if (r.name == "cơ quan thường trực" && !standing_.empty()) r.name = standing_;
    return r;
  }

  // Who reports: agencies opening a clause of the sentence (or of one before it in the same
  // paragraph), else the agencies the line is addressed to.
  std::vector<AgencyMention> Reporters(size_t i, const std::vector<Span>& sentences, size_t k) {
    for (size_t b = k + 1; b > 0; --b) {
      std::optional<std::vector<AgencyMention>>& own = own_reporters_[b - 1];
      if (!own) own = ReportersOf(i, sentences[b - 1]);
      if (!own->empty()) return *own;
    }
    const DutyLine& line = walk_.lines()[i];
    if (line.holder >= 0) return walk_.holders()[line.holder].agencies;
    return {};
  }

  // The recipient a sending word names in sentence b of the line (the last one), read once.
  std::optional<AgencyMention> RecipientIn(size_t i, const std::vector<Span>& sentences, size_t b) {
    std::optional<std::optional<AgencyMention>>& r = recipient_in_[b];
    if (!r) r = RecipientBefore(i, sentences[b].start, sentences[b].end);
    return *r;
  }

  // The agencies opening a clause of sentence s, none when no clause opens with one.
  std::vector<AgencyMention> ReportersOf(size_t i, Span s) const {
    // Agencies a report is sent to are no reporters ("báo cáo UBND huyện, Ban Chỉ đạo ...").
    std::vector<Span> sent_to;
    for (const Match& m : StartingIn(i, s)) {
      const std::string_view kind = KindOfRule(*m.rule);
      if ((kind != "to" && kind != "via") || m.span.end > s.end) continue;
      size_t end = 0;
      if (!walk_.AgenciesOf(i).ListAt(m.span.end, &end).empty()) {
        sent_to.push_back({m.span.end, end});
      }
    }
    for (size_t cs : CommaClauseStarts(s)) {
      if (PrecededByRecipientWord(text_, cs)) continue;
      if (std::any_of(sent_to.begin(), sent_to.end(),
                      [&](const Span& t) { return t.start <= cs && cs < t.end; })) {
        continue;
      }
      size_t end = 0;
      std::vector<AgencyMention> list = walk_.AgenciesOf(i).ListAt(cs, &end);
      if (!list.empty()) return list;
    }
    return {};
  }

  std::vector<size_t> CommaClauseStarts(Span s) const {
    std::vector<size_t> starts{s.start};
    for (size_t p = s.start; p + 1 < s.end; ++p) {
      const char c = text_[p];
      if ((c == ',' || c == ';' || c == ':') && text_[p + 1] == ' ') {
        size_t q = p + 1;
        while (q < s.end && text_[q] == ' ') ++q;
        if (q < s.end) starts.push_back(q);
      }
    }
    return starts;
  }

  // "báo cáo kết quả thực hiện gửi Sở X": a duty with no deadline, kept when the sentence sends
  // a report to a named agency.
  void Dueless(size_t i, Span s, const std::vector<AgencyMention>& reporters) {
    for (const Match& m : StartingIn(i, s)) {
      if (KindOfRule(*m.rule) != "to" || m.span.end > s.end) continue;
      // The sending word must come after (or be) "báo cáo".
      const std::span<const Match> before = StartingIn(i, {s.start, m.span.start + 1});
      const bool after_report = std::any_of(before.begin(), before.end(), [&](const Match& w) {
        return KindOfRule(*w.rule) == "report_word";
      });
      if (!after_report) continue;
      std::optional<AgencyMention> to = RecipientAt(i, m.span.end);
      if (!to) continue;
      std::string what = PeriodIn(i, {s.start, m.span.start});
      if (what.empty()) what = "báo cáo";
      for (const AgencyMention& who : reporters) {
        if (dated_.count({who.name, to->name}) == 0) Add(s, who, to, std::nullopt, what, m.rule);
      }
      return;
    }
  }

  void Add(Span sentence, const AgencyMention& who, const std::optional<AgencyMention>& to,
           const std::optional<std::string>& due, const std::string& what, const Rule* rule) {
    if (to && to->name == who.name) return;  // "gửi Phòng X tổng hợp" inside Phòng X's own item
    sentence = CapStatement(text_, sentence);
    const auto key = std::make_tuple(sentence.start, who.name, due.value_or(""), what);
    if (!seen_.insert(key).second) return;
    const TextView& view = walk_.view();
    Record r;
    r.type = "report";
    r.span = view.ToPlain(sentence);
    r.rule = rule->id;
    r.section = SectionAt(walk_.context(), r.span.start);
    r.fields["reporter"] = who.name;
    r.fields["recipient"] = to ? nlohmann::json(to->name) : nlohmann::json();
    r.fields["due"] = due ? nlohmann::json(*due) : nlohmann::json();
    r.fields["what"] = what;
    records_->push_back(std::move(r));
  }

  const DutyWalk& walk_;
  std::string_view text_;
  Records* records_;
  std::vector<std::vector<Match>> by_line_;
  std::optional<int> doc_year_;
  std::string standing_;  // the agency that is the program's cơ quan thường trực
  std::set<std::tuple<size_t, std::string, std::string, std::string>> seen_;
  std::set<std::pair<std::string, std::string>> dated_;  // (reporter, recipient) of this line
  // By sentence of the line being read: who opens a clause of it, the recipient it names.
  std::vector<std::optional<std::vector<AgencyMention>>> own_reporters_;
  std::vector<std::optional<std::optional<AgencyMention>>> recipient_in_;
};

}  // namespace

void AddReports(const DutyWalk& walk, const RuleSet& report, Records* records) {
  ReportBuilder builder(walk, report, records);
  for (size_t i = 0; i < walk.lines().size(); ++i) builder.Line(i);
}

}  // namespace vnplan
