#include "stargate/compute/gpu_power.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "stargate/compute/gpu_catalogue.hpp"

namespace stargate {
namespace {

TEST(PoolPower, Nvl72RackAtFullLoadMatchesFacts) {
  const GpuType gb200 = catalogue_gpu("gb200-nvl72");
  // 72 * 1,200 W * 1.4 * 1.075 = 130,032 W: FACTS.md ~120 kW IT per rack, range 115-140 kW.
  const double kw = pool_it_power_kw(gb200, 72.0, 72.0, 1.0, 1.0);
  EXPECT_NEAR(kw, 130.032, 1e-9);
  EXPECT_GE(kw, 115.0);
  EXPECT_LE(kw, 140.0);
}

TEST(PoolPower, IdleAndPartialLoad) {
  const GpuType gb200 = catalogue_gpu("gb200-nvl72");
  // All idle: 72 * 180 W * 1.4 * 1.075 = 19,504.8 W.
  EXPECT_NEAR(pool_it_power_kw(gb200, 72.0, 0.0, 1.0, 1.0), 19.5048, 1e-9);
  // 36 busy at activity 0.5, cap 80 %: busy 180 + (960 - 180) * 0.5 = 570 W; idle 36 * 180 W.
  // (36 * 570 + 36 * 180) * 1.4 * 1.075 = 27,000 * 1.505 = 40,635 W.
  EXPECT_NEAR(pool_it_power_kw(gb200, 72.0, 36.0, 0.5, 0.8), 40.635, 1e-9);
  // Busy at zero activity draws idle power.
  EXPECT_NEAR(pool_it_power_kw(gb200, 72.0, 72.0, 0.0, 0.7), 19.5048, 1e-9);
}

TEST(PoolPower, HgxNodeAndCapBelowIdle) {
  const GpuType h100 = catalogue_gpu("h100-sxm");
  // One 8-GPU node at full load: 8 * 700 W * 1.8 * 1.075 = 10,836 W.
  EXPECT_NEAR(pool_it_power_kw(h100, 8.0, 8.0, 1.0, 1.0), 10.836, 1e-9);
  // A cap below idle (10 % of 700 W = 70 W < 105 W) leaves busy GPUs at idle power.
  EXPECT_NEAR(busy_gpu_power_w(h100, 1.0, 0.1), 105.0, 1e-12);
  EXPECT_NEAR(busy_gpu_power_w(h100, 0.76, 1.0), 105.0 + 595.0 * 0.76, 1e-12);
}

TEST(PoolPower, LinearInGpusAndMonotoneInCap) {
  const GpuType b200 = catalogue_gpu("b200");
  const double one = pool_it_power_kw(b200, 1.0, 1.0, 0.8, 0.9);
  EXPECT_NEAR(pool_it_power_kw(b200, 50'000.0, 50'000.0, 0.8, 0.9), 50'000.0 * one, 1e-6);
  double previous = 0.0;
  for (double cap = 0.2; cap <= 1.0 + 1e-12; cap += 0.1) {
    const double kw = pool_it_power_kw(b200, 100.0, 60.0, 0.9, std::min(cap, 1.0));
    EXPECT_GE(kw, previous);
    previous = kw;
  }
}

TEST(PowerCapCurve, HandCheckedPoints) {
  EXPECT_DOUBLE_EQ(relative_throughput(1.0), 1.0);
  EXPECT_DOUBLE_EQ(relative_power(1.0), 1.0);
  // c = 0.7: 1 - 0.4346 * 0.3^1.605 = 1 - 0.4346 * 0.14478 = 0.93708 (time x1.0671; FACTS.md
  // x1.063). Power: 1 - 0.9106 * 0.3^1.177 = 1 - 0.9106 * 0.24242 = 0.77925 (FACTS.md x0.781).
  EXPECT_NEAR(relative_throughput(0.7), 0.93708, 5e-5);
  EXPECT_NEAR(relative_power(0.7), 0.77925, 5e-5);
  // FACTS.md V100 row within the stated fit errors (0.0035 throughput, 0.0082 power, + margin).
  EXPECT_NEAR(1.0 / relative_throughput(0.9), 1.013, 0.005);
  EXPECT_NEAR(1.0 / relative_throughput(0.5), 1.173, 0.005);
  EXPECT_NEAR(relative_power(0.9), 0.945, 0.009);
  EXPECT_NEAR(relative_power(0.5), 0.591, 0.009);
  // Below the knee (0.505): linear, y(0.4) = y(0.505) - 1.2843 * 0.105.
  const double at_knee = 1.0 - 0.4346 * std::pow(0.495, 1.605);
  EXPECT_NEAR(relative_throughput(0.4), at_knee - 1.2843 * 0.105, 1e-12);
  // Far below the data the curve is clamped.
  EXPECT_GE(evaluate_power_cap_curve(kZeusPooledThroughput, 0.01), kMinRelative);
}

TEST(PowerCapCurve, MonotoneAndEnergyFavourable) {
  double previous_throughput = 0.0;
  double previous_power = 0.0;
  for (int i = 1; i <= 100; ++i) {
    const double c = i / 100.0;
    const double r = relative_throughput(c);
    const double p = relative_power(c);
    EXPECT_GE(r, previous_throughput - 1e-12) << c;
    EXPECT_GE(p, previous_power - 1e-12) << c;
    EXPECT_LE(r, 1.0);
    EXPECT_LE(p, 1.0);
    previous_throughput = r;
    previous_power = p;
  }
  // Energy per unit of work (power / throughput) falls under moderate caps, as Zeus measured.
  EXPECT_LT(relative_power(0.6) / relative_throughput(0.6), 0.8);
}

}  // namespace
}  // namespace stargate
