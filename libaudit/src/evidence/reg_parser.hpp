// The .reg grammar, apart from what is done with it: the parser reads a decoded
// export in file order and tells a sink what each line says.  The registry view
// (read_reg_file), `hardcheck dump` and its --summary are sinks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/text_decoding.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

class RegSink {
public:
    virtual ~RegSink() = default;
    // Whether the values of this key are wanted.  Unwanted keys are still read line
    // by line (a string spanning lines must not be taken for a key header) but their
    // data is neither checked digit by digit nor decoded.
    virtual bool wants(const std::string& canonical) = 0;
    // A cheap test before `wants`: false when no wanted key has this hash (see
    // key_path_hash) of its path after the root name.  Lets the skimmer pass over
    // key lines without decoding them.
    virtual bool may_want(std::uint64_t /*path_hash*/) { return true; }
    // A `[key]` header.  `display` is the full root name, then the path as written.
    virtual void open_key(const std::string& canonical, std::string_view display, const SourceLocation& where) = 0;
    virtual void delete_key(const std::string& canonical) = 0;
    // Values and value deletions of the key opened last (only when it is wanted).
    // The sink may move from `value`; the parser reuses it otherwise.
    virtual void value(RegValue& value) = 0;
    virtual void delete_value(std::string_view name) = 0;
    // A key header that could not be read: lookups at or below it are damaged.
    virtual void damaged_key(const std::string& canonical, const SourceLocation& where) = 0;
    // A value line of the open key that could not be read; `name` is a best guess.
    virtual void damaged_value(std::string name, const SourceLocation& where) = 0;
};

// A diagnostic built field by field (GCC 12 at -O3 warns, wrongly, about the
// nested braced form).
Diagnostic diagnostic_at(const std::string& file, std::uint32_t line, std::uint32_t column, std::string message);

// Windows' limits (https://learn.microsoft.com/en-us/windows/win32/sysinfo/registry-element-size-limits):
// key name component 255 characters, value name 16,383 characters, 512 levels;
// characters are UTF-16 code units.
inline constexpr std::size_t kMaxKeyComponent = Limits::reg_key_name_chars;
inline constexpr std::size_t kMaxValueName = Limits::reg_value_name_chars;
inline constexpr std::size_t kMaxKeyDepth = Limits::reg_key_depth;

// FNV-1a over the code points of a key path after its root name ("\\SYSTEM\\..."),
// ASCII letters upper-cased as in canonical keys: equal for equal canonical keys
// whether computed from UTF-8 or from UTF-16.
inline std::uint64_t key_path_hash_step(std::uint64_t hash, char32_t cp) {
    if (cp >= U'a' && cp <= U'z') cp -= U'a' - U'A';
    return (hash ^ cp) * 0x100000001B3ull;
}
inline constexpr std::uint64_t kKeyPathHashSeed = 0xCBF29CE484222325ull;

// A piece of an export parsed on its own (see reg_skim.cpp), starting at a line.
struct RegPart {
    std::uint32_t first_line = 1;
    bool header = true;     // the piece starts with the file's header line
    bool regedit4 = false;  // in: the file's header was REGEDIT4; out: when read here
    bool cr_line_ends_allowed = true;  // false: the file has LF line ends
    bool recovered_string = false;     // out: a string spanning lines was malformed
};

// Parses a piece of an export into `summary` (counts add up over pieces).
void parse_reg_part(const DecodedText& text, const std::string& name, RegSink& sink,
                    std::vector<Diagnostic>& problems, RegPart& part, RegFileSummary& summary);

// Parses a whole export.  Malformed lines go to `problems` (and are counted in the
// summary's errors); a text that is not a registry export throws InputError.
RegFileSummary parse_reg(const DecodedText& text, const std::string& name, RegSink& sink,
                         std::vector<Diagnostic>& problems);

}  // namespace hardcheck::detail
