// Hand-built evidence and one-check baselines for evaluator tests.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck::test {

inline PsValue ps_null() { return PsValue{}; }
inline PsValue ps_bool(bool b) {
    PsValue v;
    v.kind = PsValue::Kind::boolean;
    v.boolean = b;
    return v;
}
inline PsValue ps_int(std::int64_t i) {
    PsValue v;
    v.kind = PsValue::Kind::integer;
    v.integer = i;
    return v;
}
inline PsValue ps_str(std::string s) {
    PsValue v;
    v.kind = PsValue::Kind::string;
    v.text = std::move(s);
    return v;
}
inline PsValue ps_version(std::string s) {
    PsValue v = ps_str(std::move(s));
    v.kind = PsValue::Kind::version;
    return v;
}
inline PsValue ps_enum(std::string name, std::int64_t number) {
    PsValue v;
    v.kind = PsValue::Kind::enumeration;
    v.text = std::move(name);
    v.integer = number;
    return v;
}
inline PsValue ps_list(std::vector<PsValue> items) {
    PsValue v;
    v.kind = PsValue::Kind::list;
    v.items = std::move(items);
    return v;
}

inline std::shared_ptr<const PsObject> ps_object(std::vector<std::pair<std::string, PsValue>> props,
                                                 std::uint32_t line = 1) {
    auto o = std::make_shared<PsObject>();
    o->where = {"objs.xml", line, 1};
    for (auto& [name, value] : props) {
        if (value.where.line == 0) value.where = {"objs.xml", line + 1, 1};
        o->properties.push_back({name, std::move(value)});
    }
    return o;
}

inline PsValue ps_nested(std::vector<std::pair<std::string, PsValue>> props) {
    PsValue v;
    v.kind = PsValue::Kind::object;
    v.object = ps_object(std::move(props));
    return v;
}

inline void add_collection(HostEvidence& host, const std::string& full_type,
                           std::vector<std::shared_ptr<const PsObject>> objects) {
    ObjectCollection c;
    c.type_name = full_type;
    c.objects = std::move(objects);
    c.files = {"objs.xml"};
    host.objects[full_type] = std::move(c);
}

inline HostEvidence host_with_reg(const std::string& reg) {
    HostEvidence host;
    host.host = "EXCH01";
    if (!reg.empty()) read_reg_buffer(reg, "h.reg", host.registry, host.problems);
    return host;
}

// A baseline with one check "C-1"; `check_body` is indented 4 spaces (test:, ...).
inline std::shared_ptr<const CompiledBaseline> one_check(const std::string& check_body) {
    return load_baseline_text("id: b\ntitle: B\nversion: '1'\nchecks:\n"
                              "  - id: C-1\n    title: t\n    severity: high\n    tags: [t1]\n" +
                                  check_body,
                              "b.yaml");
}

inline Result run_check(const std::string& check_body, const HostEvidence& host, const EvaluateOptions& options = {}) {
    auto b = one_check(check_body);
    auto results = evaluate(*b, host, options);
    if (results.empty()) return Result{};
    return results.front();
}

inline std::string status_of(const std::string& check_body, const HostEvidence& host,
                             const EvaluateOptions& options = {}) {
    return std::string(to_string(run_check(check_body, host, options).status));
}

// The load errors of a baseline text, as "file:line:col: error: message".
inline std::vector<std::string> load_errors(const std::string& yaml) {
    try {
        load_baseline_text(yaml, "b.yaml");
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

}  // namespace hardcheck::test
