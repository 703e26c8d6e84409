// Project references as plans write them ("Dự án 4", "Tiểu dự án 2 - Dự án 6"), read into the
// program-structure ids of the record contract ("du_an_4", "du_an_6.tieu_du_an_2").
//
//   ParseProjectRefs reads every reference in a text:
//   "Dự án 4"                                  -> du_an_4
//   "Tiểu dự án 2 - Dự án 6"                   -> du_an_6.tieu_du_an_2
//   "Tiểu dự án 1 thuộc Dự án 3"               -> du_an_3.tieu_du_an_1   (also "của", no word)
//   "Dự án 4 - Tiểu dự án 3"                   -> du_an_4.tieu_du_an_3
//   "Dự án 6 (Tiểu dự án 1 và Tiểu dự án 2)"   -> du_an_6.tieu_du_an_1, du_an_6.tieu_du_an_2
//   "Dự án 2, Dự án 4, Dự án 7", "Dự án 2, 4 và 7" -> du_an_2, du_an_4, du_an_7
//   "Tiểu dự án 1, 2 thuộc Dự án 3"            -> du_an_3.tieu_du_an_1, du_an_3.tieu_du_an_2
//   "TDA3-DA4", "TDA 3 DA 4", "DA4"            -> du_an_4.tieu_du_an_3, du_an_4.tieu_du_an_3, du_an_4
//   "Tiểu dự án 1"                             -> tieu_du_an_1 with no project (du_an == 0)
// Case and diacritics do not matter ("DU AN 4", "du an 4"); the abbreviations DA / TDA count only
// in capitals, so the word "đa" never reads as a project. Numbers run from 1 to 20 ("01" is 1).
// Parenthesised descriptions after a reference are skipped: "Dự án 4 (Phát triển giáo dục nghề
// nghiệp), Dự án 7" gives du_an_4 and du_an_7.
//
//   ResolveProjects turns references into ids, using what the document's own structure says:
//   a sub-project with no project takes the enclosing project (`current`), or is dropped; and
//   when one sub-project number was shared over several projects ("Tiểu dự án 1 thuộc Dự án 2
//   và Dự án 3") a project that has no such sub-project in `known` stands for itself
//   (du_an_2, du_an_3.tieu_du_an_1). The result keeps first-seen order without repeats.
#ifndef VNPLAN_EXTRACT_PROJECT_REF_H_
#define VNPLAN_EXTRACT_PROJECT_REF_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace vnplan {

struct ProjectRef {
  Span span;                 // bytes of the text the reference was read from
  int du_an = 0;             // 0: only a sub-project was named
  int tieu_du_an = 0;        // 0: a whole project
  bool distributed = false;  // the sub-project number was shared over a list of projects

  // "du_an_6.tieu_du_an_2", "du_an_4", "tieu_du_an_1" (no project known).
  std::string Id() const;
};

std::vector<ProjectRef> ParseProjectRefs(std::string_view text);

struct ProjectContext {
  std::vector<std::string> known;  // ids the document's sections define; empty: trust the text
  std::string current;             // id of the project section the text sits in, or ""
};

std::vector<std::string> ResolveProjects(const std::vector<ProjectRef>& refs,
                                         const ProjectContext& context);

// The projects named in `text`, resolved: ResolveProjects(ParseProjectRefs(text), context).
std::vector<std::string> ProjectIdsIn(std::string_view text, const ProjectContext& context);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACT_PROJECT_REF_H_
