// Any bytes as a profile (tailoring) YAML: loading either succeeds or throws
// InputError with positions; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/evaluate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)hardcheck::load_profile_text(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
    } catch (const hardcheck::InputError&) {
    }
    return 0;
}
