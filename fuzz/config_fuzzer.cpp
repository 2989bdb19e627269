// Any bytes as an IIS / .NET configuration file, then a few XPath queries of the
// kind baselines use: InputError or an answer, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hardcheck/evidence.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto doc = hardcheck::read_config_buffer(std::string_view(reinterpret_cast<const char*>(data), size),
                                                       "fuzz.config");
        for (const char* xpath : {"//add/@value", "/configuration/system.webServer//@sslFlags", "//*[@name]"})
            (void)doc.select(xpath);
    } catch (const hardcheck::InputError&) {
    }
    return 0;
}
