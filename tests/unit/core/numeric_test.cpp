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

}  // namespace
}  // namespace stargate
