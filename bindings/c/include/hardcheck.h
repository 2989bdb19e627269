/* hardcheck C ABI: audit exported Exchange/WSUS configuration from C and FFI.
 *
 * Conventions (see docs/c-api.md):
 * - every function returns int: 0 on success, a negative HC_E* code on failure;
 * - on failure, hc_error_last() describes the error for the calling thread;
 * - out-parameters come first; everything returned is freed with its hc_*_free,
 *   and hc_*_free(NULL) does nothing;
 * - strings are UTF-8 and stay valid until the handle they came from is freed.
 */
#ifndef HARDCHECK_H
#define HARDCHECK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(HC_BUILDING_LIBRARY)
#define HC_API __attribute__((visibility("default")))
#else
#define HC_API
#endif

#define HC_VERSION_MAJOR 0
#define HC_VERSION_MINOR 1
#define HC_VERSION_PATCH 0

enum hc_error_code {
    HC_OK = 0,
    HC_EINVAL = -1,    /* a NULL handle or argument, or an index out of range */
    HC_EINPUT = -2,    /* bad input: file unreadable or malformed (location in hc_error_last) */
    HC_ENOMEM = -3,    /* out of memory */
    HC_EINTERNAL = -4  /* a bug in hardcheck */
};

enum hc_status {
    HC_STATUS_PASS = 0,
    HC_STATUS_FAIL = 1,
    HC_STATUS_NOT_APPLICABLE = 2,
    HC_STATUS_NOT_COLLECTED = 3,
    HC_STATUS_ERROR = 4,
    HC_STATUS_WAIVED = 5,
    HC_STATUS_MANUAL = 6
};

typedef struct hc_error {
    int code;
    const char *message; /* "file:line:col: error: what" when it came from input */
    const char *file;    /* NULL when not from a file */
    unsigned line, column;
} hc_error;

typedef struct hc_baseline hc_baseline;
typedef struct hc_bundle hc_bundle;
typedef struct hc_run hc_run;

typedef struct hc_result {
    const char *host;
    const char *check_id;
    const char *title;
    const char *severity; /* critical, high, medium, low, info */
    int status;           /* an hc_status */
    const char *observed;
    const char *expected;
    const char *message;
    const char *evidence_file; /* first evidence location; NULL when none */
    unsigned evidence_line;
} hc_result;

/* Runtime version "major.minor.patch". */
HC_API const char *hc_version(void);

/* The calling thread's last error; never NULL (code HC_OK when none). */
HC_API const hc_error *hc_error_last(void);

HC_API int hc_baseline_load(hc_baseline **out, const char *path_or_id);
HC_API void hc_baseline_free(hc_baseline *baseline);

/* One host bundle directory. */
HC_API int hc_bundle_load(hc_bundle **out, const char *directory, const hc_baseline *for_baseline);
HC_API void hc_bundle_free(hc_bundle *bundle);

HC_API int hc_run_evaluate(hc_run **out, const hc_baseline *baseline, const hc_bundle *bundle);
HC_API int hc_run_result_count(size_t *out, const hc_run *run);
/* Fills *out with borrowed strings valid until hc_run_free(run). */
HC_API int hc_run_result(hc_result *out, const hc_run *run, size_t index);
HC_API void hc_run_free(hc_run *run);

#ifdef __cplusplus
}
#endif

#endif /* HARDCHECK_H */
