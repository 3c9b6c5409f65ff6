// The scenario's supply assets as the models' parameters (each model sees its Params, never the
// scenario), and a design's available output per MW on a run's grid: the same PV and wind chains
// the simulation runs, for the capacity-expansion LP's candidates.
#pragma once

#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/weather_series.hpp"
#include "stargate/core/wind_resource.hpp"
#include "stargate/energy/battery.hpp"
#include "stargate/energy/gas_plant.hpp"
#include "stargate/energy/pv_system.hpp"
#include "stargate/energy/wind_farm.hpp"

namespace stargate {

/// PVWatts parameters of a [[solar]] array (the weather's albedo where the array writes none).
[[nodiscard]] PvSystemParams pv_params(const SolarSection& array);

/// Wind farm parameters of a [[wind]] farm with its power curve; a wake layout is the smallest
/// square grid holding the turbines at spacing_rotor_diameters.
[[nodiscard]] WindFarmParams wind_farm_params(const WindSection& farm, const PowerCurve& curve,
                                              double shear_exponent);

/// Round-trip efficiency split equally: charge = discharge = sqrt(round trip).
[[nodiscard]] BatteryParams battery_params(const BatterySection& battery);

/// The aeroderivative part-load curve scaled to the section's full-load heat rate.
[[nodiscard]] GasPlantParams gas_params(const GasSection& gas);

/// Available AC power of `array` per MW of its DC capacity at every step of `grid` (its online
/// date ignored), MW/MW.
[[nodiscard]] std::vector<double> solar_output_per_mw(const SolarSection& array,
                                                      const WeatherSeries& weather,
                                                      const TimeGrid& grid);

/// Output of one turbine of `farm` (no wake) per MW of its rating at every step of `grid` (its
/// online date ignored), MW/MW.
[[nodiscard]] std::vector<double> wind_output_per_mw(const WindSection& farm,
                                                     const PowerCurve& curve,
                                                     const WindResource& resource,
                                                     double shear_exponent, const TimeGrid& grid);

}  // namespace stargate
