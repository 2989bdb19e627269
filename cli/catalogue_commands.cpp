// `hardcheck list` and `hardcheck explain`: the checks of the baselines, for people
// and for scripts.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "hardcheck/baseline.hpp"

namespace hardcheck::cli {

namespace {

std::vector<std::shared_ptr<const CompiledBaseline>> load_all(const std::vector<std::string>& ids) {
    std::vector<std::shared_ptr<const CompiledBaseline>> out;
    for (const auto& id : ids) out.push_back(load_baseline(resolve_baseline(id)));
    return out;
}

// Every built-in baseline, by the file stems found in the built-in directories.
std::vector<std::string> builtin_ids() {
    std::vector<std::string> ids;
    for (const auto& dir : builtin_baseline_dirs()) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            if (entry.path().extension() == ".yaml") ids.push_back(entry.path().stem().string());
        if (!ids.empty()) break;  // the first directory that has baselines wins
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Folded YAML scalars end in a newline; print them without it.
std::string trimmed(const std::string& s) {
    const auto end = s.find_last_not_of(" \n");
    return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

int list(const std::vector<std::string>& ids, const std::string& format) {
    const auto baselines = load_all(ids.empty() ? builtin_ids() : ids);
    if (format == "json") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& b : baselines)
            for (const auto& c : b->checks)
                all.push_back({{"baseline", b->id}, {"id", c.id}, {"severity", to_string(c.severity)},
                               {"title", c.title}, {"tags", c.tags}, {"manual", c.manual}});
        std::cout << all.dump(2) << '\n';
        return 0;
    }
    if (format == "markdown") std::cout << "| baseline | id | severity | title | tags |\n|---|---|---|---|---|\n";
    for (const auto& b : baselines) {
        for (const auto& c : b->checks) {
            if (format == "markdown")
                std::cout << "| " << b->id << " | " << c.id << " | " << to_string(c.severity) << " | " << c.title
                          << " | " << join(c.tags, ", ") << " |\n";
            else
                std::cout << c.id << '\t' << to_string(c.severity) << '\t' << c.title << '\t' << join(c.tags, ",")
                          << '\n';
        }
    }
    return 0;
}

int explain(const std::string& check_id, const std::vector<std::string>& ids) {
    for (const auto& b : load_all(ids.empty() ? builtin_ids() : ids)) {
        const Check* c = b->find(check_id);
        if (!c) continue;
        std::cout << c->id << ": " << c->title << "\n"
                  << "baseline: " << b->id << " " << b->version << "  (" << c->where.str() << ")\n"
                  << "severity: " << to_string(c->severity) << "\n";
        if (!c->tags.empty()) std::cout << "tags: " << join(c->tags, ", ") << "\n";
        if (!c->rationale.empty()) std::cout << "\nWhy:\n  " << trimmed(c->rationale) << "\n";
        if (!c->expected_text.empty()) std::cout << "\nPasses when:\n  " << c->expected_text << "\n";
        if (c->manual) std::cout << "\nManual: no export can decide this check.\n";
        if (c->manual_when)
            std::cout << "\nManual when not passed and " << c->manual_when_text << ":\n  "
                      << trimmed(c->manual_guidance) << "\n";
        if (!c->remediation.empty()) std::cout << "\nHow to fix:\n  " << trimmed(c->remediation) << "\n";
        if (!c->references.empty()) {
            std::cout << "\nReferences:\n";
            for (const auto& r : c->references) std::cout << "  " << r << "\n";
        }
        return 0;
    }
    std::cerr << "hardcheck: error: no check '" << check_id << "' in the baselines searched\n";
    return 2;
}

}  // namespace

void add_catalogue_commands(CLI::App& app, std::function<int()>& action) {
    auto ids = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>("text");
    auto* list_cmd = app.add_subcommand("list", "List the checks of baselines (default: all built-in)");
    list_cmd->add_option("-b,--baseline", *ids, "Baseline file or built-in id (repeatable)");
    list_cmd->add_option("--format", *format, "text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    list_cmd->callback([&action, ids, format] { action = [ids, format] { return list(*ids, *format); }; });

    auto check_id = std::make_shared<std::string>();
    auto explain_ids = std::make_shared<std::vector<std::string>>();
    auto* explain_cmd = app.add_subcommand("explain", "Explain a check: why, evidence, pass condition, fix");
    explain_cmd->add_option("CHECK-ID", *check_id, "Check id, e.g. TLS-02")->required();
    explain_cmd->add_option("-b,--baseline", *explain_ids, "Baselines to search (default: all built-in)");
    explain_cmd->callback([&action, check_id, explain_ids] {
        action = [check_id, explain_ids] { return explain(*check_id, *explain_ids); };
    });
}

}  // namespace hardcheck::cli
