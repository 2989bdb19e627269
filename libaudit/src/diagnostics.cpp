#include "hardcheck/diagnostics.hpp"

#include <mutex>
#include <ostream>
#include <unordered_set>

#include <fmt/format.h>

namespace hardcheck {

namespace {

// Every file name seen, for the life of the process.  Set nodes never move, so the
// pointers handed out stay valid; the table is never destroyed, so locations held in
// static objects stay valid too.
class FileNames {
public:
    const std::string* intern(std::string_view name) {
        std::lock_guard lock(mutex_);
        auto it = names_.find(name);
        if (it == names_.end()) it = names_.emplace(name).first;
        return &*it;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::mutex mutex_;
    std::unordered_set<std::string, Hash, std::equal_to<>> names_;
};

FileNames& file_names() {
    static auto* names = new FileNames;  // never destroyed: see above
    return *names;
}

}  // namespace

SourceFile::SourceFile(std::string_view name) {
    if (!name.empty()) name_ = file_names().intern(name);
}

const std::string& SourceFile::empty_name() noexcept {
    static const std::string empty;
    return empty;
}

std::ostream& operator<<(std::ostream& out, const SourceFile& file) { return out << file.str(); }

std::string SourceLocation::str() const {
    if (line == 0) return file;
    if (column == 0) return fmt::format("{}:{}", file.str(), line);
    return fmt::format("{}:{}:{}", file.str(), line, column);
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
