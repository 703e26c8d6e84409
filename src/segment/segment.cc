#include "segment/segment.h"

#include <algorithm>
#include <set>

#include "segment/header_block.h"
#include "segment/lines.h"
#include "segment/section_tree.h"
#include "segment/signature_block.h"
#include "segment/text_shape.h"
#include "segment/written_date.h"

namespace vnplan {

namespace {

using segment::Line;

constexpr size_t kLevel0HeadingBytes = 100;

// The first bytes of a line, cut on a character boundary: the heading of a level-0 part.
std::string Abridged(std::string_view t) {
  if (t.size() <= kLevel0HeadingBytes) return std::string(t);
  size_t n = kLevel0HeadingBytes;
  while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;
  return std::string(t.substr(0, n)) + "…";
}

Section Level0(std::string id, const Line& first, Span extent, std::string heading) {
  Section s;
  s.kind = id;
  s.id = std::move(id);
  s.heading = std::move(heading);
  s.heading_span = first.span;
  s.extent = extent;
  return s;
}

// Without a numbered body to stop at, the preamble runs over the lines that open with its
// words ("Căn cứ", "Thực hiện", ...) or continue the line above, up to a line closing it with a
// colon ("... như sau:", "QUYẾT ĐỊNH:").
size_t PreambleEnd(const std::vector<Line>& lines, size_t begin, size_t end) {
  size_t i = begin;
  for (; i < end; ++i) {
    std::string_view t = lines[i].text;
    const std::string key = segment::FoldKey(t.substr(0, std::min<size_t>(t.size(), 40)));
    bool opener = false;
    for (std::string_view w : {"can cu", "thuc hien", "theo", "xet", "tren co so", "nham",
                               "trien khai", "tiep theo", "kinh gui"}) {
      opener = opener || segment::KeyStartsWith(key, w);
    }
    bool continues = false;
    if (i > begin) {
      std::string_view prev = lines[i - 1].text;
      continues = segment::StartsLower(t) || segment::IsAllCaps(t) ||
                  std::string_view(".;:").find(prev.back()) == std::string_view::npos;
    }
    if (!opener && !continues) break;
    if (t.ends_with(":")) return i + 1;
  }
  return i;
}

}  // namespace

Segmented Segment(const NormalizedText& norm, const SectionKinds& kinds) {
  Segmented seg;
  std::string_view text = norm.text;
  const std::vector<Line> lines = segment::SplitLines(text);
  if (lines.empty()) return seg;
  auto start_of = [&](size_t i) { return segment::LineStartOr(lines, i, text.size()); };

  const size_t header_end = segment::ParseHeaderBlock(lines, text, &seg.header);
  const segment::Tail tail = segment::ParseTail(lines, header_end, &seg.header);
  const size_t body_end = tail.found() ? tail.begin : lines.size();

  std::set<std::string> used_ids = {"header", "can_cu", "signature", "noi_nhan"};
  segment::Body body = segment::BuildBody(lines, header_end, body_end, text, kinds, &used_ids);
  const size_t can_cu_end =
      body.first_heading < body_end ? body.first_heading : PreambleEnd(lines, header_end, body_end);

  if (header_end > 0) {
    const Header& h = seg.header;
    std::string heading = h.doc_type.value.value_or("");
    if (h.title.value) heading += (heading.empty() ? "" : " ") + *h.title.value;
    seg.sections.push_back(Level0("header", lines[0], {0, start_of(header_end)}, heading));
  }
  if (can_cu_end > header_end) {
    seg.sections.push_back(Level0("can_cu", lines[header_end],
                                  {lines[header_end].span.start, start_of(can_cu_end)},
                                  Abridged(lines[header_end].text)));
    // A plan without a date says which year it is for where it is issued.
    if (!seg.header.year) {
      for (size_t i = can_cu_end; i-- > header_end && !seg.header.year;) {
        if (auto y = segment::FindPlanYear(lines[i].text, false)) seg.header.year = y->year;
      }
    }
  }
  if (!seg.header.year && seg.header.title.value) {
    if (auto y = segment::FindPlanYear(*seg.header.title.value, true)) seg.header.year = y->year;
  }
  for (Section& s : body.sections) seg.sections.push_back(std::move(s));

  if (tail.found()) {
    std::vector<Section> parts;
    if (tail.noi_nhan) {
      const size_t first = tail.noi_nhan->first;
      parts.push_back(Level0("noi_nhan", lines[first], {lines[first].span.start, 0},
                             Abridged(lines[first].text)));
    }
    if (tail.signature) {
      const size_t first = tail.signature->first;
      parts.push_back(Level0("signature", lines[first], {lines[first].span.start, 0},
                             Abridged(lines[first].text)));
    }
    std::sort(parts.begin(), parts.end(),
              [](const Section& a, const Section& b) { return a.extent.start < b.extent.start; });
    for (size_t k = 0; k < parts.size(); ++k) {
      parts[k].extent.end = k + 1 < parts.size() ? parts[k + 1].extent.start : start_of(tail.end);
      seg.sections.push_back(std::move(parts[k]));
    }
    // Whatever follows the signature (an appendix, a plan attached to a decision) is body again.
    if (tail.end < lines.size()) {
      segment::Body appendix =
          segment::BuildBody(lines, tail.end, lines.size(), text, kinds, &used_ids);
      for (Section& s : appendix.sections) seg.sections.push_back(std::move(s));
    }
  }
  return seg;
}

const Section* Segmented::Innermost(size_t offset) const {
  // Sections are in document order and nest, so the innermost holding `offset` is the last one
  // starting at or before it that holds it.
  auto it = std::upper_bound(sections.begin(), sections.end(), offset,
                             [](size_t o, const Section& s) { return o < s.extent.start; });
  while (it != sections.begin()) {
    --it;
    if (it->extent.start <= offset && offset < it->extent.end) return &*it;
  }
  return nullptr;
}

std::optional<std::string> Segmented::ProjectAt(size_t offset) const {
  const Section* s = Innermost(offset);
  while (s) {
    if (s->project) return s->project;
    if (s->parent.empty()) break;
    const Section* parent = nullptr;
    for (const Section* p = s; p-- != sections.data();) {
      if (p->id == s->parent) {
        parent = p;
        break;
      }
    }
    s = parent;
  }
  return std::nullopt;
}

}  // namespace vnplan
