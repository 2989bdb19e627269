// Reading a JSON report back (for `hardcheck diff`).  Only what write_json writes
// is accepted; anything else is an InputError naming the file and the JSON path.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "evidence/file_bytes.hpp"
#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

using json = nlohmann::json;

class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw InputError(Diagnostic{{name_, 0, 0}, fmt::format("{}: {}", path, what)});
    }

    const json& member(const json& object, const std::string& path, const char* key, json::value_t type) const {
        const std::string here = path.empty() ? key : fmt::format("{}.{}", path, key);
        const auto it = object.find(key);
        if (it == object.end()) fail(here, "missing");
        const bool ok = it->type() == type ||
                        (type == json::value_t::number_unsigned && it->type() == json::value_t::number_integer &&
                         it->get<std::int64_t>() >= 0);
        if (!ok) fail(here, fmt::format("expected {}", json(type).type_name()));
        return *it;
    }

    std::string text(const json& object, const std::string& path, const char* key) const {
        return member(object, path, key, json::value_t::string).get<std::string>();
    }

    std::uint32_t number(const json& object, const std::string& path, const char* key) const {
        const auto n = member(object, path, key, json::value_t::number_unsigned).get<std::uint64_t>();
        if (n > 0xFFFFFFFFu) fail(path + "." + key, "out of range");
        return static_cast<std::uint32_t>(n);
    }

    bool flag(const json& object, const std::string& path, const char* key) const {
        return member(object, path, key, json::value_t::boolean).get<bool>();
    }

    std::vector<std::string> strings(const json& object, const std::string& path, const char* key) const {
        std::vector<std::string> out;
        const auto& list = member(object, path, key, json::value_t::array);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string()) fail(fmt::format("{}.{}[{}]", path, key, i), "expected string");
            out.push_back(list[i].get<std::string>());
        }
        return out;
    }

    Result result(const json& j, const std::string& path) const {
        if (!j.is_object()) fail(path, "expected object");
        Result r;
        r.host = text(j, path, "host");
        r.check_id = text(j, path, "check_id");
        r.title = text(j, path, "title");
        const auto severity = parse_severity(text(j, path, "severity"));
        if (!severity) fail(path + ".severity", "unknown severity");
        r.severity = *severity;
        const auto status = detail::parse_status(text(j, path, "status"));
        if (!status) fail(path + ".status", "unknown status");
        r.status = *status;
        r.observed = text(j, path, "observed");
        r.expected = text(j, path, "expected");
        r.message = text(j, path, "message");
        if (j.contains("notes")) r.notes = strings(j, path, "notes");
        r.default_assumed = flag(j, path, "default_assumed");
        const auto& evidence = member(j, path, "evidence", json::value_t::array);
        for (std::size_t i = 0; i < evidence.size(); ++i) {
            const std::string at = fmt::format("{}.evidence[{}]", path, i);
            if (!evidence[i].is_object()) fail(at, "expected object");
            EvidenceRef e;
            e.where = {text(evidence[i], at, "file"), number(evidence[i], at, "line"), number(evidence[i], at, "column")};
            e.locator = text(evidence[i], at, "locator");
            e.observed = text(evidence[i], at, "observed");
            e.default_assumed = flag(evidence[i], at, "default_assumed");
            r.evidence.push_back(std::move(e));
        }
        r.references = strings(j, path, "references");
        r.tags = strings(j, path, "tags");
        return r;
    }

    Report report(const json& doc) const {
        if (!doc.is_object()) fail("(root)", "expected object");
        if (text(doc, "", "schema") != "hardcheck-report") fail("schema", "not a hardcheck report");
        const auto version = number(doc, "", "schema_version");
        if (version != static_cast<std::uint32_t>(kReportSchemaVersion))
            fail("schema_version", fmt::format("version {} is not supported (this build reads {})", version,
                                               kReportSchemaVersion));
        Report rep;
        rep.tool_version = text(member(doc, "", "tool", json::value_t::object), "tool", "version");
        if (doc.contains("run_time")) rep.run_time = text(doc, "", "run_time");
        if (doc.contains("profile") && !doc["profile"].is_null()) rep.profile = text(doc, "", "profile");
        const auto& baselines = member(doc, "", "baselines", json::value_t::array);
        for (std::size_t i = 0; i < baselines.size(); ++i) {
            const std::string at = fmt::format("baselines[{}]", i);
            if (!baselines[i].is_object()) fail(at, "expected object");
            rep.baselines.push_back(
                {text(baselines[i], at, "id"), text(baselines[i], at, "title"), text(baselines[i], at, "version"), {}});
        }
        const auto& results = member(doc, "", "results", json::value_t::array);
        for (std::size_t i = 0; i < results.size(); ++i)
            rep.results.push_back(result(results[i], fmt::format("results[{}]", i)));
        return rep;
    }

private:
    std::string name_;
};

// nlohmann reports a byte offset; editors want line and column.
SourceLocation location_of(std::string_view text, std::size_t byte, const std::string& name) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {name, line, column};
}

}  // namespace

Report parse_json_report(std::string_view text, const std::string& name) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> the reason only.
        if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
        throw InputError(Diagnostic{location_of(text, e.byte, name), "invalid JSON: " + what});
    }
    return Reader(name).report(doc);
}

Report read_json_report(const std::filesystem::path& file) {
    return parse_json_report(detail::read_file_bytes(file), file.string());
}

}  // namespace hardcheck
