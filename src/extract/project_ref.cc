#include "extract/project_ref.h"

#include <algorithm>
#include <cstddef>

#include "base/utf8.h"
#include "extract/fold_key.h"

namespace vnplan {

namespace {

constexpr int kMaxProjectNumber = 20;
// A description in parentheses longer than this is not searched for sub-projects.
constexpr size_t kMaxParenTokens = 40;

struct Token {
  enum Kind { kWord, kNumber, kPunct } kind;
  Span span;
  std::string fold;    // words: FoldKey; punctuation: the character
  bool upper = false;  // a word written in ASCII capitals ("DA", "TDA")
  int number = 0;      // numbers: value, capped
};

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  // Latin letters with marks, Vietnamese included; general punctuation (dashes, quotes) is not.
  return cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) && cp != 0xD7 && cp != 0xF7;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) n = 1;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
      i += n;
      continue;
    }
    if (cp >= '0' && cp <= '9') {
      size_t j = i;
      int value = 0;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
        value = std::min(value * 10 + (text[j] - '0'), 100000);
        ++j;
      }
      out.push_back({Token::kNumber, {i, j}, "", false, value});
      i = j;
      continue;
    }
    if (IsLetter(cp)) {
      size_t j = i;
      bool upper = true;
      while (j < text.size()) {
        char32_t c;
        size_t m = DecodeUtf8(text, j, &c);
        if (m == 0 || !IsLetter(c)) break;
        if (!(c >= 'A' && c <= 'Z')) upper = false;
        j += m;
      }
      out.push_back({Token::kWord, {i, j}, FoldKey(text.substr(i, j - i)), upper, 0});
      i = j;
      continue;
    }
    std::string p(text.substr(i, n));
    if (cp == 0x2013 || cp == 0x2014) p = "-";
    out.push_back({Token::kPunct, {i, i + n}, p, false, 0});
    i += n;
  }
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  std::vector<ProjectRef> Run() {
    size_t i = 0;
    while (i < t_.size()) {
      size_t next = i + 1;
      if (size_t k = SubWord(i)) {
        next = ParseSubFirst(i, k);
      } else if (size_t k2 = ProjWord(i)) {
        next = ParseProjFirst(i, k2);
      }
      i = std::max(next, i + 1);
    }
    return std::move(out_);
  }

 private:
  bool Word(size_t i, std::string_view fold) const {
    return i < t_.size() && t_[i].kind == Token::kWord && t_[i].fold == fold;
  }
  bool Punct(size_t i, std::string_view p) const {
    return i < t_.size() && t_[i].kind == Token::kPunct && t_[i].fold == p;
  }
  bool ProjectNumber(size_t i) const {
    return i < t_.size() && t_[i].kind == Token::kNumber && t_[i].number >= 1 &&
           t_[i].number <= kMaxProjectNumber && !(Punct(i + 1, ".") && Number(i + 2)) &&
           !Punct(i + 1, "/");
  }
  bool Number(size_t i) const { return i < t_.size() && t_[i].kind == Token::kNumber; }

  // Tokens taken by "tiểu dự án" / "TDA" at i (0 if none); a number must follow.
  size_t SubWord(size_t i) const {
    size_t k = 0;
    if (Word(i, "tieu") && Word(i + 1, "du") && Word(i + 2, "an")) {
      k = 3;
    } else if (i < t_.size() && t_[i].kind == Token::kWord && t_[i].upper && t_[i].fold == "tda") {
      k = 1;
    }
    if (k == 0) return 0;
    if (Word(i + k, "so")) ++k;
    return ProjectNumber(i + k) ? k : 0;
  }
  size_t ProjWord(size_t i) const {
    if (Word(i, "tieu")) return 0;
    size_t k = 0;
    if (Word(i, "du") && Word(i + 1, "an")) {
      k = 2;
    } else if (i < t_.size() && t_[i].kind == Token::kWord && t_[i].upper && t_[i].fold == "da") {
      k = 1;
    }
    if (k == 0) return 0;
    if (Word(i + k, "so")) ++k;
    return ProjectNumber(i + k) ? k : 0;
  }

  // Numbers from i: "2", "2, 4 và 7". Sets *end past the last number.
  std::vector<int> NumberList(size_t i, size_t* end) const {
    std::vector<int> nums{t_[i].number};
    size_t j = i + 1;
    while ((Punct(j, ",") || Word(j, "va") || Punct(j, "&")) && ProjectNumber(j + 1) &&
           !Word(j + 2, "du") && !Word(j + 2, "nam")) {
      nums.push_back(t_[j + 1].number);
      j += 2;
    }
    *end = j;
    return nums;
  }

  // Sub-projects from i (SubWord(i) == k): "Tiểu dự án 1", "Tiểu dự án 1, 2",
  // "Tiểu dự án 1 và Tiểu dự án 2".
  std::vector<int> SubList(size_t i, size_t k, size_t* end) const {
    std::vector<int> subs = NumberList(i + k, end);
    while ((Word(*end, "va") || Punct(*end, ",")) && SubWord(*end + 1)) {
      size_t j = *end + 1;
      std::vector<int> more = NumberList(j + SubWord(j), end);
      subs.insert(subs.end(), more.begin(), more.end());
    }
    return subs;
  }

  // After a sub-project list ending at j: the project it belongs to, if a connector and a project
  // follow. Returns the projects (empty if none) and sets *end; *distributed when one sub-project
  // list was shared over several projects.
  std::vector<int> ParentAfter(size_t j, size_t* end, bool* distributed) const {
    size_t c = j;
    bool linking_word = false;
    if (Punct(c, "-") || Punct(c, ":")) {
      ++c;
    } else if (Word(c, "thuoc") || Word(c, "cua") || Word(c, "trong")) {
      ++c;
      linking_word = true;
    }
    size_t k = ProjWord(c);
    if (k == 0) return {};
    std::vector<int> parents = NumberList(c + k, end);
    while (linking_word && Word(*end, "va") && ProjWord(*end + 1)) {
      size_t p = *end + 1;
      std::vector<int> more = NumberList(p + ProjWord(p), end);
      parents.insert(parents.end(), more.begin(), more.end());
    }
    *distributed = parents.size() > 1;
    return parents;
  }

  void Emit(size_t first, size_t last_end, int du_an, int tieu, bool distributed) {
    ProjectRef r;
    r.span = {t_[first].span.start, t_[last_end - 1].span.end};
    r.du_an = du_an;
    r.tieu_du_an = tieu;
    r.distributed = distributed;
    out_.push_back(r);
  }

  size_t ParseSubFirst(size_t i, size_t k) {
    size_t end = 0;
    std::vector<int> subs = SubList(i, k, &end);
    size_t parent_end = 0;
    bool distributed = false;
    std::vector<int> parents = ParentAfter(end, &parent_end, &distributed);
    if (parents.empty()) {
      for (int s : subs) Emit(i, end, 0, s, false);
      return end;
    }
    for (int p : parents) {
      for (int s : subs) Emit(i, parent_end, p, s, distributed);
    }
    return parent_end;
  }

  size_t ParseProjFirst(size_t i, size_t k) {
    size_t end = 0;
    std::vector<int> projects = NumberList(i + k, &end);
    const int last = projects.back();
    // "Dự án 6 (Tiểu dự án 1 và Tiểu dự án 2)": the sub-projects stand for the project.
    if (Punct(end, "(")) {
      size_t close = end + 1;
      while (close < t_.size() && !Punct(close, ")") && close - end <= kMaxParenTokens) ++close;
      if (close < t_.size() && Punct(close, ")")) {
        std::vector<int> subs;
        for (size_t j = end + 1; j < close;) {
          if (size_t sk = SubWord(j)) {
            size_t sub_end = 0;
            std::vector<int> found = SubList(j, sk, &sub_end);
            subs.insert(subs.end(), found.begin(), found.end());
            j = sub_end;
          } else {
            ++j;
          }
        }
        for (size_t n = 0; n + 1 < projects.size(); ++n) Emit(i, end, projects[n], 0, false);
        if (subs.empty()) {
          Emit(i, end, last, 0, false);
        } else {
          for (int s : subs) Emit(i, close + 1, last, s, false);
        }
        return close + 1;
      }
    }
    // "Dự án 4 - Tiểu dự án 3", unless that sub-project names its own project after it.
    if ((Punct(end, "-") || Punct(end, ":")) && SubWord(end + 1)) {
      const size_t s = end + 1;
      size_t sub_end = 0;
      std::vector<int> subs = SubList(s, SubWord(s), &sub_end);
      size_t unused_end = 0;
      bool unused = false;
      if (ParentAfter(sub_end, &unused_end, &unused).empty()) {
        for (size_t n = 0; n + 1 < projects.size(); ++n) Emit(i, end, projects[n], 0, false);
        for (int sub : subs) Emit(i, sub_end, last, sub, false);
        return sub_end;
      }
    }
    for (int p : projects) Emit(i, end, p, 0, false);
    return end;
  }

  std::vector<Token> t_;
  std::vector<ProjectRef> out_;
};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool HasSubProjects(const std::vector<std::string>& known, int du_an) {
  const std::string prefix = "du_an_" + std::to_string(du_an) + ".";
  return std::any_of(known.begin(), known.end(),
                     [&](const std::string& id) { return id.rfind(prefix, 0) == 0; });
}

}  // namespace

std::string ProjectRef::Id() const {
  std::string id;
  if (du_an > 0) id = "du_an_" + std::to_string(du_an);
  if (tieu_du_an > 0) {
    if (!id.empty()) id += ".";
    id += "tieu_du_an_" + std::to_string(tieu_du_an);
  }
  return id;
}

std::vector<ProjectRef> ParseProjectRefs(std::string_view text) {
  // Most texts name no project; skip the tokenizer for them.
  const bool maybe =
      text.find("DA") != std::string_view::npos || text.find("án") != std::string_view::npos ||
      text.find("ÁN") != std::string_view::npos || text.find("an ") != std::string_view::npos ||
      text.find("AN ") != std::string_view::npos;
  if (!maybe) return {};
  return Parser(Tokenize(text)).Run();
}

std::vector<std::string> ResolveProjects(const std::vector<ProjectRef>& refs,
                                         const ProjectContext& context) {
  std::vector<std::string> ids;
  auto add = [&](std::string id) {
    if (!id.empty() && !Contains(ids, id)) ids.push_back(std::move(id));
  };
  for (const ProjectRef& r : refs) {
    ProjectRef ref = r;
    if (ref.du_an == 0) {
      // A bare sub-project belongs to the project section the text sits in.
      const std::string& cur = context.current;
      if (cur.rfind("du_an_", 0) != 0) continue;
      const int n = std::atoi(cur.c_str() + 6);
      if (n <= 0) continue;
      ref.du_an = n;
    }
    if (ref.distributed && ref.tieu_du_an > 0 && !context.known.empty() &&
        !Contains(context.known, ref.Id()) && !HasSubProjects(context.known, ref.du_an)) {
      ref.tieu_du_an = 0;
    }
    add(ref.Id());
  }
  return ids;
}

std::vector<std::string> ProjectIdsIn(std::string_view text, const ProjectContext& context) {
  return ResolveProjects(ParseProjectRefs(text), context);
}

}  // namespace vnplan
