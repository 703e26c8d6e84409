// The registry of known documents: rules/registry/*.yaml (built in) plus --registry files.
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "audit/audit.h"
#include "base/embedded_rules.h"

namespace vnplan {

namespace {

Status ParseRegistry(std::string_view yaml, std::string_view file,
                     std::map<std::string, RegistryEntry>* out) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsSequence()) {
      return Status::InvalidArgument(std::string(file), "a registry file is a list of documents");
    }
    for (const YAML::Node& n : root) {
      const int line = n.Mark().line + 1;
      const std::string where = std::string(file) + ":" + std::to_string(line);
      if (!n.IsMap() || !n["number"]) {
        return Status::InvalidArgument(where, "a registry entry needs a 'number'");
      }
      for (const auto& kv : n) {
        static const char* kKeys[] = {"number", "doc_type", "date",        "issuer",
                                      "title",  "status",   "replaced_by", "note"};
        const std::string key = kv.first.as<std::string>();
        bool known = false;
        for (const char* k : kKeys) known = known || key == k;
        if (!known) return Status::InvalidArgument(where, "unknown key '" + key + "'");
      }
      RegistryEntry e;
      e.number = n["number"].as<std::string>();
      if (n["doc_type"]) e.doc_type = n["doc_type"].as<std::string>();
      if (n["date"]) e.date = n["date"].as<std::string>();
      if (n["issuer"]) e.issuer = n["issuer"].as<std::string>();
      if (n["title"]) e.title = n["title"].as<std::string>();
      if (n["status"]) e.status = n["status"].as<std::string>();
      if (n["replaced_by"]) e.replaced_by = n["replaced_by"].as<std::string>();
      e.source = where;
      (*out)[e.number] = std::move(e);
    }
  } catch (const YAML::Exception& ex) {
    return Status::InvalidArgument(std::string(file) + ":" + std::to_string(ex.mark.line + 1),
                                   ex.msg);
  }
  return Status::OK();
}

Status LoadFile(const std::string& path, std::map<std::string, RegistryEntry>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, "cannot read the registry file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseRegistry(ss.str(), path, out);
}

}  // namespace

StatusOr<Auditor> Auditor::Create(const AuditOptions& options) {
  Auditor a;
  if (options.registry_dir.empty()) {
    for (const auto& [path, text] : EmbeddedRuleFiles()) {
      if (path.rfind("rules/registry/", 0) != 0) continue;
      Status s = ParseRegistry(text, path, &a.registry_);
      if (!s.ok()) return s;
    }
  } else {
    Status s = LoadFile(options.registry_dir + "/national.yaml", &a.registry_);
    if (!s.ok()) return s;
  }
  for (const std::string& f : options.registry_files) {
    Status s = LoadFile(f, &a.registry_);
    if (!s.ok()) return s;
  }
  return a;
}

}  // namespace vnplan
