#include <algorithm>
#include <string>

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

OJson OrNull(std::string_view s) { return s.empty() ? OJson(nullptr) : OJson(std::string(s)); }

// The document record's file facts, for a record built without them.
OJson DocumentFact(std::string_view name, const DocumentOutput& doc) {
  if (name == "path") return std::string(doc.path);
  if (name == "bytes") return doc.bytes;
  if (name == "encoding") return OrNull(doc.encoding);
  if (name == "confidence") return doc.confidence;
  if (name == "format") return OrNull(doc.format);
  return nullptr;
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

// Calls put(key, value) for every key of the contract line of `record`, in the order of the
// contract (see emit.h); value is an OJson for the common keys and the document facts, the
// record's own `const nlohmann::json&` for its fields. RecordToJson builds an object from the
// calls, OutputRecords::AppendLine writes them as text: one place decides keys and order.
template <typename Put>
void VisitLine(const Record& record, const DocumentOutput& doc, size_t seq,
               const LineIndex& lines, Put put) {
  put("type", OJson(record.type));
  put("doc", OrNull(doc.id));
  put("seq", OJson(seq));
  if (!record.span.empty()) {
    // CheckSpans refuses spans outside the text before any sink gets here; clamping only keeps
    // a direct caller's mistake from reading out of bounds.
    const size_t start = std::min(record.span.start, doc.text.size());
    const size_t end = std::min(record.span.end, doc.text.size());
    put("span", OJson({{"start", record.span.start}, {"end", record.span.end}}));
    put("text", OJson(std::string(doc.text.substr(start, end - start))));
    put("line", OJson(lines.LineOf(start)));
  }
  put("section", OrNull(record.section));
  put("rule", OrNull(record.rule));
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
  if (type != nullptr) {
    const bool is_document = record.type == "document";
    for (const FieldSpec& f : type->fields) {
      auto it = is_object ? fields.find(std::string(f.name)) : fields.end();
      if (it != fields.end()) {
        put(f.name, *it);
      } else {
        put(f.name, is_document ? DocumentFact(f.name, doc) : OJson(nullptr));
      }
    }
  }
  if (is_object) {
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
  VisitLine(record, doc, seq, lines,
            [&j](std::string_view key, const auto& value) { j[std::string(key)] = OJson(value); });
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
         ") that is not a character range of the " + std::to_string(text_size) +
         "-byte text";
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

// Appends the compact text of one JSON value as Dump does (UTF-8 kept, bad bytes replaced).
// Nulls and integers, most of a line's values, are written without a serializer.
template <typename J>
void AppendValue(const J& value, std::string* out) {
  if (value.is_null()) {
    out->append("null");
  } else if (value.is_number_unsigned()) {
    out->append(std::to_string(value.template get<uint64_t>()));
  } else if (value.is_number_integer()) {
    out->append(std::to_string(value.template get<int64_t>()));
  } else {
    out->append(value.dump(-1, ' ', false, J::error_handler_t::replace));
  }
}

// A key that JSON needs no escape for: written as it is.
bool PlainKey(std::string_view key) {
  for (char c : key) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
        static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

// The same bytes as Dump(Json(seq)), written without building the object.
void OutputRecords::AppendLine(size_t seq, std::string* out) const {
  char sep = '{';
  VisitLine(at(seq), doc_, seq, lines_, [&](std::string_view key, const auto& value) {
    out->push_back(sep);
    sep = ',';
    if (PlainKey(key)) {
      out->push_back('"');
      out->append(key);
      out->push_back('"');
    } else {
      AppendValue(OJson(std::string(key)), out);
    }
    out->push_back(':');
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
