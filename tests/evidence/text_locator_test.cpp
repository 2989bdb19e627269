#include <boost/test/unit_test.hpp>

#include <random>

#include "evidence/text_locator.hpp"

using namespace hardcheck;

namespace {

// Line and column (characters) of `offset`, counted the slow way.
std::pair<std::uint32_t, std::uint32_t> naive(const std::string& text, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_locator)

BOOST_AUTO_TEST_CASE(any_order_of_offsets_gives_the_same_line_and_column_as_counting) {
    // Several 64 KiB blocks of lines with multi-byte characters and a very long line.
    std::string text;
    std::mt19937 rng(7);
    while (text.size() < 300000) {
        const auto len = rng() % 120;
        for (std::size_t i = 0; i < len; ++i) text += (i % 17 == 3) ? "\xC3\xA9" : "x";
        text += rng() % 50 == 0 ? std::string(70000, 'y') + "\n" : "\n";
    }
    detail::TextLocator locator(text, "f");
    std::vector<std::size_t> offsets{0, 5, 200000, 100, 299999, 65536, 65535, 131072, 250000, 1, text.size()};
    for (int i = 0; i < 200; ++i) offsets.push_back(rng() % (text.size() + 1));
    for (auto off : offsets) {
        const auto where = locator.locate(off);
        const auto [line, column] = naive(text, off);
        BOOST_TEST(where.line == line, "offset " << off);
        BOOST_TEST(where.column == column, "offset " << off);
        BOOST_TEST(where.file == "f");
    }
}

BOOST_AUTO_TEST_CASE(runs_of_line_feeds_and_multi_byte_characters_at_every_alignment_count_exactly) {
    // Short lines, empty lines and 2-, 3- and 4-byte characters, so that line feeds
    // and character boundaries fall at every position of a 16-byte step.
    std::string text;
    std::mt19937 rng(11);
    const char* pieces[] = {"\n", "\n\n", "a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\r\n", "bcdefghijklmnopq"};
    while (text.size() < 140000) text += pieces[rng() % std::size(pieces)];
    for (std::size_t start = 0; start < 48; ++start) {
        detail::TextLocator locator(text, "f");
        for (std::size_t off = start; off < text.size(); off += 997 + start) {
            const auto where = locator.locate(off);
            const auto [line, column] = naive(text, off);
            BOOST_TEST_REQUIRE(where.line == line, "offset " << off);
            BOOST_TEST_REQUIRE(where.column == column, "offset " << off);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
