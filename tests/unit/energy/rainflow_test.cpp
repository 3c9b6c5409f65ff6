#include "stargate/energy/rainflow.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace stargate {
namespace {

TEST(Rainflow, AstmE1049StandardExample) {
  // ASTM E1049-85 Fig. 6: A=-2, B=1, C=-3, D=5, E=-1, F=3, G=-4, H=4, I=-2 (all turning points).
  // Section 5.4.4 by hand (S = starting point, X = latest range, Y = the range before it):
  //  read A, B, C: X = |C-B| = 4 >= Y = |B-A| = 3, Y contains S -> half cycle range 3 (A-B,
  //    mean -0.5); discard A, S = B.
  //  read D: X = |D-C| = 8 >= Y = |C-B| = 4, Y contains S -> half cycle range 4 (B-C, mean -1);
  //    discard B, S = C.
  //  read E: X = 6 < Y = 8. read F: X = 4 < Y = 6. read G: X = |G-F| = 7 >= Y = |F-E| = 4, Y does
  //    not contain S -> full cycle range 4 (E-F, mean 1); discard E, F. Now X = |G-D| = 9 >=
  //    Y = |D-C| = 8, Y contains S -> half cycle range 8 (C-D, mean 1); discard C, S = D.
  //  read H: X = 8 < Y = 9. read I: X = 6 < Y = 8. End: half cycles D-G (9, mean 0.5), G-H
  //    (8, mean 0), H-I (6, mean 1).
  // Table of the standard: range 3: 0.5, 4: 1.5, 6: 0.5, 8: 1.0, 9: 0.5 (and 0 for 1, 2, 5, 7, 10).
  const std::vector<double> history{-2, 1, -3, 5, -1, 3, -4, 4, -2};
  const std::vector<RainflowCycle> cycles = rainflow_count(history);
  ASSERT_EQ(cycles.size(), 7U);

  struct Expected {
    double range, mean, count;
    std::size_t start, end;
  };
  const std::vector<Expected> expected{
      {3, -0.5, 0.5, 0, 1}, {4, -1.0, 0.5, 1, 2}, {4, 1.0, 1.0, 4, 5}, {8, 1.0, 0.5, 2, 3},
      {9, 0.5, 0.5, 3, 6},  {8, 0.0, 0.5, 6, 7},  {6, 1.0, 0.5, 7, 8}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_DOUBLE_EQ(cycles[i].range, expected[i].range);
    EXPECT_DOUBLE_EQ(cycles[i].mean, expected[i].mean);
    EXPECT_DOUBLE_EQ(cycles[i].count, expected[i].count);
    EXPECT_EQ(cycles[i].start_index, expected[i].start);
    EXPECT_EQ(cycles[i].end_index, expected[i].end);
  }
  const std::vector<double> table{0, 0, 0.5, 1.5, 0, 0.5, 0, 1.0, 0.5, 0};  // ranges 1..10
  for (std::size_t r = 1; r <= 10; ++r) {
    SCOPED_TRACE(r);
    const double range = static_cast<double>(r);
    EXPECT_DOUBLE_EQ(rainflow_cycles_in_range(cycles, range - 0.5, range + 0.5), table[r - 1]);
  }
}

TEST(Rainflow, TurningPointsSkipMonotoneRunsAndPlateaus) {
  // 0 -> 1 -> 2 (rising, 1 is not a turning point) -> 2 (flat) -> 1 -> 1 -> 3 -> 3: turning points
  // are the first point, the end of the flat top (index 3), the end of the flat valley (index 5)
  // and the last point (index 7).
  const std::vector<double> series{0, 1, 2, 2, 1, 1, 3, 3};
  EXPECT_EQ(turning_point_indices(series), (std::vector<std::size_t>{0, 3, 5, 7}));
  EXPECT_TRUE(turning_point_indices({}).empty());
  const std::vector<double> constant{4, 4, 4};
  EXPECT_EQ(turning_point_indices(constant), (std::vector<std::size_t>{0}));
  EXPECT_TRUE(rainflow_count(constant).empty());
  // A single ramp is one half cycle.
  const std::vector<double> ramp{0.2, 0.5, 0.9};
  const std::vector<RainflowCycle> cycles = rainflow_count(ramp);
  ASSERT_EQ(cycles.size(), 1U);
  EXPECT_DOUBLE_EQ(cycles[0].range, 0.7);
  EXPECT_DOUBLE_EQ(cycles[0].count, 0.5);
}

TEST(Rainflow, SineSeriesCountsOneCyclePerPeriod) {
  // Ten daily periods of 0.5 - 0.4 cos(2 pi t / 24), sampled hourly from t = 0 to 240 h (rounded
  // to 1e-9 so that every valley is exactly 0.1 and every peak exactly 0.9). Turning points:
  // 0.1, 0.9, 0.1, ..., 0.9, 0.1 (10 peaks, 11 valleys). Reading them: 0.1, 0.9, 0.1: X = 0.8 >=
  // Y = 0.8 and Y contains S -> half cycle 0.8, S moves up one point; every further point repeats
  // this (equal ranges always reach the bottom of the stack), giving 19 half cycles, and the last
  // range stays as the residual half cycle: 20 halves = 10 cycles of range 0.8 and mean 0.5, one
  // per period.
  std::vector<double> series;
  for (int hour = 0; hour <= 240; ++hour) {
    const double value = 0.5 - 0.4 * std::cos(2.0 * std::numbers::pi * hour / 24.0);
    series.push_back(std::round(value * 1e9) / 1e9);
  }
  const std::vector<RainflowCycle> cycles = rainflow_count(series);
  ASSERT_EQ(cycles.size(), 20U);
  for (const RainflowCycle& cycle : cycles) {
    EXPECT_NEAR(cycle.range, 0.8, 1e-12);
    EXPECT_NEAR(cycle.mean, 0.5, 1e-12);
    EXPECT_EQ(cycle.count, 0.5);
  }
  EXPECT_NEAR(rainflow_cycles_in_range(cycles, 0.79, 0.81), 10.0, 1e-12);
}

TEST(Rainflow, NestedSmallCyclesAreFullCycles) {
  // 0.5 -> 0.95 -> 0.05, then three excursions 0.9 / 0.1 inside that big swing, ending at 0.9:
  //  0.5, 0.95, 0.05: X = 0.9 >= Y = 0.45, S in Y -> half 0.45; S = 0.95.
  //  0.9: X = 0.85 < 0.9. 0.1: X = 0.8 < 0.85. 0.9: X = 0.8 >= Y = 0.8, S not in Y -> full 0.8.
  //  0.1: X = 0.8 < 0.85. 0.9: full 0.8. (three excursions -> three full cycles of 0.8)
  //  End: residual 0.95-0.05 (0.9) and 0.05-0.9 (0.85) as halves.
  const std::vector<double> series{0.5, 0.95, 0.05, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9};
  const std::vector<RainflowCycle> cycles = rainflow_count(series);
  EXPECT_NEAR(rainflow_cycles_in_range(cycles, 0.79, 0.81), 3.0, 1e-12);
  int full = 0;
  for (const RainflowCycle& cycle : cycles) {
    full += cycle.count == 1.0 ? 1 : 0;
  }
  EXPECT_EQ(full, 3);
  EXPECT_NEAR(rainflow_cycles_in_range(cycles, 0.44, 0.46), 0.5, 1e-12);
  EXPECT_NEAR(rainflow_cycles_in_range(cycles, 0.89, 0.91), 0.5, 1e-12);
  EXPECT_NEAR(rainflow_cycles_in_range(cycles, 0.84, 0.86), 0.5, 1e-12);
}

TEST(Rainflow, CounterReusesBuffersAcrossCalls) {
  RainflowCounter counter;
  const std::vector<double> first{-2, 1, -3, 5, -1, 3, -4, 4, -2};
  EXPECT_EQ(counter.count(first).size(), 7U);
  const std::vector<double> second{0, 1};
  const std::span<const RainflowCycle> cycles = counter.count(second);
  ASSERT_EQ(cycles.size(), 1U);
  EXPECT_DOUBLE_EQ(cycles[0].range, 1.0);
  EXPECT_TRUE(counter.count({}).empty());
}

}  // namespace
}  // namespace stargate
