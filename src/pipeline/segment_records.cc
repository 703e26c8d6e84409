#include "pipeline/segment_records.h"

#include <nlohmann/json.hpp>

namespace vnplan {

namespace {

nlohmann::json OrNull(const HeaderField& f) {
  return f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr);
}

}  // namespace

Record DocumentRecord(const Document& doc, const NormalizedText& norm, const Segmented& seg) {
  const Header& h = seg.header;
  nlohmann::json recipients = nlohmann::json::array();
  for (const HeaderField& r : h.recipients) {
    if (r.value) recipients.push_back(*r.value);
  }
  Record r;
  r.type = "document";
  r.rule = "segment.header";
  r.fields = {
      {"path", doc.path},
      {"bytes", doc.bytes},
      {"encoding", EncodingName(doc.encoding)},
      {"confidence", doc.confidence},
      {"format", norm.format},
      {"doc_type", OrNull(h.doc_type)},
      {"number", OrNull(h.number)},
      {"issuer", OrNull(h.issuer)},
      {"issuer_parent", OrNull(h.issuer_parent)},
      {"place", OrNull(h.place)},
      {"date", OrNull(h.date)},
      {"year", h.year ? nlohmann::json(*h.year) : nlohmann::json(nullptr)},
      {"title", OrNull(h.title)},
      {"signer", OrNull(h.signer)},
      {"signer_title", OrNull(h.signer_title)},
      {"sign_mode", OrNull(h.sign_mode)},
      {"recipients", std::move(recipients)},
  };
  return r;
}

void AppendSectionRecords(const Segmented& seg, const NormalizedText& norm, Records* out) {
  for (const Section& s : seg.sections) {
    Record r;
    r.type = "section";
    r.span = norm.map.MapSpan(s.heading_span);
    r.rule = "segment." + (s.label.empty() ? std::string("lead_in") : std::string("numbered"));
    r.section = s.id;
    const Span extent = norm.map.MapSpan(s.extent);
    // Assigned key by key: a braced list builds every pair as a two-element array first and
    // costs about three times as much for these, the commonest records.
    nlohmann::json& f = r.fields;
    f["id"] = s.id;
    f["parent"] = s.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.parent);
    f["level"] = s.level;
    f["label"] = s.label;
    f["heading"] = s.heading;
    f["kind"] = s.kind;
    f["project"] = s.project ? nlohmann::json(*s.project) : nlohmann::json(nullptr);
    f["applies"] = s.applies ? nlohmann::json(*s.applies) : nlohmann::json(nullptr);
    nlohmann::json& e = f["extent"];
    e["start"] = extent.start;
    e["end"] = extent.end;
    out->push_back(std::move(r));
  }
}

}  // namespace vnplan
