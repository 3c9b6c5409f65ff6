// Module cover transmittance and spectral modifier: equations, assumptions, worked numbers and
// sources are in src/energy/pv_optics.hpp.
//
// The Fresnel terms are evaluated from sines and cosines (sin(t2 -/+ t1) = s2 c1 -/+ c2 s1,
// cos(t2 -/+ t1) = c2 c1 +/- s2 s1), so one transmittance costs a square root and an exponential.
#include "pv_optics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "stargate/core/units.hpp"
#include "stargate/weather/irradiance.hpp"

namespace stargate::pv {
namespace {

constexpr double kAirIndex = 1.0;
constexpr double kGlassIndex = 1.526;
constexpr double kGlassExtinctionPerM = 4.0;
constexpr double kGlassThicknessM = 0.002;
constexpr double kCoatingIndex = 1.3;
constexpr double kCoatingExtinctionPerM = 4.0;
constexpr double kCoatingThicknessM = kGlassThicknessM * 0.01;

constexpr double kMinAngleDeg = 1.0;   // normal incidence is evaluated at 1 deg (0/0 at 0)
constexpr double kMaxAngleDeg = 89.0;  // grazing limit
constexpr double kMinTableTiltDeg = 4.0;
const double kCosMinAngle = std::cos(kMinAngleDeg * kDegToRad);
const double kCosMaxAngle = std::cos(kMaxAngleDeg * kDegToRad);

// De Soto et al. (2006) air-mass modifier coefficients a0..a4.
constexpr std::array<double, 5> kAirMassCoefficients = {0.918093, 0.086257, -0.024459, 0.002816,
                                                        -0.000126};
// Pressure ratio of the standard atmosphere per metre of elevation (King et al. 2004).
constexpr double kPressureScalePerM = 0.0001184;

}  // namespace

double slab_transmittance(double sin_incidence, double cos_incidence, double n_incoming,
                          double n_cover, double extinction_per_m, double thickness_m,
                          double& sin_refracted, double& cos_refracted) {
  const double s1 = sin_incidence;
  const double c1 = cos_incidence;
  const double s2 = n_incoming / n_cover * s1;  // Snell
  const double c2 = std::sqrt(std::max(0.0, 1.0 - s2 * s2));
  const double sin_minus = s2 * c1 - c2 * s1;
  const double sin_plus = s2 * c1 + c2 * s1;
  const double cos_minus = c2 * c1 + s2 * s1;
  const double cos_plus = c2 * c1 - s2 * s1;
  const double r_s = (sin_minus * sin_minus) / (sin_plus * sin_plus);
  const double r_p = r_s * (cos_plus * cos_plus) / (cos_minus * cos_minus);
  sin_refracted = s2;
  cos_refracted = c2;
  return (1.0 - 0.5 * (r_s + r_p)) * std::exp(-extinction_per_m * thickness_m / c2);
}

CoverOptics::CoverOptics(bool anti_reflective_coating)
    : coated_(anti_reflective_coating), tau_normal_(normal_transmittance()) {
  for (int k = 0; k < kTableSize; ++k) {
    const double tilt_deg = static_cast<double>(k - 1) * kTableStepDeg;
    sky_table_[static_cast<std::size_t>(k)] = sky_modifier(tilt_deg);
    ground_table_[static_cast<std::size_t>(k)] = ground_modifier(tilt_deg);
  }
}

double CoverOptics::normal_transmittance() const {
  // PVWatts v8's reference: the coating at 1 deg, then the glass at the refracted angle but lit
  // from air (n = 1). With a coating this reference is lower than the coated cover's own
  // transmittance near normal incidence, so K_beam is capped at 1 up to about 55 deg.
  const double angle = kMinAngleDeg * kDegToRad;
  double sin_in = std::sin(angle);
  double cos_in = std::cos(angle);
  double tau = 1.0;
  if (coated_) {
    double sin_out = 0.0;
    double cos_out = 0.0;
    tau *= slab_transmittance(sin_in, cos_in, kAirIndex, kCoatingIndex, kCoatingExtinctionPerM,
                              kCoatingThicknessM, sin_out, cos_out);
    sin_in = sin_out;
    cos_in = cos_out;
  }
  double sin_out = 0.0;
  double cos_out = 0.0;
  tau *= slab_transmittance(sin_in, cos_in, kAirIndex, kGlassIndex, kGlassExtinctionPerM,
                            kGlassThicknessM, sin_out, cos_out);
  return tau;
}

double CoverOptics::cover_transmittance(double sin_angle, double cos_angle) const {
  double sin_in = sin_angle;
  double cos_in = cos_angle;
  double tau = 1.0;
  double n_in = kAirIndex;
  if (coated_) {
    double sin_out = 0.0;
    double cos_out = 0.0;
    tau *= slab_transmittance(sin_in, cos_in, kAirIndex, kCoatingIndex, kCoatingExtinctionPerM,
                              kCoatingThicknessM, sin_out, cos_out);
    sin_in = sin_out;
    cos_in = cos_out;
    n_in = kCoatingIndex;
  }
  double sin_out = 0.0;
  double cos_out = 0.0;
  tau *= slab_transmittance(sin_in, cos_in, n_in, kGlassIndex, kGlassExtinctionPerM,
                            kGlassThicknessM, sin_out, cos_out);
  return tau;
}

double CoverOptics::glass_transmittance(double angle_deg) const {
  const double angle = std::clamp(angle_deg, kMinAngleDeg, kMaxAngleDeg) * kDegToRad;
  double sin_out = 0.0;
  double cos_out = 0.0;
  return slab_transmittance(std::sin(angle), std::cos(angle), kAirIndex, kGlassIndex,
                            kGlassExtinctionPerM, kGlassThicknessM, sin_out, cos_out);
}

double CoverOptics::beam_modifier(double aoi_deg) const {
  const double angle = std::clamp(aoi_deg, kMinAngleDeg, kMaxAngleDeg) * kDegToRad;
  return std::min(1.0, cover_transmittance(std::sin(angle), std::cos(angle)) / tau_normal_);
}

double CoverOptics::beam_modifier_from_cos(double cos_aoi) const {
  const double c = std::clamp(cos_aoi, kCosMaxAngle, kCosMinAngle);
  return std::min(1.0, cover_transmittance(std::sqrt(1.0 - c * c), c) / tau_normal_);
}

double CoverOptics::sky_modifier(double surface_tilt_deg) const {
  const double b = surface_tilt_deg;
  const double angle_deg = 59.7 - 0.1388 * b + 0.001497 * b * b;
  return std::min(1.0, glass_transmittance(angle_deg) / tau_normal_);
}

double CoverOptics::ground_modifier(double surface_tilt_deg) const {
  const double b = surface_tilt_deg;
  const double angle_deg = 90.0 - 0.5788 * b + 0.002693 * b * b;
  return std::min(1.0, glass_transmittance(angle_deg) / tau_normal_);
}

CoverOptics::DiffuseModifiers CoverOptics::diffuse_modifiers(double surface_tilt_deg) const {
  // Below 4 deg the ground angle reaches the 89 deg clamp (at 1.74 deg): evaluate directly there.
  if (!(surface_tilt_deg >= kMinTableTiltDeg && surface_tilt_deg <= 180.0)) {
    return {sky_modifier(surface_tilt_deg), ground_modifier(surface_tilt_deg)};
  }
  const double position = surface_tilt_deg / kTableStepDeg;
  const double whole = std::floor(position);
  const double t = position - whole;
  const auto k = static_cast<std::size_t>(whole) + 1;  // table index of the node below
  auto catmull_rom = [&](const std::array<double, kTableSize>& y) {
    const double p0 = y[k - 1];
    const double p1 = y[k];
    const double p2 = y[k + 1];
    const double p3 = y[k + 2];
    return p1 + 0.5 * t *
                    (p2 - p0 +
                     t * (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3 + t * (3.0 * (p1 - p2) + p3 - p0)));
  };
  return {catmull_rom(sky_table_), catmull_rom(ground_table_)};
}

double CoverOptics::transmitted_w_m2(double aoi_deg, double surface_tilt_deg, double beam_w_m2,
                                     double sky_w_m2, double ground_w_m2) const {
  const double transmitted = beam_w_m2 * beam_modifier(aoi_deg) +
                             sky_w_m2 * sky_modifier(surface_tilt_deg) +
                             ground_w_m2 * ground_modifier(surface_tilt_deg);
  return std::max(0.0, transmitted);
}

double pressure_ratio_at(double elevation_m) {
  return std::exp(-kPressureScalePerM * elevation_m);
}

double spectral_modifier(double zenith_deg, double elevation_m) {
  return spectral_modifier_at_pressure_ratio(zenith_deg, pressure_ratio_at(elevation_m));
}

double spectral_modifier_at_pressure_ratio(double zenith_deg, double pressure_ratio) {
  return spectral_modifier_at_pressure_ratio(zenith_deg, std::cos(zenith_deg * kDegToRad),
                                             pressure_ratio);
}

double spectral_modifier_at_pressure_ratio(double zenith_deg, double cos_zenith,
                                           double pressure_ratio) {
  const double air_mass = kasten_young_air_mass(zenith_deg, cos_zenith) * pressure_ratio;
  double modifier = 0.0;
  double power = 1.0;
  for (const double a : kAirMassCoefficients) {
    modifier += a * power;
    power *= air_mass;
  }
  return std::max(0.0, modifier);
}

}  // namespace stargate::pv
