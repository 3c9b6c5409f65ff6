// Tests of src/weather/tracking.cpp: angle of incidence, single-axis true tracking and
// backtracking, two-axis tracking, against hand-worked geometry.
#include "stargate/weather/tracking.hpp"
#include "stargate/core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "stargate/weather/self_shading.hpp"

namespace stargate {
namespace {

MountGeometry single_axis(double limit_deg, bool backtracking, double gcr) {
  MountGeometry mount;
  mount.mode = TrackingMode::kSingleAxis;
  mount.tilt_deg = 0.0;
  mount.azimuth_deg = 180.0;
  mount.rotation_limit_deg = limit_deg;
  mount.backtracking = backtracking;
  mount.gcr = gcr;
  return mount;
}

TEST(AngleOfIncidence, FixedPlanes) {
  // A plane facing the sun: aoi 0. A horizontal plane: aoi = zenith.
  EXPECT_NEAR(cos_angle_of_incidence(30.0, 180.0, 30.0, 180.0), 1.0, 1e-12);
  EXPECT_NEAR(cos_angle_of_incidence(0.0, 180.0, 40.0, 123.0), std::cos(40.0 * kDegToRad), 1e-12);
  // South-facing 30 deg plane, sun at zenith 60 due west: cos = sin 60 sin 30 cos 90 + cos 60 cos
  // 30 = 0.4330.
  EXPECT_NEAR(cos_angle_of_incidence(30.0, 180.0, 60.0, 270.0), 0.5 * std::cos(30.0 * kDegToRad),
              1e-12);
  MountGeometry fixed;
  fixed.tilt_deg = 30.0;
  const SurfaceOrientation s = orient_surface(fixed, 60.0, 270.0);
  EXPECT_NEAR(s.aoi_deg, std::acos(0.5 * std::cos(30.0 * kDegToRad)) / kDegToRad, 1e-9);
  EXPECT_DOUBLE_EQ(s.tilt_deg, 30.0);
  EXPECT_DOUBLE_EQ(s.azimuth_deg, 180.0);
}

TEST(SingleAxis, WorkedExample) {
  // Sun at zenith 60, azimuth 240; horizontal north-south axis: s = (-0.75, -0.433, 0.5),
  // R_t = atan2(0.75, 0.5) = 56.31 deg, limited to 45: tilt 45, azimuth 270 (facing west),
  // cos(aoi) = 0.7071 (0.75 + 0.5) = 0.8839 (aoi 27.885 deg).
  const SurfaceOrientation s = orient_surface(single_axis(45.0, false, 0.35), 60.0, 240.0);
  EXPECT_NEAR(s.ideal_rotation_deg, std::atan2(0.75, 0.5) / kDegToRad, 1e-9);
  EXPECT_NEAR(s.ideal_rotation_deg, 56.3099, 1e-4);
  EXPECT_DOUBLE_EQ(s.rotation_deg, 45.0);
  EXPECT_NEAR(s.tilt_deg, 45.0, 1e-9);
  EXPECT_NEAR(s.azimuth_deg, 270.0, 1e-9);
  EXPECT_NEAR(s.cos_aoi, std::sqrt(0.5) * 1.25, 1e-12);
  EXPECT_NEAR(s.aoi_deg, 27.885, 1e-3);
  // Without the limit the panel faces the sun across the axis: aoi = the sun's angle out of the
  // rotation plane, here asin(s_y) = asin(0.433) = 25.66 deg.
  const SurfaceOrientation free = orient_surface(single_axis(90.0, false, 0.35), 60.0, 240.0);
  EXPECT_NEAR(free.aoi_deg, std::asin(0.75 / std::sqrt(3.0)) / kDegToRad, 1e-9);
}

TEST(SingleAxis, MorningAndAfternoonAreSymmetric) {
  const MountGeometry mount = single_axis(60.0, false, 0.35);
  const SurfaceOrientation morning = orient_surface(mount, 50.0, 100.0);
  const SurfaceOrientation afternoon = orient_surface(mount, 50.0, 260.0);
  EXPECT_NEAR(morning.rotation_deg, -afternoon.rotation_deg, 1e-12);
  EXPECT_NEAR(morning.aoi_deg, afternoon.aoi_deg, 1e-12);
  EXPECT_NEAR(morning.azimuth_deg, 90.0, 1e-9);
  EXPECT_NEAR(afternoon.azimuth_deg, 270.0, 1e-9);
}

TEST(SingleAxis, TrueTrackingMinimisesTheAngleOfIncidence) {
  // Axis tilted 20 deg toward the south: normal at rotation r is cos r n0 + sin r x' with
  // n0 = (0, -sin 20, cos 20) and x' = (-1, 0, 0). A grid search over r for the largest cos(aoi)
  // finds R_t.
  const double zenith = 35.0;
  const double azimuth = 130.0;
  const double sz = std::sin(zenith * kDegToRad);
  const double sun[3] = {sz * std::sin(azimuth * kDegToRad), sz * std::cos(azimuth * kDegToRad),
                         std::cos(zenith * kDegToRad)};
  const double n0[3] = {0.0, -std::sin(20.0 * kDegToRad), std::cos(20.0 * kDegToRad)};
  double best_r = 0.0;
  double best_cos = -2.0;
  for (double r = -90.0; r <= 90.0; r += 0.01) {
    const double c = std::cos(r * kDegToRad);
    const double s = std::sin(r * kDegToRad);
    const double cos_aoi = c * (sun[1] * n0[1] + sun[2] * n0[2]) + s * (-sun[0]);
    if (cos_aoi > best_cos) {
      best_cos = cos_aoi;
      best_r = r;
    }
  }
  EXPECT_NEAR(single_axis_ideal_rotation_deg(zenith, azimuth, 20.0, 180.0), best_r, 0.01);
  MountGeometry mount = single_axis(90.0, false, 0.35);
  mount.tilt_deg = 20.0;
  EXPECT_NEAR(orient_surface(mount, zenith, azimuth).cos_aoi, best_cos, 1e-6);
}

TEST(Backtracking, ClosedForm) {
  // |cos 75| = 0.2588 < gcr 0.35: R = 75 - acos(0.2588 / 0.35) = 75 - 42.313 = 32.687 deg.
  EXPECT_NEAR(backtracking_rotation_deg(75.0, 0.35), 32.6874, 1e-4);
  EXPECT_NEAR(backtracking_rotation_deg(-75.0, 0.35), -32.6874, 1e-4);
  // No shading to avoid: true tracking.
  EXPECT_DOUBLE_EQ(backtracking_rotation_deg(60.0, 0.35), 60.0);
  EXPECT_DOUBLE_EQ(backtracking_rotation_deg(-20.0, 0.35), -20.0);
}

TEST(Backtracking, NeverShades) {
  // For every sun position the backtracked rows leave the next row unshaded.
  for (const double gcr : {0.2, 0.35, 0.5, 0.7}) {
    for (double ideal = -89.0; ideal <= 89.0; ideal += 0.5) {
      const double rotation = backtracking_rotation_deg(ideal, gcr);
      EXPECT_LE(single_axis_shaded_fraction(ideal, rotation, gcr), 1e-9) << gcr << " " << ideal;
    }
  }
}

TEST(TwoAxis, FacesTheSun) {
  MountGeometry mount;
  mount.mode = TrackingMode::kTwoAxis;
  const SurfaceOrientation s = orient_surface(mount, 37.0, 211.0);
  EXPECT_DOUBLE_EQ(s.aoi_deg, 0.0);
  EXPECT_DOUBLE_EQ(s.tilt_deg, 37.0);
  EXPECT_DOUBLE_EQ(s.azimuth_deg, 211.0);
}

TEST(Mount, ValidationAndOrienterAgree) {
  MountGeometry bad;
  bad.tilt_deg = 95.0;
  EXPECT_THROW(validate_mount(bad), std::invalid_argument);
  bad = MountGeometry{};
  bad.gcr = 1.0;
  EXPECT_THROW(validate_mount(bad), std::invalid_argument);
  bad = MountGeometry{};
  bad.rotation_limit_deg = -1.0;
  EXPECT_THROW(validate_mount(bad), std::invalid_argument);
  bad = MountGeometry{};
  bad.azimuth_deg = std::nan("");
  EXPECT_THROW(validate_mount(bad), std::invalid_argument);
  EXPECT_NO_THROW(validate_mount(MountGeometry{}));

  const MountGeometry mount = single_axis(45.0, true, 0.4);
  const SurfaceOrienter orienter(mount);
  const SurfaceOrientation a = orienter.orient(70.0, 110.0);
  const SurfaceOrientation b = orient_surface(mount, 70.0, 110.0);
  EXPECT_DOUBLE_EQ(a.aoi_deg, b.aoi_deg);
  EXPECT_DOUBLE_EQ(a.rotation_deg, b.rotation_deg);
}

}  // namespace
}  // namespace stargate
