// A host bundle: one directory of exported files, recognised by content.
#include <algorithm>
#include <fstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

namespace fs = std::filesystem;

std::string read_prefix(const fs::path& file, std::size_t n) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes(n, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

// Regular files below `dir`, sorted so that merge order is the same on every machine.
std::vector<fs::path> files_below(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec)) files.push_back(it->path());
    }
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

bool has_evidence_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        if (entry.is_regular_file(type_ec)) return true;
    }
    return false;
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
    for (const auto& file : files_below(directory)) {
        if (is_manifest(file)) {
            read_manifest(file, host);
            continue;
        }
        if (looks_like_reg(read_prefix(file, 256))) {
            read_reg_file(file, host.registry, host.problems, needs);
            host.files.push_back(file.string());
        }
    }
    return host;
}

std::vector<fs::path> discover_hosts(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        throw InputError(Diagnostic{{path.string(), 0, 0}, "bundle is not a directory"});
    if (has_evidence_files(path)) return {path};
    std::vector<fs::path> hosts;
    for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.is_directory()) hosts.push_back(entry.path());
    std::sort(hosts.begin(), hosts.end());
    if (hosts.empty()) throw InputError(Diagnostic{{path.string(), 0, 0}, "no host bundles found in directory"});
    return hosts;
}

}  // namespace hardcheck
