#include <string>

#include <gtest/gtest.h>

#include "base/line_index.h"
#include "base/sha256.h"
#include "emit/emit.h"
#include "sample_document.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::SampleDocument;

std::string Line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The worked example of src/emit/emit.h, byte for byte.
TEST(RecordJson, HeaderExampleLine) {
  const std::string text =
      "KẾ HOẠCH\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n";
  const std::string id = Sha256Hex(text);
  ASSERT_EQ(id, "acdf438ff3043b5ea045d2389d086b784c779d918b48c37d698276f0045bcae2");
  // clang-format off
  Record r{"citation", {23, 71}, "citation.quyet_dinh", "can_cu",
           {{"doc_type", "Quyết định"}, {"number", "90/QĐ-TTg"}, {"type_code", "QĐ"},
            {"issuer_code", "TTg"}, {"num_year", nullptr}, {"date", "2022-01-18"},
            {"issuer", "Thủ tướng Chính phủ"}, {"title", nullptr}, {"role", "legal_basis"},
            {"repaired", false}}};
  DocumentOutput out;
  out.path = "kh.txt";
  out.id = id;
  out.text = text;
  EXPECT_EQ(Line(RecordToJson(r, out, 3)),
            R"({"type":"citation","doc":"acdf438ff3043b5ea045d2389d086b784c779d918b48c37d698276f0045bcae2",)"
            R"("seq":3,"span":{"start":23,"end":71},)"
            R"("text":"Quyết định số 90/QĐ-TTg ngày 18/01/2022","line":2,"section":"can_cu",)"
            R"("rule":"citation.quyet_dinh","doc_type":"Quyết định","number":"90/QĐ-TTg",)"
            R"("type_code":"QĐ","issuer_code":"TTg","num_year":null,"date":"2022-01-18",)"
            R"("issuer":"Thủ tướng Chính phủ","title":null,"role":"legal_basis","repaired":false})");
  // clang-format on
}

TEST(RecordJson, KeyOrderIsFixedAndMissingFieldsAreNull) {
  DocumentOutput out;
  out.id = "ab";
  out.text = "năm 2023";
  // Fields given out of contract order, one missing, one extra.
  Record r{"date", {0, 9}, "date.year", "", {{"kind", "event"}, {"iso", "2023"}, {"zeta", 1}}};
  EXPECT_EQ(Line(RecordToJson(r, out, 0)),
            R"({"type":"date","doc":"ab","seq":0,"span":{"start":0,"end":9},"text":"năm 2023",)"
            R"("line":1,"section":null,"rule":"date.year","iso":"2023","resolved":null,)"
            R"("kind":"event","zeta":1})");
}

TEST(RecordJson, FieldNamedLikeACommonKeyIsDropped) {
  DocumentOutput out;
  out.id = "ab";
  out.text = "abc";
  Record r{"report", {0, 3}, "r", "", {{"text", "forged"}, {"seq", 99}}};
  nlohmann::ordered_json j = RecordToJson(r, out, 1);
  EXPECT_EQ(j["text"], "abc");
  EXPECT_EQ(j["seq"], 1);
}

// Text and line from spans over multi-line Vietnamese text (multi-byte letters before the span).
TEST(RecordJson, TextAndLineFromSpans) {
  SampleDocument d = PlanSample();
  DocumentOutput out = d.View();
  LineIndex lines(out.text);
  struct Case {
    size_t seq;
    const char* text;
    int line;
  } const kCases[] = {
      {1, "I. MỤC TIÊU", 6},
      {2, "Quyết định số 90/QĐ-TTg ngày 18/01/2022", 5},
      {3, "giảm 5%", 7},
      {5, "1.500 triệu đồng", 8},
      {6, "Phòng Lao động - TB&XH chủ trì", 9},
      {7, "báo cáo trước ngày 10/6 hằng năm", 9},
  };
  for (const Case& c : kCases) {
    nlohmann::ordered_json j = RecordToJson(d.records[c.seq], out, c.seq, lines);
    EXPECT_EQ(j["text"], c.text) << c.seq;
    EXPECT_EQ(j["line"], c.line) << c.seq;
    EXPECT_EQ(j["span"]["end"].get<size_t>() - j["span"]["start"].get<size_t>(),
              std::string(c.text).size());
  }
}

TEST(RecordJson, RecordsNotFromTextHaveNoSpan) {
  SampleDocument d = PlanSample();
  DocumentOutput out = d.View();
  nlohmann::ordered_json doc = RecordToJson(d.records[0], out, 0);
  EXPECT_FALSE(doc.contains("span"));
  EXPECT_FALSE(doc.contains("text"));
  EXPECT_FALSE(doc.contains("line"));
  EXPECT_EQ(doc["section"], nullptr);
  EXPECT_EQ(doc["rule"], "segment.header");

  nlohmann::ordered_json diag = RecordToJson(DiagnosticRecord(d.diagnostics[0]), out, 9);
  EXPECT_EQ(Line(diag), R"({"type":"diagnostic","doc":")" + d.id +
                            R"(","seq":9,"section":null,"rule":null,"level":"warning",)"
                            R"("code":"ingest.invalid_bytes","message":"1 byte replaced",)"
                            R"("path":"plans/34-KH-UBND.txt","offset":17})");
}

TEST(RecordJson, DocumentFactsFillTheDocumentRecord) {
  DocumentOutput out;
  out.path = "a.txt";
  out.id = "ab";
  out.bytes = 42;
  out.encoding = "tcvn3";
  out.confidence = 0.75;
  out.format = "plain";
  Record r{"document", {}, "segment.header", "", {{"doc_type", "Kế hoạch"}}};
  nlohmann::ordered_json j = RecordToJson(r, out, 0);
  EXPECT_EQ(j["path"], "a.txt");
  EXPECT_EQ(j["bytes"], 42);
  EXPECT_EQ(j["encoding"], "tcvn3");
  EXPECT_EQ(j["confidence"], 0.75);
  EXPECT_EQ(j["format"], "plain");
  EXPECT_EQ(j["doc_type"], "Kế hoạch");
  EXPECT_EQ(j["number"], nullptr);
}

TEST(RecordJson, UnreadableInputHasNullDoc) {
  DocumentOutput out;
  out.path = "missing.txt";
  Record r =
      DiagnosticRecord(Diagnostic::Error("ingest.unreadable", "no such file", "missing.txt"));
  EXPECT_EQ(RecordToJson(r, out, 0)["doc"], nullptr);
}

TEST(CheckSpans, AcceptsCharacterRangesAndRefusesOthers) {
  const std::string text = "Số: 34";  // "ố" is bytes 1..3
  Records records(1);
  DocumentOutput out;
  out.path = "a.txt";
  out.text = text;
  out.records = records;
  struct Case {
    Span span;
    bool ok;
  } const kCases[] = {
      {{0, 0}, true},  {{0, 4}, true},  {{4, 8}, true},  {{8, 8}, true},
      {{0, 2}, false}, {{2, 4}, false}, {{5, 9}, false}, {{4, 3}, false},
  };
  for (const Case& c : kCases) {
    records[0] = Record{"amount", c.span, "r", "", {}};
    Status s = CheckSpans(out);
    EXPECT_EQ(s.ok(), c.ok) << c.span.start << "," << c.span.end << " " << s.ToString();
    if (!s.ok()) {
      EXPECT_NE(s.message().find("a.txt"), std::string::npos);
    }
  }
}

TEST(ClearBadSpans, KeepsEveryRecordInPlaceAndNamesTheOnesItCleared) {
  const std::string text = "Số: 34";  // "ố" is bytes 1..3
  Records records = {Record{"document", {0, 0}, "doc", "", {}},
                     Record{"amount", {2, 4}, "amount.bad", "", {{"value", 34}}},
                     Record{"quantity", {4, 8}, "quantity.ok", "", {}},
                     Record{"date", {5, 99}, "date.bad", "", {}}};
  Diagnostics diagnostics;
  EXPECT_EQ(ClearBadSpans(text, "a.txt", &records, &diagnostics), 2u);
  ASSERT_EQ(records.size(), 4u);  // seqs unchanged: findings that name them still point right
  EXPECT_EQ(records[1].rule, "amount.bad");
  EXPECT_EQ(records[1].fields["value"], 34);
  EXPECT_TRUE(records[1].span.start == 0 && records[1].span.end == 0);
  EXPECT_TRUE(records[2].span.start == 4 && records[2].span.end == 8);
  EXPECT_TRUE(records[3].span.start == 0 && records[3].span.end == 0);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].code, "emit.bad_span");
  EXPECT_EQ(diagnostics[0].level, Diagnostic::Level::kError);
  EXPECT_EQ(diagnostics[0].path, "a.txt");
  EXPECT_NE(diagnostics[0].message.find("record 1 (amount, rule amount.bad) has span [2, 4)"),
            std::string::npos)
      << diagnostics[0].message;
  EXPECT_NE(diagnostics[1].message.find("rule date.bad"), std::string::npos);

  DocumentOutput out;
  out.path = "a.txt";
  out.text = text;
  out.records = records;
  EXPECT_TRUE(CheckSpans(out).ok());
  EXPECT_EQ(ClearBadSpans(text, "a.txt", &records, &diagnostics), 0u);  // nothing left to clear
}

}  // namespace
}  // namespace vnplan
