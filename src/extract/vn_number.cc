#include "extract/vn_number.h"

#include <algorithm>
#include <array>
#include <limits>

namespace vnplan {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int64_t Pow10(int n) {
  int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// True when `s` is digit groups joined by `sep` the way thousands are grouped: a first group of
// one to three digits not starting with 0, then groups of exactly three. "0.500" is not grouped,
// so it can be read as a decimal instead.
bool IsThousandsGrouped(std::string_view s, char sep) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    const size_t len = end - start;
    for (size_t i = start; i < end; ++i) {
      if (!IsDigit(s[i])) return false;
    }
    if (first) {
      if (len < 1 || len > 3 || s[start] == '0') return false;
      first = false;
    } else if (len != 3) {
      return false;
    }
    if (end == s.size()) return true;
    start = end + 1;
  }
}

// Adds the digits of `s` (skipping `sep`) to *d; false once the significant digits or the
// fraction digits exceed what an int64 holds.
bool AppendDigits(std::string_view s, char sep, bool fraction, Decimal* d) {
  for (char c : s) {
    if (c == sep) continue;
    if (!IsDigit(c)) return false;
    const int digit = c - '0';
    if (fraction) {
      if (++d->frac_digits > kMaxDigits) return false;
    } else if (d->units == 0 && digit == 0) {
      continue;  // leading zero
    }
    if (d->units > (std::numeric_limits<int64_t>::max() - digit) / 10) return false;
    d->units = d->units * 10 + digit;
    if (d->units >= Pow10(kMaxDigits)) return false;
  }
  return true;
}

}  // namespace

double Decimal::ToDouble() const {
  return static_cast<double>(units) / static_cast<double>(Pow10(frac_digits));
}

std::optional<int64_t> Decimal::ScaleToInteger(int64_t multiplier) const {
  if (multiplier < 0 || units < 0) return std::nullopt;
  const __int128 product = static_cast<__int128>(units) * multiplier;
  const __int128 divisor = Pow10(frac_digits);
  __int128 q = product / divisor;
  if ((product % divisor) * 2 >= divisor) ++q;
  if (q > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return static_cast<int64_t>(q);
}

std::string Decimal::ToString() const {
  const int64_t p = Pow10(frac_digits);
  std::string s = std::to_string(units / p);
  if (frac_digits > 0) {
    std::string frac = std::to_string(units % p);
    s += '.';
    s.append(frac_digits - frac.size(), '0');
    s += frac;
  }
  return s;
}

std::optional<Decimal> ParseVnNumber(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || !IsDigit(text.front()) || !IsDigit(text.back())) return std::nullopt;

  const auto dots = std::count(text.begin(), text.end(), '.');
  const auto commas = std::count(text.begin(), text.end(), ',');
  const auto spaces = std::count(text.begin(), text.end(), ' ');
  char group = 0;
  char mark = 0;
  if (spaces > 0) {
    if (dots + commas > 1) return std::nullopt;
    group = ' ';
    mark = dots ? '.' : (commas ? ',' : 0);
  } else if (dots > 0 && commas > 0) {
    mark = text.find_last_of(".,") == text.rfind('.') ? '.' : ',';
    group = mark == '.' ? ',' : '.';
    if ((mark == '.' ? dots : commas) != 1) return std::nullopt;
  } else if (dots > 0) {
    if (IsThousandsGrouped(text, '.')) {
      group = '.';
    } else if (dots == 1) {
      mark = '.';
    } else {
      return std::nullopt;
    }
  } else if (commas > 0) {
    if (commas == 1) {
      mark = ',';
    } else if (IsThousandsGrouped(text, ',')) {
      group = ',';
    } else {
      return std::nullopt;
    }
  }

  std::string_view int_part = text;
  std::string_view frac_part;
  if (mark != 0) {
    const size_t at = text.find(mark);
    int_part = text.substr(0, at);
    frac_part = text.substr(at + 1);
    if (int_part.empty() || frac_part.empty()) return std::nullopt;
    if (group != 0 && frac_part.find(group) != std::string_view::npos) return std::nullopt;
  }
  if (group != 0 && int_part.find(group) != std::string_view::npos &&
      !IsThousandsGrouped(int_part, group)) {
    return std::nullopt;
  }

  Decimal d;
  if (!AppendDigits(int_part, group, false, &d)) return std::nullopt;
  if (!AppendDigits(frac_part, 0, true, &d)) return std::nullopt;
  while (d.frac_digits > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.frac_digits;
  }
  return d;
}

std::optional<std::string> RepairDigitSlips(std::string_view text) {
  // The bytes a run is made of: digits, the slips l and O, and the separators. Most bytes are none
  // of them, and the table skips those in one lookup.
  static constexpr std::array<bool, 256> kInRun = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view("0123456789lO.,/-"))
      t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  auto in_run = [](char c) { return kInRun[static_cast<unsigned char>(c)]; };
  // Letters (ASCII or any byte of a multi-byte character) may not touch a run.
  auto letter = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  };
  std::optional<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!in_run(text[i]) || (i > 0 && letter(text[i - 1]))) {
      ++i;
      continue;
    }
    size_t j = i;
    int digits = 0, slips = 0;
    while (j < text.size() && in_run(text[j])) {
      digits += IsDigit(text[j]);
      slips += text[j] == 'l' || text[j] == 'O';
      ++j;
    }
    if (slips > 0 && digits >= 2 && (j == text.size() || !letter(text[j]))) {
      if (!out) out.emplace(text);
      for (size_t k = i; k < j; ++k) {
        if ((*out)[k] == 'l') (*out)[k] = '1';
        if ((*out)[k] == 'O') (*out)[k] = '0';
      }
    }
    i = j;
  }
  return out;
}

}  // namespace vnplan
