// Validation of the condition language: every error at its position.
#include <boost/test/unit_test.hpp>

#include "baseline/condition_parser.hpp"
#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using hardcheck::test::load_errors;

namespace {

const std::string kHead = "id: b\ntitle: B\nversion: '1'\nchecks:\n  - id: A\n    title: t\n    severity: low\n";

std::vector<std::string> test_errors(const std::string& body) { return load_errors(kHead + body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(condition_parser)

BOOST_AUTO_TEST_CASE(property_paths_parse_and_bad_ones_explain_why) {
    std::string problem;
    auto path = detail::parse_property_path("Rules[*].Action[0]", problem);
    BOOST_REQUIRE(path.has_value());
    BOOST_REQUIRE(path->size() == 4u);
    BOOST_TEST(path->at(0).name == "Rules");
    BOOST_TEST((path->at(1).kind == detail::PathStep::Kind::every_item));
    BOOST_TEST(path->at(2).name == "Action");
    BOOST_TEST(path->at(3).index == 0u);
    BOOST_TEST(!detail::parse_property_path("A..B", problem));
    BOOST_TEST(problem == "a property name is missing at position 3");
    BOOST_TEST(!detail::parse_property_path("A[x]", problem));
    BOOST_TEST(problem == "'[x]' is neither [*] nor an index");
}

BOOST_AUTO_TEST_CASE(object_leaf_errors_are_all_reported) {
    const auto errors = test_errors(
        "    test:\n"
        "      object: {type: Get-User, property: 'A..B', quantifier: most, colour: red}\n"
        "      equals: 1\n");
    BOOST_REQUIRE(errors.size() == 3u);
    BOOST_TEST(errors[0] == "b.yaml:9:42: error: invalid property path 'A..B': a property name is missing at position 3");
    BOOST_TEST(errors[1] == "b.yaml:9:62: error: unknown quantifier 'most' (all, any, none, count)");
    BOOST_TEST(errors[2] == "b.yaml:9:68: error: unknown key 'colour' in 'object'");
}

BOOST_AUTO_TEST_CASE(count_quantifier_needs_bounds_and_bounds_need_count) {
    BOOST_TEST(test_errors("    test:\n      object: {type: T, quantifier: count}\n").at(0) ==
               "b.yaml:9:15: error: 'quantifier: count' needs 'count: {min: N, max: M}'");
    BOOST_TEST(test_errors("    test:\n      object: {type: T, count: {min: 1}}\n      exists: true\n").at(0) ==
               "b.yaml:9:32: error: 'count' bounds need 'quantifier: count'");
}

BOOST_AUTO_TEST_CASE(leaf_without_operator_is_an_error_unless_counting) {
    BOOST_TEST(test_errors("    test:\n      object: {type: T, property: P}\n").at(0) == "b.yaml:9:7: error: 'test' has no operator");
    BOOST_TEST(test_errors("    test:\n      object: {type: T, quantifier: count, count: {max: 0}}\n").empty());
}

BOOST_AUTO_TEST_CASE(undeclared_parameter_and_non_numeric_default_are_rejected) {
    BOOST_TEST(test_errors("    test:\n      registry: {key: 'HKLM\\S', value: V}\n      in: {param: allow}\n").at(0) ==
               "b.yaml:10:19: error: parameter 'allow' is not declared in the check's 'parameters'");
    BOOST_TEST(test_errors("    parameters: {max: lots}\n    test:\n      object: {type: T, quantifier: count, count: {max: {param: max}}}\n")
                   .at(0) == "b.yaml:10:57: error: 'max' needs a number, but parameter 'max' defaults to 'lots'");
}

BOOST_AUTO_TEST_CASE(single_value_operator_with_list_parameter_is_rejected) {
    BOOST_TEST(test_errors("    parameters: {v: [1, 2]}\n    test:\n      registry: {key: 'HKLM\\S', value: V}\n      equals: {param: v}\n")
                   .at(0) == "b.yaml:10:7: error: operator 'equals' takes one value, but parameter 'v' is a list");
}

BOOST_AUTO_TEST_CASE(matches_takes_no_parameter) {
    const auto errors = test_errors("    parameters: {re: 'a+'}\n    test:\n      registry: {key: 'HKLM\\S', value: V}\n      matches: {param: re}\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0] == "b.yaml:11:16: error: 'matches' takes its regular expression literally, not from a parameter");
}

BOOST_AUTO_TEST_CASE(oversized_regex_is_rejected) {
    const auto errors = test_errors("    test:\n      registry: {key: 'HKLM\\S', value: V}\n      matches: '(a{1,100}){1,100}'\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].starts_with("b.yaml:9:7: error: "));
}

BOOST_AUTO_TEST_CASE(bad_xpath_and_config_kind_are_load_errors) {
    const auto errors = test_errors("    test:\n      xml: {config: iis, xpath: '/configuration/['}\n      exists: true\n");
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0] == "b.yaml:9:21: error: unknown config kind 'iis' (applicationHost, web.config, machine.config, config, any)");
    BOOST_TEST(errors[1].starts_with("b.yaml:9:33: error: invalid XPath '/configuration/[': "));
}

BOOST_AUTO_TEST_CASE(registry_key_takes_only_presence_operators) {
    BOOST_TEST(test_errors("    test:\n      registry_key: 'HKLM\\S'\n      equals: 1\n").at(0) ==
               "b.yaml:9:7: error: operator 'equals' does not fit 'registry_key' (only exists, absent)");
}

BOOST_AUTO_TEST_CASE(version_operators_need_versions_and_pairs) {
    auto errors = test_errors("    test:\n      fact: exchange_build\n      version_in: [15.1.1, 15.1.2, 15.2]\n");
    BOOST_TEST(errors.at(0) == "b.yaml:9:7: error: 'version_in' needs pairs [low, high]");
    errors = test_errors("    test:\n      fact: exchange_build\n      version_ge: CU23\n");
    BOOST_TEST(errors.at(0) == "b.yaml:9:7: error: operator 'version_ge' needs a dotted version number, got 'CU23'");
}

BOOST_AUTO_TEST_CASE(two_sources_in_one_leaf_are_rejected) {
    BOOST_TEST(test_errors("    test:\n      fact: os_build\n      registry: {key: 'HKLM\\S', value: V}\n      equals: 1\n").at(0) ==
               "b.yaml:10:7: error: a condition reads one evidence source; found a second one, 'registry'");
}

BOOST_AUTO_TEST_CASE(property_leaf_is_only_allowed_inside_where) {
    BOOST_TEST(test_errors("    test:\n      property: Name\n      equals: x\n").at(0) ==
               "b.yaml:9:7: error: unknown key 'property' in 'test' (expected all, any, not, registry, registry_key, "
               "object, xml, events, fact or an operator)");
}

BOOST_AUTO_TEST_CASE(first_collected_parses_and_needs_a_non_empty_list) {
    BOOST_TEST(test_errors("    test: {first_collected: [{fact: host, exists: true}, "
                           "{registry: {key: 'HKLM\\S', value: V}, equals: 1}]}\n")
                   .empty());
    BOOST_TEST(test_errors("    test: {first_collected: []}\n").at(0) ==
               "b.yaml:8:29: error: 'first_collected' must be a non-empty list of conditions");
    BOOST_TEST(test_errors("    test: {first_collected: [{fact: host, exists: true}], colour: red}\n").at(0).ends_with(
        "error: unknown key 'colour' in 'test'"));
}

BOOST_AUTO_TEST_CASE(first_collected_is_rejected_inside_where) {
    BOOST_TEST(test_errors("    test:\n      object: {type: T, where: {first_collected: [{property: A, equals: 1}]}}\n"
                           "      exists: true\n")
                   .at(0) ==
               "b.yaml:9:32: error: 'first_collected' chooses between evidence sources; it cannot be used inside 'where'");
}

BOOST_AUTO_TEST_CASE(conditions_nested_too_deep_are_rejected_once) {
    std::string yaml = "    test: ";
    for (int i = 0; i < 100; ++i) yaml += "{not: ";
    yaml += "{fact: host, exists: true}";
    for (int i = 0; i < 100; ++i) yaml += "}";
    const auto errors = test_errors(yaml + "\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].ends_with("error: conditions nest deeper than 64 levels"));
    std::string ok = "    test: ";
    for (int i = 0; i < 60; ++i) ok += "{not: ";
    ok += "{fact: host, exists: true}";
    for (int i = 0; i < 60; ++i) ok += "}";
    BOOST_TEST(test_errors(ok + "\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
