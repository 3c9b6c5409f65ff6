// Single-turbine physics of the wind farm model.
//
// 1. Hub-height values (as NREL ssc's windpower reads SRW files, shared/lib_windfile.cpp):
//    for each field, take the measured height nearest the hub; when the hub lies strictly between
//    it and a height on the other side, interpolate linearly in height:
//      x_hub = x1 + (x2 - x1) (h_hub - h1) / (h2 - h1).
//    Otherwise speed follows the power law v_hub = v_near (h_hub / h_near)^alpha with a fixed
//    exponent (ssc: the "shear" input, 0.14 by default, ~1/7 for open terrain: Peterson and
//    Hennessey 1978, J. Appl. Meteor. 17), or optionally alpha = ln(v2/v1) / ln(h2/h1) from the
//    two nearest measured heights. Temperature and pressure are taken at the nearest height.
//    Worked number: 80 m 12.29 m/s, 100 m 13.54 m/s, hub 90 m -> 12.915 m/s (the ssc reference
//    row 0 at 90 m); hub 120 m with alpha 0.14 -> 13.54 (1.2)^0.14 = 13.892 m/s.
// 2. Air density (ideal gas, dry air): rho = p / (R_d T), R_d = 287.058 J/(kg K), p in Pa.
//    Worked number: 0.88 atm, 4.7 C -> 89166 / (287.058 x 277.85) = 1.1180 kg/m3.
// 3. Density correction (IEC 61400-12-1:2017, section 9.1.5, for pitch-regulated turbines):
//    the curve, measured at rho_ref = 1.225 kg/m3, is read at v_n = v (rho / rho_ref)^(1/3).
//    ssc's windpower scales the curve speeds by (rho_ref / rho)^(1/3) instead, which is the same
//    lookup. Worked number: 12.29 m/s at 1.1180 kg/m3 -> v_n = 12.29 x 0.96999 = 11.921 m/s ->
//    between 11.75 (1430 kW) and 12.00 m/s (1440 kW) -> 1436.84 kW: ssc's reference row 0 at 80 m
//    gives 1436.8431 kW.
// 4. Curve lookup (ssc's convention): 0 at or below the first point and above the last point
//    (the last point is the cut-out), the last point's power exactly at it, linear in between.
#include "energy/wind_physics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stargate/core/units.hpp"

namespace stargate::wind {
namespace {

// ICAO standard atmosphere: T = T0 - L h, p = p0 (1 - L h / T0)^(g M / (R L)).
constexpr double kSeaLevelTemperatureC = 15.0;
constexpr double kLapseRateKPerM = 0.0065;
constexpr double kLapseOverT0PerM = 2.25577e-5;
constexpr double kBarometricExponent = 5.25588;

}  // namespace

HeightSource locate_height(const WindResource& resource, WindField field, double hub_height_m) {
  HeightSource source;
  double best = std::numeric_limits<double>::infinity();
  const auto count = static_cast<int>(resource.heights.size());
  for (int i = 0; i < count; ++i) {
    const auto& entry = resource.heights[static_cast<std::size_t>(i)];
    const double distance = std::abs(entry.height_m - hub_height_m);
    if (entry.has(field) && distance < best) {
      best = distance;
      source.near = i;
    }
  }
  if (!source.found() || best == 0.0) {
    return source;
  }
  const double near_h = resource.heights[static_cast<std::size_t>(source.near)].height_m;
  best = std::numeric_limits<double>::infinity();
  for (int i = 0; i < count; ++i) {
    const auto& entry = resource.heights[static_cast<std::size_t>(i)];
    const bool other_side = (entry.height_m - hub_height_m) * (near_h - hub_height_m) < 0.0;
    const double distance = std::abs(entry.height_m - hub_height_m);
    if (i != source.near && entry.has(field) && other_side && distance < best) {
      best = distance;
      source.far = i;
    }
  }
  if (source.interpolates()) {
    const double far_h = resource.heights[static_cast<std::size_t>(source.far)].height_m;
    source.weight_far = (hub_height_m - near_h) / (far_h - near_h);
  }
  return source;
}

int shear_partner(const WindResource& resource, int height_index) {
  const auto count = static_cast<int>(resource.heights.size());
  const double h0 = resource.heights[static_cast<std::size_t>(height_index)].height_m;
  int best_index = -1;
  double best = std::numeric_limits<double>::infinity();
  for (int i = 0; i < count; ++i) {
    const auto& entry = resource.heights[static_cast<std::size_t>(i)];
    const double distance = std::abs(entry.height_m - h0);
    if (i != height_index && entry.has(WindField::kSpeed) && distance < best) {
      best = distance;
      best_index = i;
    }
  }
  return best_index;
}

double air_density_kg_m3(double pressure_atm, double temperature_c) {
  return pressure_atm * kPascalPerAtm /
         (kGasConstantDryAirJPerKgK * (temperature_c + kZeroCelsiusK));
}

double standard_pressure_atm(double altitude_m) {
  return std::pow(1.0 - kLapseOverT0PerM * altitude_m, kBarometricExponent);
}

double standard_temperature_c(double altitude_m) {
  return kSeaLevelTemperatureC - kLapseRateKPerM * altitude_m;
}

double power_law_speed_m_s(double speed_m_s, double from_height_m, double to_height_m,
                           double exponent) {
  return speed_m_s * std::pow(to_height_m / from_height_m, exponent);
}

double shear_exponent(double speed_a_m_s, double height_a_m, double speed_b_m_s,
                      double height_b_m) {
  if (!(speed_a_m_s > 0.0) || !(speed_b_m_s > 0.0) || height_a_m == height_b_m) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return std::log(speed_b_m_s / speed_a_m_s) / std::log(height_b_m / height_a_m);
}

double interpolate_direction_deg(double a_deg, double b_deg, double w) {
  double delta = b_deg - a_deg;
  if (delta > kHalfCircleDeg) {
    delta -= kFullCircleDeg;
  } else if (delta < -kHalfCircleDeg) {
    delta += kFullCircleDeg;
  }
  double d = a_deg + w * delta;
  if (d < 0.0) {
    d += kFullCircleDeg;
  } else if (d >= kFullCircleDeg) {
    d -= kFullCircleDeg;
  }
  return d;
}

double curve_power_kw(const PowerCurve& curve, double speed_m_s) {
  const auto& ws = curve.wind_speed_m_s;
  const auto& kw = curve.power_kw;
  const std::size_t n = ws.size();
  if (speed_m_s > ws.front() && speed_m_s < ws.back()) {
    const auto j =
        static_cast<std::size_t>(std::upper_bound(ws.begin(), ws.end(), speed_m_s) - ws.begin());
    const double t = (speed_m_s - ws[j - 1]) / (ws[j] - ws[j - 1]);
    return kw[j - 1] + t * (kw[j] - kw[j - 1]);
  }
  if (speed_m_s == ws.back()) {
    return kw[n - 1];
  }
  return 0.0;
}

}  // namespace stargate::wind
