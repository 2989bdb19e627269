/* hardcheck C ABI: audit exported Exchange/WSUS configuration from C and FFI.
 *
 * The contract, in full (docs/c-api.md says the same at more length):
 *
 * Errors
 * - Every function returning int returns HC_OK (0) on success or a negative
 *   HC_E* code from enum hc_error_code on failure.
 * - Every such call, successful or not, sets the calling thread's last error:
 *   hc_error_last() never returns NULL and its code is HC_OK after a success.
 *   Its strings stay valid until the next hc_* call on the same thread.
 * - Errors that come from input (a baseline or evidence file) carry the file,
 *   line and column (1-based; 0 when unknown) and a message of the form
 *   "file:line:col: error: what".
 * - On failure, pointer out-parameters are set to NULL (when out itself is not
 *   NULL); other out-parameters are left unspecified unless documented.
 * - A NULL handle or required argument gives HC_EINVAL; it is never dereferenced.
 *   Out-of-memory gives HC_ENOMEM. No C++ exception crosses this boundary.
 *
 * Memory
 * - Out-parameters come first. Each handle is freed by its hc_*_free, and
 *   hc_*_free(NULL) does nothing.
 * - Strings and structs handed out by the library are borrowed: they stay valid
 *   until the handle they came from is freed. Structs handed out by pointer may
 *   gain fields at their end in later minor versions: never copy them by value
 *   across a library upgrade, and never allocate them yourself.
 * - Options structs are the caller's: initialise them with the *_INIT macro or
 *   the *_options_init() function, so fields can be added without breaking you.
 * - Strings are UTF-8.
 *
 * Threads
 * - Distinct handles may be used from different threads at the same time.
 * - A handle that is only read (a loaded hc_baseline or hc_bundle, a finished
 *   hc_run) may be shared by any number of threads: one compiled baseline can
 *   serve concurrent runs. Freeing a handle while another thread uses it is
 *   undefined.
 * - The last error is per thread.
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

/* The version of this header. hc_version_numbers() gives the library's. */
#define HC_VERSION_MAJOR 0
#define HC_VERSION_MINOR 1
#define HC_VERSION_PATCH 0
#define HC_VERSION "0.1.0"
/* major * 10000 + minor * 100 + patch, for preprocessor comparisons. */
#define HC_VERSION_NUMBER (HC_VERSION_MAJOR * 10000 + HC_VERSION_MINOR * 100 + HC_VERSION_PATCH)

enum hc_error_code {
    HC_OK = 0,
    HC_EINVAL = -1,    /* a NULL handle or argument, an index out of range, a bad
                          option value, an unknown check id or report format */
    HC_EINPUT = -2,    /* bad input: a file missing, unreadable or malformed, or a
                          report file that cannot be written (location in hc_error_last) */
    HC_ENOMEM = -3,    /* out of memory */
    HC_EINTERNAL = -4, /* a bug in hardcheck; please report it */
    HC_EBUFSIZE = -5,  /* the caller's buffer is too small (the size needed is returned) */
    HC_EVERSION = -6   /* an options struct with a version this library does not know */
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
    int code;            /* an hc_error_code */
    const char *message; /* "file:line:col: error: what" when it came from input;
                            several such lines when an input had several errors */
    const char *file;    /* NULL when not from a file */
    unsigned line, column;
} hc_error;

typedef struct hc_baseline hc_baseline;
typedef struct hc_bundle hc_bundle;
typedef struct hc_run hc_run;
typedef struct hc_profile hc_profile;

/* Runtime version "major.minor.patch" (a static string). */
HC_API const char *hc_version(void);
/* Runtime version as numbers; any pointer may be NULL. Always HC_OK. */
HC_API int hc_version_numbers(int *major, int *minor, int *patch);

/* The calling thread's last error; never NULL (code HC_OK when none). */
HC_API const hc_error *hc_error_last(void);

/* Name of a status ("pass", "not_collected", ...); HC_EINVAL for an unknown one. */
HC_API int hc_status_name(const char **out, int status);

/* ---- Baselines ----------------------------------------------------------- */

typedef struct hc_baseline_info {
    const char *id;
    const char *title;
    const char *version;
    const char *file;     /* the file it was loaded from, or the name given */
    size_t check_count;
} hc_baseline_info;

/* Loads and compiles a baseline file, or a built-in baseline by id. */
HC_API int hc_baseline_load(hc_baseline **out, const char *path_or_id);
/* Compiles a baseline from `size` bytes of YAML; `name` (may be NULL: "<memory>")
 * is the file name errors are reported against. The bytes are not kept. */
HC_API int hc_baseline_load_buffer(hc_baseline **out, const char *yaml, size_t size, const char *name);
HC_API int hc_baseline_info_get(const hc_baseline_info **out, const hc_baseline *baseline);
HC_API void hc_baseline_free(hc_baseline *baseline);

/* A profile (tailoring file): check selection, severity and parameter overrides,
   waivers.  Used through hc_run_options.profile; must outlive the runs using it. */
HC_API int hc_profile_load(hc_profile **out, const char *path);
HC_API void hc_profile_free(hc_profile *profile);

/* ---- Evidence bundles ---------------------------------------------------- */

/* One host bundle directory. With `for_baseline`, only the evidence that
 * baseline reads is decoded; with NULL, everything is. */
HC_API int hc_bundle_load(hc_bundle **out, const char *directory, const hc_baseline *for_baseline);
/* The host name (from host.yaml, else the directory name). */
HC_API int hc_bundle_host(const char **out, const hc_bundle *bundle);
HC_API void hc_bundle_free(hc_bundle *bundle);

/* ---- Runs ---------------------------------------------------------------- */

#define HC_RUN_OPTIONS_VERSION 2
typedef struct hc_run_options {
    unsigned int version;           /* HC_RUN_OPTIONS_VERSION */
    const char *const *check_ids;   /* evaluate only these checks (in baseline
                                       order); NULL: all. Unknown id: HC_EINVAL */
    size_t check_id_count;
    /* Since version 2: tailoring and waivers (see hc_profile_load); NULL: none.
       Read only when version >= 2, so version-1 callers keep working. */
    const hc_profile *profile;
} hc_run_options;
#define HC_RUN_OPTIONS_INIT { HC_RUN_OPTIONS_VERSION, NULL, 0, NULL }
/* Fills `opts` with defaults; `version` is HC_RUN_OPTIONS_VERSION. */
HC_API int hc_run_options_init(hc_run_options *opts, unsigned int version);

/* Evaluates `baseline` against `bundle`; `opts` may be NULL for defaults.
 * The run keeps what it needs: baseline and bundle may be freed afterwards. */
HC_API int hc_run_evaluate(hc_run **out, const hc_baseline *baseline, const hc_bundle *bundle,
                           const hc_run_options *opts);
HC_API int hc_run_result_count(size_t *out, const hc_run *run);

typedef struct hc_result {
    const char *host;
    const char *check_id;
    const char *title;
    const char *severity;      /* critical, high, medium, low, info */
    int status;                /* an hc_status */
    const char *status_name;   /* "pass", "fail", ... */
    const char *observed;
    const char *expected;
    const char *message;
    int default_assumed;       /* 1: an absent value was taken at its declared OS default */
    size_t evidence_count;     /* see hc_run_evidence */
    const char *evidence_file; /* the first evidence location; NULL when none */
    unsigned evidence_line;
    /* The waiver naming this check and host, from the run's profile:
       waiver_state is "none", "applied", "unused" or "expired"; the other three
       are "" when there is no waiver. */
    const char *waiver_state;
    const char *waiver_reason;
    const char *waiver_owner;
    const char *waiver_expires; /* YYYY-MM-DD */
    /* Warnings about the result (e.g. the version data is older than the
       collection); see hc_run_note. Appended last: the struct is only handed out
       by pointer, so its earlier fields keep their offsets. */
    size_t notes_count;
} hc_result;

typedef struct hc_evidence {
    const char *file;          /* NULL when unknown */
    unsigned line, column;     /* 0 when unknown */
    const char *locator;       /* registry key\value, property path, xpath */
    const char *observed;      /* what was found there, for people */
    int default_assumed;       /* 1: absent, the declared OS default was assumed */
} hc_evidence;

/* Result `index` (0-based, < hc_run_result_count) of a run. */
HC_API int hc_run_result(const hc_result **out, const hc_run *run, size_t index);
/* Evidence item `index` (< evidence_count) of result `result_index`. */
HC_API int hc_run_evidence(const hc_evidence **out, const hc_run *run, size_t result_index, size_t index);
/* Note `index` (< notes_count) of result `result_index`, a UTF-8 string owned by the run. */
HC_API int hc_run_note(const char **out, const hc_run *run, size_t result_index, size_t index);
HC_API void hc_run_free(hc_run *run);

/* ---- Reports ------------------------------------------------------------- */

/* The report formats this library writes ("text", ...), as static strings. */
HC_API int hc_report_format_count(size_t *out);
HC_API int hc_report_format_name(const char **out, size_t index);

#define HC_REPORT_OPTIONS_VERSION 1
typedef struct hc_report_options {
    unsigned int version; /* HC_REPORT_OPTIONS_VERSION */
    int verbose;          /* text: also list passes and evidence */
    int colour;           /* text: ANSI colours */
} hc_report_options;
#define HC_REPORT_OPTIONS_INIT { HC_REPORT_OPTIONS_VERSION, 0, 0 }
HC_API int hc_report_options_init(hc_report_options *opts, unsigned int version);

/* Writes the report of `run` in `format` (a name from hc_report_format_name) to
 * the file `path`, atomically: on failure no partial file is left behind.
 * `opts` may be NULL for defaults. */
HC_API int hc_report_write_file(const hc_run *run, const char *format, const char *path,
                                const hc_report_options *opts);
/* Writes the report into the caller's buffer with a terminating NUL. *out_size
 * receives the report's length in bytes without the NUL, also when the buffer
 * is too small (HC_EBUFSIZE; the buffer then holds an empty string if size > 0).
 * `buffer` may be NULL when `size` is 0, to ask for the length. */
HC_API int hc_report_write_buffer(char *buffer, size_t size, size_t *out_size, const hc_run *run,
                                  const char *format, const hc_report_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* HARDCHECK_H */
