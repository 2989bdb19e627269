/* hardcheck.h compiles on its own as C11 (nothing else included first), and its
 * INIT macros are valid initialisers. */
#include "hardcheck.h"

int main(void) {
    hc_run_options run = HC_RUN_OPTIONS_INIT;
    hc_report_options report = HC_REPORT_OPTIONS_INIT;
    size_t n = sizeof(hc_result) + sizeof(hc_evidence) + sizeof(hc_error) + sizeof(hc_baseline_info);
    return (run.version == HC_RUN_OPTIONS_VERSION && report.version == HC_REPORT_OPTIONS_VERSION && n > 0) ? 0 : 1;
}
