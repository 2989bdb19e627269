// IIS applicationHost.config, web.config and other .NET configuration files:
// a pugixml document queried by XPath, every match located by file:line:col.
#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "evidence/config_walk.hpp"
#include "evidence/file_bytes.hpp"
#include "evidence/input_limits.hpp"
#include "evidence/text_decoding.hpp"
#include "evidence/xml_scan.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

struct ConfigDocument::Impl {
    std::string text;    // decoded UTF-8 as read, for line:col
    std::string parsed;  // the same, parsed in place: names keep their offsets
    std::vector<std::size_t> line_starts;
    pugi::xml_document doc;

    SourceLocation locate(const std::string& file, std::size_t offset) const {
        offset = std::min(offset, text.size());
        const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
        const std::size_t line = static_cast<std::size_t>(it - line_starts.begin());
        const std::size_t start = line_starts[line - 1];
        const auto column = std::count_if(text.begin() + static_cast<std::ptrdiff_t>(start),
                                          text.begin() + static_cast<std::ptrdiff_t>(offset),
                                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        return {file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column + 1)};
    }
    // Where a string of the parsed buffer (a name or value) starts.
    std::optional<std::size_t> offset_of(const char* p) const {
        if (p < parsed.data() || p >= parsed.data() + parsed.size()) return std::nullopt;
        return static_cast<std::size_t>(p - parsed.data());
    }
};

namespace {

std::string config_kind(const pugi::xml_document& doc, const std::string& name) {
    if (doc.document_element().child("system.applicationHost")) return "applicationHost";
    std::string file = std::filesystem::path(name).filename().string();
    std::transform(file.begin(), file.end(), file.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto ends_with = [&](std::string_view s) { return file.size() >= s.size() && file.compare(file.size() - s.size(), s.size(), s) == 0; };
    if (ends_with("web.config")) return "web.config";
    if (ends_with("machine.config")) return "machine.config";
    return "config";
}

}  // namespace

bool looks_like_config(std::string_view first_bytes) {
    const auto text = detail::decode_text(first_bytes);
    const auto root = detail::sniff_xml_root(text.utf8);
    return root && root->name == "configuration";
}

ConfigDocument read_config_buffer(std::string_view bytes, const std::string& name) {
    auto impl = std::make_shared<ConfigDocument::Impl>();
    auto decoded = detail::decode_text(bytes);
    detail::refuse_hostile_xml(bytes, decoded, name);
    impl->text = std::move(decoded.utf8);
    impl->line_starts.push_back(0);
    for (std::size_t i = 0; i < impl->text.size(); ++i)
        if (impl->text[i] == '\n') impl->line_starts.push_back(i + 1);
    impl->parsed = impl->text;
    const auto result = impl->doc.load_buffer_inplace(impl->parsed.data(), impl->parsed.size(), pugi::parse_default,
                                                      pugi::encoding_utf8);
    if (!result)
        throw InputError(Diagnostic{impl->locate(name, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
                                    result.description()});
    const auto root = impl->doc.document_element();
    if (std::string_view(root.name()) != "configuration")
        throw InputError(Diagnostic{impl->locate(name, static_cast<std::size_t>(std::max<std::ptrdiff_t>(root.offset_debug() - 1, 0))),
                                    fmt::format("not a configuration file: root element is <{}>", root.name())});
    if (auto deep = detail::element_deeper_than(impl->doc, Limits::config_xml_depth))
        throw InputError(Diagnostic{impl->locate(name, static_cast<std::size_t>(std::max<std::ptrdiff_t>(*deep - 1, 0))),
                                    fmt::format("elements nested deeper than {} levels", Limits::config_xml_depth)});
    ConfigDocument doc;
    doc.file = name;
    doc.kind = config_kind(impl->doc, name);
    doc.impl = std::move(impl);
    return doc;
}

ConfigDocument read_config_file(const std::filesystem::path& file) {
    return read_config_buffer(detail::read_file_bytes(file), file.string());
}

std::vector<XmlMatch> ConfigDocument::select(std::string_view xpath) const {
    if (!impl) return {};
    const std::string expression(xpath);
    std::optional<pugi::xpath_query> query;
    try {
        query.emplace(expression.c_str());
    } catch (const pugi::xpath_exception& e) {
        throw InputError(Diagnostic{{}, fmt::format("invalid XPath '{}': {}", expression, e.what())});
    }
    if (!query->result())
        throw InputError(Diagnostic{{}, fmt::format("invalid XPath '{}': {}", expression, query->result().description())});
    std::vector<XmlMatch> matches;
    if (query->return_type() != pugi::xpath_type_node_set) {
        // count(...), string(...), comparisons: one value, located only by file.
        matches.push_back({query->evaluate_string(impl->doc), {file, 0, 0}});
        return matches;
    }
    for (const auto& found : query->evaluate_node_set(impl->doc)) {
        XmlMatch match;
        std::optional<std::size_t> offset;
        if (found.attribute()) {
            match.value = found.attribute().value();
            offset = impl->offset_of(found.attribute().name());
        } else {
            const auto node = found.node();
            if (node.type() == pugi::node_element) {
                match.value = node.child_value();
                if (node.offset_debug() > 0) offset = static_cast<std::size_t>(node.offset_debug() - 1);
            } else {
                match.value = node.value();
                offset = impl->offset_of(node.value());
            }
        }
        match.where = offset ? impl->locate(file, *offset) : SourceLocation{file, 0, 0};
        matches.push_back(std::move(match));
    }
    return matches;
}

namespace detail {

void walk_config(const ConfigDocument& doc, const std::function<void(const ConfigElement&)>& visit) {
    if (!doc.impl) return;
    const auto& impl = *doc.impl;
    // Iterative, so a deeply nested file cannot exhaust the stack.
    std::vector<std::pair<pugi::xml_node, std::string>> stack;
    stack.emplace_back(impl.doc.document_element(), "/" + std::string(impl.doc.document_element().name()));
    while (!stack.empty()) {
        auto [node, path] = std::move(stack.back());
        stack.pop_back();
        ConfigElement element;
        element.path = path;
        for (auto attr : node.attributes()) element.attributes.emplace_back(attr.name(), attr.value());
        element.text = node.child_value();
        element.where = node.offset_debug() > 0 ? impl.locate(doc.file, static_cast<std::size_t>(node.offset_debug() - 1))
                                                : SourceLocation{doc.file, 0, 0};
        visit(element);
        std::vector<pugi::xml_node> children;
        for (auto child : node.children())
            if (child.type() == pugi::node_element) children.push_back(child);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, path + "/" + it->name());
    }
}

}  // namespace detail

}  // namespace hardcheck
