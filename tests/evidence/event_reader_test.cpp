#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

const std::string kNs = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

}  // namespace

BOOST_AUTO_TEST_SUITE(event_reader)

BOOST_AUTO_TEST_CASE(wevtutil_export_gives_id_provider_time_channel_and_named_data) {
    std::vector<Diagnostic> problems;
    const auto file = test::data_dir() / "events" / "sysmon_and_4688.xml";
    auto events = read_event_xml_file(file, problems);
    BOOST_TEST(problems.empty());
    BOOST_REQUIRE(events.size() == 3u);
    const auto& sysmon = events[0];
    BOOST_TEST(sysmon.id == 1u);
    BOOST_TEST(sysmon.provider == "Microsoft-Windows-Sysmon");
    BOOST_TEST(sysmon.time == "2024-03-05T10:11:12.1234567Z");
    BOOST_TEST(sysmon.channel == "Microsoft-Windows-Sysmon/Operational");
    BOOST_TEST(*sysmon.field("Image") == "C:\\Windows\\System32\\cmd.exe");
    BOOST_TEST(*sysmon.field("commandline") == "cmd.exe /c whoami & hostname");
    BOOST_TEST(*sysmon.field("ParentImage") == "C:\\Windows\\System32\\inetsrv\\w3wp.exe");
    BOOST_TEST(sysmon.where.str() == file.string() + ":1:1");
}

BOOST_AUTO_TEST_CASE(security_4688_also_answers_image_and_parent_image) {
    std::vector<Diagnostic> problems;
    auto events = read_event_xml_file(test::data_dir() / "events" / "sysmon_and_4688.xml", problems);
    const auto& e = events.at(1);
    BOOST_TEST(e.id == 4688u);
    BOOST_TEST(*e.field("NewProcessName") == "C:\\Windows\\System32\\whoami.exe");
    BOOST_TEST(*e.field("Image") == "C:\\Windows\\System32\\whoami.exe");
    BOOST_TEST(*e.field("ParentImage") == "C:\\Windows\\System32\\cmd.exe");
    BOOST_TEST(*e.field("CommandLine") == "whoami");
    BOOST_TEST(e.where.line == 2u);
}

BOOST_AUTO_TEST_CASE(unnamed_data_is_numbered_and_qualifiers_do_not_hide_the_id) {
    std::vector<Diagnostic> problems;
    auto events = read_event_xml_file(test::data_dir() / "events" / "sysmon_and_4688.xml", problems);
    const auto& e = events.at(2);
    BOOST_TEST(e.id == 7036u);
    BOOST_TEST(*e.field("1") == "Windows Update");
    BOOST_TEST(*e.field("2") == "running");
    BOOST_TEST(e.field("3") == nullptr);
}

BOOST_AUTO_TEST_CASE(events_under_one_root_and_user_data) {
    std::vector<Diagnostic> problems;
    auto events = read_event_xml_buffer("<Events>\n<Event " + kNs +
                                            "><System><Provider Name='P'/><EventID>5</EventID></System>"
                                            "<UserData><X><Field>v</Field></X></UserData></Event>\n</Events>",
                                        "e.xml", problems);
    BOOST_REQUIRE(events.size() == 1u);
    BOOST_TEST(*events[0].field("Field") == "v");
    BOOST_TEST(events[0].where.str() == "e.xml:2:1");
}

BOOST_AUTO_TEST_CASE(event_without_numeric_id_is_a_problem_and_skipped) {
    std::vector<Diagnostic> problems;
    auto events = read_event_xml_buffer("<Event " + kNs + "><System><EventID>x</EventID></System></Event>\n<Event " + kNs +
                                            "><System><EventID>4</EventID></System></Event>",
                                        "e.xml", problems);
    BOOST_TEST(events.size() == 1u);
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].str() == "e.xml:1:1: error: event without a numeric System/EventID");
}

BOOST_AUTO_TEST_CASE(malformed_event_xml_throws_with_position) {
    std::vector<Diagnostic> problems;
    try {
        read_event_xml_buffer("<Event " + kNs + ">\n<System></Event>", "e.xml", problems);
        BOOST_FAIL("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics().front().str() == "e.xml:2:11: error: Start-end tags mismatch");
    }
    BOOST_CHECK_THROW(read_event_xml_buffer("<Objs/>", "e.xml", problems), InputError);
    BOOST_TEST(looks_like_event_xml("<Event " + kNs + ">"));
    BOOST_TEST(!looks_like_event_xml("<Event>"));
}

BOOST_AUTO_TEST_CASE(get_winevent_clixml_record_becomes_an_event) {
    std::vector<std::shared_ptr<const PsObject>> objects;
    std::vector<Diagnostic> problems;
    const auto file = test::data_dir() / "corpus" / "exchange" / "E16" / "OS" / "GetWinEventOldestSystem.xml";
    read_clixml_file(file, [&](std::shared_ptr<const PsObject> o) { objects.push_back(std::move(o)); }, problems);
    BOOST_REQUIRE(objects.size() == 1u);
    auto event = event_from_object(*objects[0]);
    BOOST_REQUIRE(event.has_value());
    BOOST_TEST(event->id == 104u);
    BOOST_TEST(event->provider == "Microsoft-Windows-Eventlog");
    BOOST_TEST(event->time == "2021-10-06T22:44:43.0986128Z");
    BOOST_TEST(event->channel == "System");
    BOOST_TEST(*event->field("1") == "Administrator");
    BOOST_TEST(*event->field("2") == "WIN-S9MI90B3JAK");
    BOOST_TEST(event->where.str() == file.string() + ":2:3");
}

BOOST_AUTO_TEST_CASE(clixml_4688_properties_get_their_names_and_sysmon_fields_come_from_the_message) {
    std::vector<std::shared_ptr<const PsObject>> objects;
    std::vector<Diagnostic> problems;
    std::string props;
    const char* values[15] = {"S-1-5-18", "EXCH1$", "CONTOSO", "0x3e7", "0x1", "C:\\w\\whoami.exe", "%%1936", "0x2",
                              "whoami /all", "S-1-0-0", "-", "-", "0x0", "C:\\w\\cmd.exe", "S-1-16-16384"};
    for (const char* v : values)
        props += std::string("<Obj><TNRef RefId=\"1\" /><Props><S N=\"Value\">") + v + "</S></Props></Obj>";
    const std::string xml =
        "<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
        "<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Diagnostics.Eventing.Reader.EventLogRecord</T></TN><Props>"
        "<I32 N=\"Id\">4688</I32><S N=\"ProviderName\">Microsoft-Windows-Security-Auditing</S><S N=\"LogName\">Security</S>"
        "<DT N=\"TimeCreated\">2024-01-01T01:30:00.5+02:00</DT>"
        "<Obj N=\"Properties\"><LST><Obj><TN RefId=\"1\"><T>System.Diagnostics.Eventing.Reader.EventProperty</T></TN>"
        "<Props><S N=\"Value\">first</S></Props></Obj></LST></Obj></Props></Obj>"
        "<Obj><TNRef RefId=\"0\" /><Props><I32 N=\"Id\">4688</I32><S N=\"ProviderName\">Microsoft-Windows-Security-Auditing</S>"
        "<Obj N=\"Properties\"><LST>" + props + "</LST></Obj></Props></Obj>"
        "<Obj><TNRef RefId=\"0\" /><Props><I32 N=\"Id\">1</I32><S N=\"ProviderName\">Microsoft-Windows-Sysmon</S>"
        "<S N=\"Message\">Process Create:_x000D__x000A_RuleName: -_x000D__x000A_Image: C:\\w\\powershell.exe_x000D__x000A_"
        "CommandLine: powershell -enc AAA=_x000D__x000A_ParentImage: C:\\w\\w3wp.exe</S></Props></Obj>"
        "</Objs>";
    read_clixml_buffer(xml, "w.xml", [&](std::shared_ptr<const PsObject> o) { objects.push_back(std::move(o)); }, problems);
    BOOST_TEST(problems.empty());
    BOOST_REQUIRE(objects.size() == 3u);
    // A record whose data does not have the known layout keeps positional names.
    auto short_one = event_from_object(*objects[0]);
    BOOST_TEST(short_one->time == "2023-12-31T23:30:00.5Z");
    BOOST_TEST(*short_one->field("1") == "first");
    BOOST_TEST(short_one->field("Image") == nullptr);
    auto full = event_from_object(*objects[1]);
    BOOST_TEST(*full->field("NewProcessName") == "C:\\w\\whoami.exe");
    BOOST_TEST(*full->field("Image") == "C:\\w\\whoami.exe");
    BOOST_TEST(*full->field("CommandLine") == "whoami /all");
    BOOST_TEST(*full->field("ParentImage") == "C:\\w\\cmd.exe");
    auto sysmon = event_from_object(*objects[2]);
    BOOST_TEST(sysmon->time.empty());
    BOOST_TEST(*sysmon->field("Image") == "C:\\w\\powershell.exe");
    BOOST_TEST(*sysmon->field("CommandLine") == "powershell -enc AAA=");
    BOOST_TEST(*sysmon->field("ParentImage") == "C:\\w\\w3wp.exe");
}

BOOST_AUTO_TEST_CASE(other_objects_are_not_events) {
    PsObject o;
    o.type_names = {"Microsoft.Exchange.Data.Directory.Management.ExchangeServer"};
    BOOST_TEST(!event_from_object(o).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
