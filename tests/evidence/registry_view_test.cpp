#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
