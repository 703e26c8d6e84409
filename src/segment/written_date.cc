#include "segment/written_date.h"

#include <cstdio>

#include "segment/text_shape.h"

namespace vnplan::segment {

std::optional<std::string> WrittenDate::Iso() const {
  if (!year || !month || *month < 1 || *month > 12) return std::nullopt;
  char buf[32];
  if (!day) {
    snprintf(buf, sizeof buf, "%04d-%02d", *year, *month);
    return std::string(buf);
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*day < 1 || *day > kDays[*month - 1]) return std::nullopt;
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*month == 2 && *day == 29 && !leap) return std::nullopt;
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, *month, *day);
  return std::string(buf);
}

std::optional<WrittenDate> FindWrittenDate(std::string_view s) {
  Folded f = Fold(s);
  std::string_view t = f.text;
  auto skip = [&](size_t k) {
    while (k < t.size()) {
      if (t[k] == ' ' || t[k] == '.' || t[k] == '_' || t[k] == ',') {
        ++k;
      } else if (t.substr(k).starts_with("…")) {
        k += 3;
      } else {
        break;
      }
    }
    return k;
  };
  auto number = [&](size_t* k, size_t max_digits) -> std::optional<int> {
    size_t n = DigitRun(t, *k);
    if (n == 0 || n > max_digits) return std::nullopt;
    int v = std::stoi(std::string(t.substr(*k, n)));
    *k += n;
    return v;
  };
  auto word = [&](size_t* k, std::string_view w) {
    if (!t.substr(*k).starts_with(w)) return false;
    if (*k + w.size() < t.size() && t[*k + w.size()] >= 'a' && t[*k + w.size()] <= 'z') {
      return false;
    }
    *k += w.size();
    return true;
  };
  for (size_t at = t.find("ngay"); at != std::string_view::npos; at = t.find("ngay", at + 4)) {
    if (at > 0 && t[at - 1] >= 'a' && t[at - 1] <= 'z') continue;
    WrittenDate d;
    size_t k = at + 4;
    if (k < t.size() && t[k] >= 'a' && t[k] <= 'z') continue;
    k = skip(k);
    d.day = number(&k, 2);
    if (d.day && k < t.size() && (t[k] == '/' || t[k] == '-')) {
      size_t m = k + 1;
      d.month = number(&m, 2);
      if (!d.month || m >= t.size() || t[m] != t[k]) continue;
      ++m;
      d.year = number(&m, 4);
      if (!d.year || *d.year < 1900) continue;
      d.span = {f.src[at], f.src[m]};
      return d;
    }
    k = skip(k);
    if (!word(&k, "thang")) continue;
    k = skip(k);
    d.month = number(&k, 2);
    k = skip(k);
    if (!word(&k, "nam")) continue;
    k = skip(k);
    d.year = number(&k, 4);
    if (!d.year || *d.year < 1900) continue;
    d.span = {f.src[at], f.src[k]};
    return d;
  }
  return std::nullopt;
}

std::optional<StatedYear> FindPlanYear(std::string_view s, bool is_title) {
  Folded f = Fold(s);
  std::string_view t = f.text;
  size_t from = 0;
  if (!is_title) {
    from = t.find("ke hoach");
    if (from == std::string_view::npos) return std::nullopt;
  }
  std::optional<StatedYear> found;
  for (size_t at = t.find("nam ", from); at != std::string_view::npos;
       at = t.find("nam ", at + 4)) {
    if (at > 0 && t[at - 1] != ' ') continue;
    size_t k = at + 4;
    if (DigitRun(t, k) != 4 || (k + 4 < t.size() && t[k + 4] >= '0' && t[k + 4] <= '9')) continue;
    int y = std::stoi(std::string(t.substr(k, 4)));
    if (y < 1945 || y > 2100) continue;
    found = StatedYear{y, {f.src[k], f.src[k + 4]}};
    if (!is_title) break;
  }
  return found;
}

}  // namespace vnplan::segment
