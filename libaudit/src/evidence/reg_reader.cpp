// Reading registry exports (.reg) into the registry view of one host.
#include <algorithm>

#include "evidence/input_limits.hpp"
#include "evidence/reg_parser.hpp"
#include "evidence/text_decoding.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

// Applies what the file says to the view, in file order; keeps only the keys the
// interest set names (all of them without one).
class ViewSink final : public detail::RegSink {
public:
    ViewSink(RegistryView& view, const EvidenceNeeds* needs) : view_(view), needs_(needs) {}

    bool wants(const std::string& canonical) override { return !needs_ || needs_->wants_key(canonical); }

    void open_key(const std::string& canonical, std::string_view display, const SourceLocation& where) override {
        // Coverage is recorded for every key, wanted or not: it decides absent
        // versus not collected.
        view_.add_covered_root(canonical, where);
        current_canonical_ = canonical;
        current_ = wants(canonical) ? &view_.open_key(canonical, std::string(display), where) : nullptr;
    }

    void delete_key(const std::string& canonical) override {
        current_ = nullptr;
        view_.delete_key(canonical);
    }

    void value(RegValue&& value) override {
        if (!current_) return;
        // A later good line replaces an earlier damaged one, as it would on import.
        auto& damaged = current_->damaged_values;
        while (const Diagnostic* d = current_->find_damaged(value.name)) damaged.erase(damaged.begin() + (d - damaged.data()));
        if (auto* existing = const_cast<RegValue*>(current_->find(value.name)))
            *existing = std::move(value);
        else
            current_->values.push_back(std::move(value));
    }

    void delete_value(std::string_view name) override {
        if (current_) view_.delete_value(current_canonical_, name);
    }

    void damaged_key(const std::string& canonical, const SourceLocation& where) override {
        current_ = nullptr;
        view_.add_damaged_key(canonical, where);
    }

    void damaged_value(std::string name, const SourceLocation& where) override {
        if (current_) view_.add_damaged_value(*current_, std::move(name), where);
    }

private:
    RegistryView& view_;
    const EvidenceNeeds* needs_;
    std::string current_canonical_;
    RegKey* current_ = nullptr;
};

}  // namespace

bool looks_like_reg(std::string_view first) {
    auto decoded = detail::decode_text(first.substr(0, std::min<std::size_t>(first.size(), 160)));
    std::string_view s = decoded.utf8;
    s = s.substr(0, s.find_first_of("\r\n"));
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s == "Windows Registry Editor Version 5.00" || s == "REGEDIT4";
}

RegFileSummary read_reg_buffer(std::string_view bytes, const std::string& name, RegistryView& into,
                               std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    if (bytes.empty()) throw InputError(Diagnostic{{name, 1, 1}, "empty file"});
    const detail::DecodedText text = detail::decode_text(bytes);
    detail::check_text_lines(text.utf8, needs ? needs->limits.max_line_bytes : Limits{}.max_line_bytes, name);
    ViewSink sink(into, needs);
    return detail::parse_reg(text, name, sink, problems);
}

RegFileSummary read_reg_file(const std::filesystem::path& file, RegistryView& into,
                             std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    const Limits limits = needs ? needs->limits : Limits{};
    const detail::DecodedText text = detail::decode_text_file(file, limits.max_file_bytes);
    if (text.utf8.empty() && text.encoding != detail::TextEncoding::utf16le)
        throw InputError(Diagnostic{{file.string(), 1, 1}, "empty file"});
    detail::check_text_lines(text.utf8, limits.max_line_bytes, file.string());
    ViewSink sink(into, needs);
    return detail::parse_reg(text, file.string(), sink, problems);
}

}  // namespace hardcheck
