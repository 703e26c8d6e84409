// A hand-built document for the emit tests: a short plan with one record of every contract type,
// spans found in the text (so they are real source spans), and a diagnostic.
#ifndef VNPLAN_TESTS_EMIT_SAMPLE_DOCUMENT_H_
#define VNPLAN_TESTS_EMIT_SAMPLE_DOCUMENT_H_

#include <cassert>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "base/record.h"
#include "base/sha256.h"
#include "emit/emit.h"

namespace vnplan::testing {

struct SampleDocument {
  std::string path;
  std::string id;
  std::string text;
  Records records;
  Diagnostics diagnostics;

  DocumentOutput View() const {
    DocumentOutput out;
    out.path = path;
    out.id = id;
    out.bytes = text.size();
    out.encoding = "utf-8";
    out.confidence = 1.0;
    out.format = "plain";
    out.text = text;
    out.records = records;
    out.diagnostics = diagnostics;
    return out;
  }

  // The span of the first occurrence of `needle` in the text.
  Span SpanOf(std::string_view needle) const {
    size_t at = text.find(needle);
    assert(at != std::string::npos);
    return {at, at + needle.size()};
  }

  // Appends a record whose span is the first occurrence of `needle`.
  void Add(std::string type, std::string_view needle, std::string rule, std::string section,
           nlohmann::json fields) {
    records.push_back(
        {std::move(type), SpanOf(needle), std::move(rule), std::move(section), std::move(fields)});
  }
};

inline constexpr std::string_view kPlanText =
    "ỦY BAN NHÂN DÂN\n"
    "HUYỆN SÔNG MÃ\n"
    "Số: 34/KH-UBND\n"
    "KẾ HOẠCH\n"
    "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n"
    "I. MỤC TIÊU\n"
    "1. Tỷ lệ hộ nghèo giảm 5% so với năm 2023.\n"
    "2. Kinh phí 1.500 triệu đồng, ngân sách trung ương, cho \"Dự án 2\".\n"
    "3. Phòng Lao động - TB&XH chủ trì; báo cáo trước ngày 10/6 hằng năm.\n";

// A plan with one record of each contract type; `path` labels it. Different paths give
// different texts (and so different ids) when `variant` differs.
inline SampleDocument PlanSample(std::string path = "plans/34-KH-UBND.txt", int variant = 0) {
  // clang-format off
  SampleDocument d;
  d.path = std::move(path);
  d.text = std::string(kPlanText) + (variant == 0 ? "" : "Bản " + std::to_string(variant) + "\n");
  d.id = Sha256Hex(d.text);
  d.records.push_back({"document", {}, "segment.header", "",
                       {{"path", d.path}, {"bytes", d.text.size()}, {"encoding", "utf-8"},
                        {"confidence", 1.0}, {"format", "plain"}, {"doc_type", "Kế hoạch"},
                        {"number", "34/KH-UBND"}, {"issuer", "Ủy ban nhân dân huyện Sông Mã"},
                        {"issuer_parent", nullptr}, {"place", nullptr}, {"date", nullptr},
                        {"year", 2024}, {"title", nullptr}, {"signer", nullptr},
                        {"signer_title", nullptr}, {"sign_mode", nullptr},
                        {"recipients", nlohmann::json::array()}}});
  d.Add("section", "I. MỤC TIÊU", "segment.numbered", "I",
        {{"id", "I"}, {"parent", nullptr}, {"level", 1}, {"label", "I"}, {"heading", "MỤC TIÊU"},
         {"kind", "muc_tieu"}, {"project", nullptr}, {"applies", nullptr},
         {"extent",
          {{"start", d.SpanOf("I. MỤC TIÊU").start}, {"end", d.text.size()}}}});
  d.Add("citation", "Quyết định số 90/QĐ-TTg ngày 18/01/2022", "citation.quyet_dinh", "can_cu",
        {{"doc_type", "Quyết định"}, {"number", "90/QĐ-TTg"}, {"type_code", "QĐ"},
         {"issuer_code", "TTg"}, {"num_year", nullptr}, {"date", "2022-01-18"},
         {"issuer", "Thủ tướng Chính phủ"}, {"title", nullptr}, {"role", "legal_basis"},
         {"repaired", false}});
  d.Add("quantity", "giảm 5%", "quantity.percent", "I.1",
        {{"value", 5.0}, {"value_to", nullptr}, {"unit", "%"}, {"comparator", "="},
         {"per", nullptr}, {"subject", "tỷ lệ hộ nghèo"}});
  d.Add("date", "năm 2023", "date.year", "I.1",
        {{"iso", "2023"}, {"resolved", nullptr}, {"kind", "event"}});
  d.Add("amount", "1.500 triệu đồng", "amount.trieu", "I.2",
        {{"value_vnd", 1500000000}, {"scale", "triệu"}, {"fund", "ngân sách trung ương"},
         {"project", "du_an_2"}, {"year", nullptr}, {"per", nullptr}});
  d.Add("responsibility", "Phòng Lao động - TB&XH chủ trì", "responsibility.chu_tri", "I.3",
        {{"agency", "Phòng Lao động - TB&XH"}, {"role", "chu_tri"},
         {"projects", {"du_an_2"}}, {"tasks", {"báo cáo"}},
         {"agency_text", "Phòng Lao động - TB&XH"}});
  d.Add("report", "báo cáo trước ngày 10/6 hằng năm", "report.deadline", "I.3",
        {{"reporter", "Phòng Lao động - TB&XH"}, {"recipient", nullptr}, {"due", "--06-10"},
         {"what", "báo cáo hằng năm"}});
  d.Add("finding", "Quyết định số 90/QĐ-TTg", "audit.citation_year", "can_cu",
        {{"code", "citation.year_missing"}, {"severity", "warning"},
         {"message", "the number has no year"}, {"records", {2}}});
  // clang-format on
  Diagnostic diag = Diagnostic::Warning("ingest.invalid_bytes", "1 byte replaced", d.path);
  diag.offset = 17;
  d.diagnostics.push_back(diag);
  return d;
}

// What `sink` prepares for `first` and for `second`, each on a thread of its own (the second
// started first), as a batch's workers would.
struct PreparedPair {
  std::unique_ptr<PreparedOutput> first;
  std::unique_ptr<PreparedOutput> second;
};
inline PreparedPair PrepareOnTwoThreads(const Sink& sink, const SampleDocument& first,
                                        const SampleDocument& second) {
  PreparedPair out;
  std::thread t2([&] { out.second = sink.Prepare(second.View()); });
  std::thread t1([&] { out.first = sink.Prepare(first.View()); });
  t1.join();
  t2.join();
  return out;
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_EMIT_SAMPLE_DOCUMENT_H_
