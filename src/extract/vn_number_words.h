// Numbers written out in Vietnamese words, as in the amount "bằng chữ" of a budget line.
//
//   ParseVnNumberWords("Mười lăm tỷ năm trăm năm mươi lăm triệu") == 15'555'000'000
//   ParseVnNumberWords("hai mươi mốt") == 21          mươi after a digit multiplies by ten
//   ParseVnNumberWords("mười lăm") == 15              mười alone is ten; lăm/nhăm is five
//   ParseVnNumberWords("ba mươi tư") == 34            tư/bốn is four
//   ParseVnNumberWords("một trăm linh năm") == 105    linh/lẻ: a zero in the tens place
//   ParseVnNumberWords("hai nghìn không trăm hai mươi tư") == 2024
//   ParseVnNumberWords("một nghìn tỷ") == 10^12       a larger scale multiplies all before it
//   ParseVnNumberWords("hai triệu rưỡi") == 2'500'000 rưỡi: half of the unit just named
//   ParseVnNumberWords("1 tỷ 500 triệu") == 1'500'000'000   digits may stand for a group
//   ParseVnNumberWords("Một tỷ, hai trăm triệu") == 1'200'000'000  commas between groups
//   ParseVnNumberWords("năm năm"), ("triệu"), ("linh năm") -> nullopt
//
// Scales: nghìn/ngàn 10^3, triệu 10^6, tỷ/tỉ 10^9; also "chục" (tens). Case and diacritics do
// not matter ("MUOI LAM" reads as 15). The whole text must be a number: currency words such as
// "đồng" are the caller's to strip. Results past int64 give nullopt, whatever the input length.
#ifndef VNPLAN_EXTRACT_VN_NUMBER_WORDS_H_
#define VNPLAN_EXTRACT_VN_NUMBER_WORDS_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace vnplan {

std::optional<int64_t> ParseVnNumberWords(std::string_view words);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_VN_NUMBER_WORDS_H_
