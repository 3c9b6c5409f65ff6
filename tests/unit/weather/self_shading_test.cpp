// Tests of src/weather/self_shading.cpp: beam shading of fixed racks and single-axis trackers,
// and the sky and ground-reflected diffuse derates, against hand-worked geometry.
#include "stargate/weather/self_shading.hpp"
#include "stargate/core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace stargate {
namespace {

TEST(FixedRack, ShadedFractionOfASouthernSun) {
  // gcr 0.35, tilt 30, sun due south. Elevation 20 deg: py = cos 30 + sin 30 / tan 20 = 2.2397,
  // 1 - 1 / (0.35 py) < 0: no shade. Elevation 10 deg: py = 3.7016, Hs = 1 - 1 / 1.29558 =
  // 0.22815.
  EXPECT_DOUBLE_EQ(fixed_rack_shaded_fraction(30.0, 180.0, 70.0, 180.0, 0.35), 0.0);
  EXPECT_NEAR(fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 180.0, 0.35), 0.228147, 1e-6);
  // Sun behind the rows, sun down, or flat rows: no beam shading.
  EXPECT_DOUBLE_EQ(fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 10.0, 0.35), 0.0);
  EXPECT_DOUBLE_EQ(fixed_rack_shaded_fraction(30.0, 180.0, 95.0, 180.0, 0.35), 0.0);
  EXPECT_DOUBLE_EQ(fixed_rack_shaded_fraction(0.0, 180.0, 85.0, 180.0, 0.35), 0.0);
}

TEST(FixedRack, RowEndEffectOnlyInTheAfternoon) {
  // The shadow's offset along a short row reduces the shaded area when the sun is west of the
  // row normal; PVWatts clamps the offset at 0 for an eastern sun.
  const double morning = fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 150.0, 0.35, 0.882);
  const double morning_long = fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 150.0, 0.35);
  EXPECT_DOUBLE_EQ(morning, morning_long);
  const double afternoon = fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 210.0, 0.35, 0.882);
  const double afternoon_long = fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 210.0, 0.35);
  EXPECT_DOUBLE_EQ(afternoon_long, morning_long);
  // px / py = sin 30 sin 30 cot 10 / (cos 30 + cos 30 sin 30 cot 10) = 1.41782 / 3.32176 = 0.42683;
  // offset = 0.42683 / 0.35 / 0.882 = 1.38266 -> clamped to 1: the shadow misses the short row.
  EXPECT_DOUBLE_EQ(afternoon, 0.0);
  const double long_row = fixed_rack_shaded_fraction(30.0, 180.0, 80.0, 210.0, 0.35, 5.0);
  EXPECT_NEAR(afternoon_long, 0.139871, 1e-6);  // 1 - 1 / (0.35 * 3.32176)
  EXPECT_NEAR(long_row, afternoon_long * (1.0 - 0.42683 / 0.35 / 5.0), 1e-5);
}

TEST(SingleAxisShading, TrueTrackingAndBacktracking) {
  // True tracking at R_t = 75 deg: 1 - cos 75 / 0.35 = 0.26052.
  EXPECT_NEAR(single_axis_shaded_fraction(75.0, 75.0, 0.35), 0.260517, 1e-6);
  // Limited at 45 deg: 1 - cos 75 / (0.35 cos 30) = 0.14609.
  EXPECT_NEAR(single_axis_shaded_fraction(75.0, 45.0, 0.35),
              1.0 - std::cos(75.0 * kDegToRad) / (0.35 * std::cos(30.0 * kDegToRad)), 1e-12);
  // High sun: no shading.
  EXPECT_DOUBLE_EQ(single_axis_shaded_fraction(30.0, 30.0, 0.35), 0.0);
  // Backtracked rotation 32.687 deg: the shadow just reaches the next row.
  EXPECT_NEAR(single_axis_shaded_fraction(75.0, 32.68739, 0.35), 0.0, 1e-6);
}

TEST(SkyDerate, ClosedFormMatchesTheIntegral) {
  // (1 + R - sqrt(1 + R^2 - 2 R cos b)) / (1 + cos b), R = 1 / 0.35: 0.96687 at 30 deg.
  EXPECT_NEAR(sky_diffuse_derate(30.0, 0.35), 0.966871, 1e-6);
  EXPECT_DOUBLE_EQ(sky_diffuse_derate(0.0, 0.35), 1.0);
  // The average over the row height of (1 + cos(b + psi(u))) / (1 + cos b), midpoint rule.
  for (const double tilt : {10.0, 30.0, 45.0, 60.0}) {
    for (const double gcr : {0.2, 0.4, 0.7}) {
      const double b = tilt * kDegToRad;
      const int steps = 20000;
      double sum = 0.0;
      for (int k = 0; k < steps; ++k) {
        const double u = (k + 0.5) / steps;
        const double psi = std::atan2(u * std::sin(b), 1.0 / gcr - u * std::cos(b));
        sum += (1.0 + std::cos(b + psi)) / (1.0 + std::cos(b));
      }
      EXPECT_NEAR(sky_diffuse_derate(tilt, gcr), sum / steps, 1e-8) << tilt << " " << gcr;
    }
  }
}

TEST(GroundDerate, DiffuseBeamAndLimits) {
  // Diffuse only, large array: F(R) / Fo = 0.05028 / 0.06699 = 0.75052.
  EXPECT_NEAR(ground_diffuse_derate(30.0, 40.0, 0.35, 1e6, 0.0, 100.0), 0.750523, 1e-5);
  // One row sees an open field; a flat row or no light: no derate.
  EXPECT_DOUBLE_EQ(ground_diffuse_derate(30.0, 40.0, 0.35, 1.0, 500.0, 100.0), 1.0);
  EXPECT_DOUBLE_EQ(ground_diffuse_derate(0.0, 40.0, 0.35, 100.0, 500.0, 100.0), 1.0);
  EXPECT_DOUBLE_EQ(ground_diffuse_derate(30.0, 40.0, 0.35, 100.0, 0.0, 0.0), 1.0);
  // Beam only, sun at elevation 50: shadow sin(100) / sin(50) = 1.28558, sunlit strip
  // 2.85714 - 1.28558 = 1.57157; F = (1 + 1.57157 - sqrt(1 + 2.46983 + 2 * 1.57157 * 0.86603)) / 2
  // = 0.04161 -> 0.04161 / 0.06699 = 0.62118 for a large array.
  const double y = 1.0 / 0.35 - std::sin(100.0 * kDegToRad) / std::sin(50.0 * kDegToRad);
  const double c = std::cos(30.0 * kDegToRad);
  const double strip = 0.5 * (1.0 + y - std::sqrt(1.0 + y * y + 2.0 * y * c));
  EXPECT_NEAR(ground_diffuse_derate(30.0, 40.0, 0.35, 1e9, 500.0, 0.0), strip / ((1.0 - c) / 2.0),
              1e-8);
  EXPECT_NEAR(strip / ((1.0 - c) / 2.0), 0.62118, 1e-4);
}

}  // namespace
}  // namespace stargate
