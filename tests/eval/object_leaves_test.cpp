// Object leaves over hand-built PowerShell objects.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

const std::string kServerType = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer";
const std::string kServiceType = "System.ServiceProcess.ServiceController";

HostEvidence host_with_servers(std::vector<std::shared_ptr<const PsObject>> servers) {
    HostEvidence host;
    host.host = "EXCH01";
    add_collection(host, kServerType, std::move(servers));
    return host;
}

HostEvidence host_with_services(std::vector<std::shared_ptr<const PsObject>> services) {
    HostEvidence host;
    host.host = "EXCH01";
    add_collection(host, kServiceType, std::move(services));
    return host;
}

std::string mitigations(const std::string& quantifier, const std::string& op = "equals: true") {
    return "    test:\n      object: {type: Get-ExchangeServer, property: MitigationsEnabled, quantifier: " + quantifier +
           "}\n      " + op + "\n";
}

const std::string kEems02 =
    "    test:\n"
    "      object:\n"
    "        type: Get-Service\n"
    "        where: {property: Name, equals: msexchangemitigation}\n"
    "        property: Status\n"
    "        quantifier: any\n"
    "      equals: Running\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(object_leaves)

BOOST_AUTO_TEST_CASE(missing_collection_is_not_collected) {
    HostEvidence host;
    host.host = "h";
    const Result r = run_check(mitigations("all"), host);
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.message == "Evidence missing from the bundle: no export of Get-ExchangeServer objects is in the bundle.");
}

BOOST_AUTO_TEST_CASE(empty_collection_is_evidence_all_is_vacuously_true_any_false) {
    const auto host = host_with_servers({});
    BOOST_TEST(status_of(mitigations("all"), host) == "pass");
    BOOST_TEST(status_of(mitigations("any"), host) == "fail");
    BOOST_TEST(status_of(mitigations("none"), host) == "pass");
}

BOOST_AUTO_TEST_CASE(all_fails_when_one_object_fails_and_names_it) {
    const auto host = host_with_servers({ps_object({{"Name", ps_str("EXCH01")}, {"MitigationsEnabled", ps_bool(true)}}, 10),
                                         ps_object({{"Name", ps_str("EXCH02")}, {"MitigationsEnabled", ps_bool(false)}}, 20)});
    const Result r = run_check(mitigations("all"), host);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(r.evidence[0].observed == "EXCH01: MitigationsEnabled = true, EXCH02: MitigationsEnabled = false");
    BOOST_TEST(r.evidence[0].where.str() == "objs.xml:21:1");  // the failing object's property
    BOOST_TEST(status_of(mitigations("any"), host) == "pass");
    BOOST_TEST(status_of(mitigations("none"), host) == "fail");
}

BOOST_AUTO_TEST_CASE(lost_objects_make_an_undecided_leaf_an_error_never_a_pass) {
    auto host = host_with_servers({ps_object({{"Name", ps_str("EXCH01")}, {"MitigationsEnabled", ps_bool(true)}}, 10)});
    host.objects.begin()->second.problems.push_back({{"objs.xml", 30, 5}, "object could not be read"});
    // all/none over the objects that were read would pass: the lost one might not.
    const Result r = run_check(mitigations("all"), host);
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(r.message.find("objs.xml:30:5: error: object could not be read") != std::string::npos);
    BOOST_TEST(status_of(mitigations("none", "equals: false"), host) == "error");
    // A witness for `any` and a counterexample for `all` stand whatever was lost.
    BOOST_TEST(status_of(mitigations("any"), host) == "pass");
    BOOST_TEST(status_of(mitigations("all", "equals: false"), host) == "fail");
}

BOOST_AUTO_TEST_CASE(count_quantifier_checks_bounds_inclusive) {
    const auto host = host_with_servers({ps_object({{"MitigationsEnabled", ps_bool(true)}}),
                                         ps_object({{"MitigationsEnabled", ps_bool(true)}}),
                                         ps_object({{"MitigationsEnabled", ps_bool(false)}})});
    auto count = [&](const std::string& bounds) {
        return status_of("    test:\n      object: {type: ExchangeServer, property: MitigationsEnabled, quantifier: count, count: " +
                             bounds + "}\n      equals: true\n",
                         host);
    };
    BOOST_TEST(count("{min: 2, max: 2}") == "pass");
    BOOST_TEST(count("{min: 3}") == "fail");
    BOOST_TEST(count("{max: 1}") == "fail");
    BOOST_TEST(count("{max: 2}") == "pass");
}

BOOST_AUTO_TEST_CASE(count_without_operator_counts_selected_objects) {
    const auto host = host_with_services({ps_object({{"Name", ps_str("Sense")}}), ps_object({{"Name", ps_str("W3SVC")}})});
    const std::string body = "    test:\n      object: {type: Get-Service, where: {property: Name, equals: sense}, "
                             "quantifier: count, count: {min: 1}}\n";
    BOOST_TEST(status_of(body, host) == "pass");
    const auto without = host_with_services({ps_object({{"Name", ps_str("W3SVC")}})});
    BOOST_TEST(status_of(body, without) == "fail");
}

BOOST_AUTO_TEST_CASE(where_filter_selects_objects_and_absent_match_fails_any) {
    const auto running = host_with_services({ps_object({{"Name", ps_str("MSExchangeMitigation")}, {"Status", ps_enum("Running", 4)}}),
                                             ps_object({{"Name", ps_str("Other")}, {"Status", ps_enum("Stopped", 1)}})});
    BOOST_TEST(status_of(kEems02, running) == "pass");
    const auto missing = host_with_services({ps_object({{"Name", ps_str("Other")}, {"Status", ps_enum("Running", 4)}})});
    BOOST_TEST(status_of(kEems02, missing) == "fail");
}

BOOST_AUTO_TEST_CASE(enum_matches_by_name_case_insensitively_or_by_number) {
    const auto host = host_with_services({ps_object({{"Name", ps_str("MSExchangeMitigation")}, {"StartType", ps_enum("Automatic", 2)}})});
    auto start = [&](const std::string& op) {
        return status_of("    test:\n      object: {type: Get-Service, property: StartType, quantifier: all}\n      " + op + "\n", host);
    };
    BOOST_TEST(start("equals: AUTOMATIC") == "pass");
    BOOST_TEST(start("equals: 2") == "pass");
    BOOST_TEST(start("equals: 3") == "fail");
    BOOST_TEST(start("equals: Manual") == "fail");
}

BOOST_AUTO_TEST_CASE(signed_minus_one_equals_dword_ffffffff) {
    const auto host = host_with_servers({ps_object({{"Flags", ps_int(-1)}})});
    auto flags = [&](const std::string& op) {
        return status_of("    test:\n      object: {type: ExchangeServer, property: Flags}\n      " + op + "\n", host);
    };
    BOOST_TEST(flags("equals: 4294967295") == "pass");
    BOOST_TEST(flags("equals: 0xffffffff") == "pass");
    BOOST_TEST(flags("bits_all: 0x80000000") == "pass");
    BOOST_TEST(flags("gt: 5") == "pass");  // unsigned, as Windows reads a DWORD
}

BOOST_AUTO_TEST_CASE(null_is_not_false_it_is_an_error) {
    const auto host = host_with_servers({ps_object({{"Name", ps_str("EXCH01")}, {"MitigationsEnabled", ps_null()}})});
    const Result r = run_check(mitigations("all", "equals: false"), host);
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(r.message == "Evidence could not be evaluated: EXCH01: MitigationsEnabled is null where a value is needed.");
    BOOST_TEST(status_of(mitigations("all", "not_equals: true"), host) == "error");
}

BOOST_AUTO_TEST_CASE(null_as_gives_the_value_a_null_stands_for) {
    const auto host = host_with_servers({ps_object({{"MitigationsEnabled", ps_null()}})});
    const std::string body =
        "    test:\n      object: {type: ExchangeServer, property: MitigationsEnabled, null_as: false}\n      equals: false\n";
    BOOST_TEST(status_of(body, host) == "pass");
}

BOOST_AUTO_TEST_CASE(null_counts_as_empty_and_as_existing) {
    const auto host = host_with_servers({ps_object({{"MitigationsBlocked", ps_null()}})});
    BOOST_TEST(status_of("    test:\n      object: {type: ExchangeServer, property: MitigationsBlocked}\n      empty: true\n", host) == "pass");
    BOOST_TEST(status_of("    test:\n      object: {type: ExchangeServer, property: MitigationsBlocked}\n      exists: true\n", host) == "pass");
}

BOOST_AUTO_TEST_CASE(missing_property_is_absent_never_pass_without_default) {
    const auto host = host_with_servers({ps_object({{"Name", ps_str("EXCH01")}})});
    const Result r = run_check(mitigations("all", "not_equals: false"), host);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.message == "Not met: Get-ExchangeServer.MitigationsEnabled (all) not_equals false "
                            "(found EXCH01: MitigationsEnabled = absent).");
    BOOST_TEST(status_of(mitigations("all", "absent: true"), host) == "pass");
    BOOST_TEST(status_of(mitigations("all", "exists: true"), host) == "fail");
}

BOOST_AUTO_TEST_CASE(missing_property_uses_declared_default_and_says_so) {
    const auto host = host_with_servers({ps_object({{"Name", ps_str("EXCH01")}})});
    const Result r = run_check(
        "    test:\n      object: {type: ExchangeServer, property: MitigationsEnabled, default: true}\n      equals: true\n", host);
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(r.evidence[0].observed == "EXCH01: MitigationsEnabled = absent (default true assumed)");
}

BOOST_AUTO_TEST_CASE(list_property_with_contains_and_empty) {
    const auto host = host_with_servers({ps_object({{"MitigationsBlocked", ps_list({ps_str("M1"), ps_str("M2")})}})});
    auto blocked = [&](const std::string& op) {
        return status_of("    test:\n      object: {type: ExchangeServer, property: MitigationsBlocked}\n      " + op + "\n", host);
    };
    BOOST_TEST(blocked("contains: m2") == "pass");
    BOOST_TEST(blocked("contains: M3") == "fail");
    BOOST_TEST(blocked("empty: true") == "fail");
    BOOST_TEST(blocked("equals: M1") == "error");  // a list is not one value
}

BOOST_AUTO_TEST_CASE(every_item_path_tests_each_list_item) {
    const auto host = host_with_servers(
        {ps_object({{"Rules", ps_list({ps_nested({{"Action", ps_str("Deny")}}), ps_nested({{"Action", ps_str("Allow")}})})}})});
    auto rules = [&](const std::string& q) {
        return status_of("    test:\n      object: {type: ExchangeServer, property: 'Rules[*].Action', quantifier: " + q +
                             "}\n      equals: deny\n",
                         host);
    };
    BOOST_TEST(rules("all") == "fail");
    BOOST_TEST(rules("any") == "pass");
    BOOST_TEST(status_of("    test:\n      object: {type: ExchangeServer, property: 'Rules[1].Action'}\n      equals: allow\n",
                         host) == "pass");
}

BOOST_AUTO_TEST_CASE(nested_property_path_and_null_parent) {
    const auto host = host_with_servers({ps_object({{"Config", ps_nested({{"Mode", ps_str("Strict")}})}}),
                                         ps_object({{"Config", ps_null()}})});
    const std::string body = "    test:\n      object: {type: ExchangeServer, property: Config.Mode, quantifier: any}\n      equals: strict\n";
    // One object passes, but the other's null parent makes the value null: an
    // unreadable item keeps the check from passing even under `any`.
    BOOST_TEST(status_of(body, host) == "error");
    const std::string all = "    test:\n      object: {type: ExchangeServer, property: Config.Mode, quantifier: all}\n      equals: strict\n";
    BOOST_TEST(status_of(all, host) == "error");
}

BOOST_AUTO_TEST_CASE(where_with_missing_property_does_not_match) {
    const auto host = host_with_services({ps_object({{"Status", ps_enum("Running", 4)}})});
    BOOST_TEST(status_of(kEems02, host) == "fail");
    const std::string negated = "    test:\n      object: {type: Get-Service, where: {not: {property: Name, equals: x}}, "
                                "property: Status, quantifier: any}\n      equals: running\n";
    BOOST_TEST(status_of(negated, host) == "pass");
}

BOOST_AUTO_TEST_CASE(where_with_operator_error_is_an_error) {
    const auto host = host_with_services({ps_object({{"Name", ps_str("abc")}, {"Status", ps_enum("Running", 4)}})});
    const std::string body = "    test:\n      object: {type: Get-Service, where: {property: Name, gt: 3}, "
                             "property: Status, quantifier: none}\n      equals: running\n";
    BOOST_TEST(status_of(body, host) == "error");
}

BOOST_AUTO_TEST_CASE(like_checks_an_allow_list_with_wildcards) {
    HostEvidence host;
    host.host = "EXCH01";
    add_collection(host, "Microsoft.Exchange.Data.Directory.Management.User",
                   {ps_object({{"SamAccountName", ps_str("Administrator")}, {"RemotePowerShellEnabled", ps_bool(true)}}),
                    ps_object({{"SamAccountName", ps_str("svc-exch-01")}, {"RemotePowerShellEnabled", ps_bool(true)}}),
                    ps_object({{"SamAccountName", ps_str("alice")}, {"RemotePowerShellEnabled", ps_bool(false)}})});
    const std::string body =
        "    parameters:\n      rps_allowlist: [administrator, 'svc-*']\n"
        "    test:\n      object:\n        type: Get-User\n        where: {property: RemotePowerShellEnabled, equals: true}\n"
        "        property: SamAccountName\n      like: {param: rps_allowlist}\n";
    BOOST_TEST(status_of(body, host) == "pass");
    add_collection(host, "Microsoft.Exchange.Data.Directory.Management.User",
                   {ps_object({{"SamAccountName", ps_str("bob")}, {"RemotePowerShellEnabled", ps_bool(true)}})});
    const Result r = run_check(body, host);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.evidence[0].observed == "bob: SamAccountName = 'bob'");
}

BOOST_AUTO_TEST_CASE(object_types_are_added_to_evidence_needs) {
    auto b = one_check(mitigations("all"));
    BOOST_TEST(b->needs.object_types.count("ExchangeServer") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
