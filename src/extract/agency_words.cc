#include "extract/agency_words.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "base/utf8.h"
#include "extract/fold_key.h"

namespace vnplan::extract_internal {

namespace {

// Administrative levels, longest spelling first so "thành phố" wins over a shorter prefix.
struct Level {
  std::string_view fold;  // FoldKey spelling
  std::string_view name;  // canonical
};
constexpr std::array<Level, 8> kLevels = {{
    {"thanh pho", "thành phố"},
    {"thi tran", "thị trấn"},
    {"thi xa", "thị xã"},
    {"phuong", "phường"},
    {"huyen", "huyện"},
    {"quan", "quận"},
    {"tinh", "tỉnh"},
    {"xa", "xã"},
}};

// Fold keys that, right after a level word, make it part of another word: "Tỉnh ủy",
// "Huyện đoàn", "xã hội", "quận đội" ...
constexpr std::array<std::string_view, 6> kNotAfterLevel = {"uy",  "doan", "hoi",
                                                            "doi", "lo",   "nha"};

// Words that end a name read from capitals when written in lowercase (or all capitals): the
// prepositions and verbs that follow an agency.
constexpr std::array<std::string_view, 40> kStopWords = {
    "là",   "làm",   "có",  "được", "phải",  "cần", "giao",  "về",    "của",  "tại",
    "trên", "để",    "cho", "với",  "trong", "các", "những", "thuộc", "theo", "khi",
    "nếu",  "nhằm",  "đối", "từ",   "đến",   "đã",  "sẽ",    "đang",  "gửi",  "qua",
    "sau",  "trước", "này", "do",   "cùng",  "lập", "giúp",  "trình", "quản", "tổ"};

// Two-word verbs that end such a name; the first four even when capitalised ("Phòng Tư pháp
// Chủ trì"), the rest in lowercase or all capitals only ("Ban Chỉ đạo" stays a name).
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kStopPairs = {{
    {"chủ", "trì"},      {"chỉ", "trì"},      {"phối", "hợp"}, {"tham", "mưu"}, {"thực", "hiện"},
    {"triển", "khai"},   {"hướng", "dẫn"},    {"tổng", "hợp"}, {"báo", "cáo"},  {"xây", "dựng"},
    {"chịu", "trách"},   {"tiếp", "tục"},     {"kiểm", "tra"}, {"rà", "soát"},  {"đôn", "đốc"},
    {"vận", "động"},     {"tuyên", "truyền"}, {"hỗ", "trợ"},   {"phát", "huy"}, {"phát", "động"},
    {"đẩy", "mạnh"},     {"tăng", "cường"},   {"bố", "trí"},   {"ban", "hành"}, {"nghiên", "cứu"},
    {"thẩm", "định"},    {"chỉ", "đạo"},      {"căn", "cứ"},   {"đề", "nghị"},  {"yêu", "cầu"},
    {"thường", "xuyên"}, {"chủ", "động"},
}};
constexpr size_t kStrongPairs = 4;

bool SameWord(std::string_view stop, std::string_view lower_word, bool folded) {
  return folded ? FoldKey(stop) == lower_word : stop == lower_word;
}

// A word with upper-case letters and no lower-case one ("CHỦ").
bool IsAllCaps(std::string_view word) {
  bool upper = false;
  for (size_t i = 0; i < word.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(word, i, &cp);
    if (n == 0) n = 1;
    const auto c = static_cast<utf8proc_int32_t>(cp);
    if (utf8proc_islower(c)) return false;
    if (utf8proc_isupper(c)) upper = true;
    i += n;
  }
  return upper;
}

}  // namespace

bool EndsName(std::string_view text, const Word& w, size_t limit, bool folded) {
  const std::string_view raw = text.substr(w.span.start, w.span.size());
  const std::string lw = Lower(raw);
  const Word next = WordAt(text, w.span.end);
  const std::string ln = next.span.empty() || next.span.end > limit
                             ? std::string()
                             : Lower(text.substr(next.span.start, next.span.size()));
  const bool weak = !w.capital || IsAllCaps(raw);
  for (size_t k = 0; k < kStopPairs.size(); ++k) {
    if ((weak || k < kStrongPairs) && SameWord(kStopPairs[k].first, lw, folded) &&
        SameWord(kStopPairs[k].second, ln, folded)) {
      return true;
    }
  }
  if (!weak) return false;
  return std::any_of(kStopWords.begin(), kStopWords.end(),
                     [&](std::string_view s) { return SameWord(s, lw, folded); });
}

bool SameFold(std::string_view a, std::string_view b) { return FoldKey(a) == FoldKey(b); }

bool ImpliedLevel(std::string_view head, std::string_view suffix) {
  if (head == "Sở" || head == "Bộ") return true;
  if (head != "Phòng") return false;
  size_t p = 0;
  while (p < suffix.size() && suffix[p] == ' ') ++p;
  size_t n = 0;
  const std::string level = LevelWordAt(suffix.substr(p), &n);
  return level == "huyện" || level == "quận" || level == "thị xã" || level == "thành phố";
}

std::string SentenceCaseIfCapitals(std::string_view s) {
  bool has_lower = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) n = 1;
    if (utf8proc_islower(static_cast<utf8proc_int32_t>(cp))) has_lower = true;
    i += n;
  }
  if (!has_lower) {
    std::string out;
    bool first = true;
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      size_t n = DecodeUtf8(s, i, &cp);
      if (n == 0) n = 1;
      const auto c = static_cast<utf8proc_int32_t>(cp);
      const bool letter = utf8proc_isupper(c) || utf8proc_islower(c);
      AppendUtf8(
          &out, static_cast<char32_t>(first && letter ? utf8proc_toupper(c) : utf8proc_tolower(c)));
      if (letter) first = false;
      i += n;
    }
    return out;
  }
  return std::string(s);
}

std::string TidyName(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (c == '-') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out += "- ";
      while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return SentenceCaseIfCapitals(out);
}

std::string LevelWordAt(std::string_view words, size_t* length) {
  // Written with its marks the word must be the level itself ("quân" is no "quận"); written
  // without any, its fold must be.
  auto key = [&](const Word& w) {
    if (w.span.empty()) return std::string();
    const std::string_view raw = words.substr(w.span.start, w.span.size());
    const bool ascii = std::all_of(raw.begin(), raw.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? FoldKey(raw) : Lower(raw);
  };
  const Word w1 = WordAt(words, 0);
  if (w1.span.empty()) return "";
  const Word w2 = WordAt(words, w1.span.end);
  const std::string k1 = key(w1);
  const std::string k2 = key(w2);
  for (const Level& lv : kLevels) {
    const bool two = lv.fold.find(' ') != std::string_view::npos;
    auto same = [&](const std::string& k, std::string_view fold, std::string_view name) {
      return k == fold || k == name;
    };
    size_t end = 0;
    if (two) {
      const size_t f_sp = lv.fold.find(' ');
      const size_t n_sp = lv.name.find(' ');
      if (k2.empty() || !same(k1, lv.fold.substr(0, f_sp), lv.name.substr(0, n_sp)) ||
          !same(k2, lv.fold.substr(f_sp + 1), lv.name.substr(n_sp + 1))) {
        continue;
      }
      end = w2.span.end;
    } else {
      if (!same(k1, lv.fold, lv.name)) continue;
      end = w1.span.end;
    }
    const Word next = WordAt(words, end);
    if (!next.span.empty() && next.span.start == end + 1) {
      const std::string fn = FoldKey(words.substr(next.span.start, next.span.size()));
      if (std::find(kNotAfterLevel.begin(), kNotAfterLevel.end(), fn) != kNotAfterLevel.end()) {
        return "";
      }
    }
    *length = end;
    return std::string(lv.name);
  }
  return "";
}

}  // namespace vnplan::extract_internal
