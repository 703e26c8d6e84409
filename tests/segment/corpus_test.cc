// Every corpus document with an expect file (corpus/**/NAME.expect.yaml beside NAME.txt) against
// the facts the file states about the header, the signature, the level-1 sections and the
// projects. Fields an expect file leaves out are not checked.
#include <filesystem>
#include <map>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "seed_text.h"

namespace vnplan::testing {
namespace {

namespace fs = std::filesystem;

// Facts where the segmenter knowingly reads the text differently from an expect file, each with
// its reason. Keep this short: a new entry needs the reason in the same line.
const std::map<std::pair<std::string, std::string>, const char*> kKnownDifferences = {
    // The opening sentence issues "kế hoạch giảm nghèo năm 2025": the plan year stated where the
    // plan is issued, read as for seed 003 (its issue asks year 2025 there).
    {{"plans/kh_lead_ins_no_header", "year"}, "plan year from the issuing sentence"},
};

std::vector<fs::path> ExpectFiles() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(VNPLAN_SOURCE_DIR "/corpus", ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.ends_with(".expect.yaml")) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> Scalar(const YAML::Node& n) {
  if (!n || n.IsNull()) return std::nullopt;
  return n.as<std::string>();
}

class CorpusTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(CorpusTest, MatchesExpectFile) {
  const fs::path expect_path = GetParam();
  std::string stem = expect_path.filename().string();
  stem.resize(stem.size() - std::string_view(".expect.yaml").size());
  const fs::path text_path = expect_path.parent_path() / (stem + ".txt");
  ASSERT_TRUE(fs::exists(text_path)) << text_path;
  const std::string doc_name = expect_path.parent_path().filename().string() + "/" + stem;
  YAML::Node expect;
  try {
    expect = YAML::LoadFile(expect_path.string());
  } catch (const YAML::Exception& e) {
    FAIL() << expect_path << ": " << e.what();
  }
  SegmentedDoc d = SegmentFile(text_path.string());
  ExpectWellFormed(d, doc_name);
  const Header& h = d.seg.header;
  auto known = [&](const std::string& field) {
    return kKnownDifferences.count({doc_name, field}) > 0;
  };

  const std::pair<const char*, const HeaderField*> kFields[] = {
      {"doc_type", &h.doc_type},
      {"number", &h.number},
      {"number_symbol", &h.number_symbol},
      {"date", &h.date},
      {"place", &h.place},
      {"issuer", &h.issuer},
      {"issuer_parent", &h.issuer_parent},
      {"title", &h.title},
      {"signer", &h.signer},
      {"signer_title", &h.signer_title},
      {"sign_mode", &h.sign_mode},
  };
  for (const auto& [name, field] : kFields) {
    if (!expect[name] || known(name)) continue;
    EXPECT_EQ(field->value, Scalar(expect[name])) << doc_name << ": " << name;
  }
  if (expect["year"] && !known("year")) {
    std::optional<int> want;
    if (!expect["year"].IsNull()) want = expect["year"].as<int>();
    EXPECT_EQ(h.year, want) << doc_name << ": year";
  }
  if (expect["addressees"] && !known("addressees")) {
    std::vector<std::string> want, got;
    for (const YAML::Node& a : expect["addressees"]) want.push_back(a.as<std::string>());
    for (const HeaderField& a : h.addressees) got.push_back(*a.value);
    EXPECT_EQ(got, want) << doc_name << ": addressees";
  }
  if (expect["sections"] && !known("sections")) {
    std::vector<const Section*> top = d.Level(1);
    const YAML::Node want = expect["sections"];
    EXPECT_EQ(top.size(), want.size()) << doc_name << ": level-1 sections";
    for (size_t i = 0; i < std::min<size_t>(top.size(), want.size()); ++i) {
      const YAML::Node w = want[i];
      if (w["label"]) {
        EXPECT_EQ(top[i]->label, w["label"].as<std::string>()) << doc_name << " #" << i;
      }
      if (w["kind"]) {
        EXPECT_EQ(top[i]->kind, w["kind"].as<std::string>())
            << doc_name << " #" << i << " " << top[i]->heading;
      }
      if (w["heading"]) {
        EXPECT_EQ(top[i]->heading, w["heading"].as<std::string>()) << doc_name << " #" << i;
      }
    }
  }
  if (expect["projects"] && !known("projects")) {
    for (const YAML::Node& p : expect["projects"]) {
      const std::string project = p["project"].as<std::string>();
      const Section* found = nullptr;
      for (const Section& s : d.seg.sections) {
        if (s.project == project && (s.kind == "du_an" || s.kind == "tieu_du_an")) {
          found = &s;
          break;
        }
      }
      ASSERT_NE(found, nullptr) << doc_name << ": no section for " << project;
      if (p["applies"]) {
        EXPECT_EQ(found->applies, p["applies"].as<bool>()) << doc_name << ": " << project;
      }
    }
  }
}

std::string TestName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.filename().string();
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(ExpectFiles()), TestName);

}  // namespace
}  // namespace vnplan::testing
