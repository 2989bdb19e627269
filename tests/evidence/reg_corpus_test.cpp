// The real-world .reg files of tests/data/corpus/reg (see SOURCE.md there): each
// parses as its author meant, with the counts and values the file itself shows.
#include <boost/test/unit_test.hpp>

#include "evidence/file_bytes.hpp"
#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

struct Parsed {
    RegistryView view;
    std::vector<Diagnostic> problems;
    RegFileSummary summary;
};

// Reads a corpus file under its own name, so locations read "name:line:col".
Parsed parse_corpus(const std::string& name) {
    Parsed p;
    const std::string bytes = detail::read_file_bytes(test::data_dir() / "corpus" / "reg" / name);
    p.summary = read_reg_buffer(bytes, name, p.view, p.problems);
    return p;
}

struct Expected {
    const char* file;
    const char* encoding;
    std::uint64_t keys, values, deletions;
};

// Counted from the files as written: keys = [key] lines, values = value lines with
// data, deletions = [-key] lines plus "name"=- lines.
const Expected kCorpus[] = {
    {"PSNartacIISCrypto__RegBackupHOTH.reg", "utf-8", 4, 2, 49},
    {"PsSsl__schannel.reg", "utf-16le", 8, 2, 0},
    {"ScoopInstaller-Extras__beyondcompare-install-context-menu-32bit.reg", "utf-8-bom", 7, 8, 0},
    {"ScoopInstaller-Extras__grepwin_install-context.reg", "utf-8", 12, 18, 0},
    {"ScoopInstaller-Main__git_install-associations.reg", "utf-8", 8, 14, 0},
    {"ScoopInstaller-Main__pwsh_install-file-context.reg", "utf-8", 2, 3, 0},
    {"Win-Debloat-Tools__task-manager-cfgs.reg", "utf-16le", 1, 1, 0},
    {"Win11Debloat__Disable_Telemetry.reg", "utf-16le", 12, 14, 1},
    {"Win11Debloat__Prevent_Auto_Reboot.reg", "utf-16le", 1, 1, 0},
    {"Win11Debloat__Sysprep_Disable_Telemetry.reg", "utf-16le", 12, 14, 1},
    {"Win11Debloat__Undo_Allow_Auto_Reboot.reg", "utf-16le", 1, 0, 1},
    {"Win11Debloat__Undo_Enable_Device_Auto_App_Download.reg", "utf-16le", 1, 0, 1},
    {"Win11Debloat__Undo_Enable_Give_access_to_context_menu.reg", "utf-16le", 12, 10, 2},
    {"Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg", "utf-8", 1, 1, 0},
    {"Win11Debloat__new_regfile_powercfg.reg", "utf-16le", 50, 68, 0},
    {"Windows-Secure-Host-Baseline__shb.reg", "utf-8", 4, 15, 0},
    {"Windows-classic-samples__AppMem.reg", "utf-8", 2, 6, 0},
    {"Windows-classic-samples__CredentialProvider_register.reg", "utf-8", 3, 4, 0},
    {"Windows-classic-samples__FunctionDiscovery_Install.reg", "utf-8", 7, 12, 0},
    {"Windows-classic-samples__L2SecExt.reg", "utf-8", 5, 9, 0},
    {"Windows-classic-samples__Perfgen.reg", "utf-8", 2, 6, 0},
    {"Windows-classic-samples__kfdef.reg", "utf-8", 1, 11, 0},
    {"Windows-classic-samples__registerprovider.reg", "utf-8", 8, 10, 0},
    {"flare-vm__Add_Open_Command_Window_Here_as_Admin.reg", "utf-8", 8, 12, 4},
    {"flare-vm__tls_mod_x64.reg", "utf-8", 10, 16, 0},
    {"ini4j__dwarfs.reg", "utf-16le", 11, 45, 0},
    {"ini4j__mozilla.reg", "utf-16le", 24, 44, 0},
    {"windows_hardening__EMET_Files.reg", "utf-16le", 1, 58, 0},
};

const RegValue& require_value(const Parsed& p, std::string_view key, std::string_view name) {
    const auto found = p.view.lookup(key, name);
    BOOST_REQUIRE_MESSAGE(found.presence == Presence::present, std::string(key) + " " + std::string(name));
    return *found.value;
}

std::vector<std::uint8_t> bytes_of(std::initializer_list<int> list) {
    std::vector<std::uint8_t> out;
    for (int b : list) out.push_back(static_cast<std::uint8_t>(b));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reg_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_file_parses_without_errors_and_with_its_written_counts) {
    for (const auto& e : kCorpus) {
        BOOST_TEST_CONTEXT(e.file) {
            const auto p = parse_corpus(e.file);
            BOOST_TEST(p.problems.empty());
            for (const auto& d : p.problems) BOOST_TEST_MESSAGE(d.str());
            BOOST_TEST(p.summary.errors == 0u);
            BOOST_TEST(p.summary.encoding == e.encoding);
            BOOST_TEST(p.summary.keys == e.keys);
            BOOST_TEST(p.summary.values == e.values);
            BOOST_TEST(p.summary.deletions == e.deletions);
        }
    }
}

BOOST_AUTO_TEST_CASE(windows_3x_regedit_file_is_rejected_cleanly) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    const std::string bytes =
        detail::read_file_bytes(test::data_dir() / "corpus" / "reg" / "Windows-classic-samples__sserver.reg");
    BOOST_CHECK_EXCEPTION(read_reg_buffer(bytes, "sserver.reg", view, problems), InputError, [](const InputError& e) {
        return e.diagnostics().size() == 1u &&
               e.diagnostics().front().str() ==
                   "sserver.reg:1:1: error: Windows 3.x REGEDIT format is not supported (export with regedit 5 or "
                   "reg export)";
    });
    BOOST_TEST(view.keys().empty());
    BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(placeholder_root_is_one_error_and_the_rest_of_the_file_is_kept) {
    const auto p = parse_corpus("ScoopInstaller-Extras__listary_install.reg");
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() ==
               "ScoopInstaller-Extras__listary_install.reg:10:2: error: unknown registry root 'HKCU_DONOT_REPLACE'");
    BOOST_TEST(p.summary.keys == 4u);
    BOOST_TEST(p.summary.values == 3u);
    BOOST_TEST(p.summary.deletions == 4u);
    BOOST_TEST(p.summary.errors == 1u);
    const auto& open = require_value(p, "HKCU\\Software\\Classes\\listary\\shell\\open\\command", "");
    BOOST_TEST(open.text == "\"$currDir\\Listary.exe\" --url-schema=\"%1\"");
    BOOST_TEST(open.where.str() == "ScoopInstaller-Extras__listary_install.reg:8:1");
    BOOST_TEST(require_value(p, "HKCU\\Software\\Classes\\listary", "URL Protocol").text == "");
}

BOOST_AUTO_TEST_CASE(regedit_schannel_export_reads_dwords_and_covers_its_subtree) {
    const auto p = parse_corpus("PsSsl__schannel.reg");
    const std::string schannel = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    const auto& v = require_value(p, schannel + "\\Protocols\\SSL 2.0\\Client", "DisabledByDefault");
    BOOST_TEST(v.number == 1u);
    BOOST_TEST(v.where.str() == "PsSsl__schannel.reg:19:1");
    BOOST_TEST(require_value(p, schannel, "EventLogging").where.str() == "PsSsl__schannel.reg:4:1");
    BOOST_TEST((p.view.lookup(schannel + "\\Protocols\\TLS 1.0\\Server", "Enabled").presence == Presence::absent));
    BOOST_TEST((p.view.lookup("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "x").presence ==
                Presence::not_collected));
}

BOOST_AUTO_TEST_CASE(iis_crypto_backup_deletions_and_a_key_written_twice_merge_in_order) {
    const auto p = parse_corpus("PSNartacIISCrypto__RegBackupHOTH.reg");
    const std::string client =
        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Client";
    // Line 48 deletes Enabled; the same key again at line 62 sets DisabledByDefault.
    BOOST_TEST((p.view.lookup(client, "Enabled").presence == Presence::absent));
    BOOST_TEST(require_value(p, client, "DisabledByDefault").where.str() ==
               "PSNartacIISCrypto__RegBackupHOTH.reg:63:1");
    const auto& fips = require_value(p, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy", "Enabled");
    BOOST_TEST(fips.number == 0u);
    BOOST_TEST(fips.where.line == 104u);
    BOOST_TEST(p.view.find_key("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS "
                               "1.0\\Client") == nullptr);
}

BOOST_AUTO_TEST_CASE(flare_vm_tls_settings_read_with_no_final_line_end) {
    const auto p = parse_corpus("flare-vm__tls_mod_x64.reg");
    BOOST_TEST(require_value(p, "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319",
                             "SchUseStrongCrypto")
                   .where.line == 17u);
    BOOST_TEST(require_value(p, "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings",
                             "SecureProtocols")
                   .number == 0xa80u);
    const auto& last = require_value(
        p, "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
        "Enabled");
    BOOST_TEST(last.number == 1u);
    BOOST_TEST(last.where.str() == "flare-vm__tls_mod_x64.reg:41:1");
}

BOOST_AUTO_TEST_CASE(powercfg_multi_line_expand_sz_decodes_to_text) {
    const auto p = parse_corpus("Win11Debloat__new_regfile_powercfg.reg");
    const std::string scheme =
        "HKLM\\SYSTEM\\ControlSet001\\Control\\Power\\User\\PowerSchemes\\381b4222-f694-41f0-9685-ff5bb260df2e";
    const auto& d = require_value(p, scheme, "Description");
    BOOST_TEST(d.type == 2u);
    BOOST_TEST(d.text ==
               "@%SystemRoot%\\system32\\powrprof.dll,-14,Automatically balances performance with energy "
               "consumption on capable hardware.");
    BOOST_TEST(d.where.str() == "Win11Debloat__new_regfile_powercfg.reg:7:1");
    BOOST_TEST(require_value(p, scheme, "FriendlyName").where.line == 17u);
}

BOOST_AUTO_TEST_CASE(long_binary_values_keep_every_byte) {
    const auto tm = parse_corpus("Win-Debloat-Tools__task-manager-cfgs.reg");
    const auto& prefs = require_value(tm, "HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\TaskManager", "Preferences");
    BOOST_TEST(prefs.type == 3u);
    BOOST_TEST(prefs.raw.size() == 4824u);
    BOOST_TEST(prefs.where.line == 4u);
    const auto l2 = parse_corpus("Windows-classic-samples__L2SecExt.reg");
    const auto& sd = require_value(l2, "HKCR\\AppID\\{00102030-4050-6070-8090-A0B0C0D0E0F0}", "LaunchPermission");
    BOOST_TEST(sd.raw.size() == 144u);
    BOOST_TEST(sd.where.line == 19u);
    BOOST_TEST(require_value(l2, "HKCR\\AppID\\{00102030-4050-6070-8090-A0B0C0D0E0F0}", "AccessPermission")
                   .where.line == 26u);
}

BOOST_AUTO_TEST_CASE(unindented_upper_case_continuation_and_explicit_hex3) {
    const auto p = parse_corpus("Win11Debloat__new_regfile_Edge_Disable_Auto_Startup.reg");
    const auto& v = require_value(p, "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run",
                                  "MicrosoftEdgeAutoLaunch_CA00F531A3CE41346622EA40860419C1");
    BOOST_TEST(v.type == 3u);
    BOOST_TEST(v.raw == bytes_of({0x03, 0, 0, 0, 0x36, 0xd4, 0x18, 0x67, 0x65, 0x72, 0xdb, 0x01}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ini4j_wide_indents_expand_and_multi_strings) {
    const auto p = parse_corpus("ini4j__dwarfs.reg");
    const std::string dopey = "HKCU\\Software\\ini4j-test\\dwarfs\\dopey";
    BOOST_TEST(require_value(p, dopey, "weight").text == "${HKEY_CURRENT_USER\\Software\\ini4j-test\\dwarfs\\bashful/weight}");
    const auto& fortune = require_value(p, dopey, "fortuneNumber");
    BOOST_TEST(fortune.strings == (std::vector<std::string>{"11", "22", "55"}), boost::test_tools::per_element());
    BOOST_TEST(fortune.where.str() == "ini4j__dwarfs.reg:82:1");
    BOOST_TEST(require_value(p, dopey, "homeDir").text == "c:\\Documents and Settings\\dopey");
    // The author lost the backslashes; the reader keeps what is written.
    BOOST_TEST(require_value(p, "HKCU\\Software\\ini4j-test\\dwarfs\\doc", "homeDir").text ==
               "c:Documents and Settingsdoc");
    BOOST_TEST(require_value(p, "HKCU\\Software\\ini4j-test\\dwarfs\\bashful", "age").number == 0x43u);
}

BOOST_AUTO_TEST_CASE(mozilla_export_with_root_only_sections_covers_the_whole_hive) {
    const auto p = parse_corpus("ini4j__mozilla.reg");
    const auto& v = require_value(p, "HKLM\\SOFTWARE\\Mozilla\\Mozilla Firefox\\3.0.7 (en-US)\\Main", "Program Folder Path");
    BOOST_TEST(v.text == "C:\\Documents and Settings\\All Users\\Start Menu\\Programs\\");
    BOOST_TEST(v.where.line == 19u);
    BOOST_TEST(require_value(p, "HKLM\\SOFTWARE\\Mozilla\\Mozilla Firefox", "").text == "1.9.0.7");
    BOOST_REQUIRE(p.view.covered_roots().size() == 1u);
    BOOST_TEST(p.view.covered_roots()[0].key == "HKEY_LOCAL_MACHINE");
    BOOST_TEST((p.view.lookup("HKLM\\SOFTWARE\\Other", "x").presence == Presence::absent));
}

BOOST_AUTO_TEST_CASE(emet_escaped_backslashes) {
    const auto p = parse_corpus("windows_hardening__EMET_Files.reg");
    const std::string key = "HKLM\\SOFTWARE\\Policies\\Microsoft\\EMET\\Defaults";
    BOOST_TEST(require_value(p, key, "jre7_javaw").text == "*\\Java\\jre7\\bin\\javaw.exe -HeapSpray");
    BOOST_TEST(require_value(p, key, "jre8_javaw").where.str() == "windows_hardening__EMET_Files.reg:61:1");
    BOOST_TEST(p.view.find_key(key)->values.size() == 58u);
}

BOOST_AUTO_TEST_CASE(regedit4_with_spaces_around_equals_tabs_and_ctrl_z) {
    const auto p = parse_corpus("Windows-classic-samples__AppMem.reg");
    const std::string perf = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\AppMem\\Performance";
    BOOST_TEST(require_value(p, perf, "Library").text == "appmem.dll");
    BOOST_TEST(require_value(p, perf, "Close").where.str() == "Windows-classic-samples__AppMem.reg:14:1");
    const auto& types =
        require_value(p, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\AppMem", "TypesSupported");
    BOOST_TEST(types.number == 7u);
    BOOST_TEST(types.where.line == 21u);
}

BOOST_AUTO_TEST_CASE(lower_case_root_names_resolve) {
    const auto p = parse_corpus("Win11Debloat__Sysprep_Disable_Telemetry.reg");
    const auto& v = require_value(p, "HKEY_USERS\\default\\Software\\Microsoft\\Windows\\CurrentVersion\\AdvertisingInfo",
                                  "Enabled");
    BOOST_TEST(v.number == 0u);
    BOOST_TEST(v.where.str() == "Win11Debloat__Sysprep_Disable_Telemetry.reg:5:1");
    BOOST_TEST(p.view.find_key("HKU\\DEFAULT\\Software\\Microsoft\\Windows\\CurrentVersion\\Privacy")->path ==
               "HKEY_USERS\\default\\Software\\Microsoft\\Windows\\CurrentVersion\\Privacy");
}

BOOST_AUTO_TEST_CASE(value_deletions_in_utf16_files_with_lf_line_ends) {
    const auto p = parse_corpus("Win11Debloat__Undo_Enable_Device_Auto_App_Download.reg");
    BOOST_TEST((p.view.lookup("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Device Metadata",
                              "PreventDeviceMetadataFromNetwork")
                    .presence == Presence::absent));
    BOOST_TEST(p.view.find_key("HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Device Metadata")->where.line == 4u);
}

BOOST_AUTO_TEST_CASE(deleted_then_recreated_keys_and_default_after_named_value) {
    const auto p = parse_corpus("flare-vm__Add_Open_Command_Window_Here_as_Admin.reg");
    const std::string key = "HKCR\\LibraryFolder\\background\\shell\\runas";
    BOOST_TEST(require_value(p, key, "").text == "Open command window here as Admin");
    BOOST_TEST(require_value(p, key, "").where.line == 44u);
    BOOST_TEST(require_value(p, key, "HasLUAShield").text == "");
    BOOST_TEST(require_value(p, "HKCR\\Directory\\shell\\runas\\command", "").text == "cmd.exe /s /k pushd \"%V\"");
}

BOOST_AUTO_TEST_CASE(empty_hex0_and_unescaped_backslashes_are_kept) {
    const auto git = parse_corpus("ScoopInstaller-Main__git_install-associations.reg");
    const auto& none = require_value(git, "HKCU\\Software\\Classes\\.sh\\OpenWithProgIDs", "sh_auto_file");
    BOOST_TEST(none.type == 0u);
    BOOST_TEST(none.raw.empty());
    BOOST_TEST(none.where.line == 27u);
    BOOST_TEST(require_value(git, "HKCU\\Software\\Classes\\sh_auto_file\\shell\\open\\command", "").text ==
               "\"{{git_dir}}\\git-bash.exe\" --no-cd \"%L\" %*");
    const auto kf = parse_corpus("Windows-classic-samples__kfdef.reg");
    const auto* key = kf.view.keys().begin()->second.find("Icon");
    BOOST_REQUIRE(key != nullptr);
    BOOST_TEST(key->text == "%windir%\\system32\\shell32.dll,-267");
    BOOST_TEST(key->where.line == 29u);
}

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom_and_crlf_without_final_line_end) {
    const auto grep = parse_corpus("ScoopInstaller-Extras__grepwin_install-context.reg");
    BOOST_TEST(require_value(grep, "HKCU\\Software\\Classes\\Directory\\Background\\shell\\grepWin\\command", "").text ==
               "$app_path /searchpath:\"%V\"");
    const auto bc = parse_corpus("ScoopInstaller-Extras__beyondcompare-install-context-menu-32bit.reg");
    BOOST_TEST(require_value(bc, "HKCU\\SOFTWARE\\Classes\\CLSID\\{57FA2D12-D22D-490A-805A-5CB48E84F12A}\\InProcServer32", "")
                   .where.line == 7u);
    const auto shb = parse_corpus("Windows-Secure-Host-Baseline__shb.reg");
    const auto& model = require_value(shb, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\OEMInformation", "Model");
    BOOST_TEST(model.text == "v10.0.2");
    BOOST_TEST(model.where.str() == "Windows-Secure-Host-Baseline__shb.reg:24:1");
    BOOST_TEST(require_value(shb, "HKLM\\SOFTWARE\\DOD\\SHB", "InstallType").text == "Wipe&Load");
}

BOOST_AUTO_TEST_CASE(placeholder_key_names_are_ordinary_names) {
    const auto p = parse_corpus("Windows-classic-samples__registerprovider.reg");
    BOOST_TEST(require_value(p, "HKCR\\<INSERT:  ProgID for OLE DB Provider>", "").text ==
               "<INSERT:  Name of OLE DB Provider>");
    // The commented-out value on line 12 is not read.
    BOOST_TEST(require_value(p, "HKCR\\CLSID\\<INSERT:  GUID for OLE DB Provider>", "OLEDB_SERVICES").number == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
