#include "ingest/detect.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "ingest/decoders.h"

namespace vnplan::ingest_internal {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Candidates for input that is not valid UTF-8. On a tie the earlier one wins: TCVN3 and VNI
// were the common legacy encodings of Vietnamese offices, Windows-1258 and VISCII rarer.
constexpr Encoding kCandidates[] = {Encoding::kUtf8, Encoding::kTcvn3, Encoding::kVni,
                                    Encoding::kWindows1258, Encoding::kViscii};
constexpr Encoding kLegacy[] = {Encoding::kTcvn3, Encoding::kVni, Encoding::kWindows1258,
                                Encoding::kViscii};

// Share of control characters above which input counts as binary.
constexpr double kMaxControlShare = 0.10;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr bool IsControl(uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A &&
         c != 0x1B;  // DOS end-of-file mark and ESC of terminal colours
}

bool AllAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// The head and tail of `bytes`, cut where no UTF-8 sequence is split.
struct Sample {
  std::string_view head;
  std::string_view tail;
};

Sample TakeSample(std::string_view bytes, size_t head, size_t tail) {
  auto is_cont = [&](size_t i) { return (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80; };
  if (bytes.size() <= head + tail) return {bytes, {}};
  size_t end = head;
  for (int k = 0; k < 3 && is_cont(end); ++k) --end;
  if (tail == 0) return {bytes.substr(0, end), {}};
  size_t start = bytes.size() - tail;
  for (int k = 0; k < 3 && is_cont(start); ++k) ++start;
  return {bytes.substr(0, end), bytes.substr(start)};
}

std::string FormatShare(double share, size_t sampled) {
  char buf[96];
  std::snprintf(buf, sizeof(buf), "%.0f%% control characters in the first %zu bytes", share * 100.0,
                sampled);
  return buf;
}

std::optional<BinaryEvidence> Utf16BinaryEvidence(std::string_view bytes, bool big_endian) {
  const size_t n = std::min(bytes.size(), kHeadSample) & ~static_cast<size_t>(1);
  if (n == 0) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t controls = 0;
  size_t first = 0;
  for (size_t i = 0; i < n; i += 2) {
    const uint32_t u = big_endian ? (p[i] << 8) | p[i + 1] : (p[i + 1] << 8) | p[i];
    if (u == 0 || IsControl(u)) {
      if (controls++ == 0) first = i;
    }
  }
  const double share = static_cast<double>(controls) / static_cast<double>(n / 2);
  if (share <= kMaxControlShare) return std::nullopt;
  return BinaryEvidence{FormatShare(share, n), first};
}

// 0 when there is no evidence, 1 when it is ample.
double EvidenceWeight(size_t evidence) {
  return static_cast<double>(evidence) / (static_cast<double>(evidence) + 3.0);
}

double Clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

struct Ranked {
  Encoding encoding;
  TextScore score;
  double quality;
};

// A first candidate this good (and on this much text) is not worth racing against: no other
// decoding of the same bytes reads as clean Vietnamese too. Then it is ranked alone.
constexpr double kClearQuality = 0.9;
constexpr size_t kClearEvidence = 50;

// Scores each candidate and sorts them best first (stable: ties keep the candidates' order).
template <size_t N>
std::vector<Ranked> Rank(std::string_view bytes, const Encoding (&candidates)[N]) {
  std::vector<Ranked> ranked;
  for (Encoding e : candidates) {
    TextScore s = ScoreSample(bytes, e);
    ranked.push_back({e, s, s.Quality()});
    if (ranked.size() == 1 && ranked[0].quality >= kClearQuality &&
        s.evidence() >= kClearEvidence) {
      return ranked;
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.quality > b.quality; });
  return ranked;
}

// The quality of the second candidate; the lowest possible when the first was ranked alone.
double RunnerUp(const std::vector<Ranked>& ranked) {
  return ranked.size() > 1 ? ranked[1].quality : -2.0;
}

// Confidence in the winner: how good it reads, how far it leads, how much text it rests on.
double Confidence(const Ranked& best, double runner_up) {
  const double lead = Clamp01(0.5 + (best.quality - runner_up));
  return Clamp01(best.quality) * lead * EvidenceWeight(best.score.evidence());
}

void DetectValidUtf8(std::string_view bytes, Detection* d) {
  if (AllAscii(bytes)) {
    d->confidence = 1.0;
    return;
  }
  const TextScore s = ScoreSample(bytes, Encoding::kUtf8, kUtf8Sample, 0);
  const double q = s.Quality();
  // Multibyte sequences that all validate are themselves strong evidence: legacy bytes almost
  // never line up that way. So UTF-8 stays unless its text reads as junk.
  if (q >= 0.3 || s.evidence() < 3) {
    d->confidence = s.evidence() == 0 ? 0.9 : Clamp01(0.75 + 0.25 * q);
    return;
  }
  const std::vector<Ranked> legacy = Rank(bytes, kLegacy);
  const Ranked& best = legacy.front();
  if (best.quality >= 0.5 && best.quality >= q + 0.5) {
    d->encoding = best.encoding;
    d->valid_utf8 = false;
    d->confidence = Confidence(best, std::max(q, RunnerUp(legacy)));
    return;
  }
  d->confidence = 0.5;
}

}  // namespace

std::optional<BinaryEvidence> FindBinaryEvidence(std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::kUtf16Le || encoding == Encoding::kUtf16Be) {
    const size_t bom = StartsWith(bytes, kUtf16LeBom) || StartsWith(bytes, kUtf16BeBom) ? 2 : 0;
    return Utf16BinaryEvidence(bytes.substr(bom), encoding == Encoding::kUtf16Be);
  }
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    const size_t at = static_cast<const char*>(nul) - bytes.data();
    return BinaryEvidence{"NUL byte at offset " + std::to_string(at), at};
  }
  const size_t n = std::min(bytes.size(), kHeadSample);
  static constexpr std::array<bool, 256> kControl = [] {
    std::array<bool, 256> t{};
    for (uint32_t c = 0; c < 256; ++c) t[c] = IsControl(c);
    return t;
  }();
  size_t controls = 0;
  size_t first = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < n; ++i) {
    if (kControl[p[i]]) {
      if (controls++ == 0) first = i;
    }
  }
  const double share = n == 0 ? 0.0 : static_cast<double>(controls) / static_cast<double>(n);
  if (share <= kMaxControlShare) return std::nullopt;
  return BinaryEvidence{FormatShare(share, n), first};
}

TextScore ScoreSample(std::string_view bytes, Encoding encoding, size_t head, size_t tail) {
  const Sample sample = TakeSample(bytes, head, tail);
  TextScore total;
  std::string text;
  InvalidBytes invalid;
  for (std::string_view part : {sample.head, sample.tail}) {
    if (part.empty()) continue;
    text.clear();
    DecodeText(encoding, part, 0, DecodeSink{&text, nullptr, &invalid});
    total.Add(ScoreText(text));
  }
  return total;
}

Detection ForcedDetection(std::string_view bytes, Encoding forced) {
  Detection d;
  d.encoding = forced;
  d.confidence = 1.0;
  switch (forced) {
    case Encoding::kUtf8:
    case Encoding::kUtf8Bom:
      d.bom = StartsWith(bytes, kUtf8Bom) ? kUtf8Bom.size() : 0;
      d.encoding = d.bom ? Encoding::kUtf8Bom : Encoding::kUtf8;
      d.valid_utf8 = ValidUtf8Prefix(bytes.substr(d.bom)) == bytes.size() - d.bom;
      break;
    case Encoding::kUtf16Le: d.bom = StartsWith(bytes, kUtf16LeBom) ? 2 : 0; break;
    case Encoding::kUtf16Be: d.bom = StartsWith(bytes, kUtf16BeBom) ? 2 : 0; break;
    default: break;
  }
  d.binary = FindBinaryEvidence(bytes, forced);
  return d;
}

Detection Detect(std::string_view bytes) {
  Detection d;
  d.confidence = 1.0;
  if (StartsWith(bytes, kUtf8Bom)) {
    d.encoding = Encoding::kUtf8Bom;
    d.bom = kUtf8Bom.size();
  } else if (StartsWith(bytes, kUtf16LeBom)) {
    d.encoding = Encoding::kUtf16Le;
    d.bom = 2;
  } else if (StartsWith(bytes, kUtf16BeBom)) {
    d.encoding = Encoding::kUtf16Be;
    d.bom = 2;
  }
  d.binary = FindBinaryEvidence(bytes, d.encoding);
  if (d.binary || d.encoding == Encoding::kUtf16Le || d.encoding == Encoding::kUtf16Be) return d;

  const std::string_view body = bytes.substr(d.bom);
  d.valid_utf8 = ValidUtf8Prefix(body) == body.size();
  if (d.encoding == Encoding::kUtf8Bom) return d;  // a BOM decides, even over invalid bytes
  if (d.valid_utf8) {
    DetectValidUtf8(body, &d);
    return d;
  }
  const std::vector<Ranked> ranked = Rank(body, kCandidates);
  d.encoding = ranked.front().encoding;
  d.confidence = Confidence(ranked.front(), RunnerUp(ranked));
  return d;
}

}  // namespace vnplan::ingest_internal
