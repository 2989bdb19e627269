// A tool linking the installed C++ API: the same audit as consumer.c.
#include <iostream>

#include <hardcheck/baseline.hpp>
#include <hardcheck/evaluate.hpp>
#include <hardcheck/version.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer_cxx BASELINE BUNDLE\n";
        return 2;
    }
    try {
        const auto baseline = hardcheck::load_baseline(hardcheck::resolve_baseline(argv[1]));
        const auto host = hardcheck::load_host(argv[2], &baseline->needs);
        for (const auto& r : hardcheck::evaluate(*baseline, host))
            std::cout << r.host << ' ' << r.check_id << ' ' << hardcheck::to_string(r.status) << '\n';
        std::cout << "hardcheck " << hardcheck::version_string() << '\n';
    } catch (const hardcheck::InputError& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}
