/* One compiled baseline shared by concurrent runs (pthreads), and the last error
 * kept per thread. Runs from the source directory. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "hardcheck.h"

#define ROUNDS 50

struct job {
    const hc_baseline *baseline;
    const char *dir;
    const char *host;
    int status;
    int failures;
};

static void *run_job(void *arg) {
    struct job *job = arg;
    int i;
    for (i = 0; i < ROUNDS; ++i) {
        hc_bundle *bundle = NULL, *missing_bundle = NULL;
        hc_run *run = NULL;
        const hc_result *r = NULL;
        hc_baseline *missing = NULL;
        size_t count = 0;
        int ok = hc_bundle_load(&bundle, job->dir, job->baseline) == HC_OK &&
                 hc_run_evaluate(&run, job->baseline, bundle, NULL) == HC_OK &&
                 hc_run_result_count(&count, run) == HC_OK && count == 1 &&
                 hc_run_result(&r, run, 0) == HC_OK && strcmp(r->host, job->host) == 0 &&
                 r->status == job->status;
        /* An error in this thread names this thread's input, whatever the other does. */
        ok = ok && hc_bundle_load(&missing_bundle, job->host, NULL) == HC_EINPUT && missing_bundle == NULL &&
             hc_error_last()->file != NULL && strcmp(hc_error_last()->file, job->host) == 0;
        ok = ok && hc_baseline_load(&missing, NULL) == HC_EINVAL &&
             strcmp(hc_error_last()->message, "path_or_id is NULL") == 0;
        if (!ok) {
            fprintf(stderr, "%s: round %d went wrong: %s\n", job->host, i, hc_error_last()->message);
            ++job->failures;
        }
        hc_run_free(run);
        hc_bundle_free(bundle);
    }
    return NULL;
}

int main(void) {
    hc_baseline *baseline = NULL;
    pthread_t threads[2];
    struct job jobs[2] = {
        {NULL, "examples/bundles/exch01", "EXCH01", HC_STATUS_PASS, 0},
        {NULL, "examples/bundles/exch02", "EXCH02", HC_STATUS_FAIL, 0},
    };
    int i, failures = 0;

    if (hc_baseline_load(&baseline, "tests/c/data/tls-02.yaml") != HC_OK) {
        fprintf(stderr, "cannot load the baseline: %s\n", hc_error_last()->message);
        return 1;
    }
    for (i = 0; i < 2; ++i) {
        jobs[i].baseline = baseline;
        if (pthread_create(&threads[i], NULL, run_job, &jobs[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (i = 0; i < 2; ++i) {
        pthread_join(threads[i], NULL);
        failures += jobs[i].failures;
    }
    /* The main thread's last error is its own: still the successful load. */
    if (hc_error_last()->code != HC_OK) {
        fprintf(stderr, "main thread's last error changed: %s\n", hc_error_last()->message);
        ++failures;
    }
    hc_baseline_free(baseline);
    if (failures) fprintf(stderr, "%d round(s) failed\n", failures);
    return failures ? 1 : 0;
}
