#include <array>

#include "hardcheck/baseline.hpp"

namespace hardcheck {

namespace {
constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high", "critical"};
}

std::string_view to_string(Severity s) { return kSeverityNames[static_cast<std::size_t>(s)]; }

std::optional<Severity> parse_severity(std::string_view name) {
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i)
        if (kSeverityNames[i] == name) return static_cast<Severity>(i);
    return std::nullopt;
}

}  // namespace hardcheck
