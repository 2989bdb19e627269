// HealthChecker's TLS settings object (GetAllTlsSettings.xml) mapped into the
// registry model: values, Nil as absent, what is covered, file:line of each value,
// the corpus's wrong ServerRegistryPath, malformed objects, and a .reg winning.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>

#include "evidence/healthchecker_tls.hpp"
#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;
namespace fs = std::filesystem;

namespace {

const std::string kProtocols = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";
const std::string kNet4 = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
const std::string kWowNet4 = "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319";

fs::path corpus_file() { return test::data_dir() / "corpus" / "exchange" / "E16" / "OS" / "GetAllTlsSettings.xml"; }

// A host directory built for one test.
struct Bundle {
    fs::path dir;
    Bundle() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("hardcheck-hctls-" + std::to_string(rd()));
        fs::create_directories(dir);
    }
    ~Bundle() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    void write(const std::string& as, const std::string& text) const { std::ofstream(dir / as, std::ios::binary) << text; }
};

HostEvidence corpus_host() {
    Bundle b;
    fs::copy_file(corpus_file(), b.dir / "GetAllTlsSettings.xml");
    return load_host(b.dir);
}

std::string at(const SourceLocation& where) {
    return fs::path(where.file.str()).filename().string() + ":" + std::to_string(where.line);
}

// A minimal object of the same shape, one TLS entry whose members are `members`.
std::string tls_object(const std::string& key, const std::string& members) {
    return "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
           "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T></TN><MS>\n"
           "<Obj N=\"Registry\" RefId=\"1\"><TNRef RefId=\"0\" /><MS>\n"
           "<Obj N=\"TLS\" RefId=\"2\"><TN RefId=\"1\"><T>System.Collections.Hashtable</T></TN><DCT>\n"
           "<En><S N=\"Key\">" + key + "</S>\n"
           "<Obj N=\"Value\" RefId=\"3\"><TNRef RefId=\"0\" /><MS>\n" + members +
           "</MS></Obj></En>\n"
           "</DCT></Obj></MS></Obj></MS></Obj></Objs>\n";
}

const std::string kGoodMembers =
    "<S N=\"TLSVersion\">1.0</S>\n"
    "<I32 N=\"ServerEnabledValue\">0</I32>\n"
    "<I32 N=\"ServerDisabledByDefaultValue\">-1</I32>\n"
    "<I32 N=\"ClientEnabledValue\">0</I32>\n"
    "<I32 N=\"ClientDisabledByDefaultValue\">1</I32>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(healthchecker_tls)

BOOST_AUTO_TEST_CASE(protocol_values_become_dwords_at_the_line_of_their_property) {
    const HostEvidence host = corpus_host();
    BOOST_TEST(host.problems.empty());
    const auto found = host.registry.lookup(kProtocols + "TLS 1.1\\Server", "Enabled");
    BOOST_REQUIRE((found.presence == Presence::present));
    BOOST_TEST(found.value->type == static_cast<std::uint32_t>(RegType::dword));
    BOOST_TEST(found.value->number == 1u);
    BOOST_TEST(at(found.value->where) == "GetAllTlsSettings.xml:24");
    BOOST_TEST(found.key->origin == detail::kHealthCheckerTlsOrigin);
    const auto dbd = host.registry.lookup(kProtocols + "TLS 1.1\\Server", "DisabledByDefault");
    BOOST_REQUIRE((dbd.presence == Presence::present));
    BOOST_TEST(dbd.value->number == 0u);
    BOOST_TEST(at(dbd.value->where) == "GetAllTlsSettings.xml:26");
}

BOOST_AUTO_TEST_CASE(nil_is_absent_and_points_at_the_nil_property) {
    const HostEvidence host = corpus_host();
    const auto client = host.registry.lookup(kProtocols + "TLS 1.2\\Client", "Enabled");
    BOOST_TEST((client.presence == Presence::absent));
    BOOST_REQUIRE(client.key != nullptr);
    BOOST_REQUIRE(client.key->find_null("Enabled") != nullptr);
    BOOST_TEST(at(client.key->find_null("Enabled")->where) == "GetAllTlsSettings.xml:52");
    const auto net = host.registry.lookup(kWowNet4, "SchUseStrongCrypto");
    BOOST_TEST((net.presence == Presence::absent));
    BOOST_TEST(at(net.key->find_null("SchUseStrongCrypto")->where) == "GetAllTlsSettings.xml:105");
    BOOST_TEST((host.registry.lookup(kNet4, "SystemDefaultTlsVersions").presence == Presence::absent));
    BOOST_TEST((host.registry.lookup("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", "SchUseStrongCrypto")
                    .presence == Presence::absent));
}

BOOST_AUTO_TEST_CASE(only_the_keys_the_object_lists_are_covered) {
    const HostEvidence host = corpus_host();
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Client", "Enabled").presence == Presence::absent));
    // Not in the object: no default may be assumed for them.
    BOOST_TEST((host.registry.lookup(kProtocols + "SSL 3.0\\Server", "Enabled").presence == Presence::not_collected));
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.3\\Server", "Enabled").presence == Presence::not_collected));
    BOOST_TEST((host.registry.lookup(
                    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 128/128",
                    "Enabled")
                    .presence == Presence::not_collected));
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.1\\Server\\Sub", "Enabled").presence == Presence::absent));
    BOOST_TEST((host.registry.lookup("HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "InstallRoot").presence ==
                Presence::not_collected));
}

// The corpus's TLS 1.0 entry says ServerRegistryPath ...\TLS 1.2\Server; the entry's
// key decides, so TLS 1.0's values stay TLS 1.0's and TLS 1.2's are not overwritten.
BOOST_AUTO_TEST_CASE(the_wrong_server_registry_path_is_ignored) {
    const HostEvidence host = corpus_host();
    const auto tls10 = host.registry.lookup(kProtocols + "TLS 1.0\\Server", "Enabled");
    BOOST_REQUIRE((tls10.presence == Presence::present));
    BOOST_TEST(at(tls10.value->where) == "GetAllTlsSettings.xml:70");
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Server", "DisabledByDefault").presence == Presence::absent));
    const auto tls12 = host.registry.lookup(kProtocols + "TLS 1.2\\Server", "DisabledByDefault");
    BOOST_REQUIRE((tls12.presence == Presence::present));
    BOOST_TEST(tls12.value->number == 0u);
    BOOST_TEST(at(tls12.value->where) == "GetAllTlsSettings.xml:49");
}

BOOST_AUTO_TEST_CASE(the_cipher_suite_list_becomes_the_get_tlsciphersuite_collection) {
    const HostEvidence host = corpus_host();
    const ObjectCollection* suites = host.find_objects("Get-TlsCipherSuite");
    BOOST_REQUIRE(suites != nullptr);
    BOOST_TEST(suites->objects.size() == 12u);
    BOOST_TEST(suites->problems.empty());
    const auto& last = *suites->objects.back();
    BOOST_TEST(last.property("Name")->text == "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    BOOST_TEST(at(last.property("Name")->where) == "GetAllTlsSettings.xml:444");
}

BOOST_AUTO_TEST_CASE(the_object_is_recognised_by_shape_not_by_file_name) {
    Bundle b;
    b.write("tls.xml", tls_object("1.0", kGoodMembers));
    std::string other = tls_object("1.0", kGoodMembers);
    other.replace(other.find("Registry"), 8, "Settings");  // same content, another shape
    b.write("other.xml", other);
    const HostEvidence host = load_host(b.dir);
    BOOST_TEST(host.problems.empty());
    const auto dbd = host.registry.lookup(kProtocols + "TLS 1.0\\Server", "DisabledByDefault");
    BOOST_REQUIRE((dbd.presence == Presence::present));
    BOOST_TEST(dbd.value->number == 0xFFFFFFFFu);  // I32 -1 is DWORD 0xffffffff (§0.1)
    BOOST_TEST(at(dbd.value->where) == "tls.xml:9");
    const auto& objects = host.find_objects("PSCustomObject")->objects;
    BOOST_REQUIRE(objects.size() == 2u);
    BOOST_TEST(at(objects[0]->where) == "other.xml:2");
    BOOST_TEST(detail::is_healthchecker_tls_settings(*objects[0]) == false);
    BOOST_TEST(detail::is_healthchecker_tls_settings(*objects[1]) == true);
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_kind_is_damaged_and_reported) {
    Bundle b;
    b.write("tls.xml", tls_object("1.0", "<S N=\"TLSVersion\">1.0</S>\n<B N=\"ServerEnabledValue\">true</B>\n"
                                         "<I32 N=\"ServerDisabledByDefaultValue\">1</I32>\n"
                                         "<Nil N=\"ClientEnabledValue\" />\n"));
    const HostEvidence host = load_host(b.dir);
    const auto enabled = host.registry.lookup(kProtocols + "TLS 1.0\\Server", "Enabled");
    BOOST_REQUIRE((enabled.presence == Presence::damaged));
    BOOST_TEST(enabled.damage->line == 8u);
    // ClientDisabledByDefaultValue is missing: unknown, not absent.
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Client", "DisabledByDefault").presence ==
                Presence::damaged));
    BOOST_REQUIRE(host.problems.size() == 2u);
    BOOST_TEST(host.problems[0].str().ends_with(
        "tls.xml:8:1: error: HealthChecker TLS settings: ServerEnabledValue is neither a number, a string nor Nil"));
    BOOST_TEST(host.problems[1].str().ends_with(
        "tls.xml:6:1: error: HealthChecker TLS settings: property ClientDisabledByDefaultValue is missing"));
}

BOOST_AUTO_TEST_CASE(a_version_that_disagrees_with_its_key_is_an_error_not_a_guess) {
    Bundle b;
    std::string members = kGoodMembers;
    members.replace(members.find(">1.0<"), 5, ">1.2<");
    b.write("tls.xml", tls_object("1.0", members));
    const HostEvidence host = load_host(b.dir);
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Server", "Enabled").presence == Presence::damaged));
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.2\\Server", "Enabled").presence == Presence::not_collected));
    BOOST_REQUIRE(host.problems.size() == 1u);
    BOOST_TEST(host.problems[0].message == "HealthChecker TLS settings: TLSVersion '1.2' does not match its key '1.0'");
}

BOOST_AUTO_TEST_CASE(an_unknown_version_key_is_reported_and_not_mapped) {
    Bundle b;
    b.write("tls.xml", tls_object("SSL 9", kGoodMembers));
    const HostEvidence host = load_host(b.dir);
    BOOST_REQUIRE(host.problems.size() == 1u);
    BOOST_TEST(host.problems[0].message == "HealthChecker TLS settings: unknown TLS version key 'SSL 9'; not mapped");
    BOOST_TEST(host.registry.covered_roots().empty());
}

// Both exports of the same key: the .reg is what Windows holds, the object a
// summary of it, so the .reg's values (and its absences) decide -- whatever the
// file order.
BOOST_AUTO_TEST_CASE(a_reg_export_of_the_same_key_wins) {
    Bundle b;
    b.write("a-tls.xml", tls_object("1.0", kGoodMembers));
    b.write("z.reg",
            "Windows Registry Editor Version 5.00\r\n\r\n"
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server]\r\n"
            "\"Enabled\"=dword:00000001\r\n");
    const HostEvidence host = load_host(b.dir);
    const auto server = host.registry.lookup(kProtocols + "TLS 1.0\\Server", "Enabled");
    BOOST_REQUIRE((server.presence == Presence::present));
    BOOST_TEST(server.value->number == 1u);
    BOOST_TEST(at(server.value->where) == "z.reg:4");
    BOOST_TEST(server.key->origin.empty());
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Server", "DisabledByDefault").presence == Presence::absent));
    // The key the .reg did not export still comes from the object.
    const auto client = host.registry.lookup(kProtocols + "TLS 1.0\\Client", "Enabled");
    BOOST_REQUIRE((client.presence == Presence::present));
    BOOST_TEST(at(client.value->where) == "a-tls.xml:10");
}

BOOST_AUTO_TEST_CASE(a_real_get_tlsciphersuite_export_wins_over_the_objects_list) {
    Bundle b;
    fs::copy_file(corpus_file(), b.dir / "GetAllTlsSettings.xml");
    b.write("suites.xml",
            "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
            "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Microsoft.WindowsAuthenticationProtocols.Commands.TlsCipherSuite</T>"
            "</TN><Props><S N=\"Name\">TLS_AES_256_GCM_SHA384</S></Props></Obj>\n</Objs>\n");
    const HostEvidence host = load_host(b.dir);
    const ObjectCollection* suites = host.find_objects("Get-TlsCipherSuite");
    BOOST_REQUIRE(suites != nullptr);
    BOOST_REQUIRE(suites->objects.size() == 1u);
    BOOST_TEST(at(suites->objects.front()->where) == "suites.xml:2");
}

BOOST_AUTO_TEST_CASE(mapped_keys_follow_the_current_control_set_of_a_hive_export) {
    Bundle b;
    b.write("a-tls.xml", tls_object("1.0", kGoodMembers));
    b.write("system.reg",
            "Windows Registry Editor Version 5.00\r\n\r\n"
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\r\n\"Current\"=dword:00000002\r\n\r\n"
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\LanmanServer\\Parameters]\r\n"
            "\"SMB1\"=dword:00000000\r\n");
    const HostEvidence host = load_host(b.dir);
    BOOST_TEST((host.registry.lookup(kProtocols + "TLS 1.0\\Server", "Enabled").presence == Presence::present));
    // CurrentControlSet still reaches ControlSet002 for what the .reg holds.
    BOOST_TEST((host.registry.lookup("HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters", "SMB1")
                    .presence == Presence::present));
}

BOOST_AUTO_TEST_SUITE_END()
