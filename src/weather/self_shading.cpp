// Row-to-row self-shading: equations, assumptions, worked numbers and sources are in
// include/stargate/weather/self_shading.hpp.
//
// Derivation of the closed-form sky derate: with R = 1/gcr and a point u below the top edge,
// cos(b + psi) = (R cos b - u) / D(u), D(u) = sqrt(R^2 - 2 R u cos b + u^2); the integral of
// (R cos b - u) / D(u) over u = 0..1 is R - D(1), so the average of (1 + cos(b + psi)) is
// 1 + R - sqrt(1 + R^2 - 2 R cos b), which is divided by the open-field 1 + cos b.
#include "stargate/weather/self_shading.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// Smallest unshaded ground strip (in row heights), as in Deline et al.'s implementation notes.
constexpr double kMinSunlitStrip = 1e-5;

// View factor (crossed strings) from a row of unit slant height at tilt b to a strip of ground
// of length y that starts at the row's lower edge, in front of it.
double row_to_ground_strip(double y, double cos_tilt) {
  return 0.5 * (1.0 + y - std::sqrt(1.0 + y * y + 2.0 * y * cos_tilt));
}

}  // namespace

double fixed_rack_shaded_fraction(double surface_tilt_deg, double surface_azimuth_deg,
                                  double sun_zenith_deg, double sun_azimuth_deg, double gcr,
                                  double row_length_to_height) {
  const double azimuth_off_normal_deg = sun_azimuth_deg - surface_azimuth_deg;
  if (!(sun_zenith_deg < 90.0) || surface_tilt_deg == 0.0 ||
      !(std::abs(azimuth_off_normal_deg) < 90.0)) {
    return 0.0;  // sun down, flat rows, or sun behind the rows: no row-to-row beam shading
  }
  const double tilt = surface_tilt_deg * kDegToRad;
  const double off = azimuth_off_normal_deg * kDegToRad;
  const double cot_elevation = std::tan(sun_zenith_deg * kDegToRad);  // 1 / tan(90 - zenith)
  const double py = std::cos(tilt) + std::cos(off) * std::sin(tilt) * cot_elevation;
  const double px = std::sin(tilt) * std::sin(off) * cot_elevation;
  if (py <= 0.0) return 0.0;
  const double shaded_height = std::clamp(1.0 - 1.0 / (gcr * py), 0.0, 1.0);
  double end_offset = 0.0;  // shadow offset along the row, in row lengths
  if (std::isfinite(row_length_to_height)) {
    end_offset = std::clamp(px / py / gcr / row_length_to_height, 0.0, 1.0);
  }
  return shaded_height * (1.0 - end_offset);
}

double single_axis_shaded_fraction(double ideal_rotation_deg, double rotation_deg, double gcr) {
  const double row_across_rays = gcr * std::cos((rotation_deg - ideal_rotation_deg) * kDegToRad);
  if (row_across_rays == 0.0) return 0.0;
  const double gap_across_rays = std::cos(ideal_rotation_deg * kDegToRad);
  return std::clamp(1.0 - gap_across_rays / row_across_rays, 0.0, 1.0);
}

double sky_diffuse_derate(double surface_tilt_deg, double gcr) {
  const double cos_tilt = std::cos(surface_tilt_deg * kDegToRad);
  const double pitch = 1.0 / gcr;
  const double sky_view = 1.0 + pitch - std::sqrt(1.0 + pitch * pitch - 2.0 * pitch * cos_tilt);
  return std::clamp(sky_view / (1.0 + cos_tilt), 0.0, 1.0);
}

double ground_diffuse_derate(double surface_tilt_deg, double sun_zenith_deg, double gcr,
                             double rows, double beam_horizontal_w_m2,
                             double diffuse_horizontal_w_m2) {
  const double total = beam_horizontal_w_m2 + diffuse_horizontal_w_m2;
  if (surface_tilt_deg == 0.0 || !(total > 0.0) || rows < 1.0) return 1.0;
  const double tilt_deg = surface_tilt_deg;
  const double cos_tilt = std::cos(tilt_deg * kDegToRad);
  const double pitch = 1.0 / gcr;
  const double elevation_deg = 90.0 - sun_zenith_deg;
  double sunlit_strip = kMinSunlitStrip;
  if (elevation_deg > 0.0) {
    // Law of sines in the triangle row - shadow: the shadow of the top edge falls
    // sin(180 - a - b) / sin(a) from the row's lower edge.
    const double shadow = std::sin((180.0 - elevation_deg - tilt_deg) * kDegToRad) /
                          std::sin(elevation_deg * kDegToRad);
    sunlit_strip = std::max(kMinSunlitStrip, pitch - shadow);
  }
  // Rows behind the first see the ground strip in front of them instead of an open field.
  const double open_field = (1.0 - cos_tilt) * 0.5;
  const double inner_rows = rows - 1.0;
  const double beam_factor =
      (1.0 + inner_rows * row_to_ground_strip(sunlit_strip, cos_tilt) / open_field) / rows;
  const double diffuse_factor =
      (1.0 + inner_rows * row_to_ground_strip(pitch, cos_tilt) / open_field) / rows;
  return (beam_factor * beam_horizontal_w_m2 + diffuse_factor * diffuse_horizontal_w_m2) / total;
}

}  // namespace stargate
