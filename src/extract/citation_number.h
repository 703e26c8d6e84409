// The number ("số ký hiệu") of a cited Vietnamese document: read, repaired and taken apart.
//
// Shapes (Nghị định 30/2020/NĐ-CP and the Party's Hướng dẫn 36-HD/VPTW):
//   administrative  "90/QĐ-TTg"           serial / type code - issuer code
//   normative       "07/2021/NĐ-CP"       serial / year / type code - issuer code
//   law, resolution "24/2021/QH15"        serial / year / issuer code (no type code)
//   Party           "20-NQ/TU"            serial - type code / issuer code
//   official letter "941/SLĐTBXH-BTXHTE"  serial / issuer code - drafting unit (no type code)
//   consolidated    "18/VBHN-VPQH";  joint "12/2015/TTLT-BLĐTBXH-BTC";  lettered "30a/2008/NQ-CP"
//
// Repairs, each of which makes ParsedNumber::number differ from the text it was read from:
//   spaces and line breaks inside the number dropped      "90/QĐ - TTg"   -> "90/QĐ-TTg"
//   a missing hyphen after a known type code restored      "1315/QĐUBND"   -> "1315/QĐ-UBND"
//                                                          "07/2021/NĐCP"  -> "07/2021/NĐ-CP"
//   "Ð" (U+00D0, an OCR look-alike) read as "Đ"            "5/QÐ-UBND"     -> "5/QĐ-UBND"
//   from text without diacritics (`folded`), the letters   "90/QD-TTG"     -> "90/QĐ-TTg"
//   of known codes restored                                "14/2022/nq-hdnd" -> "14/2022/NQ-HĐND"
// A hyphen is restored only when what follows the type code looks like an issuer code (UBND,
// HĐND, CP, TTg, QH.., B.. or S.. ministries and departments, TU, HU, ...): "HĐND" alone stays.
//
//   ParsedNumber n = *ParseCitationNumber("07/2021/NĐCP", false);
//   n.number == "07/2021/NĐ-CP"; *n.type_code == "NĐ"; *n.issuer_code == "CP"; *n.num_year == 2021
#ifndef VNPLAN_EXTRACT_CITATION_NUMBER_H_
#define VNPLAN_EXTRACT_CITATION_NUMBER_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnplan {

struct ParsedNumber {
  std::string number;                      // as the contract writes it: "90/QĐ-TTg"
  std::optional<std::string> type_code;    // "QĐ"; null for "24/2021/QH15", "941/SLĐTBXH-..."
  std::optional<std::string> issuer_code;  // "TTg", "BLĐTBXH-BTC", "QH15"; null when absent
  std::optional<int> num_year;             // 2021 for "07/2021/NĐ-CP"; null when not written
};

// Reads `raw` (the text a rule captured as `number`); nullopt when it is not a document number
// (no letters in the symbol, a symbol word too long, a serial of more than six digits).
// `folded`: the text came from the diacritic-free view, so known codes get their "Đ" back and
// their letter case ("TTg", "TTr", "CTr", "QyĐ").
std::optional<ParsedNumber> ParseCitationNumber(std::string_view raw, bool folded);

// The document type a type code stands for: "QĐ" -> "Quyết định", "TTLT" -> "Thông tư liên
// tịch"; nullopt for a code that is not a type ("UBND", "QH15").
std::optional<std::string_view> DocTypeOfCode(std::string_view type_code);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_CITATION_NUMBER_H_
