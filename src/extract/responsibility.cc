// Responsibility records: who holds which role on which projects, read statement by statement.
// See ExtractResponsibilities in extractors.h and rules/responsibility/*.yaml.
#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "extract/agency.h"
#include "extract/duty_walk.h"
#include "extract/extractors.h"
#include "extract/project_ref.h"
#include "extract/text_words.h"

namespace vnplan {

namespace {

// Who a stretch of a line belongs to: the agencies, the stretch their cues are read from, and
// the roles they get without a cue.
struct Subject {
  const std::vector<AgencyMention>* agencies = nullptr;
  Span scope;                          // cues and projects are read here
  Span statement;                      // the record's span and task
  const Rule* default_rule = nullptr;  // gives thuc_hien (or de_nghi) when no cue is found
  std::string default_role;
  const Rule* de_nghi_rule = nullptr;  // gives de_nghi besides the cues
};

class ResponsibilityBuilder {
 public:
  ResponsibilityBuilder(const DutyWalk& walk, Records* records)
      : walk_(walk), text_(walk.view().text()), records_(records) {}

  void Line(size_t i) {
    const DutyLine& line = walk_.lines()[i];
    if (line.excluded || line.line.empty()) return;
    cues_ = CuesOf(walk_, i);
    consumed_.assign(cues_.size(), false);
    std::deque<std::vector<AgencyMention>> lists;  // stable addresses for the subjects
    std::vector<Subject> subjects;
    const size_t from = line.heading ? line.statement.start : line.body.start;
    if (line.heading && line.statement.empty()) return;

    // Agencies handed a duty in the text itself: "Giao Sở Y tế chủ trì", "Sở Y tế chủ trì".
    for (const Match* a : walk_.KindIn(i, "assign", {from, line.line.end})) {
      if (a->span.start < from) continue;
      size_t end = 0;
      std::vector<AgencyMention> list = walk_.AgenciesOf(i).ListAt(a->span.end, &end);
      if (list.empty()) continue;
      lists.push_back(std::move(list));
      Subject s;
      s.agencies = &lists.back();
      s.scope = {end, SentenceEnd(text_, end, line.line.end)};
      s.statement = {a->span.start, s.scope.end};
      s.default_rule = a->rule;
      s.default_role = std::string(a->rule->Attr("role"));
      if (s.default_role == "de_nghi") s.de_nghi_rule = a->rule;
      subjects.push_back(s);
    }
    for (size_t cs : ClauseStarts(text_, from, line.line.end)) {
      size_t end = 0;
      std::vector<AgencyMention> list = walk_.AgenciesOf(i).ListAt(cs, &end);
      if (list.empty()) continue;
      const size_t sentence_end = SentenceEnd(text_, end, line.line.end);
      const bool has_cue = std::any_of(cues_.begin(), cues_.end(), [&](const Match* c) {
        return c->span.start >= end && c->span.start < sentence_end;
      });
      if (!has_cue) continue;
      // An assign trigger already reads this list.
      if (std::any_of(subjects.begin(), subjects.end(),
                      [&](const Subject& s) { return s.scope.start == end; })) {
        continue;
      }
      lists.push_back(std::move(list));
      Subject s;
      s.agencies = &lists.back();
      s.scope = {end, sentence_end};
      s.statement = {cs, sentence_end};
      subjects.push_back(s);
    }
    std::sort(subjects.begin(), subjects.end(),
              [](const Subject& a, const Subject& b) { return a.scope.start < b.scope.start; });
    for (size_t k = 0; k < subjects.size(); ++k) {
      if (k + 1 < subjects.size()) {
        subjects[k].scope.end = std::min(subjects[k].scope.end, subjects[k + 1].statement.start);
      }
      Emit(i, subjects[k]);
    }

    // The statement of the item the line sits under.
    if (line.holder >= 0 && !line.statement.empty()) {
      const Holder& h = walk_.holders()[line.holder];
      Subject s;
      s.agencies = &h.agencies;
      s.scope = line.statement;
      s.statement = line.statement;
      s.default_rule = h.rule;
      s.default_role = "thuc_hien";
      s.de_nghi_rule = h.de_nghi ? h.de_nghi_rule : nullptr;
      Emit(i, s);
    }
  }

 private:
  // Reads the subject's roles in its scope and adds one record per (agency, role).
  void Emit(size_t i, const Subject& s) {
    std::vector<size_t> mine;
    for (size_t k = 0; k < cues_.size(); ++k) {
      const Match* c = cues_[k];
      if (consumed_[k] || c->span.start < s.scope.start || c->span.start >= s.scope.end) continue;
      if (AfterRecipient(i, c->span.start)) continue;
      consumed_[k] = true;
      mine.push_back(k);
    }
    const ProjectContext pc = walk_.ProjectsAt(s.statement.start);
    auto projects_in = [&](Span x) { return ProjectIdsIn(text_.substr(x.start, x.size()), pc); };
    for (const AgencyMention& who : *s.agencies) {
      if (mine.empty() && !s.default_role.empty() && s.default_rule != nullptr &&
          s.default_role != "de_nghi") {
        Add(s.statement, who, s.default_role, projects_in(s.scope), s.default_rule);
      }
      if (s.de_nghi_rule != nullptr) {
        Add(s.statement, who, "de_nghi", projects_in(s.scope), s.de_nghi_rule);
      }
      for (size_t n = 0; n < mine.size(); ++n) {
        const Match* c = cues_[mine[n]];
        Add(s.statement, who, c->rule->Attr("role"), CueProjects(mine, n, s.scope, projects_in),
            c->rule);
      }
    }
    // "Chủ trì, phối hợp với X": X coordinates on the chair's projects.
    for (size_t n = 0; n < mine.size(); ++n) {
      const Match* c = cues_[mine[n]];
      if (c->rule->Attr("role") != "chu_tri") continue;
      for (const Match* p : walk_.KindIn(i, "partner", c->span)) {
        size_t end = 0;
        for (const AgencyMention& partner : walk_.AgenciesOf(i).ListAt(p->span.end, &end)) {
          if (IsGenericGroup(partner)) continue;
          Add(s.statement, partner, p->rule->Attr("role"),
              CueProjects(mine, n, s.scope, projects_in), p->rule);
        }
      }
    }
  }

  // The projects of cue `mine[n]`: those named after it up to the next cue; when there are none,
  // those of the rest of its clause ("Chủ trì, phối hợp với Sở Tài chính tham mưu phân bổ vốn
  // Dự án 4": the chair's project too). A clause ends at ";" or at the end of a sentence.
  template <typename ProjectsIn>
  std::vector<std::string> CueProjects(const std::vector<size_t>& mine, size_t n, Span scope,
                                       const ProjectsIn& projects_in) const {
    const Match* c = cues_[mine[n]];
    // A cue another subject already took ends this one's reach: "Sở A chủ trì Dự án 2; Sở B
    // chủ trì Dự án 5" gives Sở A only Dự án 2, though Sở A's statement is the whole item.
    size_t foreign = scope.end;
    for (size_t k = 0; k < cues_.size(); ++k) {
      const size_t at = cues_[k]->span.start;
      if (consumed_[k] && at > c->span.start && at < foreign &&
          std::find(mine.begin(), mine.end(), k) == mine.end()) {
        foreign = at;
      }
    }
    const size_t stop =
        std::min(n + 1 < mine.size() ? cues_[mine[n + 1]]->span.start : scope.end, foreign);
    std::vector<std::string> own = projects_in({c->span.start, stop});
    if (!own.empty() || stop == scope.end) return own;
    size_t clause_end = SentenceEnd(text_, c->span.start, scope.end);
    const size_t semicolon = text_.substr(0, clause_end).find(';', c->span.start);
    if (semicolon != std::string_view::npos) clause_end = semicolon;
    clause_end = std::min(clause_end, foreign);
    if (clause_end <= stop) return own;
    return projects_in({c->span.start, clause_end});
  }

  // "gửi Sở X tổng hợp, báo cáo", "về Ban Y để tổng hợp": a cue right after a recipient (or
  // after "để" following it) is the recipient's.
  bool AfterRecipient(size_t i, size_t cue_start) const {
    for (const AgencyMention& m : walk_.AgenciesOf(i).All()) {
      size_t e = m.span.end;
      while (e < cue_start && (text_[e] == ' ' || text_[e] == ',')) ++e;
      const Word w = WordAt(text_, e);
      if (e < cue_start && !w.span.empty() && w.span.start == e && w.span.end < cue_start) {
        const std::string lw = Lower(text_.substr(w.span.start, w.span.size()));
        if (lw == "để" || lw == "de") {
          e = w.span.end;
          while (e < cue_start && text_[e] == ' ') ++e;
        }
      }
      if (e != cue_start) continue;
      return PrecededByRecipientWord(text_, m.span.start);
    }
    return false;
  }

  // Groups named by a group rule ("các cơ quan, đơn vị liên quan") add nothing as partners.
  bool IsGenericGroup(const AgencyMention& m) const {
    return m.group && m.head_rule.empty() && m.rule.find(".group.") != std::string::npos;
  }

  void Add(Span statement, const AgencyMention& who, std::string_view role,
           const std::vector<std::string>& projects, const Rule* rule) {
    statement = CapStatement(text_, statement);
    const auto key = std::make_tuple(statement.start, statement.end, who.name, std::string(role));
    auto it = index_.find(key);
    if (it != index_.end()) {
      nlohmann::json& have = (*records_)[it->second].fields["projects"];
      for (const std::string& p : projects) {
        if (std::find(have.begin(), have.end(), p) == have.end()) have.push_back(p);
      }
      return;
    }
    const TextView& view = walk_.view();
    Record r;
    r.type = "responsibility";
    r.span = view.ToPlain(statement);
    r.rule = rule->id;
    r.section = SectionAt(walk_.context(), r.span.start);
    r.fields["agency"] = who.name;
    r.fields["agency_text"] = view.PlainText(who.span);
    r.fields["role"] = role;
    r.fields["projects"] = projects;
    r.fields["tasks"] = nlohmann::json::array({view.PlainText(statement)});
    index_.emplace(key, records_->size());
    records_->push_back(std::move(r));
  }

  const DutyWalk& walk_;
  std::string_view text_;
  Records* records_;
  std::vector<const Match*> cues_;
  std::vector<bool> consumed_;
  std::map<std::tuple<size_t, size_t, std::string, std::string>, size_t> index_;
};

}  // namespace

void AddResponsibilities(const DutyWalk& walk, Records* records) {
  ResponsibilityBuilder builder(walk, records);
  for (size_t i = 0; i < walk.lines().size(); ++i) builder.Line(i);
}

void ExtractDuties(const RuleBook& rules, const ExtractContext& ctx, const TextView& view,
                   const DutyOptions& options, Records* records) {
  const RuleSet* responsibility = rules.Topic("responsibility");
  const RuleSet* agencies = rules.Topic("agencies");
  const RuleSet* report = rules.Topic("report");
  if (responsibility == nullptr || agencies == nullptr) return;
  const AgencyReader reader(*agencies, view, IssuerOf(ctx, view));
  const DutyWalk walk(*responsibility, reader, ctx, view);
  if (options.responsibilities) AddResponsibilities(walk, records);
  if (options.reports && report != nullptr) AddReports(walk, *report, records);
}

}  // namespace vnplan
