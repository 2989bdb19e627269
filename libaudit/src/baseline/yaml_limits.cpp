#include "baseline/yaml_limits.hpp"

#include <vector>

#include <fmt/format.h>

#include <yaml-cpp/depthguard.h>

#include "evidence/input_limits.hpp"
#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

namespace {

class Walker {
public:
    Walker(const Limits& limits, const std::string& name) : limits_(limits), name_(name) {}

    // Iterative, so that the walk itself needs no stack for deep documents.
    void walk(const YAML::Node& root) {
        struct Item {
            YAML::Node node;
            std::uint32_t depth;
        };
        std::vector<Item> stack{{root, 1}};
        std::vector<YAML::Node> children;
        while (!stack.empty()) {
            Item item = std::move(stack.back());
            stack.pop_back();
            if (++visited_ > limits_.max_yaml_nodes)
                fail(item.node, fmt::format("the document expands to more than {} nodes (aliases are expanded "
                                            "when a baseline is read)",
                                            limits_.max_yaml_nodes));
            if (item.depth > limits_.max_yaml_depth)
                fail(item.node, fmt::format("nested deeper than {} levels", limits_.max_yaml_depth));
            // Children go on the stack last first, so that the walk (and the node
            // an error names) follows document order.  Nodes are only ever
            // constructed here: assigning a YAML::Node writes into the document.
            children.clear();
            if (item.node.IsSequence()) {
                for (const auto& child : item.node) children.push_back(child);
            } else if (item.node.IsMap()) {
                for (const auto& kv : item.node) {
                    children.push_back(kv.first);
                    children.push_back(kv.second);
                }
            }
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, item.depth + 1});
        }
    }

private:
    [[noreturn]] void fail(const YAML::Node& node, std::string message) const {
        const YAML::Mark mark = node.Mark();
        SourceLocation where{name_, 0, 0};
        if (!mark.is_null())
            where = {name_, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
        throw InputError(Diagnostic{where, std::move(message)});
    }

    const Limits& limits_;
    const std::string& name_;
    std::uint64_t visited_ = 0;
};

}  // namespace

void check_yaml_limits(const YAML::Node& root, const Limits& limits, const std::string& name) {
    Walker(limits, name).walk(root);
}

YAML::Node load_yaml(std::string_view text, const std::string& name, const Limits& limits) {
    require_utf8_text(text, name);
    YAML::Node root;
    auto at = [&](const YAML::Mark& mark) {
        return SourceLocation{name, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
    };
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, far below any stack limit; its message says little.
        throw InputError(Diagnostic{at(e.mark), fmt::format("nested deeper than {} levels", limits.max_yaml_depth)});
    } catch (const YAML::Exception& e) {
        throw InputError(Diagnostic{at(e.mark), e.msg});
    }
    check_yaml_limits(root, limits, name);
    return root;
}

}  // namespace hardcheck::detail
