// A wind farm of identical turbines on a wind resource, modelled as NREL ssc's windpower module
// does (time-series mode), with a Park/Jensen wake model as an option.
//
// Per row: hub-height speed, temperature and pressure from the measured heights (linear between
// the two nearest heights that bracket the hub, power-law shear from the nearest height outside
// them) -> air density from pressure and temperature (ideal gas) -> power from the curve at the
// density-normalised speed v (rho / rho_ref)^(1/3) (IEC 61400-12-1) -> optional wake losses
// between turbines (Jensen 1983 top-hat wake, Katic et al. 1986 sum of squared deficits) ->
// availability and electrical losses. Equations, worked numbers and sources are in
// src/energy/wind_physics.cpp, src/energy/wind_wake.cpp and docs/wind.md.
#pragma once

#include <string>
#include <vector>

#include "stargate/core/wind_resource.hpp"

namespace stargate {

/// How speed is carried to a hub above or below every measured height.
enum class WindShearModel {
  kFixedExponent,  ///< v (h / h_near)^alpha with params.shear_exponent (ssc's method)
  kFromHeights,  ///< alpha fitted per row from the two nearest measured speeds, else the fixed one
};

/// Air-density correction of the power curve.
enum class DensityCorrection {
  kIec61400,  ///< look up the curve at v (rho / rho_ref)^(1/3) (IEC 61400-12-1; ssc does this)
  kNone,      ///< use the curve as given
};

/// A rectangular layout: `rows` x `columns` turbines, rows along north, columns along east.
struct WindFarmLayout {
  int rows = 1;
  int columns = 1;
  double row_spacing_rotor_d = 7.0;     ///< distance between rows (north-south), rotor diameters
  double column_spacing_rotor_d = 4.0;  ///< distance between columns (east-west)
};

struct WindFarmParams {
  PowerCurve curve;
  double hub_height_m = 80.0;
  int turbines = 1;
  /// Fraction of the time turbines are available (0..1); scales output.
  double availability = 1.0;
  /// Electrical and other losses as a fraction (0..1): output x (1 - losses_fraction).
  double losses_fraction = 0.0;
  WindShearModel shear_model = WindShearModel::kFixedExponent;
  /// Power-law exponent used outside the measured heights (1/7 ~ 0.14 for open terrain).
  double shear_exponent = 0.14;
  DensityCorrection density_correction = DensityCorrection::kIec61400;
  double reference_density_kg_m3 = 1.225;  ///< IEC 61400-12-1 standard density
  bool wake = false;  ///< Park/Jensen wake losses on `layout`; needs curve.rotor_diameter_m > 0
  /// Grid of the turbines when `wake`; rows x columns must hold `turbines` (the last row may be
  /// partly filled).
  WindFarmLayout layout;
  /// Jensen wake decay constant k: 0.075 onshore, 0.04-0.05 offshore (Barthelmie et al. 2006).
  double wake_decay = 0.075;
};

struct WindFarmOutput {
  std::vector<double> hub_speed_m_s;      ///< free-stream speed at hub height
  std::vector<double> hub_direction_deg;  ///< NaN when the resource has no direction
  std::vector<double> air_density_kg_m3;
  std::vector<double> power_kw;       ///< farm output after wake, availability and losses
  double gross_energy_kwh = 0.0;      ///< turbines x curve power, no wake, no losses
  double wake_loss_fraction = 0.0;    ///< energy lost to wakes / gross
  double annual_energy_kwh = 0.0;     ///< sum of power_kw x interval (the run's energy)
  double capacity_factor = 0.0;       ///< energy / (turbines x rated x hours)
  std::vector<std::string> warnings;  ///< assumptions the run had to make
};

/// Runs the farm over every row of `resource`. Throws std::invalid_argument for parameters out of
/// range or a resource without wind speed (the CLI checks flags first, with locations).
[[nodiscard]] WindFarmOutput simulate_wind_farm(const WindFarmParams& params,
                                                const WindResource& resource);

/// Power of one turbine at a hub-height speed and air density, kW (no wake, no losses).
[[nodiscard]] double turbine_power_kw(const PowerCurve& curve, double speed_m_s,
                                      double air_density_kg_m3,
                                      DensityCorrection correction = DensityCorrection::kIec61400,
                                      double reference_density_kg_m3 = 1.225);

}  // namespace stargate
