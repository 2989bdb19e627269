// The whole bundle path: the input is split into files of a host directory (a
// 0xFF 0x00 0xFF separator between them; the first byte of each part picks its
// name), loaded with load_host and audited with the built-in baseline.  Any
// outcome but a crash, hang or leak is fine; problems must be reported.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <unistd.h>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"

namespace fs = std::filesystem;

namespace {

// One scratch directory per fuzzing process, removed when it exits.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("hardcheck-fuzz-bundle-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const fs::path& scratch() {
    static const Scratch s;
    return s.dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const kNames[] = {"a.reg", "b.xml", "web.config", "events.xml", "host.yaml", "c.reg"};
    const fs::path host = scratch() / "host";
    std::error_code ec;
    fs::remove_all(host, ec);
    fs::create_directories(host);
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view kSeparator("\xFF\x00\xFF", 3);
    for (int part = 0; !rest.empty() && part < 6; ++part) {
        const auto cut = rest.find(kSeparator);
        std::string_view body = rest.substr(0, cut);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + kSeparator.size());
        const char* name = kNames[(body.empty() ? part : static_cast<unsigned char>(body[0])) % 6];
        std::ofstream(host / name, std::ios::binary).write(body.data(), static_cast<std::streamsize>(body.size()));
    }
    try {
        static const auto baseline = hardcheck::load_baseline(hardcheck::resolve_baseline("exchange-tls"));
        const auto evidence = hardcheck::load_host(host, &baseline->needs);
        (void)hardcheck::evaluate(*baseline, evidence);
    } catch (const hardcheck::InputError&) {
    }
    return 0;
}
