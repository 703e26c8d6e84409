// Sums of money: a written number and the scale words after it, to an exact integer of đồng.
//
//   MoneyScale s = *ParseMoneyScale("triệu đồng");          // s.multiplier == 1'000'000
//   ToDong(*ParseVnNumber("15.555,25"), s) == 15555250000
//   ToDong(*ParseVnNumber("148,4"), *ParseMoneyScale("tỷ đồng")) == 148400000000
//
// Scale words (any case, with or without diacritics, "đồng"/"VNĐ"/... optional after a scale):
//   "đồng", "đ", "VNĐ", "VND"          x1            scale name "đồng"
//   "nghìn", "ngàn" (+ "đồng")         x1,000        "nghìn"
//   "triệu" (+ "đồng"), "tr đồng"      x1,000,000    "triệu"      ("trđ", "tr.đ": "tr" needs a
//   currency) "tỷ", "tỉ" (+ "đồng")              x10^9         "tỷ" "nghìn tỷ", "ngàn tỷ" (+
//   "đồng")   x10^12        "nghìn tỷ"
// Anything else (including "triệu" followed by a word that is not a currency) gives nullopt.
#ifndef VNPLAN_EXTRACT_VN_MONEY_H_
#define VNPLAN_EXTRACT_VN_MONEY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extract/vn_number.h"

namespace vnplan {

struct MoneyScale {
  int64_t multiplier = 1;
  std::string name;  // the contract's `scale`: "đồng", "nghìn", "triệu", "tỷ", "nghìn tỷ"
};

std::optional<MoneyScale> ParseMoneyScale(std::string_view words);

// value x scale in đồng, rounded half away from zero to a whole đồng; nullopt when the result
// does not fit in an int64 (about 9.2 x 10^18 đồng).
std::optional<int64_t> ToDong(const Decimal& value, const MoneyScale& scale);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_VN_MONEY_H_
