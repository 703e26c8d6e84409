// Agency names: many spellings, one canonical name (rules/agencies/*.yaml, extract/agency.h).
#include "extract/agency.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "duty_test_util.h"
#include "extract/fold_key.h"

namespace vnplan {
namespace {

class AgencyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<RuleBook> book = testing_duty::DutyRules();
    ASSERT_TRUE(book.ok()) << book.status().ToString();
    rules_ = new RuleBook(std::move(book).value());
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }

  // The agencies of `text` as a district plan of Sông Mã reads them.
  std::vector<AgencyMention> Read(const std::string& text, Issuer issuer = {"huyện", "Sông Mã"},
                                  bool unaccented = false) {
    norm_ = Normalize(text);
    ctx_ = std::make_unique<ExtractContext>(ExtractContext{norm_, seg_, unaccented});
    view_ = std::make_unique<TextView>(*ctx_, unaccented);
    reader_ = std::make_unique<AgencyReader>(*rules_->Topic("agencies"), *view_, issuer);
    line_ = std::make_unique<AgencyReader::Line>(reader_->ReadLine({0, view_->text().size()}));
    return line_->All();
  }

  static RuleBook* rules_;
  NormalizedText norm_;
  Segmented seg_;
  std::unique_ptr<ExtractContext> ctx_;
  std::unique_ptr<TextView> view_;
  std::unique_ptr<AgencyReader> reader_;
  std::unique_ptr<AgencyReader::Line> line_;
};

RuleBook* AgencyTest::rules_ = nullptr;

struct Case {
  const char* text;
  const char* name;
};

TEST_F(AgencyTest, ManySpellingsOneName) {
  const Case cases[] = {
      {"Phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"},
      {"phòng Lao động – Thương binh và Xã hội huyện", "Phòng Lao động - Thương binh và Xã hội"},
      {"Phòng Lao động - Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội"},
      {"Phòng LĐ-TB&XH huyện Sông Mã", "Phòng Lao động - Thương binh và Xã hội"},
      {"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Phòng Lao động - Thương binh và Xã hội"},
      {"Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"},
      {"Sở LĐTB-XH", "Sở Lao động - Thương binh và Xã hội"},
      {"Sở Lao động Thương binh và Xã hội tỉnh Lào Cai", "Sở Lao động - Thương binh và Xã hội"},
      {"Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"},
      {"Phòng NN&PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"},
      {"Phòng Nông nghiệp và Phát triển Nông thôn", "Phòng Nông nghiệp và Phát triển nông thôn"},
      {"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"},
      {"Phòng TC-KH", "Phòng Tài chính - Kế hoạch"},
      {"Phòng Tài chính và Kế hoạch", "Phòng Tài chính - Kế hoạch"},
      {"Phòng VH-TT", "Phòng Văn hóa và Thông tin"},
      {"Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"},
      {"Phòng TN&MT", "Phòng Tài nguyên và Môi trường"},
      {"Sở GD&ĐT", "Sở Giáo dục và Đào tạo"},
      {"Trung tâm Y tế Huyện", "Trung tâm Y tế"},
      {"Trung tâm Y tế tỉnh", "Trung tâm Y tế tỉnh"},
      {"Trung tâm Truyền thông và Văn hóa huyện", "Trung tâm Truyền thông - Văn hóa"},
      {"Phòng giao dịch NHCSXH huyện", "Ngân hàng Chính sách xã hội"},
      {"Chi nhánh Ngân hàng Chính sách xã hội huyện", "Ngân hàng Chính sách xã hội"},
      {"Ủy ban MTTQ Việt Nam huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam"},
      {"UBMTTQ huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam"},
      {"Mặt trận tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam"},
      {"UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn"},
      {"Ủy ban nhân dân xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn"},
      {"Ủy ban nhân dân huyện Sông Mã", "Ủy ban nhân dân huyện"},
      {"UBND Huyện", "Ủy ban nhân dân huyện"},
      {"UBND huyện Văn Lãng", "Ủy ban nhân dân huyện Văn Lãng"},
      {"UBND cấp xã", "Ủy ban nhân dân cấp xã"},
      {"HĐND tỉnh", "Hội đồng nhân dân tỉnh"},
      {"Chủ tịch UBND các xã", "Ủy ban nhân dân các xã"},
      {"Phòng Nghiệp vụ", "Phòng Nghiệp vụ"},
      {"Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh"},
      {"Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"},
      {"Ban Chỉ đạo các Chương trình MTQG huyện", "Ban Chỉ đạo các Chương trình mục tiêu quốc gia"},
      {"Hội LHPN huyện", "Hội Liên hiệp Phụ nữ"},
      {"Huyện đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
      {"Các tổ chức chính trị xã hội", "các tổ chức chính trị - xã hội"},
      {"Thủ trưởng các cơ quan, ban ngành có liên quan", "các cơ quan, đơn vị liên quan"},
  };
  for (const Case& c : cases) {
    std::vector<AgencyMention> got = Read(c.text);
    ASSERT_EQ(got.size(), 1u) << c.text;
    EXPECT_EQ(got[0].name, c.name) << c.text;
    EXPECT_EQ(view_->PlainText(got[0].span), Normalize(c.text).text) << "the whole mention";
  }
}

TEST_F(AgencyTest, TextWithoutDiacritics) {
  const Case cases[] = {
      {"Phong Lao dong - Thuong binh va Xa hoi huyen", "Phòng Lao động - Thương binh và Xã hội"},
      {"So Ke hoach va Dau tu", "Sở Kế hoạch và Đầu tư"},
      {"UBND cac xa, thi tran", "Ủy ban nhân dân các xã, thị trấn"},
  };
  for (const Case& c : cases) {
    std::vector<AgencyMention> got = Read(c.text, {"huyện", ""}, /*unaccented=*/true);
    ASSERT_EQ(got.size(), 1u) << c.text;
    EXPECT_EQ(got[0].name, c.name) << c.text;
  }
}

TEST_F(AgencyTest, WordsThatNameNoAgency) {
  const char* texts[] = {
      "trên cơ sở y tế xã",
      "công tác phòng chống dịch bệnh",
      "là nhiệm vụ trung tâm của địa phương",
      "Ban hành kèm theo Quyết định",
      "theo bộ tiêu chí quốc gia",
      "người lao động thuộc hộ nghèo",
      "tại các xã, thị trấn",
      "bảo hiểm y tế cho người nghèo",
  };
  for (const char* t : texts) EXPECT_TRUE(Read(t).empty()) << t << ": " << Read(t)[0].name;
}

TEST_F(AgencyTest, ListsSplitWhereANewAgencyStarts) {
  struct ListCase {
    const char* text;
    std::vector<std::string> names;
    const char* rest;  // what follows the list
  };
  const ListCase cases[] = {
      {"Sở Kế hoạch và Đầu tư, Sở Tài chính thẩm định",
       {"Sở Kế hoạch và Đầu tư", "Sở Tài chính"},
       " thẩm định"},
      {"Sở Văn hóa, Thể thao và Du lịch, Sở Y tế: Chủ trì",
       {"Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"},
       ": Chủ trì"},
      {"Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phối hợp",
       {"Ủy ban Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"},
       " phối hợp"},
      {"các cơ quan, đơn vị, UBND các xã, thị trấn báo cáo",
       {"các cơ quan, đơn vị liên quan", "Ủy ban nhân dân các xã, thị trấn"},
       " báo cáo"},
      {"Phòng Nghiệp vụ chủ trì", {"Phòng Nghiệp vụ"}, " chủ trì"},
  };
  for (const ListCase& c : cases) {
    Read(c.text);
    size_t end = 0;
    std::vector<AgencyMention> list = line_->ListAt(0, &end);
    std::vector<std::string> names;
    for (const AgencyMention& m : list) names.push_back(m.name);
    EXPECT_EQ(names, c.names) << c.text;
    EXPECT_EQ(view_->text().substr(end), c.rest) << c.text;
  }
}

TEST_F(AgencyTest, IssuerFromTheHeaderOrTheIssuingSentence) {
  Segmented seg;
  seg.header.issuer.value = "ỦY BAN NHÂN DÂN HUYỆN VĂN CHẤN";
  NormalizedText norm = Normalize("Kế hoạch");
  ExtractContext ctx{norm, seg, false};
  TextView view(ctx, false);
  Issuer issuer = IssuerOf(ctx, view);
  EXPECT_EQ(issuer.level, "huyện");
  EXPECT_EQ(FoldKey(issuer.place), "van chan");

  Segmented bare;
  bare.header.place.value = "Sông Mã";
  NormalizedText body = Normalize(
      "Căn cứ Kế hoạch của UBND tỉnh Sơn La.\n"
      "UBND huyện Sông Mã ban hành Kế hoạch như sau:\n");
  ExtractContext ctx2{body, bare, false};
  TextView view2(ctx2, false);
  issuer = IssuerOf(ctx2, view2);
  EXPECT_EQ(issuer.level, "huyện");
  EXPECT_EQ(issuer.place, "Sông Mã");
}

}  // namespace
}  // namespace vnplan
