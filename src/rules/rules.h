// rules: the rule files of rules/<topic>/*.yaml, loaded, checked and compiled for matching.
//
// A rule file is a YAML sequence of rules. The folder a file sits in (directly under the rules
// root) is its topic: rules/citation/*.yaml form the "citation" RuleSet, rules/amount/*.yaml the
// "amount" one. Folders named in kDataFolders hold tables of other stages (rules/sections/: the
// segmenter's heading kinds; rules/registry/: the audit's known documents) and are skipped.
//
//   - id: citation.quyet_dinh.so                 # stable, unique across all files
//     pattern: 'Quyết định\s+số\s+(?P<number>\d+/QĐ-[A-Z]+)'   # RE2 syntax
//     fields: {type_word: 0}                     # extra fields: name -> capture group number
//     case_insensitive: false                    # optional, default false
//     doc_type: Quyết định                       # optional scalar attributes (kAttributeKeys)
//     examples:                                  # at least one
//       - text: "theo Quyết định số 12/QĐ-UBND của tỉnh Hà Giang"
//         expect: {number: "12/QĐ-UBND"}         # fields the record must have; ~ means null
//     counter_examples:                          # at least one; texts with no record
//       - "Quyết định này có hiệu lực kể từ ngày ký"
//
// Two named classes may be used inside a pattern's brackets, for the letters and digits of the
// scripts Vietnamese text is written in (ExpandNamedClasses):
//   [:letter:]  the letters (Unicode category L, as ICU has them) of U+0000-U+052F (Latin, IPA,
//               Greek, Cyrillic), U+1E00-U+1FFF (Vietnamese's Latin Extended Additional, Greek
//               Extended), U+2070-U+218F (letterlike symbols) and U+FF00-U+FFEF (fullwidth forms)
//   [:number:]  the numbers (category N) of the same blocks: 0-9, ², ½, Ⅻ, fullwidth digits
// They compile to a tenth of \p{L} and \p{N}, which hold every script's letters and digits: the
// boundary [^\p{L}\p{N}/] is 1,347 RE2 instructions, [^[:letter:][:number:]/] 131. Small programs
// compile sooner, and one of at most 512 instructions gets its fields by RE2's backtracker
// instead of its much slower NFA.
//   pattern: '(?:^|[^[:letter:]])(?P<date>năm\s+\d{4})(?:$|[^[:number:]])'
//
// Fields are the named groups of the pattern plus the `fields` map (group 0 is the whole match).
// Expected values compare as strings for scalars ("1500000000" matches the number 1500000000,
// "2" matches 2.0), element-wise for lists and key by key for maps; `~` wants null or absent.
//
// Every file is checked as a whole; each problem is reported as "file:line: rule <id>: message"
// (line of the offending key, 1-based), all problems of all files joined by '\n' in one
// InvalidArgument Status. Refused: YAML that does not parse, a top level that is not a sequence,
// an unknown key, a duplicate id, a missing or empty pattern, a pattern RE2 rejects (the message
// carries RE2's error() and error_arg()), a field naming a group the pattern lacks, more than
// kMaxRuleFields fields, a rule with no example or no counter-example. Loading never throws.
//
//   StatusOr<RuleBook> book = RuleBook::Builtin();      // rules/ as embedded at build time
//   const RuleSet* set = book->Topic("citation");       // nullptr when the topic has no files
//   std::vector<Match> matches;
//   set->FindAll("Căn cứ Quyết định số 12/QĐ-UBND ngày 3/5/2021", /*folded=*/false, &matches);
//   for (const Match& m : matches) {
//     std::string_view number = m.Text(text, "number");  // "12/QĐ-UBND"
//   }
//
// Matching: all patterns of a topic form one RE2::Set (unanchored), searched over the text window
// by window (1 KiB, cut at line ends) to learn which rules can fire there; only those rules then
// run with their captures, over that window and up to 256 bytes past it (a match may not start in
// one window and run more than 256 bytes past its end; the longest match of rules/ on the corpus
// is 150 bytes). Each rule also has a
// folded twin for text without diacritics: its pattern passed through FoldDiacritics
// ("Quyết định" -> "Quyet dinh", "Đ" -> "D") and always case-insensitive. FindAll(text, true, ..)
// uses the twins; `text` is then the folded text (FoldedText::text) and spans are offsets in it.
// Loading only parses the twins (a twin that does not parse is refused like a bad pattern); a
// topic's twins and their Set are compiled by the first FindAll or FindRule that asks for them,
// once, whichever thread that is.
#ifndef VNPLAN_RULES_RULES_H_
#define VNPLAN_RULES_RULES_H_

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/span.h"
#include "base/status.h"

namespace vnplan {

struct CompiledRule;  // internal to src/rules

// Folders under rules/ that hold data of other stages, not rules. A new such folder is added here.
inline constexpr std::array<std::string_view, 2> kDataFolders = {"sections", "registry"};

// Most fields one rule may declare (named groups plus the `fields` map). The widest rule of
// rules/ has 10 (amount.fund). Every Match carries this many capture spans and the matchers copy
// and sort Matches by the thousand, so the limit is kept near need: 12 instead of 24 made a Match
// 216 bytes instead of 408 and saved 0.7 % of the instructions of a run.
inline constexpr int kMaxRuleFields = 12;
// Highest capture group number a field may name.
inline constexpr int kMaxRuleGroup = 64;

// The span of a capture that did not take part in the match.
inline constexpr Span kNoSpan{std::string_view::npos, std::string_view::npos};

// Scalar attribute keys a rule may carry beside its reserved keys (id, pattern, fields,
// case_insensitive, examples, counter_examples). Extractors read them with Rule::Attr.
//   kind         what the match is: "deadline", "period", "law_by_name", ...
//   scale        the multiplier word of an amount: "triệu", "tỷ", "nghìn"
//   doc_type     the document type a citation rule stands for: "Quyết định"
//   type_code    the symbol of that type: "QĐ"
//   issuer_code  an issuer symbol fixed by the rule: "TTg"
//   unit, comparator, per, subject, fund, role, value: record fields a rule fixes
//   priority     an integer; when matches overlap, the extractor prefers the higher one
//   description, note: for people
inline constexpr std::array<std::string_view, 16> kAttributeKeys = {
    "kind", "scale", "doc_type", "type_code", "issuer_code", "unit", "comparator", "per", "subject",
    "fund", "role",  "value",    "priority",  "description", "note", "multiplier"};

struct RuleField {
  std::string name;
  int group = 0;  // capture group number; 0 is the whole match
};

struct RuleExample {
  std::string text;
  nlohmann::json expect = nlohmann::json::object();  // field -> string, null, list or map
  int line = 0;                                      // line of the example in its file
};

struct RuleCounterExample {
  std::string text;
  int line = 0;
};

struct Rule {
  std::string id;       // "citation.quyet_dinh.so"
  std::string topic;    // "citation": the folder holding the file
  std::string file;     // as given to the loader: "rules/citation/quyet_dinh.yaml"
  int line = 0;         // 1-based line of the rule's first key
  std::string pattern;  // as written (RE2 syntax)
  bool case_insensitive = false;
  std::vector<RuleField> fields;  // named groups first (in group order), then the `fields` map
  std::map<std::string, std::string, std::less<>> attrs;
  std::vector<RuleExample> examples;
  std::vector<RuleCounterExample> counter_examples;

  // The attribute `key`, or `fallback` when the rule does not set it.
  //   rule.Attr("doc_type")          == "Quyết định"
  //   rule.Attr("scale", "đồng")     == "đồng"    (not set)
  std::string_view Attr(std::string_view key, std::string_view fallback = {}) const;
  // Position of field `name` in `fields`, or -1.
  int FieldIndex(std::string_view name) const;
  // "rules/citation/quyet_dinh.yaml:12"
  std::string Location() const;
};

// One match of one rule. Spans are byte offsets into the text searched.
struct Match {
  const Rule* rule = nullptr;
  Span span;
  std::array<Span, kMaxRuleFields> captures;  // parallel to rule->fields; kNoSpan when absent

  // The span of field `name`; kNoSpan when the group did not take part or the rule has no such
  // field.
  Span Capture(std::string_view name) const;
  bool Has(std::string_view name) const { return Capture(name).start != kNoSpan.start; }
  // The captured bytes of `text` (the text searched), "" when absent.
  std::string_view Text(std::string_view text, std::string_view name) const;
};

// The compiled rules of one topic. Immutable after loading; safe to share between threads.
class RuleSet {
 public:
  const std::string& topic() const { return topic_; }
  // The rules, in file order (files sorted by path).
  const std::vector<const Rule*>& rules() const { return rules_; }

  // Replaces *out with every match of every rule in `text`: for each rule its leftmost,
  // non-overlapping matches, left to right (an empty match advances one character). Matches of
  // different rules may overlap: the caller chooses. Sorted by start, then longest first, then
  // rule order. With `folded`, the folded twins run: `text` should be FoldedText::text.
  //
  //   set->FindAll("Quyet dinh so 5/QD-UBND", /*folded=*/true, &out);   // spans in that text
  void FindAll(std::string_view text, bool folded, std::vector<Match>* out) const;
  // FindAll's first step alone: for each window of `text` it searches (about 1 KiB, cut after a
  // line end), the rules whose Set fires there (indices into rules(), ascending), before any rule
  // runs. For measuring that step (vnplan_bench BM_SetScan).
  void ForEachWindow(
      std::string_view text, bool folded,
      const std::function<void(Span window, std::span<const int> hits)>& visit) const;
  // As FindAll, for one rule of this set only (no Set search). Replaces *out.
  void FindRule(const Rule& rule, std::string_view text, bool folded,
                std::vector<Match>* out) const;

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

 private:
  friend class RuleBook;
  struct Compiled;
  RuleSet();
  // Takes the rules of one topic and compiles their Sets; false, with *error set, when RE2 runs
  // out of memory.
  static bool Build(std::string topic, std::vector<CompiledRule> rules, RuleSet* out,
                    std::string* error);

  std::string topic_;
  std::vector<const Rule*> rules_;
  std::unique_ptr<Compiled> compiled_;
};

// A rule file handed to RuleBook::FromFiles: its topic, the name used in messages, its text.
struct RuleFile {
  std::string topic;
  std::string path;
  std::string text;
};

// Every topic's RuleSet, compiled once. Movable, not copyable; thread-safe for reading.
class RuleBook {
 public:
  // rules/ as embedded in the binary at build time (EmbeddedRuleFiles). File names in messages
  // are repo-relative: "rules/citation/quyet_dinh.yaml".
  static StatusOr<RuleBook> Builtin();
  // Every *.yaml under `dir`, topic = first folder below `dir`; files directly in `dir` and the
  // kDataFolders are skipped. A missing or unreadable `dir` is an IOError.
  static StatusOr<RuleBook> LoadDir(const std::string& dir);
  // From files in memory (tests); files whose topic is one of kDataFolders are skipped.
  static StatusOr<RuleBook> FromFiles(const std::vector<RuleFile>& files);

  // The topic's rules, or nullptr when no file has that topic.
  const RuleSet* Topic(std::string_view topic) const;
  // Topic names, sorted.
  std::vector<std::string> Topics() const;
  // All rules, by topic then file order.
  std::vector<const Rule*> AllRules() const;
  // The rule with that id, or nullptr.
  const Rule* FindRule(std::string_view id) const;

  RuleBook(RuleBook&&) noexcept;
  RuleBook& operator=(RuleBook&&) noexcept;
  ~RuleBook();

 private:
  struct Impl;
  RuleBook();
  std::unique_ptr<Impl> impl_;
};

// The raw captures of `rule`'s first match in `text` (the plain view, or the folded view when
// the plain one has no match and `text` has no diacritics): {"number": "12/QĐ-UBND", ...}, a
// field absent from the match as null. Returns null when the rule does not match.
nlohmann::json RuleCaptures(const RuleBook& book, const Rule& rule, std::string_view text);

// A failed example: where it is and what differed.
struct ExampleFailure {
  std::string file;
  int line = 0;  // the example's line
  std::string rule_id;
  std::string message;  // "number: expected \"12/QĐ-UBND\", got \"12/QĐ\"", "no record", ...
  // "rules/citation/x.yaml:40: rule citation.quyet_dinh.so: number: expected ..."
  std::string ToString() const;
};

struct RuleTestResult {
  int passed = 0;  // examples and counter-examples that held
  std::vector<ExampleFailure> failures;
};

// Runs every example and counter-example of every rule through `fields_of` (extract's
// ExampleFields: the fields of the record `rule` makes on `text`, or null for none). An example
// fails when fields_of gives null or a field differs from `expect`; a counter-example fails when
// fields_of gives anything but null.
using FieldsOf = std::function<nlohmann::json(const Rule& rule, std::string_view text)>;
RuleTestResult TestRules(const RuleBook& book, const FieldsOf& fields_of);

// Compares one expected value (as loaded from `expect`) with what a record holds; on a
// difference returns false and describes it in *why. Exposed for tests.
bool ExpectMatches(const nlohmann::json& expected, const nlohmann::json& got, std::string* why);

// Writes `pattern` to *out with each named class ([:letter:], [:number:]; see the top of this
// file) replaced by its ranges ("A-Za-z\x{AA}\x{B5}..."), RE2's own [:digit:] and the like left
// as they are. Returns false with *error when a named class stands outside brackets, where RE2
// would read "[:letter:]" as the class of ':', 'l', 'e', 't' and 'r'.
//   ExpandNamedClasses("[^[:number:]/]", &out, &error) -> true, out == "[^0-9\x{B2}-\x{B3}...]"
//   ExpandNamedClasses("[:letter:]+", &out, &error)    -> false, error names "[[:letter:]]"
bool ExpandNamedClasses(std::string_view pattern, std::string* out, std::string* error);

// `pattern` rewritten for ripgrep's -f (Rust regex syntax), which joins its lines with '|': one
// line, wrapped in "(?:...)" ("(?i:...)" when case-insensitive) so that flags stay inside, group
// names dropped (they would repeat across lines), RE2-only escapes translated ("\/" -> "/",
// "\Q...\E" quoted, "\C" -> ".", named classes written out), and, as ripgrep reads line by line
// and refuses '\n', a newline matched as \s (dropped from a character class, kept in a negated
// one). Used by `vnplan rules export --patterns`.
//   ToRipgrepPattern(rule) == "(?i:Quyết định\s+số\s+(?:\d+))"   for the pattern
//   "Quyết định\s+số\s+(?P<number>\d+)" with case_insensitive: true
std::string ToRipgrepPattern(const Rule& rule);

}  // namespace vnplan

#endif  // VNPLAN_RULES_RULES_H_
