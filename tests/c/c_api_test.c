/* The C ABI exercised from C11: results of the example bundles and error paths. */
#include <stdio.h>
#include <string.h>

#include "hardcheck.h"

static int failures = 0;

#define EXPECT(cond)                                                          \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                       \
        }                                                                     \
    } while (0)

static void check_host(const hc_baseline *baseline, const char *dir, const char *host, int status, unsigned line) {
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    size_t count = 0;
    hc_result r;
    EXPECT(hc_bundle_load(&bundle, dir, baseline) == HC_OK);
    EXPECT(hc_run_evaluate(&run, baseline, bundle) == HC_OK);
    EXPECT(hc_run_result_count(&count, run) == HC_OK);
    EXPECT(count == 1);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    EXPECT(strcmp(r.host, host) == 0);
    EXPECT(strcmp(r.check_id, "TLS-02") == 0);
    EXPECT(strcmp(r.severity, "high") == 0);
    EXPECT(r.status == status);
    EXPECT(r.evidence_file != NULL && strstr(r.evidence_file, "schannel.reg") != NULL);
    EXPECT(r.evidence_line == line);
    EXPECT(hc_run_result(&r, run, 1) == HC_EINVAL);
    hc_run_free(run);
    hc_bundle_free(bundle);
}

int main(void) {
    hc_baseline *baseline = NULL;
    hc_bundle *bundle = NULL;
    const hc_error *err;

    EXPECT(strcmp(hc_version(), "0.1.0") == 0);
    EXPECT(hc_baseline_load(&baseline, "baselines/exchange-tls.yaml") == HC_OK);
    check_host(baseline, "examples/bundles/exch01", "EXCH01", HC_STATUS_PASS, 16);
    check_host(baseline, "examples/bundles/exch02", "EXCH02", HC_STATUS_FAIL, 3);

    /* Error paths: NULL arguments, a missing file, a malformed baseline. */
    EXPECT(hc_baseline_load(NULL, "x") == HC_EINVAL);
    EXPECT(hc_run_evaluate(NULL, baseline, NULL) == HC_EINVAL);
    EXPECT(hc_bundle_load(&bundle, "no/such/dir", baseline) == HC_EINPUT);
    EXPECT(bundle == NULL);
    err = hc_error_last();
    EXPECT(err->code == HC_EINPUT);
    EXPECT(strcmp(err->message, "no/such/dir: error: not a directory") == 0);
    hc_baseline_free(baseline);
    baseline = NULL;
    EXPECT(hc_baseline_load(&baseline, "tests/data/baselines/bad_severity.yaml") == HC_EINPUT);
    err = hc_error_last();
    EXPECT(err->line == 8 && err->column == 15);
    EXPECT(err->file != NULL && strstr(err->file, "bad_severity.yaml") != NULL);
    hc_baseline_free(NULL);
    hc_bundle_free(NULL);
    hc_run_free(NULL);

    if (failures) fprintf(stderr, "%d expectation(s) failed\n", failures);
    return failures ? 1 : 0;
}
