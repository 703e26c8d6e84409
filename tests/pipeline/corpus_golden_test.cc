// Golden test of the whole pipeline (audit on) over every corpus document with an expect file
// (corpus/**/NAME.expect.yaml beside NAME.txt; the format is in corpus/README.md). Checked here:
//
//   citations   every citation record, in text order, none missing, none extra; of each, the
//               fields its entry names (doc_type, number, date, issuer, role, name = the title of
//               a law cited by name, text_number = the number as printed in the source; without
//               text_number the source must print `number` itself)
//   amounts     every amount record, in text order: text (the exact source, compared after NFC)
//               and value_vnd, plus any other field an entry names (fund, project, per, ...)
//   quantities  a subset: each entry is found by its text, with the fields it names
//   deadlines   the set of resolved dates of the `date` records of kind deadline
//   findings    the audit's finding codes, each as many times as the document has it; `[]`
//               asserts none (info findings included)
//
// And every code of the README's Audit table is planted (listed under `findings`) in at least one
// document. A key an expect file leaves out is not checked. A failure names the corpus file, the entry
// (its index in the expect file) and the record (its line and text).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include "processed.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;
using testing_pipeline::Field;
using testing_pipeline::LineOf;
using testing_pipeline::OfType;
using testing_pipeline::SourceText;

std::vector<fs::path> ExpectFiles() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(fs::path(VNPLAN_SOURCE_DIR) / "corpus", ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().ends_with(".expect.yaml")) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// NFC, "Ð" read as "Đ" (the corpus README's rule for comparing values), lower-cased on request.
std::string Canon(std::string_view s, bool fold_case = false) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00D0)),
                   icu::UnicodeString(static_cast<UChar>(0x0110)));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00F0)),
                   icu::UnicodeString(static_cast<UChar>(0x0111)));
  if (fold_case) u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Shorten(std::string s, size_t max = 90) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

// "" when the expected YAML value equals the record's field, else what differs.
std::string Differ(const YAML::Node& want, const nlohmann::json& got, bool fold_case) {
  std::ostringstream why;
  const std::string want_text = want.IsNull() ? "null" : want.as<std::string>();
  why << "got " << (got.is_null() ? "null" : got.dump()) << ", want " << want_text;
  if (want.IsNull()) return got.is_null() ? "" : why.str();
  if (got.is_string()) {
    return Canon(got.get<std::string>(), fold_case) == Canon(want_text, fold_case) ? "" : why.str();
  }
  try {
    if (got.is_boolean()) return got.get<bool>() == want.as<bool>() ? "" : why.str();
    if (got.is_number_integer()) {
      try {
        return got.get<long long>() == want.as<long long>() ? "" : why.str();
      } catch (const YAML::Exception&) {
        // "81.0" in the expect file for 81: compared as numbers below.
      }
    }
    if (got.is_number()) {
      return std::fabs(got.get<double>() - want.as<double>()) < 1e-9 ? "" : why.str();
    }
  } catch (const YAML::Exception&) {
    return why.str();
  }
  return why.str();
}

// The longest common subsequence of two key lists: pairs (i in want, j in got).
std::vector<std::pair<size_t, size_t>> Align(const std::vector<std::string>& want,
                                             const std::vector<std::string>& got) {
  const size_t n = want.size(), m = got.size();
  std::vector<std::vector<size_t>> len(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      len[i][j] =
          want[i] == got[j] ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (want[i] == got[j]) {
      pairs.emplace_back(i++, j++);
    } else if (len[i + 1][j] >= len[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

std::string Describe(const YAML::Node& entry) {
  YAML::Emitter e;
  e << YAML::Flow << entry;
  return e.c_str();
}

class CorpusGoldenTest : public ::testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
    const fs::path expect_path = GetParam();
    std::string stem = expect_path.filename().string();
    stem.resize(stem.size() - std::string_view(".expect.yaml").size());
    text_path_ = expect_path.parent_path() / (stem + ".txt");
    name_ = fs::relative(text_path_, VNPLAN_SOURCE_DIR).string();
    ASSERT_TRUE(fs::exists(text_path_)) << text_path_;
    try {
      expect_ = YAML::LoadFile(expect_path.string());
    } catch (const YAML::Exception& e) {
      FAIL() << expect_path << ": " << e.what();
    }
    const Pipeline* pipeline = testing_pipeline::SharedPipeline();
    ASSERT_NE(pipeline, nullptr);
    doc_ = pipeline->ProcessPath(text_path_.string());
    ASSERT_FALSE(doc_.failed) << name_;
  }

  // Where a record is, for a failure message: line and the start of its text.
  std::string Where(const Record& r) const {
    return "line " + std::to_string(LineOf(doc_, r)) + " \"" + Shorten(SourceText(doc_, r)) + "\"";
  }

  // Every record of `type` against the expect list `key`, aligned on `want_key` / `got_key`;
  // `check` compares the fields of one aligned pair.
  void CompareList(
      const char* key, const char* type,
      const std::function<std::string(const YAML::Node&)>& want_key,
      const std::function<std::string(const Record&)>& got_key,
      const std::function<void(const std::string&, const YAML::Node&, const Record&)>& check) {
    const YAML::Node want = expect_[key];
    const std::vector<const Record*> got = OfType(doc_, type);
    std::vector<std::string> want_keys, got_keys;
    for (const YAML::Node& w : want) want_keys.push_back(want_key(w));
    for (const Record* r : got) got_keys.push_back(got_key(*r));
    const std::vector<std::pair<size_t, size_t>> pairs = Align(want_keys, got_keys);
    std::vector<bool> want_matched(want.size()), got_matched(got.size());
    for (const auto& [i, j] : pairs) {
      want_matched[i] = got_matched[j] = true;
      check(name_ + ": " + key + "[" + std::to_string(i) + "] (" + Where(*got[j]) + ")", want[i],
            *got[j]);
    }
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_TRUE(want_matched[i]) << name_ << ": " << key << "[" << i << "] " << Describe(want[i])
                                   << " is missing from the output";
    }
    for (size_t j = 0; j < got.size(); ++j) {
      EXPECT_TRUE(got_matched[j]) << name_ << ": extra " << type << " at " << Where(*got[j])
                                  << " (key " << got_keys[j] << "), not in the expect file";
    }
    EXPECT_EQ(got.size(), want.size()) << name_ << ": number of " << key;
  }

  // Each key of `entry` but those in `skip` against the record's field of the same name.
  void CompareFields(const std::string& where, const YAML::Node& entry, const Record& r,
                     const std::set<std::string>& skip, const std::set<std::string>& fold_case) {
    for (const auto& kv : entry) {
      const std::string field = kv.first.as<std::string>();
      if (skip.count(field)) continue;
      auto it = r.fields.find(field);
      const nlohmann::json got = it == r.fields.end() ? nlohmann::json() : *it;
      const std::string diff = Differ(kv.second, got, fold_case.count(field) > 0);
      if (!diff.empty()) ADD_FAILURE() << where << " " << field << ": " << diff;
    }
  }

  fs::path text_path_;
  std::string name_;  // "corpus/plans/x.txt"
  YAML::Node expect_;
  ProcessedDocument doc_;
};

std::string NumberKey(const std::string& number, const std::string& date) {
  return number.empty() ? "(by name " + date + ")" : number;
}

TEST_P(CorpusGoldenTest, Citations) {
  if (!expect_["citations"]) GTEST_SKIP() << "no citations in the expect file";
  CompareList(
      "citations", "citation",
      [](const YAML::Node& w) {
        const std::string number =
            w["number"] && !w["number"].IsNull() ? w["number"].as<std::string>() : "";
        const std::string date =
            w["date"] && !w["date"].IsNull() ? w["date"].as<std::string>() : "";
        return NumberKey(number, date);
      },
      [](const Record& r) { return NumberKey(Field(r, "number"), Field(r, "date")); },
      [this](const std::string& where, const YAML::Node& w, const Record& r) {
        CompareFields(where, w, r, {"name", "text_number"}, {"issuer"});
        if (w["name"]) {  // a law by name: its type word and title ("Luật" + "Đầu tư công")
          const std::string name = Field(r, "doc_type") + " " + Field(r, "title");
          const std::string diff = Differ(w["name"], name, true);
          if (!diff.empty()) ADD_FAILURE() << where << " name (doc_type + title): " << diff;
        }
        // The number as printed: text_number where the expect file gives it, else the
        // normalized number itself.
        const std::string source = Canon(SourceText(doc_, r));
        if (w["text_number"]) {
          const std::string printed = Canon(w["text_number"].as<std::string>());
          EXPECT_NE(source.find(printed), std::string::npos)
              << where << " text_number: \"" << printed << "\" is not in the cited text";
        } else if (!Field(r, "number").empty()) {
          EXPECT_NE(source.find(Field(r, "number")), std::string::npos)
              << where << ": the source does not print " << Field(r, "number")
              << " as such (give text_number)";
        }
      });
}

TEST_P(CorpusGoldenTest, Amounts) {
  if (!expect_["amounts"]) GTEST_SKIP() << "no amounts in the expect file";
  CompareList(
      "amounts", "amount", [](const YAML::Node& w) { return Canon(w["text"].as<std::string>()); },
      [this](const Record& r) { return Canon(SourceText(doc_, r)); },
      [this](const std::string& where, const YAML::Node& w, const Record& r) {
        CompareFields(where, w, r, {"text"}, {"fund"});
      });
}

TEST_P(CorpusGoldenTest, Quantities) {
  if (!expect_["quantities"]) GTEST_SKIP() << "no quantities in the expect file";
  const std::vector<const Record*> got = OfType(doc_, "quantity");
  std::vector<bool> used(got.size());
  for (size_t i = 0; i < expect_["quantities"].size(); ++i) {
    const YAML::Node w = expect_["quantities"][i];
    const std::string text = Canon(w["text"].as<std::string>());
    size_t j = 0;
    while (j < got.size() && (used[j] || Canon(SourceText(doc_, *got[j])) != text)) ++j;
    if (j == got.size()) {
      ADD_FAILURE() << name_ << ": quantities[" << i << "] " << Describe(w)
                    << " is missing from the output";
      continue;
    }
    used[j] = true;
    CompareFields(name_ + ": quantities[" + std::to_string(i) + "] (" + Where(*got[j]) + ")", w,
                  *got[j], {"text"}, {"subject"});
  }
}

TEST_P(CorpusGoldenTest, Deadlines) {
  if (!expect_["deadlines"]) GTEST_SKIP() << "no deadlines in the expect file";
  std::set<std::string> want;
  for (const YAML::Node& d : expect_["deadlines"]) want.insert(d.as<std::string>());
  std::map<std::string, const Record*> got;
  for (const Record* r : OfType(doc_, "date")) {
    if (Field(*r, "kind") != "deadline") continue;
    std::string resolved = Field(*r, "resolved");
    if (resolved.empty()) resolved = "(unresolved " + Field(*r, "iso") + ")";
    got.emplace(resolved, r);
  }
  for (const std::string& d : want) {
    EXPECT_TRUE(got.count(d)) << name_ << ": deadline " << d << " is missing from the output";
  }
  for (const auto& [d, r] : got) {
    EXPECT_TRUE(want.count(d)) << name_ << ": extra deadline " << d << " at " << Where(*r);
  }
}

TEST_P(CorpusGoldenTest, Findings) {
  if (!expect_["findings"]) GTEST_SKIP() << "no findings in the expect file";
  std::map<std::string, int> want, got;
  for (const YAML::Node& c : expect_["findings"]) ++want[c.as<std::string>()];
  std::ostringstream all;
  for (const Record* f : OfType(doc_, "finding")) {
    ++got[Field(*f, "code")];
    all << "\n  " << Field(*f, "code") << " at " << Where(*f) << ": " << Field(*f, "message");
  }
  std::ostringstream diff;
  for (const auto& [code, n] : want) {
    const int have = got.count(code) ? got[code] : 0;
    if (have != n) diff << "\n  " << code << ": " << have << " reported, " << n << " expected";
  }
  for (const auto& [code, n] : got) {
    if (!want.count(code)) diff << "\n  " << code << ": " << n << " reported, none expected";
  }
  if (!diff.str().empty()) {
    ADD_FAILURE() << name_ << ": findings differ:" << diff.str() << "\nreported:" << all.str();
  }
}

// Issue 6: golden documents with planted faults of every code. Each code of the README's Audit
// table is listed under `findings` in at least one expect file (and so is reported there).
TEST(CorpusGoldenCoverage, EveryAuditCodeIsPlantedInSomeDocument) {
  std::ifstream readme(fs::path(VNPLAN_SOURCE_DIR) / "README.md");
  std::set<std::string> codes;
  static const re2::RE2 kRow(R"(^\| ([a-z_]+\.[a-z_]+) \| (?:error|warning|info) \|)");
  for (std::string line; std::getline(readme, line);) {
    std::string code;
    if (re2::RE2::PartialMatch(line, kRow, &code)) codes.insert(code);
  }
  ASSERT_GE(codes.size(), 11u) << "the README's Audit table was not found";
  std::map<std::string, std::vector<std::string>> planted;
  for (const fs::path& p : ExpectFiles()) {
    const YAML::Node findings = YAML::LoadFile(p.string())["findings"];
    for (const YAML::Node& c : findings) {
      planted[c.as<std::string>()].push_back(fs::relative(p, VNPLAN_SOURCE_DIR).string());
    }
  }
  for (const std::string& code : codes) {
    EXPECT_TRUE(planted.count(code)) << code << " is planted in no corpus document";
  }
  for (const auto& [code, where] : planted) {
    EXPECT_TRUE(codes.count(code))
        << where[0] << " lists " << code << ", which is not a code of the README's Audit table";
  }
}

std::string TestName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.filename().string();
  name.resize(name.size() - std::string_view(".expect.yaml").size());
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusGoldenTest, ::testing::ValuesIn(ExpectFiles()), TestName);

}  // namespace
}  // namespace vnplan
