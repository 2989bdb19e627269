// Thread-local last error of the C ABI.
#include "c_errors.hpp"

namespace hc_detail {

namespace {

struct ThreadError {
    hc_error view{HC_OK, "", nullptr, 0, 0};
    std::string message;
    std::string file;
};
thread_local ThreadError last_error;

}  // namespace

int set_error(int code, std::string_view message, const hardcheck::SourceLocation* where) noexcept {
    auto& e = last_error;
    try {
        e.message = message;
        e.file = where ? where->file.str() : std::string();
    } catch (...) {
        // Copying the message needed memory we do not have.
        e.message.clear();
        e.file.clear();
        e.view = hc_error{HC_ENOMEM, "out of memory", nullptr, 0, 0};
        return HC_ENOMEM;
    }
    e.view.code = code;
    e.view.message = e.message.c_str();
    e.view.file = where && !where->file.empty() ? e.file.c_str() : nullptr;
    e.view.line = where ? where->line : 0;
    e.view.column = where ? where->column : 0;
    return code;
}

int set_error(int code, const char* static_message) noexcept {
    auto& e = last_error;
    e.file.clear();
    e.view = hc_error{code, static_message, nullptr, 0, 0};
    return code;
}

int set_error_from_current_exception() noexcept {
    try {
        throw;
    } catch (const hardcheck::InputError& e) {
        const auto& all = e.diagnostics();
        return set_error(HC_EINPUT, std::string_view(e.what()), all.empty() ? nullptr : &all.front().where);
    } catch (const std::bad_alloc&) {
        return set_error(HC_ENOMEM, "out of memory");
    } catch (const std::exception& e) {
        try {
            return set_error(HC_EINTERNAL, std::string("internal error: ") + e.what());
        } catch (...) {
            return set_error(HC_ENOMEM, "out of memory");
        }
    } catch (...) {
        return set_error(HC_EINTERNAL, "internal error");
    }
}

int null_argument(std::string_view name) noexcept {
    try {
        return set_error(HC_EINVAL, std::string(name) + " is NULL");
    } catch (...) {
        return set_error(HC_ENOMEM, "out of memory");
    }
}

}  // namespace hc_detail

extern "C" const hc_error* hc_error_last(void) { return &hc_detail::last_error.view; }
