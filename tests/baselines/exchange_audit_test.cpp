// The built-in baseline exchange-audit (AUD-01, AUD-02) on the CLIXML bundles of
// tests/data/fixtures/aud/ (README there).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-audit", "AUD-01", "aud/pass", Status::pass,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = Admin Audit Log Settings: AdminAuditLogEnabled = true; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = Admin Audit Log Settings: AdminAuditLogCmdlets = [*]; AdminAuditLogConfig.AdminAuditLogParameters (all) = Admin Audit Log Settings: AdminAuditLogParameters = [*]; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = Admin Audit Log Settings: AdminAuditLogExcludedCmdlets[*] = 'Get-*', Admin Audit Log Settings: AdminAuditLogExcludedCmdlets[*] = 'Test-*'; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:14"},
    {"exchange-audit", "AUD-01", "aud/pass-timespan", Status::pass,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = Admin Audit Log Settings: AdminAuditLogEnabled = true; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = Admin Audit Log Settings: AdminAuditLogCmdlets = [*]; AdminAuditLogConfig.AdminAuditLogParameters (all) = Admin Audit Log Settings: AdminAuditLogParameters = [*]; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = no items; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:14"},
    // An empty exclusion list exported as <Nil/> excludes nothing (it was an error before).
    {"exchange-audit", "AUD-01", "aud/pass-nil-exclusions", Status::pass,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = Admin Audit Log Settings: AdminAuditLogEnabled = true; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = Admin Audit Log Settings: AdminAuditLogCmdlets = [*]; AdminAuditLogConfig.AdminAuditLogParameters (all) = Admin Audit Log Settings: AdminAuditLogParameters = [*]; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = Admin Audit Log Settings: AdminAuditLogExcludedCmdlets[*] = null; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:14"},
    {"exchange-audit", "AUD-01", "aud/fail", Status::fail,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = Admin Audit Log Settings: AdminAuditLogEnabled = true; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = Admin Audit Log Settings: AdminAuditLogCmdlets = [*]; AdminAuditLogConfig.AdminAuditLogParameters (all) = Admin Audit Log Settings: AdminAuditLogParameters = [*]; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = Admin Audit Log Settings: AdminAuditLogExcludedCmdlets[*] = 'Set-Mailbox'; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:14"},
    {"exchange-audit", "AUD-01", "aud/fail-disabled", Status::fail,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = Admin Audit Log Settings: AdminAuditLogEnabled = false; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = Admin Audit Log Settings: AdminAuditLogCmdlets = [*]; AdminAuditLogConfig.AdminAuditLogParameters (all) = Admin Audit Log Settings: AdminAuditLogParameters = [*]; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = no items; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:14"},
    {"exchange-audit", "AUD-01", "aud/missing", Status::not_collected,
     "AdminAuditLogConfig.AdminAuditLogEnabled (all) = not collected; AdminAuditLogConfig.AdminAuditLogCmdlets (all) = not collected; AdminAuditLogConfig.AdminAuditLogParameters (all) = not collected; AdminAuditLogConfig.AdminAuditLogExcludedCmdlets[*] (none) = not collected; AdminAuditLogConfig (count >= 1) = not collected",
     ""},
    {"exchange-audit", "AUD-02", "aud/pass", Status::pass,
     "AdminAuditLogConfig.AdminAuditLogAgeLimit (all) = Admin Audit Log Settings: AdminAuditLogAgeLimit = '365.00:00:00'; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:47"},
    {"exchange-audit", "AUD-02", "aud/pass-timespan", Status::pass,
     "AdminAuditLogConfig.AdminAuditLogAgeLimit (all) = Admin Audit Log Settings: AdminAuditLogAgeLimit = P90D; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:44"},
    {"exchange-audit", "AUD-02", "aud/fail", Status::fail,
     "AdminAuditLogConfig.AdminAuditLogAgeLimit (all) = Admin Audit Log Settings: AdminAuditLogAgeLimit = '00:00:00'; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:46"},
    {"exchange-audit", "AUD-02", "aud/fail-disabled", Status::fail,
     "AdminAuditLogConfig.AdminAuditLogAgeLimit (all) = Admin Audit Log Settings: AdminAuditLogAgeLimit = P30D; AdminAuditLogConfig (count >= 1) = Admin Audit Log Settings",
     "GetAdminAuditLogConfig.xml:44"},
    {"exchange-audit", "AUD-02", "aud/missing", Status::not_collected,
     "AdminAuditLogConfig.AdminAuditLogAgeLimit (all) = not collected; AdminAuditLogConfig (count >= 1) = not collected",
     ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_audit)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
