// Any bytes as a baseline YAML: loading either succeeds or throws InputError with
// positions; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/baseline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)hardcheck::load_baseline_text(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    } catch (const hardcheck::InputError&) {
    }
    return 0;
}
