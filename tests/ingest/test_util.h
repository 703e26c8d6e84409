// Helpers shared by the ingest tests: NFC, files and temporary directories, and an encoder that
// inverts the decoder's own tables (so tests can write any text in any legacy encoding).
#ifndef VNPLAN_TESTS_INGEST_TEST_UTIL_H_
#define VNPLAN_TESTS_INGEST_TEST_UTIL_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/utf8.h"
#include "ingest/ingest.h"
#include "ingest/legacy_tables.h"

namespace vnplan::testing_util {

inline std::string Nfc(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  std::string out;
  nfc->normalize(u, err).toUTF8String(out);
  return out;
}

inline std::string Nfd(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  std::string out;
  nfd->normalize(u, err).toUTF8String(out);
  return out;
}

inline std::u32string ToU32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    size_t n = DecodeUtf8(s, i, &c);
    out.push_back(c);
    i += n == 0 ? 1 : n;
  }
  return out;
}

inline std::string FromU32(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(&out, c);
  return out;
}

// TCVN3 keeps only seven capitals (Ă Â Ê Ô Ơ Ư Đ); every other capital beyond ASCII comes
// back lowercase. This is what a TCVN3 file of `s` decodes to.
inline std::string LowerToneCapitals(std::string_view s) {
  std::u32string u = ToU32(Nfc(s));
  for (char32_t& c : u) {
    if (c < 0x80) continue;
    if (c == U'Ă' || c == U'Â' || c == U'Ê' || c == U'Ô' || c == U'Ơ' || c == U'Ư' || c == U'Đ') {
      continue;
    }
    if (u_isupper(static_cast<UChar32>(c))) c = static_cast<char32_t>(u_tolower(c));
  }
  return FromU32(u);
}

// Case folded (ICU full folding), for comparing TCVN3 output, whose case is partly lost.
inline std::string FoldCase(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  std::string out;
  u.foldCase().toUTF8String(out);
  return out;
}

// What two decodings must agree on: the NFC text, and for TCVN3 its case-folded form.
inline std::string Comparable(std::string_view text, Encoding e) {
  return e == Encoding::kTcvn3 ? FoldCase(Nfc(text)) : Nfc(text);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under /tmp, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vnplan_ingest_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// Text in a legacy encoding, and what decoding it must give back (NFC): the input with each
// character the encoding cannot hold replaced by '?', and for TCVN3 capitals lowered (the
// decoder raises some back: compare TCVN3 text with FoldCase).
struct Encoded {
  std::string bytes;
  std::string expected;
  size_t unencodable = 0;
};

// Encodes by inverting the decoder's tables. Windows-1258 letters without a code of their own
// are written as base letter plus combining tone, as Windows does.
inline Encoded EncodeLegacy(std::string_view utf8, Encoding encoding) {
  using namespace ingest_internal;
  std::map<char32_t, std::string> reverse;
  auto add_single = [&](const SingleByteTable& t) {
    for (int b = 0xFF; b >= 0; --b) {  // downwards: the lowest byte for a character wins
      const ByteDecoding& d = t.entry[b];
      if (d.len == 0 || d.cp[1] != 0) continue;
      reverse[d.cp[0]] = std::string(1, static_cast<char>(b));
    }
  };
  std::string text = Nfc(utf8);
  switch (encoding) {
    case Encoding::kWindows1258: add_single(Windows1258Table()); break;
    case Encoding::kViscii: add_single(VisciiTable()); break;
    case Encoding::kTcvn3:
      add_single(Tcvn3Table());
      text = LowerToneCapitals(text);
      break;
    case Encoding::kVni: {
      const VniTable& t = VniTables();
      for (int b1 = 0; b1 < 256; ++b1) {
        if (!t.base_id[b1]) continue;
        const bool upper_base = (b1 >= 'A' && b1 <= 'Z') || b1 == 0xD4 || b1 == 0xD6;
        for (int b2 = 0xC0; b2 < 0x100; ++b2) {
          if (!t.mark_id[b2] || (b2 < 0xE0) != upper_base) continue;
          const ByteDecoding& d = t.pair[t.base_id[b1]][t.mark_id[b2]];
          if (d.len) reverse[d.cp[0]] = {static_cast<char>(b1), static_cast<char>(b2)};
        }
      }
      std::map<char32_t, std::string> pairs;
      pairs.swap(reverse);
      add_single(t.single);
      for (auto& [cp, bytes] : pairs) reverse.emplace(cp, bytes);  // one byte beats a pair
      break;
    }
    default: return {std::string(utf8), text, 0};
  }
  Encoded out;
  for (char32_t c : ToU32(text)) {
    if (c >= 0x0300 && c <= 0x036F) {
      ++out.unencodable;  // a stray combining mark would join the letter before it
      out.bytes += '?';
      out.expected += '?';
      continue;
    }
    if (auto it = reverse.find(c); it != reverse.end()) {
      out.bytes += it->second;
      AppendUtf8(&out.expected, c);
      continue;
    }
    if (encoding == Encoding::kWindows1258) {
      std::u32string parts = ToU32(Nfd(FromU32(std::u32string(1, c))));
      std::u32string tones, rest;
      for (char32_t p : parts) {
        (p == 0x0300 || p == 0x0301 || p == 0x0303 || p == 0x0309 || p == 0x0323 ? tones : rest)
            .push_back(p);
      }
      std::u32string base = ToU32(Nfc(FromU32(rest)));
      if (base.size() == 1 && tones.size() == 1 && reverse.count(base[0]) &&
          reverse.count(tones[0])) {
        out.bytes += reverse[base[0]] + reverse[tones[0]];
        AppendUtf8(&out.expected, c);
        continue;
      }
    }
    ++out.unencodable;
    out.bytes += '?';
    out.expected += '?';
  }
  out.expected = Nfc(out.expected);
  return out;
}

}  // namespace vnplan::testing_util

#endif  // VNPLAN_TESTS_INGEST_TEST_UTIL_H_
