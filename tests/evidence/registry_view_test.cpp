#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

BOOST_AUTO_TEST_SUITE(registry_view)

BOOST_AUTO_TEST_CASE(root_aliases_expand_and_case_folds) {
    BOOST_TEST(*canonical_reg_key("hklm\\Software\\X\\") == "HKEY_LOCAL_MACHINE\\SOFTWARE\\X");
    BOOST_TEST(*canonical_reg_key("HKCU") == "HKEY_CURRENT_USER");
    BOOST_TEST(*canonical_reg_key("HKU\\.DEFAULT") == "HKEY_USERS\\.DEFAULT");
    BOOST_TEST(*canonical_reg_key("HKCR\\x") == "HKEY_CLASSES_ROOT\\X");
    BOOST_TEST(*canonical_reg_key("HKCC\\x") == "HKEY_CURRENT_CONFIG\\X");
    BOOST_TEST(!canonical_reg_key("HKEY_LOCAL_MACHINE/SOFTWARE"));
    BOOST_TEST(!canonical_reg_key("{{placeholder}}\\x"));
}

BOOST_AUTO_TEST_CASE(later_files_win_and_deletions_apply_in_order) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer("REGEDIT4\n[HKLM\\K]\n\"V\"=dword:1\n", "a.reg", view, problems);
    read_reg_buffer("REGEDIT4\n[HKLM\\K]\n\"V\"=dword:2\n", "b.reg", view, problems);
    BOOST_TEST(view.lookup("HKLM\\K", "V").value->number == 2u);
    BOOST_TEST(view.lookup("HKLM\\K", "V").value->where.file == "b.reg");
    read_reg_buffer("REGEDIT4\n[-HKLM\\K]\n", "c.reg", view, problems);
    BOOST_TEST((view.lookup("HKLM\\K", "V").presence == Presence::absent));
}

namespace {

// A whole-SYSTEM export as `reg export HKLM\SYSTEM` may write it: control sets and
// Select, no CurrentControlSet.
std::string system_export(const char* select) {
    return std::string("Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SYSTEM]\n\n"
                       "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Lsa]\n\"Level\"=dword:00000001\n\n"
                       "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Control\\Lsa]\n\"Level\"=dword:00000002\n\n") +
           select;
}

const char* kCcsLsa = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa";

}  // namespace

BOOST_AUTO_TEST_CASE(current_control_set_maps_to_the_set_select_current_names) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(system_export("[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000002\n"), "s.reg", view,
                    problems);
    const auto found = view.lookup(kCcsLsa, "Level");
    BOOST_REQUIRE(found.presence == Presence::present);
    BOOST_TEST(found.value->number == 2u);
    BOOST_TEST(found.value->where.str() == "s.reg:9:1");
    BOOST_TEST((view.lookup(kCcsLsa, "Other").presence == Presence::absent));
    BOOST_TEST(view.find_key(kCcsLsa)->path == "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Control\\Lsa");
}

BOOST_AUTO_TEST_CASE(current_control_set_is_not_collected_when_select_is_missing) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(system_export(""), "s.reg", view, problems);
    BOOST_TEST((view.lookup(kCcsLsa, "Level").presence == Presence::not_collected));
    BOOST_TEST((view.lookup(kCcsLsa, "Other").presence == Presence::not_collected));
    BOOST_TEST((view.key_presence(kCcsLsa) == Presence::not_collected));
}

BOOST_AUTO_TEST_CASE(an_exported_current_control_set_is_read_as_it_is) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(system_export("[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000002\n\n"
                                  "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa]\n\"Level\"=dword:00000005\n"),
                    "s.reg", view, problems);
    BOOST_TEST(view.lookup(kCcsLsa, "Level").value->number == 5u);
}

BOOST_AUTO_TEST_CASE(filtered_load_of_a_utf16_system_export_maps_current_control_set) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    needs.registry_keys.insert(*canonical_reg_key(kCcsLsa));
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(test::as_regedit_utf16(system_export("[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000001\n")),
                    "s.reg", view, problems, &needs);
    const auto found = view.lookup(kCcsLsa, "Level");
    BOOST_REQUIRE(found.presence == Presence::present);
    BOOST_TEST(found.value->number == 1u);
    BOOST_TEST(found.value->where.str() == "s.reg:6:1");
}

BOOST_AUTO_TEST_CASE(filtered_load_naming_a_control_set_directly_finds_it) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    needs.registry_keys.insert(*canonical_reg_key("HKLM\\SYSTEM\\ControlSet002\\Control\\Lsa"));
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(test::as_regedit_utf16(system_export("")), "s.reg", view, problems, &needs);
    BOOST_REQUIRE(view.lookup("HKLM\\SYSTEM\\ControlSet002\\Control\\Lsa", "Level").value != nullptr);
    BOOST_TEST(view.lookup("HKLM\\SYSTEM\\ControlSet002\\Control\\Lsa", "Level").value->number == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
