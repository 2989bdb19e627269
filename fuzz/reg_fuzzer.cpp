// Any bytes as a .reg export: the reader must report, never crash, hang or
// grow without bound; every lookup answer must be one of the four presences.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/evidence.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    hardcheck::RegistryView view;
    std::vector<hardcheck::Diagnostic> problems;
    try {
        hardcheck::read_reg_buffer(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.reg", view,
                                   problems);
    } catch (const hardcheck::InputError&) {
        return 0;
    }
    for (const auto& [path, key] : view.keys())
        for (const auto& value : key.values) (void)view.lookup(path, value.name);
    return 0;
}
