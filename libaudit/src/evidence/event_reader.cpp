// Windows event exports: `wevtutil qe LOG /f:xml` (Event elements in the event
// schema, https://learn.microsoft.com/windows/win32/wes/eventschema-schema) and
// EventLogRecord objects from Get-WinEvent | Export-Clixml.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "ascii.hpp"
#include "evidence/file_bytes.hpp"
#include "evidence/input_limits.hpp"
#include "evidence/text_decoding.hpp"
#include "evidence/text_locator.hpp"
#include "evidence/xml_scan.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

constexpr std::string_view kEventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";

// Security 4688, version 2 (Windows 10 / Server 2016 and later), in the order the
// event writes its data:
// https://learn.microsoft.com/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4688
// (template order: https://windows-event-explorer.app.elstc.co/publisher/Microsoft-Windows-Security-Auditing/event/4688/v2)
constexpr std::array<std::string_view, 15> k4688Fields{
    "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "NewProcessId",
    "NewProcessName", "TokenElevationType", "ProcessId", "CommandLine", "TargetUserSid",
    "TargetUserName", "TargetDomainName", "TargetLogonId", "ParentProcessName", "MandatoryLabel",
};

using detail::iequals;

// 4688 names the processes differently from Sysmon 1; checks read Image and
// ParentImage from either.
void add_process_aliases(EventRecord& event) {
    if (event.id != 4688 || !iequals(event.provider, "Microsoft-Windows-Security-Auditing")) return;
    if (event.field("Image") == nullptr)
        if (const auto* v = event.field("NewProcessName")) event.data.emplace_back("Image", *v);
    if (event.field("ParentImage") == nullptr)
        if (const auto* v = event.field("ParentProcessName")) event.data.emplace_back("ParentImage", *v);
}

std::string element_text(pugi::xml_node node) {
    std::string text;
    for (auto child : node.children())
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    return text;
}

// Sysmon renders every field as "Name: value" on its own line of the message.
void fields_from_sysmon_message(std::string_view message, EventRecord& event) {
    while (!message.empty()) {
        auto nl = message.find('\n');
        auto line = message.substr(0, nl);
        message = nl == std::string_view::npos ? std::string_view{} : message.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto colon = line.find(": ");
        if (colon == std::string_view::npos || colon == 0) continue;
        const auto name = line.substr(0, colon);
        if (name.find(' ') != std::string_view::npos) continue;
        event.data.emplace_back(std::string(name), std::string(line.substr(colon + 2)));
    }
}

// A .NET DateTime as Export-Clixml writes it (local time with its offset,
// 2021-10-06T15:44:43.0986128-07:00) in UTC (2021-10-06T22:44:43.0986128Z), the form
// wevtutil uses, so times from both exports compare as text.  Returned unchanged
// when it is not in that form (no offset: the zone is unknown).
std::string to_utc(const std::string& t) {
    auto digits = [&](std::size_t at, std::size_t n, int& out) {
        if (at + n > t.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, sec, oh, om;
    if (t.size() < 25 || !digits(0, 4, y) || t[4] != '-' || !digits(5, 2, mo) || t[7] != '-' || !digits(8, 2, d) ||
        t[10] != 'T' || !digits(11, 2, h) || t[13] != ':' || !digits(14, 2, mi) || t[16] != ':' || !digits(17, 2, sec))
        return t;
    const std::size_t zone = t.size() - 6;
    if ((t[zone] != '+' && t[zone] != '-') || !digits(zone + 1, 2, oh) || t[zone + 3] != ':' || !digits(zone + 4, 2, om))
        return t;
    const std::string fraction = t.substr(19, zone - 19);  // ".0986128" or empty
    using namespace std::chrono;
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok() || h > 23 || mi > 59 || sec > 60) return t;
    const int sign = t[zone] == '+' ? 1 : -1;
    auto when = sys_days{date} + hours{h} + minutes{mi} + seconds{sec} - sign * (hours{oh} + minutes{om});
    const auto day_start = floor<days>(when);
    const year_month_day utc{day_start};
    const hh_mm_ss<seconds> clock{duration_cast<seconds>(when - day_start)};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}Z", static_cast<int>(utc.year()),
                       static_cast<unsigned>(utc.month()), static_cast<unsigned>(utc.day()), clock.hours().count(),
                       clock.minutes().count(), clock.seconds().count(), fraction);
}

std::string value_text(const PsValue& v) {
    switch (v.kind) {
        case PsValue::Kind::null: return {};
        case PsValue::Kind::boolean: return v.boolean ? "true" : "false";
        case PsValue::Kind::integer: return std::to_string(v.integer);
        case PsValue::Kind::unsigned_integer: return std::to_string(v.unsigned_integer);
        case PsValue::Kind::real: return fmt::format("{}", v.real);
        default: return v.text;
    }
}

}  // namespace

const std::string* EventRecord::field(std::string_view name) const {
    for (const auto& [key, value] : data)
        if (iequals(key, name)) return &value;
    return nullptr;
}

bool looks_like_event_xml(std::string_view first_bytes) {
    const auto text = detail::decode_text(first_bytes);
    const auto root = detail::sniff_xml_root(text.utf8);
    return root && ((root->name == "Event" && root->xmlns == kEventNamespace) || root->name == "Events");
}

std::vector<EventRecord> read_event_xml_buffer(std::string_view bytes, const std::string& name,
                                               std::vector<Diagnostic>& problems) {
    const auto decoded = detail::decode_text(bytes);
    const std::string& text = decoded.utf8;
    detail::refuse_hostile_xml(bytes, decoded, name);
    detail::TextLocator locator(text, name);
    const auto root = detail::sniff_xml_root(text);
    if (!root || !((root->name == "Event" && root->xmlns == kEventNamespace) || root->name == "Events"))
        throw InputError(Diagnostic{locator.locate(root ? root->offset : 0), "not a Windows event export"});
    // wevtutil writes one Event element after another with no root: a fragment.
    pugi::xml_document doc;
    std::string buffer = text;
    const auto result = doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_fragment,
                                                pugi::encoding_utf8);
    if (!result)
        throw InputError(Diagnostic{locator.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
                                    result.description()});
    std::vector<pugi::xml_node> nodes;
    for (auto top : doc.children()) {
        if (top.type() != pugi::node_element) continue;
        if (std::string_view(top.name()) == "Events") {
            for (auto e : top.children("Event")) nodes.push_back(e);
        } else {
            nodes.push_back(top);
        }
    }
    std::vector<EventRecord> events;
    for (auto node : nodes) {
        const auto where = locator.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug() - 1, 0)));
        if (std::string_view(node.name()) != "Event") {
            problems.push_back({where, fmt::format("unexpected <{}> in an event export", node.name())});
            continue;
        }
        const auto system = node.child("System");
        EventRecord event;
        event.where = where;
        const std::string id_text = element_text(system.child("EventID"));
        auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), event.id);
        if (id_text.empty() || ec != std::errc() || end != id_text.data() + id_text.size()) {
            problems.push_back({where, "event without a numeric System/EventID"});
            continue;
        }
        event.provider = system.child("Provider").attribute("Name").value();
        event.time = system.child("TimeCreated").attribute("SystemTime").value();
        event.channel = element_text(system.child("Channel"));
        std::size_t position = 0;
        for (auto data : node.child("EventData").children("Data")) {
            ++position;
            std::string key = data.attribute("Name").value();
            event.data.emplace_back(key.empty() ? std::to_string(position) : key, element_text(data));
        }
        // Events with UserData carry one element of named fields instead.
        for (auto field : node.child("UserData").first_child().children())
            if (field.type() == pugi::node_element) event.data.emplace_back(field.name(), element_text(field));
        add_process_aliases(event);
        events.push_back(std::move(event));
    }
    return events;
}

std::vector<EventRecord> read_event_xml_file(const std::filesystem::path& file, std::vector<Diagnostic>& problems) {
    return read_event_xml_buffer(detail::read_file_bytes(file), file.string(), problems);
}

std::optional<EventRecord> event_from_object(const PsObject& object) {
    if (object.type_names.empty() || !object_type_matches(object.type_names.front(), "EventLogRecord")) return std::nullopt;
    EventRecord event;
    event.where = object.where;
    if (const auto* id = object.property("Id")) event.id = static_cast<std::uint32_t>(id->integer);
    if (const auto* p = object.property("ProviderName")) event.provider = p->text;
    if (const auto* t = object.property("TimeCreated")) event.time = to_utc(t->text);
    if (const auto* c = object.property("LogName")) event.channel = c->text;
    std::vector<std::string> values;
    if (const auto* props = object.property("Properties"); props && props->kind == PsValue::Kind::list) {
        for (const auto& item : props->items) {
            const PsValue* value = item.object ? item.object->property("Value") : nullptr;
            values.push_back(value ? value_text(*value) : value_text(item));
        }
    }
    const bool security_4688 = event.id == 4688 && iequals(event.provider, "Microsoft-Windows-Security-Auditing");
    const PsValue* message = object.property("Message");
    if (iequals(event.provider, "Microsoft-Windows-Sysmon") && message && message->kind == PsValue::Kind::string) {
        fields_from_sysmon_message(message->text, event);
    } else {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const bool named = security_4688 && values.size() == k4688Fields.size();
            event.data.emplace_back(named ? std::string(k4688Fields[i]) : std::to_string(i + 1), values[i]);
        }
    }
    add_process_aliases(event);
    return event;
}

}  // namespace hardcheck
