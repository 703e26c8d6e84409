#include "segment/section_tree.h"

#include <algorithm>
#include <optional>

#include "segment/heading_marker.h"
#include "segment/text_shape.h"

namespace vnplan::segment {

namespace {

constexpr int kMaxHeadingWords = 16;  // a colon further on ends no heading
constexpr int kMaxLeadInWords = 6;
// Deepest nesting of the body. Lists that restart at 1 again and again nest each restart under
// the last item; without a bound a hostile text nests thousands deep, with ids that grow with
// the depth (quadratic time and memory). Real plans stay under 8.
constexpr size_t kMaxDepth = 12;

struct Candidate {
  Marker marker;
  std::optional<ProjectRef> project;
  std::string lead_in_kind;  // kind of an unnumbered lead-in
  std::string_view rest;     // the line after its marker
};

struct OpenLevel {
  Scheme scheme;
  std::vector<int> value;
  size_t section;  // index into Body::sections
};

bool SameScheme(const OpenLevel& o, const Marker& m) {
  return o.scheme == m.scheme && (m.scheme != Scheme::kArabic || o.value.size() == m.value.size());
}

bool IsProjectScheme(Scheme s) {
  return s == Scheme::kProject || s == Scheme::kSubProject || s == Scheme::kLeadIn || IsBullet(s);
}

// `next` continues the list whose last number is `prev`.
bool Follows(const std::vector<int>& prev, const std::vector<int>& next, Scheme s) {
  if (IsProjectScheme(s)) return true;
  if (prev.size() != next.size() || next.empty()) return false;
  const size_t last = next.size() - 1;
  bool same_prefix = std::equal(prev.begin(), prev.begin() + last, next.begin());
  if (same_prefix) return next[last] > prev[last] && next[last] <= prev[last] + 2;
  // "2.7" -> "3.1" when the "3." line itself is missing.
  return last > 0 && next[last] == 1 && next[last - 1] == prev[last - 1] + 1 &&
         std::equal(prev.begin(), prev.begin() + last - 1, next.begin());
}

// The first number of a list: 1, I, a; for "2.1" also that the open "2." is its parent.
bool Starts(const Marker& m, const std::vector<OpenLevel>& stack) {
  if (IsProjectScheme(m.scheme) || m.scheme == Scheme::kArticle) return true;
  if (m.value.empty() || m.value.back() != 1) return false;
  if (m.scheme == Scheme::kArabic && m.value.size() > 1) {
    for (size_t k = stack.size(); k-- > 0;) {
      if (stack[k].scheme == Scheme::kArabic && stack[k].value.size() == m.value.size() - 1) {
        return std::equal(stack[k].value.begin(), stack[k].value.end(), m.value.begin());
      }
    }
  }
  return true;
}

// A body whose first heading stands alone may start anywhere in a top-level list (a text that
// opens mid-way); deeper lists must start at their first number.
bool StartsTopLevel(const Marker& m) {
  switch (m.scheme) {
    case Scheme::kRoman:
    case Scheme::kPart:
    case Scheme::kChapter:
    case Scheme::kUpperLetter: return true;
    case Scheme::kArabic: return m.value.size() == 1;
    default: return false;
  }
}

// Heading text of a line: up to its first colon when what comes before is short, else up to
// its first sentence end, without closing punctuation.
std::string_view HeadingText(std::string_view rest, bool whole) {
  if (!whole) {
    size_t colon = rest.find(':');
    if (colon != std::string_view::npos && WordCount(rest.substr(0, colon)) <= kMaxHeadingWords) {
      return TrimRight(rest.substr(0, colon), ".;,");
    }
    for (size_t i = 0; i + 1 < rest.size(); ++i) {
      if ((rest[i] == '.' || rest[i] == ';') && rest[i + 1] == ' ' && i > 0 &&
          !(rest[i - 1] >= '0' && rest[i - 1] <= '9')) {
        return rest.substr(0, i);
      }
    }
  }
  return TrimRight(rest, ".;:,");
}

class Builder {
 public:
  Builder(const std::vector<Line>& lines, size_t begin, size_t end, std::string_view text,
          const SectionKinds& kinds, std::set<std::string>* used_ids)
      : lines_(lines), begin_(begin), end_(end), text_(text), kinds_(kinds), used_(used_ids) {}

  Body Run() {
    body_.first_heading = end_;
    for (size_t i = begin_; i < end_; ++i) Consider(i);
    CloseTo(0, LineStartOr(lines_, end_, text_.size()));
    SetApplies();
    return std::move(body_);
  }

 private:
  void Consider(size_t i) {
    std::string_view t = lines_[i].text;
    Candidate c;
    c.marker = ScanMarker(t);
    c.rest = t.substr(c.marker.text_start);
    if (IsBullet(c.marker.scheme)) {
      c.project = ScanProjectHeading(c.rest, true);
      if (!c.project) {
        // An ordinary bullet closes a bulleted project section of the same mark.
        for (size_t k = stack_.size(); k-- > 0;) {
          if (stack_[k].scheme == c.marker.scheme) {
            CloseTo(k, lines_[i].span.start);
            break;
          }
        }
        return;
      }
      c.marker.label = c.project->label;
    } else if (c.marker.scheme == Scheme::kNone) {
      c.project = ScanProjectHeading(t, true);
      if (c.project) {
        c.marker.scheme = c.project->tieu_du_an ? Scheme::kSubProject : Scheme::kProject;
        c.marker.value = {c.project->tieu_du_an ? c.project->tieu_du_an : c.project->du_an};
        c.marker.label = c.project->label;
      } else if (LeadInAllowed() && IsLeadIn(t, &c.lead_in_kind)) {
        c.marker.scheme = Scheme::kLeadIn;
      } else {
        return;
      }
    } else {
      c.project = ScanProjectHeading(c.rest, true);
    }
    Place(i, c);
  }

  bool LeadInAllowed() const { return stack_.empty() || stack_[0].scheme == Scheme::kLeadIn; }

  // "Mục đích: ...", "Nội dung thực hiện:", "Mục tiêu cụ thể" alone on its line.
  bool IsLeadIn(std::string_view t, std::string* kind) const {
    if (!StartsUpper(t)) return false;
    size_t colon = t.find(':');
    std::string_view head = colon == std::string_view::npos ? t : t.substr(0, colon);
    // A heading in capitals may be longer ("CÁC GIẢI PHÁP TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH").
    if (WordCount(head) > (IsAllCaps(head) ? 2 * kMaxLeadInWords : kMaxLeadInWords)) return false;
    if (colon == std::string_view::npos && (t.ends_with(".") || t.ends_with(";"))) return false;
    *kind = kinds_.KindOf(head);
    return *kind != "other";
  }

  void Place(size_t i, Candidate& c) {
    const Marker& m = c.marker;
    std::optional<size_t> sibling_of;
    for (size_t k = stack_.size(); k-- > 0;) {
      if (SameScheme(stack_[k], m)) {
        if (Follows(stack_[k].value, m.value, m.scheme)) sibling_of = k;
        break;
      }
    }
    if (!sibling_of) {
      const bool ok = stack_.empty() ? (Starts(m, stack_) || StartsTopLevel(m)) : Starts(m, stack_);
      if (!ok || stack_.size() >= kMaxDepth) return;
    }
    const size_t start = lines_[i].span.start;
    if (sibling_of) CloseTo(*sibling_of, start);
    OpenSection(i, c);
  }

  void CloseTo(size_t depth, size_t at) {
    while (stack_.size() > depth) {
      body_.sections[stack_.back().section].extent.end = at;
      stack_.pop_back();
    }
  }

  void OpenSection(size_t i, const Candidate& c) {
    const Line& line = lines_[i];
    Section s;
    s.level = static_cast<int>(stack_.size()) + 1;
    const Section* parent = stack_.empty() ? nullptr : &body_.sections[stack_.back().section];
    s.parent = parent ? parent->id : "";
    s.label = c.marker.scheme == Scheme::kLeadIn ? "" : c.marker.label;
    s.heading_span = line.span;
    s.extent = {line.span.start, line.span.end};
    std::string heading(HeadingText(c.rest, c.project.has_value()));
    // A heading cut by an export: "IV. MỘT SỐ" / "GIẢI PHÁP CHỦ YẾU", "1. Nâng cao" / "ý thức
    // tự giác ...". Also a label alone on its line with the heading under it.
    if (i + 1 < end_) {
      const Line& next = lines_[i + 1];
      std::string_view rest = Trim(c.rest);
      const bool whole = heading.size() == TrimRight(rest, ".;:,").size();
      const bool open_end =
          !rest.empty() && std::string_view(".;:!?").find(rest.back()) == std::string_view::npos;
      const bool next_plain =
          ScanMarker(next.text).scheme == Scheme::kNone && !ScanProjectHeading(next.text, true);
      const bool caps = IsAllCaps(heading) && IsAllCaps(next.text) && WordCount(next.text) <= 12;
      const bool lower =
          StartsLower(next.text) && WordCount(heading) <= 12 && WordCount(next.text) <= 14;
      if (next_plain && (heading.empty() || (whole && open_end && (caps || lower)))) {
        heading = std::string(rest);  // with the comma that cut it: "MỤC ĐÍCH, YÊU CẦU"
        if (!heading.empty()) heading += ' ';
        heading += HeadingText(next.text, false);
        s.heading_span.end = next.span.end;
      }
    }
    s.heading = heading;
    if (c.project) {
      s.kind = c.project->tieu_du_an ? "tieu_du_an" : "du_an";
      s.project = ProjectId(*c.project);
      s.applies = true;
    } else if (c.marker.scheme == Scheme::kArticle) {
      s.kind = "dieu";
    } else if (c.marker.scheme == Scheme::kLeadIn) {
      s.kind = c.lead_in_kind;
    } else {
      s.kind = kinds_.KindOf(heading);
    }
    s.id = UniqueId(parent, c);
    if (body_.sections.empty()) body_.first_heading = i;
    stack_.push_back({c.marker.scheme, c.marker.value, body_.sections.size()});
    body_.sections.push_back(std::move(s));
  }

  // "du_an_3", "du_an_3.tieu_du_an_1": a sub-project not naming its project takes the one of
  // the nearest open project section.
  std::string ProjectId(const ProjectRef& p) const {
    if (p.tieu_du_an == 0) return "du_an_" + std::to_string(p.du_an);
    int du_an = p.du_an;
    for (size_t k = stack_.size(); du_an == 0 && k-- > 0;) {
      const Section& open = body_.sections[stack_[k].section];
      if (open.kind == "du_an" && open.project) du_an = std::stoi(open.project->substr(6));
    }
    std::string sub = "tieu_du_an_" + std::to_string(p.tieu_du_an);
    return du_an ? "du_an_" + std::to_string(du_an) + "." + sub : sub;
  }

  // The path of labels: "V.3.b"; "2.1" under "2" adds only its last number ("II.2.1").
  std::string UniqueId(const Section* parent, const Candidate& c) {
    std::string part = c.marker.label;
    if (c.marker.scheme == Scheme::kLeadIn) part = c.lead_in_kind;
    if (parent && !parent->label.empty() && part.starts_with(parent->label + ".")) {
      part = part.substr(parent->label.size() + 1);
    }
    std::string id = parent ? parent->id + "." + part : part;
    std::string unique = id;
    for (int n = 2; used_->count(unique); ++n) unique = id + "_" + std::to_string(n);
    used_->insert(unique);
    return unique;
  }

  // A project section whose own text (before its first subsection) says it does not apply.
  void SetApplies() {
    for (size_t k = 0; k < body_.sections.size(); ++k) {
      Section& s = body_.sections[k];
      if (!s.project) continue;
      size_t own_end = s.extent.end;
      if (k + 1 < body_.sections.size() && body_.sections[k + 1].parent == s.id) {
        own_end = body_.sections[k + 1].extent.start;
      }
      own_end = std::min(own_end, s.heading_span.end + 600);
      std::string_view own = text_.substr(s.heading_span.start, own_end - s.heading_span.start);
      if (SaysNotApplicable(own)) s.applies = false;
    }
  }

  const std::vector<Line>& lines_;
  const size_t begin_, end_;
  std::string_view text_;
  const SectionKinds& kinds_;
  std::set<std::string>* used_;
  std::vector<OpenLevel> stack_;
  Body body_;
};

}  // namespace

Body BuildBody(const std::vector<Line>& lines, size_t begin, size_t end, std::string_view text,
               const SectionKinds& kinds, std::set<std::string>* used_ids) {
  return Builder(lines, begin, end, text, kinds, used_ids).Run();
}

}  // namespace vnplan::segment
