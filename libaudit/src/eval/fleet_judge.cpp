// The fleet side of a fleet check: every host's sample, in host order, judged into
// one result.  A difference seen is a fail even when other hosts lack evidence (it
// cannot become a pass); otherwise a host that could not be sampled keeps the result
// from passing or from being "not applicable".
#include <algorithm>

#include <fmt/format.h>

#include "eval/fleet.hpp"
#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

constexpr std::size_t kMaxShownFindings = 8;

struct Group {
    std::string name;
    std::vector<const FleetSample*> members;
};

// The value most hosts have; a tie goes to the host named first.
const FleetRead* reference_read(const std::vector<const FleetSample*>& members, std::size_t i) {
    std::vector<std::pair<const FleetRead*, std::size_t>> counts;  // first holder, hosts with the value
    for (const auto* m : members) {
        const FleetRead& read = m->reads[i];
        if (read.state != FleetRead::State::value) continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first->value == read.value; });
        if (it == counts.end())
            counts.emplace_back(&read, 1);
        else
            ++it->second;
    }
    const FleetRead* best = nullptr;
    std::size_t best_count = 0;
    for (const auto& [read, count] : counts)
        if (count > best_count) best = read, best_count = count;
    return best;
}

std::string where_text(const SourceLocation& where) { return where.file.empty() ? "not in the bundle" : where.str(); }

std::string join_capped(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size() && i < kMaxShownFindings; ++i) out += (i ? "; " : "") + lines[i];
    if (lines.size() > kMaxShownFindings) out += fmt::format("; and {} more (see the evidence)", lines.size() - kMaxShownFindings);
    return out;
}

}  // namespace

Result judge_fleet_check(const Check& check, const std::vector<FleetSample>& samples) {
    Result r;
    r.host = std::string(kFleetHost);
    r.check_id = check.id;
    r.title = check.title;
    r.severity = check.severity;
    r.references = check.references;
    r.tags = check.tags;
    r.expected = check.expected_text;

    std::vector<Group> groups;  // in order of their first host
    std::vector<std::string> differences, problems;
    std::vector<EvidenceRef> difference_evidence, problem_evidence;
    bool error = false, missing = false;
    for (const auto& s : samples) {
        switch (s.role) {
            case FleetSample::Role::member: {
                auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.name == s.group; });
                if (it == groups.end()) it = groups.insert(groups.end(), Group{s.group, {}});
                it->members.push_back(&s);
                break;
            }
            case FleetSample::Role::outside: break;
            case FleetSample::Role::undecided:
            case FleetSample::Role::error:
                (s.role == FleetSample::Role::error ? error : missing) = true;
                problems.push_back(fmt::format("{}: {}", s.host, s.problem));
                problem_evidence.insert(problem_evidence.end(), s.evidence.begin(), s.evidence.end());
                break;
        }
    }

    std::size_t compared_groups = 0;
    std::vector<std::string> compared_hosts;
    std::vector<EvidenceRef> pass_evidence;
    for (const auto& g : groups) {
        if (g.members.size() < 2) continue;  // one host has nothing to be compared with
        ++compared_groups;
        const std::string in_group = check.group_by.empty() ? "" : fmt::format("{} {}: ", check.group_by, g.name);
        for (const auto* m : g.members) {
            compared_hosts.push_back(m->host);
            if (m->test == Status::pass) continue;
            auto& lines = m->test == Status::fail ? differences : problems;
            auto& evidence = m->test == Status::fail ? difference_evidence : problem_evidence;
            if (m->test == Status::error) error = true;
            if (m->test == Status::not_collected) missing = true;
            lines.push_back(fmt::format("{}{}: {}", in_group, m->host, m->problem));
            evidence.insert(evidence.end(), m->evidence.begin(), m->evidence.end());
        }
        for (std::size_t i = 0; i < check.same_on_all_hosts.size(); ++i) {
            const std::string what = render_read(check.same_on_all_hosts[i]->leaf);
            const FleetRead* reference = reference_read(g.members, i);
            const FleetSample* reference_host = nullptr;
            for (const auto* m : g.members)
                if (&m->reads[i] == reference) reference_host = m;
            if (reference) pass_evidence.push_back(reference->ref);
            bool reference_shown = false;
            for (const auto* m : g.members) {
                const FleetRead& read = m->reads[i];
                if (read.state != FleetRead::State::value) {
                    (read.state == FleetRead::State::error ? error : missing) = true;
                    problems.push_back(read.problem);
                    problem_evidence.push_back(read.ref);
                    continue;
                }
                if (read.value == reference->value) continue;
                differences.push_back(fmt::format("{}{} differs from {}: {} is {} ({}) where {} has {} ({})", in_group,
                                                  m->host, reference_host->host, what, read.ref.observed,
                                                  where_text(read.ref.where), reference_host->host,
                                                  reference->ref.observed, where_text(reference->ref.where)));
                if (!reference_shown) difference_evidence.push_back(reference->ref);
                reference_shown = true;
                difference_evidence.push_back(read.ref);
            }
        }
    }

    if (!differences.empty()) {
        r.status = Status::fail;
        r.evidence = std::move(difference_evidence);
        r.message = fmt::format("Not the same on every host: {}.", join_capped(differences));
    } else if (error || missing) {
        r.status = error ? Status::error : Status::not_collected;
        r.evidence = std::move(problem_evidence);
        r.message = fmt::format("{}: {}.", error ? "Evidence could not be evaluated" : "Evidence missing from a bundle",
                                join_capped(problems));
    } else if (compared_groups == 0) {
        r.status = Status::not_applicable;
        std::size_t members = 0;
        for (const auto& g : groups) members += g.members.size();
        r.message = check.group_by.empty()
                        ? fmt::format("Fewer than two hosts to compare: the check applies to {} host(s) of this run.", members)
                        : fmt::format("No {} has two hosts to compare in this run.", check.group_by);
    } else {
        r.status = Status::pass;
        r.evidence = std::move(pass_evidence);
        r.message = fmt::format("The same on all {} hosts compared ({}).", compared_hosts.size(),
                                fmt::join(compared_hosts, ", "));
    }
    r.observed = join_observed(r.evidence);
    r.default_assumed = std::any_of(r.evidence.begin(), r.evidence.end(), [](const EvidenceRef& e) { return e.default_assumed; });
    return r;
}

}  // namespace hardcheck::detail
