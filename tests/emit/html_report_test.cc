// The HTML report sink: hostile text escaped, no reference outside the page, links that land,
// legal bases with their status, budget trees, atomic output.
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "emit/emit.h"
#include "sample_document.h"
#include "temp_dir.h"

namespace vnplan {
namespace {

using testing::PlanSample;
using testing::ReadFile;
using testing::SampleDocument;
using testing::TestDir;

// Writes `docs` (and `corpus` findings: document id, finding) into a report; returns the page.
std::string Report(const std::filesystem::path& path, const std::vector<SampleDocument>& docs,
                   const std::vector<std::pair<std::string, Record>>& corpus = {},
                   const HtmlReportOptions& options = {}) {
  StatusOr<std::unique_ptr<HtmlReportSink>> sink = OpenHtmlReportSink(path.string(), options);
  EXPECT_TRUE(sink.ok()) << sink.status().ToString();
  if (!sink.ok()) return "";
  for (const SampleDocument& d : docs) {
    Status s = (*sink)->Write(d.View());
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  for (const auto& [doc, f] : corpus) EXPECT_TRUE((*sink)->AddFinding(doc, f).ok());
  Status s = (*sink)->Finish();
  EXPECT_TRUE(s.ok()) << s.ToString();
  return ReadFile(path);
}

std::set<std::string> Matches(const std::string& page, const std::string& pattern) {
  std::set<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(page.begin(), page.end(), re); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

size_t Count(const std::string& page, const std::string& needle) {
  size_t n = 0;
  for (size_t at = page.find(needle); at != std::string::npos; at = page.find(needle, at + 1)) ++n;
  return n;
}

struct Tag {
  std::string name;
  std::vector<std::string> attributes;
};

// The start tags of the page as a browser would read them (quoted attribute values may hold
// anything but their quote; the contents of <style> and <script> are raw text).
std::vector<Tag> StartTags(const std::string& page) {
  std::vector<Tag> tags;
  size_t i = 0;
  auto word = [&](size_t* at) {
    size_t b = *at;
    while (*at < page.size() && (isalnum(static_cast<unsigned char>(page[*at])) ||
                                 page[*at] == '-' || page[*at] == '!')) {
      ++*at;
    }
    return page.substr(b, *at - b);
  };
  while ((i = page.find('<', i)) != std::string::npos) {
    ++i;
    if (i >= page.size() || !(isalpha(static_cast<unsigned char>(page[i])) || page[i] == '!')) {
      continue;
    }
    Tag t{word(&i), {}};
    while (i < page.size() && page[i] != '>') {
      if (isspace(static_cast<unsigned char>(page[i])) || page[i] == '/') {
        ++i;
        continue;
      }
      const std::string name = word(&i);
      if (name.empty()) {
        ++i;
        continue;
      }
      t.attributes.push_back(name);
      if (i < page.size() && page[i] == '=') {
        ++i;
        if (page[i] == '"' || page[i] == '\'') {
          i = page.find(page[i], i + 1) + 1;
        } else {
          while (i < page.size() && !isspace(static_cast<unsigned char>(page[i])) && page[i] != '>')
            ++i;
        }
      }
    }
    if (t.name == "style" || t.name == "script") i = page.find("</" + t.name, i);
    tags.push_back(std::move(t));
  }
  return tags;
}

// A plan whose text, path and record fields carry markup and script.
SampleDocument HostileSample() {
  SampleDocument d;
  d.path = "plans/\"><img src=x onerror=alert(1)>.txt";
  d.text =
      "KẾ HOẠCH <script>alert('text')</script>\n"
      "Căn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2024 của \"><img src=x onerror=alert(2)>;\n"
      "Kinh phí 10 triệu đồng </pre><script>alert(3)</script> '><svg onload=alert(4)>\n";
  d.id = Sha256Hex(d.text);
  d.records.push_back({"document", {}, "segment.header", "", {{"path", d.path}, {"year", 2024}}});
  d.Add("citation", "Quyết định số 12/QĐ-UBND ngày 01/02/2024", "citation.quyet_dinh", "can_cu",
        {{"number", "12/QĐ-UBND"},
         {"date", "2024-02-01"},
         {"issuer", "\"><img src=x onerror=alert(5)>"},
         {"title", "<script>alert(6)</script>"},
         {"role", "legal_basis"}});
  d.Add("date", "01/02/2024", "date.dmy", "can_cu", {{"iso", "2024-02-01"}, {"kind", "cited"}});
  d.Add("amount", "10 triệu đồng", "amount.trieu", "",
        {{"value_vnd", 10000000}, {"scale", "triệu"}, {"fund", "<b onmouseover=alert(7)>"}});
  d.Add("finding", "Quyết định số 12/QĐ-UBND", "audit.x", "can_cu",
        {{"code", "<script>alert(8)</script>"},
         {"severity", "error"},
         {"message", "\"><img src=x onerror=alert(9)>"},
         {"records", {1}}});
  return d;
}

TEST(HtmlReport, HostileTextRendersAsText) {
  const auto dir = TestDir();
  const std::string page = Report(dir / "report.html", {HostileSample()});
  // The page's own script is the only element of its kind; nothing from the input is a tag.
  EXPECT_EQ(Count(page, "<script"), 1u);
  EXPECT_EQ(Count(page, "<img"), 0u);
  EXPECT_EQ(Count(page, "<svg"), 0u);
  EXPECT_EQ(Count(page, "<b "), 0u);
  EXPECT_EQ(Count(page, "</pre>"), 1u);  // the document's own <pre> only
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(page.find("&lt;b onmouseover=alert(7)&gt;"), std::string::npos);  // hover fields
  EXPECT_NE(page.find("plans/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt"), std::string::npos);
  // Every element is one the report writes, and no attribute is an event handler.
  const std::set<std::string> kOurs = {
      "!DOCTYPE", "html", "head", "meta",    "title", "style", "body",  "h1",    "h2",
      "h3",       "p",    "b",    "a",       "span",  "ul",    "li",    "table", "tr",
      "th",       "td",   "br",   "section", "pre",   "div",   "script"};
  for (const Tag& t : StartTags(page)) {
    EXPECT_TRUE(kOurs.count(t.name)) << "<" << t.name;
    for (const std::string& a : t.attributes) EXPECT_NE(a.substr(0, 2), "on") << "<" << t.name;
  }
}

TEST(HtmlReport, SelfContained) {
  const auto dir = TestDir();
  const std::string page = Report(dir / "report.html", {PlanSample(), HostileSample()});
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("src="), page.find("src=x"));  // only the escaped hostile text
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);

  // A URL in a document stays text, never a reference.
  SampleDocument with_url = PlanSample("a.txt");
  with_url.text += "Xem https://example.org/x.js\n";
  const std::string page2 = Report(dir / "report2.html", {with_url});
  EXPECT_EQ(Count(page2, "https://"), 1u);
  EXPECT_FALSE(std::regex_search(page2, std::regex("(href|src)=\"https?:")));
}

TEST(HtmlReport, EveryLinkLandsOnAnIdInThePage) {
  const auto dir = TestDir();
  const SampleDocument a = PlanSample("plans/a.txt", 0);
  const SampleDocument b = PlanSample("plans/b.txt", 1);
  Record cross;  // a cross-document finding on b's citation (seq 2)
  cross.type = "finding";
  cross.span = b.SpanOf("Quyết định số 90/QĐ-TTg ngày 18/01/2022");
  cross.fields = {{"code", "citation.date_conflict"},
                  {"severity", "error"},
                  {"message", "cited with another date elsewhere"},
                  {"records", {2}}};
  const std::string page =
      Report(dir / "report.html", {a, b, HostileSample()}, {{b.id, cross}, {"unknown-id", cross}});
  const std::set<std::string> ids = Matches(page, "id=\"([^\"]+)\"");
  const std::set<std::string> hrefs = Matches(page, "href=\"#([^\"]+)\"");
  EXPECT_GT(hrefs.size(), 10u);
  for (const std::string& h : hrefs) EXPECT_TRUE(ids.count(h)) << "#" << h << " goes nowhere";
  EXPECT_EQ(Matches(page, "href=\"([^#][^\"]*)\"").size(), 0u);  // no link leaves the page
  // Each finding in the list links to its highlight in the text.
  EXPECT_NE(page.find("<li id=\"f0-8\""), std::string::npos);
  EXPECT_NE(page.find("href=\"#d0-r8\""), std::string::npos);
  EXPECT_NE(page.find("id=\"d0-r8\""), std::string::npos);
  // The cross-document finding is listed with b (document 1) and lands on b's citation.
  const size_t item = page.find("<li id=\"f1-c0\"");
  ASSERT_NE(item, std::string::npos);
  EXPECT_NE(page.find("href=\"#d1-r2\"", item), std::string::npos);
  EXPECT_EQ(page.find("f2-c0"), std::string::npos);  // an unknown document id is ignored
}

TEST(HtmlReport, FindingsGroupedByDocumentMostSevereFirst) {
  const auto dir = TestDir();
  SampleDocument d = PlanSample();
  d.Add("finding", "1.500 triệu đồng", "audit.budget", "I.2",
        {{"code", "budget.sum_mismatch"},
         {"severity", "error"},
         {"message", "parts differ"},
         {"records", {5}}});
  d.Add("finding", "Phòng Lao động", "audit.info", "I.3",
        {{"code", "header.incomplete"},
         {"severity", "info"},
         {"message", "blank"},
         {"records", nlohmann::json::array()}});
  const std::string page = Report(dir / "report.html", {d});
  const size_t error = page.find("budget.sum_mismatch</span>");
  const size_t warning = page.find("citation.year_missing</span>");
  const size_t info = page.find("header.incomplete</span>");
  ASSERT_NE(error, std::string::npos);
  EXPECT_LT(error, warning);
  EXPECT_LT(warning, info);
  EXPECT_NE(page.find("1 errors</b><b>1 warnings</b><b>1 notes"), std::string::npos);

  // --min-severity / --only leave findings out of the list and the text.
  HtmlReportOptions errors;
  errors.min_severity = "error";
  const std::string errors_only = Report(dir / "errors.html", {d}, {}, errors);
  EXPECT_EQ(errors_only.find("citation.year_missing"), std::string::npos);
  EXPECT_NE(errors_only.find("budget.sum_mismatch"), std::string::npos);
  HtmlReportOptions only_info;
  only_info.only = {"header.incomplete"};
  const std::string only = Report(dir / "only.html", {d}, {}, only_info);
  EXPECT_EQ(only.find("budget.sum_mismatch"), std::string::npos);
  EXPECT_EQ(only.find("t-finding sev-error\" id"), std::string::npos);
}

TEST(HtmlReport, HighlightsNestWithTheirRecordOnHover) {
  const auto dir = TestDir();
  SampleDocument d = PlanSample();
  d.Add("date", "18/01/2022", "date.dmy", "can_cu", {{"iso", "2022-01-18"}, {"kind", "cited"}});
  const std::string page = Report(dir / "report.html", {d});
  // The citation holds both the finding on its first words and the date at its end.
  const size_t cit = page.find("<span class=\"hl t-citation\" id=\"d0-r2\"");
  const size_t finding = page.find("<span class=\"hl t-finding sev-warning\" id=\"d0-r8\"");
  const size_t date =
      page.find("Quyết định số 90/QĐ-TTg</span> ngày <span class=\"hl t-date\" id=\"d0-r9\"");
  ASSERT_NE(cit, std::string::npos);
  EXPECT_LT(cit, finding);
  EXPECT_LT(finding, date);
  EXPECT_NE(date, std::string::npos);
  EXPECT_NE(page.find("18/01/2022</span></span> của"), std::string::npos);
  EXPECT_NE(page.find("data-f=\"citation #2 · line 5 · section can_cu · citation.quyet_dinh\n"
                      "doc_type: Quyết định\nnumber: 90/QĐ-TTg"),
            std::string::npos);
  for (const char* type : {"quantity", "amount", "responsibility", "report"}) {
    EXPECT_NE(page.find(std::string("class=\"hl t-") + type + "\" id="), std::string::npos) << type;
  }
  EXPECT_EQ(page.find("t-section"), std::string::npos);  // sections are not highlighted
}

TEST(HtmlReport, LegalBasesWithTheirAuditStatus) {
  const auto dir = TestDir();
  SampleDocument clean = PlanSample("clean.txt", 1);
  clean.records.pop_back();  // drop its finding
  const std::string page = Report(dir / "report.html", {PlanSample(), clean});
  const size_t table = page.find("<h2 id=\"legal-bases\">");
  const size_t end = page.find("<h2 id=\"budgets\">");
  ASSERT_LT(table, end);
  const std::string rows = page.substr(table, end - table);
  EXPECT_EQ(Count(rows, "<tr><td class=\"path\">"), 2u);
  EXPECT_NE(rows.find("<a class=\"code sev-warning\" href=\"#f0-8\">citation.year_missing</a>"),
            std::string::npos);
  EXPECT_NE(rows.find("<td class=\"ok\">ok</td>"), std::string::npos);
  EXPECT_NE(rows.find("<td>90/QĐ-TTg</td><td>2022-01-18</td><td>Thủ tướng Chính phủ</td>"),
            std::string::npos);
}

TEST(HtmlReport, BudgetTreeWithItsSums) {
  const auto dir = TestDir();
  SampleDocument d;
  d.path = "budget.txt";
  d.text =
      "Tổng kinh phí 148,4 tỷ đồng, trong đó:\n- Vốn ngân sách nhà nước: 83,8 tỷ đồng.\n"
      "- Vốn nhân dân đóng góp: 65 tỷ đồng.\nCác xã chủ động bố trí.\n";
  d.id = Sha256Hex(d.text);
  d.records.push_back({"document", {}, "segment.header", "", {{"year", 2024}}});
  d.Add("amount", "148,4 tỷ đồng", "amount.ty", "",
        {{"value_vnd", 148400000000}, {"scale", "tỷ"}, {"per", nullptr}});
  d.Add("amount", "83,8 tỷ đồng", "amount.ty", "",
        {{"value_vnd", 83800000000},
         {"scale", "tỷ"},
         {"fund", "ngân sách nhà nước"},
         {"per", nullptr}});
  d.Add("amount", "65 tỷ đồng", "amount.ty", "",
        {{"value_vnd", 65000000000}, {"scale", "tỷ"}, {"project", "du_an_2"}, {"per", nullptr}});
  const std::string page = Report(dir / "report.html", {d});
  const size_t tree = page.find("<ul class=\"tree\">");
  ASSERT_NE(tree, std::string::npos);
  const std::string t = page.substr(tree, page.find("<h2 id=\"documents\">") - tree);
  EXPECT_NE(t.find("<a href=\"#d0-r1\"><span class=\"val\">148.400.000.000 đ</span></a>"),
            std::string::npos);
  EXPECT_NE(t.find("parts add up to 148.800.000.000 đ, off by 400.000.000 đ"), std::string::npos);
  EXPECT_LT(t.find("83.800.000.000 đ"), t.find("65.000.000.000 đ"));
  EXPECT_NE(t.find("<span class=\"tag\">fund ngân sách nhà nước</span>"), std::string::npos);
  EXPECT_NE(t.find("<span class=\"tag\">project du_an_2</span>"), std::string::npos);
  EXPECT_EQ(Count(t, "<li>"), 3u);
}

TEST(HtmlReport, WrittenWholeOrNotAtAll) {
  const auto dir = TestDir();
  const auto path = dir / "new" / "folder" / "report.html";
  StatusOr<std::unique_ptr<HtmlReportSink>> sink = OpenHtmlReportSink(path.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE((*sink)->Write(PlanSample().View()).ok());
  EXPECT_FALSE(std::filesystem::exists(path));  // nothing at the path before Finish
  ASSERT_TRUE((*sink)->Finish().ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  EXPECT_FALSE((*sink)->Write(PlanSample().View()).ok());
  EXPECT_FALSE((*sink)->Finish().ok());

  // Dropped without Finish: no page, no temporary file.
  const auto dropped = dir / "dropped.html";
  {
    auto s = OpenHtmlReportSink(dropped.string());
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Write(PlanSample().View()).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(dropped));
  EXPECT_FALSE(std::filesystem::exists(dropped.string() + ".tmp"));

  // A span off the text is refused, as by every sink.
  SampleDocument bad = PlanSample();
  bad.records[2].span = {5, bad.text.size() + 3};
  auto s = OpenHtmlReportSink((dir / "bad.html").string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Write(bad.View()).code(), Status::Code::kInvalidArgument);

  // A folder that cannot be created.
  std::ofstream(dir / "file") << "x";
  EXPECT_FALSE(OpenHtmlReportSink((dir / "file" / "r.html").string()).ok());
}

}  // namespace
}  // namespace vnplan
