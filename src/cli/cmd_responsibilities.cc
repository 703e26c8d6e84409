// vnplan responsibilities [--json] [--rules DIR] FILE...
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "pipeline/pipeline.h"

namespace vnplan::cli {

namespace {

struct ResponsibilitiesFlags {
  std::vector<std::string> inputs;
  bool json = false;
  std::string rules_dir;
};

// One letter per role in the matrix cells, in this order.
struct RoleMark {
  const char* role;
  const char* mark;
  const char* words;
};
constexpr RoleMark kRoles[] = {
    {"chu_tri", "C", "chủ trì"},    {"phoi_hop", "P", "phối hợp"},
    {"tham_muu", "M", "tham mưu"},  {"thuong_truc", "TT", "thường trực"},
    {"tong_hop", "TH", "tổng hợp"}, {"thuc_hien", "H", "thực hiện"},
    {"de_nghi", "Đ", "đề nghị"},
};

int RoleOrder(const std::string& role) {
  for (size_t i = 0; i < std::size(kRoles); ++i) {
    if (role == kRoles[i].role) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kRoles));
}

// "du_an_6.tieu_du_an_2" -> "TDA2-DA6", "du_an_4" -> "DA4": the way plans abbreviate them.
std::string ShortProject(const std::string& id) {
  const size_t dot = id.find('.');
  const std::string du_an = id.substr(0, dot);
  std::string out = "DA" + du_an.substr(du_an.rfind('_') + 1);
  if (dot != std::string::npos) {
    const std::string tieu = id.substr(dot + 1);
    out = "TDA" + tieu.substr(tieu.rfind('_') + 1) + "-" + out;
  }
  return out;
}

// Order of project ids: by project number, then sub-project number.
std::pair<int, int> ProjectKey(const std::string& id) {
  const size_t sub = id.find("tieu_du_an_");
  return {std::atoi(id.c_str() + std::string_view("du_an_").size()),
          sub == std::string::npos ? 0 : std::atoi(id.c_str() + sub + 11)};
}

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Pad(const std::string& s, size_t width) {
  const size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

struct Matrix {
  std::vector<std::string> projects;                                  // columns, in order
  std::map<std::string, std::map<std::string, std::set<int>>> cells;  // agency -> project -> roles
  std::vector<std::string> agencies;                                  // rows, first-seen order
};

Matrix BuildMatrix(const Records& records) {
  Matrix m;
  // Columns: the projects some agency holds a role on (the structure line lists them all).
  std::set<std::string> projects;
  for (const Record& r : records) {
    if (r.type != "responsibility") continue;
    const std::string agency = r.fields.value("agency", "");
    if (!m.cells.count(agency)) m.agencies.push_back(agency);
    auto& row = m.cells[agency];
    const int role = RoleOrder(r.fields.value("role", ""));
    const nlohmann::json& ps = r.fields["projects"];
    if (ps.empty()) row[""].insert(role);
    for (const auto& p : ps) {
      projects.insert(p.get<std::string>());
      row[p.get<std::string>()].insert(role);
    }
  }
  m.projects.assign(projects.begin(), projects.end());
  std::sort(m.projects.begin(), m.projects.end(), [](const std::string& a, const std::string& b) {
    return ProjectKey(a) < ProjectKey(b);
  });
  return m;
}

std::string Marks(const std::set<int>& roles) {
  std::string s;
  for (int r : roles) {
    if (r >= static_cast<int>(std::size(kRoles))) continue;
    s += (s.empty() ? "" : ",") + std::string(kRoles[r].mark);
  }
  return s;
}

std::string Words(const std::set<int>& roles) {
  std::string s;
  for (int r : roles) {
    if (r >= static_cast<int>(std::size(kRoles))) continue;
    s += (s.empty() ? "" : ", ") + std::string(kRoles[r].words);
  }
  return s;
}

void PrintText(const ProcessedDocument& doc) {
  std::cout << doc.doc.path << "\n";
  // The program structure: which projects the plan has and which do not apply.
  std::string structure, not_applying;
  for (const Record& r : doc.records) {
    if (r.type != "section" || !r.fields.value("project", nlohmann::json()).is_string()) continue;
    const std::string id = r.fields["project"].get<std::string>();
    structure += (structure.empty() ? "" : " ") + ShortProject(id);
    if (r.fields.value("applies", nlohmann::json()) == false) {
      not_applying += (not_applying.empty() ? "" : " ") + ShortProject(id);
    }
  }
  if (!structure.empty()) std::cout << "  projects: " << structure << "\n";
  if (!not_applying.empty()) std::cout << "  not applying: " << not_applying << "\n";

  const Matrix m = BuildMatrix(doc.records);
  if (m.agencies.empty()) {
    std::cout << "  (no responsibilities found)\n";
  } else {
    size_t name_width = std::string("agency").size();
    for (const std::string& a : m.agencies) name_width = std::max(name_width, Width(a));
    std::vector<size_t> widths;
    std::string header = "  " + Pad("agency", name_width);
    for (const std::string& p : m.projects) {
      widths.push_back(std::max<size_t>(ShortProject(p).size(), 3));
      header += " │ " + Pad(ShortProject(p), widths.back());
    }
    std::cout << header << " │ without a project\n";
    for (const std::string& a : m.agencies) {
      const auto& row = m.cells.at(a);
      std::string line = "  " + Pad(a, name_width);
      for (size_t k = 0; k < m.projects.size(); ++k) {
        auto it = row.find(m.projects[k]);
        line += " │ " + Pad(it == row.end() ? "" : Marks(it->second), widths[k]);
      }
      auto none = row.find("");
      line += " │ " + (none == row.end() ? std::string() : Words(none->second));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      std::cout << line << "\n";
    }
    std::string legend;
    for (const RoleMark& r : kRoles) {
      legend += (legend.empty() ? "" : " · ") + std::string(r.mark) + " " + r.words;
    }
    std::cout << "  " << legend << "\n";
  }
  bool first = true;
  for (const Record& r : doc.records) {
    if (r.type != "report") continue;
    if (first) std::cout << "  reports:\n";
    first = false;
    auto text = [&](const char* key, const char* none) {
      const nlohmann::json& v = r.fields[key];
      return v.is_string() ? v.get<std::string>() : std::string(none);
    };
    std::cout << "    " << Pad(text("due", "no deadline"), 11) << " " << text("reporter", "?")
              << " → " << text("recipient", "?") << "  (" << text("what", "báo cáo") << ")\n";
  }
}

nlohmann::json ToJson(const ProcessedDocument& doc) {
  nlohmann::json out = {{"path", doc.doc.path},
                        {"projects", nlohmann::json::array()},
                        {"agencies", nlohmann::json::array()},
                        {"reports", nlohmann::json::array()}};
  for (const Record& r : doc.records) {
    if (r.type == "section" && r.fields.value("project", nlohmann::json()).is_string()) {
      out["projects"].push_back(
          {{"project", r.fields["project"]}, {"applies", r.fields.value("applies", true)}});
    }
    if (r.type == "report") out["reports"].push_back(r.fields);
  }
  const Matrix m = BuildMatrix(doc.records);
  for (const std::string& a : m.agencies) {
    nlohmann::json roles = nlohmann::json::object();
    for (const auto& [project, set] : m.cells.at(a)) {
      nlohmann::json names = nlohmann::json::array();
      for (int r : set) {
        if (r < static_cast<int>(std::size(kRoles))) names.push_back(kRoles[r].role);
      }
      roles[project.empty() ? "-" : project] = names;
    }
    out["agencies"].push_back({{"agency", a}, {"roles", roles}});
  }
  return out;
}

int RunResponsibilities(const ResponsibilitiesFlags& flags) {
  PipelineOptions options;
  options.rules_dir = flags.rules_dir;
  options.jobs = 1;
  options.extract.citations = false;
  options.extract.amounts = false;
  options.extract.quantities = false;
  options.extract.dates = false;
  StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "vnplan responsibilities: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  Diagnostics diags;
  std::vector<std::string> files = ExpandInputs(flags.inputs, options.sources, &diags);
  int rc = kExitOk;
  for (const Diagnostic& d : diags) {
    std::cerr << d.path << ": " << d.message << "\n";
    if (d.level == Diagnostic::Level::kError) rc = kExitFailures;
  }
  for (const std::string& path : files) {
    const ProcessedDocument doc = (*pipeline)->ProcessPath(path);
    if (doc.failed) {
      for (const Diagnostic& d : doc.diagnostics) std::cerr << path << ": " << d.message << "\n";
      rc = kExitFailures;
      continue;
    }
    if (flags.json) {
      std::cout << ToJson(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      PrintText(doc);
    }
  }
  return rc;
}

}  // namespace

void RegisterResponsibilities(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ResponsibilitiesFlags>();
  CLI::App* cmd = app->add_subcommand(
      "responsibilities",
      "Print who does what in each input: the program's projects (and those that do not\n"
      "apply), then one row per agency and one column per project with the roles it holds\n"
      "there (C chủ trì, P phối hợp, M tham mưu, TT thường trực, TH tổng hợp, H thực hiện,\n"
      "Đ đề nghị), the roles it holds without a project, and the reporting duties with their\n"
      "deadlines. With --json, one object per input.\n\n"
      "Example:\n  vnplan responsibilities corpus/plans/kh_giam_ngheo_huyen_plain.txt");
  cmd->add_option("inputs", flags->inputs, "Files or directories ('-' reads stdin)")->required();
  cmd->add_flag("--json", flags->json, "One JSON object per input");
  cmd->add_option("--rules", flags->rules_dir,
                  "Use this rules folder instead of the built-in rules");
  cmd->callback([flags, exit_code] { *exit_code = RunResponsibilities(*flags); });
}

}  // namespace vnplan::cli
