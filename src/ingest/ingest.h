// ingest: bytes in, UTF-8 Documents out.
//
// Reads files, directory trees and stdin; detects the encoding of each input (UTF-8 with or
// without BOM, UTF-16 LE/BE with BOM, Windows-1258, TCVN3 (ABC), VNI, VISCII); decodes it to
// UTF-8 with an OffsetMap back to the raw bytes. Nothing here throws: unreadable inputs are a
// non-OK Status, bad bytes become U+FFFD plus a Diagnostic, binary input is refused whole.
// Every function is safe to call from several threads at once.
//
//   DecodeOptions opts;                       // detect automatically
//   Decoded d = Decode(bytes, opts, "a.txt");
//   if (d.binary) { /* report d.diagnostics; skip the file */ }
//   // d.text is UTF-8; d.map.MapSpan(span_in_text) gives the raw byte span.
//
//   Diagnostics diags;
//   std::vector<std::string> files = ExpandInputs({"corpus/", "-"}, {}, &diags);
//   for (const auto& f : files) {
//     StatusOr<Document> doc = ReadDocument(f, {});
//     if (!doc.ok()) { /* diagnostic naming f and doc.status() */ }
//   }
//
// Worked example (corpus/encodings/ holds one plan in every encoding):
//
//   Decoded d = Decode("K\xD5 ho\xB9" "ch", {}, "a.txt");   // TCVN3 bytes
//   // d.encoding == Encoding::kTcvn3, d.text == "Kế hoạch"
//   // d.map.MapSpan({1, 4}) == Span{1, 2}   ("ế" is raw byte 1)
#ifndef VNPLAN_INGEST_INGEST_H_
#define VNPLAN_INGEST_INGEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/offset_map.h"
#include "base/status.h"

namespace vnplan {

enum class Encoding {
  kUtf8,         // "utf-8"
  kUtf8Bom,      // "utf-8-bom"
  kUtf16Le,      // "utf-16le" (BOM required for detection; forcing works without one)
  kUtf16Be,      // "utf-16be" (BOM required for detection; forcing works without one)
  kWindows1258,  // "windows-1258" (base letters plus combining tone marks: the text is not NFC)
  // "tcvn3" (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime). VN3 has codes only for lowercase toned
  // vowels and the capitals Ă Â Ê Ô Ơ Ư Đ: documents got their other capitals from a second font
  // face (.VnTimeH) using the lowercase codes. Inside a word that is visibly in capitals they are
  // raised back ("HOạCH" -> "HOẠCH", "ủY" -> "ỦY"); elsewhere they stay lowercase, so "KẾ HOẠCH"
  // decodes as "Kế HOẠCH" and "Ủy ban" as "ủy ban". Codes VN3 leaves free decode as their VN2
  // capitals; 0x80..0x9F as in Windows-1252 (quotes).
  kTcvn3,
  kVni,     // "vni" (VNI-Windows fonts: a base letter followed by a mark byte, "aù" = á)
  kViscii,  // "viscii" (RFC 1456)
};

// The stable name used in records and on the command line ("utf-8", "tcvn3", ...).
const char* EncodingName(Encoding e);
// Parses a name as printed by EncodingName (case, '-' and '_' ignored; "utf8", "utf-8-sig",
// "cp1258", "abc", "tcvn", "vn3", "vni-windows" accepted as aliases). nullopt for an unknown
// name, including "tcvn5712-1" (glibc's name for the VN1 variant, which is not TCVN3).
std::optional<Encoding> ParseEncoding(std::string_view name);

struct DecodeOptions {
  // Decode as this encoding instead of detecting one. Default: detect. A BOM of the forced
  // encoding is still dropped, and binary input is still refused. Forcing utf-8 or utf-8-bom
  // reports whichever of the two the input is.
  std::optional<Encoding> forced;
};

struct Decoded {
  std::string text;  // UTF-8, BOM removed, NFC not applied yet
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;  // 0..1: how sure detection is (1.0 for a BOM, a forced encoding,
                            // or ASCII-only input; >= 0.75 for valid UTF-8 that reads as text)
  OffsetMap map;            // offsets in `text` -> offsets in the raw bytes
  bool binary = false;      // refused as binary: `text` is empty, diagnostics say why
  Diagnostics diagnostics;  // invalid bytes (with byte offsets), binary refusal
};

// Detects (unless forced) and decodes. Never fails: see Decoded::binary and diagnostics.
// `path` only labels diagnostics.
//
// Detection:
//   1. A BOM decides: EF BB BF utf-8-bom, FF FE utf-16le, FE FF utf-16be.
//   2. Binary input is refused: a NUL byte anywhere (outside UTF-16), or more than 10% control
//      characters (other than tab, newlines, form feed, ^Z, ESC) in the first 64 KiB.
//   3. Valid UTF-8 is taken at once (the whole input is validated, cheaply) unless its text
//      reads as junk and a legacy decoding reads clearly better.
//   4. Otherwise each candidate (UTF-8 with replacements, TCVN3, VNI, Windows-1258, VISCII)
//      decodes a sample (the first 64 KiB and the last 16 KiB) and is scored by how much of it
//      is Vietnamese: words beyond ASCII that are well-formed syllables, against characters
//      such text does not hold (C1 controls, U+FFFD, stray symbols and foreign letters).
//      The best wins; `confidence` grows with its score, its lead and the amount of text.
//
// Diagnostics (code, level):
//   ingest.binary          error    why the input counts as binary; offset of the first cause
//   ingest.invalid_bytes   warning  one per run of bytes replaced by U+FFFD, with its offset
//                                   and the bytes in hex (invalid UTF-8 or UTF-16, or bytes
//                                   unassigned in a legacy encoding); after 20, one summary
//   ingest.low_confidence  warning  a detected legacy encoding with confidence below 0.5
//
// The map: a BOM is a deletion; unchanged bytes (all of valid UTF-8, ASCII in legacy text) are
// copies, one run per stretch; every other decoded character is its own Replace(raw bytes,
// UTF-8 bytes): a VNI letter written as two bytes is Replace(2, n), a UTF-16 surrogate pair
// Replace(4, 4), an invalid UTF-8 subsequence Replace(k, 3). Each invalid UTF-8 "maximal
// subpart" (as in the Unicode standard and WHATWG) is one U+FFFD: "\xC0\x80" gives two,
// "\xE2\x82" before an ASCII byte one.
Decoded Decode(std::string_view bytes, const DecodeOptions& options, std::string_view path);

struct Document {
  std::string path;  // as given; "-" for stdin
  std::string id;    // hex SHA-256 of the raw bytes
  size_t bytes = 0;  // raw size
  std::string text;  // decoded UTF-8 (the "source text" that record spans point into)
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;
  OffsetMap decode_map;  // text offsets -> raw byte offsets
  bool binary = false;
  Diagnostics diagnostics;
};

// Builds a Document from bytes already in memory (tests, stdin, --jsonl-in).
//
//   Document doc = MakeDocument("mem.txt", "Số: 27/KH-UBND", {});
//   // doc.text == "Số: 27/KH-UBND", doc.id == Sha256Hex(doc.text), identity map
Document MakeDocument(std::string path, std::string_view bytes, const DecodeOptions& options);

// The largest input ReadDocument takes: 1 GiB. Processing a document needs several times its
// size in memory, and a device named as an input (/dev/zero) never ends.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

// Reads `path` ("-" reads stdin to its end) and decodes it. IOError names the path and the OS
// cause: "IO error: corpus/x.txt: No such file or directory", "...: Is a directory"; an input
// larger than kMaxDocumentBytes, or one that memory cannot hold, is an IOError too ("...: larger
// than 1 GiB; not read", "...: out of memory while reading"), never a crash. A file that is read
// but refused as binary is OK, with Document::binary set. Valid UTF-8 is not copied: the text
// takes over the buffer the file was read into.
StatusOr<Document> ReadDocument(const std::string& path, const DecodeOptions& options);

struct SourceOptions {
  // Shell globs (fnmatch) matched against file names found while walking directories
  // ("*.txt"). Empty: every non-hidden regular file. Files named directly are always taken.
  std::vector<std::string> globs;
};

// Expands the inputs the user named into a list of files, in order: a file stays itself, "-"
// stays "-", a directory becomes its regular files, recursively, sorted by path, hidden entries
// (".x") skipped, symlink loops broken. Problems (missing path, unreadable directory, loop) are
// appended to `diagnostics` and the walk goes on.
//
// Links to directories are followed after the real tree is walked, and each directory is
// walked once (by device and inode), so files reachable two ways are listed once, under their
// real path when the walk's root holds it. Diagnostics (code, level):
//   ingest.not_found       error    a named input does not exist (or a path runs through a file)
//   ingest.unreadable_dir  error    a directory could not be listed (its files are missing)
//   ingest.symlink_loop    warning  a link (or mount) back to an enclosing directory; not followed
//   ingest.broken_link     warning  a link inside a directory points nowhere
//
//   ExpandInputs({"corpus/", "-", "extra.txt"}, {.globs = {"*.txt"}}, &diags)
//   // {"corpus/a.txt", "corpus/sub/b.txt", "-", "extra.txt"}
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const SourceOptions& options, Diagnostics* diagnostics);

// A list of paths kept in one buffer: a path costs its bytes plus 16, not a std::string each
// (for 103,840 files of the 1 GB bench corpus the walk's peak went from 16.3 MB to 5.5 MB).
//
//   PathList files = ListInputs({"corpus/"}, {}, &diags);
//   for (size_t i = 0; i < files.size(); ++i) Read(std::string(files[i]));
class PathList {
 public:
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  std::string_view operator[](size_t i) const {
    return {bytes_.data() + entries_[i].start, entries_[i].size};
  }
  void Append(std::string_view path);
  // Sorts the paths from position `from` to the end, bytewise.
  void SortFrom(size_t from);
  std::vector<std::string> ToVector() const;

 private:
  struct Entry {
    size_t start;
    size_t size;
  };
  std::string bytes_;
  std::vector<Entry> entries_;
};

// ExpandInputs, as a PathList.
PathList ListInputs(const std::vector<std::string>& inputs, const SourceOptions& options,
                    Diagnostics* diagnostics);

// The paths of a PathList to be taken one by one, in order, each stored as the bytes it does not
// share with the path before it (front coding): what a batch holds while it runs, about 7 bytes
// a file for the 103,840 files of the 1 GB bench corpus (0.7 MB; as a PathList 4.5 MB).
//
//   PathQueue queue(ListInputs({"corpus/"}, {}, &diags));
//   std::string path;
//   while (queue.Next(&path)) Read(path);
class PathQueue {
 public:
  explicit PathQueue(const PathList& list);
  size_t size() const { return size_; }
  // Replaces *path with the next path; false when every path has been taken. Not thread-safe.
  bool Next(std::string* path);

 private:
  std::string packed_;  // per path: varint shared-prefix length, varint suffix length, suffix
  size_t size_ = 0;
  size_t read_ = 0;   // position in packed_
  std::string last_;  // the path Next gave last
};

}  // namespace vnplan

#endif  // VNPLAN_INGEST_INGEST_H_
