#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;
namespace fs = std::filesystem;

namespace {

fs::path corpus() { return test::data_dir() / "corpus" / "exchange" / "E16"; }

// A host directory built for one test from corpus files under other names.
struct Bundle {
    fs::path dir;
    Bundle() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("hardcheck-bundle-" + std::to_string(rd()));
        fs::create_directories(dir / "sub");
    }
    ~Bundle() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    void copy(const fs::path& from, const std::string& as) const { fs::copy_file(from, dir / as); }
    void write(const std::string& as, const std::string& text) const { std::ofstream(dir / as, std::ios::binary) << text; }
    std::string path(const std::string& name) const { return (dir / name).string(); }
};

const EvidenceFile* recognised(const HostEvidence& host, const std::string& path) {
    for (const auto& f : host.recognised)
        if (f.path == path) return &f;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bundle)

BOOST_FIXTURE_TEST_CASE(files_are_recognised_by_content_not_name, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "server.txt");
    copy(corpus() / "Exchange" / "IIS" / "applicationHost.config", "sub/iis.dat");
    copy(test::data_dir() / "events" / "sysmon_and_4688.xml", "sub/events.log");
    write("tls.reg", "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\T]\n\"A\"=dword:1\n");
    write("README.md", "# notes\n");
    auto host = load_host(dir);
    BOOST_TEST(host.problems.empty());
    BOOST_TEST(recognised(host, path("server.txt"))->format == "clixml");
    BOOST_TEST(recognised(host, path("sub/iis.dat"))->format == "config");
    BOOST_TEST(recognised(host, path("sub/events.log"))->format == "events");
    BOOST_TEST(recognised(host, path("tls.reg"))->format == "reg");
    BOOST_TEST(recognised(host, path("README.md"))->format == "unknown");
    BOOST_TEST(host.ignored == (std::vector<std::string>{path("README.md")}));
    BOOST_TEST(host.files.size() == 4u);
    const auto* servers = host.find_objects("Get-ExchangeServer");
    BOOST_REQUIRE(servers != nullptr);
    BOOST_TEST(servers->objects.size() == 1u);
    BOOST_TEST(servers->files == (std::vector<std::string>{path("server.txt")}));
    BOOST_TEST(servers->problems.empty());
    BOOST_REQUIRE(host.configs.size() == 1u);
    BOOST_TEST(host.configs[0].kind == "applicationHost");
    BOOST_TEST(host.events.size() == 3u);
    BOOST_TEST((host.registry.lookup("HKLM\\SOFTWARE\\T", "A").presence == Presence::present));
}

BOOST_FIXTURE_TEST_CASE(host_name_comes_from_the_exchange_server_object_without_host_yaml, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "GetExchangeServer.xml");
    BOOST_TEST(load_host(dir).host == "SOLO-E16A");
}

BOOST_FIXTURE_TEST_CASE(host_name_does_not_depend_on_what_the_baseline_needs, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "GetExchangeServer.xml");
    auto needs = EvidenceNeeds::none();
    needs.registry_keys.insert("HKEY_LOCAL_MACHINE\\SOFTWARE\\X");
    BOOST_TEST(load_host(dir, &needs).host == "SOLO-E16A");
}

BOOST_FIXTURE_TEST_CASE(host_yaml_names_the_host_before_the_evidence, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "GetExchangeServer.xml");
    write("host.yaml", "host: exch-prod-1\nroles: [mailbox]\n");
    auto host = load_host(dir);
    BOOST_TEST(host.host == "exch-prod-1");
    BOOST_TEST(recognised(host, path("host.yaml"))->format == "manifest");
}

BOOST_FIXTURE_TEST_CASE(host_name_falls_back_to_registry_computer_name_then_directory, Bundle) {
    write("x.txt", "nothing\n");
    BOOST_TEST(load_host(dir).host == dir.filename().string());
    write("name.reg", "Windows Registry Editor Version 5.00\n\n"
                      "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\n"
                      "\"ComputerName\"=\"EXCH2\"\n");
    BOOST_TEST(load_host(dir).host == "EXCH2");
}

BOOST_FIXTURE_TEST_CASE(needs_skip_unneeded_types_configs_and_events, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "a.xml");
    copy(corpus() / "Exchange" / "GetOrganizationConfig.xml", "b.xml");
    copy(corpus() / "Exchange" / "IIS" / "applicationHost.config", "c.config");
    copy(test::data_dir() / "events" / "sysmon_and_4688.xml", "d.xml");
    auto needs = EvidenceNeeds::none();
    needs.object_types.insert("ExchangeServer");
    auto host = load_host(dir, &needs);
    BOOST_TEST(host.find_objects("ExchangeServer") != nullptr);
    BOOST_TEST(host.find_objects("OrganizationConfig") == nullptr);
    BOOST_TEST(host.configs.empty());
    BOOST_TEST(host.events.empty());
    BOOST_TEST(!recognised(host, path("c.config"))->read);
    BOOST_TEST(recognised(host, path("c.config"))->format == "config");
    BOOST_TEST(recognised(host, path("a.xml"))->read);
    needs.configs = true;
    needs.events = true;
    auto more = load_host(dir, &needs);
    BOOST_TEST(more.configs.size() == 1u);
    BOOST_TEST(more.events.size() == 3u);
}

BOOST_FIXTURE_TEST_CASE(get_winevent_export_fills_events, Bundle) {
    copy(corpus() / "OS" / "GetWinEventOldestSystem.xml", "w.xml");
    auto needs = EvidenceNeeds::none();
    needs.events = true;
    auto host = load_host(dir, &needs);
    BOOST_REQUIRE(host.events.size() == 1u);
    BOOST_TEST(host.events[0].id == 104u);
    BOOST_TEST(host.objects.empty());
    BOOST_TEST(load_host(dir).find_objects("Get-WinEvent") != nullptr);
}

BOOST_FIXTURE_TEST_CASE(damaged_object_marks_its_collection_and_the_host, Bundle) {
    write("s.xml",
          "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
          "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.ServiceProcess.ServiceController</T></TN><Props><S N=\"Name\">A</S></Props></Obj>\n"
          "<Obj RefId=\"1\"><TNRef RefId=\"0\" /><Props><I32 N=\"Bad\">x</I32></Props></Obj>\n"
          "</Objs>\n");
    auto host = load_host(dir);
    const auto* services = host.find_objects("Get-Service");
    BOOST_REQUIRE(services != nullptr);
    BOOST_TEST(services->objects.size() == 1u);
    BOOST_REQUIRE(services->problems.size() == 1u);
    BOOST_TEST(services->problems[0].str() == path("s.xml") + ":3:42: error: <I32> holds 'x', not an integer in range");
    BOOST_TEST(host.problems.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(object_lost_in_one_file_marks_the_collection_another_file_filled, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "a.xml");
    write("b.xml",
          "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
          "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>"
          "<Props><B N=\"MitigationsEnabled\">maybe</B></Props></Obj>\n</Objs>\n");
    auto host = load_host(dir);
    const auto* servers = host.find_objects("ExchangeServer");
    BOOST_REQUIRE(servers != nullptr);
    BOOST_TEST(servers->objects.size() == 1u);
    BOOST_TEST(servers->files == (std::vector<std::string>{path("a.xml"), path("b.xml")}));
    BOOST_REQUIRE(servers->problems.size() == 1u);
    BOOST_TEST(servers->problems[0].str() == path("b.xml") + ":2:108: error: <B> holds 'maybe', not true or false");
}

BOOST_FIXTURE_TEST_CASE(export_whose_only_object_is_lost_is_an_empty_damaged_collection, Bundle) {
    write("b.xml",
          "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
          "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Ns.OrganizationConfig</T></TN><Props><I32 N=\"A\">x</I32></Props></Obj>\n"
          "</Objs>\n");
    auto host = load_host(dir);
    const auto* config = host.find_objects("OrganizationConfig");
    BOOST_REQUIRE(config != nullptr);
    BOOST_TEST(config->objects.empty());
    BOOST_TEST(config->problems.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(unreadable_config_is_a_problem_not_an_exception, Bundle) {
    write("web.config", "<configuration>\n<a>\n</configuration>\n");
    auto host = load_host(dir);
    BOOST_REQUIRE(host.problems.size() == 1u);
    BOOST_TEST(host.problems[0].str() == path("web.config") + ":3:3: error: Start-end tags mismatch");
    BOOST_TEST(host.configs.empty());
    BOOST_TEST(!recognised(host, path("web.config"))->read);
}

BOOST_FIXTURE_TEST_CASE(host_manifests_decide_what_is_one_host, Bundle) {
    // A parent of two hosts with a loose README beside them: two hosts, never one.
    fs::create_directories(dir / "exch01");
    fs::create_directories(dir / "exch02");
    write("README.txt", "notes\n");
    write("exch01/host.yaml", "host: EXCH01\n");
    write("exch02/host.yaml", "host: EXCH02\n");
    const auto hosts = discover_hosts(dir);
    BOOST_REQUIRE(hosts.size() == 3u);  // exch01, exch02 and the fixture's own sub/
    BOOST_TEST(hosts[0].filename() == "exch01");
    BOOST_TEST(hosts[1].filename() == "exch02");
    // A manifest at the top: one host, whatever its sub-folders hold.
    write("host.yaml", "host: ALL\n");
    BOOST_TEST(discover_hosts(dir) == std::vector<fs::path>{dir});
}

BOOST_AUTO_TEST_CASE(healthchecker_section_folders_are_one_host) {
    // The corpus's E16 collection: Exchange/ and OS/ with no files beside them.
    BOOST_TEST(discover_hosts(corpus()) == std::vector<fs::path>{corpus()});
}

BOOST_FIXTURE_TEST_CASE(other_folders_without_manifests_are_hosts, Bundle) {
    fs::create_directories(dir / "OS");
    fs::create_directories(dir / "EXCH01");
    const auto hosts = discover_hosts(dir);
    BOOST_REQUIRE(hosts.size() == 3u);  // EXCH01, OS and the fixture's own sub/
    BOOST_TEST(hosts[0].filename() == "EXCH01");
    BOOST_TEST(hosts[1].filename() == "OS");
}

// Export-Clixml of an empty result: an Objs root and no value, so no type name.
constexpr const char* kEmptyClixml =
    "\xEF\xBB\xBF<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\" />";

BOOST_FIXTURE_TEST_CASE(empty_export_named_after_its_cmdlet_is_an_empty_collection, Bundle) {
    write("sub/objects-Get-SettingOverride.xml", kEmptyClixml);
    auto host = load_host(dir);
    BOOST_TEST(host.problems.empty());
    const auto* overrides = host.find_objects("Get-SettingOverride");
    BOOST_REQUIRE(overrides != nullptr);
    BOOST_TEST(overrides->type_name == "SettingOverride");
    BOOST_TEST(overrides->objects.empty());
    BOOST_TEST(overrides->problems.empty());
    BOOST_TEST(overrides->files == (std::vector<std::string>{path("sub/objects-Get-SettingOverride.xml")}));
    BOOST_TEST(recognised(host, path("sub/objects-Get-SettingOverride.xml"))->read);
}

BOOST_FIXTURE_TEST_CASE(empty_export_names_without_dash_or_in_any_case_name_the_cmdlet, Bundle) {
    write("GetSettingOverride.xml", kEmptyClixml);
    write("get-hotfix.XML", kEmptyClixml);
    write("GETSERVICE.xml", kEmptyClixml);
    auto host = load_host(dir);
    const auto* overrides = host.find_objects("SettingOverride");
    BOOST_REQUIRE(overrides != nullptr);
    BOOST_TEST(overrides->files == (std::vector<std::string>{path("GetSettingOverride.xml")}));
    // Through the cmdlet-to-type table: Get-HotFix writes Win32_QuickFixEngineering.
    const auto* hotfixes = host.find_objects("Win32_QuickFixEngineering");
    BOOST_REQUIRE(hotfixes != nullptr);
    BOOST_TEST(hotfixes->type_name == "Win32_QuickFixEngineering");
    BOOST_TEST(hotfixes->files == (std::vector<std::string>{path("get-hotfix.XML")}));
    const auto* services = host.find_objects("Get-Service");
    BOOST_REQUIRE(services != nullptr);
    BOOST_TEST(services->type_name == "ServiceController");
    BOOST_TEST(host.objects.size() == 3u);
}

BOOST_FIXTURE_TEST_CASE(empty_export_with_an_unknown_name_stays_unknown, Bundle) {
    write("overrides.xml", kEmptyClixml);
    write("Get-SettingOverride (1).xml", kEmptyClixml);
    write("SettingOverride.xml", kEmptyClixml);
    auto host = load_host(dir);
    BOOST_TEST(host.problems.empty());
    BOOST_TEST(host.objects.empty());
    BOOST_TEST(host.find_objects("Get-SettingOverride") == nullptr);
    BOOST_TEST(recognised(host, path("overrides.xml"))->format == "clixml");
}

BOOST_FIXTURE_TEST_CASE(non_empty_export_is_typed_by_its_objects_not_its_name, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "Get-SettingOverride.xml");
    auto host = load_host(dir);
    BOOST_TEST(host.find_objects("Get-SettingOverride") == nullptr);
    const auto* servers = host.find_objects("Get-ExchangeServer");
    BOOST_REQUIRE(servers != nullptr);
    BOOST_TEST(servers->objects.size() == 1u);
    BOOST_TEST(servers->files == (std::vector<std::string>{path("Get-SettingOverride.xml")}));
}

BOOST_FIXTURE_TEST_CASE(empty_export_beside_an_export_with_objects_joins_its_collection, Bundle) {
    copy(corpus() / "Exchange" / "GetExchangeServer.xml", "a.xml");
    write("objects-Get-ExchangeServer.xml", kEmptyClixml);
    auto host = load_host(dir);
    BOOST_TEST(host.objects.size() == 1u);
    const auto* servers = host.find_objects("Get-ExchangeServer");
    BOOST_REQUIRE(servers != nullptr);
    BOOST_TEST(servers->objects.size() == 1u);
    BOOST_TEST(servers->files == (std::vector<std::string>{path("a.xml"), path("objects-Get-ExchangeServer.xml")}));
}

BOOST_FIXTURE_TEST_CASE(empty_export_of_a_type_the_baseline_does_not_read_is_left_out, Bundle) {
    write("Get-HotFix.xml", kEmptyClixml);
    auto needs = EvidenceNeeds::none();
    needs.object_types.insert("SettingOverride");
    auto host = load_host(dir, &needs);
    BOOST_TEST(host.find_objects("Get-HotFix") == nullptr);
}

BOOST_FIXTURE_TEST_CASE(bundle_dump_shows_the_empty_collection_an_empty_export_made, Bundle) {
    write("GetSettingOverride.xml", kEmptyClixml);
    std::ostringstream out;
    dump_bundle_json(dir, out);
    const auto text = out.str();
    BOOST_TEST(text.find("\"collections\":{\"SettingOverride\":0}") != std::string::npos, text);
    BOOST_TEST(text.find("\"format\":\"clixml\",\"read\":true,\"empty_collection\":\"SettingOverride\"}") !=
                   std::string::npos,
               text);
}

// A refused export may have set or deleted any key, so nothing the other exports
// say is trusted: every lookup is damaged (checks give error, never pass).
BOOST_FIXTURE_TEST_CASE(a_refused_registry_export_makes_every_lookup_damaged, Bundle) {
    const std::string tls = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    write("a.reg", "REGEDIT4\r\n\r\n[" + tls + "]\r\n\"EventLogging\"=dword:00000001\r\n");
    write("z.reg", "REGEDIT4\r\n\r\n[" + tls + "]\r\n" + std::string("\"Event\0Logging\"=dword:00000000\r\n", 32));
    const auto host = load_host(dir);
    BOOST_REQUIRE(host.problems.size() == 1u);
    BOOST_TEST(host.problems[0].str() == path("z.reg") + ":4:7: error: NUL character in a text export (the file is "
                                                        "damaged or not text)");
    const auto found = host.registry.lookup(*canonical_reg_key(tls), "EventLogging");
    BOOST_TEST((found.presence == Presence::damaged));
    BOOST_REQUIRE(found.damage != nullptr);
    BOOST_TEST(found.damage->str() == path("z.reg") + ":4:7");
    const SourceLocation* damage = nullptr;
    BOOST_TEST((host.registry.key_presence(*canonical_reg_key(tls), &damage) == Presence::damaged));
    BOOST_TEST(damage == found.damage);
}

BOOST_AUTO_TEST_SUITE_END()
