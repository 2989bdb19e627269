// Rendering .reg exports for `hardcheck dump`: streamed value by value, so memory
// stays bounded by the decoded text whatever the size of the export.
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "evidence/input_limits.hpp"
#include "evidence/reg_parser.hpp"
#include "evidence/text_decoding.hpp"
#include "hardcheck/dump.hpp"

namespace hardcheck {

namespace {

using Json = nlohmann::ordered_json;

std::string hex_bytes(const std::vector<std::uint8_t>& raw) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (auto b : raw) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

Json value_data(const RegValue& v) {
    if (v.is_number()) return v.number;
    if (v.is_string()) return v.text;
    if (v.type == static_cast<std::uint32_t>(RegType::multi_sz)) return v.strings;
    return hex_bytes(v.raw);
}

// Wants every key; writes each value as it is read.
class DumpSink final : public detail::RegSink {
public:
    DumpSink(std::ostream& out, const std::string& file) : out_(out), file_(file) {}

    bool wants(const std::string&) override { return true; }
    void open_key(const std::string&, std::string_view display, const SourceLocation&) override { key_ = display; }
    void delete_key(const std::string&) override {}
    void value(RegValue& v) override {
        Json line;
        line["file"] = file_;
        line["line"] = v.where.line;
        line["key"] = key_;
        line["name"] = v.name;
        line["type"] = reg_type_name(v.type);
        line["data"] = value_data(v);
        out_ << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }
    void delete_value(std::string_view) override {}
    void damaged_key(const std::string&, const SourceLocation&) override {}
    void damaged_value(std::string, const SourceLocation&) override {}

private:
    std::ostream& out_;
    const std::string& file_;
    std::string key_;
};

// Wants every key, so that every value is checked and decoded; keeps nothing.
class CountingSink final : public detail::RegSink {
public:
    bool wants(const std::string&) override { return true; }
    void open_key(const std::string&, std::string_view, const SourceLocation&) override {}
    void delete_key(const std::string&) override {}
    void value(RegValue&) override {}
    void delete_value(std::string_view) override {}
    void damaged_key(const std::string&, const SourceLocation&) override {}
    void damaged_value(std::string, const SourceLocation&) override {}
};

detail::DecodedText load(const std::filesystem::path& file, const std::string& display_name) {
    detail::DecodedText text = detail::decode_text_file(file);
    if (text.utf8.empty() && text.encoding != detail::TextEncoding::utf16le)
        throw InputError(detail::diagnostic_at(display_name, 1, 1, "empty file"));
    detail::check_text_lines(text.utf8, Limits{}.max_line_bytes, display_name);
    return text;
}

}  // namespace

RegFileSummary dump_reg_file(const std::filesystem::path& file, const std::string& display_name, std::ostream& out,
                             std::vector<Diagnostic>& problems) {
    const auto text = load(file, display_name);
    DumpSink sink(out, display_name);
    return detail::parse_reg(text, display_name, sink, problems);
}

RegFileSummary summarize_reg_file(const std::filesystem::path& file, const std::string& display_name,
                                  std::vector<Diagnostic>& problems) {
    const auto text = load(file, display_name);
    CountingSink sink;
    return detail::parse_reg(text, display_name, sink, problems);
}

std::string reg_summary_json(const std::string& file, const RegFileSummary& s) {
    Json j;
    j["file"] = file;
    j["format"] = "reg";
    j["encoding"] = s.encoding;
    j["keys"] = s.keys;
    j["values"] = s.values;
    j["deletions"] = s.deletions;
    j["errors"] = s.errors;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace hardcheck
