// `hardcheck collect-script`: the PowerShell script that gathers, on one server,
// exactly the evidence a set of baselines reads (their compiled EvidenceNeeds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

// `text` as one PowerShell expression that evaluates to exactly `text`: a
// single-quoted literal with quotes doubled; characters PowerShell also takes for
// a single quote (U+2018..U+201B) and control characters are spliced in as
// [char]0xNNNN so that nothing in the text can end the literal.
HARDCHECK_API std::string powershell_quote(std::string_view text);

// How the script exports one object source of a baseline (a type name or a cmdlet
// name as written): the cmdlet and its arguments, already PowerShell text.  An empty
// cmdlet means no known cmdlet returns that type: the script says so instead.
struct HARDCHECK_API ObjectCollector {
    std::string cmdlet;     // Get-ExchangeServer
    std::string arguments;  // splat hashtable body, e.g. "Identity = 'Organization Management'"
    bool exchange = false;  // needs the Exchange Management Shell
};
HARDCHECK_API ObjectCollector object_collector_for(std::string_view source);

// The registry keys the script exports for `needs`, in sorted order (canonical
// spelling): each needed key not below another, where two or more needed siblings
// are replaced by their parent when it is at least ROOT\A\B\C\D\E deep.
HARDCHECK_API std::vector<std::string> registry_export_roots(const EvidenceNeeds& needs);

// The script for these baselines (their needs merged).
HARDCHECK_API std::string collect_script(const std::vector<const CompiledBaseline*>& baselines);

}  // namespace hardcheck
