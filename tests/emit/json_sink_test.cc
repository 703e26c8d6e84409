#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emit/emit.h"
#include "sample_document.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::SampleDocument;
using OJson = nlohmann::ordered_json;

TEST(JsonSink, RecordsGroupedByTypePerDocument) {
  SampleDocument a = PlanSample("a.txt", 1);
  SampleDocument b = PlanSample("b.txt", 2);
  b.records.push_back({"target", b.SpanOf("5%"), "target.percent", "I.1", {{"value", 5}}});
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonSink(&out);
  ASSERT_TRUE(sink->Write(a.View()).ok());
  ASSERT_TRUE(sink->Write(b.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());

  OJson all = OJson::parse(out.str());
  ASSERT_TRUE(all.is_array());
  ASSERT_EQ(all.size(), 2u);
  std::vector<std::string> keys;
  for (auto it = all[1].begin(); it != all[1].end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"doc", "path", "document", "section", "citation",
                                            "amount", "quantity", "date", "responsibility",
                                            "report", "finding", "diagnostic", "target"}));
  EXPECT_EQ(all[0]["doc"], a.id);
  EXPECT_EQ(all[0]["path"], "a.txt");
  EXPECT_EQ(all[0]["document"], RecordToJson(a.records[0], a.View(), 0));
  EXPECT_EQ(all[0]["citation"].size(), 1u);
  EXPECT_EQ(all[0]["citation"][0], RecordToJson(a.records[2], a.View(), 2));
  EXPECT_EQ(all[0]["diagnostic"][0]["seq"], 9);
  EXPECT_FALSE(all[0].contains("target"));
  EXPECT_EQ(all[1]["target"][0]["seq"], 9);
  EXPECT_EQ(all[1]["diagnostic"][0]["seq"], 10);
}

TEST(JsonSink, StreamsEachDocumentAsItComes) {
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonSink(&out);
  ASSERT_TRUE(sink->Write(PlanSample().View()).ok());
  const size_t after_one = out.str().size();
  EXPECT_GT(after_one, 100u);
  EXPECT_EQ(out.str().substr(0, 3), "[\n{");
  ASSERT_TRUE(sink->Finish().ok());
  EXPECT_EQ(out.str().substr(after_one), "\n]\n");
}

TEST(JsonSink, NoDocumentsIsAnEmptyArray) {
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonSink(&out);
  ASSERT_TRUE(sink->Finish().ok());
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(JsonSink, UnreadableInputHasNullDocument) {
  Diagnostics diags = {Diagnostic::Error("ingest.unreadable", "no such file", "gone.txt")};
  DocumentOutput d;
  d.path = "gone.txt";
  d.diagnostics = diags;
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonSink(&out);
  ASSERT_TRUE(sink->Write(d).ok());
  ASSERT_TRUE(sink->Finish().ok());
  OJson all = OJson::parse(out.str());
  EXPECT_EQ(all[0]["doc"], nullptr);
  EXPECT_EQ(all[0]["document"], nullptr);
  EXPECT_EQ(all[0]["diagnostic"][0]["code"], "ingest.unreadable");
}

}  // namespace
}  // namespace vnplan
