#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emit/emit.h"
#include "sample_document.h"
#include "temp_dir.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::PrepareOnTwoThreads;
using testing::ReadFile;
using testing::SampleDocument;
using testing::TestDir;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(JsonlSink, OneLinePerRecordThenDiagnostics) {
  SampleDocument d = PlanSample();
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonlSink(&out);
  ASSERT_TRUE(sink->Write(d.View()).ok());
  ASSERT_TRUE(sink->Finish().ok());
  std::vector<std::string> lines = SplitLines(out.str());
  ASSERT_EQ(lines.size(), d.records.size() + d.diagnostics.size());
  for (size_t seq = 0; seq < d.records.size(); ++seq) {
    EXPECT_EQ(lines[seq], RecordToJson(d.records[seq], d.View(), seq).dump()) << seq;
  }
  EXPECT_EQ(lines.back(), RecordToJson(DiagnosticRecord(d.diagnostics[0]), d.View(), 9).dump());
  EXPECT_EQ(out.str().back(), '\n');
}

TEST(JsonlSink, ByteStable) {
  SampleDocument d = PlanSample();
  std::ostringstream a, b;
  std::unique_ptr<Sink> sa = OpenJsonlSink(&a);
  std::unique_ptr<Sink> sb = OpenJsonlSink(&b);
  ASSERT_TRUE(sa->Write(d.View()).ok());
  ASSERT_TRUE(sb->Write(d.View()).ok());
  EXPECT_EQ(a.str(), b.str());
}

TEST(JsonlSink, FileAppearsOnlyOnFinish) {
  const auto dir = TestDir();
  const auto path = dir / "out.jsonl";
  StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE((*sink)->Write(PlanSample().View()).ok());
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(dir / "out.jsonl.tmp"));
  ASSERT_TRUE((*sink)->Finish().ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(dir / "out.jsonl.tmp"));
  EXPECT_EQ(SplitLines(ReadFile(path)).size(), 10u);
}

TEST(JsonlSink, AbandonedRunLeavesTheOldFile) {
  const auto dir = TestDir();
  const auto path = dir / "out.jsonl";
  std::ofstream(path) << "old\n";
  {
    StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string());
    ASSERT_TRUE(sink.ok());
    ASSERT_TRUE((*sink)->Write(PlanSample().View()).ok());
  }
  EXPECT_EQ(ReadFile(path), "old\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out.jsonl.tmp"));
}

// Two writers of one output (two vnplan runs given the same -o): the second is refused while the
// first writes, and neither the first's temporary file nor the old output is touched.
TEST(JsonlSink, SecondWriterOfTheSameOutputIsRefused) {
  const auto dir = TestDir();
  const auto path = dir / "out.jsonl";
  std::ofstream(path) << "old\n";
  StatusOr<std::unique_ptr<Sink>> first = OpenJsonlSink(path.string());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE((*first)->Write(PlanSample("a.txt", 1).View()).ok());

  StatusOr<std::unique_ptr<Sink>> second = OpenJsonlSink(path.string());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kIOError);
  EXPECT_NE(second.status().ToString().find((dir / "out.jsonl.tmp").string()), std::string::npos)
      << second.status().ToString();
  EXPECT_NE(second.status().ToString().find("another process is writing"), std::string::npos)
      << second.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(dir / "out.jsonl.tmp"));
  EXPECT_EQ(ReadFile(path), "old\n");

  ASSERT_TRUE((*first)->Finish().ok());
  EXPECT_EQ(SplitLines(ReadFile(path)).size(), 10u);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.jsonl.tmp"));
  // Once the first has finished, the output is free again.
  StatusOr<std::unique_ptr<Sink>> third = OpenJsonlSink(path.string());
  ASSERT_TRUE(third.ok()) << third.status().ToString();
}

// A run killed outright (SIGKILL, power cut) leaves "<path>.tmp" with part of its output and no
// process holding it: the next run takes it over and writes its own output, nothing of the old.
TEST(JsonlSink, TemporaryFileOfAKilledRunIsTakenOver) {
  const auto dir = TestDir();
  const auto path = dir / "out.jsonl";
  const std::string left_over(100'000, 'x');
  std::ofstream(dir / "out.jsonl.tmp") << left_over;
  StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE((*sink)->Write(PlanSample().View()).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  const std::string written = ReadFile(path);
  EXPECT_EQ(written.find('x' + std::string(99, 'x')), std::string::npos);
  EXPECT_EQ(SplitLines(written).size(), 10u);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.jsonl.tmp"));
}

TEST(JsonlSink, ResumeKeepsEarlierDocuments) {
  const auto path = TestDir() / "out.jsonl";
  SampleDocument a = PlanSample("a.txt", 1);
  SampleDocument b = PlanSample("b.txt", 2);
  {
    StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string());
    ASSERT_TRUE(sink.ok());
    ASSERT_TRUE((*sink)->Write(a.View()).ok());
    ASSERT_TRUE((*sink)->Finish().ok());
  }
  const std::string first = ReadFile(path);
  StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string(), {.resume = true});
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  EXPECT_TRUE((*sink)->HasDocument(a.id));
  EXPECT_FALSE((*sink)->HasDocument(b.id));
  ASSERT_TRUE((*sink)->Write(b.View()).ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  const std::string both = ReadFile(path);
  EXPECT_EQ(both.substr(0, first.size()), first);
  EXPECT_EQ(SplitLines(both).size(), 20u);
}

TEST(JsonlSink, ResumeRefusesAFileThatIsNotJsonLines) {
  const auto path = TestDir() / "out.jsonl";
  std::ofstream(path) << "{\"type\":\"document\"}\nnot json\n";
  StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink(path.string(), {.resume = true});
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), Status::Code::kCorruption);
  EXPECT_NE(sink.status().message().find("out.jsonl:2"), std::string::npos);
}

TEST(JsonlSink, UnwritablePathIsIOError) {
  StatusOr<std::unique_ptr<Sink>> sink = OpenJsonlSink("/nonexistent-dir/out.jsonl");
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), Status::Code::kIOError);
}

TEST(JsonlSink, BadSpanRefusedAndWriteAfterFinishRefused) {
  SampleDocument d = PlanSample();
  d.records[3].span = {1, 2};  // inside "Ủ"
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonlSink(&out);
  Status s = sink->Write(d.View());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(out.str().empty());
  ASSERT_TRUE(sink->Finish().ok());
  EXPECT_EQ(sink->Write(PlanSample().View()).code(), Status::Code::kInvalidArgument);
}

TEST(JsonlSink, PreparedOnOtherThreadsWritesTheSameBytesInOrder) {
  SampleDocument first = PlanSample();
  SampleDocument second = PlanSample();
  second.records.pop_back();  // a different document, so that order shows in the output
  std::ostringstream plain;
  std::unique_ptr<Sink> a = OpenJsonlSink(&plain);
  ASSERT_TRUE(a->Write(first.View()).ok());
  ASSERT_TRUE(a->Write(second.View()).ok());

  std::ostringstream prepared;
  std::unique_ptr<Sink> b = OpenJsonlSink(&prepared);
  auto [p1, p2] = PrepareOnTwoThreads(*b, first, second);
  ASSERT_NE(p1, nullptr);
  EXPECT_TRUE(prepared.str().empty());  // preparing writes nothing
  ASSERT_TRUE(b->WritePrepared(first.View(), std::move(p1)).ok());
  ASSERT_TRUE(b->WritePrepared(second.View(), std::move(p2)).ok());
  EXPECT_EQ(prepared.str(), plain.str());

  // No prepared output: WritePrepared does what Write does.
  std::ostringstream none;
  std::unique_ptr<Sink> c = OpenJsonlSink(&none);
  ASSERT_TRUE(c->WritePrepared(first.View(), nullptr).ok());
  ASSERT_TRUE(c->WritePrepared(second.View(), nullptr).ok());
  EXPECT_EQ(none.str(), plain.str());
}

TEST(JsonlSink, PreparedBadSpanIsRefusedWhenWritten) {
  SampleDocument d = PlanSample();
  d.records[3].span = {1, 2};  // inside "Ủ"
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonlSink(&out);
  std::unique_ptr<PreparedOutput> p = sink->Prepare(d.View());
  EXPECT_EQ(sink->WritePrepared(d.View(), std::move(p)).code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(out.str().empty());
}

// The sink writes each line without building the JSON object; the bytes must be those of
// RecordToJson(...).dump() for every kind of value a stage may put in a record.
TEST(JsonlSink, LinesAreRecordToJsonForAwkwardValues) {
  SampleDocument d = PlanSample();
  d.records.push_back({"document", {}, "", "", nlohmann::json::object()});  // facts from the doc
  d.Add("citation", "Quyết định số 90/QĐ-TTg", "", "",
        {{"number", "90/QĐ-TTg"},
         {"title", "a \"quoted\" \\ back\tslash\n and \x01 control"},
         {"zz_extra", {{"b", 1}, {"a", {1.5, -2, 1e300, 0.1, nullptr, true}}}},
         {"aa_extra", std::string("bad \xC3\x28 byte")},
         {"type", "dropped: common key"}});
  d.Add("amount", "1.500 triệu đồng", "amount.figure", "I", nlohmann::json(nullptr));
  d.Add("made_up_type", "Phòng Lao động", "x.y", "I.3", {{"k", "v"}, {"n", 18446744073709551615u}});
  d.Add("quantity", "5%", "quantity.percent", "I.1", {{"needs \"escaping\"", 1}, {"value", 5}});
  std::string controls;  // every byte JSON must escape, then DEL, which it must not
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  controls += "\x7F end";
  d.Add("date", "Quyết định số 90/QĐ-TTg", "date.x", "",
        {{"controls", controls},
         {"utf8", "Đồng ạ 😀 ∑"},
         {"surrogate", std::string("\xED\xA0\x80 half")},
         {"overlong", std::string("\xC0\xAF")},
         {"truncated", std::string("ends in \xE1\xBA")},
         {"nested",
          {{"khóa \"lạ\"", {nlohmann::json::object(), nlohmann::json::array()}},
           {"min", std::numeric_limits<int64_t>::min()},
           {"flags", {false, true}}}}});
  d.diagnostics.push_back(Diagnostic::Warning("x.code", "a message with \"quotes\"", "p"));
  std::ostringstream out;
  std::unique_ptr<Sink> sink = OpenJsonlSink(&out);
  ASSERT_TRUE(sink->Write(d.View()).ok());
  std::vector<std::string> lines = SplitLines(out.str());
  ASSERT_EQ(lines.size(), d.records.size() + d.diagnostics.size());
  const auto dump = [](const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  for (size_t seq = 0; seq < d.records.size(); ++seq) {
    EXPECT_EQ(lines[seq], dump(RecordToJson(d.records[seq], d.View(), seq))) << seq;
  }
  EXPECT_EQ(lines.back(),
            dump(RecordToJson(DiagnosticRecord(d.diagnostics.back()), d.View(), lines.size() - 1)));

  DocumentOutput unread = d.View();  // an unreadable input: no id, no text
  unread.id.clear();
  unread.text = {};
  Records none = {{"diagnostic", {}, "", "", {{"level", "error"}, {"code", "c"}}}};
  unread.records = none;
  std::ostringstream out2;
  std::unique_ptr<Sink> sink2 = OpenJsonlSink(&out2);
  ASSERT_TRUE(sink2->Write(unread).ok());
  EXPECT_EQ(SplitLines(out2.str())[0], dump(RecordToJson(none[0], unread, 0)));
}

}  // namespace
}  // namespace vnplan
