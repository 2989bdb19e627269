#include <boost/test/unit_test.hpp>

#include <fstream>

#include "evidence/text_decoding.hpp"

using namespace hardcheck::detail;

BOOST_AUTO_TEST_SUITE(text_decoding)

BOOST_AUTO_TEST_CASE(each_encoding_is_detected) {
    BOOST_TEST(encoding_name(decode_text("abc").encoding) == "utf-8");
    BOOST_TEST(encoding_name(decode_text("\xEF\xBB\xBF" "abc").encoding) == "utf-8-bom");
    BOOST_TEST(decode_text("\xEF\xBB\xBF" "abc").utf8 == "abc");
    BOOST_TEST(encoding_name(decode_text(std::string("\xFF\xFE" "a\0", 4)).encoding) == "utf-16le");
    auto ansi = decode_text("caf\xE9 \x80");
    BOOST_TEST(encoding_name(ansi.encoding) == "windows-1252");
    BOOST_TEST(ansi.utf8 == "caf\xC3\xA9 \xE2\x82\xAC");
}

BOOST_AUTO_TEST_CASE(surrogate_pairs_decode_and_unpaired_ones_are_flagged) {
    auto pair = decode_text(std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6));  // U+1F600
    BOOST_TEST(pair.utf8 == "\xF0\x9F\x98\x80");
    BOOST_TEST(pair.bad_offsets.empty());
    auto lone = decode_text(std::string("\xFF\xFE" "a\0\x3D\xD8" "b\0", 8));
    BOOST_TEST(lone.bad_offsets.size() == 1u);
    BOOST_TEST(lone.bad_offsets.front() == 1u);
    auto odd = decode_text(std::string("\xFF\xFE" "a\0b", 5));
    BOOST_TEST(odd.bad_offsets.size() == 1u);
}

BOOST_AUTO_TEST_CASE(utf8_round_trips_through_utf16) {
    const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    BOOST_TEST(utf16le_to_utf8(reinterpret_cast<const std::uint8_t*>(utf8_to_utf16le(text).data()),
                               utf8_to_utf16le(text).size()) == text);
}

BOOST_AUTO_TEST_CASE(utf16_file_decodes_a_surrogate_pair_split_across_read_chunks) {
    // The reader decodes 8 MiB at a time after the BOM: put a pair across that edge.
    constexpr std::size_t kChunk = std::size_t{8} << 20;
    std::string bytes = "\xFF\xFE";
    for (std::size_t i = 0; i < kChunk / 2 - 1; ++i) bytes += std::string("a\0", 2);
    bytes += std::string("\x3D\xD8\x00\xDE" "b\0", 6);
    const auto path = std::filesystem::temp_directory_path() / "hardcheck_chunk_edge.reg";
    std::ofstream(path, std::ios::binary) << bytes;
    const auto decoded = decode_text_file(path);
    std::filesystem::remove(path);
    BOOST_TEST(decoded.bad_offsets.empty());
    BOOST_TEST(decoded.utf8.size() == kChunk / 2 - 1 + 4 + 1);
    BOOST_TEST(decoded.utf8.substr(kChunk / 2 - 2) == "a\xF0\x9F\x98\x80" "b");
}

// The ASCII fast path (eight bytes a step) must not skip what the strict check rejects.
BOOST_AUTO_TEST_CASE(utf8_check_skips_ascii_words_and_stays_strict) {
    BOOST_TEST(is_valid_utf8("plain ascii text, long enough for words"));
    BOOST_TEST(is_valid_utf8("caf\xC3\xA9 and more ascii after it"));
    BOOST_TEST(!is_valid_utf8("bad \xC3 continuation then ascii......"));
    BOOST_TEST(!is_valid_utf8("surrogate \xED\xA0\x80 encoded"));
    BOOST_TEST(!is_valid_utf8("\xFF"));
}

BOOST_AUTO_TEST_SUITE_END()
