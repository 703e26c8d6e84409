// ingest: bytes in, UTF-8 Documents out.
//
// Reads files, directory trees and stdin; detects the encoding of each input (UTF-8 with or
// without BOM, UTF-16 LE/BE with BOM, Windows-1258, TCVN3 (ABC), VNI, VISCII); decodes it to
// UTF-8 with an OffsetMap back to the raw bytes. Nothing here throws: unreadable inputs are a
// non-OK Status, bad bytes become U+FFFD plus a Diagnostic, binary input is refused whole.
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
  kUtf16Le,      // "utf-16le" (BOM required)
  kUtf16Be,      // "utf-16be" (BOM required)
  kWindows1258,  // "windows-1258" (base letters plus combining tone marks)
  kTcvn3,        // "tcvn3" (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime)
  kVni,          // "vni" (VNI fonts: a base letter followed by a mark byte)
  kViscii,       // "viscii"
};

// The stable name used in records and on the command line ("utf-8", "tcvn3", ...).
const char* EncodingName(Encoding e);
// Parses a name as printed by EncodingName (case-insensitive; "cp1258", "utf8", "abc" accepted
// as aliases). nullopt for an unknown name.
std::optional<Encoding> ParseEncoding(std::string_view name);

struct DecodeOptions {
  // Decode as this encoding instead of detecting one. Default: detect.
  std::optional<Encoding> forced;
};

struct Decoded {
  std::string text;           // UTF-8, BOM removed, NFC not applied yet
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;    // 0..1: how sure detection is (1.0 for a BOM or forced encoding)
  OffsetMap map;              // offsets in `text` -> offsets in the raw bytes
  bool binary = false;        // refused as binary: `text` is empty, diagnostics say why
  Diagnostics diagnostics;    // invalid bytes (with byte offsets), binary refusal
};

// Detects (unless forced) and decodes. Never fails: see Decoded::binary and diagnostics.
// `path` only labels diagnostics.
Decoded Decode(std::string_view bytes, const DecodeOptions& options, std::string_view path);

struct Document {
  std::string path;           // as given; "-" for stdin
  std::string id;             // hex SHA-256 of the raw bytes
  size_t bytes = 0;           // raw size
  std::string text;           // decoded UTF-8 (the "source text" that record spans point into)
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;
  OffsetMap decode_map;       // text offsets -> raw byte offsets
  bool binary = false;
  Diagnostics diagnostics;
};

// Builds a Document from bytes already in memory (tests, stdin, --jsonl-in).
Document MakeDocument(std::string path, std::string_view bytes, const DecodeOptions& options);

// Reads `path` ("-" reads stdin) and decodes it. IOError names the path and the OS cause.
StatusOr<Document> ReadDocument(const std::string& path, const DecodeOptions& options);

struct SourceOptions {
  // Shell globs matched against file names found while walking directories ("*.txt").
  // Empty: every non-hidden regular file. Files named directly are always taken.
  std::vector<std::string> globs;
};

// Expands the inputs the user named into a list of files, in order: a file stays itself, "-"
// stays "-", a directory becomes its regular files, recursively, sorted by path, hidden entries
// (".x") skipped, symlink loops broken. Problems (missing path, unreadable directory, loop) are
// appended to `diagnostics` and the walk goes on.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      const SourceOptions& options, Diagnostics* diagnostics);

}  // namespace vnplan

#endif  // VNPLAN_INGEST_INGEST_H_
