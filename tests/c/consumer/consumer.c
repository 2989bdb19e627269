/* A tool linking the installed C ABI: audits one bundle with one baseline and
 * prints "HOST CHECK status file:line" per result. Exit 0 on success. */
#include <stdio.h>

#include <hardcheck.h>

int main(int argc, char **argv) {
    hc_baseline *baseline = NULL;
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    size_t i, count = 0;
    int rc;

    if (argc != 3) {
        fprintf(stderr, "usage: consumer BASELINE BUNDLE\n");
        return 2;
    }
    rc = hc_baseline_load(&baseline, argv[1]);
    if (rc == HC_OK) rc = hc_bundle_load(&bundle, argv[2], baseline);
    if (rc == HC_OK) rc = hc_run_evaluate(&run, baseline, bundle, NULL);
    if (rc == HC_OK) rc = hc_run_result_count(&count, run);
    for (i = 0; rc == HC_OK && i < count; ++i) {
        const hc_result *r = NULL;
        rc = hc_run_result(&r, run, i);
        if (rc == HC_OK)
            printf("%s %s %s %s:%u\n", r->host, r->check_id, r->status_name,
                   r->evidence_file ? r->evidence_file : "-", r->evidence_line);
    }
    if (rc != HC_OK) fprintf(stderr, "%s\n", hc_error_last()->message);
    hc_run_free(run);
    hc_bundle_free(bundle);
    hc_baseline_free(baseline);
    printf("hardcheck %s (header %s)\n", hc_version(), HC_VERSION);
    return rc == HC_OK ? 0 : 1;
}
