// Matching through a RuleSet: the Set finds the candidates, captures come from each rule, folded
// twins match text written without diacritics.
#include <algorithm>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "rules/rules.h"

namespace vnplan {
namespace {

constexpr char kRules[] = R"yaml(
- id: m.nghi_dinh
  pattern: 'Nghị định\s+(?:số\s+)?(?P<number>\d+/\d{4}/NĐ-CP)'
  examples: [{text: "Nghị định số 15/2019/NĐ-CP", expect: {number: 15/2019/NĐ-CP}}]
  counter_examples: ["Nghị định này"]
- id: m.so_hieu
  pattern: '(?P<number>\d+/\d{4}/[A-ZĐ]+-[A-Za-z]+)'
  examples: [{text: "15/2019/NĐ-CP", expect: {number: 15/2019/NĐ-CP}}]
  counter_examples: ["15/2019"]
- id: m.ngay
  pattern: 'ngày\s+(?P<day>\d{1,2})(?:/(?P<month>\d{1,2}))?'
  examples: [{text: "ngày 9/4", expect: {day: "9", month: "4"}}]
  counter_examples: ["ngay"]
- id: m.tinh
  pattern: 'tỉnh\s+(?P<name>Đắk Lắk|Hà Tĩnh)'
  case_insensitive: true
  examples: [{text: "tỉnh Hà Tĩnh", expect: {name: Hà Tĩnh}}]
  counter_examples: ["tỉnh Nghệ An"]
)yaml";

class RuleSetTest : public testing::Test {
 protected:
  void SetUp() override {
    StatusOr<RuleBook> b = RuleBook::FromFiles({{"m", "rules/m/m.yaml", kRules}});
    ASSERT_TRUE(b.ok()) << b.status().message();
    book_ = std::make_unique<RuleBook>(std::move(b).value());
    set_ = book_->Topic("m");
    ASSERT_NE(set_, nullptr);
  }

  // "rule@start-end" for each match, in order.
  std::vector<std::string> Run(const std::string& text, bool folded) {
    std::vector<Match> out;
    set_->FindAll(text, folded, &out);
    std::vector<std::string> got;
    for (const Match& m : out) {
      got.push_back(m.rule->id + "@" + std::to_string(m.span.start) + "-" +
                    std::to_string(m.span.end));
    }
    return got;
  }

  std::unique_ptr<RuleBook> book_;
  const RuleSet* set_ = nullptr;
};

TEST_F(RuleSetTest, OverlappingRulesAllReportSortedByStartThenLength) {
  const std::string text = "theo Nghị định 15/2019/NĐ-CP và 02/2020/NĐ-CP";
  // "Nghị định" is 14 bytes; the number starts at 20.
  EXPECT_EQ(Run(text, false),
            (std::vector<std::string>{"m.nghi_dinh@5-34", "m.so_hieu@20-34", "m.so_hieu@39-53"}));
}

TEST_F(RuleSetTest, CapturesByFieldName) {
  const std::string text = "họp ngày 7 và ngày 21/11";
  std::vector<Match> out;
  set_->FindAll(text, false, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].Text(text, "day"), "7");
  EXPECT_FALSE(out[0].Has("month"));
  EXPECT_EQ(out[0].Capture("month"), kNoSpan);
  EXPECT_EQ(out[0].Text(text, "month"), "");
  EXPECT_EQ(out[1].Text(text, "day"), "21");
  EXPECT_EQ(out[1].Text(text, "month"), "11");
  EXPECT_EQ(out[1].Capture("no_such_field"), kNoSpan);
}

TEST_F(RuleSetTest, NothingFiresOnUnrelatedText) {
  EXPECT_TRUE(Run("Ủy ban nhân dân huyện Mường Khương", false).empty());
  EXPECT_TRUE(Run("", false).empty());
}

TEST_F(RuleSetTest, CaseFollowsTheRule) {
  EXPECT_EQ(Run("TỈNH ĐẮK LẮK", false), std::vector<std::string>{"m.tinh@0-19"});
  EXPECT_TRUE(Run("NGHỊ ĐỊNH 15/2019/NĐ-CP", false).size() == 1);  // only m.so_hieu
}

TEST_F(RuleSetTest, FoldedTwinsMatchTextWithoutDiacritics) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"theo Nghi dinh 15/2019/ND-CP", {"m.nghi_dinh@5-28", "m.so_hieu@15-28"}},
      {"NGHI DINH SO 3/2021/ND-CP", {"m.nghi_dinh@0-25", "m.so_hieu@13-25"}},
      {"tinh dak lak", {"m.tinh@0-12"}},
      {"Ngay 30/4", {"m.ngay@0-9"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Run(c.text, true), c.want) << c.text;
  // The plain patterns keep their diacritics: only the all-ASCII number matches.
  EXPECT_EQ(Run("theo Nghi dinh so 15/2019/ND-CP", false),
            std::vector<std::string>{"m.so_hieu@18-31"});
}

// The folded twins are compiled by whichever thread first needs them: threads that start on
// unaccented text at the same moment all get every match, and the same matches as one thread.
TEST_F(RuleSetTest, FoldedTwinsFirstNeededOnManyThreadsAtOnce) {
  const std::string text = "theo Nghi dinh 15/2019/ND-CP ngay 30/4 cua tinh Ha Tinh";
  std::vector<std::vector<std::string>> got(4);
  {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < got.size(); ++t) {
      threads.emplace_back([&, t] {
        std::vector<Match> out;
        set_->FindAll(text, true, &out);
        for (const Match& m : out)
          got[t].push_back(m.rule->id + "@" + std::to_string(m.span.start));
      });
    }
    for (std::thread& th : threads) th.join();
  }
  const std::vector<std::string> want = {"m.nghi_dinh@5", "m.so_hieu@15", "m.ngay@29", "m.tinh@43"};
  for (const std::vector<std::string>& g : got) EXPECT_EQ(g, want);
  const Rule* r = book_->FindRule("m.ngay");
  ASSERT_NE(r, nullptr);
  std::vector<Match> one;
  set_->FindRule(*r, text, true, &one);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].span.start, 29u);
}

TEST_F(RuleSetTest, FoldedSpansMapBackThroughTheFold) {
  const std::string accented = "Căn cứ Nghị định số 08/2022/NĐ-CP";
  FoldedText fold = FoldDiacritics(accented);
  std::vector<Match> out;
  set_->FindAll(fold.text, true, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].rule->id, "m.nghi_dinh");
  Span back = fold.map.MapSpan(out[0].span);
  EXPECT_EQ(accented.substr(back.start, back.size()), "Nghị định số 08/2022/NĐ-CP");
}

TEST_F(RuleSetTest, FindRuleRunsOneRule) {
  const Rule* r = book_->FindRule("m.so_hieu");
  ASSERT_NE(r, nullptr);
  std::vector<Match> out;
  set_->FindRule(*r, "Nghị định 1/2018/NĐ-CP, 2/2018/NĐ-CP", false, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].rule, r);
}

TEST_F(RuleSetTest, EmptyMatchesAdvanceByOneCharacter) {
  StatusOr<RuleBook> b = RuleBook::FromFiles({{"e", "rules/e/e.yaml",
                                               "- id: e.opt\n  pattern: '(?P<d>đ)?'\n  examples: "
                                               "[{text: đ}]\n  counter_examples: [x]\n"}});
  ASSERT_TRUE(b.ok()) << b.status().message();
  std::vector<Match> out;
  b->Topic("e")->FindAll("ađb", false, &out);
  // Empty at 0, "đ" at 1-3, empty at 3 and at the end: no loop, no split UTF-8.
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1].span, (Span{1, 3}));
  EXPECT_EQ(out[3].span, (Span{4, 4}));
}

TEST_F(RuleSetTest, WindowsGiveWhatEachRuleFindsOnItsOwn) {
  // About 115 KB, so that many windows are cut, with matches near every line end and one
  // reference broken across lines.
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "dòng " + std::to_string(i) + " tỉnh Hà Tĩnh ngày " + std::to_string(i % 28 + 1) + "/" +
            std::to_string(i % 12 + 1) + "\n";
    if (i % 97 == 0) text += "theo Nghị định số\n" + std::to_string(i) + "/2021/NĐ-CP\n";
  }
  std::vector<Match> all;
  set_->FindAll(text, false, &all);
  std::vector<std::string> got, want;
  for (const Match& m : all) {
    got.push_back(m.rule->id + "@" + std::to_string(m.span.start) + "-" +
                  std::to_string(m.span.end) + ":" + std::string(m.Text(text, "number")));
  }
  std::vector<Match> one;
  std::vector<std::pair<Span, std::string>> each;
  for (const Rule* r : set_->rules()) {
    set_->FindRule(*r, text, false, &one);
    for (const Match& m : one) {
      each.push_back({m.span, r->id + "@" + std::to_string(m.span.start) + "-" +
                                  std::to_string(m.span.end) + ":" +
                                  std::string(m.Text(text, "number"))});
    }
  }
  std::stable_sort(each.begin(), each.end(), [](const auto& a, const auto& b) {
    if (a.first.start != b.first.start) return a.first.start < b.first.start;
    return a.first.end > b.first.end;
  });
  for (const auto& e : each) want.push_back(e.second);
  EXPECT_GT(text.size(), 100000u);
  EXPECT_EQ(got.size(), want.size());
  EXPECT_EQ(got, want);
}

// ForEachWindow, FindAll's first step: windows that tile the text, each naming every rule that
// FindAll then finds a match of starting in it, and no rule where nothing of it is near.
TEST_F(RuleSetTest, ForEachWindowNamesTheRulesFindAllMatchesInIt) {
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "dòng " + std::to_string(i) + (i < 200 ? " tỉnh Hà Tĩnh\n" : " ngày 9/4\n");
  }
  std::vector<Span> windows;
  std::vector<std::vector<std::string>> fired;
  set_->ForEachWindow(text, false, [&](Span w, std::span<const int> hits) {
    windows.push_back(w);
    fired.emplace_back();
    for (int i : hits) fired.back().push_back(set_->rules()[i]->id);
  });
  ASSERT_GT(windows.size(), 3u);
  EXPECT_EQ(windows.front().start, 0u);
  EXPECT_EQ(windows.back().end, text.size());
  for (size_t w = 1; w < windows.size(); ++w) EXPECT_EQ(windows[w].start, windows[w - 1].end);
  EXPECT_EQ(fired.front(), std::vector<std::string>{"m.tinh"});
  EXPECT_EQ(fired.back(), std::vector<std::string>{"m.ngay"});
  std::vector<Match> all;
  set_->FindAll(text, false, &all);
  ASSERT_EQ(all.size(), 400u);
  for (const Match& m : all) {
    size_t w = 0;
    while (m.span.start >= windows[w].end) ++w;
    EXPECT_NE(std::find(fired[w].begin(), fired[w].end(), m.rule->id), fired[w].end())
        << m.rule->id << " at " << m.span.start;
  }
}

TEST_F(RuleSetTest, MatchRunningPastItsWindowIsFound) {
  // The first window closes after the first line end past 1 KiB: the reference starts on that
  // line and ends 200 bytes into the next window, within the 256 bytes a match may run past it.
  const std::string head(1100, 'x');
  const std::string text = head + " Nghị định\n" + std::string(185, ' ') + "15/2019/NĐ-CP\n" +
                           std::string(3000, 'y') + "\n";
  std::vector<Match> out;
  set_->FindAll(text, false, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].rule->id, "m.nghi_dinh");
  EXPECT_EQ(out[0].span.start, head.size() + 1);
  EXPECT_EQ(out[0].Text(text, "number"), "15/2019/NĐ-CP");
  EXPECT_GT(out[0].span.end, text.find('\n') + 1 + 190);
}

TEST_F(RuleSetTest, RuleCapturesGiveTheFirstMatch) {
  const Rule* r = book_->FindRule("m.ngay");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(RuleCaptures(*book_, *r, "từ ngày 5/9 đến ngày 6/9"),
            (nlohmann::json{{"day", "5"}, {"month", "9"}}));
  EXPECT_EQ(RuleCaptures(*book_, *r, "ngay 12"),
            (nlohmann::json{{"day", "12"}, {"month", nullptr}}));
  EXPECT_TRUE(RuleCaptures(*book_, *r, "không có gì").is_null());
}

}  // namespace
}  // namespace vnplan
