// The command line: one CLI11 app with a subcommand per job. Each subcommand lives in its own
// cmd_<name>.cc and registers itself through a Register<Name> function listed here; main() only
// calls Main().
//
// Exit codes, for every subcommand:
//   0  success
//   1  the job ran but something failed (an input could not be read or decoded, a rule example
//      did not hold, an audit found errors)
//   2  usage error or a fatal failure (bad flags, unreadable rules, unwritable output)
#ifndef VNPLAN_CLI_APP_H_
#define VNPLAN_CLI_APP_H_

#include <CLI/CLI.hpp>

namespace vnplan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;
inline constexpr int kExitFatal = 2;

// Parses argv, runs the chosen subcommand, returns the process exit code.
int Main(int argc, char** argv);

// Each adds one subcommand to `app`; when it runs, its exit code goes to *exit_code.
void RegisterNormalize(CLI::App* app, int* exit_code);
void RegisterSections(CLI::App* app, int* exit_code);
void RegisterExtract(CLI::App* app, int* exit_code);
void RegisterAudit(CLI::App* app, int* exit_code);
void RegisterRules(CLI::App* app, int* exit_code);
void RegisterResponsibilities(CLI::App* app, int* exit_code);

}  // namespace vnplan::cli

#endif  // VNPLAN_CLI_APP_H_
