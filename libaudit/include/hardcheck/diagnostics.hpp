// Positions in input files and the error every reader and loader reports.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/export.hpp"

namespace hardcheck {

// The name of an input file.  Names are interned: every location in a file points
// to one copy, kept for the life of the process (one per distinct name), so a
// location is copied without allocating (a large export has millions of them) and
// equal names are equal pointers.  Reads like a const std::string.
class HARDCHECK_API SourceFile {
public:
    SourceFile() = default;
    SourceFile(std::string_view name);  // NOLINT(google-explicit-constructor): a name is a file
    SourceFile(const std::string& name) : SourceFile(std::string_view(name)) {}
    SourceFile(const char* name) : SourceFile(std::string_view(name)) {}

    const std::string& str() const noexcept { return name_ ? *name_ : empty_name(); }
    operator const std::string&() const noexcept { return str(); }  // NOLINT(google-explicit-constructor)
    bool empty() const noexcept { return name_ == nullptr; }
    const char* c_str() const noexcept { return str().c_str(); }

    friend bool operator==(const SourceFile& a, const SourceFile& b) noexcept { return a.name_ == b.name_; }
    friend std::strong_ordering operator<=>(const SourceFile& a, const SourceFile& b) noexcept {
        return a.str().compare(b.str()) <=> 0;
    }
    friend HARDCHECK_API std::ostream& operator<<(std::ostream& out, const SourceFile& file);

private:
    static const std::string& empty_name() noexcept;
    const std::string* name_ = nullptr;  // interned; null for no file
};

// A place in an input file; line and column count from 1, 0 means "unknown".
struct HARDCHECK_API SourceLocation {
    SourceFile file;
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
