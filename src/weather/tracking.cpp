// Surface orientation and angle of incidence for fixed, single-axis and two-axis mounts:
// equations, the worked number and sources are in include/stargate/weather/tracking.hpp.
//
// Assumptions: level ground (no cross-axis slope); a rotation limit applies symmetrically; a
// horizontal surface has azimuth 180 by convention.
#include "stargate/weather/tracking.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

struct Vec3 {
  double x, y, z;
};

double dot(const Vec3& a, const Vec3& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

Vec3 sun_vector(double zenith_deg, double azimuth_deg) {
  const double zenith = zenith_deg * kDegToRad;
  const double azimuth = azimuth_deg * kDegToRad;
  const double sin_zenith = std::sin(zenith);
  return {sin_zenith * std::sin(azimuth), sin_zenith * std::cos(azimuth), std::cos(zenith)};
}

Vec3 plane_normal(double tilt_deg, double azimuth_deg) {
  const double tilt = tilt_deg * kDegToRad;
  const double azimuth = azimuth_deg * kDegToRad;
  const double sin_tilt = std::sin(tilt);
  return {sin_tilt * std::sin(azimuth), sin_tilt * std::cos(azimuth), std::cos(tilt)};
}

// Angle of incidence from its cosine, with the cosine kept in [-1, 1] against rounding.
double aoi_from_cos(double cos_aoi) {
  return std::acos(std::clamp(cos_aoi, -1.0, 1.0)) * kRadToDeg;
}

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

}  // namespace

void validate_mount(const MountGeometry& mount) {
  require(std::isfinite(mount.tilt_deg) && mount.tilt_deg >= 0.0 && mount.tilt_deg <= 90.0,
          "tilt must be 0..90 deg, got " + std::to_string(mount.tilt_deg));
  require(
      std::isfinite(mount.azimuth_deg) && mount.azimuth_deg >= 0.0 && mount.azimuth_deg <= 360.0,
      "azimuth must be 0..360 deg, got " + std::to_string(mount.azimuth_deg));
  require(std::isfinite(mount.rotation_limit_deg) && mount.rotation_limit_deg >= 0.0 &&
              mount.rotation_limit_deg <= 90.0,
          "rotation limit must be 0..90 deg, got " + std::to_string(mount.rotation_limit_deg));
  require(std::isfinite(mount.gcr) && mount.gcr > 0.0 && mount.gcr < 1.0,
          "ground coverage ratio must be in (0, 1), got " + std::to_string(mount.gcr));
}

double cos_angle_of_incidence(double surface_tilt_deg, double surface_azimuth_deg,
                              double sun_zenith_deg, double sun_azimuth_deg) {
  return dot(sun_vector(sun_zenith_deg, sun_azimuth_deg),
             plane_normal(surface_tilt_deg, surface_azimuth_deg));
}

double single_axis_ideal_rotation_deg(double sun_zenith_deg, double sun_azimuth_deg,
                                      double axis_tilt_deg, double axis_azimuth_deg) {
  const Vec3 sun = sun_vector(sun_zenith_deg, sun_azimuth_deg);
  const double axis_azimuth = axis_azimuth_deg * kDegToRad;
  const Vec3 normal0 = plane_normal(axis_tilt_deg, axis_azimuth_deg);
  const Vec3 across{std::cos(axis_azimuth), -std::sin(axis_azimuth), 0.0};
  return std::atan2(dot(sun, across), dot(sun, normal0)) * kRadToDeg;
}

double backtracking_rotation_deg(double ideal_rotation_deg, double gcr) {
  // With the rows facing the sun (true tracking), a row of width w casts a shadow w / |cos R_t|
  // long across the axis; it reaches the next row, w / gcr away, when |cos R_t| < gcr. The
  // backtracked rotation satisfies cos(R - R_t) = |cos R_t| / gcr: the shadow edge then falls
  // exactly on the edge of the next row.
  const double projection = std::abs(std::cos(ideal_rotation_deg * kDegToRad)) / gcr;
  if (projection >= 1.0) return ideal_rotation_deg;
  const double correction_deg = std::acos(projection) * kRadToDeg;
  return ideal_rotation_deg > 0.0 ? ideal_rotation_deg - correction_deg
                                  : ideal_rotation_deg + correction_deg;
}

SurfaceOrientation orient_surface(const MountGeometry& mount, double sun_zenith_deg,
                                  double sun_azimuth_deg) {
  return SurfaceOrienter(mount).orient(sun_zenith_deg, sun_azimuth_deg);
}

SurfaceOrienter::SurfaceOrienter(const MountGeometry& mount) : mount_(mount) {
  const Vec3 normal0 = plane_normal(mount.tilt_deg, mount.azimuth_deg);
  const double axis_azimuth = mount.azimuth_deg * kDegToRad;
  normal0_[0] = normal0.x;
  normal0_[1] = normal0.y;
  normal0_[2] = normal0.z;
  across_[0] = std::cos(axis_azimuth);
  across_[1] = -std::sin(axis_azimuth);
  across_[2] = 0.0;
}

SurfaceOrientation SurfaceOrienter::orient(double sun_zenith_deg, double sun_azimuth_deg) const {
  SurfaceOrientation surface;
  const Vec3 normal0{normal0_[0], normal0_[1], normal0_[2]};
  switch (mount_.mode) {
    case TrackingMode::kFixed: {
      surface.tilt_deg = mount_.tilt_deg;
      surface.azimuth_deg = mount_.azimuth_deg;
      surface.cos_aoi = dot(sun_vector(sun_zenith_deg, sun_azimuth_deg), normal0);
      break;
    }
    case TrackingMode::kSingleAxis: {
      const Vec3 sun = sun_vector(sun_zenith_deg, sun_azimuth_deg);
      const Vec3 across{across_[0], across_[1], across_[2]};
      const double ideal_deg = std::atan2(dot(sun, across), dot(sun, normal0)) * kRadToDeg;
      double rotation_deg = ideal_deg;
      if (mount_.backtracking) rotation_deg = backtracking_rotation_deg(ideal_deg, mount_.gcr);
      rotation_deg =
          std::clamp(rotation_deg, -mount_.rotation_limit_deg, mount_.rotation_limit_deg);
      const double rotation = rotation_deg * kDegToRad;
      const double cos_rotation = std::cos(rotation);
      const double sin_rotation = std::sin(rotation);
      const Vec3 normal{cos_rotation * normal0.x + sin_rotation * across.x,
                        cos_rotation * normal0.y + sin_rotation * across.y,
                        cos_rotation * normal0.z};
      surface.ideal_rotation_deg = ideal_deg;
      surface.rotation_deg = rotation_deg;
      surface.tilt_deg = aoi_from_cos(normal.z);
      if (std::abs(normal.x) < 1e-12 && std::abs(normal.y) < 1e-12) {
        surface.azimuth_deg = 180.0;  // horizontal: azimuth undefined, 180 by convention
      } else {
        surface.azimuth_deg = std::atan2(normal.x, normal.y) * kRadToDeg;
        if (surface.azimuth_deg < 0.0) surface.azimuth_deg += 360.0;
      }
      surface.cos_aoi = dot(sun, normal);
      break;
    }
    case TrackingMode::kTwoAxis: {
      surface.tilt_deg = sun_zenith_deg;
      surface.azimuth_deg = sun_azimuth_deg;
      surface.cos_aoi = 1.0;
      break;
    }
  }
  surface.cos_aoi = std::clamp(surface.cos_aoi, -1.0, 1.0);
  surface.aoi_deg = aoi_from_cos(surface.cos_aoi);
  return surface;
}

}  // namespace stargate
