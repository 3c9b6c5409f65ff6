#include "stargate/core/numeric.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace stargate {
namespace {

TEST(CompensatedSum, KeepsSmallTermsNextToLargeOnes) {
  // 1e16 + 1 + ... (ten ones) - 1e16: a naive sum loses every 1 (spacing of doubles at 1e16 is 2).
  std::vector<double> values{1e16};
  values.insert(values.end(), 10, 1.0);
  values.push_back(-1e16);
  EXPECT_EQ(compensated_sum(values), 10.0);
}

TEST(CompensatedSum, YearOfQuarterHours) {
  // 35,040 steps of 0.1: the exact sum is 3504.
  const std::vector<double> values(35'040, 0.1);
  EXPECT_NEAR(compensated_sum(values), 3504.0, 1e-12);
  EXPECT_EQ(compensated_sum({}), 0.0);
}

TEST(FloorDiv, RoundsTowardMinusInfinity) {
  // One second before 1970-01-01 is in day -1; C++'s `/` would say day 0.
  EXPECT_EQ(floor_div(-1, 86'400), -1);
  EXPECT_EQ(floor_div(-86'400, 86'400), -1);
  EXPECT_EQ(floor_div(-86'401, 86'400), -2);
  EXPECT_EQ(floor_div(0, 86'400), 0);
  EXPECT_EQ(floor_div(86'399, 86'400), 0);
  EXPECT_EQ(floor_div(7, -2), -4);
  EXPECT_EQ(floor_div(-7, -2), 3);
}

TEST(RatioOrZero, ZeroWhereTheDenominatorIsNotPositive) {
  EXPECT_EQ(ratio_or_zero(3.0, 4.0), 0.75);
  EXPECT_EQ(ratio_or_zero(3.0, 0.0), 0.0);
  EXPECT_EQ(ratio_or_zero(3.0, -1.0), 0.0);
}

}  // namespace
}  // namespace stargate
