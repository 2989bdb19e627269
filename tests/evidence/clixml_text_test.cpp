#include <boost/test/unit_test.hpp>

#include "evidence/clixml_text.hpp"

using namespace hardcheck::detail::clixml;

BOOST_AUTO_TEST_SUITE(clixml_text)

BOOST_AUTO_TEST_CASE(escapes_decode_to_utf8_and_leave_lookalikes_alone) {
    BOOST_TEST(decode_escapes("a_x0009_b") == "a\tb");
    BOOST_TEST(decode_escapes("_x005F_x0041_") == "_x0041_");  // an escaped underscore starts no escape
    BOOST_TEST(decode_escapes("_x00e9_") == "\xC3\xA9");         // lower-case hex
    BOOST_TEST(decode_escapes("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
    BOOST_TEST(decode_escapes("_xDE00_") == "\xEF\xBF\xBD");     // low surrogate alone
    BOOST_TEST(decode_escapes("_xD83D_") == "\xEF\xBF\xBD");     // high surrogate at the end
    BOOST_TEST(decode_escapes("_X0041_ _x004_ _x00G1_ _x0041") == "_X0041_ _x004_ _x00G1_ _x0041");
    BOOST_TEST(decode_escapes("_x0000_").size() == 1u);
}

BOOST_AUTO_TEST_CASE(integers_are_whole_strings_in_range) {
    std::int16_t small = 0;
    BOOST_TEST(parse_integer(" +12 ", small));
    BOOST_TEST(small == 12);
    BOOST_TEST(!parse_integer("32768", small));
    BOOST_TEST(!parse_integer("1 2", small));
    BOOST_TEST(!parse_integer("", small));
    std::uint8_t byte = 0;
    BOOST_TEST(!parse_integer("-1", byte));
}

BOOST_AUTO_TEST_CASE(reals_accept_xs_double_spellings_only) {
    double d = 0;
    BOOST_TEST(parse_real("1E+308", d));
    BOOST_TEST(parse_real("NaN", d));
    BOOST_TEST(!parse_real("inf", d));
    BOOST_TEST(!parse_real("nan", d));
    BOOST_TEST(!parse_real("1,5", d));
}

BOOST_AUTO_TEST_CASE(shapes_of_text_typed_values) {
    BOOST_TEST(is_guid("00000000-0000-0000-0000-000000000000"));
    BOOST_TEST(!is_guid("{00000000-0000-0000-0000-000000000000}"));
    BOOST_TEST(is_version("15.1.2375.7"));
    BOOST_TEST(is_version("1.0"));
    BOOST_TEST(!is_version("1.2.3.4.5"));
    BOOST_TEST(!is_version("1..2"));
    BOOST_TEST(is_base64("AQID\nBA=="));
    BOOST_TEST(!is_base64("AQI"));
    BOOST_TEST(is_base64(" AQID\r\n\tBA== "));
    BOOST_TEST(is_base64("+/9z"));
    BOOST_TEST(is_base64(""));
    BOOST_TEST(!is_base64("AQ-D"));
    BOOST_TEST(!is_base64(std::string("AQI\0", 4)));
    BOOST_TEST(!is_base64("AQI\xC3\xA9"));
    BOOST_TEST(is_duration("-P10675199DT2H48M5.4775807S"));
    BOOST_TEST(!is_duration("10:00:00"));
    BOOST_TEST(is_datetime("2021-10-06T15:44:43.0986128-07:00"));
    BOOST_TEST(!is_datetime("06/10/2021 15:44"));
}

BOOST_AUTO_TEST_SUITE_END()
