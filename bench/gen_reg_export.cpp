// Writes a deterministic UTF-16LE registry export shaped like `reg export HKLM\SYSTEM`
// (regedit.exe's layout: BOM, CRLF, parent keys written empty, hex data wrapped at
// 80 columns with a two-space indent), of about the size asked for.
//
//   gen_reg_export OUT.reg [MEGABYTES=200] [--no-multiline-strings]
//
// Every value type appears (REG_SZ, EXPAND_SZ and MULTI_SZ, DWORD, QWORD, BINARY,
// NONE, resource lists), some strings hold raw CR/LF and characters outside ASCII,
// and the SCHANNEL keys a TLS baseline reads sit in the middle of the file.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace {

// xorshift64*: the same bytes on every machine.
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1Dull;
    }
    unsigned below(unsigned n) { return static_cast<unsigned>(next() % n); }
};

class Writer {
public:
    explicit Writer(std::FILE* f) : f_(f) { put_units(u"\xFEFF"); }
    ~Writer() { flush(); }

    // UTF-8 in, UTF-16LE out.
    void text(const std::string& s) {
        for (std::size_t i = 0; i < s.size();) {
            char32_t cp = static_cast<unsigned char>(s[i]);
            int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
            if (len > 1) {
                cp &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
                for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
            }
            i += static_cast<std::size_t>(len);
            if (cp >= 0x10000) {
                unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
                unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            } else {
                unit(static_cast<char16_t>(cp));
            }
        }
    }
    void line(const std::string& s) { text(s + "\r\n"); }
    // A key header; as regedit does, every parent not written yet comes first, empty.
    void key(const std::string& path) {
        for (std::size_t sep = path.find('\\', path.find('\\') + 1); sep != std::string::npos;
             sep = path.find('\\', sep + 1))
            if (std::string parent(path, 0, sep); keys_.insert(parent).second) {
                header(parent);
                line("");
            }
        keys_.insert(path);
        header(path);
    }
    void header(const std::string& path) {
        text("[");
        text(path);
        text("]\r\n");
    }
    std::uint64_t bytes() const { return written_ + buf_.size(); }

private:
    void put_units(const char16_t* u) {
        while (*u) unit(*u++);
    }
    void unit(char16_t u) {
        buf_.push_back(static_cast<char>(u & 0xFF));
        buf_.push_back(static_cast<char>(u >> 8));
        if (buf_.size() >= (1u << 20)) flush();
    }
    void flush() {
        std::fwrite(buf_.data(), 1, buf_.size(), f_);
        written_ += buf_.size();
        buf_.clear();
    }
    std::FILE* f_;
    std::string buf_;
    std::uint64_t written_ = 0;
    std::set<std::string> keys_;
};

std::string hex2(unsigned b) {
    static const char* d = "0123456789abcdef";
    return {d[(b >> 4) & 15], d[b & 15]};
}

// `"name"=hex(N):..` wrapped as regedit wraps it.
void hex_value(Writer& w, const std::string& name, const std::string& type, const std::vector<std::uint8_t>& bytes) {
    std::string line = (name.empty() ? std::string("@") : "\"" + name + "\"") + "=" + type + ":";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        line += hex2(bytes[i]);
        if (i + 1 < bytes.size()) {
            line += ',';
            if (line.size() > 76) {
                w.line(line + "\\");
                line = "  ";
            }
        }
    }
    w.line(line);
}

std::vector<std::uint8_t> utf16z(const std::string& ascii) {
    std::vector<std::uint8_t> out;
    for (char c : ascii) out.insert(out.end(), {static_cast<std::uint8_t>(c), 0});
    out.insert(out.end(), {0, 0});
    return out;
}

std::vector<std::uint8_t> multi(const std::vector<std::string>& items) {
    std::vector<std::uint8_t> out;
    for (const auto& s : items) {
        auto z = utf16z(s);
        out.insert(out.end(), z.begin(), z.end());
    }
    out.insert(out.end(), {0, 0});
    return out;
}

std::vector<std::uint8_t> random_bytes(Rng& r, std::size_t n) {
    std::vector<std::uint8_t> out(n);
    for (auto& b : out) b = static_cast<std::uint8_t>(r.below(256));
    return out;
}

std::string dword(std::uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "dword:%08x", v);
    return buf;
}

const char* kRoot = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001";

void service(Writer& w, Rng& r, unsigned n, bool multiline_strings) {
    const std::string name = "Svc" + std::to_string(n);
    const std::string key = std::string(kRoot) + "\\Services\\" + name;
    w.key(key);
    w.line("\"Type\"=" + dword(1u << r.below(6)));
    w.line("\"Start\"=" + dword(r.below(5)));
    w.line("\"ErrorControl\"=" + dword(r.below(2)));
    hex_value(w, "ImagePath", "hex(2)", utf16z("%SystemRoot%\\System32\\svchost.exe -k netsvcs -p -s " + name));
    w.line("\"DisplayName\"=\"@%SystemRoot%\\\\system32\\\\" + name + ".dll,-" + std::to_string(100 + r.below(900)) + "\"");
    w.line("\"ObjectName\"=\"LocalSystem\"");
    hex_value(w, "DependOnService", "hex(7)", multi({"RpcSs", "Tcpip", "Svc" + std::to_string(r.below(n + 1))}));
    if (n % 7 == 0) w.line("\"Description\"=\"Caf\xC3\xA9 service \xF0\x9F\x98\x80 for " + name + "\"");
    if (n % 11 == 0 && multiline_strings) w.line("\"Notes\"=\"first line\r\nsecond line\r\n[not a key]\"");
    hex_value(w, "FailureActions", "hex", random_bytes(r, 20 + r.below(24)));
    w.line("\"ServiceSidType\"=" + dword(1));
    w.line("");
    w.key(key + "\\Parameters");
    hex_value(w, "ServiceDll", "hex(2)", utf16z("%SystemRoot%\\system32\\" + name + ".dll"));
    w.line("\"ServiceDllUnloadOnStop\"=" + dword(1));
    hex_value(w, "LastChecked", "hex(b)", random_bytes(r, 8));
    w.line("");
    w.key(key + "\\Security");
    hex_value(w, "Security", "hex", random_bytes(r, 100 + r.below(120)));
    w.line("");
    w.key(key + "\\Enum");
    w.line("\"0\"=\"Root\\\\LEGACY_" + name + "\\\\0000\"");
    w.line("\"Count\"=" + dword(1));
    hex_value(w, "Marker", "hex(0)", {});
    w.line("");
}

void device_class(Writer& w, Rng& r, unsigned n) {
    char guid[64];
    std::snprintf(guid, sizeof guid, "{%08x-%04x-%04x-%04x-%012llx}", n, n & 0xFFFF, 0x11d0, 0xbfc1,
                  static_cast<unsigned long long>(r.next() & 0xFFFFFFFFFFFFull));
    const std::string key = std::string(kRoot) + "\\Control\\Class\\" + guid + "\\0000";
    w.key(key);
    w.line("\"DriverDesc\"=\"Generic device " + std::to_string(n) + "\"");
    w.line("\"DriverDate\"=\"6-21-2006\"");
    hex_value(w, "DriverDateData", "hex", random_bytes(r, 8));
    w.line("\"DriverVersion\"=\"10.0.20348." + std::to_string(r.below(3000)) + "\"");
    hex_value(w, "InstallTime", "hex(b)", random_bytes(r, 8));
    hex_value(w, "Resources", "hex(8)", random_bytes(r, 40));
    w.line("");
}

// The keys a TLS baseline reads (20), with values.
void schannel(Writer& w) {
    const std::string base = std::string(kRoot) + "\\Control\\SecurityProviders\\SCHANNEL";
    w.key(base);
    w.line("\"EventLogging\"=" + dword(1));
    w.line("");
    for (const char* c : {"DES 56/56", "NULL", "RC4 128/128", "RC4 40/128", "RC4 56/128", "Triple DES 168"}) {
        w.key(base + "\\Ciphers\\" + c);
        w.line("\"Enabled\"=" + dword(0));
        w.line("");
    }
    for (const char* p : {"SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"}) {
        for (const char* side : {"Client", "Server"}) {
            w.key(base + "\\Protocols\\" + p + "\\" + side);
            const bool on = std::string(p) >= "TLS 1.2";
            w.line("\"DisabledByDefault\"=" + dword(on ? 0 : 1));
            w.line("\"Enabled\"=" + dword(on ? 1 : 0));
            w.line("");
        }
    }
    w.key(std::string(kRoot) + "\\Control\\Lsa");
    w.line("\"LmCompatibilityLevel\"=" + dword(5));
    w.line("");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: gen_reg_export OUT.reg [MEGABYTES=200] [--no-multiline-strings]\n");
        return 2;
    }
    const std::uint64_t target = (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 200) * 1000 * 1000;
    // hivexregedit cannot read strings spanning lines (which regedit writes).
    const bool multiline_strings = !(argc > 3 && std::string(argv[3]) == "--no-multiline-strings");
    std::FILE* f = std::fopen(argv[1], "wb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    {
        Writer w(f);
        Rng r;
        w.line("Windows Registry Editor Version 5.00");
        w.line("");
        w.key("HKEY_LOCAL_MACHINE\\SYSTEM");
        w.line("");
        // Control (device classes, then SCHANNEL) takes the first half, Services the rest.
        unsigned n = 0;
        while (w.bytes() < target * 2 / 5) device_class(w, r, n++);
        schannel(w);
        n = 0;
        while (w.bytes() < target) service(w, r, n++, multiline_strings);
        w.key("HKEY_LOCAL_MACHINE\\SYSTEM\\Select");
        w.line("\"Current\"=" + dword(1));
        w.line("\"Default\"=" + dword(1));
        w.line("");
    }
    std::fclose(f);
    return 0;
}
