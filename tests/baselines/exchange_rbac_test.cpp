// The built-in baseline exchange-rbac (RBAC-01..03) on the CLIXML bundles of
// tests/data/fixtures/rbac/ (README there); RBAC-03 is manual.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-rbac", "RBAC-01", "rbac/pass", Status::pass,
     "Get-RoleGroupMember (count >= 1 and <= {param: org_admin_max}) = Administrator; Get-RoleGroupMember.SamAccountName (all) = Administrator: SamAccountName = 'Administrator'",
     "GetRoleGroupMember.xml:2"},
    {"exchange-rbac", "RBAC-01", "rbac/fail", Status::fail,
     "Get-RoleGroupMember (count >= 1 and <= {param: org_admin_max}) = Administrator, helpdesk01; Get-RoleGroupMember.SamAccountName (all) = Administrator: SamAccountName = 'Administrator', helpdesk01: SamAccountName = 'helpdesk01'",
     "GetRoleGroupMember.xml:2"},
    {"exchange-rbac", "RBAC-01", "rbac/missing", Status::not_collected,
     "Get-RoleGroupMember (count >= 1 and <= {param: org_admin_max}) = not collected; Get-RoleGroupMember.SamAccountName (all) = not collected",
     ""},
    {"exchange-rbac", "RBAC-02", "rbac/pass", Status::pass,
     "Get-ManagementRoleAssignment.Role (all) = Mailbox Import Export-Organization Management-Delegating: Role = 'Mailbox Import Export', ApplicationImpersonation-Organization Management: Role = 'ApplicationImpersonation', ApplicationImpersonation-RIM-MailboxAdmins: Role = 'ApplicationImpersonation'; Get-ManagementRoleAssignment.Enabled (all) = Mailbox Import Export-Organization Management-Delegating: Enabled = true, ApplicationImpersonation-Organization Management: Enabled = true, ApplicationImpersonation-RIM-MailboxAdmins: Enabled = false; Get-ManagementRoleAssignment.Delegating (all) = Mailbox Import Export-Organization Management-Delegating: Delegating = true, ApplicationImpersonation-Organization Management: Delegating = false, ApplicationImpersonation-RIM-MailboxAdmins: Delegating = false; Get-ManagementRoleAssignment where (Role in [Mailbox Import Export, ApplicationImpersonation] and Enabled equals true and Delegating equals false).RoleAssigneeName (all) = ApplicationImpersonation-Organization Management: RoleAssigneeName = 'Organization Management'; Get-ManagementRoleAssignment (count >= 1) = Mailbox Import Export-Organization Management-Delegating, ApplicationImpersonation-Organization Management, ApplicationImpersonation-RIM-MailboxAdmins",
     "GetManagementRoleAssignment.xml:14"},
    {"exchange-rbac", "RBAC-02", "rbac/fail", Status::fail,
     "Get-ManagementRoleAssignment.Role (all) = Mailbox Import Export-Organization Management-Delegating: Role = 'Mailbox Import Export', Mailbox Import Export-helpdesk01: Role = 'Mailbox Import Export'; Get-ManagementRoleAssignment.Enabled (all) = Mailbox Import Export-Organization Management-Delegating: Enabled = true, Mailbox Import Export-helpdesk01: Enabled = true; Get-ManagementRoleAssignment.Delegating (all) = Mailbox Import Export-Organization Management-Delegating: Delegating = true, Mailbox Import Export-helpdesk01: Delegating = false; Get-ManagementRoleAssignment where (Role in [Mailbox Import Export, ApplicationImpersonation] and Enabled equals true and Delegating equals false).RoleAssigneeName (all) = Mailbox Import Export-helpdesk01: RoleAssigneeName = 'helpdesk01'; Get-ManagementRoleAssignment (count >= 1) = Mailbox Import Export-Organization Management-Delegating, Mailbox Import Export-helpdesk01",
     "GetManagementRoleAssignment.xml:14"},
    {"exchange-rbac", "RBAC-02", "rbac/missing", Status::not_collected,
     "Get-ManagementRoleAssignment.Role (all) = not collected; Get-ManagementRoleAssignment.Enabled (all) = not collected; Get-ManagementRoleAssignment.Delegating (all) = not collected; Get-ManagementRoleAssignment where (Role in [Mailbox Import Export, ApplicationImpersonation] and Enabled equals true and Delegating equals false).RoleAssigneeName (all) = not collected; Get-ManagementRoleAssignment (count >= 1) = not collected",
     ""},
    // Without Enabled and Delegating the filter dropped helpdesk01's assignment and the
    // check passed on no evidence; the property leaves make it fail.
    {"exchange-rbac", "RBAC-02", "rbac/fail-properties-missing", Status::fail,
     "Get-ManagementRoleAssignment.Role (all) = Mailbox Import Export-helpdesk01: Role = 'Mailbox Import Export'; Get-ManagementRoleAssignment.Enabled (all) = Mailbox Import Export-helpdesk01: Enabled = absent; Get-ManagementRoleAssignment.Delegating (all) = Mailbox Import Export-helpdesk01: Delegating = absent; Get-ManagementRoleAssignment where (Role in [Mailbox Import Export, ApplicationImpersonation] and Enabled equals true and Delegating equals false).RoleAssigneeName (all) = no items; Get-ManagementRoleAssignment (count >= 1) = Mailbox Import Export-helpdesk01",
     "GetManagementRoleAssignment.xml:14"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_rbac)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(rbac03_is_manual_with_the_split_permissions_procedure_as_guidance) {
    hardcheck::test::expect_manual("exchange-rbac", "RBAC-03", "rbac/pass", "setup.exe /PrepareAD /ActiveDirectorySplitPermissions:true");
}

// Get-RoleGroupMember and Get-ManagementRoleAssignment name their cmdlets in the YAML;
// their objects carry other type names.
BOOST_AUTO_TEST_CASE(rbac_cmdlets_select_their_objects_by_type_name) {
    BOOST_TEST(object_type_matches("Microsoft.Exchange.Data.Directory.Management.ReducedRecipient", "Get-RoleGroupMember"));
    BOOST_TEST(object_type_matches("Deserialized.Microsoft.Exchange.Data.Directory.Management.ExchangeRoleAssignmentPresentation",
                                   "Get-ManagementRoleAssignment"));
    BOOST_TEST(!object_type_matches("Microsoft.Exchange.Data.Directory.Management.User", "Get-RoleGroupMember"));
}

BOOST_AUTO_TEST_SUITE_END()
