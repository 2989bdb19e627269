// Positions in input files and the error every reader and loader reports.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "hardcheck/export.hpp"

namespace hardcheck {

// A place in an input file; line and column count from 1, 0 means "unknown".
struct HARDCHECK_API SourceLocation {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    // "file:line:col", "file:line" or "file", whichever parts are known.
    std::string str() const;
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// One problem found in an input file, in the shape editors and CI annotate:
// "file:line:col: error: message".
struct HARDCHECK_API Diagnostic {
    SourceLocation where;
    std::string message;

    std::string str() const;
};

// Thrown when an input cannot be used at all (unreadable file, not the expected
// format, a baseline with errors).  Carries every diagnostic found in one pass.
class HARDCHECK_API InputError : public std::runtime_error {
public:
    explicit InputError(Diagnostic first);
    explicit InputError(std::vector<Diagnostic> all);

    const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace hardcheck
