#include "hardcheck/diagnostics.hpp"

#include <fmt/format.h>

namespace hardcheck {

std::string SourceLocation::str() const {
    if (line == 0) return file;
    if (column == 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::str() const { return fmt::format("{}: error: {}", where.str(), message); }

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& all) {
    std::string text;
    for (const auto& d : all) {
        if (!text.empty()) text += '\n';
        text += d.str();
    }
    return text;
}
}  // namespace

InputError::InputError(Diagnostic first) : InputError(std::vector<Diagnostic>{std::move(first)}) {}

InputError::InputError(std::vector<Diagnostic> all)
    : std::runtime_error(join_diagnostics(all)), diagnostics_(std::move(all)) {}

}  // namespace hardcheck
