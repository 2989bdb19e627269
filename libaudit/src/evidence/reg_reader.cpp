// Reading registry exports (.reg) into the registry view of one host.
#include <algorithm>
#include <fstream>

#include "evidence/input_limits.hpp"
#if __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define HARDCHECK_HAVE_MMAP 1
#else
#define HARDCHECK_HAVE_MMAP 0
#endif

#include "evidence/file_bytes.hpp"
#include "evidence/reg_parser.hpp"
#include "evidence/reg_skim.hpp"
#include "evidence/text_decoding.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

constexpr std::string_view kCurrentControlSet = "HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET";
constexpr std::string_view kControlSetPrefix = "HKEY_LOCAL_MACHINE\\SYSTEM\\CONTROLSET";
constexpr std::string_view kSelect = "HKEY_LOCAL_MACHINE\\SYSTEM\\SELECT";

// Applies what the file says to the view, in file order; keeps only the keys the
// interest set names (all of them without one).
class ViewSink final : public detail::RegSink {
public:
    ViewSink(RegistryView& view, const EvidenceNeeds* needs) : view_(view), needs_(needs) {
        if (needs_ && !needs_->everything) {
            wanted_hashes_.push_back(path_hash(std::string(kSelect)));
            // The skimmer hashes ControlSet00N paths as CurrentControlSet ones.
            for (const auto& key : needs_->registry_keys) wanted_hashes_.push_back(path_hash(key));
            std::sort(wanted_hashes_.begin(), wanted_hashes_.end());
            for (auto h : wanted_hashes_) hash_filter_[h & (hash_filter_.size() - 1)] = true;
        }
    }

    bool wants(const std::string& canonical) override {
        if (!needs_ || needs_->wants_key(canonical) || canonical == kSelect) return true;
        // ControlSet00N\... is wanted when CurrentControlSet\... is.
        if (canonical.starts_with(kControlSetPrefix) && canonical.size() >= kControlSetPrefix.size() + 3) {
            const auto digits = std::string_view(canonical).substr(kControlSetPrefix.size(), 3);
            const auto rest = std::string_view(canonical).substr(kControlSetPrefix.size() + 3);
            if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                (rest.empty() || rest.front() == '\\'))
                return needs_->wants_key(std::string(kCurrentControlSet) + std::string(rest));
        }
        return false;
    }
    bool may_want(std::uint64_t hash) override {
        if (!needs_ || needs_->everything) return true;
        // A small bit filter first: most key lines stop here.
        if (!hash_filter_[hash & (hash_filter_.size() - 1)]) return false;
        return std::binary_search(wanted_hashes_.begin(), wanted_hashes_.end(), hash);
    }

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

    void value(RegValue& value) override {
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
    std::vector<std::uint64_t> wanted_hashes_;  // of the paths after the root name, sorted
    std::vector<bool> hash_filter_ = std::vector<bool>(std::size_t{1} << 18);

    // key_path_hash of a canonical (UTF-8) key, ControlSet00N counted as
    // CurrentControlSet as the skimmer counts it.
    static std::uint64_t path_hash(const std::string& key) {
        std::uint64_t h = detail::kKeyPathHashSeed;
        const auto* p = reinterpret_cast<const unsigned char*>(key.data());
        const auto* end = p + key.size();
        std::string_view rest(key);
        rest.remove_prefix(std::min(key.find('\\'), key.size()));
        p = end - rest.size();
        constexpr std::string_view kSet = "\\SYSTEM\\CONTROLSET";
        if (rest.size() >= kSet.size() + 3 && rest.starts_with(kSet) &&
            std::all_of(rest.begin() + kSet.size(), rest.begin() + kSet.size() + 3,
                        [](char c) { return c >= '0' && c <= '9'; }) &&
            (rest.size() == kSet.size() + 3 || rest[kSet.size() + 3] == '\\')) {
            for (char c : std::string_view("\\SYSTEM\\CURRENTCONTROLSET"))
                h = detail::key_path_hash_step(h, static_cast<char32_t>(c));
            p += kSet.size() + 3;
        }
        while (p < end) {
            char32_t cp = *p;
            const int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
            if (len > end - p) break;
            if (len > 1) cp &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
            for (int k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
            p += len;
            h = detail::key_path_hash_step(h, cp);
        }
        return h;
    }
};

// A read-only view of a whole file, so that skimming touches only page-cache pages.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file) {
#if HARDCHECK_HAVE_MMAP
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
            static_cast<std::uintmax_t>(st.st_size) <= detail::kMaxEvidenceFileBytes) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<const char*>(p);
                size_ = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
#else
        (void)file;
#endif
    }
    ~MappedFile() {
#if HARDCHECK_HAVE_MMAP
        if (data_) ::munmap(const_cast<char*>(data_), size_);
#endif
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

InputError empty_file(const std::string& name) { return InputError(detail::diagnostic_at(name, 1, 1, "empty file")); }

bool starts_with_utf16_bom(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char bom[2] = {0, 0};
    in.read(bom, 2);
    return in && static_cast<unsigned char>(bom[0]) == 0xFF && static_cast<unsigned char>(bom[1]) == 0xFE;
}

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
    if (bytes.empty()) throw empty_file(name);
    ViewSink sink(into, needs);
    if (needs && !needs->everything) {
        RegFileSummary summary;
        summary.encoding = "utf-16le";
        if (detail::skim_reg_utf16(bytes, name, sink, problems, summary, needs->limits.max_line_bytes)) return summary;
    }
    const detail::DecodedText text = detail::decode_text(bytes);
    detail::check_text_lines(text.utf8, needs ? needs->limits.max_line_bytes : Limits{}.max_line_bytes, name);
    return detail::parse_reg(text, name, sink, problems);
}

RegFileSummary read_reg_file(const std::filesystem::path& file, RegistryView& into,
                             std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    const Limits limits = needs ? needs->limits : Limits{};
    // With an interest set, most of a UTF-16 export is skipped without decoding.
    if (needs && !needs->everything && starts_with_utf16_bom(file)) {
        std::error_code ec;
        if (const auto size = std::filesystem::file_size(file, ec); !ec && size > limits.max_file_bytes)
            (void)detail::read_file_bytes(file, limits.max_file_bytes);  // throws the size error
        const MappedFile mapped(file);
        if (mapped.ok()) return read_reg_buffer(mapped.bytes(), file.string(), into, problems, needs);
        return read_reg_buffer(detail::read_file_bytes(file, limits.max_file_bytes), file.string(), into, problems, needs);
    }
    const detail::DecodedText text = detail::decode_text_file(file, limits.max_file_bytes);
    if (text.utf8.empty() && text.encoding != detail::TextEncoding::utf16le)
        throw empty_file(file.string());
    detail::check_text_lines(text.utf8, limits.max_line_bytes, file.string());
    ViewSink sink(into, needs);
    return detail::parse_reg(text, file.string(), sink, problems);
}

}  // namespace hardcheck
