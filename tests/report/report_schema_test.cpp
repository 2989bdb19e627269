// The JSON report against docs/report-schema.json, with a validator for the part
// of JSON Schema that file uses (type, const, enum, required, properties,
// additionalProperties: false, items, $ref, oneOf, minimum), so the writer and
// its documented schema cannot drift apart.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "report/sample_report.hpp"
#include "test_paths.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

class SchemaValidator {
public:
    explicit SchemaValidator(json schema) : root_(std::move(schema)) {}

    // Problems found, each as "path: what"; empty when the document is valid.
    std::vector<std::string> validate(const json& doc) const {
        std::vector<std::string> problems;
        check(root_, doc, "$", problems);
        return problems;
    }

private:
    static bool has_type(const json& v, const std::string& type) {
        if (type == "object") return v.is_object();
        if (type == "array") return v.is_array();
        if (type == "string") return v.is_string();
        if (type == "integer") return v.is_number_integer();
        if (type == "boolean") return v.is_boolean();
        if (type == "null") return v.is_null();
        return false;
    }

    void check(const json& schema, const json& v, const std::string& path, std::vector<std::string>& problems) const {
        if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"];  // "#/$defs/name"
            check(root_.at(json::json_pointer(ref.substr(1))), v, path, problems);
        }
        if (schema.contains("type")) {
            const auto& t = schema["type"];
            bool ok = false;
            if (t.is_string()) ok = has_type(v, t);
            for (const auto& one : t.is_array() ? t : json::array()) ok = ok || has_type(v, one);
            if (!ok) problems.push_back(path + ": wrong type");
        }
        if (schema.contains("const") && v != schema["const"]) problems.push_back(path + ": not " + schema["const"].dump());
        if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), v) == schema["enum"].end())
            problems.push_back(path + ": not in enum");
        if (schema.contains("minimum") && v.is_number() && v.get<double>() < schema["minimum"].get<double>())
            problems.push_back(path + ": below minimum");
        if (schema.contains("oneOf")) {
            int matching = 0;
            for (const auto& alt : schema["oneOf"]) {
                std::vector<std::string> sub;
                check(alt, v, path, sub);
                matching += sub.empty();
            }
            if (matching != 1) problems.push_back(path + ": matches " + std::to_string(matching) + " of oneOf");
        }
        if (v.is_object()) {
            for (const auto& key : schema.value("required", json::array()))
                if (!v.contains(key.get<std::string>())) problems.push_back(path + ": lacks " + key.get<std::string>());
            const auto properties = schema.value("properties", json::object());
            for (const auto& [key, value] : v.items()) {
                if (properties.contains(key))
                    check(properties[key], value, path + "." + key, problems);
                else if (schema.value("additionalProperties", true) == false)
                    problems.push_back(path + ": unexpected " + key);
            }
        }
        if (v.is_array() && schema.contains("items"))
            for (std::size_t i = 0; i < v.size(); ++i) check(schema["items"], v[i], path + "[" + std::to_string(i) + "]", problems);
    }

    json root_;
};

SchemaValidator documented_schema() {
    std::ifstream in(test::source_dir() / "docs" / "report-schema.json");
    BOOST_REQUIRE(in);
    return SchemaValidator(json::parse(in));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_schema)

BOOST_AUTO_TEST_CASE(sample_report_matches_the_documented_schema) {
    Report rep = test::sample_report();
    rep.run_time = "2026-11-25T17:00:00Z";
    rep.profile = "strict";
    const auto problems = documented_schema().validate(json::parse(test::render("json", rep)));
    BOOST_TEST(problems.empty(), problems.size() << " problems, first: " << (problems.empty() ? "" : problems[0]));
}

BOOST_AUTO_TEST_CASE(hostile_and_empty_reports_match_too) {
    BOOST_TEST(documented_schema().validate(json::parse(test::render("json", test::hostile_report()))).empty());
    BOOST_TEST(documented_schema().validate(json::parse(test::render("json", Report{}))).empty());
}

BOOST_AUTO_TEST_CASE(validator_rejects_what_the_schema_forbids) {
    json doc = json::parse(test::render("json", test::sample_report()));
    doc["results"][0]["status"] = "passish";
    doc["results"][1]["extra"] = 1;
    doc["hosts"][0]["summary"]["fail"] = -1;
    doc["results"][2]["waiver"] = json::object({{"state", "applied"}});
    doc.erase("tool");
    const std::vector<std::string> want{"$: lacks tool",
                                        "$.hosts[0].summary.fail: below minimum",
                                        "$.results[0].status: not in enum",
                                        "$.results[1]: unexpected extra",
                                        "$.results[2].waiver: matches 0 of oneOf"};
    BOOST_TEST(documented_schema().validate(doc) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
