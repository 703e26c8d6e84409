#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

#include "base/utf8.h"
#include "emit/emit.h"
#include "emit/output_records.h"
#include "emit/record_types.h"

namespace vnplan {

namespace {

using emit_internal::FieldSpec;
using emit_internal::FindRecordType;
using emit_internal::RecordType;
using OJson = nlohmann::ordered_json;

bool IsCommonKey(std::string_view key) {
  static constexpr std::string_view kCommon[] = {"type", "doc",  "seq",     "span",
                                                 "text", "line", "section", "rule"};
  return std::find(std::begin(kCommon), std::end(kCommon), key) != std::end(kCommon);
}

// LineIndex hands the text to memchr, which must not see a null pointer even for zero bytes; an
// unreadable input's text is an empty view with no data.
std::string_view NonNull(std::string_view text) {
  return text.data() ? text : std::string_view("");
}

bool IsContinuationByte(std::string_view text, size_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
}

}  // namespace

namespace {

// The values VisitLine hands to `put` besides the records' own JSON: written straight to text by
// AppendLine, turned into OJson by RecordToJson.
struct Null {};
struct SpanValue {
  size_t start = 0;
  size_t end = 0;
};

OJson ToOJson(const OJson& v) { return v; }
OJson ToOJson(const nlohmann::json& v) { return OJson(v); }
OJson ToOJson(std::string_view v) { return OJson(std::string(v)); }
OJson ToOJson(size_t v) { return OJson(v); }
OJson ToOJson(int v) { return OJson(v); }
OJson ToOJson(Null) { return OJson(nullptr); }
OJson ToOJson(SpanValue v) { return OJson({{"start", v.start}, {"end", v.end}}); }

template <typename Put>
void PutOrNull(Put& put, std::string_view key, std::string_view value) {
  if (value.empty()) {
    put(key, Null{});
  } else {
    put(key, value);
  }
}

// The document record's file facts, for a record built without them.
template <typename Put>
void PutDocumentFact(Put& put, std::string_view name, const DocumentOutput& doc) {
  if (name == "path") {
    put(name, std::string_view(doc.path));
  } else if (name == "bytes") {
    put(name, OJson(doc.bytes));
  } else if (name == "encoding") {
    PutOrNull(put, name, doc.encoding);
  } else if (name == "confidence") {
    put(name, OJson(doc.confidence));
  } else if (name == "format") {
    PutOrNull(put, name, doc.format);
  } else {
    put(name, Null{});
  }
}

// Calls put(key, value) for every key of the contract line of `record`, in the order of the
// contract (see emit.h); value is a std::string_view, size_t, int, Null or SpanValue for the
// common keys, an OJson for the numbers among the document facts, the record's own
// `const nlohmann::json&` for its fields. RecordToJson builds an object from the calls,
// OutputRecords::AppendLine writes them as text: one place decides keys and order.
template <typename Put>
void VisitLine(const Record& record, const DocumentOutput& doc, size_t seq, const LineIndex& lines,
               Put put) {
  put("type", std::string_view(record.type));
  PutOrNull(put, "doc", doc.id);
  put("seq", seq);
  if (!record.span.empty()) {
    // CheckSpans refuses spans outside the text before any sink gets here; clamping only keeps
    // a direct caller's mistake from reading out of bounds.
    const size_t start = std::min(record.span.start, doc.text.size());
    const size_t end = std::min(record.span.end, doc.text.size());
    put("span", SpanValue{record.span.start, record.span.end});
    put("text", doc.text.substr(start, end - start));
    put("line", lines.LineOf(start));
  }
  PutOrNull(put, "section", record.section);
  PutOrNull(put, "rule", record.rule);
  const nlohmann::json& fields = record.fields;
  const bool is_object = fields.is_object();
  const RecordType* type = FindRecordType(record.type);
  const auto in_contract = [&](std::string_view key) {
    if (type == nullptr) return false;
    for (const FieldSpec& f : type->fields) {
      if (f.name == key) return true;
    }
    return false;
  };
  size_t in_contract_found = 0;  // fields of the record that the contract's keys took
  if (type != nullptr) {
    const bool is_document = record.type == "document";
    for (const FieldSpec& f : type->fields) {
      auto it = is_object ? fields.find(f.name) : fields.end();
      if (it != fields.end()) {
        ++in_contract_found;
        put(f.name, *it);
      } else if (is_document) {
        PutDocumentFact(put, f.name, doc);
      } else {
        put(f.name, Null{});
      }
    }
  }
  // Keys beyond the contract's, when the record has any (most have none).
  if (is_object && fields.size() > in_contract_found) {
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      if (IsCommonKey(it.key()) || in_contract(it.key())) continue;
      put(it.key(), it.value());
    }
  }
}

}  // namespace

OJson RecordToJson(const Record& record, const DocumentOutput& doc, size_t seq,
                   const LineIndex& lines) {
  OJson j;
  VisitLine(record, doc, seq, lines, [&j](std::string_view key, const auto& value) {
    j[std::string(key)] = ToOJson(value);
  });
  return j;
}

OJson RecordToJson(const Record& record, const DocumentOutput& doc, size_t seq) {
  return RecordToJson(record, doc, seq, LineIndex(NonNull(doc.text)));
}

Record DiagnosticRecord(const Diagnostic& d) {
  Record r;
  r.type = "diagnostic";
  r.fields = {
      {"level", LevelName(d.level)},
      {"code", d.code},
      {"message", d.message},
      {"path", d.path},
      {"offset", d.offset ? nlohmann::json(*d.offset) : nlohmann::json(nullptr)},
  };
  return r;
}

namespace {

bool IsCharacterRange(const Span& s, std::string_view text) {
  if (s.start == 0 && s.end == 0) return true;  // no span
  return s.start <= s.end && s.end <= text.size() && !IsContinuationByte(text, s.start) &&
         !IsContinuationByte(text, s.end);
}

std::string BadSpanMessage(const Record& r, size_t seq, size_t text_size) {
  return "record " + std::to_string(seq) + " (" + r.type + ", rule " + r.rule + ") has span [" +
         std::to_string(r.span.start) + ", " + std::to_string(r.span.end) +
         ") that is not a character range of the " + std::to_string(text_size) + "-byte text";
}

}  // namespace

Status CheckSpans(const DocumentOutput& doc) {
  for (size_t seq = 0; seq < doc.records.size(); ++seq) {
    if (!IsCharacterRange(doc.records[seq].span, doc.text)) {
      return Status::InvalidArgument(std::string(doc.path),
                                     BadSpanMessage(doc.records[seq], seq, doc.text.size()));
    }
  }
  return Status::OK();
}

size_t ClearBadSpans(std::string_view text, std::string_view path, Records* records,
                     Diagnostics* diagnostics) {
  size_t cleared = 0;
  for (size_t seq = 0; seq < records->size(); ++seq) {
    Record& r = (*records)[seq];
    if (IsCharacterRange(r.span, text)) continue;
    diagnostics->push_back(Diagnostic::Error(
        "emit.bad_span",
        BadSpanMessage(r, seq, text.size()) +
            "; written without a span (a vnplan bug: please report it with the input)",
        path));
    r.span = Span{0, 0};
    ++cleared;
  }
  return cleared;
}

namespace emit_internal {

OutputRecords::OutputRecords(const DocumentOutput& doc) : doc_(doc), lines_(NonNull(doc.text)) {
  diagnostics_.reserve(doc.diagnostics.size());
  for (const Diagnostic& d : doc.diagnostics) diagnostics_.push_back(DiagnosticRecord(d));
}

OJson OutputRecords::Json(size_t seq) const { return RecordToJson(at(seq), doc_, seq, lines_); }

namespace {

// The escapes JSON writes as two characters; other control bytes become \u00XX.
struct ShortEscape {
  unsigned char byte;
  std::string_view text;
};
constexpr ShortEscape kShortEscapes[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\b', "\\b"},
                                         {'\f', "\\f"}, {'\n', "\\n"},  {'\r', "\\r"},
                                         {'\t', "\\t"}};

// What AppendString does with a byte: copy it, escape it, or check the UTF-8 sequence it starts.
enum ByteAction : uint8_t { kCopy, kEscape, kMultiByte };
constexpr std::array<ByteAction, 256> kByteAction = [] {
  std::array<ByteAction, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c >= 0x80 ? kMultiByte : c < 0x20 || c == '"' || c == '\\' ? kEscape : kCopy;
  }
  return t;
}();

// Where the first byte of `s` is that AppendString cannot copy as it is (a quote, a backslash, a
// control character, or a byte of a sequence that is not UTF-8), or s.size().
size_t PlainPrefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    const ByteAction action = kByteAction[c];
    if (action == kCopy) {
      ++i;
      continue;
    }
    if (action == kEscape) return i;
    // Vietnamese letters need only their continuation bytes checked; the rest is DecodeUtf8's.
    if (const size_t letter = VietnameseLetterLength(p + i, n - i)) {
      i += letter;
      continue;
    }
    char32_t cp;
    const size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

// Appends `s` as a JSON string the way Dump writes it: quotes, backslash and control
// characters escaped (\n, \u001f), UTF-8 kept. A string that is not valid UTF-8 goes through
// nlohmann's serializer, which replaces the bad bytes with U+FFFD.
void AppendString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t i = PlainPrefix(s);
  const size_t mark = out->size();
  // Most strings need nothing escaped: quotes and bytes in one step.
  out->resize(mark + i + 1);
  char* w = out->data() + mark;
  w[0] = '"';
  std::memcpy(w + 1, s.data(), i);
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (kByteAction[c] != kEscape) {
      const size_t plain = i + PlainPrefix(s.substr(i));
      if (plain == i) {  // not UTF-8
        out->resize(mark);
        out->append(OJson(std::string(s)).dump(-1, ' ', false, OJson::error_handler_t::replace));
        return;
      }
      out->append(s.substr(i, plain - i));
      i = plain;
      continue;
    }
    const auto* e = std::find_if(std::begin(kShortEscapes), std::end(kShortEscapes),
                                 [c](const ShortEscape& x) { return x.byte == c; });
    if (e != std::end(kShortEscapes)) {
      out->append(e->text);
    } else {
      const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(esc, sizeof esc);
    }
    ++i;
  }
  out->push_back('"');
}

// Appends `sep` and `"key":`, in one step when the key needs no escaping (every key of the
// contract).
void AppendKey(char sep, std::string_view key, std::string* out) {
  constexpr size_t kShortKey = 48;
  const bool plain = key.size() <= kShortKey && std::all_of(key.begin(), key.end(), [](char c) {
                       return kByteAction[static_cast<unsigned char>(c)] == kCopy;
                     });
  if (!plain) {
    out->push_back(sep);
    AppendString(key, out);
    out->push_back(':');
    return;
  }
  char buf[kShortKey + 4];
  buf[0] = sep;
  buf[1] = '"';
  std::memcpy(buf + 2, key.data(), key.size());
  buf[key.size() + 2] = '"';
  buf[key.size() + 3] = ':';
  out->append(buf, key.size() + 4);
}

void AppendNumber(uint64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

void AppendSigned(int64_t v, std::string* out) {
  if (v < 0) out->push_back('-');
  AppendNumber(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v), out);
}

// Appends the compact text of one value as Dump does (UTF-8 kept, bad bytes replaced). Strings,
// integers, nulls and containers of them, most of a line, are written without a serializer.
template <typename J>
requires std::is_same_v<J, nlohmann::json> || std::is_same_v<J, OJson>
void AppendValue(const J& value, std::string* out) {
  switch (value.type()) {
    case J::value_t::null: out->append("null"); return;
    case J::value_t::boolean: out->append(value.template get<bool>() ? "true" : "false"); return;
    case J::value_t::number_unsigned: AppendNumber(value.template get<uint64_t>(), out); return;
    case J::value_t::number_integer: AppendSigned(value.template get<int64_t>(), out); return;
    case J::value_t::string:
      AppendString(value.template get_ref<const std::string&>(), out);
      return;
    case J::value_t::array: {
      char sep = '[';
      for (const J& e : value) {
        out->push_back(sep);
        sep = ',';
        AppendValue(e, out);
      }
      out->append(sep == '[' ? "[]" : "]");
      return;
    }
    case J::value_t::object: {
      char sep = '{';
      for (auto it = value.begin(); it != value.end(); ++it) {
        out->push_back(sep);
        sep = ',';
        AppendString(it.key(), out);
        out->push_back(':');
        AppendValue(it.value(), out);
      }
      out->append(sep == '{' ? "{}" : "}");
      return;
    }
    default: out->append(value.dump(-1, ' ', false, J::error_handler_t::replace));
  }
}

void AppendValue(std::string_view v, std::string* out) { AppendString(v, out); }
void AppendValue(size_t v, std::string* out) { AppendNumber(v, out); }
void AppendValue(int v, std::string* out) { AppendSigned(v, out); }
void AppendValue(Null, std::string* out) { out->append("null"); }
void AppendValue(SpanValue v, std::string* out) {
  out->append("{\"start\":");
  AppendNumber(v.start, out);
  out->append(",\"end\":");
  AppendNumber(v.end, out);
  out->push_back('}');
}

}  // namespace

// The same bytes as Dump(Json(seq)), written without building the object.
void OutputRecords::AppendLine(size_t seq, std::string* out) const {
  char sep = '{';
  VisitLine(at(seq), doc_, seq, lines_, [&](std::string_view key, const auto& value) {
    AppendKey(sep, key, out);
    sep = ',';
    AppendValue(value, out);
  });
  out->append("}\n");
}

std::string Dump(const OJson& j) { return j.dump(-1, ' ', false, OJson::error_handler_t::replace); }

const OJson* ColumnValue(const OJson& line, const Column& c) {
  auto it = line.find(c.key);
  if (it == line.end()) return nullptr;
  if (c.sub_key.empty()) return &*it;
  if (!it->is_object()) return nullptr;
  auto sub = it->find(c.sub_key);
  return sub == it->end() ? nullptr : &*sub;
}

}  // namespace emit_internal

}  // namespace vnplan
