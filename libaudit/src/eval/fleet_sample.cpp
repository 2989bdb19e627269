// One host's side of a fleet check: is it one of the hosts compared, does its own
// test hold, and the effective value of every `same_on_all_hosts` read.
#include <algorithm>

#include <fmt/format.h>

#include "eval/fleet.hpp"
#include "eval/host_facts.hpp"
#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

void on_host(const std::string& host, std::vector<EvidenceRef> evidence, std::vector<EvidenceRef>& out) {
    for (auto& e : evidence) {
        e.locator = fmt::format("{}: {}", host, e.locator);
        out.push_back(std::move(e));
    }
}

// Schannel reads a DWORD as "0 = off, anything else = on" (CHECKS.md P1), so
// 0xffffffff and 1 are the same setting.
std::string effective(const Observed& o, bool nonzero) {
    if (nonzero && o.number) return *o.number == 0 ? "0" : "non-zero";
    if (o.is_list) return fmt::format("[{}]", fmt::join(o.list, ", "));
    return o.text;
}

FleetRead read_registry(const Leaf& leaf, const RegistrySource& reg, const Context& ctx) {
    FleetRead out;
    out.ref.locator = fmt::format("{}: {}", ctx.host.host, render_source(reg));
    const RegLookup found = ctx.host.registry.lookup(reg.canonical, reg.value_name);
    switch (found.presence) {
        case Presence::not_collected:
            out.state = FleetRead::State::not_collected;
            out.ref.observed = "not collected";
            out.problem = fmt::format("{} is outside every exported registry subtree", out.ref.locator);
            return out;
        case Presence::damaged:
            out.state = FleetRead::State::error;
            out.ref.where = *found.damage;
            out.ref.observed = "unreadable";
            out.problem = fmt::format("{} is on a line that could not be read ({})", out.ref.locator, found.damage->str());
            return out;
        case Presence::absent: {
            out.ref.where = found.key ? found.key->where : found.coverage->where;
            if (!reg.default_value) {
                // Absent under an exported subtree is a state, and two hosts without
                // the value are configured alike.
                out.value = "absent";
                out.ref.observed = "absent";
                return out;
            }
            Observed o;
            o.number = reg.default_value->number;
            o.text = o.number ? std::to_string(*o.number) : reg.default_value->text;
            out.value = effective(o, leaf.compare_nonzero);
            out.ref.observed = fmt::format("absent (OS default {} assumed)", reg.default_value->text);
            out.ref.default_assumed = true;
            return out;
        }
        case Presence::present: break;
    }
    const RegValue& value = *found.value;
    out.ref.where = value.where;
    out.ref.observed = fmt::format("{} {}", reg_type_name(value.type), value.display());
    if (reg.expected_type && *reg.expected_type != value.type) {
        out.state = FleetRead::State::error;
        out.problem = fmt::format("{} has type {} where {} is expected", out.ref.locator, reg_type_name(value.type),
                                  reg_type_name(*reg.expected_type));
        return out;
    }
    Observed o;
    if (value.is_number()) {
        o.number = value.type == static_cast<std::uint32_t>(RegType::qword) ? value.number : (value.number & 0xFFFFFFFFULL);
        o.text = std::to_string(*o.number);
    } else {
        o.text = value.display();
    }
    out.value = effective(o, leaf.compare_nonzero);
    return out;
}

// Every item the source selects; several items compare as a sorted list, so the
// order of objects in an export does not matter.
FleetRead read_objects(const Leaf& leaf, const ObjectSource& source, const Context& ctx) {
    FleetRead out;
    out.ref.locator = fmt::format("{}: {}", ctx.host.host, render_read(leaf));
    ObjectItems selected = object_items(source, ctx);
    out.ref.where = selected.where;
    if (selected.state != ObjectItems::State::ok) {
        out.state = selected.state == ObjectItems::State::not_collected ? FleetRead::State::not_collected
                                                                         : FleetRead::State::error;
        out.ref.observed = selected.state == ObjectItems::State::not_collected ? "not collected" : "unreadable";
        out.problem = fmt::format("{}: {}", ctx.host.host, selected.problem);
        return out;
    }
    if (selected.collection && !selected.collection->problems.empty()) {
        out.state = FleetRead::State::error;
        out.ref.observed = "unreadable";
        out.problem = fmt::format("{}: {} objects could not all be read ({})", ctx.host.host, source.type,
                                  selected.collection->problems.front().str());
        return out;
    }
    std::vector<std::string> values;
    for (const auto& item : selected.items) {
        switch (item.state) {
            case Item::State::bad:
                out.state = FleetRead::State::error;
                out.ref.where = item.where;
                out.ref.observed = "unreadable";
                out.problem = fmt::format("{}: {}", ctx.host.host, item.problem);
                return out;
            case Item::State::absent:
                values.push_back(source.default_value ? source.default_value->text : "absent");
                break;
            case Item::State::null:
                values.push_back(source.null_as ? source.null_as->text : "null");
                break;
            case Item::State::value:
                values.push_back(effective(item.observed, leaf.compare_nonzero));
                break;
        }
    }
    if (!selected.items.empty()) out.ref.where = selected.items.front().where;
    std::sort(values.begin(), values.end());
    out.value = values.size() == 1 ? values.front() : fmt::format("[{}]", fmt::join(values, ", "));
    out.ref.observed = values.empty() ? "no value" : out.value;
    return out;
}

}  // namespace

FleetSample unreadable_fleet_sample(const std::string& host, const std::string& problem) {
    FleetSample s;
    s.host = host;
    s.role = FleetSample::Role::error;
    s.problem = problem;
    return s;
}

FleetSample sample_fleet_check(const Check& check, const HostEvidence& host, const Profile* profile) {
    FleetSample s;
    s.host = host.host;
    const ParameterMap parameters = parameters_for(check, profile);
    const Context ctx{host, parameters};

    if (check.applies_when) {
        Walk applies;
        const Truth t = walk_condition(*check.applies_when, ctx, applies);
        // As for host checks: leaving a host out needs positive evidence.
        const bool decided = !applies.not_collected && !applies.error && !applies.absent_no_default;
        if (t != Truth::yes) {
            s.role = t == Truth::no && decided ? FleetSample::Role::outside
                     : applies.error           ? FleetSample::Role::error
                                               : FleetSample::Role::undecided;
            s.problem = applies.first_problem.empty() ? "cannot tell whether the check applies" : applies.first_problem;
            on_host(host.host, std::move(applies.evidence), s.evidence);
            return s;
        }
    }
    if (!check.group_by.empty()) {
        const FactValue group = host_fact(host, check.group_by);
        if (group.presence != Presence::present || group.text.empty()) {
            s.role = group.presence == Presence::damaged ? FleetSample::Role::error : FleetSample::Role::undecided;
            s.problem = fmt::format("fact {} is not known for {}", check.group_by, host.host);
            s.evidence.push_back({group.where, fmt::format("{}: fact {}", host.host, check.group_by), "not collected", false});
            return s;
        }
        s.group = group.text;
    }
    s.role = FleetSample::Role::member;

    if (check.test) {
        Walk walk;
        const Truth t = walk_condition(*check.test, ctx, walk);
        // The order of evaluate_check: a false test fails even with evidence missing.
        std::string unmet;
        for (const auto& u : walk.unmet) unmet += (unmet.empty() ? "" : "; ") + u;
        if (t == Truth::no) {
            s.test = Status::fail;
            s.problem = unmet.empty() ? walk.first_problem : unmet;
        } else if (t == Truth::error || walk.error) {
            s.test = Status::error;
            s.problem = walk.first_problem;
        } else if (t == Truth::unknown || walk.not_collected) {
            s.test = Status::not_collected;
            s.problem = walk.first_problem;
        } else if (walk.absent_no_default) {
            s.test = Status::fail;
            s.problem = walk.first_problem;
        }
        if (s.test != Status::pass) on_host(host.host, std::move(walk.evidence), s.evidence);
    }

    for (const auto& read : check.same_on_all_hosts) {
        const Leaf& leaf = read->leaf;
        if (const auto* reg = std::get_if<RegistrySource>(&leaf.source))
            s.reads.push_back(read_registry(leaf, *reg, ctx));
        else if (const auto* obj = std::get_if<ObjectSource>(&leaf.source))
            s.reads.push_back(read_objects(leaf, *obj, ctx));
        else
            s.reads.push_back({FleetRead::State::error, {}, {}, "this source cannot be compared across hosts"});
    }
    return s;
}

}  // namespace hardcheck::detail
