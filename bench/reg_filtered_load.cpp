// Loads a registry export the way `hardcheck run` does for a TLS baseline: with an
// interest set of the ~20 SCHANNEL/LSA keys, so the reader skips everything else.
//
//   reg_filtered_load FILE.reg
//
// Prints the keys found (all 20 in an export made by gen_reg_export) and the time.
#include <chrono>
#include <cstdio>
#include <string>

#include "hardcheck/evidence.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: reg_filtered_load FILE.reg\n");
        return 2;
    }
    // Named through CurrentControlSet as baselines name them; the export has
    // ControlSet001 and Select\\Current (CHECKS.md P13).
    const std::string set = "HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET\\CONTROL\\";
    const std::string schannel = set + "SECURITYPROVIDERS\\SCHANNEL";
    hardcheck::EvidenceNeeds needs = hardcheck::EvidenceNeeds::none();
    needs.registry_keys.insert(schannel);
    for (const char* c : {"DES 56/56", "NULL", "RC4 128/128", "RC4 40/128", "RC4 56/128", "TRIPLE DES 168"})
        needs.registry_keys.insert(schannel + "\\CIPHERS\\" + c);
    for (const char* p : {"SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"})
        for (const char* side : {"CLIENT", "SERVER"}) needs.registry_keys.insert(schannel + "\\PROTOCOLS\\" + p + "\\" + side);
    needs.registry_keys.insert(set + "LSA");

    const auto start = std::chrono::steady_clock::now();
    hardcheck::RegistryView view;
    std::vector<hardcheck::Diagnostic> problems;
    try {
        hardcheck::read_reg_file(argv[1], view, problems, &needs);
    } catch (const hardcheck::InputError& e) {
        for (const auto& d : e.diagnostics()) std::fprintf(stderr, "%s\n", d.str().c_str());
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t found = 0;
    for (const auto& key : needs.registry_keys) found += view.find_key(key) != nullptr;
    std::printf("wanted %zu keys, found %zu, %zu problems, %.3f s\n", needs.registry_keys.size(), found,
                problems.size(), seconds);
    return found == needs.registry_keys.size() && problems.empty() ? 0 : 1;
}
