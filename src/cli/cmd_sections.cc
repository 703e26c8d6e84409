// vnplan sections [--json] [--rules DIR] FILE...
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/line_index.h"
#include "cli/app.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace vnplan::cli {

namespace {

constexpr size_t kHeadingBytes = 90;

struct SectionsFlags {
  std::vector<std::string> inputs;
  bool json = false;
  std::string rules_dir;
};

std::string Clip(const std::string& s) {
  if (s.size() <= kHeadingBytes) return s;
  size_t n = kHeadingBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

nlohmann::json OrNull(const HeaderField& f) {
  return f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr);
}

// "I. MỤC ĐÍCH, YÊU CẦU", "a) Mục tiêu", "Điều 2. Tổ chức thực hiện", "Tiểu dự án 1: ...".
std::string Display(const Section& s) {
  if (s.level == 0) return "<" + s.id + "> " + s.heading;
  if (s.label.empty() || s.heading.starts_with(s.label)) return s.heading;
  // Unnumbered project lines carry their label in the heading ("Thực hiện Tiểu dự án 2, ...").
  if (s.label.find(' ') != std::string::npos && s.heading.find(s.label) != std::string::npos) {
    return s.heading;
  }
  const bool letter = s.label.size() <= 2 && !(s.label[0] >= 'A' && s.label[0] <= 'Z') &&
                      !(s.label[0] >= '0' && s.label[0] <= '9');
  return s.label + (letter ? ") " : ". ") + s.heading;
}

void PrintSummary(const std::string& path, const Header& h) {
  std::cout << path << "\n";
  std::string line;
  auto add = [&](const HeaderField& f, const char* sep) {
    if (!f.value) return;
    if (!line.empty()) line += sep;
    line += *f.value;
  };
  add(h.doc_type, " ");
  add(h.number.value ? h.number : h.number_symbol, " ");
  add(h.place, ", ");
  add(h.date, " ");
  if (!h.date.value && h.year) line += (line.empty() ? "" : " ") + std::to_string(*h.year);
  add(h.issuer, " · ");
  if (!line.empty()) std::cout << "  " << line << "\n";
  if (h.title.value) std::cout << "  " << Clip(*h.title.value) << "\n";
  std::string sign;
  for (const HeaderField* f : {&h.sign_mode, &h.signer_title, &h.signer}) {
    if (f->value) sign += (sign.empty() ? "" : " ") + *f->value;
  }
  if (!sign.empty()) std::cout << "  signed: " << sign << "\n";
}

int RunSections(const SectionsFlags& flags) {
  StatusOr<SectionKinds> kinds =
      flags.rules_dir.empty() ? SectionKinds::Builtin() : SectionKinds::LoadDir(flags.rules_dir);
  if (!kinds.ok()) {
    std::cerr << "vnplan sections: " << kinds.status().ToString() << "\n";
    return kExitFatal;
  }
  Diagnostics diags;
  std::vector<std::string> files = ExpandInputs(flags.inputs, {}, &diags);
  int rc = kExitOk;
  for (const Diagnostic& d : diags) {
    std::cerr << d.path << ": " << d.message << "\n";
    if (d.level == Diagnostic::Level::kError) rc = kExitFailures;
  }
  for (const std::string& path : files) {
    StatusOr<Document> doc = ReadDocument(path, {});
    if (!doc.ok()) {
      std::cerr << "vnplan sections: " << doc.status().message() << "\n";
      rc = kExitFailures;
      continue;
    }
    if (doc->binary) {
      std::cerr << path << ": binary input skipped\n";
      rc = kExitFailures;
      continue;
    }
    NormalizedText norm = Normalize(doc->text);
    Segmented seg = Segment(norm, *kinds);
    // Lines are those of the decoded source, as in every record.
    LineIndex source_lines(doc->text);
    auto line_of = [&](const Section& s) {
      return source_lines.LineOf(norm.map.MapStart(s.heading_span.start));
    };
    if (flags.json) {
      const Header& h = seg.header;
      nlohmann::json out = {
          {"path", path},
          {"doc_type", OrNull(h.doc_type)},
          {"number", OrNull(h.number)},
          {"number_symbol", OrNull(h.number_symbol)},
          {"issuer", OrNull(h.issuer)},
          {"issuer_parent", OrNull(h.issuer_parent)},
          {"place", OrNull(h.place)},
          {"date", OrNull(h.date)},
          {"year", h.year ? nlohmann::json(*h.year) : nlohmann::json(nullptr)},
          {"title", OrNull(h.title)},
          {"signer", OrNull(h.signer)},
          {"signer_title", OrNull(h.signer_title)},
          {"sign_mode", OrNull(h.sign_mode)},
          {"recipients", nlohmann::json::array()},
          {"sections", nlohmann::json::array()},
      };
      for (const HeaderField& r : h.recipients) out["recipients"].push_back(*r.value);
      for (const Section& s : seg.sections) {
        out["sections"].push_back({
            {"id", s.id},
            {"parent", s.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.parent)},
            {"level", s.level},
            {"label", s.label},
            {"heading", s.heading},
            {"kind", s.kind},
            {"project", s.project ? nlohmann::json(*s.project) : nlohmann::json(nullptr)},
            {"applies", s.applies ? nlohmann::json(*s.applies) : nlohmann::json(nullptr)},
            {"line", line_of(s)},
        });
      }
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    PrintSummary(path, seg.header);
    for (const Section& s : seg.sections) {
      std::string tags = s.kind;
      if (s.project) tags += " " + *s.project;
      if (s.applies == false) tags += " not-applicable";
      std::cout << std::string(2 + 2 * std::max(s.level - 1, 0), ' ') << Clip(Display(s)) << "  ["
                << tags << "]  :" << line_of(s) << "\n";
    }
  }
  return rc;
}

}  // namespace

void RegisterSections(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<SectionsFlags>();
  CLI::App* cmd = app->add_subcommand(
      "sections",
      "Print each input's outline: the header read from it, then its sections as an indented\n"
      "tree, each with its heading, [kind and project] and :line in the source. <header>,\n"
      "<can_cu>, <signature> and <noi_nhan> are the parts around the body. With --json, one\n"
      "object per input with the header fields and the sections.\n\n"
      "Example:\n  vnplan sections corpus/plans/kh_giam_ngheo_huyen_plain.txt");
  cmd->add_option("inputs", flags->inputs, "Files or directories ('-' reads stdin)")->required();
  cmd->add_flag("--json", flags->json, "One JSON object per input");
  cmd->add_option("--rules", flags->rules_dir,
                  "Read section kinds from this rules folder (its sections/*.yaml)");
  cmd->callback([flags, exit_code] { *exit_code = RunSections(*flags); });
}

}  // namespace vnplan::cli
