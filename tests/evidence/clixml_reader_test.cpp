#include <boost/test/unit_test.hpp>

#include <cmath>

#include "evidence/file_bytes.hpp"
#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

namespace hardcheck {
inline std::ostream& operator<<(std::ostream& out, PsValue::Kind kind) { return out << static_cast<int>(kind); }
}  // namespace hardcheck

using namespace hardcheck;
using Kind = PsValue::Kind;

namespace {

struct Read {
    std::vector<std::shared_ptr<const PsObject>> objects;
    std::vector<Diagnostic> problems;
    ClixmlFileSummary summary;
};

Read read(const std::string& bytes, const EvidenceNeeds* needs = nullptr) {
    Read r;
    r.summary = read_clixml_buffer(bytes, "t.xml", [&](std::shared_ptr<const PsObject> o) { r.objects.push_back(std::move(o)); },
                                   r.problems, needs);
    return r;
}

Read read_fixture(const std::string& name) {
    const auto path = test::data_dir() / "clixml" / name;
    Read r;
    r.summary = read_clixml_file(path, [&](std::shared_ptr<const PsObject> o) { r.objects.push_back(std::move(o)); }, r.problems);
    return r;
}

std::string objs(const std::string& body) {
    return "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n" + body + "\n</Objs>\n";
}

std::string first_problem(const Read& r) { return r.problems.empty() ? std::string("(none)") : r.problems.front().str(); }

const PsValue& prop(const PsObject& o, const char* name) {
    const auto* v = o.property(name);
    BOOST_REQUIRE_MESSAGE(v != nullptr, "no property " << name);
    return *v;
}

// The fixture every element test reads; parsed once per test (it is small).
struct Everything {
    Read r = read_fixture("all_elements.xml");
    const PsObject& obj() const { return *r.objects.at(0); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(clixml_reader)

BOOST_FIXTURE_TEST_CASE(fixture_with_every_element_reads_without_problems, Everything) {
    BOOST_TEST(first_problem(r) == "(none)");
    BOOST_TEST(r.summary.objects == 4u);
    BOOST_TEST(r.summary.encoding == "utf-8");
    BOOST_TEST(obj().type_names == (std::vector<std::string>{"Test.Everything", "System.Object"}));
    BOOST_TEST(obj().to_string == "every_element");
    BOOST_TEST(obj().where.str() == test::data_dir().string() + "/clixml/all_elements.xml:3:3");
}

BOOST_FIXTURE_TEST_CASE(strings_decode_xml_entities_and_x_escapes, Everything) {
    BOOST_TEST(prop(obj(), "String").kind == Kind::string);
    BOOST_TEST(prop(obj(), "String").text == "a\r\nb & c");
    BOOST_TEST(prop(obj(), "Space").text == " ");
    BOOST_TEST(prop(obj(), "Empty").text == "");
    BOOST_TEST(prop(obj(), "Emoji").text == "\xF0\x9F\x98\x80!");
    BOOST_TEST(prop(obj(), "LoneSurrogate").text == "\xEF\xBF\xBDx");
    BOOST_TEST(prop(obj(), "Uri").kind == Kind::uri);
    BOOST_TEST(prop(obj(), "Uri").text == "https://mail.example.com/owa?a=1&b");
}

BOOST_FIXTURE_TEST_CASE(every_value_carries_its_file_line_and_column, Everything) {
    const auto file = test::data_dir().string() + "/clixml/all_elements.xml";
    BOOST_TEST(prop(obj(), "String").where.str() == file + ":10:7");
    BOOST_TEST(prop(obj(), "Enum").where.str() == file + ":40:7");
    BOOST_TEST(prop(obj(), "List").items.at(1).where.str() == file + ":58:11");
}

BOOST_FIXTURE_TEST_CASE(booleans_null_and_char, Everything) {
    BOOST_TEST((prop(obj(), "True").kind == Kind::boolean && prop(obj(), "True").boolean));
    BOOST_TEST((prop(obj(), "False").kind == Kind::boolean && !prop(obj(), "False").boolean));
    BOOST_TEST((prop(obj(), "Nothing").kind == Kind::null));
    BOOST_TEST(prop(obj(), "Char").text == "A");
    BOOST_TEST(prop(obj(), "Char").unsigned_integer == 65u);
}

BOOST_FIXTURE_TEST_CASE(integers_keep_their_full_range_and_signedness, Everything) {
    BOOST_TEST((prop(obj(), "Byte").kind == Kind::unsigned_integer));
    BOOST_TEST(prop(obj(), "Byte").unsigned_integer == 255u);
    BOOST_TEST(prop(obj(), "SByte").integer == -128);
    BOOST_TEST(prop(obj(), "Int16").integer == -32768);
    BOOST_TEST(prop(obj(), "Int32").integer == -2147483648LL);
    BOOST_TEST(prop(obj(), "Int64").integer == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(prop(obj(), "UInt16").unsigned_integer == 65535u);
    BOOST_TEST(prop(obj(), "UInt32").unsigned_integer == 4294967295u);
    BOOST_TEST(prop(obj(), "UInt64").unsigned_integer == std::numeric_limits<std::uint64_t>::max());
}

BOOST_FIXTURE_TEST_CASE(reals_and_decimal, Everything) {
    BOOST_TEST((prop(obj(), "Double").kind == Kind::real));
    BOOST_TEST(prop(obj(), "Double").real == 1.5e300);
    BOOST_TEST((std::isinf(prop(obj(), "Infinity").real) && prop(obj(), "Infinity").real < 0));
    BOOST_TEST(prop(obj(), "Single").real == 0.25);
    BOOST_TEST(prop(obj(), "Decimal").text == "79228162514264337593543950335");
}

BOOST_FIXTURE_TEST_CASE(text_typed_values_keep_their_written_form, Everything) {
    BOOST_TEST((prop(obj(), "DateTime").kind == Kind::datetime));
    BOOST_TEST(prop(obj(), "DateTime").text == "2021-10-06T15:44:43.0986128-07:00");
    BOOST_TEST((prop(obj(), "TimeSpan").kind == Kind::timespan));
    BOOST_TEST(prop(obj(), "TimeSpan").text == "PT9.0269026S");
    BOOST_TEST((prop(obj(), "Version").kind == Kind::version));
    BOOST_TEST(prop(obj(), "Version").text == "15.1.2375.7");
    BOOST_TEST((prop(obj(), "Guid").kind == Kind::guid));
    BOOST_TEST(prop(obj(), "Guid").text == "fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148");
    BOOST_TEST((prop(obj(), "Bytes").kind == Kind::bytes));
    BOOST_TEST(prop(obj(), "Bytes").text == "AQID");
    BOOST_TEST(prop(obj(), "Xml").text == "<a>b</a>");
    BOOST_TEST(prop(obj(), "Script").text == "Get-Date");
    BOOST_TEST((prop(obj(), "Secret").kind == Kind::bytes));
}

BOOST_FIXTURE_TEST_CASE(enum_keeps_name_number_and_type, Everything) {
    const auto& e = prop(obj(), "Enum");
    BOOST_TEST((e.kind == Kind::enumeration));
    BOOST_TEST(e.text == "Running");
    BOOST_TEST(e.integer == 4);
    BOOST_REQUIRE(e.object);
    BOOST_TEST(e.object->type_names.front() == "System.ServiceProcess.ServiceControllerStatus");
}

BOOST_FIXTURE_TEST_CASE(lists_of_every_kind_are_lists, Everything) {
    const auto& list = prop(obj(), "List");
    BOOST_TEST((list.kind == Kind::list));
    BOOST_REQUIRE(list.items.size() == 3u);
    BOOST_TEST(list.items[0].text == "first");
    BOOST_TEST(list.items[1].integer == 2);
    BOOST_TEST((list.items[2].kind == Kind::null));
    BOOST_TEST(list.object->type_names.front() == "System.Object[]");
    BOOST_TEST(prop(obj(), "Enumerable").items.at(0).text == "one");
    BOOST_TEST(prop(obj(), "Stack").items.size() == 2u);
    BOOST_TEST(prop(obj(), "Queue").items.at(0).integer == 1);
}

BOOST_FIXTURE_TEST_CASE(dictionary_entries_keep_typed_keys_and_values, Everything) {
    const auto& d = prop(obj(), "Dictionary");
    BOOST_TEST((d.kind == Kind::dictionary));
    BOOST_REQUIRE(d.entries.size() == 2u);
    BOOST_TEST(d.entries[0].key.text == "Name");
    BOOST_TEST(d.entries[0].value.text == "EXCH1");
    BOOST_TEST(d.entries[1].key.integer == 7);
    BOOST_TEST(d.entries[1].value.boolean);
}

BOOST_FIXTURE_TEST_CASE(nested_object_has_type_tostring_and_properties, Everything) {
    const auto& n = prop(obj(), "Nested");
    BOOST_TEST((n.kind == Kind::object));
    BOOST_TEST(n.text == "C:\\Mailbox");
    BOOST_REQUIRE(n.object);
    BOOST_TEST(prop(*n.object, "pathname").text == "C:\\Mailbox");
}

BOOST_FIXTURE_TEST_CASE(ref_resolves_to_the_earlier_object, Everything) {
    BOOST_TEST(prop(obj(), "SameEnum").text == "Running");
    BOOST_TEST(prop(obj(), "SameEnum").integer == 4);
    BOOST_TEST(prop(obj(), "SameList").items.size() == 3u);
    // Across top-level objects too, with TNRef to a type list of an earlier object.
    const auto& second = *r.objects.at(1);
    BOOST_TEST(second.type_names.front() == "Test.Everything");
    BOOST_TEST(prop(second, "EarlierNested").object->to_string == "C:\\Mailbox");
}

BOOST_FIXTURE_TEST_CASE(primitive_wrapped_in_obj_keeps_its_note_properties, Everything) {
    const auto& w = prop(obj(), "StringWithNote");
    BOOST_TEST((w.kind == Kind::string));
    BOOST_TEST(w.text == "wrapped");
    BOOST_REQUIRE(w.object);
    BOOST_TEST(prop(*w.object, "PSPath").text == "C:\\file.txt");
}

BOOST_FIXTURE_TEST_CASE(progress_record_becomes_an_object_of_its_fields, Everything) {
    const auto& pr = prop(obj(), "Progress");
    BOOST_REQUIRE(pr.object);
    BOOST_TEST(prop(*pr.object, "Activity").text == "Copying");
    BOOST_TEST(prop(*pr.object, "PercentComplete").text == "50");
    BOOST_TEST((prop(*pr.object, "CurrentOperation").kind == Kind::null));
}

BOOST_FIXTURE_TEST_CASE(member_set_properties_follow_props, Everything) {
    BOOST_TEST(obj().properties.back().name == "Note");
    BOOST_TEST(prop(obj(), "Note").text == "from MS");
}

BOOST_FIXTURE_TEST_CASE(top_level_primitives_become_objects_of_their_type, Everything) {
    const auto& s = *r.objects.at(2);
    BOOST_TEST(s.type_names == (std::vector<std::string>{"System.String"}));
    BOOST_TEST((s.value.kind == Kind::string));
    BOOST_TEST(s.value.text == "top-level string");
    const auto& i = *r.objects.at(3);
    BOOST_TEST(i.type_names.front() == "System.Int32");
    BOOST_TEST(i.value.integer == 42);
    BOOST_TEST(i.to_string == "42");
}

BOOST_AUTO_TEST_CASE(top_level_enum_keeps_its_value_on_the_object) {
    auto r = read(objs("<Obj RefId=\"0\"><TN RefId=\"0\"><T>E</T><T>System.Enum</T></TN><ToString>On</ToString><I32>1</I32></Obj>"));
    BOOST_REQUIRE(r.objects.size() == 1u);
    BOOST_TEST((r.objects[0]->value.kind == Kind::enumeration));
    BOOST_TEST(r.objects[0]->value.text == "On");
    BOOST_TEST(r.objects[0]->value.integer == 1);
}

BOOST_AUTO_TEST_CASE(utf16le_with_bom_and_crlf_gives_the_same_values_and_lines) {
    auto r = read(test::as_regedit_utf16(objs("<Obj RefId=\"0\">\n<Props>\n<S N=\"A\">caf\xC3\xA9</S>\n</Props>\n</Obj>")));
    BOOST_TEST(first_problem(r) == "(none)");
    BOOST_TEST(r.summary.encoding == "utf-16le");
    BOOST_TEST(r.objects.at(0)->property("A")->text == "caf\xC3\xA9");
    BOOST_TEST(r.objects.at(0)->property("A")->where.str() == "t.xml:4:1");
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_accepted) {
    auto r = read("\xEF\xBB\xBF" + objs("<S>x</S>"));
    BOOST_TEST(r.summary.encoding == "utf-8-bom");
    BOOST_TEST(r.objects.at(0)->value.text == "x");
}

BOOST_AUTO_TEST_CASE(empty_objs_has_no_objects_and_no_problems) {
    auto r = read("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\" />");
    BOOST_TEST(r.objects.empty());
    BOOST_TEST(r.problems.empty());
}

BOOST_AUTO_TEST_CASE(back_reference_into_an_open_object_keeps_type_and_tostring) {
    // PowerShell writes these (a PSDrive's Provider lists the drive): no error, no loop.
    auto r = read(objs("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Drive</T></TN><ToString>C</ToString><Props>"
                       "<Obj N=\"Provider\" RefId=\"1\"><Props><Obj N=\"Drives\" RefId=\"2\"><LST><Ref RefId=\"0\" /></LST></Obj>"
                       "</Props></Obj></Props></Obj>"));
    BOOST_TEST(first_problem(r) == "(none)");
    const auto& drives = r.objects.at(0)->property("Provider")->object->property("Drives")->items;
    BOOST_REQUIRE(drives.size() == 1u);
    BOOST_TEST(drives[0].object->to_string == "C");
    BOOST_TEST(drives[0].object->type_names.front() == "Drive");
    BOOST_TEST(drives[0].object->properties.empty());
}

BOOST_AUTO_TEST_CASE(ref_to_unknown_id_is_an_error_at_the_ref) {
    auto r = read(objs("<Obj RefId=\"0\"><Props>\n  <Ref N=\"X\" RefId=\"9\" /></Props></Obj>\n<S>next</S>"));
    BOOST_TEST(first_problem(r) == "t.xml:3:3: error: Ref to unknown RefId '9'");
    // The damaged object is dropped; the next one is still read.
    BOOST_REQUIRE(r.objects.size() == 1u);
    BOOST_TEST(r.objects[0]->value.text == "next");
    BOOST_TEST(r.summary.errors == 1u);
}

BOOST_AUTO_TEST_CASE(summary_names_the_type_of_each_object_lost) {
    auto r = read(objs("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Ns.Kept</T></TN></Obj>\n"
                       "<Obj RefId=\"1\"><TN RefId=\"1\"><T>Ns.Lost</T></TN><Props><B N=\"X\">maybe</B></Props></Obj>\n"
                       "<Obj RefId=\"2\"><TNRef RefId=\"0\" /><Props><B N=\"X\">maybe</B></Props></Obj>\n"
                       "<Obj RefId=\"3\"><Props><B N=\"X\">maybe</B></Props></Obj>"));
    BOOST_TEST(r.objects.size() == 1u);
    BOOST_TEST(r.summary.errors == 3u);
    BOOST_TEST(r.summary.damaged_types == (std::vector<std::string>{"Ns.Lost", "Ns.Kept", ""}));
}

BOOST_AUTO_TEST_CASE(refids_that_are_not_small_numbers_still_resolve) {
    auto r = read(objs("<Obj RefId=\"abc\"><ToString>a</ToString></Obj>\n<Obj RefId=\"900000000\"><ToString>b</ToString></Obj>\n"
                       "<Obj RefId=\"007\"><ToString>c</ToString></Obj>\n"
                       "<LST><Ref RefId=\"abc\" /><Ref RefId=\"900000000\" /><Ref RefId=\"007\" /></LST>"));
    BOOST_TEST(first_problem(r) == "(none)");
    const auto& items = r.objects.at(3)->value.items;
    BOOST_REQUIRE(items.size() == 3u);
    BOOST_TEST(items[0].text == "a");
    BOOST_TEST(items[1].text == "b");
    BOOST_TEST(items[2].text == "c");
    auto dup = read(objs("<Obj RefId=\"900000000\" />\n<Obj RefId=\"900000000\" />"));
    BOOST_TEST(first_problem(dup) == "t.xml:3:1: error: duplicate Obj RefId '900000000'");
}

BOOST_AUTO_TEST_CASE(ref_to_a_later_object_is_an_error) {
    auto r = read(objs("<Obj RefId=\"0\"><Props><Ref N=\"X\" RefId=\"1\" /><Obj N=\"Y\" RefId=\"1\" /></Props></Obj>"));
    BOOST_TEST(first_problem(r) == "t.xml:2:23: error: Ref to unknown RefId '1'");
}

BOOST_AUTO_TEST_CASE(tnref_to_unknown_id_is_an_error) {
    auto r = read(objs("<Obj RefId=\"0\"><TNRef RefId=\"4\" /></Obj>"));
    BOOST_TEST(first_problem(r) == "t.xml:2:16: error: TNRef to unknown RefId '4'");
    BOOST_TEST(r.objects.empty());
}

BOOST_AUTO_TEST_CASE(duplicate_refid_is_an_error) {
    auto r = read(objs("<Obj RefId=\"0\" />\n<Obj RefId=\"0\" />"));
    BOOST_TEST(first_problem(r) == "t.xml:3:1: error: duplicate Obj RefId '0'");
    BOOST_TEST(r.objects.size() == 1u);
}

BOOST_AUTO_TEST_CASE(nesting_deeper_than_the_limit_is_an_error_not_a_crash) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<Obj><Props><Obj N=\"x\">";
    auto r = read(objs(deep));
    BOOST_REQUIRE(!r.problems.empty());
    BOOST_TEST(r.problems.front().message.find("nested deeper than") != std::string::npos);
    BOOST_TEST(r.objects.empty());
}

BOOST_AUTO_TEST_CASE(deep_but_well_formed_value_nesting_is_an_error) {
    std::string open, close;
    for (int i = 0; i < 150; ++i) {
        open += "<LST>";
        close += "</LST>";
    }
    auto r = read(objs("<Obj>" + open + close + "</Obj>"));
    BOOST_TEST(first_problem(r).find("error: values nested deeper than 100 levels") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ref_expansion_bomb_is_stopped) {
    // Each list holds its predecessor 10 times: 10^12 values if expanded.
    std::string body = "<Obj RefId=\"0\"><LST><S>x</S></LST></Obj>\n";
    for (int i = 1; i <= 12; ++i) {
        body += "<Obj RefId=\"" + std::to_string(i) + "\"><LST>";
        for (int k = 0; k < 10; ++k) body += "<Ref RefId=\"" + std::to_string(i - 1) + "\" />";
        body += "</LST></Obj>\n";
    }
    auto r = read(objs(body));
    BOOST_REQUIRE(!r.problems.empty());
    BOOST_TEST(r.problems.back().message.find("too many values") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_values_are_errors_with_position) {
    struct Case {
        const char* body;
        const char* error;
    };
    const Case cases[] = {
        {"<I32>12x</I32>", "t.xml:2:1: error: <I32> holds '12x', not an integer in range"},
        {"<By>256</By>", "t.xml:2:1: error: <By> holds '256', not an unsigned integer in range"},
        {"<I16>40000</I16>", "t.xml:2:1: error: <I16> holds '40000', not an integer in range"},
        {"<B>yes</B>", "t.xml:2:1: error: <B> holds 'yes', not true or false"},
        {"<G>not-a-guid</G>", "t.xml:2:1: error: <G> holds 'not-a-guid', not a GUID"},
        {"<Db>1.5.5</Db>", "t.xml:2:1: error: <Db> holds '1.5.5', not a number"},
        {"<DT>yesterday</DT>", "t.xml:2:1: error: <DT> holds 'yesterday', not a date and time"},
        {"<TS>5 minutes</TS>", "t.xml:2:1: error: <TS> holds '5 minutes', not a duration"},
        {"<Version>1</Version>", "t.xml:2:1: error: <Version> holds '1', not a version"},
        {"<BA>!!</BA>", "t.xml:2:1: error: <BA> holds '!!', not base64"},
        {"<Foo>1</Foo>", "t.xml:2:1: error: unknown CLIXML element <Foo>"},
        {"<Obj><Props><S>no name</S></Props></Obj>", "t.xml:2:13: error: property <S> in <Props> has no name (N)"},
        {"<Obj><S>a</S><S>b</S></Obj>", "t.xml:2:14: error: <Obj> holds a second value <S>"},
        {"<Obj><DCT><En><S N=\"Key\">k</S></En></DCT></Obj>", "t.xml:2:11: error: dictionary entry without Key or Value"},
        {"<S>a<b/></S>", "t.xml:2:5: error: unexpected element <b> inside <S>"},
        {"<Ref />", "t.xml:2:1: error: <Ref> without RefId"},
    };
    for (const auto& c : cases) {
        auto r = read(objs(c.body));
        BOOST_TEST(first_problem(r) == c.error, c.body);
        BOOST_TEST(r.objects.empty(), c.body);
    }
}

BOOST_AUTO_TEST_CASE(xml_that_is_not_well_formed_is_an_error_with_position) {
    auto r = read(objs("<Obj>\n  <S N=\"a\">x</Obj>"));
    BOOST_TEST(first_problem(r) == "t.xml:3:15: error: Start-end tags mismatch");
    auto unclosed = read("<Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n<S>a</S>\n");
    BOOST_TEST(first_problem(unclosed) == "t.xml:1:1: error: <Objs> is not closed before the end of the file");
    BOOST_TEST(unclosed.objects.size() == 1u);
    auto mismatch = read(objs("<S>a</B>"));
    BOOST_TEST(first_problem(mismatch) == "t.xml:2:7: error: Start-end tags mismatch");
    auto entity = read(objs("<S>&bogus;</S>"));
    BOOST_TEST(entity.problems.empty());  // pugixml keeps unknown entities as written
    BOOST_TEST(entity.objects.at(0)->value.text == "&bogus;");
}

BOOST_AUTO_TEST_CASE(file_that_is_not_clixml_throws) {
    BOOST_CHECK_THROW(read("<configuration />"), InputError);
    BOOST_CHECK_THROW(read("<Objs xmlns=\"urn:other\" />"), InputError);
    BOOST_CHECK_THROW(read("Windows Registry Editor Version 5.00\n"), InputError);
    BOOST_CHECK_THROW(read(""), InputError);
    BOOST_CHECK_THROW(read("<!DOCTYPE x [<!ENTITY a 'b'>]><Objs xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"/>"),
                      InputError);
    try {
        read("<configuration />");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics().front().str() == "t.xml:1:1: error: not a CLIXML document: root element is <configuration>, not <Objs>");
    }
}

BOOST_AUTO_TEST_CASE(looks_like_clixml_checks_root_and_namespace) {
    BOOST_TEST(looks_like_clixml("\xEF\xBB\xBF<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"));
    BOOST_TEST(looks_like_clixml(test::as_regedit_utf16("<?xml version=\"1.0\"?>\n<Objs xmlns='http://schemas.microsoft.com/powershell/2004/04'>")));
    BOOST_TEST(!looks_like_clixml("<Objs xmlns=\"urn:x\">"));
    BOOST_TEST(!looks_like_clixml("<configuration>"));
    BOOST_TEST(!looks_like_clixml("hello"));
}

BOOST_AUTO_TEST_CASE(needs_skip_objects_of_other_types_but_refs_into_them_resolve) {
    auto needs = EvidenceNeeds::none();
    needs.object_types.insert("Wanted");
    auto r = read(objs("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Ns.Other</T></TN><Props><S N=\"A\">x</S>"
                       "<Obj N=\"Inner\" RefId=\"1\"><ToString>inner</ToString></Obj></Props></Obj>\n"
                       "<Obj RefId=\"2\"><TN RefId=\"1\"><T>Ns.Wanted</T></TN><Props><Ref N=\"B\" RefId=\"1\" /></Props></Obj>"),
                  &needs);
    BOOST_TEST(first_problem(r) == "(none)");
    BOOST_TEST(r.summary.skipped == 1u);
    BOOST_REQUIRE(r.objects.size() == 1u);
    BOOST_TEST(r.objects[0]->type_names.front() == "Ns.Wanted");
    BOOST_TEST(r.objects[0]->property("B")->text == "inner");
}

BOOST_AUTO_TEST_CASE(objects_naming_one_type_list_share_it_and_every_location_shares_the_file_name) {
    auto r = read(objs("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Ns.User</T><T>System.Object</T></TN><Props><S N=\"A\">x</S></Props></Obj>\n"
                       "<Obj RefId=\"1\"><TNRef RefId=\"0\" /><Props><S N=\"A\">y</S></Props></Obj>"));
    BOOST_REQUIRE(r.objects.size() == 2u);
    const auto& first = *r.objects[0];
    const auto& second = *r.objects[1];
    BOOST_TEST(second.type_names == (std::vector<std::string>{"Ns.User", "System.Object"}));
    // The TNRef'd object holds the list read for the first one, not a copy of it.
    BOOST_TEST(&second.type_names.list() == &first.type_names.list());
    BOOST_TEST(&prop(second, "A").where.file.str() == &first.where.file.str());
    BOOST_TEST(prop(second, "A").where.str() == "t.xml:3:42");
}

BOOST_AUTO_TEST_SUITE_END()
