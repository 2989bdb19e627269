// The fact os_update_lag_days (CHECKS.md EXV-06): is the Windows cumulative update
// level recent enough?  The leaf is `le: N` (os_patch_max_age_days).
//
// First way: CurrentBuild.UBR against the Windows update table of the check's version
// data.  The update due is the newest one listed for that build released more than N
// days before collected_at; the host passes when its UBR is at least that update's.
// The table can only vouch for updates released up to its "as of" date, so when that
// date is before the due date window closes (collected_at - N days) a host that has
// every listed update cannot be called current from the table.
// Second way, when the first cannot decide: the newest Get-HotFix InstalledOn (typed
// <DT>, never the locale string) within N days of collected_at.
// Neither: not collected.
#include <fmt/format.h>

#include "ascii.hpp"
#include "baseline/version_data.hpp"
#include "eval/host_facts.hpp"
#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

constexpr std::string_view kFact = "os_update_lag_days";

struct Decision {
    Truth truth = Truth::unknown;  // unknown: this way cannot decide, see `why`
    std::string observed;
    std::string why;
    SourceLocation where;
    std::string source;
};

std::string release_of(const WindowsUpdate& u) {
    return fmt::format("{}, released {}{}", u.kb, u.released, u.confirmed ? "" : ", unconfirmed");
}

Decision by_update_table(const Context& ctx, std::int64_t collected, std::uint64_t max_age) {
    Decision d;
    const VersionData* table = nullptr;
    if (ctx.check)
        for (const auto& data : ctx.check->version_data)
            if (data && !data->windows_updates.empty()) table = data.get();
    d.source = table ? fmt::format("CurrentBuild.UBR against {}", table->name) : "CurrentBuild.UBR";
    if (!table) {
        d.why = "the check names no version data with windows_updates";
        return d;
    }
    const FactValue os = host_fact(ctx.host, "os_build");
    const FactValue ubr = host_fact(ctx.host, "ubr");
    if (os.presence != Presence::present || ubr.presence != Presence::present) {
        const Presence missing = os.presence != Presence::present ? os.presence : ubr.presence;
        d.why = fmt::format("CurrentBuild or UBR is {}", missing == Presence::damaged ? "unreadable"
                                                         : missing == Presence::absent ? "absent"
                                                                                       : "not collected");
        return d;
    }
    const Observed build = observe_text(os.text), revision = observe_text(ubr.text);
    if (!build.number || !revision.number) {
        d.why = fmt::format("CurrentBuild '{}' or UBR '{}' is not a number", os.text, ubr.text);
        return d;
    }
    d.where = ubr.where;
    const std::string installed = fmt::format("{}.{}", *build.number, *revision.number);
    const auto found = table->windows_updates.find(*build.number);
    if (found == table->windows_updates.end()) {
        d.why = fmt::format("{} lists no update for build {}", table->name, *build.number);
        return d;
    }
    // Due: released more than max_age days before collection, i.e. before `cutoff`.
    const std::int64_t cutoff = collected - static_cast<std::int64_t>(max_age);
    const WindowsUpdate* due = nullptr;
    for (const auto& u : found->second)
        if (*day_number(u.released) < cutoff) due = &u;  // the table is sorted by UBR
    if (due && *revision.number < due->ubr) {
        d.truth = Truth::no;
        d.observed = fmt::format("{}; expected at least {}.{} ({})", installed, *build.number, due->ubr, release_of(*due));
        return d;
    }
    if (*day_number(table->as_of) < cutoff) {
        d.why = fmt::format("{} is as of {} and cannot show every update released more than {} days before the collection",
                            table->name, table->as_of, max_age);
        return d;
    }
    if (!due) {
        d.why = fmt::format("{} lists no update for build {} released more than {} days before the collection",
                            table->name, *build.number, max_age);
        return d;
    }
    d.truth = Truth::yes;
    d.observed = fmt::format("{}; expected at least {}.{} ({})", installed, *build.number, due->ubr, release_of(*due));
    return d;
}

// The newest typed InstalledOn of the top-level Get-HotFix objects.
Decision by_hotfix(const Context& ctx, std::int64_t collected, std::uint64_t max_age) {
    Decision d;
    d.source = "Get-HotFix InstalledOn";
    const ObjectCollection* fixes = ctx.host.find_objects("Get-HotFix");
    if (!fixes) {
        d.why = "no Get-HotFix export";
        return d;
    }
    if (!fixes->problems.empty()) {
        d.truth = Truth::error;
        d.why = fmt::format("the Get-HotFix export is damaged: {}", fixes->problems.front().message);
        return d;
    }
    const PsValue* newest = nullptr;
    const PsObject* newest_fix = nullptr;
    std::int64_t newest_day = 0;
    for (const auto& fix : fixes->objects)
        for (const auto& p : fix->properties) {
            // The Props copy is a locale-formatted string; the MS copy is the typed date.
            if (p.value.kind != PsValue::Kind::datetime || p.name.size() != 11 || !iequals(p.name, "InstalledOn")) continue;
            const auto day = day_number(p.value.text);
            if (day && (!newest || *day > newest_day)) {
                newest = &p.value;
                newest_fix = fix.get();
                newest_day = *day;
            }
        }
    if (!newest) {
        d.why = "no Get-HotFix entry has a typed InstalledOn date";
        return d;
    }
    const PsValue* id = newest_fix->property("HotFixID");
    const std::int64_t age = collected - newest_day;
    d.where = newest->where;
    d.observed = fmt::format("newest hotfix {} installed {}, {} days before the collection",
                             id ? id->text : std::string("(no HotFixID)"), newest->text.substr(0, 10), age);
    d.truth = age <= static_cast<std::int64_t>(max_age) ? Truth::yes : Truth::no;
    return d;
}

}  // namespace

Truth evaluate_os_update(const Leaf& leaf, const Context& ctx, Walk& walk) {
    EvidenceRef ref;
    auto finish = [&](Truth t, std::string locator_source, std::string observed) {
        ref.locator = fmt::format("fact {} ({})", kFact, locator_source);
        ref.observed = std::move(observed);
        walk.evidence.push_back(std::move(ref));
        return t;
    };
    const auto operands = leaf_operands(leaf, ctx);
    if (!leaf.has_op || leaf.op != Op::le || operands.size() != 1 || !operands.front().number) {
        walk.error = true;
        walk.problem(fmt::format("fact {} is tested with 'le: DAYS' (a number)", kFact));
        return finish(Truth::error, "update age", "unusable operator");
    }
    const std::uint64_t max_age = *operands.front().number;
    const auto stamp = ctx.host.facts.find("collected_at");
    const auto collected = stamp == ctx.host.facts.end() ? std::nullopt : day_number(stamp->second);
    if (!collected) {
        walk.not_collected = true;
        walk.problem(fmt::format("fact {} needs the collection date: host.yaml has no usable collected_at", kFact));
        ref.where = {(ctx.host.directory / "host.yaml").string(), 0, 0};
        return finish(Truth::unknown, "collected_at", "not collected");
    }
    Decision table = by_update_table(ctx, *collected, max_age);
    if (table.truth != Truth::unknown) {
        ref.where = table.where;
        return finish(table.truth, table.source, table.observed);
    }
    Decision hotfix = by_hotfix(ctx, *collected, max_age);
    ref.where = hotfix.where;
    if (hotfix.truth == Truth::yes || hotfix.truth == Truth::no)
        return finish(hotfix.truth, hotfix.source, fmt::format("{} ({})", hotfix.observed, table.why));
    if (hotfix.truth == Truth::error) {
        walk.error = true;
        walk.problem(hotfix.why);
        return finish(Truth::error, hotfix.source, "unreadable");
    }
    walk.not_collected = true;
    walk.problem(fmt::format("fact {} cannot be derived: {}; {}", kFact, table.why, hotfix.why));
    if (ref.where.file.empty()) ref.where = table.where;
    return finish(Truth::unknown, fmt::format("{}, else {}", table.source, hotfix.source), "not collected");
}

}  // namespace hardcheck::detail
