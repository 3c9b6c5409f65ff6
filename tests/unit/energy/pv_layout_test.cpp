// Tests of src/energy/pv_layout.cpp: module types and the array layout PVWatts v8 assumes.
#include "energy/pv_layout.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace stargate::pv {
namespace {

TEST(ModuleSpec, Types) {
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kStandard).temperature_coefficient_per_c, -0.0037);
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kPremium).temperature_coefficient_per_c, -0.0035);
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kThinFilm).temperature_coefficient_per_c, -0.0032);
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kStandard).stc_efficiency, 0.19);
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kPremium).stc_efficiency, 0.21);
  EXPECT_DOUBLE_EQ(module_spec(ModuleType::kThinFilm).stc_efficiency, 0.18);
  EXPECT_TRUE(module_spec(ModuleType::kThinFilm).anti_reflective);
}

TEST(Layout, UtilityScaleFixed) {
  // 100,000 kWdc: 333,334 modules, sqrt(333,334 / 2) = 408.25 -> 409 rows of
  // ceil(333,334 / 818) = 408 modules: 58 strings per row, no end effect.
  const ArrayLayout layout =
      estimate_layout(100000.0, ArrayType::kFixedOpenRack, module_spec(ModuleType::kStandard));
  EXPECT_DOUBLE_EQ(layout.modules, 333334.0);
  EXPECT_DOUBLE_EQ(layout.rows, 409.0);
  EXPECT_DOUBLE_EQ(layout.modules_along_row, 408.0);
  EXPECT_DOUBLE_EQ(layout.modules_high, 2.0);
  EXPECT_FALSE(layout.end_effect);
}

TEST(Layout, TrackersAreOneModuleHigh) {
  const ArrayLayout layout = estimate_layout(100000.0, ArrayType::kOneAxisBacktracking,
                                             module_spec(ModuleType::kStandard));
  EXPECT_DOUBLE_EQ(layout.modules_high, 1.0);
  EXPECT_DOUBLE_EQ(layout.rows, 578.0);
  EXPECT_DOUBLE_EQ(layout.modules_along_row, 577.0);
}

TEST(Layout, SmallArrayHasRowEnds) {
  // 4 kWdc: 14 modules, 3 rows of 3 (2 high): 3 x 0.9637 m / (2 x 1.6384 m) = 0.8824.
  const ArrayLayout layout =
      estimate_layout(4.0, ArrayType::kFixedOpenRack, module_spec(ModuleType::kStandard));
  EXPECT_DOUBLE_EQ(layout.modules, 14.0);
  EXPECT_DOUBLE_EQ(layout.rows, 3.0);
  EXPECT_DOUBLE_EQ(layout.modules_along_row, 3.0);
  EXPECT_TRUE(layout.end_effect);
  EXPECT_NEAR(layout.row_length_to_height, 3.0 / (2.0 * 1.7), 1e-12);
  // A roof is one row; a tiny array has one module.
  EXPECT_DOUBLE_EQ(
      estimate_layout(4.0, ArrayType::kFixedRoof, module_spec(ModuleType::kStandard)).rows, 1.0);
  EXPECT_DOUBLE_EQ(
      estimate_layout(0.1, ArrayType::kTwoAxis, module_spec(ModuleType::kStandard)).modules, 1.0);
}

TEST(Layout, SelfShadingArrays) {
  EXPECT_TRUE(has_self_shading(ArrayType::kFixedOpenRack));
  EXPECT_TRUE(has_self_shading(ArrayType::kOneAxis));
  EXPECT_TRUE(has_self_shading(ArrayType::kOneAxisBacktracking));
  EXPECT_FALSE(has_self_shading(ArrayType::kFixedRoof));
  EXPECT_FALSE(has_self_shading(ArrayType::kTwoAxis));
}

}  // namespace
}  // namespace stargate::pv
