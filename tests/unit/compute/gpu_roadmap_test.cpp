// The generation a refresh buys, by hand (include/stargate/compute/gpu_roadmap.hpp).
#include "stargate/compute/gpu_roadmap.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace stargate {
namespace {

TEST(GpuRoadmap, FiveYearsOnFromGb200) {
  const GpuType gb200 = catalogue_gpu("gb200-nvl72");
  const GpuType next = gpu_generation(gb200, 5.0, GpuTrend{});
  EXPECT_EQ(next.name, "gb200-nvl72+5y");
  EXPECT_NEAR(next.dense_bf16_flops / 1e15, 2.5 * std::pow(1.35, 5.0), 1e-9);  // 11.21 PFLOP/s
  EXPECT_NEAR(next.tdp_w, 1932.612, 1e-9);
  EXPECT_NEAR(next.price_usd, 112'205.687, 1e-3);
  EXPECT_NEAR(generation_price_factor(5.0, GpuTrend{}), 1.1220569, 1e-7);
  // A 90.3 MW building: 50,000 GB200 at 1.806 kW; 31,046 of the next at 2.909 kW.
  EXPECT_EQ(gpus_in_building(90'300.0, gb200, 50'000), 50'000);
  EXPECT_EQ(gpus_in_building(90'300.0, next, 50'000), 31'046);
  // Never more GPUs than the building was built for.
  EXPECT_EQ(gpus_in_building(200'000.0, next, 50'000), 50'000);
  // t = 0 is the installed type itself.
  EXPECT_EQ(gpu_generation(gb200, 0.0, GpuTrend{}).name, "gb200-nvl72");
  EXPECT_THROW((void)gpu_generation(gb200, -1.0, GpuTrend{}), std::invalid_argument);
  GpuTrend bad;
  bad.compute_price_per_year = -1.0;
  EXPECT_THROW((void)gpu_generation(gb200, 5.0, bad), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
