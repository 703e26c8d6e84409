// Signature blocks and "Nơi nhận" as documents end: stacked modes, a missing name, titles and
// modes flattened onto one line, table columns interleaved, an appendix after the signature.
// Names and places are invented for these tests.
#include "segment/signature_block.h"

#include <gtest/gtest.h>

#include "segment/lines.h"

namespace vnplan::segment {
namespace {

constexpr const char* kBody =
    "I. MỤC TIÊU\n1. Giảm tỷ lệ hộ nghèo.\n- Hỗ trợ sinh kế cho các hộ.\n"
    "Trên đây là Kế hoạch giảm nghèo năm 2024 của huyện./.\n";

struct Read {
  Header h;
  Tail tail;
  std::vector<Line> lines;
  std::string text;
};

Read ReadTail(const std::string& ending) {
  Read r;
  r.text = std::string(kBody) + ending;
  r.lines = SplitLines(r.text);
  r.tail = ParseTail(r.lines, 0, &r.h);
  return r;
}

std::optional<std::string> V(const HeaderField& f) { return f.value; }

std::vector<std::string> Recipients(const Header& h) {
  std::vector<std::string> out;
  for (const HeaderField& f : h.recipients) out.push_back(*f.value);
  return out;
}

TEST(SignatureBlockTest, Table) {
  const struct {
    const char* name;
    const char* ending;
    std::optional<std::string> mode, title, signer;
    size_t recipients;
  } kCases[] = {
      {"stacked modes",
       "Nơi nhận:\n- Sở Tài chính;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Văn Bình\n",
       "KT.", "PHÓ CHỦ TỊCH", "Trần Văn Bình", 2},
      {"acting chair without a name",
       "Nơi nhận:\n- Như trên;\n- Lưu VT.\nTM. ỦY BAN NHÂN DÂN\n"
       "Q. CHỦ TỊCH\n",
       "Q.", "CHỦ TỊCH", std::nullopt, 2},
      {"title flattened onto the mode line",
       "Nơi nhận:\n- Như trên;\nKT. GIÁM ĐỐC PHÓ GIÁM ĐỐC\n"
       "Lê Thị Thu\n",
       "KT.", "PHÓ GIÁM ĐỐC", "Lê Thị Thu", 1},
      {"columns interleaved",
       "Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\n- Như trên;\nKT. CHỦ TỊCH\n"
       "- Lưu: VT.\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n",
       "KT.", "PHÓ CHỦ TỊCH", "Trần Văn Bình", 2},
      {"two modes on one line", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n",
       "KT.", "PHÓ CHỦ TỊCH", "Trần Văn Bình", 0},
      {"no mode", "Nơi nhận:\n- Như trên;\nCHỦ TỊCH\nTrần Văn Bình\n", std::nullopt, "CHỦ TỊCH",
       "Trần Văn Bình", 1},
      {"title and name only", "CHỦ TỊCH\nTrần Văn Bình\n", std::nullopt, "CHỦ TỊCH",
       "Trần Văn Bình", 0},
      {"Party style", "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy;\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVừ A Sùng\n",
       "TM.", "BÍ THƯ", "Vừ A Sùng", 1},
      {"name in capitals", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTRẦN VĂN BÌNH\n", "KT.", "PHÓ CHỦ TỊCH",
       "TRẦN VĂN BÌNH", 0},
      {"delegated", "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\nĐỗ Minh Tâm\n", "TL.", "CHÁNH VĂN PHÒNG",
       "Đỗ Minh Tâm", 0},
  };
  for (const auto& c : kCases) {
    Read r = ReadTail(c.ending);
    ASSERT_TRUE(r.tail.found()) << c.name;
    EXPECT_EQ(V(r.h.sign_mode), c.mode) << c.name;
    EXPECT_EQ(V(r.h.signer_title), c.title) << c.name;
    EXPECT_EQ(V(r.h.signer), c.signer) << c.name;
    EXPECT_EQ(r.h.recipients.size(), c.recipients) << c.name;
    // The body's own last lines stay outside the block.
    EXPECT_EQ(r.tail.begin, 4u) << c.name;
    EXPECT_EQ(r.tail.end, r.lines.size()) << c.name;
  }
}

TEST(SignatureBlockTest, RecipientsAsWritten) {
  Read r = ReadTail(
      "Nơi nhận: - Sở Lao động - Thương binh và Xã hội;\n- TT Huyện ủy, HĐND huyện;\n"
      "- Lưu: VT, LĐTBXH.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình\n");
  EXPECT_EQ(Recipients(r.h),
            (std::vector<std::string>{"Sở Lao động - Thương binh và Xã hội",
                                      "TT Huyện ủy, HĐND huyện", "Lưu: VT, LĐTBXH"}));
  for (const HeaderField& f : r.h.recipients) {
    EXPECT_EQ(r.text.substr(f.span.start, f.span.size()), *f.value);
  }
  ASSERT_TRUE(r.tail.noi_nhan && r.tail.signature);
  EXPECT_EQ(r.tail.noi_nhan->first, 4u);
  EXPECT_EQ(r.tail.noi_nhan->second, 6u);
  EXPECT_EQ(r.tail.signature->first, 7u);
}

TEST(SignatureBlockTest, RecipientsFlattenedOntoOneLine) {
  Read r = ReadTail(
      "Nơi nhận: - Như Điều 3; - Sở Tài chính; - Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
      "CHỦ TỊCH\nTrần Văn Bình\n");
  EXPECT_EQ(Recipients(r.h), (std::vector<std::string>{"Như Điều 3", "Sở Tài chính", "Lưu: VT"}));
  for (const HeaderField& f : r.h.recipients) {
    EXPECT_EQ(r.text.substr(f.span.start, f.span.size()), *f.value);
  }
}

TEST(SignatureBlockTest, AppendixAfterTheSignature) {
  Read r = ReadTail(
      "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n"
      "PHỤ LỤC\nDanh sách các xã thực hiện dự án\n1. Xã Tân Lập\n");
  ASSERT_TRUE(r.tail.found());
  EXPECT_EQ(V(r.h.signer), "Trần Văn Bình");
  EXPECT_EQ(r.lines[r.tail.end].text, "PHỤ LỤC");
}

TEST(SignatureBlockTest, NoBlock) {
  // A body that ends in a bullet list, or in a sentence: nothing is taken from it.
  for (const char* ending : {"- Lưu hồ sơ theo quy định.\n", "Các xã báo cáo kết quả.\n",
                             "KẾT LUẬN\nCác xã thực hiện tốt.\n"}) {
    Read r = ReadTail(ending);
    EXPECT_FALSE(r.tail.found()) << ending;
    EXPECT_EQ(V(r.h.signer), std::nullopt) << ending;
    EXPECT_TRUE(r.h.recipients.empty()) << ending;
  }
}

}  // namespace
}  // namespace vnplan::segment
