// A host bundle: one directory of exported files, recognised by content.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ascii.hpp"
#include "evidence/export_names.hpp"
#include "evidence/healthchecker_tls.hpp"
#include "evidence/text_decoding.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

namespace fs = std::filesystem;

std::string read_prefix(const fs::path& file, std::size_t n, std::vector<Diagnostic>& problems) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        // Not a silent "unknown": the user put the file there for a reason.
        problems.push_back({{file.string(), 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno))});
        return {};
    }
    std::string bytes(n, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

// A symbolic link that leaves the bundle or cannot be resolved (a loop, a missing
// target) is reported, not read: a hostile bundle must not make hardcheck read and
// report a file of the auditing machine.
bool link_problem(const fs::path& link, const fs::path& root, std::vector<Diagnostic>& problems) {
    std::error_code ec;
    const auto target = fs::canonical(link, ec);
    if (ec) {
        problems.push_back({{link.string(), 0, 0}, fmt::format("cannot read file: {}", ec.message())});
        return true;
    }
    const auto inside = fs::canonical(root, ec);
    const auto rel = target.lexically_relative(inside);
    if (ec || rel.empty() || *rel.begin() == "..") {
        problems.push_back({{link.string(), 0, 0}, "symbolic link to a file outside the bundle; not read"});
        return true;
    }
    return false;
}

// Regular files below `dir`, sorted so that merge order is the same on every machine.
std::vector<fs::path> files_below(const fs::path& dir, std::vector<Diagnostic>& problems) {
    std::vector<fs::path> files;
    std::vector<Diagnostic> links;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_symlink(type_ec) && link_problem(it->path(), dir, links)) continue;
        if (it->is_regular_file(type_ec)) files.push_back(it->path());
    }
    std::sort(links.begin(), links.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.where.file < b.where.file; });
    problems.insert(problems.end(), links.begin(), links.end());
    if (ec) throw InputError(Diagnostic{{dir.string(), 0, 0}, fmt::format("cannot list directory: {}", ec.message())});
    std::sort(files.begin(), files.end());
    return files;
}

bool is_manifest(const fs::path& file) { return file.filename() == "host.yaml"; }

void read_manifest(const fs::path& file, HostEvidence& host) {
    try {
        YAML::Node doc = YAML::LoadFile(file.string());
        if (!doc.IsMap()) throw InputError(Diagnostic{{file.string(), 1, 1}, "host.yaml must be a mapping"});
        // Every scalar becomes a fact; lists (roles) are joined with commas.
        for (const auto& kv : doc) {
            const auto key = kv.first.as<std::string>();
            if (kv.second.IsScalar()) {
                host.facts[key] = kv.second.Scalar();
            } else if (kv.second.IsSequence()) {
                std::string joined;
                for (const auto& item : kv.second)
                    if (item.IsScalar()) joined += (joined.empty() ? "" : ",") + item.Scalar();
                host.facts[key] = joined;
            }
        }
        if (auto it = host.facts.find("host"); it != host.facts.end()) host.host = it->second;
    } catch (const YAML::Exception& e) {
        throw InputError(Diagnostic{{file.string(), static_cast<std::uint32_t>(e.mark.line + 1),
                                     static_cast<std::uint32_t>(e.mark.column + 1)},
                                    e.msg});
    }
}

bool needs_all(const EvidenceNeeds* needs) { return needs == nullptr || needs->everything; }

bool wants_type(const EvidenceNeeds* needs, const std::string& type_name) {
    if (needs_all(needs)) return true;
    return std::any_of(needs->object_types.begin(), needs->object_types.end(),
                       [&](const std::string& w) { return object_type_matches(type_name, w); });
}

// Reads one CLIXML file: objects grouped by their first type name, event records
// (Get-WinEvent) also as events.  Problems of the file are copied to every
// collection it added to, so a check over one of them knows it may be incomplete.
// HealthChecker's TLS settings objects are set aside in `tls_settings`, to be mapped
// once every real export has been read (a real export wins over them).  `keep`:
// what the baseline asked for (`needs` may be wider, so that those objects are
// decoded).  Returns true for an export of no value at all (Export-Clixml of an
// empty result), which only its file name can type.
bool read_clixml_into(const fs::path& file, HostEvidence& host, const EvidenceNeeds* needs, const EvidenceNeeds* keep,
                      std::vector<std::shared_ptr<const PsObject>>& tls_settings) {
    const auto first_problem = host.problems.size();
    std::vector<std::string> touched;
    auto sink = [&](std::shared_ptr<const PsObject> object) {
        if (object->type_names.empty()) return;  // a top-level $null says nothing
        const auto& type = object->type_names.front();
        if ((needs_all(needs) || needs->events))
            if (auto event = event_from_object(*object)) host.events.push_back(std::move(*event));
        if (detail::is_healthchecker_tls_settings(*object)) tls_settings.push_back(object);
        if (!wants_type(keep, type)) return;
        auto& collection = host.objects[type];
        collection.type_name = type;
        if (collection.files.empty() || collection.files.back() != file.string()) collection.files.push_back(file.string());
        if (std::find(touched.begin(), touched.end(), type) == touched.end()) touched.push_back(type);
        collection.objects.push_back(std::move(object));
    };
    const auto summary = read_clixml_file(file, sink, host.problems, needs);
    // A type whose object was lost gets a collection even if nothing else of it was
    // read: the evidence is there but broken (error), not missing (not collected).
    for (const auto& type : summary.damaged_types) {
        if (type.empty() || !wants_type(needs, type)) continue;
        auto& collection = host.objects[type];
        collection.type_name = type;
        if (collection.files.empty() || collection.files.back() != file.string()) collection.files.push_back(file.string());
        if (std::find(touched.begin(), touched.end(), type) == touched.end()) touched.push_back(type);
    }
    for (const auto& type : touched) {
        auto& problems = host.objects[type].problems;
        problems.insert(problems.end(), host.problems.begin() + static_cast<std::ptrdiff_t>(first_problem), host.problems.end());
    }
    return summary.objects == 0 && summary.skipped == 0 && summary.errors == 0 && summary.damaged_types.empty() &&
           host.problems.size() == first_problem;
}

// An empty export named after its cmdlet is a collected, empty collection of that
// cmdlet's type (docs/evidence.md): a server with no setting overrides exports none,
// and "no override disables AMSI" must be decidable on it.  An export with objects of
// that type already makes the collection; the empty file is then only provenance.
void add_empty_export(const fs::path& file, const std::string& cmdlet, HostEvidence& host, const EvidenceNeeds* keep) {
    const auto type = object_type_names_for(cmdlet).front();
    if (!wants_type(keep, type)) return;
    ObjectCollection* collection = nullptr;
    for (auto& [full, existing] : host.objects)
        if (object_type_matches(full, cmdlet)) {
            collection = &existing;
            break;
        }
    if (!collection) {
        collection = &host.objects[type];
        collection->type_name = type;
    }
    collection->files.push_back(file.string());
}

// Without host.yaml: the one ExchangeServer object's Name, else the computer name in
// the registry, else the directory name.
void name_host_from_evidence(HostEvidence& host) {
    if (const auto* servers = host.find_objects("ExchangeServer"); servers && servers->objects.size() == 1) {
        const auto* name = servers->objects.front()->property("Name");
        if (name && name->kind == PsValue::Kind::string && !name->text.empty()) {
            host.host = name->text;
            return;
        }
    }
    // REGSTR_PATH_COMPUTRNAME / REGSTR_VAL_COMPUTERNAME of the Windows SDK (regstr.h),
    // https://microsoft.github.io/windows-docs-rs/doc/windows/Win32/System/Registry/constant.REGSTR_VAL_COMPUTERNAME.html
    for (const char* key : {"HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName",
                            "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ComputerName\\ComputerName"}) {
        auto found = host.registry.lookup(key, "ComputerName");
        if (found.presence == Presence::present && !found.value->text.empty()) {
            host.host = found.value->text;
            return;
        }
    }
}

bool has_evidence_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        if (entry.is_regular_file(type_ec)) return true;
    }
    return false;
}

// HealthChecker's data collection writes one server as Exchange/, OS/ and Hardware/
// folders with nothing beside them; those names are sections of one host, not hosts.
bool only_healthchecker_sections(const std::vector<fs::path>& subdirs) {
    static constexpr std::string_view kSections[] = {"exchange", "os", "hardware"};
    return !subdirs.empty() && std::all_of(subdirs.begin(), subdirs.end(), [](const fs::path& d) {
        const std::string name = d.filename().string();
        return std::any_of(std::begin(kSections), std::end(kSections),
                           [&](std::string_view s) { return detail::iequals(name, s); });
    });
}

}  // namespace

HostEvidence load_host(const fs::path& directory, const EvidenceNeeds* needs) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec))
        throw InputError(Diagnostic{{directory.string(), 0, 0}, "not a directory"});
    HostEvidence host;
    host.directory = directory;
    host.host = fs::absolute(directory).lexically_normal().filename().string();
    if (host.host.empty()) host.host = fs::absolute(directory).lexically_normal().parent_path().filename().string();
    bool named = false;
    // The host's name must not depend on what a baseline asks for: the ExchangeServer
    // export that may name it is always read.
    std::optional<EvidenceNeeds> widened, decoded;
    const EvidenceNeeds* keep = needs;
    if (!needs_all(needs)) {
        widened = *needs;
        widened->object_types.insert("ExchangeServer");
        keep = &*widened;
        // HealthChecker's TLS settings object may stand for registry values and the
        // Get-TlsCipherSuite export (healthchecker_tls.hpp): decode it, keep it aside.
        decoded = *widened;
        if (!needs->registry_keys.empty() || wants_type(needs, "TlsCipherSuite"))
            decoded->object_types.insert("System.Management.Automation.PSCustomObject");
        needs = &*decoded;
    }
    std::vector<std::shared_ptr<const PsObject>> tls_settings;
    std::vector<std::pair<fs::path, std::string>> empty_exports;  // typed once every export is read
    for (const auto& file : files_below(directory, host.problems)) {
        EvidenceFile seen{file.string(), "unknown", false};
        if (is_manifest(file)) {
            read_manifest(file, host);
            named = host.facts.count("host") != 0;
            seen.format = "manifest";
            seen.read = true;
            host.recognised.push_back(std::move(seen));
            continue;
        }
        // Enough of the file to reach the root element past a long comment.
        const std::string prefix = read_prefix(file, 64 * 1024, host.problems);
        bool wanted = true;
        if (looks_like_reg(prefix.substr(0, 256))) {
            seen.format = "reg";
        } else if (looks_like_clixml(prefix)) {
            seen.format = "clixml";
            wanted = needs_all(needs) || !needs->object_types.empty() || needs->events;
        } else if (looks_like_config(prefix)) {
            seen.format = "config";
            wanted = needs_all(needs) || needs->configs;
        } else if (looks_like_event_xml(prefix)) {
            seen.format = "events";
            wanted = needs_all(needs) || needs->events;
        } else {
            host.ignored.push_back(file.string());
            host.recognised.push_back(std::move(seen));
            continue;
        }
        if (wanted) {
            try {
                if (seen.format == "reg") {
                    read_reg_file(file, host.registry, host.problems, needs);
                } else if (seen.format == "clixml") {
                    if (read_clixml_into(file, host, needs, keep, tls_settings))
                        if (auto cmdlet = detail::cmdlet_of_export_name(file.filename().string()))
                            empty_exports.emplace_back(file, *cmdlet);
                } else if (seen.format == "config") {
                    host.configs.push_back(read_config_file(file));
                } else {
                    auto events = read_event_xml_file(file, host.problems);
                    host.events.insert(host.events.end(), std::make_move_iterator(events.begin()),
                                       std::make_move_iterator(events.end()));
                }
                seen.read = true;
                host.files.push_back(file.string());
            } catch (const InputError& e) {
                host.problems.insert(host.problems.end(), e.diagnostics().begin(), e.diagnostics().end());
                if (seen.format == "reg") host.registry.add_refused_file(e.diagnostics().front().where);
            }
        }
        host.recognised.push_back(std::move(seen));
    }
    for (const auto& [file, cmdlet] : empty_exports) add_empty_export(file, cmdlet, host, keep);
    for (const auto& object : tls_settings) detail::apply_healthchecker_tls(*object, host);
    if (!named) name_host_from_evidence(host);
    return host;
}

std::vector<fs::path> discover_hosts(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        throw InputError(Diagnostic{{path.string(), 0, 0}, "bundle is not a directory"});
    // Merging two servers' evidence into one host would give wrong verdicts, so a
    // manifest decides first: host.yaml here makes this one host; host.yaml in a
    // subdirectory makes this a parent of hosts, whatever loose files (a README)
    // sit beside them.  Without manifests, files here, or only HealthChecker's
    // section folders, mean one host.
    if (fs::is_regular_file(path / "host.yaml", ec)) return {path};
    std::vector<fs::path> hosts;
    bool child_manifest = false;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::error_code type_ec;
        if (!entry.is_directory(type_ec)) continue;
        hosts.push_back(entry.path());
        child_manifest = child_manifest || fs::is_regular_file(entry.path() / "host.yaml", type_ec);
    }
    if (!child_manifest && (has_evidence_files(path) || only_healthchecker_sections(hosts))) return {path};
    std::sort(hosts.begin(), hosts.end());
    if (hosts.empty()) throw InputError(Diagnostic{{path.string(), 0, 0}, "no host bundles found in directory"});
    return hosts;
}

}  // namespace hardcheck
