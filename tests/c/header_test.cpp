// hardcheck.h compiles on its own as C++ (extern "C", no C-only constructs), and
// its INIT macros are valid initialisers there too.
#include "hardcheck.h"

int main() {
    hc_run_options run = HC_RUN_OPTIONS_INIT;
    hc_report_options report = HC_REPORT_OPTIONS_INIT;
    int (*evaluate)(hc_run**, const hc_baseline*, const hc_bundle*, const hc_run_options*) = hc_run_evaluate;
    return (run.version == HC_RUN_OPTIONS_VERSION && report.version == HC_REPORT_OPTIONS_VERSION && evaluate) ? 0 : 1;
}
