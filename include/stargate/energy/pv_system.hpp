// A photovoltaic array with its inverter, modelled as NREL PVWatts v8 does.
//
// Chain per weather row: sun position (NREL SPA, PVWatts' sunrise/sunset conventions) -> array
// orientation (fixed, single-axis with optional backtracking, two-axis) -> plane-of-array
// irradiance (Perez 1990 by default, Hay-Davies or isotropic; ground reflection with albedo) ->
// row-to-row self-shading (fixed open racks and single-axis trackers: beam and diffuse) -> cover
// (incidence-angle) and spectral (air-mass) modifiers -> cell temperature (NOCT model) -> DC power
// of a representative module of the type (CEC single-diode model) -> system losses -> inverter
// (Sandia model) with clipping at the AC rating. PVWatts v5's linear DC model, Fuentes thermal
// model and part-load inverter curve are available through PvSystemParams. Sources, equations
// and the accuracy against NREL's ssc are in the implementation files and docs/solar.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/solar_types.hpp"
#include "stargate/core/weather_series.hpp"

namespace stargate {

/// Module DC model: PVWatts v8's CEC single-diode model of a representative module of the type,
/// or PVWatts v5's linear model with the type's temperature coefficient.
enum class PvDcModel { kCecSingleDiode, kLinear };

/// Cell temperature: PVWatts v8's NOCT model, or PVWatts v5's transient Fuentes model.
enum class PvThermalModel { kNoct, kFuentes };

/// Inverter: PVWatts v8's Sandia model, or PVWatts v5's part-load curve.
enum class PvInverterModel { kSandia, kPvwattsV5 };

/// Parameters of one array. Defaults are PVWatts v8's where it has one.
struct PvSystemParams {
  double dc_capacity_kw = 0.0;  ///< DC nameplate at STC
  double dc_ac_ratio = 1.2;     ///< DC nameplate / inverter AC rating
  ArrayType array_type = ArrayType::kFixedOpenRack;
  double tilt_deg = 20.0;            ///< fixed tilt, or tracker axis tilt (0 for horizontal axis)
  double azimuth_deg = 180.0;        ///< array (or tracker axis) azimuth, eastward from north
  double gcr = 0.4;                  ///< ground coverage ratio (row width / row pitch)
  double rotation_limit_deg = 45.0;  ///< single-axis tracker rotation limit
  double losses_fraction = 0.1408;   ///< system losses (soiling, wiring, mismatch, ...) 0..1
  ModuleType module_type = ModuleType::kStandard;
  double inverter_efficiency = 0.96;  ///< nominal inverter efficiency 0..1
  SkyModel sky_model = SkyModel::kPerez;
  double albedo = 0.2;              ///< ground reflectance when the weather has none
  bool albedo_from_weather = true;  ///< use the weather's albedo where it has a valid value
  PvDcModel dc_model = PvDcModel::kCecSingleDiode;
  PvThermalModel thermal_model = PvThermalModel::kNoct;
  PvInverterModel inverter_model = PvInverterModel::kSandia;

  /// Inverter AC rating: DC nameplate / DC-AC ratio (the one place it is derived).
  [[nodiscard]] double ac_capacity_kw() const { return dc_capacity_kw / dc_ac_ratio; }
};

/// Energy through the chain over a run, kWh, in the stages of PVWatts' loss diagram. Each loss is
/// taken from what reaches its stage, so nominal DC minus the DC losses is the DC into the
/// inverter, and that minus the AC losses is the AC delivered.
struct PvLossBreakdown {
  double poa_nominal_kwh = 0.0;    ///< irradiation on the array area, before shading
  double poa_shading_kwh = 0.0;    ///< lost to row-to-row self-shading (beam and diffuse)
  double dc_nominal_kwh = 0.0;     ///< DC at STC efficiency from the shaded POA
  double dc_cover_kwh = 0.0;       ///< lost to reflection at the cover (incidence angle)
  double dc_spectral_kwh = 0.0;    ///< lost (or gained) to the spectrum (air mass)
  double dc_thermal_kwh = 0.0;     ///< lost in the module (temperature; with the single-diode
                                   ///< model also its low-light efficiency)
  double dc_other_kwh = 0.0;       ///< lost to system losses
  double ac_nominal_kwh = 0.0;     ///< DC into the inverter
  double ac_efficiency_kwh = 0.0;  ///< lost to inverter efficiency
  double ac_clipping_kwh = 0.0;    ///< lost to clipping at the AC rating
  double ac_delivered_kwh = 0.0;   ///< AC out
};

/// Per-row results, one entry per weather row.
struct PvOutput {
  std::vector<double> sun_zenith_deg;
  std::vector<double> aoi_deg;    ///< angle of incidence on the array
  std::vector<double> poa_w_m2;   ///< plane-of-array irradiance after shading
  std::vector<double> tpoa_w_m2;  ///< transmitted through the cover
  std::vector<double> tcell_c;    ///< cell temperature
  std::vector<double> dc_kw;
  std::vector<double> ac_kw;
  /// PVWatts' sun flag: 0 sun down (no output), 1 up, 2 the row contains sunrise, 3 sunset.
  std::vector<std::uint8_t> sun_up;
  PvLossBreakdown losses;
  double annual_ac_kwh = 0.0;       ///< sum of ac_kw x interval (the run's AC energy)
  double capacity_factor_ac = 0.0;  ///< AC energy / (AC rating x hours)
};

/// Runs the chain over every row of `weather`. Throws std::invalid_argument for parameters out of
/// range (the scenario schema and the CLI check them first, with locations).
[[nodiscard]] PvOutput simulate_pv(const PvSystemParams& params, const WeatherSeries& weather);

}  // namespace stargate
