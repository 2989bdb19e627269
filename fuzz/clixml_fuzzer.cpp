// Any bytes as an Export-Clixml file: the reader reports problems or throws
// InputError, never crashes, recurses without bound or loops; every object it
// hands out can be walked.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/evidence.hpp"

namespace {

// Visits values as a consumer would, but at most `budget` of them: Refs share
// objects, so a small input may stand for 10^30 values (see dump_values_per_line).
std::size_t walk(const hardcheck::PsValue& v, int depth, std::size_t& budget) {
    if (depth > 1000) __builtin_trap();  // the reader's depth limit did not hold
    if (budget == 0) return 0;
    --budget;
    std::size_t n = 1 + v.text.size();
    for (const auto& item : v.items) n += walk(item, depth + 1, budget);
    for (const auto& [key, value] : v.entries) n += walk(key, depth + 1, budget) + walk(value, depth + 1, budget);
    if (v.object)
        for (const auto& p : v.object->properties) n += walk(p.value, depth + 1, budget);
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<hardcheck::Diagnostic> problems;
    std::size_t total = 0;
    try {
        hardcheck::read_clixml_buffer(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml",
            [&](std::shared_ptr<const hardcheck::PsObject> o) {
                std::size_t budget = 100000;
                for (const auto& p : o->properties) total += walk(p.value, 0, budget);
                total += walk(o->value, 0, budget);
                (void)hardcheck::event_from_object(*o);
            },
            problems);
    } catch (const hardcheck::InputError&) {
    }
    return total == static_cast<std::size_t>(-1);
}
