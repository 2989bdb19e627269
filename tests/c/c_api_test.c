/* The C ABI exercised from C11: results of the example bundles, evidence, reports,
 * options, baselines from memory, and the error contract (bad files, bad
 * baselines, NULL arguments). Runs from the source directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hardcheck.h"

static int failures = 0;

#define EXPECT(cond)                                                                      \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                                   \
        }                                                                                 \
    } while (0)

#define EXPECT_STR(actual, expected)                                                            \
    do {                                                                                        \
        const char *a_ = (actual);                                                              \
        if (a_ == NULL || strcmp(a_, (expected)) != 0) {                                        \
            fprintf(stderr, "%s:%d: expected %s == \"%s\", got \"%s\"\n", __FILE__, __LINE__, #actual, \
                    (expected), a_ ? a_ : "(null)");                                            \
            ++failures;                                                                         \
        }                                                                                       \
    } while (0)

/* The tests' own copy of TLS-02, unaffected by checks added to exchange-tls. */
#define TEST_BASELINE "tests/c/data/tls-02.yaml"

#define SCHANNEL "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\"

/* Two checks, so that a run can select one of them. */
static const char two_checks[] =
    "id: memory-tls\n"
    "title: From memory\n"
    "version: \"1.2\"\n"
    "checks:\n"
    "  - id: SRV\n"
    "    title: TLS 1.0 server off\n"
    "    severity: high\n"
    "    test:\n"
    "      registry:\n"
    "        key: " SCHANNEL "Server\n"
    "        value: Enabled\n"
    "      equals: 0\n"
    "  - id: CLI\n"
    "    title: TLS 1.0 client off\n"
    "    severity: low\n"
    "    test:\n"
    "      registry:\n"
    "        key: " SCHANNEL "Client\n"
    "        value: Enabled\n"
    "      equals: 0\n";

static void test_version(void) {
    int major = -1, minor = -1, patch = -1;
    EXPECT_STR(hc_version(), HC_VERSION);
    EXPECT_STR(hc_version(), HARDCHECK_VERSION);
    EXPECT(hc_version_numbers(&major, &minor, &patch) == HC_OK);
    EXPECT(major == HC_VERSION_MAJOR && minor == HC_VERSION_MINOR && patch == HC_VERSION_PATCH);
    EXPECT(hc_version_numbers(NULL, NULL, NULL) == HC_OK);
    EXPECT(HC_VERSION_NUMBER == HC_VERSION_MAJOR * 10000 + HC_VERSION_MINOR * 100 + HC_VERSION_PATCH);
}

static void test_status_names(void) {
    const char *name = NULL;
    EXPECT(hc_status_name(&name, HC_STATUS_NOT_COLLECTED) == HC_OK);
    EXPECT_STR(name, "not_collected");
    EXPECT(hc_status_name(&name, HC_STATUS_MANUAL) == HC_OK);
    EXPECT_STR(name, "manual");
    EXPECT(hc_status_name(&name, 7) == HC_EINVAL);
    EXPECT(name == NULL);
    EXPECT(hc_status_name(&name, -1) == HC_EINVAL);
    EXPECT(hc_status_name(NULL, 0) == HC_EINVAL);
}

static void test_baseline_info(const hc_baseline *baseline) {
    const hc_baseline_info *info = NULL;
    EXPECT(hc_baseline_info_get(&info, baseline) == HC_OK);
    EXPECT(info != NULL);
    if (!info) return;
    EXPECT_STR(info->id, "c-abi-tls");
    EXPECT_STR(info->title, "TLS 1.0 check for the C ABI tests");
    EXPECT_STR(info->version, "0.1.0");
    EXPECT_STR(info->file, TEST_BASELINE);
    EXPECT(info->check_count == 1);
}

static void test_builtin_baseline_by_id(void) {
    hc_baseline *baseline = NULL;
    const hc_baseline_info *info = NULL;
    EXPECT(hc_baseline_load(&baseline, "exchange-tls") == HC_OK);
    EXPECT(hc_baseline_info_get(&info, baseline) == HC_OK);
    if (info) {
        EXPECT_STR(info->id, "exchange-tls");
        EXPECT(info->check_count >= 1);
        EXPECT(strstr(info->file, "exchange-tls.yaml") != NULL);
    }
    hc_baseline_free(baseline);
}

/* One host of the examples: its TLS-02 result and both pieces of evidence. */
static void test_host(const hc_baseline *baseline, const char *dir, const char *host, int status,
                      const char *server_observed, unsigned server_line, int default_assumed) {
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    size_t count = 0;
    const hc_result *r = NULL;
    const hc_evidence *e = NULL;
    const char *bundle_host = NULL;
    char file[256];

    snprintf(file, sizeof file, "%s/schannel.reg", dir);
    EXPECT(hc_bundle_load(&bundle, dir, baseline) == HC_OK);
    EXPECT(hc_bundle_host(&bundle_host, bundle) == HC_OK);
    EXPECT_STR(bundle_host, host);
    EXPECT(hc_run_evaluate(&run, baseline, bundle, NULL) == HC_OK);
    /* The run keeps what it needs. */
    hc_bundle_free(bundle);
    EXPECT(hc_run_result_count(&count, run) == HC_OK);
    EXPECT(count == 1);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    EXPECT(hc_error_last()->code == HC_OK);
    if (r) {
        EXPECT_STR(r->host, host);
        EXPECT_STR(r->check_id, "TLS-02");
        EXPECT_STR(r->title, "TLS 1.0 disabled for server and client");
        EXPECT_STR(r->severity, "high");
        EXPECT(r->status == status);
        EXPECT_STR(r->status_name, status == HC_STATUS_PASS ? "pass" : "fail");
        EXPECT(r->default_assumed == default_assumed);
        EXPECT(r->evidence_count == 2);
        EXPECT_STR(r->evidence_file, file);
        EXPECT(r->evidence_line == server_line);
    }
    EXPECT(hc_run_evidence(&e, run, 0, 0) == HC_OK);
    if (e) {
        EXPECT_STR(e->file, file);
        EXPECT(e->line == server_line && e->column == 1);
        EXPECT_STR(e->locator, SCHANNEL "Server\\Enabled");
        EXPECT_STR(e->observed, server_observed);
        EXPECT(e->default_assumed == default_assumed);
    }
    EXPECT(hc_run_evidence(&e, run, 0, 1) == HC_OK);
    if (e) {
        EXPECT_STR(e->file, file);
        EXPECT(e->line == 12);
        EXPECT_STR(e->locator, SCHANNEL "Client\\Enabled");
        EXPECT_STR(e->observed, "REG_DWORD 0 (0x0)");
        EXPECT(e->default_assumed == 0);
    }
    EXPECT(hc_run_evidence(&e, run, 0, 2) == HC_EINVAL);
    EXPECT(e == NULL);
    EXPECT(hc_run_evidence(&e, run, 1, 0) == HC_EINVAL);
    EXPECT(hc_run_result(&r, run, 1) == HC_EINVAL);
    EXPECT(r == NULL);
    EXPECT_STR(hc_error_last()->message, "result index out of range");
    hc_run_free(run);
}

static void test_report(const hc_baseline *baseline) {
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    size_t count = 0, needed = 0, size = 0;
    const char *format = NULL;
    char small[8];
    char *text;
    hc_report_options opts = HC_REPORT_OPTIONS_INIT;
    hc_report_options initialised;
    FILE *f;
    char first[128] = "";
    size_t i;
    int has_text = 0;

    EXPECT(hc_report_format_count(&count) == HC_OK);
    EXPECT(count >= 1);
    for (i = 0; i < count; ++i) {
        EXPECT(hc_report_format_name(&format, i) == HC_OK);
        if (format && strcmp(format, "text") == 0) has_text = 1;
    }
    EXPECT(has_text);
    EXPECT(hc_report_format_name(&format, count) == HC_EINVAL);
    EXPECT(format == NULL);
    EXPECT(hc_report_options_init(&initialised, HC_REPORT_OPTIONS_VERSION) == HC_OK);
    EXPECT(initialised.version == HC_REPORT_OPTIONS_VERSION && initialised.verbose == 0 && initialised.colour == 0);
    EXPECT(hc_report_options_init(&initialised, HC_REPORT_OPTIONS_VERSION + 1) == HC_EVERSION);

    EXPECT(hc_bundle_load(&bundle, "examples/bundles/exch02", baseline) == HC_OK);
    EXPECT(hc_run_evaluate(&run, baseline, bundle, NULL) == HC_OK);

    /* Ask for the length, then write into a buffer of exactly that size + 1. */
    EXPECT(hc_report_write_buffer(NULL, 0, &needed, run, "text", NULL) == HC_EBUFSIZE);
    EXPECT(needed > 100);
    EXPECT(hc_report_write_buffer(small, sizeof small, &size, run, "text", NULL) == HC_EBUFSIZE);
    EXPECT(size == needed && small[0] == '\0');
    text = malloc(needed + 1);
    EXPECT(hc_report_write_buffer(text, needed + 1, &size, run, "text", NULL) == HC_OK);
    EXPECT(size == needed && strlen(text) == needed);
    EXPECT(strncmp(text, "baseline c-abi-tls 0.1.0", 24) == 0);
    EXPECT(strstr(text, "FAIL") != NULL);
    EXPECT(strstr(text, "evidence:") == NULL);
    free(text);
    opts.verbose = 1;
    EXPECT(hc_report_write_buffer(NULL, 0, &size, run, "text", &opts) == HC_EBUFSIZE);
    EXPECT(size > needed); /* verbose adds the evidence lines */

    EXPECT(hc_report_write_buffer(NULL, 0, &size, run, "yaml-please", NULL) == HC_EINVAL);
    EXPECT(strncmp(hc_error_last()->message, "unknown report format 'yaml-please' (known: ", 44) == 0);
    EXPECT(strstr(hc_error_last()->message, "text") != NULL);
    EXPECT(hc_report_write_buffer(NULL, 0, &size, run, NULL, NULL) == HC_EINVAL);
    EXPECT(hc_report_write_buffer(NULL, 0, NULL, run, "text", NULL) == HC_EINVAL);
    EXPECT(hc_report_write_buffer(NULL, 4, &size, run, "text", NULL) == HC_EINVAL);
    EXPECT(hc_report_write_buffer(NULL, 0, &size, NULL, "text", NULL) == HC_EINVAL);
    opts.version = 0;
    EXPECT(hc_report_write_buffer(NULL, 0, &size, run, "text", &opts) == HC_EVERSION);

    /* To a file; a directory that does not exist is an input error naming the file. */
    EXPECT(hc_report_write_file(run, "text", "c_api_test_report.txt", NULL) == HC_OK);
    f = fopen("c_api_test_report.txt", "r");
    EXPECT(f != NULL);
    if (f) {
        EXPECT(fgets(first, sizeof first, f) != NULL);
        fclose(f);
    }
    EXPECT(strncmp(first, "baseline c-abi-tls 0.1.0", 24) == 0);
    remove("c_api_test_report.txt");
    EXPECT(hc_report_write_file(run, "text", "no/such/dir/report.txt", NULL) == HC_EINPUT);
    EXPECT_STR(hc_error_last()->file, "no/such/dir/report.txt");
    EXPECT(hc_report_write_file(run, "text", NULL, NULL) == HC_EINVAL);
    EXPECT(hc_report_write_file(NULL, "text", "x.txt", NULL) == HC_EINVAL);

    hc_run_free(run);
    hc_bundle_free(bundle);
}

static void test_memory_baseline_and_check_selection(void) {
    hc_baseline *baseline = NULL;
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    const hc_baseline_info *info = NULL;
    const hc_result *r = NULL;
    size_t count = 0;
    const char *only_cli[] = {"CLI"};
    const char *unknown[] = {"CLI", "NOPE"};
    hc_run_options opts = HC_RUN_OPTIONS_INIT;
    hc_run_options initialised;

    EXPECT(hc_baseline_load_buffer(&baseline, two_checks, sizeof two_checks - 1, "mem.yaml") == HC_OK);
    EXPECT(hc_baseline_info_get(&info, baseline) == HC_OK);
    if (info) {
        EXPECT_STR(info->id, "memory-tls");
        EXPECT_STR(info->version, "1.2");
        EXPECT_STR(info->file, "mem.yaml");
        EXPECT(info->check_count == 2);
    }
    EXPECT(hc_bundle_load(&bundle, "examples/bundles/exch02", NULL) == HC_OK);

    EXPECT(hc_run_evaluate(&run, baseline, bundle, &opts) == HC_OK);
    EXPECT(hc_run_result_count(&count, run) == HC_OK);
    EXPECT(count == 2);
    hc_run_free(run);

    EXPECT(hc_run_options_init(&initialised, HC_RUN_OPTIONS_VERSION) == HC_OK);
    EXPECT(initialised.version == HC_RUN_OPTIONS_VERSION && initialised.check_ids == NULL);
    initialised.check_ids = only_cli;
    initialised.check_id_count = 1;
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &initialised) == HC_OK);
    EXPECT(hc_run_result_count(&count, run) == HC_OK);
    EXPECT(count == 1);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    if (r) {
        EXPECT_STR(r->check_id, "CLI");
        EXPECT_STR(r->severity, "low");
        EXPECT(r->status == HC_STATUS_PASS);
    }
    hc_run_free(run);

    opts.check_ids = unknown;
    opts.check_id_count = 2;
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &opts) == HC_EINVAL);
    EXPECT(run == NULL);
    EXPECT_STR(hc_error_last()->message, "unknown check id 'NOPE'");
    opts.check_ids = NULL;
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &opts) == HC_EINVAL);
    opts.check_id_count = 0;
    opts.version = HC_RUN_OPTIONS_VERSION + 1;
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &opts) == HC_EVERSION);
    EXPECT(hc_run_options_init(&initialised, 0) == HC_EVERSION);
    EXPECT(hc_run_options_init(NULL, HC_RUN_OPTIONS_VERSION) == HC_EINVAL);

    hc_bundle_free(bundle);
    hc_baseline_free(baseline);
}

static void test_bad_baselines(void) {
    hc_baseline *baseline = (hc_baseline *)&failures; /* must be reset to NULL */
    const hc_error *err;
    static const char bad_severity[] =
        "id: x\ntitle: X\nversion: \"1\"\nchecks:\n"
        "  - id: A\n    title: A\n    severity: extreme\n    test:\n"
        "      registry:\n        key: HKLM\\SOFTWARE\\X\n        value: V\n      equals: 0\n";

    EXPECT(hc_baseline_load(&baseline, "tests/data/baselines/bad_severity.yaml") == HC_EINPUT);
    EXPECT(baseline == NULL);
    err = hc_error_last();
    EXPECT(err->code == HC_EINPUT);
    EXPECT_STR(err->file, "tests/data/baselines/bad_severity.yaml");
    EXPECT(err->line == 8 && err->column == 15);
    EXPECT(strncmp(err->message, "tests/data/baselines/bad_severity.yaml:8:15: error: ", 52) == 0);

    EXPECT(hc_baseline_load(&baseline, "no-such-baseline") == HC_EINPUT);
    EXPECT_STR(hc_error_last()->message, "no-such-baseline: error: no such baseline file or built-in baseline id");
    EXPECT(hc_error_last()->line == 0);

    EXPECT(hc_baseline_load_buffer(&baseline, bad_severity, sizeof bad_severity - 1, NULL) == HC_EINPUT);
    err = hc_error_last();
    EXPECT_STR(err->file, "<memory>");
    EXPECT(err->line == 7 && err->column == 15);
    EXPECT(hc_baseline_load_buffer(&baseline, "", 0, "empty.yaml") == HC_EINPUT);
    EXPECT_STR(hc_error_last()->file, "empty.yaml");
    EXPECT(hc_baseline_load_buffer(&baseline, NULL, 3, "x") == HC_EINVAL);
    EXPECT(hc_baseline_load_buffer(NULL, "x", 1, "x") == HC_EINVAL);
}

static void test_null_handles(const hc_baseline *baseline) {
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    size_t count = 7;
    const hc_result *r = NULL;
    const hc_baseline_info *info = NULL;
    const char *s = NULL;

    EXPECT(hc_baseline_load(NULL, "x") == HC_EINVAL);
    EXPECT_STR(hc_error_last()->message, "out is NULL");
    EXPECT(hc_error_last()->file == NULL);
    EXPECT(hc_baseline_load((hc_baseline **)&bundle, NULL) == HC_EINVAL);
    EXPECT_STR(hc_error_last()->message, "path_or_id is NULL");
    EXPECT(hc_baseline_info_get(&info, NULL) == HC_EINVAL);
    EXPECT(hc_bundle_load(&bundle, NULL, baseline) == HC_EINVAL);
    EXPECT(hc_bundle_host(&s, NULL) == HC_EINVAL);
    EXPECT(hc_run_evaluate(NULL, baseline, NULL, NULL) == HC_EINVAL);
    EXPECT(hc_run_evaluate(&run, baseline, NULL, NULL) == HC_EINVAL);
    EXPECT_STR(hc_error_last()->message, "bundle is NULL");
    EXPECT(hc_run_evaluate(&run, NULL, bundle, NULL) == HC_EINVAL);
    EXPECT(hc_run_result_count(&count, NULL) == HC_EINVAL);
    EXPECT(hc_run_result_count(NULL, run) == HC_EINVAL);
    EXPECT(hc_run_result(&r, NULL, 0) == HC_EINVAL);
    EXPECT(hc_run_evidence(NULL, NULL, 0, 0) == HC_EINVAL);

    /* A success clears the last error. */
    EXPECT(hc_status_name(&s, 0) == HC_OK);
    EXPECT(hc_error_last()->code == HC_OK);
    EXPECT_STR(hc_error_last()->message, "");

    hc_baseline_free(NULL);
    hc_bundle_free(NULL);
    hc_run_free(NULL);
}

static void test_bad_bundle(const hc_baseline *baseline) {
    hc_bundle *bundle = NULL;
    const hc_error *err;
    EXPECT(hc_bundle_load(&bundle, "no/such/dir", baseline) == HC_EINPUT);
    EXPECT(bundle == NULL);
    err = hc_error_last();
    EXPECT(err->code == HC_EINPUT);
    EXPECT_STR(err->message, "no/such/dir: error: not a directory");
    EXPECT_STR(err->file, "no/such/dir");
}

/* A profile's waiver turns EXCH02's failure into `waived` with its reason and owner;
   version-1 options (without the profile field) still run, unwaived. */
static void test_profile_waiver(const hc_baseline *baseline) {
    hc_profile *profile = NULL;
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    const hc_result *r = NULL;
    hc_run_options opts = HC_RUN_OPTIONS_INIT;
    hc_run_options v1 = {1, NULL, 0, NULL};
    /* A version-1 caller's struct ends before `profile`: init must not write it. */
    hc_run_options guard;
    memset(&guard, 0xAB, sizeof guard);
    EXPECT(hc_run_options_init(&guard, 1) == HC_OK);
    EXPECT(guard.version == 1 && guard.check_ids == NULL && guard.check_id_count == 0);
    {
        const unsigned char *tail = (const unsigned char *)&guard.profile;
        EXPECT(tail[0] == 0xAB && tail[sizeof guard.profile - 1] == 0xAB);
    }

    EXPECT(hc_profile_load(&profile, "tests/data/profiles/waive-exch02.yaml") == HC_OK);
    EXPECT(hc_bundle_load(&bundle, "examples/bundles/exch02", baseline) == HC_OK);
    opts.profile = profile;
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &opts) == HC_OK);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    EXPECT(r != NULL && r->status == HC_STATUS_WAIVED);
    EXPECT(r != NULL && strcmp(r->waiver_state, "applied") == 0);
    EXPECT(r != NULL && strcmp(r->waiver_owner, "jane.doe@contoso.example") == 0);
    EXPECT(r != NULL && strcmp(r->waiver_expires, "2099-03-31") == 0);
    hc_run_free(run);
    run = NULL;
    v1.profile = profile; /* ignored: a version-1 struct has no profile field */
    EXPECT(hc_run_evaluate(&run, baseline, bundle, &v1) == HC_OK);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    EXPECT(r != NULL && r->status == HC_STATUS_FAIL);
    EXPECT(r != NULL && strcmp(r->waiver_state, "none") == 0 && strcmp(r->waiver_reason, "") == 0);
    hc_run_free(run);

    EXPECT(hc_profile_load(NULL, "x") == HC_EINVAL);
    {
        hc_profile *bad = NULL;
        EXPECT(hc_profile_load(&bad, NULL) == HC_EINVAL);
        EXPECT(hc_profile_load(&bad, "tests/data/profiles/bad.yaml") == HC_EINPUT);
        EXPECT(bad == NULL);
        EXPECT(hc_error_last()->line > 0);
    }
    hc_bundle_free(bundle);
    hc_profile_free(profile);
    hc_profile_free(NULL);
}

/* A result with a note: version data 120 days older than the collection. */
#define NOTES_DIR "tests/c/data/notes/"
static void test_result_notes(void) {
    hc_baseline *baseline = NULL;
    hc_bundle *bundle = NULL;
    hc_run *run = NULL;
    const hc_result *r = NULL;
    const char *note = "unset";
    EXPECT(hc_baseline_load(&baseline, NOTES_DIR "baseline.yaml") == HC_OK);
    EXPECT(hc_bundle_load(&bundle, NOTES_DIR "host", baseline) == HC_OK);
    EXPECT(hc_run_evaluate(&run, baseline, bundle, NULL) == HC_OK);
    EXPECT(hc_run_result(&r, run, 0) == HC_OK);
    EXPECT(r != NULL && r->status == HC_STATUS_PASS && r->notes_count == 1);
    EXPECT(hc_run_note(&note, run, 0, 0) == HC_OK);
    EXPECT_STR(note, "Version data versions/builds.yaml is as of 2026-01-01, 120 days before the collection "
                     "(2026-05-01): builds and updates released since are unknown to this check; update the data.");
    EXPECT(hc_run_note(&note, run, 0, 1) == HC_EINVAL && note == NULL);
    EXPECT_STR(hc_error_last()->message, "note index out of range");
    EXPECT(hc_run_note(&note, run, 1, 0) == HC_EINVAL);
    EXPECT(hc_run_note(&note, NULL, 0, 0) == HC_EINVAL);
    EXPECT(hc_run_note(NULL, run, 0, 0) == HC_EINVAL);
    hc_run_free(run);
    hc_bundle_free(bundle);
    hc_baseline_free(baseline);
}

int main(void) {
    hc_baseline *baseline = NULL;

    test_version();
    test_status_names();
    EXPECT(hc_baseline_load(&baseline, TEST_BASELINE) == HC_OK);
    test_baseline_info(baseline);
    test_builtin_baseline_by_id();
    test_host(baseline, "examples/bundles/exch01", "EXCH01", HC_STATUS_PASS, "REG_DWORD 0 (0x0)", 16, 0);
    test_host(baseline, "examples/bundles/exch02", "EXCH02", HC_STATUS_FAIL, "absent (OS default 1 assumed)", 3, 1);
    test_report(baseline);
    test_profile_waiver(baseline);
    test_result_notes();
    test_memory_baseline_and_check_selection();
    test_bad_baselines();
    test_null_handles(baseline);
    test_bad_bundle(baseline);
    hc_baseline_free(baseline);

    if (failures) fprintf(stderr, "%d expectation(s) failed\n", failures);
    return failures ? 1 : 0;
}
