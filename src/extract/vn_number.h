// Numbers as Vietnamese administrative texts write them: "." groups thousands, "," marks the
// decimals ("15.555,25" is fifteen thousand five hundred fifty-five and a quarter).
//
// ParseVnNumber reads one written number into an exact Decimal; it never rounds and never
// overflows: a number with more than kMaxDigits significant digits gives nullopt.
//
//   ParseVnNumber("15.555,25")    -> 1555525 / 10^2   (15555.25)
//   ParseVnNumber("100.000.000")  -> 100000000
//   ParseVnNumber("1,5")          -> 15 / 10^1        (1.5)
//   ParseVnNumber("1.500")        -> 1500    a dot before exactly three digits groups thousands
//   ParseVnNumber("2,000")        -> 2       a lone comma is the decimal mark, even before three
//                                            digits (the Vietnamese reading; "2.000" is 2000)
//   ParseVnNumber("68.8")         -> 68.8    a lone dot not followed by three digits is read as
//                                            a decimal point (English-style input)
//   ParseVnNumber("1,500,000")    -> 1500000 several commas between 3-digit groups: English
//   ParseVnNumber("15,555.25")    -> 15555.25 both marks: the last one is the decimal mark
//   ParseVnNumber("1 500 000")    -> 1500000 spaces may group thousands like dots
//   ParseVnNumber("1.50.0")       -> nullopt groups after the first must have three digits
//   ParseVnNumber("12a"), ("")    -> nullopt
//
// Leading zeros are allowed ("05"). There is no sign: plans do not write negative figures.
#ifndef VNPLAN_EXTRACT_VN_NUMBER_H_
#define VNPLAN_EXTRACT_VN_NUMBER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vnplan {

// value = units / 10^frac_digits, exactly.
struct Decimal {
  int64_t units = 0;    // every digit of the number, integer and fraction, as one integer
  int frac_digits = 0;  // how many of those digits follow the decimal mark

  // Nearest double; exact for the integers and short fractions plans use.
  double ToDouble() const;
  // value * multiplier, rounded half away from zero to an integer; nullopt on int64 overflow.
  // Decimal{1555525, 2}.ScaleToInteger(1'000'000) == 15555250000.
  std::optional<int64_t> ScaleToInteger(int64_t multiplier) const;
  // Shortest plain form, "." as decimal point: "15555.25", "1500", "0.5".
  std::string ToString() const;

  friend bool operator==(const Decimal&, const Decimal&) = default;
};

// Significant digits a Decimal can hold (int64 holds every 18-digit integer).
inline constexpr int kMaxDigits = 18;

std::optional<Decimal> ParseVnNumber(std::string_view text);

// OCR slips inside written numbers, repaired byte for byte so that offsets do not move: a
// lowercase "l" read for 1 and a capital "O" read for 0, in a run of digits and separators
// (". , / -") that holds at least two real digits and touches no letter on either side.
// Returns nullopt when there is nothing to repair (the usual case: no copy is made).
//   *RepairDigitSlips("giảm l.240 triệu") == "giảm 1.240 triệu"
//   *RepairDigitSlips("ngày l5/12/2O24") == "ngày 15/12/2024"
//   RepairDigitSlips("quý II/2024"), ("Lào Cai 2024"), ("lO") -> nullopt
std::optional<std::string> RepairDigitSlips(std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_VN_NUMBER_H_
