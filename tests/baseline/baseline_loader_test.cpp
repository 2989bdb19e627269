#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

std::vector<std::string> errors_of(const std::string& yaml) {
    try {
        load_baseline_text(yaml, "b.yaml");
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

const std::string kHead = "id: b\ntitle: B\nversion: '1'\nchecks:\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(baseline_loader)

BOOST_AUTO_TEST_CASE(builtin_tls_baseline_loads_and_knows_its_evidence_needs) {
    auto b = load_baseline(resolve_baseline("exchange-tls"));
    BOOST_TEST(b->id == "exchange-tls");
    const Check* tls02 = b->find("TLS-02");
    BOOST_REQUIRE(tls02 != nullptr);
    BOOST_TEST((tls02->severity == Severity::high));
    BOOST_TEST(b->needs.registry_keys.count(
                   "HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\CONTROL\\SECURITYPROVIDERS\\SCHANNEL\\PROTOCOLS\\TLS "
                   "1.0\\SERVER") == 1u);
    BOOST_TEST(!b->needs.everything);
}

BOOST_AUTO_TEST_CASE(every_error_is_reported_at_once_with_line_and_column) {
    const auto errors = errors_of(kHead +
                                  "  - id: A-1\n"
                                  "    title: t\n"
                                  "    severity: severe\n"
                                  "    colour: red\n"
                                  "    test:\n"
                                  "      registry: {key: 'HKLM\\X', value: V}\n"
                                  "      matches: '(unclosed'\n"
                                  "  - id: A-1\n"
                                  "    title: t\n"
                                  "    severity: low\n"
                                  "    test:\n"
                                  "      registry: {key: 'HKLM\\X', value: V}\n"
                                  "      frobnicate: 1\n");
    BOOST_REQUIRE(errors.size() == 6u);
    BOOST_TEST(errors[0] == "b.yaml:7:15: error: unknown severity 'severe' (critical, high, medium, low, info)");
    BOOST_TEST(errors[1] == "b.yaml:8:5: error: unknown key 'colour' in a check");
    BOOST_TEST(errors[2].starts_with("b.yaml:10:7: error: invalid regular expression '(unclosed'"));
    BOOST_TEST(errors[3] == "b.yaml:12:9: error: duplicate check id 'A-1'");
    BOOST_TEST(errors[4] == "b.yaml:16:7: error: 'test' has no operator");
    BOOST_TEST(errors[5] == "b.yaml:17:7: error: unknown key 'frobnicate' in 'test' (expected all, any, not, registry, registry_key, object, xml, events, fact or an operator)");
}

BOOST_AUTO_TEST_CASE(operator_that_does_not_fit_the_type_is_rejected) {
    const auto errors = errors_of(kHead +
                                  "  - id: A\n    title: t\n    severity: low\n    test:\n"
                                  "      registry: {key: 'HKLM\\X', value: V, type: REG_SZ}\n"
                                  "      bits_all: 4\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0] == "b.yaml:9:7: error: operator 'bits_all' does not fit REG_SZ");
}

BOOST_AUTO_TEST_CASE(yaml_syntax_error_has_position) {
    const auto errors = errors_of("id: [unclosed\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].starts_with("b.yaml:2:1: error:"));
}

BOOST_AUTO_TEST_CASE(negative_literal_means_the_dword_with_the_same_bits) {
    auto b = load_baseline_text(kHead +
                                "  - id: A\n    title: t\n    severity: low\n    test:\n"
                                "      registry: {key: 'HKLM\\X', value: V}\n"
                                "      equals: -1\n",
                                "b.yaml");
    BOOST_TEST(b->checks.size() == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_builtin_id_is_a_clear_error) {
    BOOST_CHECK_EXCEPTION(resolve_baseline("no-such-baseline"), InputError, [](const InputError& e) {
        return e.diagnostics().front().str() ==
               "no-such-baseline: error: no such baseline file or built-in baseline id";
    });
}

BOOST_AUTO_TEST_SUITE_END()
