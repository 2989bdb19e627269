// HealthChecker's TLS settings object (Get-AllTlsSettings, saved by its collector as
// OS/GetAllTlsSettings.xml) mapped into the registry model and the
// Get-TlsCipherSuite collection, so that the TLS and .NET checks run on it unchanged.
#pragma once

#include <string>

#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

// Where mapped keys say they came from (RegKey::origin).
inline constexpr const char* kHealthCheckerTlsOrigin = "HealthChecker TLS settings object";

// True when a top-level object has the shape of that object: a property `Registry`
// holding an object whose `TLS` or `NET` property is a dictionary.  Recognised by
// shape, not by file name, so a renamed file still counts.
bool is_healthchecker_tls_settings(const PsObject& object);

// Adds what the object reports to `host`:
// - per TLS version listed (dictionary key "1.0" ... "1.3"), the keys
//   SCHANNEL\Protocols\TLS x.y\Server and \Client with Enabled and DisabledByDefault;
// - per .NET entry (NETv4, NETv2), SOFTWARE\[WOW6432Node\]Microsoft\.NETFramework\<ver>
//   with SystemDefaultTlsVersions and SchUseStrongCrypto;
// - the TlsCipherSuite list as the Get-TlsCipherSuite collection.
// Each mapped key is a covered subtree of its own: a Nil value is absent there (the
// check's OS default applies), anything the object does not list stays not
// collected.  Keys are chosen by the dictionary key, never by the object's
// *RegistryPath strings.  A key (or cipher collection) that a real export already
// covers is left alone: the export wins.  Values of the wrong shape become damaged
// values (checks give `error`) and are reported in host.problems.
void apply_healthchecker_tls(const PsObject& object, HostEvidence& host);

}  // namespace hardcheck::detail
