#include <cctype>
#include <string>

#include "ingest/ingest.h"

namespace vnplan {

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf8Bom: return "utf-8-bom";
    case Encoding::kUtf16Le: return "utf-16le";
    case Encoding::kUtf16Be: return "utf-16be";
    case Encoding::kWindows1258: return "windows-1258";
    case Encoding::kTcvn3: return "tcvn3";
    case Encoding::kVni: return "vni";
    case Encoding::kViscii: return "viscii";
  }
  return "utf-8";
}

std::optional<Encoding> ParseEncoding(std::string_view name) {
  // Compare with case, '-' and '_' ignored, so "UTF_8", "utf8" and "Utf-8" are one name.
  std::string key;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ') continue;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  static constexpr struct {
    std::string_view key;
    Encoding encoding;
  } kNames[] = {
      {"utf8", Encoding::kUtf8},
      {"utf8bom", Encoding::kUtf8Bom},
      {"utf8sig", Encoding::kUtf8Bom},
      {"utf16le", Encoding::kUtf16Le},
      {"utf16be", Encoding::kUtf16Be},
      {"windows1258", Encoding::kWindows1258},
      {"cp1258", Encoding::kWindows1258},
      {"win1258", Encoding::kWindows1258},
      {"tcvn3", Encoding::kTcvn3},
      {"tcvn", Encoding::kTcvn3},
      {"abc", Encoding::kTcvn3},
      {"vn3", Encoding::kTcvn3},
      {"vni", Encoding::kVni},
      {"vniwindows", Encoding::kVni},
      {"viscii", Encoding::kViscii},
  };
  for (const auto& n : kNames) {
    if (n.key == key) return n.encoding;
  }
  return std::nullopt;
}

}  // namespace vnplan
