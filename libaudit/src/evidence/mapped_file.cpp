#include "evidence/mapped_file.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "evidence/file_bytes.hpp"
#include "hardcheck/diagnostics.hpp"

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define HARDCHECK_HAVE_MMAP 1
#endif

namespace hardcheck::detail {

MappedFile::MappedFile(const std::filesystem::path& file) {
#ifdef HARDCHECK_HAVE_MMAP
    auto fail = [&](const std::string& why) {
        return InputError(Diagnostic{{file.string(), 0, 0}, fmt::format("cannot read file: {}", why)});
    };
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw fail("is a directory");
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw fail(std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        // Not a regular file (a pipe, a device): read it the ordinary way.
        fallback_ = read_file_bytes(file);
        data_ = fallback_.data();
        size_ = fallback_.size();
        return;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxEvidenceFileBytes) {
        ::close(fd);
        throw fail(fmt::format("larger than the limit of {} bytes", kMaxEvidenceFileBytes));
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ == 0) {
        ::close(fd);
        return;
    }
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    const int saved = errno;
    ::close(fd);
    if (p == MAP_FAILED) throw fail(std::strerror(saved));
    data_ = static_cast<const char*>(p);
    mapped_ = true;
#else
    fallback_ = read_file_bytes(file);
    data_ = fallback_.data();
    size_ = fallback_.size();
#endif
}

MappedFile::~MappedFile() {
#ifdef HARDCHECK_HAVE_MMAP
    if (mapped_) ::munmap(const_cast<char*>(data_), size_);
#endif
}

void MappedFile::release(std::size_t begin, std::size_t end) noexcept {
#ifdef HARDCHECK_HAVE_MMAP
    if (!mapped_) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    begin = begin / page * page;
    end = std::min(end, size_) / page * page;
    if (end > begin) ::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_DONTNEED);
#else
    (void)begin;
    (void)end;
#endif
}

}  // namespace hardcheck::detail
