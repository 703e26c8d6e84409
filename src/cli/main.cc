// vnplan: turns Vietnamese government plan texts into queryable records. See README.md.
#include "cli/app.h"

int main(int argc, char** argv) { return vnplan::cli::Main(argc, argv); }
