#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "base/embedded_rules.h"
#include "segment/segment.h"
#include "segment/text_shape.h"

namespace vnplan {

using segment::FoldKey;
using segment::KeyContains;
using segment::KeyStartsWith;

struct SectionKinds::Impl {
  struct Pattern {
    std::string key;  // after ignore_words and skip_prefixes
    std::string kind;
  };
  struct Example {
    std::string text;
    std::string kind;
    bool counter = false;
    std::string where;  // "file:line"
  };
  std::vector<std::string> ignore_words;
  std::vector<std::string> skip_prefixes;
  int max_words = 16;
  int contains_max_words = 8;
  std::vector<std::string> kinds;
  std::vector<Pattern> patterns;
  std::vector<Pattern> contains;
  std::vector<Example> examples;
  // Raw pattern texts until settings of every file are known.
  std::vector<Pattern> raw_patterns;
  std::vector<Pattern> raw_contains;

  // The matching key of a heading: FoldKey without ignore_words and leading skip_prefixes.
  std::string Key(std::string_view text, int* words) const {
    std::string folded = FoldKey(text);
    std::string key;
    int n = 0;
    size_t i = 0;
    while (i < folded.size()) {
      size_t j = folded.find(' ', i);
      if (j == std::string::npos) j = folded.size();
      std::string_view w(folded.data() + i, j - i);
      if (std::find(ignore_words.begin(), ignore_words.end(), w) == ignore_words.end()) {
        if (!key.empty()) key.push_back(' ');
        key.append(w);
        ++n;
      }
      i = j + 1;
    }
    if (words) *words = n;
    for (bool again = true; again;) {
      again = false;
      for (const std::string& p : skip_prefixes) {
        if (KeyStartsWith(key, p) && key.size() > p.size()) {
          key.erase(0, p.size() + 1);
          again = true;
        }
      }
    }
    return key;
  }

  void Finish() {
    patterns.clear();
    contains.clear();
    for (const Pattern& p : raw_patterns) patterns.push_back({Key(p.key, nullptr), p.kind});
    for (const Pattern& p : raw_contains) contains.push_back({Key(p.key, nullptr), p.kind});
  }
};

namespace {

std::string Where(std::string_view file, const YAML::Node& n) {
  return std::string(file) + ":" + std::to_string(n.Mark().line + 1);
}

bool ValidKind(std::string_view k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Reads a sequence of strings; a single scalar counts as a sequence of one.
Status Strings(const YAML::Node& n, std::string_view file, std::string_view what,
               std::vector<std::string>* out) {
  if (!n) return Status::OK();
  if (n.IsScalar()) {
    out->push_back(n.as<std::string>());
    return Status::OK();
  }
  if (!n.IsSequence()) {
    return Status::InvalidArgument(Where(file, n), std::string(what) + " must be a list");
  }
  for (const YAML::Node& item : n) {
    if (!item.IsScalar()) {
      return Status::InvalidArgument(Where(file, item), std::string(what) + ": expected text");
    }
    out->push_back(item.as<std::string>());
  }
  return Status::OK();
}

Status ParseInto(std::string_view yaml, std::string_view file, SectionKinds::Impl* impl) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsMap()) return Status::InvalidArgument(std::string(file), "expected a map");
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>();
      if (key != "settings" && key != "kinds") {
        return Status::InvalidArgument(Where(file, kv.first), "unknown key '" + key + "'");
      }
    }
    if (const YAML::Node s = root["settings"]) {
      std::vector<std::string> words, prefixes;
      if (Status st = Strings(s["ignore_words"], file, "ignore_words", &words); !st.ok()) return st;
      if (Status st = Strings(s["skip_prefixes"], file, "skip_prefixes", &prefixes); !st.ok()) {
        return st;
      }
      for (const std::string& w : words) impl->ignore_words.push_back(FoldKey(w));
      for (const std::string& p : prefixes) impl->skip_prefixes.push_back(FoldKey(p));
      if (s["max_words"]) impl->max_words = s["max_words"].as<int>();
      if (s["contains_max_words"]) impl->contains_max_words = s["contains_max_words"].as<int>();
    }
    const YAML::Node kinds = root["kinds"];
    if (!kinds) return Status::OK();
    if (!kinds.IsSequence()) return Status::InvalidArgument(Where(file, kinds), "kinds: a list");
    for (const YAML::Node& entry : kinds) {
      if (!entry.IsMap() || !entry["kind"]) {
        return Status::InvalidArgument(Where(file, entry), "each entry needs 'kind'");
      }
      const std::string kind = entry["kind"].as<std::string>();
      if (!ValidKind(kind)) {
        return Status::InvalidArgument(Where(file, entry), "kind '" + kind + "': use [a-z0-9_]");
      }
      for (const auto& kv : entry) {
        const std::string k = kv.first.as<std::string>();
        if (k != "kind" && k != "patterns" && k != "contains" && k != "examples" &&
            k != "counter_examples") {
          return Status::InvalidArgument(Where(file, kv.first),
                                         "kind " + kind + ": unknown key '" + k + "'");
        }
      }
      std::vector<std::string> patterns, contains, examples, counters;
      for (auto [name, out] :
           {std::pair{"patterns", &patterns}, std::pair{"contains", &contains},
            std::pair{"examples", &examples}, std::pair{"counter_examples", &counters}}) {
        if (Status st = Strings(entry[name], file, std::string("kind ") + kind + ": " + name, out);
            !st.ok()) {
          return st;
        }
      }
      if (patterns.empty() && contains.empty()) {
        return Status::InvalidArgument(Where(file, entry), "kind " + kind + ": no patterns");
      }
      impl->kinds.push_back(kind);
      for (const std::string& p : patterns) impl->raw_patterns.push_back({p, kind});
      for (const std::string& p : contains) impl->raw_contains.push_back({p, kind});
      const std::string where = Where(file, entry);
      for (const std::string& e : examples) impl->examples.push_back({e, kind, false, where});
      for (const std::string& e : counters) impl->examples.push_back({e, kind, true, where});
    }
    return Status::OK();
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string(file) + ":" + std::to_string(e.mark.line + 1),
                                   e.msg);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string(file), e.what());
  }
}

}  // namespace

SectionKinds::SectionKinds() : impl_(std::make_unique<Impl>()) {}
SectionKinds::~SectionKinds() = default;
SectionKinds::SectionKinds(SectionKinds&&) noexcept = default;
SectionKinds& SectionKinds::operator=(SectionKinds&&) noexcept = default;

StatusOr<SectionKinds> SectionKinds::Parse(std::string_view yaml, std::string_view file) {
  SectionKinds k;
  if (Status st = ParseInto(yaml, file, k.impl_.get()); !st.ok()) return st;
  k.impl_->Finish();
  return k;
}

StatusOr<SectionKinds> SectionKinds::Builtin() {
  SectionKinds k;
  for (const auto& [path, text] : EmbeddedRuleFiles()) {
    if (!path.starts_with("rules/sections/") || !path.ends_with(".yaml")) continue;
    if (Status st = ParseInto(text, path, k.impl_.get()); !st.ok()) return st;
  }
  if (k.impl_->kinds.empty()) {
    return Status::NotFound("rules/sections/", "no section kinds built into the binary");
  }
  k.impl_->Finish();
  return k;
}

StatusOr<SectionKinds> SectionKinds::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root(dir);
  if (fs::is_directory(root / "sections", ec)) root /= "sections";
  std::vector<fs::path> files;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml") files.push_back(it->path());
  }
  if (ec) return Status::IOError(root.string(), ec.message());
  std::sort(files.begin(), files.end());
  SectionKinds k;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status::IOError(f.string(), "cannot read");
    std::stringstream ss;
    ss << in.rdbuf();
    if (Status st = ParseInto(ss.str(), f.string(), k.impl_.get()); !st.ok()) return st;
  }
  if (k.impl_->kinds.empty()) return Status::NotFound(root.string(), "no section kinds (*.yaml)");
  k.impl_->Finish();
  return k;
}

std::string SectionKinds::KindOf(std::string_view heading) const {
  int words = 0;
  const std::string key = impl_->Key(heading, &words);
  if (key.empty() || words > impl_->max_words) return "other";
  const Impl::Pattern* best = nullptr;
  for (const Impl::Pattern& p : impl_->patterns) {
    if (KeyStartsWith(key, p.key) && (!best || p.key.size() > best->key.size())) best = &p;
  }
  if (best) return best->kind;
  if (words <= impl_->contains_max_words) {
    for (const Impl::Pattern& p : impl_->contains) {
      if (KeyContains(key, p.key)) return p.kind;
    }
  }
  return "other";
}

const std::vector<std::string>& SectionKinds::kinds() const { return impl_->kinds; }

Status SectionKinds::CheckExamples() const {
  for (const Impl::Example& e : impl_->examples) {
    const std::string got = KindOf(e.text);
    if (!e.counter && got != e.kind) {
      return Status::InvalidArgument(
          e.where, "kind " + e.kind + ": example \"" + e.text + "\" gives " + got);
    }
    if (e.counter && got == e.kind) {
      return Status::InvalidArgument(
          e.where, "kind " + e.kind + ": counter-example \"" + e.text + "\" gives it");
    }
  }
  return Status::OK();
}

}  // namespace vnplan
