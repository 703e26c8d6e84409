// vnplan normalize [--spans] [--encoding E] FILE...
#include <cstdio>
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

namespace vnplan::cli {

namespace {

struct NormalizeFlags {
  std::vector<std::string> inputs;
  bool spans = false;
  std::string encoding;
};

int RunNormalize(const NormalizeFlags& flags) {
  DecodeOptions decode;
  if (!flags.encoding.empty()) {
    decode.forced = ParseEncoding(flags.encoding);
    if (!decode.forced) {
      std::cerr << "vnplan normalize: unknown encoding '" << flags.encoding
                << "' (try utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii)\n";
      return kExitFatal;
    }
  }
  Diagnostics diags;
  std::vector<std::string> files = ExpandInputs(flags.inputs, {}, &diags);
  int rc = kExitOk;
  for (const Diagnostic& d : diags) {
    std::cerr << d.path << ": " << d.message << "\n";
    if (d.level == Diagnostic::Level::kError) rc = kExitFailures;
  }
  Normalizer normalizer;  // its scratch buffers serve every file in turn
  for (const std::string& path : files) {
    StatusOr<Document> doc = ReadDocument(path, decode);
    if (!doc.ok()) {
      std::cerr << "vnplan normalize: " << doc.status().message() << "\n";
      rc = kExitFailures;
      continue;
    }
    for (const Diagnostic& d : doc->diagnostics) {
      std::cerr << path << ": " << LevelName(d.level) << ": " << d.message << "\n";
      if (d.level == Diagnostic::Level::kError) rc = kExitFailures;
    }
    if (doc->binary) continue;
    NormalizedText norm = normalizer.Run(doc->text);
    if (!flags.spans) {
      std::cout << norm.text;
      if (!norm.text.empty() && norm.text.back() != '\n') std::cout << '\n';
      continue;
    }
    // One JSON line per normalized line: its text and the source span it came from, in the
    // decoded text (the contract's offsets) and in the raw file bytes.
    LineIndex source_lines(doc->text);
    size_t start = 0;
    while (start < norm.text.size()) {
      size_t end = norm.text.find('\n', start);
      if (end == std::string::npos) end = norm.text.size();
      Span src = norm.map.MapSpan({start, end});
      Span raw = doc->decode_map.MapSpan(src);
      nlohmann::json line = {
          {"path", path},
          {"text", norm.text.substr(start, end - start)},
          {"span", {{"start", src.start}, {"end", src.end}}},
          {"raw_span", {{"start", raw.start}, {"end", raw.end}}},
          {"line", source_lines.LineOf(src.start)},
      };
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      start = end + 1;
    }
  }
  return rc;
}

}  // namespace

void RegisterNormalize(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<NormalizeFlags>();
  CLI::App* cmd = app->add_subcommand(
      "normalize",
      "Print the normalized text of each input: NFC, one tone placement, markup and page numbers\n"
      "removed, hard-wrapped lines joined. With --spans, one JSON line per normalized line with\n"
      "the source span it came from.\n\n"
      "Example:\n  vnplan normalize --spans plan.txt | head -3");
  cmd->add_option("inputs", flags->inputs, "Files or directories ('-' reads stdin)")->required();
  cmd->add_flag("--spans", flags->spans, "JSON lines: text, span (decoded text), raw_span (bytes)");
  cmd->add_option("--encoding", flags->encoding,
                  "Force an encoding: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii");
  cmd->callback([flags, exit_code] { *exit_code = RunNormalize(*flags); });
}

}  // namespace vnplan::cli
