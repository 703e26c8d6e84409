#include "extract/vn_money.h"

#include <array>

#include "extract/fold_key.h"

namespace vnplan {
namespace {

struct ScaleWord {
  std::string_view key;  // FoldKey of the scale word, without the currency
  int64_t multiplier;
  std::string_view name;
};

constexpr std::array<ScaleWord, 9> kScales = {{
    {"", 1, "đồng"},
    {"nghin", 1'000, "nghìn"},
    {"ngan", 1'000, "nghìn"},
    {"trieu", 1'000'000, "triệu"},
    {"tr", 1'000'000, "triệu"},
    {"ty", 1'000'000'000, "tỷ"},
    {"ti", 1'000'000'000, "tỷ"},
    {"nghin ty", 1'000'000'000'000, "nghìn tỷ"},
    {"ngan ty", 1'000'000'000'000, "nghìn tỷ"},
}};

// Currency words that may follow a scale (or stand alone for the đồng scale), longest first so
// that "vnd" is not read as "vn" + "đ".
constexpr std::array<std::string_view, 4> kCurrencies = {"dong", "vn d", "vnd", "d"};

bool StripSuffix(std::string* key, std::string_view suffix) {
  if (key->size() < suffix.size()) return false;
  if (key->compare(key->size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  key->resize(key->size() - suffix.size());
  while (!key->empty() && key->back() == ' ') key->pop_back();
  return true;
}

}  // namespace

std::optional<MoneyScale> ParseMoneyScale(std::string_view words) {
  std::string key = FoldKey(words);
  bool has_currency = false;
  for (std::string_view cur : kCurrencies) {
    if (key == cur) {
      key.clear();
    } else if (!StripSuffix(&key, cur)) {  // also "trđ" -> "trd": a currency glued to its scale
      continue;
    }
    has_currency = true;
    break;
  }
  if (!key.empty() && key.back() == '.') key.pop_back();  // "tr.đ"
  for (const ScaleWord& s : kScales) {
    if (key != s.key) continue;
    if (s.key.empty() && !has_currency) return std::nullopt;
    if (s.key == "tr" && !has_currency) return std::nullopt;  // bare "tr" is too vague
    return MoneyScale{s.multiplier, std::string(s.name)};
  }
  return std::nullopt;
}

std::optional<int64_t> ToDong(const Decimal& value, const MoneyScale& scale) {
  return value.ScaleToInteger(scale.multiplier);
}

}  // namespace vnplan
