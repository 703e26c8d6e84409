// vnplan extract PATHS... [--db FILE] [-o FILE|-] [--csv DIR] [--format jsonl|json] [-j N]
// vnplan extract --jsonl-in [--db FILE] [-o FILE|-]   (documents as JSON lines on stdin)
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/jsonl_in.h"
#include "cli/summary.h"
#include "pipeline/pipeline.h"

namespace vnplan::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string db;
  std::string output;
  std::string csv_dir;
  std::string format = "jsonl";
  std::string rules_dir;
  std::string encoding;
  std::vector<std::string> globs;
  int jobs = 0;
  bool resume = false;
  bool quiet = false;
  bool jsonl_in = false;
};

int RunExtract(const ExtractFlags& flags) {
  if (flags.inputs.empty() != flags.jsonl_in) {
    std::cerr << "vnplan extract: "
              << (flags.jsonl_in ? "--jsonl-in reads stdin; name no inputs"
                                 : "name the inputs (files, folders, '-')")
              << "\n";
    return kExitFatal;
  }
  PipelineOptions options;
  options.rules_dir = flags.rules_dir;
  options.jobs = flags.jobs;
  options.resume = flags.resume;
  options.sources.globs = flags.globs;
  if (!flags.encoding.empty()) {
    options.decode.forced = ParseEncoding(flags.encoding);
    if (!options.decode.forced) {
      std::cerr << "vnplan extract: unknown encoding '" << flags.encoding
                << "' (try utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii)\n";
      return kExitFatal;
    }
  }

  // Sinks: what the user named; JSONL on stdout when nothing is named.
  std::vector<std::unique_ptr<Sink>> owned;
  auto open = [&](StatusOr<std::unique_ptr<Sink>> sink) {
    if (!sink.ok()) {
      std::cerr << "vnplan extract: " << sink.status().message() << "\n";
      return false;
    }
    owned.push_back(std::move(sink).value());
    return true;
  };
  // Output files may name folders that do not exist yet ("out/corpus.sqlite").
  for (const std::string& path : {flags.output, flags.db}) {
    if (path.empty() || path == "-") continue;
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      std::cerr << "vnplan extract: cannot create " << parent << ": " << ec.message() << "\n";
      return kExitFatal;
    }
  }
  const bool json = flags.format == "json";
  std::string output = flags.output;
  if (output.empty() && flags.db.empty() && flags.csv_dir.empty()) output = "-";
  if (output == "-") {
    owned.push_back(json ? OpenJsonSink(&std::cout) : OpenJsonlSink(&std::cout));
  } else if (!output.empty() && !open(json ? OpenJsonSink(output) : OpenJsonlSink(output))) {
    return kExitFatal;
  }
  if (!flags.db.empty() && !open(OpenSqliteSink(flags.db))) return kExitFatal;
  if (!flags.csv_dir.empty() && !open(OpenCsvSink(flags.csv_dir))) return kExitFatal;
  if (flags.resume && flags.db.empty()) {
    std::cerr << "vnplan extract: --resume needs --db (the database that holds what is done)\n";
    return kExitFatal;
  }
  std::vector<Sink*> sinks;
  for (auto& s : owned) sinks.push_back(s.get());

  const bool show_progress = !flags.quiet && isatty(STDERR_FILENO);
  if (show_progress) options.on_progress = PrintProgress;
  options.stop = &g_interrupted;
  // The first Ctrl-C or SIGTERM stops the batch after the documents in hand; the handler then
  // gives way, so that a second stops the process at once (a document can take long to finish).
  // Outputs are written whole or not at all either way.
  struct sigaction sa = {};
  sa.sa_handler = OnInterrupt;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "vnplan extract: " << pipeline.status().message() << "\n";
    return kExitFatal;
  }
  RunSummary summary;
  Status st = flags.jsonl_in
                  ? ExtractJsonLines(**pipeline, std::cin, sinks, &g_interrupted, &summary)
                  : (*pipeline)->Run(flags.inputs, sinks, &summary);
  if (show_progress) std::cerr << "\r\033[K";
  if (!flags.quiet) PrintSummary(summary, std::cerr);
  if (!st.ok()) {
    std::cerr << "vnplan extract: " << st.message() << "\n";
    return kExitFatal;
  }
  if (summary.interrupted) return 130;
  return summary.failed > 0 || summary.errors > 0 ? kExitFailures : kExitOk;
}

}  // namespace

void RegisterExtract(CLI::App* app, int* exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app->add_subcommand(
      "extract",
      "Extract records (document, section, citation, amount, quantity, date, ...) from plan\n"
      "texts into JSONL, JSON, SQLite and CSV. Files and folders are read in sorted order; the\n"
      "output keeps that order whatever the thread timing. With no output named, JSONL goes to\n"
      "stdout. A file that cannot be read or decoded gives a diagnostic record and the batch\n"
      "goes on (exit code 1 at the end).\n\n"
      "Examples:\n"
      "  vnplan extract corpus/ --db plans.sqlite -o plans.jsonl\n"
      "  vnplan extract plan.txt --format json | less\n"
      "  vnplan extract archive/ --db plans.sqlite --resume -j 8\n"
      "  spark: rdd.map(json.dumps).pipe('vnplan extract --jsonl-in -q')  # {path, text} lines");
  cmd->add_option("inputs", flags->inputs, "Files or folders ('-' reads stdin)");
  cmd->add_flag("--jsonl-in", flags->jsonl_in,
                "Read documents as JSON lines {\"path\": ..., \"text\": ...} on stdin, one at a\n"
                "time (Hadoop Streaming, Spark RDD.pipe); a bad line gives a diagnostic record");
  cmd->add_option("--db", flags->db, "Write into this SQLite database (created if missing)");
  cmd->add_option("-o,--output", flags->output, "Write JSONL (or JSON) to this file ('-': stdout)");
  cmd->add_option("--csv", flags->csv_dir, "Write one CSV file per record type into this folder");
  cmd->add_option("--format", flags->format,
                  "jsonl (one record per line) or json (one object per document)")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("-j,--jobs", flags->jobs, "Worker threads (default: every core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--rules", flags->rules_dir,
                  "Use this rules folder instead of the built-in rules");
  cmd->add_option("--encoding", flags->encoding,
                  "Force an encoding: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii");
  cmd->add_option("--glob", flags->globs,
                  "Only files whose name matches (e.g. '*.txt'); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--resume", flags->resume,
                "Skip documents already in --db (same SHA-256): finish an interrupted batch");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress line and no summary");
  cmd->callback([flags, exit_code] { *exit_code = RunExtract(*flags); });
}

}  // namespace vnplan::cli
