// The .reg grammar, apart from what is done with it: the parser reads a decoded
// export in file order and tells a sink what each line says.  The registry view
// (read_reg_file), `hardcheck dump` and its --summary are sinks.
#pragma once

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
    // A `[key]` header.  `display` is the full root name, then the path as written.
    virtual void open_key(const std::string& canonical, std::string_view display, const SourceLocation& where) = 0;
    virtual void delete_key(const std::string& canonical) = 0;
    // Values and value deletions of the key opened last (only when it is wanted).
    virtual void value(RegValue&& value) = 0;
    virtual void delete_value(std::string_view name) = 0;
    // A key header that could not be read: lookups at or below it are damaged.
    virtual void damaged_key(const std::string& canonical, const SourceLocation& where) = 0;
    // A value line of the open key that could not be read; `name` is a best guess.
    virtual void damaged_value(std::string name, const SourceLocation& where) = 0;
};

// Windows' limits (https://learn.microsoft.com/en-us/windows/win32/sysinfo/registry-element-size-limits):
// key name component 255 characters, value name 16,383 characters, 512 levels;
// characters are UTF-16 code units.
inline constexpr std::size_t kMaxKeyComponent = Limits::reg_key_name_chars;
inline constexpr std::size_t kMaxValueName = Limits::reg_value_name_chars;
inline constexpr std::size_t kMaxKeyDepth = Limits::reg_key_depth;

// Parses a whole export.  Malformed lines go to `problems` (and are counted in the
// summary's errors); a text that is not a registry export throws InputError.
RegFileSummary parse_reg(const DecodedText& text, const std::string& name, RegSink& sink,
                         std::vector<Diagnostic>& problems);

}  // namespace hardcheck::detail
