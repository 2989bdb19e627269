// Out of memory at every allocation of each C ABI call in turn: the call must
// return HC_ENOMEM (never crash, terminate or leak) until it has enough memory,
// then succeed.  Global operator new is replaced in this program, which the
// shared libraries' calls resolve to, and fails on demand.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "hardcheck.h"

namespace {

long allocations_left = -1;  // < 0: never fail
long failures = 0;

void* allocate(std::size_t size) {
    if (allocations_left == 0) throw std::bad_alloc();
    if (allocations_left > 0) --allocations_left;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}

#define EXPECT(cond)                                                                      \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            std::fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                                   \
        }                                                                                 \
    } while (0)

// Runs `call` with the n-th allocation failing, for n = 0, 1, ... until it
// succeeds; every earlier attempt must report HC_ENOMEM.
template <typename F>
long until_success(const char* what, F&& call) {
    for (long n = 0; n < 200000; ++n) {
        allocations_left = n;
        const int rc = call();
        allocations_left = -1;
        if (rc == HC_OK) return n;
        if (rc != HC_ENOMEM || hc_error_last()->code != HC_ENOMEM ||
            std::strcmp(hc_error_last()->message, "out of memory") != 0) {
            std::fprintf(stderr, "%s with allocation %ld failing: returned %d (%s)\n", what, n, rc,
                         hc_error_last()->message);
            ++failures;
            return -1;
        }
    }
    std::fprintf(stderr, "%s never succeeded\n", what);
    ++failures;
    return -1;
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
// The non-throwing forms too, so that every block comes from and goes back to
// this pair (ASan checks that they match).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

int main() {
    hc_baseline* baseline = nullptr;
    hc_bundle* bundle = nullptr;
    hc_run* run = nullptr;
    size_t size = 0;

    const long n_baseline = until_success("hc_baseline_load", [&] {
        hc_baseline_free(baseline);
        return hc_baseline_load(&baseline, "tests/c/data/tls-02.yaml");
    });
    // Not hc_bundle_load: libstdc++'s non-throwing recursive_directory_iterator
    // constructor (GCC 12), which the bundle loader uses, calls std::terminate when
    // its allocation fails, before hardcheck can see it.  See docs/c-api.md.
    EXPECT(hc_bundle_load(&bundle, "examples/bundles/exch02", baseline) == HC_OK);
    const long n_run = until_success("hc_run_evaluate", [&] {
        hc_run_free(run);
        return hc_run_evaluate(&run, baseline, bundle, nullptr);
    });
    const long n_report = until_success("hc_report_write_buffer", [&] {
        const int rc = hc_report_write_buffer(nullptr, 0, &size, run, "text", nullptr);
        return rc == HC_EBUFSIZE ? HC_OK : rc;
    });
    EXPECT(n_baseline > 10 && n_run > 10 && n_report > 0);
    EXPECT(size > 100);
    const hc_result* r = nullptr;
    EXPECT(hc_run_result(&r, run, 0) == HC_OK && r && r->status == HC_STATUS_FAIL);

    hc_run_free(run);
    hc_bundle_free(bundle);
    hc_baseline_free(baseline);
    std::printf("allocations needed: baseline %ld, run %ld, report %ld\n", n_baseline, n_run, n_report);
    if (failures) std::fprintf(stderr, "%ld expectation(s) failed\n", failures);
    return failures ? 1 : 0;
}
