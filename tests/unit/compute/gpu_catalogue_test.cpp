#include "stargate/compute/gpu_catalogue.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace stargate {
namespace {

TEST(GpuCatalogue, EveryBuiltInTypeIsValidAndSourced) {
  ASSERT_EQ(gpu_type_names().size(), 5U);
  for (const auto name : gpu_type_names()) {
    const GpuType type = catalogue_gpu(name);
    EXPECT_EQ(type.name, name);
    EXPECT_NO_THROW(validate_gpu_type(type)) << name;
    EXPECT_FALSE(type.source.empty()) << name;
    // rack_it_kw follows gpus_per_rack * tdp * node overhead.
    EXPECT_NEAR(type.rack_it_kw, type.gpus_per_rack * type.tdp_w * type.node_overhead_factor / 1e3,
                1e-9)
        << name;
    EXPECT_NEAR(type.idle_w, 0.15 * type.tdp_w, 1e-9) << name;  // FACTS.md: idle ~15 % of TDP
  }
}

TEST(GpuCatalogue, Gb200MatchesFacts) {
  const GpuType gb200 = catalogue_gpu("gb200-nvl72");
  EXPECT_DOUBLE_EQ(gb200.tdp_w, 1200.0);
  EXPECT_DOUBLE_EQ(gb200.dense_bf16_flops, 2.5e15);
  EXPECT_DOUBLE_EQ(gb200.dense_fp8_flops, 5.0e15);
  EXPECT_EQ(gb200.gpus_per_rack, 72);
  EXPECT_DOUBLE_EQ(gb200.node_overhead_factor, 1.4);
  // 72 * 1.2 kW * 1.4 = 120.96 kW: FACTS.md ~120 kW IT per rack (115-140).
  EXPECT_NEAR(gb200.rack_it_kw, 120.96, 1e-9);
  EXPECT_DOUBLE_EQ(gb200.price_usd, 100'000.0);
}

TEST(GpuCatalogue, HopperAndHgxMatchDatasheets) {
  const GpuType h100 = catalogue_gpu("h100-sxm");
  EXPECT_DOUBLE_EQ(h100.tdp_w, 700.0);
  EXPECT_NEAR(h100.dense_bf16_flops, 0.989e15, 0.001e15);  // FACTS.md: 0.989 PFLOP/s
  EXPECT_NEAR(h100.dense_fp8_flops, 1.979e15, 0.001e15);   // FACTS.md: 1.979 PFLOP/s
  EXPECT_DOUBLE_EQ(h100.node_overhead_factor, 1.8);
  // 8-GPU node: 8 * 700 W * 1.8 = 10.08 kW, the DGX H100's 10.2 kW maximum within 2 %.
  EXPECT_NEAR(8.0 * h100.tdp_w * h100.node_overhead_factor / 1e3, 10.2, 0.2);
  EXPECT_DOUBLE_EQ(catalogue_gpu("b200").tdp_w, 1000.0);
  EXPECT_DOUBLE_EQ(catalogue_gpu("gb300-nvl72").tdp_w, 1400.0);
  EXPECT_DOUBLE_EQ(catalogue_gpu("h200").dense_fp8_flops, h100.dense_fp8_flops);
}

TEST(GpuCatalogue, UnknownNameSuggestsClosest) {
  try {
    (void)catalogue_gpu("gb200-nvl27");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("did you mean 'gb200-nvl72'"), std::string::npos) << what;
    EXPECT_NE(what.find("h100-sxm"), std::string::npos) << what;  // lists the names too
  }
  try {
    (void)catalogue_gpu("tpu");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("gb300-nvl72"), std::string::npos) << what;
  }
}

TEST(GpuCatalogue, ValidationNamesTheField) {
  GpuType type = catalogue_gpu("b200");
  type.name = "custom";
  type.idle_w = type.tdp_w;
  try {
    validate_gpu_type(type);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("idle_w"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("custom"), std::string::npos) << e.what();
  }
  type = catalogue_gpu("b200");
  type.node_overhead_factor = 0.9;
  EXPECT_THROW(validate_gpu_type(type), std::invalid_argument);
  type = catalogue_gpu("b200");
  type.network_storage_fraction = -0.1;
  EXPECT_THROW(validate_gpu_type(type), std::invalid_argument);
  type = catalogue_gpu("b200");
  type.gpus_per_rack = 0;
  EXPECT_THROW(validate_gpu_type(type), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
