// An OSCAL 1.1 assessment-results document: one result for the run, an
// observation per host and check (what was examined, with its evidence) and a
// finding per host and check (satisfied or not).  UUIDs are name-based (v5), so
// the same results give the same document.
// Model: https://pages.nist.gov/OSCAL-Reference/models/v1.1.2/assessment-results/json-reference/
#include <array>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kOscalVersion = "1.1.2";
// Without a run time the document needs some timestamp; a fixed one keeps output
// deterministic and is visibly not a real time.
constexpr std::string_view kNoTime = "1970-01-01T00:00:00Z";

// SHA-1 (FIPS 180-4), only for RFC 4122 name-based UUIDs.
std::array<std::uint8_t, 20> sha1(std::string_view data) {
    std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::string msg(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    msg += '\x80';
    while (msg.size() % 64 != 56) msg += '\0';
    for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (i * 8)) & 0xFF);
    const auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
    for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i)
            w[i] = (static_cast<std::uint32_t>(static_cast<std::uint8_t>(msg[chunk + 4 * i])) << 24) |
                   (static_cast<std::uint32_t>(static_cast<std::uint8_t>(msg[chunk + 4 * i + 1])) << 16) |
                   (static_cast<std::uint32_t>(static_cast<std::uint8_t>(msg[chunk + 4 * i + 2])) << 8) |
                   static_cast<std::uint32_t>(static_cast<std::uint8_t>(msg[chunk + 4 * i + 3]));
        for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20) f = (b & c) | (~b & d), k = 0x5A827999;
            else if (i < 40) f = b ^ c ^ d, k = 0x6ED9EBA1;
            else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
            else f = b ^ c ^ d, k = 0xCA62C1D6;
            const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
            e = d, d = c, c = rotl(b, 30), b = a, a = t;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
    }
    std::array<std::uint8_t, 20> out{};
    for (int i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
    return out;
}

}  // namespace

namespace detail {

// RFC 4122 section 4.3: version 5 UUID of `name` in hardcheck's namespace
// (itself a fixed random UUID, 2c7e3a52-9f0d-4b6e-8a1c-5d3f0e9b7a41).
std::string uuid_v5(std::string_view name) {
    static constexpr std::uint8_t ns[16] = {0x2c, 0x7e, 0x3a, 0x52, 0x9f, 0x0d, 0x4b, 0x6e,
                                            0x8a, 0x1c, 0x5d, 0x3f, 0x0e, 0x9b, 0x7a, 0x41};
    std::string input(reinterpret_cast<const char*>(ns), 16);
    input += name;
    auto hash = sha1(input);
    hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);
    hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += kHex[hash[i] >> 4];
        s += kHex[hash[i] & 0xF];
    }
    return s;
}

}  // namespace detail

namespace {

// OSCAL tokens: a letter or '_' first, then letters, digits, '.', '-', '_'.
std::string token_of(std::string_view id) {
    std::string t;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_';
        t += ok ? c : '_';
    }
    if (t.empty() || !((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z') || t[0] == '_')) t.insert(0, 1, '_');
    return t;
}

ordered_json prop(std::string_view name, std::string_view value) {
    return ordered_json{{"name", name}, {"ns", "urn:hardcheck"}, {"value", value}};
}

// Only a pass (or a check that does not apply) satisfies the objective; anything
// undecided is not claimed as satisfied.
ordered_json status_of(const Result& r) {
    if (r.status == Status::pass) return {{"state", "satisfied"}, {"reason", "pass"}};
    if (r.status == Status::not_applicable) return {{"state", "satisfied"}, {"reason", "other"}};
    if (r.status == Status::fail) return {{"state", "not-satisfied"}, {"reason", "fail"}};
    return {{"state", "not-satisfied"}, {"reason", "other"}};
}

}  // namespace

void write_oscal(std::ostream& out, const Report& report) {
    const std::string time = report.run_time.empty() ? std::string(kNoTime) : report.run_time;
    std::string run_name = "hardcheck";
    for (const auto& b : report.baselines) run_name += fmt::format("|{}@{}", b.id, b.version);
    for (const auto& r : report.results) run_name += fmt::format("|{}/{}", r.host, r.check_id);

    ordered_json metadata;
    metadata["title"] = "hardcheck assessment results";
    metadata["last-modified"] = time;
    metadata["version"] = detail::tool_version(report);
    metadata["oscal-version"] = kOscalVersion;
    metadata["props"] = ordered_json::array({prop("tool", "hardcheck " + detail::tool_version(report))});
    for (const auto& b : report.baselines) metadata["props"].push_back(prop("baseline", b.id + " " + b.version));
    if (!report.profile.empty()) metadata["props"].push_back(prop("profile", report.profile));

    ordered_json inventory = ordered_json::array();
    for (const auto& host : detail::hosts_in_order(report.results))
        inventory.push_back(ordered_json{{"uuid", detail::uuid_v5("host|" + host)},
                                         {"description", "Host " + host},
                                         {"props", ordered_json::array({prop("host-name", host)})}});

    ordered_json observations = ordered_json::array();
    ordered_json findings = ordered_json::array();
    for (const auto& r : report.results) {
        const std::string key = r.host + "|" + r.check_id;
        const std::string observation_uuid = detail::uuid_v5("observation|" + key);
        ordered_json obs;
        obs["uuid"] = observation_uuid;
        obs["title"] = fmt::format("{} on {}", r.check_id, r.host);
        obs["description"] = r.message.empty() ? r.title : r.message;
        obs["props"] = ordered_json::array({prop("status", to_string(r.status)), prop("severity", to_string(r.severity))});
        obs["methods"] = ordered_json::array({"TEST"});
        obs["types"] = ordered_json::array({r.status == Status::fail ? "finding" : "control-objective"});
        obs["subjects"] = ordered_json::array(
            {ordered_json{{"subject-uuid", detail::uuid_v5("host|" + r.host)}, {"type", "inventory-item"}}});
        ordered_json evidence = ordered_json::array();
        for (const auto& e : r.evidence)
            evidence.push_back(ordered_json{{"description", fmt::format("{} = {}{}", e.locator, e.observed,
                                                                        e.where.file.empty() ? "" : " at " + e.where.str())}});
        if (!evidence.empty()) obs["relevant-evidence"] = evidence;
        obs["collected"] = time;
        // remarks is markup-multiline: each note is its own paragraph after the observed value.
        std::string remarks = r.observed.empty() ? "" : "Observed: " + r.observed;
        for (const auto& note : r.notes) remarks += (remarks.empty() ? "" : "\n\n") + ("Note: " + note);
        if (!remarks.empty()) obs["remarks"] = remarks;
        observations.push_back(std::move(obs));

        ordered_json finding;
        finding["uuid"] = detail::uuid_v5("finding|" + key);
        finding["title"] = fmt::format("{} {} on {}", r.check_id, r.title, r.host);
        finding["description"] = r.expected.empty() ? r.title : "Expected: " + r.expected;
        finding["props"] = ordered_json::array({prop("status", to_string(r.status))});
        if (auto w = detail::waiver_of(r)) {
            finding["props"].push_back(prop("waiver-state", w->state));
            finding["props"].push_back(prop("waiver-owner", w->owner));
            finding["props"].push_back(prop("waiver-expires", w->expires));
            finding["remarks"] = "Waiver: " + w->reason;
        }
        finding["target"] = {{"type", "objective-id"}, {"target-id", token_of(r.check_id)}, {"status", status_of(r)}};
        finding["related-observations"] = ordered_json::array({ordered_json{{"observation-uuid", observation_uuid}}});
        findings.push_back(std::move(finding));
    }

    ordered_json result;
    result["uuid"] = detail::uuid_v5("result|" + run_name);
    result["title"] = "hardcheck run";
    result["description"] = fmt::format("{} results on {} hosts", report.results.size(), inventory.size());
    result["start"] = time;
    result["local-definitions"] = {{"inventory-items", inventory}};
    result["reviewed-controls"] = {{"control-selections", ordered_json::array({ordered_json{{"include-all", ordered_json::object()}}})}};
    // Moved, not copied: these hold every result of the run.
    if (!observations.empty()) result["observations"] = std::move(observations);
    if (!findings.empty()) result["findings"] = std::move(findings);

    ordered_json ar;
    ar["uuid"] = detail::uuid_v5("assessment-results|" + run_name);
    ar["metadata"] = std::move(metadata);
    // No assessment plan exists: import-ap points at a back-matter resource naming
    // the baselines that served as the plan.
    std::string plan_name = "plan";
    std::string plan_title = "hardcheck baselines:";
    for (const auto& bl : report.baselines) {
        plan_name += "|" + bl.id + "@" + bl.version;
        plan_title += fmt::format(" {} {} ({})", bl.id, bl.version, bl.title);
    }
    const std::string plan_uuid = detail::uuid_v5(plan_name);
    ar["import-ap"] = {{"href", "#" + plan_uuid}};
    ar["results"] = ordered_json::array();
    ar["results"].push_back(std::move(result));
    ar["back-matter"] = {{"resources", ordered_json::array({ordered_json{{"uuid", plan_uuid}, {"title", plan_title}}})}};
    ordered_json doc;
    doc["assessment-results"] = std::move(ar);
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace hardcheck
