// Loading rule files: what is accepted, and every refusal naming file, line and rule id.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rules/rules.h"

namespace vnplan {
namespace {

constexpr char kGood[] = R"yaml(
- id: test.ke_hoach
  pattern: 'Kế hoạch\s+số\s+(?P<number>\d+/KH-[A-Z]+)(?:\s+ngày\s+(\d{1,2}/\d{1,2}/\d{4}))?'
  fields: {date: 2}
  doc_type: Kế hoạch
  priority: 2
  examples:
    - text: "triển khai Kế hoạch số 45/KH-UBND ngày 12/3/2023 của tỉnh Bắc Kạn"
      expect: {number: "45/KH-UBND", date: "12/3/2023"}
  counter_examples:
    - "Kế hoạch này được phổ biến tới các xã"
    - text: "kế hoạch số 45/KH-UBND"
- id: test.hotline
  pattern: 'đường dây nóng'
  case_insensitive: true
  examples:
    - text: "gọi ĐƯỜNG DÂY NÓNG của sở"
      expect: {}
  counter_examples: ["gọi tổng đài"]
)yaml";

StatusOr<RuleBook> Load(const std::string& text, const std::string& path = "rules/t/a.yaml") {
  return RuleBook::FromFiles({{"t", path, text}});
}

TEST(RuleLoader, ReadsEveryPartOfARule) {
  StatusOr<RuleBook> book = Load(kGood);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  ASSERT_NE(book->Topic("t"), nullptr);
  EXPECT_EQ(book->Topic("x"), nullptr);
  EXPECT_EQ(book->Topics(), std::vector<std::string>{"t"});
  const Rule* r = book->FindRule("test.ke_hoach");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->topic, "t");
  EXPECT_EQ(r->Location(), "rules/t/a.yaml:2");
  EXPECT_FALSE(r->case_insensitive);
  ASSERT_EQ(r->fields.size(), 2u);
  EXPECT_EQ(r->fields[0].name, "number");
  EXPECT_EQ(r->fields[0].group, 1);
  EXPECT_EQ(r->fields[1].name, "date");
  EXPECT_EQ(r->fields[1].group, 2);  // named groups count in the numbering, as in RE2
  EXPECT_EQ(r->Attr("doc_type"), "Kế hoạch");
  EXPECT_EQ(r->Attr("priority"), "2");
  EXPECT_EQ(r->Attr("scale", "đồng"), "đồng");
  ASSERT_EQ(r->examples.size(), 1u);
  EXPECT_EQ(r->examples[0].line, 8);
  EXPECT_EQ(r->examples[0].expect["number"], "45/KH-UBND");
  ASSERT_EQ(r->counter_examples.size(), 2u);
  EXPECT_EQ(r->counter_examples[1].text, "kế hoạch số 45/KH-UBND");
  EXPECT_EQ(r->counter_examples[1].line, 12);
  const Rule* h = book->FindRule("test.hotline");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->case_insensitive);
  EXPECT_EQ(book->AllRules().size(), 2u);
}

TEST(RuleLoader, SkipsTheSegmenterTableAndEmptyFiles) {
  StatusOr<RuleBook> book = RuleBook::FromFiles(
      {{"sections", "rules/sections/kinds.yaml", "kinds: {muc_dich: [Mục đích]}"},
       {"t", "rules/t/empty.yaml", ""}});
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_TRUE(book->Topics().empty());
}

struct BrokenCase {
  const char* name;
  const char* yaml;
  const char* want;  // substring of the error message
};

// Each broken rule sits after one line of comment, so its first key is on line 2.
const BrokenCase kBroken[] = {
    {"yaml_syntax", "# x\n- id: a\n  pattern: [unclosed\n", "rules/t/a.yaml:4:"},
    {"not_a_list", "# x\nid: a\npattern: b\n", "rules/t/a.yaml:2: a rule file is a list"},
    {"unknown_key",
     "# x\n- id: r.one\n  pattern: 'a'\n  scael: tỷ\n  examples: [{text: a, expect: {}}]\n"
     "  counter_examples: [b]\n",
     "rules/t/a.yaml:4: rule r.one: unknown key 'scael'"},
    {"bad_pattern",
     "# x\n- id: r.two\n  examples: [{text: a, expect: {}}]\n  counter_examples: [b]\n"
     "  pattern: 'Nghị định (số'\n",
     "rules/t/a.yaml:5: rule r.two: bad pattern: missing ): Nghị định (số (at 'Nghị định (số')"},
    {"bad_after_folding",
     "# x\n- id: r.fold\n  pattern: '[ý-ả]'\n  examples: [{text: ý, expect: {}}]\n"
     "  counter_examples: [b]\n",
     "rules/t/a.yaml:3: rule r.fold: bad pattern once diacritics are folded: invalid character "
     "class range"},
    {"no_examples", "# x\n- id: r.three\n  pattern: 'a'\n  counter_examples: [b]\n",
     "rules/t/a.yaml:2: rule r.three: needs at least one example"},
    {"no_counter_examples", "# x\n- id: r.four\n  pattern: 'a'\n  examples: [{text: a}]\n",
     "rules/t/a.yaml:2: rule r.four: needs at least one counter-example"},
    {"missing_id", "# x\n- pattern: 'a'\n  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:2: rule ?: id must be present"},
    {"missing_pattern", "# x\n- id: r.five\n  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:2: rule r.five: pattern is missing or empty"},
    {"group_out_of_range",
     "# x\n- id: r.six\n  pattern: '(a)'\n  fields:\n    year: 3\n"
     "  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:5: rule r.six: field 'year' names group 3 but the pattern has 1 groups"},
    {"bad_case_flag",
     "# x\n- id: r.seven\n  pattern: 'a'\n  case_insensitive: often\n"
     "  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:4: rule r.seven: case_insensitive must be true or false"},
    {"attribute_not_scalar",
     "# x\n- id: r.eight\n  pattern: 'a'\n  unit: [hộ, người]\n"
     "  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:4: rule r.eight: attribute 'unit' must be a scalar"},
    {"example_without_text",
     "# x\n- id: r.nine\n  pattern: 'a'\n  examples:\n    - expect: {x: 1}\n"
     "  counter_examples: [b]\n",
     "rules/t/a.yaml:5: rule r.nine: an example needs 'text'"},
    {"uppercase_id",
     "# x\n- id: Citation.QD\n  pattern: 'a'\n  examples: [{text: a}]\n  counter_examples: [b]\n",
     "rules/t/a.yaml:2: rule Citation.QD: id must be present, lowercase"},
    {"rule_not_a_map", "# x\n- just a string\n", "rules/t/a.yaml:2: rule ?: a rule must be a map"},
};

class BrokenRuleFile : public testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenRuleFile, IsRefusedWithFileLineAndId) {
  StatusOr<RuleBook> book = Load(GetParam().yaml);
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(book.status().message().find(GetParam().want), std::string::npos)
      << book.status().message();
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenRuleFile, testing::ValuesIn(kBroken),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(RuleLoader, DuplicateIdsAcrossFilesNameBothPlaces) {
  const std::string rule =
      "- id: dup.id\n  pattern: 'x'\n  examples: [{text: x}]\n  counter_examples: [y]\n";
  StatusOr<RuleBook> book =
      RuleBook::FromFiles({{"t", "rules/t/b.yaml", "# b\n" + rule}, {"u", "rules/u/a.yaml", rule}});
  ASSERT_FALSE(book.ok());
  // Files are read in path order, so u/a.yaml holds the second definition.
  EXPECT_NE(book.status().message().find(
                "rules/u/a.yaml:1: rule dup.id: duplicate id (first at rules/t/b.yaml:2)"),
            std::string::npos)
      << book.status().message();
}

// A rule of n named groups "(?P<f1>a)(?P<f2>a)...", each matching one "a".
std::string RuleWithFields(int n) {
  std::string pattern;
  for (int i = 1; i <= n; ++i) pattern += "(?P<f" + std::to_string(i) + ">a)";
  return "# x\n- id: r.wide\n  pattern: '" + pattern +
         "'\n  examples: [{text: " + std::string(n, 'a') + "}]\n  counter_examples: [b]\n";
}

TEST(RuleLoader, FieldsUpToTheLimitLoadOneMoreIsRefused) {
  StatusOr<RuleBook> at_limit = Load(RuleWithFields(kMaxRuleFields));
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  std::vector<Match> matches;
  at_limit->Topic("t")->FindAll(std::string(kMaxRuleFields, 'a'), false, &matches);
  ASSERT_EQ(matches.size(), 1u);
  const std::string last = "f" + std::to_string(kMaxRuleFields);
  EXPECT_EQ(matches[0].Capture(last).start, static_cast<size_t>(kMaxRuleFields - 1));

  StatusOr<RuleBook> over = Load(RuleWithFields(kMaxRuleFields + 1));
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("rules/t/a.yaml:3: rule r.wide: more than " +
                                         std::to_string(kMaxRuleFields) + " fields"),
            std::string::npos)
      << over.status().message();
}

TEST(RuleLoader, ReportsEveryProblemNotJustTheFirst) {
  StatusOr<RuleBook> book = Load(
      "- id: p.one\n  pattern: '('\n  examples: [{text: a}]\n  counter_examples: [b]\n"
      "- id: p.two\n  pattern: 'a'\n  colour: red\n  examples: [{text: a}]\n"
      "  counter_examples: [b]\n");
  ASSERT_FALSE(book.ok());
  const std::string& m = book.status().message();
  EXPECT_NE(m.find("rules/t/a.yaml:2: rule p.one: bad pattern"), std::string::npos) << m;
  EXPECT_NE(m.find("rules/t/a.yaml:7: rule p.two: unknown key 'colour'"), std::string::npos) << m;
}

TEST(RuleLoader, LoadDirReportsAMissingFolder) {
  StatusOr<RuleBook> book = RuleBook::LoadDir("/nonexistent/vnplan-rules");
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().code(), Status::Code::kIOError);
}

TEST(RuleLoader, TheBuiltinRulesLoad) {
  StatusOr<RuleBook> book = RuleBook::Builtin();
  ASSERT_TRUE(book.ok()) << book.status().message();
  for (const Rule* r : book->AllRules()) {
    EXPECT_EQ(r->file.rfind("rules/" + r->topic + "/", 0), 0u) << r->file;
  }
}

}  // namespace
}  // namespace vnplan
