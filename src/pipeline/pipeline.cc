#include "pipeline/pipeline.h"

#include <algorithm>
#include <utility>

#include "pipeline/segment_records.h"

namespace vnplan {

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  StatusOr<RuleBook> rules =
      options.rules_dir.empty() ? RuleBook::Builtin() : RuleBook::LoadDir(options.rules_dir);
  if (!rules.ok()) return rules.status();
  p->rules_ = std::make_unique<RuleBook>(std::move(rules).value());
  StatusOr<SectionKinds> kinds = options.rules_dir.empty()
                                     ? SectionKinds::Builtin()
                                     : SectionKinds::LoadDir(options.rules_dir + "/sections");
  if (!kinds.ok()) return kinds.status();
  p->kinds_ = std::make_unique<SectionKinds>(std::move(kinds).value());
  StatusOr<Auditor> auditor = Auditor::Create(options.audit);
  if (!auditor.ok()) return auditor.status();
  p->auditor_ = std::make_unique<Auditor>(std::move(auditor).value());
  return p;
}

ProcessedDocument Pipeline::Process(Document doc) const {
  std::vector<Document> one;
  one.push_back(std::move(doc));
  return std::move(ProcessMany(std::move(one))[0]);
}

std::vector<ProcessedDocument> Pipeline::ProcessMany(std::vector<Document> docs) const {
  const size_t n = docs.size();
  std::vector<ProcessedDocument> outs(n);
  std::vector<NormalizedText> norms(n);
  std::vector<Segmented> segs(n);
  std::vector<ExtractContext> ctxs;  // of the documents not refused, `which`
  std::vector<Diagnostics*> diags;
  std::vector<size_t> which;
  for (size_t i = 0; i < n; ++i) {
    ProcessedDocument& out = outs[i];
    out.diagnostics = docs[i].diagnostics;
    if (docs[i].binary) {
      out.failed = true;
      continue;
    }
    norms[i] = Normalize(docs[i].text, options_.normalize);
    segs[i] = Segment(norms[i], *kinds_);
    ctxs.push_back(ExtractContext{norms[i], segs[i], std::nullopt});
    diags.push_back(&out.diagnostics);
    which.push_back(i);
  }
  std::vector<Records> founds = ExtractMany(*rules_, ctxs, diags, options_.extract);
  for (size_t k = 0; k < which.size(); ++k) {
    const size_t i = which[k];
    ProcessedDocument& out = outs[i];
    Document& doc = docs[i];
    NormalizedText& norm = norms[i];
    Segmented& seg = segs[i];
    Records& found = founds[k];
    for (Record& r : found) r.span = norm.map.MapSpan(r.span);
    // Records from text in source order; ties keep the extractors' order.
    std::stable_sort(found.begin(), found.end(),
                     [](const Record& a, const Record& b) { return a.span.start < b.span.start; });
    out.records.reserve(found.size() + seg.sections.size() + 1);
    out.records.push_back(DocumentRecord(doc, norm, seg));
    AppendSectionRecords(seg, norm, &out.records);
    for (Record& r : found) out.records.push_back(std::move(r));
    if (options_.run_audit) {
      Records findings = auditor_->CheckDocument(out.records, doc.text);
      for (Record& f : findings) out.records.push_back(std::move(f));
    }
    ClearBadSpans(doc.text, doc.path, &out.records, &out.diagnostics);
    out.format = std::move(norm.format);
  }
  for (size_t i = 0; i < n; ++i) outs[i].doc = std::move(docs[i]);
  return outs;
}

ProcessedDocument Pipeline::ProcessPath(const std::string& path) const {
  StatusOr<Document> doc = ReadDocument(path, options_.decode);
  if (!doc.ok()) {
    ProcessedDocument out;
    out.failed = true;
    out.doc.path = path;
    out.diagnostics.push_back(Diagnostic::Error("ingest.unreadable", doc.status().message(), path));
    return out;
  }
  return Process(std::move(doc).value());
}

}  // namespace vnplan
