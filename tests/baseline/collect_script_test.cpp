// collect_script: the PowerShell script written from a baseline's evidence needs.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/collect_script.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

// What PowerShell would read as code (not string literal, not comment), line by
// line: a small tokenizer for the subset the script uses ('...' with '' escapes,
// "..." with `" escapes, # comments).  It reports unterminated strings, and
// brackets that do not balance, as a syntax problem.
struct Scan {
    std::string code;  // all code text, strings replaced by a placeholder
    std::vector<std::string> problems;
};

Scan scan_powershell(const std::string& script) {
    Scan scan;
    std::vector<char> brackets;
    enum class State { code, single, dbl } state = State::code;
    int line = 1;
    for (std::size_t i = 0; i < script.size(); ++i) {
        const char c = script[i];
        if (c == '\n') ++line;
        switch (state) {
            case State::code:
                if (c == '#') {
                    while (i + 1 < script.size() && script[i + 1] != '\n') ++i;
                } else if (c == '\'') {
                    state = State::single;
                    scan.code += "<str>";
                } else if (c == '"') {
                    state = State::dbl;
                    scan.code += "<str>";
                } else {
                    scan.code += c;
                    if (c == '(' || c == '{' || c == '[') brackets.push_back(c);
                    if (c == ')' || c == '}' || c == ']') {
                        const char open = c == ')' ? '(' : c == '}' ? '{' : '[';
                        if (brackets.empty() || brackets.back() != open)
                            scan.problems.push_back("unbalanced " + std::string(1, c) + " at line " + std::to_string(line));
                        else
                            brackets.pop_back();
                    }
                }
                break;
            case State::single:
                if (c == '\'') {
                    if (i + 1 < script.size() && script[i + 1] == '\'')
                        ++i;
                    else
                        state = State::code;
                }
                break;
            case State::dbl:
                if (c == '`')
                    ++i;
                else if (c == '"')
                    state = State::code;
                break;
        }
    }
    if (state != State::code) scan.problems.push_back("unterminated string at end");
    if (!brackets.empty()) scan.problems.push_back("unclosed bracket at end");
    return scan;
}

std::vector<std::shared_ptr<const CompiledBaseline>> builtin_baselines() {
    std::vector<std::shared_ptr<const CompiledBaseline>> out;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "baselines"))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back(load_baseline(f));
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(collect_script_tests)

BOOST_AUTO_TEST_CASE(plain_text_is_one_single_quoted_literal) {
    BOOST_TEST(powershell_quote("HKEY_LOCAL_MACHINE\\SOFTWARE\\X Y") == "'HKEY_LOCAL_MACHINE\\SOFTWARE\\X Y'");
    BOOST_TEST(powershell_quote("") == "''");
}

BOOST_AUTO_TEST_CASE(single_quotes_are_doubled) {
    BOOST_TEST(powershell_quote("it's") == "'it''s'");
    BOOST_TEST(powershell_quote("'; Invoke-Evil; '") == "'''; Invoke-Evil; '''");
}

BOOST_AUTO_TEST_CASE(quote_look_alikes_and_controls_are_spliced_as_chars) {
    // U+2019 RIGHT SINGLE QUOTATION MARK ends a PowerShell single-quoted string too.
    BOOST_TEST(powershell_quote("a\xE2\x80\x99" "b") == "('a' + [char]0x2019 + 'b')");
    BOOST_TEST(powershell_quote("\nx") == "('' + [char]0x000A + 'x')");
    BOOST_TEST(powershell_quote("\xF0\x9F\x98\x80") == "('' + [char]0xD83D + [char]0xDE00)");
    BOOST_TEST(powershell_quote("\xFF") == "('' + [char]0xFFFD)");
}

BOOST_AUTO_TEST_CASE(type_names_map_back_to_their_cmdlets) {
    BOOST_TEST(object_collector_for("ADEcpVirtualDirectory").cmdlet == "Get-EcpVirtualDirectory");
    BOOST_TEST(object_collector_for("ADRpcHttpVirtualDirectory").cmdlet == "Get-OutlookAnywhere");
    BOOST_TEST(object_collector_for("Microsoft.Exchange.Data.Directory.Management.ExchangeServer").cmdlet ==
               "Get-ExchangeServer");
    BOOST_TEST(object_collector_for("Get-MpPreference").cmdlet == "Get-MpPreference");
    BOOST_TEST(!object_collector_for("Get-MpPreference").exchange);
    BOOST_TEST(object_collector_for("OrganizationConfig").exchange);
    BOOST_TEST(object_collector_for("Get-User").arguments == "ResultSize = 'Unlimited'");
}

BOOST_AUTO_TEST_CASE(a_name_that_is_not_verb_noun_gets_no_cmdlet) {
    BOOST_TEST(object_collector_for("Get-X; Invoke-Evil").cmdlet.empty());
    BOOST_TEST(object_collector_for("Bad Type").cmdlet.empty());
}

BOOST_AUTO_TEST_CASE(keys_below_a_needed_key_are_not_exported_again) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    needs.registry_keys = {"HKEY_LOCAL_MACHINE\\A\\B", "HKEY_LOCAL_MACHINE\\A\\B\\C", "HKEY_LOCAL_MACHINE\\A\\BC"};
    const auto roots = registry_export_roots(needs);
    BOOST_TEST(roots == (std::vector<std::string>{"HKEY_LOCAL_MACHINE\\A\\B", "HKEY_LOCAL_MACHINE\\A\\BC"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(deep_siblings_share_their_parents_export) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    const std::string protocols = "HKEY_LOCAL_MACHINE\\SYSTEM\\CCS\\CONTROL\\SP\\SCHANNEL\\PROTOCOLS";
    needs.registry_keys = {protocols + "\\TLS 1.0\\CLIENT", protocols + "\\TLS 1.0\\SERVER",
                           protocols + "\\TLS 1.1\\SERVER", protocols + "\\TLS 1.1\\CLIENT", "HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\B\\C",
                           "HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\B\\D"};
    const auto roots = registry_export_roots(needs);
    // PROTOCOLS is 7 deep: grouped; HKLM\SOFTWARE\A\B is 4 deep: left alone.
    BOOST_TEST(roots == (std::vector<std::string>{"HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\B\\C",
                                                  "HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\B\\D", protocols}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_evidence_source_of_every_builtin_baseline_is_in_its_script) {
    const auto baselines = builtin_baselines();
    BOOST_TEST_REQUIRE(baselines.size() >= 10u);
    for (const auto& b : baselines) {
        BOOST_TEST_CONTEXT(b->id) {
            const std::string script = collect_script({b.get()});
            const auto roots = registry_export_roots(b->needs);
            for (const auto& key : b->needs.registry_keys) {
                // The key itself, or the needed ancestor whose export holds it.
                const bool exported = std::any_of(roots.begin(), roots.end(), [&](const std::string& root) {
                    return (key == root || key.rfind(root + "\\", 0) == 0) &&
                           contains(script, "-Candidates @(" + powershell_quote(root));
                });
                BOOST_TEST(exported, "registry key " << key);
            }
            for (const auto& source : b->needs.object_sources) {
                const auto c = object_collector_for(source);
                BOOST_TEST(!c.cmdlet.empty(), "object source " << source);
                BOOST_TEST(contains(script, "-Cmdlet " + powershell_quote(c.cmdlet)), "object source " << source);
            }
            for (const auto& kind : b->needs.config_kinds) {
                if (kind == "applicationHost" || kind == "any" || kind == "config")
                    BOOST_TEST(contains(script, "-Name 'applicationHost.config'"), kind);
                if (kind == "web.config" || kind == "any" || kind == "config")
                    BOOST_TEST(contains(script, "-Site 'Exchange Back End' -Name 'exchange-back-end.web.config'"), kind);
            }
            BOOST_TEST(b->needs.configs == !b->needs.config_kinds.empty());
            BOOST_TEST(b->needs.events == !b->needs.event_filters.empty());
            for (const auto& f : b->needs.event_filters) {
                std::string filter = f.channel.empty() ? "ProviderName = " + powershell_quote(f.provider)
                                                       : "LogName = " + powershell_quote(f.channel);
                for (auto id : f.ids) BOOST_TEST(contains(script, std::to_string(id) + ")}"), "event id " << id);
                BOOST_TEST(contains(script, "-Filter @{" + filter), filter);
            }
            BOOST_TEST(contains(script, "host.yaml"));
            const auto scan = scan_powershell(script);
            BOOST_TEST(scan.problems.empty(), (scan.problems.empty() ? "" : scan.problems.front()));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_composite_baseline_collects_what_its_includes_need) {
    const auto cisa = load_baseline(resolve_baseline("cisa-exchange-2025"));
    const std::string script = collect_script({cisa.get()});
    BOOST_TEST(contains(script, "-Cmdlet 'Get-OrganizationConfig'"));
    BOOST_TEST(contains(script, "-Cmdlet 'Get-HcExSetupVersion'"));
    BOOST_TEST(contains(script, "Add-PSSnapin -Name 'Microsoft.Exchange.Management.PowerShell.SnapIn'"));
    // Every SCHANNEL key the checks read, in one export of SCHANNEL.
    BOOST_TEST(contains(script, "-Candidates @('HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\CONTROL\\SECURITYPROVIDERS\\SCHANNEL', "));
    BOOST_TEST(!contains(script, "TLS 1.0"));
}

BOOST_AUTO_TEST_CASE(hostile_names_in_a_baseline_stay_inside_string_literals) {
    const auto b = load_baseline_text(R"(id: hostile
title: hostile names
version: "1"
checks:
  - id: H-1
    title: key
    severity: low
    test:
      all:
        - registry: {key: "HKLM\\SOFTWARE\\A'; Invoke-Evil; '\\B\u2019; Invoke-Evil2 #", value: V}
          equals: 1
        - object: {type: "Get-X'; Invoke-Evil3; '", property: P}
          equals: 1
        - events: {id: 1, channel: "Security'; Invoke-Evil4 #", quantifier: count, count: {min: 1}}
)",
                                      "hostile.yaml");
    const std::string script = collect_script({b.get()});
    BOOST_TEST(contains(script, "Invoke-Evil"));
    const auto scan = scan_powershell(script);
    BOOST_TEST(scan.problems.empty(), (scan.problems.empty() ? "" : scan.problems.front()));
    std::string code = scan.code;
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    BOOST_TEST(!contains(code, "invoke-evil"));
    // The cmdlet is refused, not called, and the script says so.
    BOOST_TEST(!contains(script, "-Cmdlet 'Get-X"));
    BOOST_TEST(contains(script, "no cmdlet known for object type ' + 'Get-X''; Invoke-Evil3; '''"));
}

BOOST_AUTO_TEST_CASE(a_baseline_without_events_writes_no_event_export) {
    const auto b = load_baseline(resolve_baseline("windows-smb"));
    const std::string script = collect_script({b.get()});
    BOOST_TEST(!contains(script, "Export-HcEvents -Name"));
    BOOST_TEST(!contains(script, "-Name 'applicationHost.config'"));
}

BOOST_AUTO_TEST_SUITE_END()
