#include <cstdio>
#include <string>

#include "ingest/decoders.h"
#include "ingest/detect.h"
#include "ingest/ingest.h"

namespace vnplan {

namespace {

using ingest_internal::Detection;
using ingest_internal::InvalidBytes;

bool IsUnicode(Encoding e) {
  return e == Encoding::kUtf8 || e == Encoding::kUtf8Bom || e == Encoding::kUtf16Le ||
         e == Encoding::kUtf16Be;
}

std::string HexBytes(std::string_view bytes, size_t offset, size_t length) {
  std::string out;
  const size_t shown = std::min<size_t>(length, 8);
  for (size_t i = 0; i < shown; ++i) {
    char buf[4];
    std::snprintf(buf, sizeof(buf), "%s%02X", i ? " " : "",
                  static_cast<unsigned char>(bytes[offset + i]));
    out += buf;
  }
  if (shown < length) out += " ...";
  return out;
}

void ReportInvalid(const InvalidBytes& invalid, std::string_view bytes, Encoding encoding,
                   std::string_view path, Diagnostics* out) {
  const char* name = EncodingName(encoding);
  for (const InvalidBytes::Run& run : invalid.listed()) {
    std::string msg = IsUnicode(encoding) ? std::string("invalid ") + name + " bytes"
                                          : std::string("bytes unassigned in ") + name;
    msg += " at offset " + std::to_string(run.offset) + " (" +
           HexBytes(bytes, run.offset, run.length) + "), replaced by U+FFFD";
    Diagnostic d = Diagnostic::Warning("ingest.invalid_bytes", msg, path);
    d.offset = run.offset;
    out->push_back(std::move(d));
  }
  if (invalid.runs() > invalid.listed().size()) {
    out->push_back(Diagnostic::Warning("ingest.invalid_bytes",
                                       std::to_string(invalid.runs() - invalid.listed().size()) +
                                           " more runs of invalid bytes not listed (" +
                                           std::to_string(invalid.bytes()) +
                                           " invalid bytes in all)",
                                       path));
  }
}

Decoded DecodeImpl(std::string_view bytes, std::string* owned, const DecodeOptions& options,
                   std::string_view path) {
  const Detection det = options.forced ? ingest_internal::ForcedDetection(bytes, *options.forced)
                                       : ingest_internal::Detect(bytes);
  Decoded d;
  d.encoding = det.encoding;
  d.confidence = det.confidence;
  OffsetMap::Builder map;
  if (det.binary) {
    d.binary = true;
    Diagnostic diag = Diagnostic::Error(
        "ingest.binary", "file looks binary (" + det.binary->reason + "); not read", path);
    diag.offset = det.binary->offset;
    d.diagnostics.push_back(std::move(diag));
    map.Delete(bytes.size());
    d.map = std::move(map).Build();
    return d;
  }
  map.Delete(det.bom);
  if (det.valid_utf8) {
    // The fast path: valid UTF-8 is its own decoding, one Copy in the map.
    if (owned != nullptr) {
      d.text = std::move(*owned);
      d.text.erase(0, det.bom);
    } else {
      d.text.assign(bytes.substr(det.bom));
    }
    map.Copy(d.text.size());
  } else {
    InvalidBytes invalid;
    ingest_internal::DecodeText(det.encoding, bytes.substr(det.bom), det.bom,
                                ingest_internal::DecodeSink{&d.text, &map, &invalid});
    if (det.encoding == Encoding::kTcvn3) ingest_internal::RestoreTcvn3Capitals(&d.text);
    ReportInvalid(invalid, bytes, det.encoding, path, &d.diagnostics);
  }
  d.map = std::move(map).Build();
  if (!options.forced && !IsUnicode(d.encoding) && d.confidence < 0.5) {
    char buf[160];
    std::snprintf(buf, sizeof(buf),
                  "encoding guessed as %s with low confidence (%.2f); force one if the text "
                  "reads wrong",
                  EncodingName(d.encoding), d.confidence);
    d.diagnostics.push_back(Diagnostic::Warning("ingest.low_confidence", buf, path));
  }
  return d;
}

}  // namespace

Decoded Decode(std::string_view bytes, const DecodeOptions& options, std::string_view path) {
  return DecodeImpl(bytes, nullptr, options, path);
}

namespace ingest_internal {

Decoded DecodeOwned(std::string* raw, const DecodeOptions& options, std::string_view path) {
  return DecodeImpl(*raw, raw, options, path);
}

}  // namespace ingest_internal

}  // namespace vnplan
