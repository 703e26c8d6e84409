#include "cli/app.h"

#include <cstdio>
#include <string>

namespace vnplan::cli {

int Main(int argc, char** argv) {
  CLI::App app{
      "vnplan: turn Vietnamese government plan texts (Kế hoạch, Quyết định, Báo cáo) into\n"
      "records you can query: citations, amounts, targets, dates, responsibilities.\n\n"
      "Examples:\n"
      "  vnplan extract corpus/ --db plans.sqlite -o plans.jsonl\n"
      "  vnplan normalize --spans seed.txt | head\n"
      "  vnplan rules test\n",
      "vnplan"};
  app.set_version_flag("--version", std::string("vnplan 0.1.0"));
  app.require_subcommand(1);
  app.fallthrough();

  int exit_code = kExitOk;
  RegisterNormalize(&app, &exit_code);
  RegisterSections(&app, &exit_code);
  RegisterExtract(&app, &exit_code);
  RegisterAudit(&app, &exit_code);
  RegisterRules(&app, &exit_code);
  RegisterResponsibilities(&app, &exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitFatal;
  }
  return exit_code;
}

}  // namespace vnplan::cli
