// Internal to segment: the section tree of a document's body.
//
// Headings nest by the order in which their numbering schemes appear in the document, not by a
// fixed ladder: the builder keeps a stack of open schemes; a heading in a scheme not on the
// stack opens a level under the current one, a heading in a scheme already on the stack closes
// the levels above it and becomes a sibling there. A heading only counts when its number is
// plausible where it stands — the next one of its list (I -> II, 2.1 -> 2.2, d -> đ -> e; one
// missing number is tolerated) or the first of a new list (1, a, I) — so that a stray "1." in a
// paragraph or a list restarting inside an item does not break the tree.
//
// What opens a section:
//   - Roman, Arabic (1., 2.1., 2.1.3.), letter (a), đ)), "1)", "A." numbering; "Điều N.";
//     "Phần / Chương / Mục N";
//   - "Dự án N: ..." and "Tiểu dự án N: ..." lines, numbered or not, also after a bullet
//     ("- Dự án 2: ...") or after "Thực hiện" ("Thực hiện Tiểu dự án 2, Dự án 7: ...");
//   - an unnumbered lead-in whose words name a kind ("Mục đích: ...", "Kinh phí thực hiện:"),
//     only where the body has no numbered top level above it (documents written as a series of
//     lead-ins, such as seed 003).
// Bullets (-, +, *) are list items, not sections: they stay in the text of their section. A
// bullet with the same mark as a bulleted "Dự án" line closes that project's section.
#ifndef VNPLAN_SEGMENT_SECTION_TREE_H_
#define VNPLAN_SEGMENT_SECTION_TREE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "segment/lines.h"
#include "segment/segment.h"

namespace vnplan::segment {

struct Body {
  std::vector<Section> sections;  // pre-order, levels from 1
  size_t first_heading = 0;       // line of the first section; `end` when there is none
};

// Builds the tree of lines [begin, end). `text` is the normalized text the lines point into;
// ids already in `used_ids` are not reused (and new ones are added).
Body BuildBody(const std::vector<Line>& lines, size_t begin, size_t end, std::string_view text,
               const SectionKinds& kinds, std::set<std::string>* used_ids);

}  // namespace vnplan::segment

#endif  // VNPLAN_SEGMENT_SECTION_TREE_H_
