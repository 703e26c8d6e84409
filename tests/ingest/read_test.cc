// ReadDocument and MakeDocument: files, stdin, errors, and a large single-line file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "base/sha256.h"
#include "ingest/ingest.h"
#include "test_util.h"

namespace vnplan {
namespace {

using testing_util::TempDir;
using testing_util::WriteFile;

TEST(ReadDocument, MissingFileNamesPathAndCause) {
  TempDir dir;
  const std::string path = dir / "khong_co.txt";
  StatusOr<Document> doc = ReadDocument(path, {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kIOError);
  EXPECT_NE(doc.status().message().find(path), std::string::npos);
  EXPECT_NE(doc.status().message().find("No such file or directory"), std::string::npos)
      << doc.status().message();
}

TEST(ReadDocument, DirectoryIsNotAFile) {
  TempDir dir;
  StatusOr<Document> doc = ReadDocument(dir.path(), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kIOError);
  EXPECT_NE(doc.status().message().find(dir.path()), std::string::npos);
  EXPECT_NE(doc.status().message().find("Is a directory"), std::string::npos)
      << doc.status().message();
}

TEST(ReadDocument, PathThroughAFileIsNotADirectory) {
  TempDir dir;
  WriteFile(dir / "a.txt", "x");
  StatusOr<Document> doc = ReadDocument(dir / "a.txt/b.txt", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("Not a directory"), std::string::npos)
      << doc.status().message();
}

TEST(ReadDocument, EmptyFile) {
  TempDir dir;
  WriteFile(dir / "empty.txt", "");
  StatusOr<Document> doc = ReadDocument(dir / "empty.txt", {});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->bytes, 0u);
  EXPECT_TRUE(doc->text.empty());
  EXPECT_FALSE(doc->binary);
  EXPECT_EQ(doc->encoding, Encoding::kUtf8);
  EXPECT_EQ(doc->id, Sha256Hex(""));
  EXPECT_TRUE(doc->diagnostics.empty());
}

TEST(ReadDocument, BinaryFileIsReadButRefused) {
  TempDir dir;
  WriteFile(dir / "anh.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  StatusOr<Document> doc = ReadDocument(dir / "anh.png", {});
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->binary);
  EXPECT_TRUE(doc->text.empty());
  EXPECT_EQ(doc->bytes, 16u);
  ASSERT_EQ(doc->diagnostics.size(), 1u);
  EXPECT_EQ(doc->diagnostics[0].code, "ingest.binary");
  EXPECT_EQ(doc->diagnostics[0].path, dir / "anh.png");
}

TEST(ReadDocument, StdinIsDash) {
  const std::string text = "Kế hoạch đọc từ stdin\n";
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  const int saved = ::dup(STDIN_FILENO);
  ::dup2(fds[0], STDIN_FILENO);
  ::close(fds[0]);
  StatusOr<Document> doc = ReadDocument("-", {});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->path, "-");
  EXPECT_EQ(doc->text, text);
  EXPECT_EQ(doc->id, Sha256Hex(text));
}

TEST(MakeDocument, FromMemory) {
  Document doc = MakeDocument("mem.txt", "Số: 27/KH-UBND", {});
  EXPECT_EQ(doc.path, "mem.txt");
  EXPECT_EQ(doc.text, "Số: 27/KH-UBND");
  EXPECT_EQ(doc.bytes, doc.text.size());
  EXPECT_EQ(doc.id, Sha256Hex("Số: 27/KH-UBND"));
  EXPECT_TRUE(doc.decode_map.is_identity());
}

TEST(MakeDocument, IdIsOfRawBytesNotText) {
  const std::string raw = "\xEF\xBB\xBFx";
  Document doc = MakeDocument("bom.txt", raw, {});
  EXPECT_EQ(doc.text, "x");
  EXPECT_EQ(doc.id, Sha256Hex(raw));
  EXPECT_EQ(doc.bytes, 4u);
}

// 50 MB on one line, written in the test: read, validated and mapped as one run.
TEST(ReadDocument, FiftyMegabyteSingleLine) {
  TempDir dir;
  const std::string path = dir / "mot_dong.txt";
  const std::string unit =
      "Hỗ trợ hộ nghèo phát triển sản xuất, tổng kinh phí 1.250,5 triệu đồng; ";
  std::string big;
  big.reserve(50u << 20);
  while (big.size() + unit.size() <= (50u << 20)) big += unit;
  WriteFile(path, big);
  const auto start = std::chrono::steady_clock::now();
  StatusOr<Document> doc = ReadDocument(path, {});
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->encoding, Encoding::kUtf8);
  EXPECT_EQ(doc->bytes, big.size());
  EXPECT_EQ(doc->text.size(), big.size());
  EXPECT_TRUE(doc->text == big);
  EXPECT_EQ(doc->decode_map.segments(), 1u);
  EXPECT_TRUE(doc->diagnostics.empty());
  std::printf("[ info ] read+hash+decode 50 MB UTF-8: %.3f s (%.0f MB/s)\n", secs, 50.0 / secs);
}

TEST(ReadDocument, TenMegabyteLegacyLine) {
  const std::string unit =
      "Hỗ trợ hộ nghèo phát triển sản xuất, tổng kinh phí 1.250,5 triệu đồng; ";
  const testing_util::Encoded enc = testing_util::EncodeLegacy(unit, Encoding::kVni);
  ASSERT_EQ(enc.expected, unit);
  std::string raw, utf8;
  while (raw.size() + enc.bytes.size() <= (10u << 20)) {
    raw += enc.bytes;
    utf8 += unit;
  }
  const auto start = std::chrono::steady_clock::now();
  Decoded d = Decode(raw, {}, "vni.txt");
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(d.encoding, Encoding::kVni);
  EXPECT_TRUE(d.text == utf8);
  EXPECT_TRUE(d.diagnostics.empty());
  std::printf("[ info ] decode %.1f MB of VNI: %.3f s (%.0f MB/s of input)\n",
              raw.size() / 1048576.0, secs, raw.size() / 1048576.0 / secs);
}

}  // namespace
}  // namespace vnplan
