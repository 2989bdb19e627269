// Real Export-Clixml files from Exchange 2016 (tests/data/corpus/exchange, see SOURCE.md).
#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

std::filesystem::path corpus() { return test::data_dir() / "corpus" / "exchange"; }

struct Read {
    std::vector<std::shared_ptr<const PsObject>> objects;
    std::vector<Diagnostic> problems;
    ClixmlFileSummary summary;
    std::string file;
};

Read read(const std::string& relative) {
    Read r;
    r.file = (corpus() / relative).string();
    r.summary = read_clixml_file(corpus() / relative, [&](std::shared_ptr<const PsObject> o) { r.objects.push_back(std::move(o)); },
                                 r.problems);
    return r;
}

const PsValue& prop(const PsObject& o, const char* name) {
    const auto* v = o.property(name);
    BOOST_REQUIRE_MESSAGE(v != nullptr, "no property " << name);
    return *v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clixml_corpus)

BOOST_AUTO_TEST_CASE(every_clixml_file_of_the_corpus_reads_without_problems) {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus())) {
        if (entry.path().extension() != ".xml") continue;
        std::vector<Diagnostic> problems;
        std::size_t objects = 0;
        auto summary = read_clixml_file(entry.path(), [&](std::shared_ptr<const PsObject>) { ++objects; }, problems);
        BOOST_TEST(problems.empty(), entry.path() << ": " << (problems.empty() ? "" : problems.front().str()));
        BOOST_TEST(summary.errors == 0u);
        BOOST_TEST(summary.objects == objects);
        ++files;
    }
    BOOST_TEST(files == 13u);
}

BOOST_AUTO_TEST_CASE(exchange_server_mitigations_and_version_of_solo_e16a) {
    auto r = read("E16/Exchange/GetExchangeServer.xml");
    BOOST_REQUIRE(r.objects.size() == 1u);
    const auto& server = *r.objects[0];
    BOOST_TEST(server.type_names.front() == "Microsoft.Exchange.Data.Directory.Management.ExchangeServer");
    BOOST_TEST(server.to_string == "SOLO-E16A");
    BOOST_TEST(prop(server, "Name").text == "SOLO-E16A");
    const auto& mitigations = prop(server, "MitigationsEnabled");
    BOOST_TEST((mitigations.kind == PsValue::Kind::boolean && mitigations.boolean));
    BOOST_TEST(mitigations.where.str() == r.file + ":176:7");
    const auto& version = prop(server, "AdminDisplayVersion");
    BOOST_TEST(version.text == "Version 15.1 (Build 2375.7)");
    BOOST_TEST(version.where.str() == r.file + ":123:7");
    BOOST_TEST(prop(*version.object, "Major").integer == 15);
    BOOST_TEST(prop(*version.object, "Build").integer == 2375);
    BOOST_TEST(prop(*version.object, "Revision").integer == 7);
    BOOST_TEST(prop(*prop(server, "DataPath").object, "PathName").text == "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Mailbox");
    BOOST_TEST(prop(server, "Edition").text == "StandardEvaluation");
    BOOST_TEST(prop(server, "Edition").integer == 2);
}

BOOST_AUTO_TEST_CASE(organization_config_oauth2_client_profile_is_disabled) {
    auto r = read("E16/Exchange/GetOrganizationConfig.xml");
    BOOST_REQUIRE(r.objects.size() == 1u);
    const auto& oauth = prop(*r.objects[0], "OAuth2ClientProfileEnabled");
    BOOST_TEST((oauth.kind == PsValue::Kind::boolean && !oauth.boolean));
    BOOST_TEST(oauth.where.str() == r.file + ":361:7");
}

BOOST_AUTO_TEST_CASE(utf16le_irm_configuration_reads_the_same_as_utf8) {
    auto r = read("E16/Exchange/GetIrmConfiguration.xml");
    BOOST_TEST(r.summary.encoding == "utf-16le");
    BOOST_REQUIRE(r.objects.size() == 1u);
    const auto& irm = *r.objects[0];
    BOOST_TEST(irm.to_string == "ControlPoint Config");
    BOOST_TEST(!prop(irm, "InternalLicensingEnabled").boolean);
    BOOST_TEST(prop(irm, "InternalLicensingEnabled").where.str() == r.file + ":25:7");
    const auto& decryption = prop(irm, "TransportDecryptionSetting");
    BOOST_TEST((decryption.kind == PsValue::Kind::enumeration));
    BOOST_TEST(decryption.text == "Optional");
    BOOST_TEST(decryption.integer == 1);
}

BOOST_AUTO_TEST_CASE(service_status_and_start_type_are_enums) {
    auto r = read("eems/GetServiceMSExchangeMitigationRunning.xml");
    BOOST_REQUIRE(r.objects.size() == 1u);
    const auto& service = *r.objects[0];
    BOOST_TEST(prop(service, "Name").text == "MSExchangeMitigation");
    BOOST_TEST(prop(service, "Status").text == "Running");
    BOOST_TEST(prop(service, "Status").integer == 4);
    BOOST_TEST(prop(service, "StartType").text == "Automatic");
    BOOST_TEST(prop(service, "StartType").where.str() == r.file + ":121:7");
}

BOOST_AUTO_TEST_CASE(escaped_newlines_and_back_references_in_file_version_info) {
    auto r = read("E16/OS/GetDotNetDllFileVersions.xml");
    BOOST_TEST(r.problems.empty());
    BOOST_REQUIRE(r.objects.size() == 1u);
    // A dictionary of file name to FileVersionInfo; its ToString holds CR LF escapes.
    const auto& dct = r.objects[0]->value;
    BOOST_REQUIRE((dct.kind == PsValue::Kind::dictionary));
    const auto& entry = dct.entries.at(0);
    BOOST_TEST(entry.key.text == "System.Data.dll");
    // Value (PSCustomObject) . GetItem (FileInfo) . VersionInfo (FileVersionInfo)
    const auto& item = prop(*entry.value.object, "GetItem");
    const auto& info = prop(*item.object, "VersionInfo");
    BOOST_TEST(info.text.find("System.Data.dll\r\nInternalName:     system.data.dll\r\n") != std::string::npos);
    // A Ref to the provider read earlier inside PSDrive resolves to the whole object.
    const auto& provider = prop(*item.object, "PSProvider");
    BOOST_TEST(provider.text == "Microsoft.PowerShell.Core\\FileSystem");
    BOOST_TEST(prop(*provider.object, "Name").text == "FileSystem");
    // The provider's Drives list the drive, whose Provider lists the drive again: that
    // back reference into an object still being read is kept as type names and ToString.
    const auto& drive = prop(*provider.object, "Drives").items.at(0);
    BOOST_TEST(drive.object->type_names.front() == "System.Management.Automation.PSDriveInfo");
    BOOST_TEST(!drive.object->properties.empty());
    const auto& again = prop(*prop(*drive.object, "Provider").object, "Drives").items.at(0);
    BOOST_TEST(again.object->type_names.front() == "System.Management.Automation.PSDriveInfo");
    BOOST_TEST(again.text == drive.text);
    BOOST_TEST(again.object->properties.empty());
}

BOOST_AUTO_TEST_CASE(top_level_string_and_empty_export) {
    auto name = read("E16/OS/RemoteRegistryValueProductName.xml");
    BOOST_REQUIRE(name.objects.size() == 1u);
    BOOST_TEST(name.objects[0]->type_names.front() == "System.String");
    BOOST_TEST(name.objects[0]->value.text == "Windows Server 2016 Datacenter");
    BOOST_TEST(name.objects[0]->where.str() == name.file + ":2:3");
    auto empty = read("E16/OS/Win32_PageFileSetting.xml");
    BOOST_TEST(empty.objects.empty());
    BOOST_TEST(empty.problems.empty());
}

BOOST_AUTO_TEST_CASE(utf8_without_bom_cim_instance) {
    auto r = read("E16/OS/GetSmbServerConfiguration.xml");
    BOOST_TEST(r.summary.encoding == "utf-8");
    BOOST_REQUIRE(r.objects.size() == 1u);
    BOOST_TEST(prop(*r.objects[0], "EnableSMB1Protocol").boolean);
    BOOST_TEST(prop(*r.objects[0], "EnableSMB1Protocol").where.str() == r.file + ":27:7");
    BOOST_TEST(prop(*r.objects[0], "AsynchronousCredits").unsigned_integer == 512u);
}

BOOST_AUTO_TEST_CASE(type_names_match_short_names_cmdlets_and_cim_classes) {
    BOOST_TEST(object_type_matches("Microsoft.Exchange.Data.Directory.Management.ExchangeServer", "ExchangeServer"));
    BOOST_TEST(object_type_matches("Microsoft.Exchange.Data.Directory.Management.ExchangeServer", "Get-ExchangeServer"));
    BOOST_TEST(object_type_matches("Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeServer", "exchangeserver"));
    BOOST_TEST(object_type_matches(
        "Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration",
        "Get-SmbServerConfiguration"));
    BOOST_TEST(object_type_matches("System.Management.ManagementObject#root\\cimv2\\Win32_QuickFixEngineering", "Get-HotFix"));
    BOOST_TEST(!object_type_matches("Microsoft.Exchange.Data.Directory.Management.ExchangeServer", "Server"));
}

BOOST_AUTO_TEST_SUITE_END()
