// Internal: the single-turbine physics of the wind farm model (see wind_physics.cpp).
#pragma once

#include "stargate/core/units.hpp"
#include "stargate/core/wind_resource.hpp"

namespace stargate::wind {

inline constexpr double kGasConstantDryAirJPerKgK = 287.058;

/// Where a field at the hub comes from: the nearest height having it (`near`) and, when the hub
/// lies strictly between two heights having it, the nearest one on the other side (`far`, else
/// -1) with the interpolation weight of `far`.
struct HeightSource {
  int near = -1;
  int far = -1;
  double weight_far = 0.0;
  [[nodiscard]] bool found() const { return near >= 0; }
  [[nodiscard]] bool interpolates() const { return far >= 0; }
};

/// Locates `field` for a hub at `hub_height_m` as ssc's winddata_provider does.
[[nodiscard]] HeightSource locate_height(const WindResource& resource, WindField field,
                                         double hub_height_m);

/// Index of the measured speed height nearest to `height_index`'s other than itself, on the
/// hub's side, for fitting a shear exponent; -1 when none.
[[nodiscard]] int shear_partner(const WindResource& resource, int height_index);

/// Dry-air density from the ideal gas law, kg/m3.
[[nodiscard]] double air_density_kg_m3(double pressure_atm, double temperature_c);

/// ICAO standard atmosphere at an altitude: pressure (atm) and temperature (degC).
[[nodiscard]] double standard_pressure_atm(double altitude_m);
[[nodiscard]] double standard_temperature_c(double altitude_m);

/// Power-law profile: speed at `to_height_m` from a speed at `from_height_m`.
[[nodiscard]] double power_law_speed_m_s(double speed_m_s, double from_height_m, double to_height_m,
                                         double exponent);

/// Shear exponent between two measured speeds; NaN when either speed is not positive.
[[nodiscard]] double shear_exponent(double speed_a_m_s, double height_a_m, double speed_b_m_s,
                                    double height_b_m);

/// Direction between two directions along the shorter arc, weight `w` of `b`, in [0, 360).
[[nodiscard]] double interpolate_direction_deg(double a_deg, double b_deg, double w);

/// The curve's output at a speed (already density-normalised), ssc's table lookup.
[[nodiscard]] double curve_power_kw(const PowerCurve& curve, double speed_m_s);

}  // namespace stargate::wind
