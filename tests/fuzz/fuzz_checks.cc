#include "fuzz/fuzz_checks.h"

#include <exception>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/offset_map.h"
#include "base/utf8.h"
#include "emit/emit.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "pipeline/pipeline.h"
#include "rules/rules.h"
#include "segment/segment.h"

namespace vnplan::fuzz {

namespace {

// Offsets 0..n to check: every one when n is small, else pairs of neighbours (o, o + 1) at a
// stride, and both ends, so that a check costs about the same whatever the input's size.
std::vector<size_t> Offsets(size_t n) {
  std::vector<size_t> out;
  if (n <= 1024) {
    for (size_t o = 0; o <= n; ++o) out.push_back(o);
    return out;
  }
  const size_t step = n / 512;
  for (size_t o = 0; o < n; o += step) {
    out.push_back(o);
    out.push_back(o + 1);
  }
  out.push_back(n);
  return out;
}

std::string FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) return "invalid UTF-8 at byte " + std::to_string(i);
    i += n;
  }
  return "";
}

bool IsBoundary(std::string_view s, size_t o) {
  return o >= s.size() || (static_cast<unsigned char>(s[o]) & 0xC0) != 0x80;
}

std::string CheckMap(const OffsetMap& m, size_t out_size, size_t in_size, const char* what) {
  const std::string name = std::string(what) + " map: ";
  if (m.output_size() != out_size) {
    return name + "output_size " + std::to_string(m.output_size()) + " != text size " +
           std::to_string(out_size);
  }
  if (m.input_size() != in_size) {
    return name + "input_size " + std::to_string(m.input_size()) + " != input size " +
           std::to_string(in_size);
  }
  size_t prev_start = 0, prev_end = 0;
  for (size_t o : Offsets(out_size)) {
    const size_t s = m.MapStart(o), e = m.MapEnd(o);
    if (s > in_size || e > in_size) {
      return name + "offset " + std::to_string(o) + " maps outside the input";
    }
    if (s < prev_start || e < prev_end) {
      return name + "not monotone at offset " + std::to_string(o);
    }
    prev_start = s;
    prev_end = e;
    const Span span = m.MapSpan({o, out_size});
    if (span.start > span.end || span.end > in_size) {
      return name + "MapSpan({" + std::to_string(o) + ", end}) = {" + std::to_string(span.start) +
             ", " + std::to_string(span.end) + "}";
    }
  }
  return "";
}

// Runs `body`, turning an exception into a message.
template <typename F>
std::string Guarded(const char* what, F body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return std::string(what) + " threw: " + e.what();
  } catch (...) {
    return std::string(what) + " threw a non-std exception";
  }
}

std::string CheckDecoded(const Decoded& d, std::string_view bytes) {
  if (d.confidence < 0.0 || d.confidence > 1.0) {
    return "confidence " + std::to_string(d.confidence) + " outside 0..1";
  }
  for (const Diagnostic& diag : d.diagnostics) {
    if (diag.offset && *diag.offset > bytes.size()) {
      return diag.code + " offset " + std::to_string(*diag.offset) + " past the input";
    }
  }
  if (d.binary) {
    return d.text.empty() ? "" : "binary input with a text";
  }
  if (std::string e = FirstInvalidUtf8(d.text); !e.empty()) return "decoded text: " + e;
  return CheckMap(d.map, d.text.size(), bytes.size(), "decode");
}

const SectionKinds& Kinds() {
  static const SectionKinds* kinds = [] {
    StatusOr<SectionKinds> k = SectionKinds::Builtin();
    if (!k.ok()) abort();
    return new SectionKinds(std::move(*k));
  }();
  return *kinds;
}

const Pipeline& SharedPipeline() {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.jobs = 1;
    StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create(options);
    if (!p.ok()) abort();
    return p->release();
  }();
  return *pipeline;
}

std::string CheckSpanIn(const Span& s, size_t size, const std::string& what) {
  if (s.start > s.end || s.end > size) {
    return what + " span {" + std::to_string(s.start) + ", " + std::to_string(s.end) +
           "} outside the " + std::to_string(size) + "-byte text";
  }
  return "";
}

}  // namespace

std::string CheckDecode(std::string_view bytes) {
  return Guarded("Decode", [&]() -> std::string {
    Decoded detected = Decode(bytes, {}, "fuzz");
    if (std::string e = CheckDecoded(detected, bytes); !e.empty()) return "detected: " + e;
    static constexpr Encoding kAll[] = {
        Encoding::kUtf8,        Encoding::kUtf8Bom, Encoding::kUtf16Le, Encoding::kUtf16Be,
        Encoding::kWindows1258, Encoding::kTcvn3,   Encoding::kVni,     Encoding::kViscii};
    const Encoding forced = kAll[bytes.size() % std::size(kAll)];
    Decoded d = Decode(bytes, {.forced = forced}, "fuzz");
    if (std::string e = CheckDecoded(d, bytes); !e.empty()) {
      return std::string("forced ") + EncodingName(forced) + ": " + e;
    }
    return "";
  });
}

std::string CheckNormalize(std::string_view bytes) {
  return Guarded("Normalize", [&]() -> std::string {
    Decoded d = Decode(bytes, {}, "fuzz");
    const std::string& src = d.text;
    NormalizedText n = Normalize(src);
    if (std::string e = FirstInvalidUtf8(n.text); !e.empty()) return "normalized text: " + e;
    if (!n.text.empty() && n.text.back() == '\n') return "normalized text ends with a newline";
    size_t line_start = 0;
    for (size_t i = 0; i <= n.text.size(); ++i) {
      if (i < n.text.size() && n.text[i] != '\n') continue;
      std::string_view line(n.text.data() + line_start, i - line_start);
      if (line.empty() && !n.text.empty()) {
        return "blank line at byte " + std::to_string(line_start);
      }
      if (!line.empty() && (line.front() == ' ' || line.back() == ' ')) {
        return "line at byte " + std::to_string(line_start) + " starts or ends with a blank";
      }
      const Span s = n.map.MapSpan({line_start, i});
      if (s.start > s.end || s.end > src.size()) {
        return "line at byte " + std::to_string(line_start) + " maps outside the source";
      }
      line_start = i + 1;
    }
    if (std::string e = CheckMap(n.map, n.text.size(), src.size(), "normalize"); !e.empty()) {
      return e;
    }
    for (size_t o : Offsets(n.text.size())) {
      if (!IsBoundary(n.text, o)) continue;
      const size_t s = n.map.MapStart(o), e = n.map.MapEnd(o);
      if (!IsBoundary(src, s) || !IsBoundary(src, e)) {
        return "normalized offset " + std::to_string(o) + " maps inside a source character (" +
               std::to_string(s) + ", " + std::to_string(e) + ")";
      }
    }
    if (!d.binary) {
      OffsetMap to_raw = OffsetMap::Compose(d.map, n.map);
      if (std::string e = CheckMap(to_raw, n.text.size(), bytes.size(), "decode+normalize");
          !e.empty()) {
        return e;
      }
    }
    static Normalizer* reused = new Normalizer();
    NormalizedText again = reused->Run(src);
    if (again.text != n.text || again.format != n.format) {
      return "a reused Normalizer gives another text than Normalize";
    }
    for (size_t o : Offsets(n.text.size())) {
      if (again.map.MapStart(o) != n.map.MapStart(o) || again.map.MapEnd(o) != n.map.MapEnd(o)) {
        return "a reused Normalizer gives another map at offset " + std::to_string(o);
      }
    }
    FoldedText f = FoldDiacritics(n.text);
    if (std::string e = FirstInvalidUtf8(f.text); !e.empty()) return "folded text: " + e;
    return CheckMap(f.map, f.text.size(), n.text.size(), "fold");
  });
}

std::string CheckSegment(std::string_view bytes) {
  return Guarded("Segment", [&]() -> std::string {
    Decoded d = Decode(bytes, {}, "fuzz");
    NormalizedText n = Normalize(d.text);
    Segmented seg = Segment(n, Kinds());
    const size_t size = n.text.size();
    const Header& h = seg.header;
    for (const HeaderField* f :
         {&h.doc_type, &h.number, &h.number_symbol, &h.issuer, &h.issuer_parent, &h.place, &h.date,
          &h.title, &h.signer, &h.signer_title, &h.sign_mode}) {
      if (std::string e = CheckSpanIn(f->span, size, "header field"); !e.empty()) return e;
    }
    for (const auto* list : {&h.recipients, &h.addressees}) {
      for (const HeaderField& f : *list) {
        if (std::string e = CheckSpanIn(f.span, size, "header list item"); !e.empty()) return e;
      }
    }
    std::set<std::string> ids;
    std::vector<const Section*> seen;
    size_t prev_start = 0;
    for (const Section& s : seg.sections) {
      const std::string what = "section " + s.id;
      if (std::string e = CheckSpanIn(s.extent, size, what + " extent"); !e.empty()) return e;
      if (std::string e = CheckSpanIn(s.heading_span, size, what + " heading"); !e.empty()) {
        return e;
      }
      if (s.extent.start < prev_start) return what + " starts before the section before it";
      prev_start = s.extent.start;
      if (!ids.insert(s.id).second) return "duplicate section id " + s.id;
      if (!s.parent.empty()) {
        const Section* parent = nullptr;
        for (const Section* p : seen) {
          if (p->id == s.parent) parent = p;
        }
        if (parent == nullptr) return what + " names parent " + s.parent + " not seen before";
        if (!parent->extent.Contains(s.extent)) return what + " lies outside its parent";
      }
      seen.push_back(&s);
    }
    for (size_t o : Offsets(size)) {
      const Section* s = seg.Innermost(o);
      if (s != nullptr && !(s->extent.start <= o && o < s->extent.end)) {
        return "Innermost(" + std::to_string(o) + ") is " + s->id + ", which does not hold it";
      }
    }
    return "";
  });
}

std::string CheckExtract(std::string_view bytes) {
  return Guarded("Pipeline", [&]() -> std::string {
    const Pipeline& pipeline = SharedPipeline();
    ProcessedDocument doc = pipeline.Process(MakeDocument("fuzz.txt", bytes, {}));
    if (!doc.failed) {
      if (doc.records.empty() || doc.records.front().type != "document") {
        return "the first record is not the document record";
      }
    }
    DocumentOutput out = ToOutput(doc);
    if (Status s = CheckSpans(out); !s.ok()) return s.ToString();
    std::ostringstream os;
    std::unique_ptr<Sink> sink = OpenJsonlSink(&os);
    if (Status s = sink->Write(out); !s.ok()) return "JSONL sink: " + s.ToString();
    if (Status s = sink->Finish(); !s.ok()) return "JSONL sink: " + s.ToString();
    const std::string jsonl = os.str();
    size_t lines = 0;
    for (char c : jsonl) lines += c == '\n';
    if (lines != doc.records.size() + doc.diagnostics.size()) {
      return "JSONL has " + std::to_string(lines) + " lines for " +
             std::to_string(doc.records.size() + doc.diagnostics.size()) + " records";
    }
    return "";
  });
}

std::string CheckRuleFile(std::string_view bytes) {
  return Guarded("Rule loader", [&]() -> std::string {
    const std::string text(bytes);
    StatusOr<RuleBook> book = RuleBook::FromFiles({{"citation", "fuzz/citation.yaml", text}});
    if (book.ok()) {
      std::vector<Match> matches;
      for (const Rule* rule : book->AllRules()) {
        const RuleSet* set = book->Topic(rule->topic);
        if (set == nullptr) return "rule " + rule->id + " has no RuleSet for its topic";
        for (const RuleExample& ex : rule->examples) {
          set->FindAll(ex.text, false, &matches);
          set->FindRule(*rule, ex.text, false, &matches);
        }
        for (const RuleCounterExample& ex : rule->counter_examples) {
          set->FindAll(ex.text, false, &matches);
        }
      }
    } else if (book.status().ToString().empty()) {
      return "a refused rule file with an empty message";
    }
    StatusOr<SectionKinds> kinds = SectionKinds::Parse(bytes, "fuzz/kinds.yaml");
    if (kinds.ok()) {
      (void)kinds->KindOf("MỤC ĐÍCH, YÊU CẦU");
      (void)kinds->CheckExamples();
    }
    return "";
  });
}

CheckFn CheckFor(std::string_view target) {
  if (target == "decode") return &CheckDecode;
  if (target == "normalize") return &CheckNormalize;
  if (target == "segment") return &CheckSegment;
  if (target == "extract") return &CheckExtract;
  if (target == "rules") return &CheckRuleFile;
  return nullptr;
}

}  // namespace vnplan::fuzz
