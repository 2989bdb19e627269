#include <boost/test/unit_test.hpp>

#include <string>

#include "hardcheck/diagnostics.hpp"

using namespace hardcheck;

BOOST_AUTO_TEST_SUITE(source_file)

BOOST_AUTO_TEST_CASE(names_spelled_alike_are_one_interned_copy) {
    const std::string spelled = std::string("dir/") + "a.reg";
    const SourceFile a(spelled), b("dir/a.reg"), c(std::string_view("dir/b.reg"));
    BOOST_TEST(a == b);
    BOOST_TEST(&a.str() == &b.str());
    BOOST_TEST(!(a == c));
    BOOST_TEST(a.str() == "dir/a.reg");
    BOOST_TEST(std::string(a.c_str()) == "dir/a.reg");
}

BOOST_AUTO_TEST_CASE(no_name_and_an_empty_name_are_the_same_empty_file) {
    const SourceFile none, empty("");
    BOOST_TEST(none.empty());
    BOOST_TEST(empty.empty());
    BOOST_TEST(none == empty);
    BOOST_TEST(none.str().empty());
    BOOST_TEST(SourceLocation{}.str().empty());
}

BOOST_AUTO_TEST_CASE(files_order_by_name_not_by_address) {
    const SourceFile later("zz-order.reg"), earlier("aa-order.reg");
    BOOST_TEST((earlier < later));
    BOOST_TEST(!(later < earlier));
}

BOOST_AUTO_TEST_CASE(locations_render_as_before) {
    BOOST_TEST((SourceLocation{"f.reg", 12, 3}.str() == "f.reg:12:3"));
    BOOST_TEST((SourceLocation{"f.reg", 12, 0}.str() == "f.reg:12"));
    BOOST_TEST((SourceLocation{"f.reg", 0, 0}.str() == "f.reg"));
    BOOST_TEST((Diagnostic{{"f.reg", 2, 1}, "bad"}.str() == "f.reg:2:1: error: bad"));
}

BOOST_AUTO_TEST_SUITE_END()
