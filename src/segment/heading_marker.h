// Internal to segment: what opens a line of the body. Each numbering scheme of Vietnamese
// administrative texts is recognised with its value, so that the tree builder can check that
// numbers follow each other (I -> II, 1 -> 2, a -> b -> c -> d -> đ).
//
//   Marker m = ScanMarker("2.1. Dự án 2: Đa dạng hóa sinh kế");
//   assert(m.scheme == Scheme::kArabic && m.label == "2.1" && m.value == std::vector{2, 1});
//   std::optional<ProjectRef> p = ScanProjectHeading("Tiểu dự án 2, Dự án 7: Nâng cao ...", true);
//   assert(p->du_an == 7 && p->tieu_du_an == 2);
#ifndef VNPLAN_SEGMENT_HEADING_MARKER_H_
#define VNPLAN_SEGMENT_HEADING_MARKER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::segment {

enum class Scheme {
  kNone,
  kPart,         // "Phần I", "PHẦN THỨ HAI"
  kChapter,      // "Chương II"
  kMuc,          // "Mục 1" (a group of articles)
  kArticle,      // "Điều 3."
  kUpperLetter,  // "A.", "B)" (I, V and X are Roman)
  kRoman,        // "IV.", "II/", "III -"
  kArabic,       // "1.", "2.1.", "2. 4." (depth = value.size()), "1-"
  kArabicParen,  // "1)", "(1)"
  kLetter,       // "a)", "đ)", "b."
  kDash,         // "- " bullet
  kPlus,         // "+ " bullet
  kStar,         // "* ", "•" bullet
  kProject,      // an unlabeled "Dự án 2: ..." line (scheme of its own)
  kSubProject,   // an unlabeled "Tiểu dự án 1: ..." line
  kLeadIn,       // an unlabeled lead-in such as "Mục đích:"
};

bool IsBullet(Scheme s);

struct Marker {
  Scheme scheme = Scheme::kNone;
  std::vector<int> value;  // Roman IV -> {4}; "2.1" -> {2, 1}; b -> {2}; đ -> {5}
  std::string label;       // "IV", "2.1", "b", "Điều 3", "Phần I"; "" for bullets
  size_t text_start = 0;   // where the text after the marker begins, in the line
};

// The marker opening `line` (already trimmed); scheme kNone when the line opens with none.
// Years and thousands never count: "2024. Năm ..." and "6.800 người" are text.
Marker ScanMarker(std::string_view line);

// A project reference at the start of a heading: "Dự án 3: ...", "Tiểu dự án 1 thuộc Dự án 3",
// "Tiểu dự án 2, Dự án 7: ...", "Tiểu dự án 2 - Dự án 6". With `lead_words`, a leading
// "Thực hiện" / "Triển khai (thực hiện)" / "Nội dung" is allowed before it. The reference must
// stand as a heading: followed by a separator and a title, or by nothing ("Dự án 7." alone, the
// tail of a wrapped sentence, is refused).
struct ProjectRef {
  int du_an = 0;       // 0 when the text does not name it
  int tieu_du_an = 0;  // 0 for a Dự án heading
  std::string label;   // "Dự án 3", "Tiểu dự án 1"
};
std::optional<ProjectRef> ScanProjectHeading(std::string_view text, bool lead_words);

// True when the text says a project does not apply here ("không thuộc đối tượng của Dự án",
// "không triển khai", "không thực hiện", "không áp dụng").
bool SaysNotApplicable(std::string_view text);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_HEADING_MARKER_H_
