#define BOOST_TEST_MODULE hardcheck
#include <boost/test/unit_test.hpp>
