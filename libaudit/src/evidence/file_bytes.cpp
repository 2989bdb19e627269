#include "evidence/file_bytes.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

std::string read_file_bytes(const std::filesystem::path& file, std::uintmax_t max_bytes) {
    auto fail = [&](const std::string& why) {
        return InputError(Diagnostic{{file.string(), 0, 0}, fmt::format("cannot read file: {}", why)});
    };
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw fail("is a directory");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw fail(ec.message());
    if (size > max_bytes) throw fail(fmt::format("larger than the limit of {} bytes", max_bytes));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw fail(std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) throw fail("short read");
    return bytes;
}

}  // namespace hardcheck::detail
