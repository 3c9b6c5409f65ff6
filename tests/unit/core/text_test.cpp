// Tests of src/core/text.cpp: edit distance and "did you mean" suggestions.
#include "stargate/core/text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace stargate {
namespace {

constexpr std::array<std::string_view, 6> kSections = {"scenario", "site",     "building",
                                                       "compute",  "facility", "grid"};

TEST(EditDistance, BasicCases) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);  // three deletions
  EXPECT_EQ(edit_distance("", "abc"), 3u);  // three insertions
  EXPECT_EQ(edit_distance("grid", "grid"), 0u);
  EXPECT_EQ(edit_distance("grid", "grit"), 1u);   // one substitution
  EXPECT_EQ(edit_distance("grid", "grids"), 1u);  // one insertion
  EXPECT_EQ(edit_distance("grids", "grid"), 1u);  // one deletion
  // kitten -> sitten -> sittin -> sitting.
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  // flaw -> law (delete f) -> lawn (insert n).
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  // Swapping two adjacent letters is one edit (optimal string alignment): "an" <-> "na".
  EXPECT_EQ(edit_distance("sceanrio", "scenario"), 1u);
  EXPECT_EQ(edit_distance("gird", "grid"), 1u);
  // ...but not a swap of letters that are apart: "ab" -> "ba" needs both neighbours.
  EXPECT_EQ(edit_distance("abc", "cba"), 2u);
}

TEST(EditDistance, IsSymmetric) {
  const std::string_view words[] = {"", "a", "grid", "grit", "scenario", "sceanrio", "kitten"};
  for (const std::string_view a : words) {
    for (const std::string_view b : words) {
      EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << '"' << a << "\" vs \"" << b << '"';
    }
  }
}

TEST(EditDistance, IgnoresAsciiCase) {
  EXPECT_EQ(edit_distance("MW", "mw"), 0u);
  EXPECT_EQ(edit_distance("Scenario", "SCENARIO"), 0u);
  EXPECT_EQ(edit_distance("kWh", "KWH"), 0u);
  EXPECT_EQ(edit_distance("Grid", "grit"), 1u);  // only the d/t differs
}

TEST(ClosestMatch, FindsATypo) {
  EXPECT_EQ(closest_match("sceanrio", kSections), "scenario");
  EXPECT_EQ(closest_match("facilty", kSections), "facility");  // one missing letter
  EXPECT_EQ(closest_match("GRID", kSections), "grid");         // case only
  EXPECT_EQ(closest_match("grid", kSections), "grid");         // an exact match
}

TEST(ClosestMatch, EmptyForAFarWord) {
  EXPECT_EQ(closest_match("weather", kSections), "");
  EXPECT_EQ(closest_match("xyz", kSections), "");
  EXPECT_EQ(closest_match("scenario", std::span<const std::string_view>()), "");
}

TEST(ClosestMatch, LimitGrowsWithWordLength) {
  // The limit is max(2, size / 3): 2 for words of up to 8 letters, 4 for 12 to 14 letters.
  const std::array<std::string_view, 1> short_word = {"abcdef"};
  EXPECT_EQ(closest_match("abcdxy", short_word), "abcdef");  // distance 2 <= 2
  EXPECT_EQ(closest_match("abcxyz", short_word), "");        // distance 3 > 2
  const std::array<std::string_view, 1> long_word = {"abcdefghijkl"};
  EXPECT_EQ(closest_match("abcdefghwxyz", long_word), "abcdefghijkl");  // 4 <= 12 / 3
  EXPECT_EQ(closest_match("abcdefgvwxyz", long_word), "");              // 5 > 4
}

TEST(ClosestMatch, PrefersTheNearestThenTheFirst) {
  const std::array<std::string_view, 3> candidates = {"grit", "grid", "gird"};
  // "grid" is at distance 0, "grit" at 1: the nearest wins although it is listed later.
  EXPECT_EQ(closest_match("grid", candidates), "grid");
  // "grix" is at distance 1 from both "grit" and "grid": the first listed wins.
  EXPECT_EQ(closest_match("grix", candidates), "grit");
}

TEST(SuggestionSuffix, DidYouMean) {
  EXPECT_EQ(suggestion_suffix("sceanrio", kSections), "; did you mean 'scenario'?");
}

TEST(SuggestionSuffix, ListsTheCandidatesWhenNoneIsClose) {
  EXPECT_EQ(suggestion_suffix("weather", kSections),
            "; expected one of: scenario, site, building, compute, facility, grid");
  const std::array<std::string_view, 1> one = {"grid"};
  EXPECT_EQ(suggestion_suffix("weather", one), "; expected one of: grid");
}

TEST(SuggestionSuffix, EmptyWithoutCandidates) {
  EXPECT_EQ(suggestion_suffix("weather", std::span<const std::string_view>()), "");
}

}  // namespace
}  // namespace stargate
