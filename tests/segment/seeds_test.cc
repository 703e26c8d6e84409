// Golden facts of the five seeds (../shared/seeds), read through ingest and normalize.
#include <gtest/gtest.h>

#include "seed_text.h"

namespace vnplan::testing {
namespace {

struct Top {
  const char* label;
  const char* kind;
};

void ExpectTopLevel(const SegmentedDoc& d, const std::vector<Top>& want, const char* seed) {
  std::vector<const Section*> got = d.Level(1);
  ASSERT_EQ(got.size(), want.size()) << seed;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i]->label, want[i].label) << seed << " #" << i;
    EXPECT_EQ(got[i]->kind, want[i].kind) << seed << " #" << i << " " << got[i]->heading;
  }
}

std::optional<std::string> V(const HeaderField& f) { return f.value; }

const Section* ByProject(const SegmentedDoc& d, std::string_view project) {
  for (const Section& s : d.seg.sections) {
    if (s.project && *s.project == project) return &s;
  }
  return nullptr;
}

TEST(SeedsTest, Seed000PlainWithProjects) {
  SegmentedDoc d = SegmentFile(SeedPath("000"));
  ExpectWellFormed(d, "000");
  ExpectTopLevel(d,
                 {{"I", "muc_dich_yeu_cau"},
                  {"II", "muc_tieu"},
                  {"III", "doi_tuong_pham_vi"},
                  {"IV", "nguon_von"},
                  {"V", "nhiem_vu_noi_dung"},
                  {"VI", "giai_phap"},
                  {"VII", "to_chuc_thuc_hien"},
                  {"VIII", "che_do_bao_cao"}},
                 "000");
  const Header& h = d.seg.header;
  EXPECT_EQ(V(h.doc_type), "Kế hoạch");
  EXPECT_EQ(V(h.number), std::nullopt);  // "Số: /KH-UBND", a blank template
  EXPECT_EQ(V(h.number_symbol), "KH-UBND");
  EXPECT_EQ(V(h.date), std::nullopt);  // "ngày tháng năm 2024"
  EXPECT_EQ(h.year, 2024);
  EXPECT_EQ(V(h.place), "Sông Mã");
  EXPECT_EQ(V(h.signer), "Nguyễn Chí Chung");
  EXPECT_EQ(V(h.signer_title), "PHÓ CHỦ TỊCH");
  EXPECT_EQ(V(h.sign_mode), "KT.");
  EXPECT_EQ(h.recipients.size(), 6u);

  // Dự án 1-7 under V, and their Tiểu dự án, whatever numbering the lines carry.
  const struct {
    const char* project;
    const char* parent;
    const char* kind;
    bool applies;
  } kProjects[] = {
      {"du_an_1", "V", "du_an", false},
      {"du_an_2", "V", "du_an", true},
      {"du_an_3", "V", "du_an", true},
      {"du_an_3.tieu_du_an_1", "V.3", "tieu_du_an", true},
      {"du_an_3.tieu_du_an_2", "V.3", "tieu_du_an", true},
      {"du_an_4", "V", "du_an", true},
      {"du_an_4.tieu_du_an_2", "V.4", "tieu_du_an", false},
      {"du_an_5", "V", "du_an", false},
      {"du_an_6", "V", "du_an", true},
      {"du_an_6.tieu_du_an_1", "V.6", "tieu_du_an", false},
      {"du_an_6.tieu_du_an_2", "V.6", "tieu_du_an", true},
      {"du_an_7", "V", "du_an", true},
      {"du_an_7.tieu_du_an_2", "V.7", "tieu_du_an", true},
  };
  for (const auto& p : kProjects) {
    const Section* s = ByProject(d, p.project);
    ASSERT_NE(s, nullptr) << p.project;
    EXPECT_EQ(s->parent, p.parent) << p.project;
    EXPECT_EQ(s->kind, p.kind) << p.project;
    EXPECT_EQ(s->applies, p.applies) << p.project;
  }
  // Inside a sub-project, its letters keep their own kinds and ProjectAt finds the project.
  const Section* sub = ByProject(d, "du_an_3.tieu_du_an_1");
  ASSERT_NE(sub, nullptr);
  std::vector<const Section*> parts = d.ChildrenOf(sub->id);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0]->kind, "muc_tieu");
  EXPECT_EQ(parts[1]->kind, "doi_tuong_pham_vi");
  EXPECT_EQ(parts[3]->kind, "nguon_von");
  EXPECT_EQ(d.seg.ProjectAt(parts[3]->extent.start + 5), "du_an_3.tieu_du_an_1");
  EXPECT_EQ(d.seg.ProjectAt(d.Find("VI")->extent.start), std::nullopt);
}

TEST(SeedsTest, Seed001BlankWrappedActingChairWithoutName) {
  SegmentedDoc d = SegmentFile(SeedPath("001"));
  ExpectWellFormed(d, "001");
  ExpectTopLevel(
      d, {{"I", "muc_dich_yeu_cau"}, {"II", "nhiem_vu_noi_dung"}, {"III", "to_chuc_thuc_hien"}},
      "001");
  std::vector<std::string> kinds;
  for (const Section* s : d.ChildrenOf("II")) kinds.push_back(s->kind);
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"muc_tieu", "nhiem_vu_noi_dung", "giai_phap", "nguon_von"}));
  std::set<std::string> projects;
  for (const Section* s : d.DescendantsOf("II")) {
    if (s->kind == "du_an") projects.insert(*s->project);
  }
  EXPECT_EQ(projects, (std::set<std::string>{"du_an_2", "du_an_3", "du_an_4", "du_an_5", "du_an_6",
                                             "du_an_7"}));
  EXPECT_NE(ByProject(d, "du_an_4.tieu_du_an_3"), nullptr);  // "b) Tiểu dự án 3" under 2.3.
  const Section* item14 = d.Find("III.14");
  ASSERT_NE(item14, nullptr);
  EXPECT_EQ(item14->kind, "che_do_bao_cao");
  const Header& h = d.seg.header;
  EXPECT_EQ(V(h.signer), std::nullopt);
  EXPECT_EQ(V(h.sign_mode), "Q.");
  EXPECT_EQ(V(h.signer_title), "CHỦ TỊCH");
  EXPECT_EQ(V(h.place), "Lấp Vò");
  EXPECT_EQ(V(h.date), std::nullopt);
  EXPECT_EQ(h.year, 2024);
  EXPECT_EQ(V(h.number_symbol), "KH-UBND");
  ASSERT_NE(d.Find("can_cu"), nullptr);
}

TEST(SeedsTest, Seed002TableExportWithCutLines) {
  SegmentedDoc d = SegmentFile(SeedPath("002"));
  ExpectWellFormed(d, "002");
  ExpectTopLevel(d,
                 {{"I", "muc_dich_yeu_cau"},
                  {"II", "muc_tieu"},
                  {"III", "nhiem_vu_noi_dung"},
                  {"IV", "giai_phap"},
                  {"V", "nguon_von"},
                  {"VI", "to_chuc_thuc_hien"}},
                 "002");
  const Header& h = d.seg.header;
  EXPECT_EQ(V(h.number), "34/KH-UBND");
  EXPECT_EQ(V(h.date), "2024-01-23");  // "ngày 23" / "tháng 01 năm 2024" over two lines
  EXPECT_EQ(V(h.place), "Lào Cai");
  EXPECT_EQ(V(h.issuer), "Ủy ban nhân dân tỉnh Lào Cai");
  EXPECT_EQ(V(h.signer), "Hoàng Quốc Khánh");
  EXPECT_EQ(V(h.sign_mode), "KT.");
  EXPECT_EQ(d.Find("IV")->heading, "MỘT SỐ GIẢI PHÁP CHỦ YẾU");  // cut over two lines
  EXPECT_NE(d.Find("VI.2.4"), nullptr);                          // "2. 4." in the source
}

TEST(SeedsTest, Seed003NoHeaderLeadIns) {
  SegmentedDoc d = SegmentFile(SeedPath("003"));
  ExpectWellFormed(d, "003");
  ExpectTopLevel(
      d, {{"", "muc_dich"}, {"", "muc_tieu"}, {"", "nhiem_vu_noi_dung"}, {"", "nguon_von"}}, "003");
  std::vector<std::string> labels;
  for (const Section* s : d.ChildrenOf("nhiem_vu_noi_dung")) labels.push_back(s->label);
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "4", "5", "6"}));
  const Header& h = d.seg.header;
  EXPECT_EQ(V(h.doc_type), std::nullopt);
  EXPECT_EQ(V(h.number), std::nullopt);
  EXPECT_EQ(V(h.issuer), std::nullopt);
  EXPECT_EQ(V(h.date), std::nullopt);
  EXPECT_EQ(V(h.signer), std::nullopt);
  EXPECT_EQ(h.year, 2025);  // stated where the plan is issued
  EXPECT_EQ(d.Find("header"), nullptr);
  EXPECT_NE(d.Find("can_cu"), nullptr);
  EXPECT_EQ(d.Find("signature"), nullptr);
}

TEST(SeedsTest, Seed004MarkdownSubProjectAndBoardSigner) {
  SegmentedDoc d = SegmentFile(SeedPath("004"));
  ExpectWellFormed(d, "004");
  ExpectTopLevel(d,
                 {{"I", "muc_dich_yeu_cau"},
                  {"II", "nhiem_vu_noi_dung"},
                  {"III", "giai_phap"},
                  {"IV", "nguon_von"},
                  {"V", "to_chuc_thuc_hien"}},
                 "004");
  const Section* p = ByProject(d, "du_an_7.tieu_du_an_2");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->parent, "II");
  const Header& h = d.seg.header;
  EXPECT_EQ(V(h.number), std::nullopt);
  EXPECT_EQ(V(h.number_symbol), "KH-BDT");
  EXPECT_EQ(V(h.date), "2022-06");  // "ngày tháng 6 năm 2022"
  EXPECT_EQ(V(h.place), "Lạng Sơn");
  EXPECT_EQ(V(h.signer), "Lý Văn Khi");
  EXPECT_EQ(V(h.signer_title), "PHÓ TRƯỞNG BAN");
  EXPECT_EQ(V(h.sign_mode), "KT.");
}

TEST(SeedsTest, SpansPointAtTheirText) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    SegmentedDoc d = SegmentFile(SeedPath(seed));
    const Header& h = d.seg.header;
    for (const HeaderField* f : {&h.number_symbol, &h.place, &h.signer, &h.sign_mode}) {
      if (!f->value) continue;
      EXPECT_EQ(d.norm.text.substr(f->span.start, f->span.size()), *f->value) << seed;
    }
    for (const HeaderField& r : h.recipients) {
      EXPECT_EQ(d.norm.text.substr(r.span.start, r.span.size()), *r.value) << seed;
    }
  }
}

// Cut anywhere, or with its lines in another order, a document still segments into a well-formed
// tree: no crash, no section outside its parent, every span inside the text.
TEST(SeedsTest, TruncatedAndShuffledTextsStayWellFormed) {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    SegmentedDoc whole = SegmentFile(SeedPath(seed));
    const std::string& text = whole.norm.text;
    for (size_t cut = 0; cut < text.size(); cut += text.size() / 23 + 1) {
      SegmentedDoc d = SegmentText(text.substr(0, cut));
      ExpectWellFormed(d, std::string(seed) + " cut at " + std::to_string(cut));
      d = SegmentText(text.substr(cut));
      ExpectWellFormed(d, std::string(seed) + " from " + std::to_string(cut));
    }
    std::vector<std::string> lines;
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      lines.push_back(text.substr(b, e - b));
      b = e + 1;
    }
    for (size_t stride : {7u, 13u}) {
      std::string shuffled;
      for (size_t k = 0; k < lines.size(); ++k)
        shuffled += lines[(k * stride) % lines.size()] + "\n";
      ExpectWellFormed(SegmentText(shuffled), std::string(seed) + " shuffled");
    }
  }
}

}  // namespace
}  // namespace vnplan::testing
