// Property test: random small condition trees over random evidence.  A check
// never passes when a leaf it read had missing evidence without a default (or
// unreadable evidence); with complete evidence its status is the plain boolean
// answer of the tree.  `first_collected` groups take part: the leaves of the
// alternative that decides count, and skipped (uncollected) ones only for errors.
#include <random>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

enum class T { yes, no, unknown, error };

struct Generated {
    std::string yaml;  // flow-style condition
    T truth = T::error;
    bool missing = false;  // some leaf read missing evidence with no default
    bool broken = false;   // some leaf read unreadable evidence
    bool uncollected = false;  // some leaf's evidence is not in the bundle at all
};

T all_of(const std::vector<T>& v) {
    bool e = false, u = false;
    for (T t : v) {
        if (t == T::no) return T::no;
        e |= t == T::error;
        u |= t == T::unknown;
    }
    return e ? T::error : u ? T::unknown : T::yes;
}
T any_of(const std::vector<T>& v) {
    bool e = false, u = false;
    for (T t : v) {
        if (t == T::yes) return T::yes;
        e |= t == T::error;
        u |= t == T::unknown;
    }
    return e ? T::error : u ? T::unknown : T::no;
}
T negate(T t) { return t == T::yes ? T::no : t == T::no ? T::yes : t; }
T of(bool b) { return b ? T::yes : T::no; }

class Generator {
public:
    Generator(std::mt19937& rng, HostEvidence& host, std::string& reg) : rng_(rng), host_(host), reg_(reg) {}

    Generated node(int depth) {
        const int kind = depth >= 3 ? 3 : pick(5);
        if (kind == 3) return pick(2) ? registry_leaf() : object_leaf();
        if (kind == 4) return first_collected(depth);
        if (kind == 2) {
            Generated child = node(depth + 1);
            child.yaml = "{not: " + child.yaml + "}";
            child.truth = negate(child.truth);
            return child;
        }
        const int n = 1 + pick(3);
        Generated g;
        std::vector<T> truths;
        g.yaml = kind == 0 ? "{all: [" : "{any: [";
        for (int i = 0; i < n; ++i) {
            Generated c = node(depth + 1);
            g.yaml += (i ? ", " : "") + c.yaml;
            truths.push_back(c.truth);
            g.missing |= c.missing;
            g.broken |= c.broken;
            g.uncollected |= c.uncollected;
        }
        g.yaml += "]}";
        g.truth = kind == 0 ? all_of(truths) : any_of(truths);
        return g;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    // The model of first_collected: the first alternative with no uncollected leaf
    // decides; errors of the alternatives tried before it still count.
    Generated first_collected(int depth) {
        const int n = 1 + pick(3);
        Generated g;
        g.yaml = "{first_collected: [";
        bool decided = false;
        for (int i = 0; i < n; ++i) {
            Generated c = node(depth + 1);
            g.yaml += (i ? ", " : "") + c.yaml;
            if (decided) continue;  // not read
            g.broken |= c.broken;
            if (c.uncollected) continue;
            decided = true;
            g.truth = c.truth;
            g.missing |= c.missing;
        }
        g.yaml += "]}";
        if (!decided) {
            g.truth = T::unknown;
            g.missing = true;
            g.uncollected = true;
        }
        return g;
    }

    // A registry value in one of four states, with or without a default, under one
    // of four operators.
    Generated registry_leaf() {
        const int id = ++leaves_;
        const int state = pick(4);  // 0: value 0, 1: value 1, 2: absent, 3: not collected
        const int def = pick(3);    // 0: none, 1: default 0, 2: default 1
        const int op = pick(4);     // equals 0, equals 1, exists, absent
        const std::string root = state == 3 ? "HKLM\\U" : "HKLM\\S";
        if (state < 2) reg_ += fmt::format("[HKLM\\S\\K{}]\n\"V\"=dword:{}\n", id, state);
        Generated g;
        g.yaml = fmt::format("{{registry: {{key: '{}\\K{}', value: V{}}}, {}}}", root, id,
                             def ? fmt::format(", default: {}", def - 1) : "",
                             op == 0 ? "equals: 0" : op == 1 ? "equals: 1" : op == 2 ? "exists: true" : "absent: true");
        auto apply = [&](int v) { return of(op == 0 ? v == 0 : op == 1 ? v == 1 : op == 2); };
        if (state == 3) {
            g.truth = T::unknown;
            g.missing = true;
            g.uncollected = true;
        } else if (state < 2) {
            g.truth = apply(state);
        } else if (op >= 2) {
            g.truth = of(op == 3);
        } else if (def) {
            g.truth = apply(def - 1);
        } else {
            g.truth = T::no;
            g.missing = true;
        }
        return g;
    }

    // One object whose property is 0, 1, null or missing; or no collection at all.
    Generated object_leaf() {
        const int id = ++leaves_;
        const int state = pick(5);  // 0: 0, 1: 1, 2: null, 3: property missing, 4: no collection
        const int want = pick(2);
        const std::string type = fmt::format("T{}", id);
        if (state < 4) {
            std::vector<std::pair<std::string, PsValue>> props{{"Name", ps_str("x")}};
            if (state < 2) props.push_back({"P", ps_int(state)});
            if (state == 2) props.push_back({"P", ps_null()});
            add_collection(host_, "Test.Types." + type, {ps_object(props)});
        }
        Generated g;
        g.yaml = fmt::format("{{object: {{type: {}, property: P}}, equals: {}}}", type, want);
        if (state < 2) g.truth = of(state == want);
        if (state == 2) {
            g.truth = T::error;
            g.broken = true;
        }
        if (state == 3) {
            g.truth = T::no;
            g.missing = true;
        }
        if (state == 4) {
            g.truth = T::unknown;
            g.missing = true;
            g.uncollected = true;
        }
        return g;
    }

    std::mt19937& rng_;
    HostEvidence& host_;
    std::string& reg_;
    int leaves_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(no_false_pass)

BOOST_AUTO_TEST_CASE(random_trees_never_pass_on_missing_evidence) {
    std::mt19937 rng(20261125);
    int passes = 0, checked_missing = 0, first_collected_rounds = 0;
    for (int round = 0; round < 400; ++round) {
        HostEvidence host;
        host.host = "h";
        std::string reg = "REGEDIT4\n[HKLM\\S]\n";
        Generator gen(rng, host, reg);
        const Generated g = gen.node(0);
        read_reg_buffer(reg, "h.reg", host.registry, host.problems);
        const Result r = run_check("    test: " + g.yaml + "\n", host);
        const std::string status(to_string(r.status));
        if (g.missing || g.broken) {
            ++checked_missing;
            BOOST_TEST(status != "pass", g.yaml);
        } else {
            BOOST_TEST(status == (g.truth == T::yes ? "pass" : "fail"), g.yaml);
        }
        passes += status == "pass";
        first_collected_rounds += g.yaml.find("first_collected") != std::string::npos;
    }
    // The generator must exercise both sides, or the property says little.
    BOOST_TEST(passes > 40);
    BOOST_TEST(checked_missing > 100);
    BOOST_TEST(first_collected_rounds > 50);
}

BOOST_AUTO_TEST_SUITE_END()
