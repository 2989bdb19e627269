// Any bytes as a wevtutil event export: events, problems or InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/evidence.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<hardcheck::Diagnostic> problems;
    try {
        const auto events = hardcheck::read_event_xml_buffer(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml", problems);
        for (const auto& e : events) (void)e.field("CommandLine");
    } catch (const hardcheck::InputError&) {
    }
    return 0;
}
