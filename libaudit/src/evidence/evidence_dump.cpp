// `hardcheck dump` for CLIXML, configuration and event files: JSON lines that show
// what the readers made of a file, so a baseline author can see names and types.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "evidence/config_walk.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

using Kind = PsValue::Kind;

// A JSON line built in memory, written in one call.
class JsonLine {
public:
    void raw(std::string_view s) { buf_ += s; }
    void string(std::string_view s) {
        buf_ += '"';
        for (unsigned char c : s) {
            switch (c) {
                case '"': buf_ += "\\\""; break;
                case '\\': buf_ += "\\\\"; break;
                case '\n': buf_ += "\\n"; break;
                case '\r': buf_ += "\\r"; break;
                case '\t': buf_ += "\\t"; break;
                default:
                    if (c < 0x20) {
                        char esc[8];
                        std::snprintf(esc, sizeof esc, "\\u%04x", c);
                        buf_ += esc;
                    } else {
                        buf_ += static_cast<char>(c);
                    }
            }
        }
        buf_ += '"';
    }
    void key(std::string_view k) {
        string(k);
        buf_ += ':';
    }
    // `"name":{"k":"v",...}`: attributes of a config element, data of an event.
    void string_map(std::string_view name, const std::vector<std::pair<std::string, std::string>>& pairs) {
        key(name);
        raw("{");
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (i) raw(",");
            key(pairs[i].first);
            string(pairs[i].second);
        }
        raw("}");
    }
    void number(std::int64_t n) { buf_ += std::to_string(n); }
    void number(std::uint64_t n) { buf_ += std::to_string(n); }
    void real(double d) {
        if (std::isfinite(d)) buf_ += fmt::format("{}", d);
        else string(std::isnan(d) ? "NaN" : d > 0 ? "INF" : "-INF");
    }
    void location(const SourceLocation& where) {
        line_ = where;
        key("file");
        string(where.file.str());
        raw(",");
        key("line");
        number(static_cast<std::uint64_t>(where.line));
    }
    // Refs share objects, so a small file can describe a tree of 10^30 values; a
    // line stops at Limits::dump_values_per_line instead of writing them all.
    void spend() {
        if (++values_ > Limits::dump_values_per_line)
            throw InputError(Diagnostic{line_, fmt::format("object expands to more than {} values through Refs; not dumped",
                                                           Limits::dump_values_per_line)});
    }
    void flush(std::ostream& out) {
        values_ = 0;
        buf_ += '\n';
        out.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
    }

private:
    std::string buf_;
    std::uint64_t values_ = 0;
    SourceLocation line_;  // of the object this line describes
};

void write_object_body(JsonLine& j, const PsObject& o);

// Plain JSON where the type is plain (null, bool, numbers, strings, lists); a
// one-key object naming the type otherwise ({"datetime": "..."}).
void write_value(JsonLine& j, const PsValue& v) {
    j.spend();
    auto tagged = [&](std::string_view tag) {
        j.raw("{");
        j.key(tag);
        j.string(v.text);
        j.raw("}");
    };
    switch (v.kind) {
        case Kind::null: j.raw("null"); break;
        case Kind::boolean: j.raw(v.boolean ? "true" : "false"); break;
        case Kind::integer: j.number(v.integer); break;
        case Kind::unsigned_integer: j.number(v.unsigned_integer); break;
        case Kind::real: v.text.empty() ? j.real(v.real) : tagged("decimal"); break;
        case Kind::string: j.string(v.text); break;
        case Kind::datetime: tagged("datetime"); break;
        case Kind::timespan: tagged("timespan"); break;
        case Kind::version: tagged("version"); break;
        case Kind::guid: tagged("guid"); break;
        case Kind::uri: tagged("uri"); break;
        case Kind::bytes: tagged("base64"); break;
        case Kind::enumeration:
            j.raw("{");
            j.key("enum");
            j.string(v.text);
            j.raw(",");
            j.key("value");
            j.number(v.integer);
            j.raw("}");
            break;
        case Kind::list: {
            j.raw("[");
            bool first = true;
            for (const auto& item : v.items) {
                if (!first) j.raw(",");
                first = false;
                write_value(j, item);
            }
            j.raw("]");
            break;
        }
        case Kind::dictionary: {
            j.raw("{\"dictionary\":[");
            bool first = true;
            for (const auto& [key, value] : v.entries) {
                if (!first) j.raw(",");
                first = false;
                j.raw("{\"key\":");
                write_value(j, key);
                j.raw(",\"value\":");
                write_value(j, value);
                j.raw("}");
            }
            j.raw("]}");
            break;
        }
        case Kind::object:
            j.raw("{");
            if (v.object) write_object_body(j, *v.object);
            j.raw("}");
            break;
    }
}

void write_object_body(JsonLine& j, const PsObject& o) {
    j.key("type_names");
    j.raw("[");
    for (std::size_t i = 0; i < o.type_names.size(); ++i) {
        if (i) j.raw(",");
        j.string(o.type_names[i]);
    }
    j.raw("],");
    j.key("to_string");
    j.string(o.to_string);
    if (o.value.kind != Kind::null && o.value.kind != Kind::object) {
        j.raw(",");
        j.key("value");
        write_value(j, o.value);
    }
    j.raw(",");
    j.key("properties");
    j.raw("{");
    bool first = true;
    for (const auto& p : o.properties) {
        if (!first) j.raw(",");
        first = false;
        j.key(p.name);
        write_value(j, p.value);
    }
    j.raw("}");
}

void write_summary(std::ostream& out, const std::string& file, std::string_view format, std::uint64_t objects,
                   std::uint64_t errors) {
    JsonLine j;
    j.raw("{");
    j.key("file");
    j.string(file);
    j.raw(",");
    j.key("format");
    j.string(format);
    j.raw(",");
    j.key("objects");
    j.number(objects);
    j.raw(",");
    j.key("errors");
    j.number(errors);
    j.raw("}");
    j.flush(out);
}

}  // namespace

std::uint64_t dump_evidence_json(const std::filesystem::path& file, std::ostream& out, bool summary,
                                 std::vector<Diagnostic>& problems) {
    std::string prefix;
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw InputError(Diagnostic{{file.string(), 0, 0}, "cannot read file"});
        prefix.resize(64 * 1024);
        in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
        prefix.resize(static_cast<std::size_t>(in.gcount()));
    }
    const auto first_problem = problems.size();
    JsonLine j;
    if (looks_like_clixml(prefix)) {
        auto sink = [&](std::shared_ptr<const PsObject> o) {
            if (summary) return;
            j.raw("{");
            j.location(o->where);
            j.raw(",");
            write_object_body(j, *o);
            j.raw("}");
            j.flush(out);
        };
        // Read one object at a time from the mapped file: memory stays bounded.
        const auto s = read_clixml_file(file, sink, problems);
        if (summary) write_summary(out, file.string(), "clixml", s.objects, s.errors);
        return s.errors;
    }
    if (looks_like_config(prefix)) {
        const auto doc = read_config_file(file);
        std::uint64_t elements = 0;
        detail::walk_config(doc, [&](const detail::ConfigElement& e) {
            ++elements;
            if (summary) return;
            j.raw("{");
            j.location(e.where);
            j.raw(",");
            j.key("path");
            j.string(e.path);
            j.raw(",");
            j.string_map("attributes", e.attributes);
            if (!e.text.empty()) {
                j.raw(",");
                j.key("text");
                j.string(e.text);
            }
            j.raw("}");
            j.flush(out);
        });
        if (summary) write_summary(out, file.string(), "config", elements, 0);
        return 0;
    }
    if (looks_like_event_xml(prefix)) {
        const auto events = read_event_xml_file(file, problems);
        const auto errors = static_cast<std::uint64_t>(problems.size() - first_problem);
        if (summary) {
            write_summary(out, file.string(), "events", events.size(), errors);
            return errors;
        }
        for (const auto& e : events) {
            j.raw("{");
            j.location(e.where);
            j.raw(",");
            j.key("id");
            j.number(static_cast<std::uint64_t>(e.id));
            j.raw(",");
            j.key("provider");
            j.string(e.provider);
            j.raw(",");
            j.key("time");
            j.string(e.time);
            j.raw(",");
            j.key("channel");
            j.string(e.channel);
            j.raw(",");
            j.string_map("data", e.data);
            j.raw("}");
            j.flush(out);
        }
        return errors;
    }
    throw InputError(Diagnostic{{file.string(), 0, 0}, "not a CLIXML, configuration or event export"});
}

void dump_bundle_json(const std::filesystem::path& directory, std::ostream& out, std::vector<Diagnostic>* problems) {
    const auto host = load_host(directory);
    if (problems) problems->insert(problems->end(), host.problems.begin(), host.problems.end());
    JsonLine j;
    j.raw("{");
    j.key("host");
    j.string(host.host);
    j.raw(",");
    j.key("directory");
    j.string(host.directory.string());
    j.raw(",");
    j.key("collections");
    j.raw("{");
    bool first = true;
    for (const auto& [type, collection] : host.objects) {
        if (!first) j.raw(",");
        first = false;
        j.key(type);
        j.number(static_cast<std::uint64_t>(collection.objects.size()));
    }
    j.raw("},");
    j.key("configs");
    j.number(static_cast<std::uint64_t>(host.configs.size()));
    j.raw(",");
    j.key("events");
    j.number(static_cast<std::uint64_t>(host.events.size()));
    j.raw(",");
    j.key("problems");
    j.number(static_cast<std::uint64_t>(host.problems.size()));
    j.raw("}");
    j.flush(out);
    for (const auto& f : host.recognised) {
        j.raw("{");
        j.key("file");
        j.string(f.path);
        j.raw(",");
        j.key("format");
        j.string(f.format);
        j.raw(",");
        j.key("read");
        j.raw(f.read ? "true" : "false");
        // An empty export typed by its file name (bundle.cpp): say which collection it made.
        for (const auto& [type, collection] : host.objects)
            if (collection.objects.empty() && collection.problems.empty() &&
                std::find(collection.files.begin(), collection.files.end(), f.path) != collection.files.end()) {
                j.raw(",");
                j.key("empty_collection");
                j.string(type);
            }
        j.raw("}");
        j.flush(out);
    }
}

}  // namespace hardcheck
