// The thread's last error and the guard every C entry point runs its body in, so
// that no C++ exception crosses the C boundary.
#pragma once

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "hardcheck.h"
#include "hardcheck/diagnostics.hpp"

namespace hc_detail {

// Records `code` and a copy of `message` (and the input location, if any) as the
// calling thread's last error and returns `code`.  Never throws: if the message
// cannot be copied, the error becomes HC_ENOMEM with a static message.
int set_error(int code, std::string_view message, const hardcheck::SourceLocation* where = nullptr) noexcept;
// The same for a message with static storage (a string literal), kept as is.
int set_error(int code, const char* static_message) noexcept;
inline int succeed() noexcept { return set_error(HC_OK, ""); }

// Maps the exception being handled to an error code and records it.
int set_error_from_current_exception() noexcept;

// Runs `body` (returning an hc_error_code) with every exception turned into an
// error code.  Success clears the thread's last error.
template <typename F>
int guarded(F&& body) noexcept {
    try {
        const int code = body();
        if (code == HC_OK) succeed();
        return code;
    } catch (...) {
        return set_error_from_current_exception();
    }
}

// HC_EINVAL naming the NULL argument.
int null_argument(std::string_view name) noexcept;

}  // namespace hc_detail
