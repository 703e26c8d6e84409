#include "extract/vn_number_words.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/fold_key.h"
#include "extract/vn_number.h"

namespace vnplan {
namespace {

using Tokens = std::vector<std::string_view>;

// Digits that can open a group: "không" .. "chín" (keys are FoldKey forms).
int BaseDigit(std::string_view t) {
  static constexpr std::pair<std::string_view, int> kDigits[] = {
      {"khong", 0}, {"mot", 1}, {"hai", 2}, {"ba", 3},  {"bon", 4},
      {"nam", 5},   {"sau", 6}, {"bay", 7}, {"tam", 8}, {"chin", 9}};
  for (const auto& [word, d] : kDigits) {
    if (t == word) return d;
  }
  return -1;
}

// Digits that end a group after mươi or linh: also "mốt" (1), "tư" (4), "lăm"/"nhăm" (5).
int UnitDigit(std::string_view t) {
  if (t == "lam" || t == "nham") return 5;
  if (t == "tu") return 4;
  const int d = BaseDigit(t);
  return d > 0 ? d : -1;
}

int64_t ScaleOf(std::string_view t) {
  if (t == "nghin" || t == "ngan") return 1'000;
  if (t == "trieu") return 1'000'000;
  if (t == "ty" || t == "ti") return 1'000'000'000;
  return 0;
}

bool IsTens(std::string_view t) { return t == "muoi" || t == "chuc"; }
bool IsHalf(std::string_view t) { return t == "ruoi"; }

struct Group {
  int64_t value = 0;
  int64_t last_unit = 1;      // 100 when the group ended on "trăm", so that "rưỡi" adds 50
  bool has_hundreds = false;  // "trăm" written, or the group written in digits
};

// One group below a thousand ("năm trăm năm mươi lăm"), or a written integer ("500").
std::optional<Group> ParseGroup(const Tokens& t, size_t* i) {
  const size_t n = t.size();
  size_t j = *i;
  Group g;
  bool any = false;
  if (j < n && t[j][0] >= '0' && t[j][0] <= '9') {
    std::optional<Decimal> d = ParseVnNumber(t[j]);
    if (!d || d->frac_digits != 0) return std::nullopt;
    *i = j + 1;
    return Group{d->units, 1, true};
  }
  int d = j < n ? BaseDigit(t[j]) : -1;
  if (d >= 0 && j + 1 < n && t[j + 1] == "tram") {
    g.value = d * 100;
    g.last_unit = 100;
    g.has_hundreds = true;
    j += 2;
    any = true;
    if (j < n && (t[j] == "linh" || t[j] == "le")) {
      const int u = j + 1 < n ? UnitDigit(t[j + 1]) : -1;
      if (u <= 0) return std::nullopt;
      g.value += u;
      g.last_unit = 1;
      *i = j + 2;
      return g;
    }
    d = j < n ? BaseDigit(t[j]) : -1;
  }
  if (j < n && t[j] == "muoi") {  // "mười": ten, with no digit before it
    g.value += 10;
    g.last_unit = 10;
    ++j;
    any = true;
  } else if (d >= 1 && j + 1 < n && IsTens(t[j + 1])) {
    g.value += d * 10;
    g.last_unit = 10;
    j += 2;
    any = true;
  } else if (d >= 0 && g.last_unit != 100) {
    g.value += d;
    g.last_unit = 1;
    ++j;
    *i = j;
    return g;
  }
  if (any && g.last_unit == 10 && j < n) {
    const int u = UnitDigit(t[j]);
    if (u > 0) {
      g.value += u;
      g.last_unit = 1;
      ++j;
    }
  }
  if (!any) return std::nullopt;
  *i = j;
  return g;
}

bool Add(int64_t* acc, int64_t v) { return !__builtin_add_overflow(*acc, v, acc); }
bool Mul(int64_t* acc, int64_t v) { return !__builtin_mul_overflow(*acc, v, acc); }

}  // namespace

std::optional<int64_t> ParseVnNumberWords(std::string_view words) {
  const std::string key = FoldKey(words);
  Tokens t;
  for (size_t start = 0; start < key.size();) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string_view token = std::string_view(key).substr(start, end - start);
    // "Một tỷ, hai trăm triệu": a comma may close a group.
    if (token.size() > 1 && token.back() == ',') token.remove_suffix(1);
    if (!token.empty() && token != ",") t.push_back(token);
    start = end + 1;
  }
  if (t.empty()) return std::nullopt;

  int64_t total = 0;
  int64_t last_scale = 0;
  bool last_full = false;
  int64_t max_scale = 0;
  size_t i = 0;
  while (i < t.size()) {
    int64_t current = 0;
    bool have_group = false;
    if (ScaleOf(t[i]) == 0) {
      std::optional<Group> g = ParseGroup(t, &i);
      if (!g) return std::nullopt;
      current = g->value;
      have_group = true;
      last_full = g->has_hundreds;
      if (i < t.size() && IsHalf(t[i]) && g->last_unit == 100) {
        current += 50;
        ++i;
      }
    }
    if (i < t.size() && ScaleOf(t[i]) > 0) {
      const int64_t scale = ScaleOf(t[i++]);
      if (!have_group) {
        // A scale straight after a scale ("nghìn tỷ") must enlarge it.
        if (last_scale == 0 || scale <= last_scale || !Mul(&total, scale)) return std::nullopt;
      } else if (scale > last_scale) {
        if (max_scale >= scale) return std::nullopt;
        if (!Add(&total, current) || !Mul(&total, scale)) return std::nullopt;
      } else if (scale < last_scale) {
        if (!Mul(&current, scale) || !Add(&total, current)) return std::nullopt;
      } else {
        return std::nullopt;  // the same scale twice: "hai tỷ ba tỷ"
      }
      last_scale = scale;
      max_scale = std::max(max_scale, scale);
      if (i < t.size() && IsHalf(t[i])) {
        if (!Add(&total, scale / 2)) return std::nullopt;
        ++i;
      }
    } else {
      // A group with no scale after it ends the number. After a scale it must name its hundreds
      // ("hai tỷ không trăm linh ba"): the spoken "hai tỷ ba" means 2.3 tỷ, not 2 tỷ and 3.
      if (!have_group || i < t.size()) return std::nullopt;
      if (last_scale > 0 && !last_full) return std::nullopt;
      if (!Add(&total, current)) return std::nullopt;
    }
  }
  return total;
}

}  // namespace vnplan
