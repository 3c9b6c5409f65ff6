// The parts of the input stage (stargate/inputs/run_inputs.hpp), one file each; load_run_inputs
// (run_inputs.cpp) calls them in order. Each appends its warnings to `warnings`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stargate/inputs/run_inputs.hpp"

namespace stargate::inputs {

/// InputError at `field` unless `rows` of `interval_s` cover 365 or 366 days; `what` names the
/// data ("weather", "wind data", "values").
void check_one_year(const Scenario& scenario, const std::string& field, std::size_t rows,
                    std::int64_t interval_s, const std::string& source, const char* what);

// weather_inputs.cpp
[[nodiscard]] WeatherSeries load_weather(const Scenario& scenario, InputFiles& files,
                                         std::vector<std::string>& warnings);

// wind_inputs.cpp
[[nodiscard]] WindResource load_wind_resource(const Scenario& scenario, InputFiles& files,
                                              std::vector<std::string>& warnings);
[[nodiscard]] std::vector<PowerCurve> load_farm_curves(const Scenario& scenario, InputFiles& files);

// fleet_inputs.cpp
/// Each building's GPU type; a warning for a building whose GPUs at full load draw less than
/// kUnderfilledBuildingFraction of its IT capacity.
[[nodiscard]] std::vector<GpuType> resolve_gpu_types(const Scenario& scenario,
                                                     std::vector<std::string>& warnings);
[[nodiscard]] FleetInputs load_fleet(const Scenario& scenario, InputFiles& files,
                                     std::vector<std::string>& warnings);
/// The fleet of `base` for the same campus simulated over another period: a synthetic workload
/// is generated for that period (its buildings online then); a trace is kept.
[[nodiscard]] FleetInputs fleet_for_period(const Scenario& moved, const FleetInputs& base);

// market_inputs.cpp
[[nodiscard]] std::optional<MarketSeries> load_prices(const Scenario& scenario, InputFiles& files,
                                                      std::vector<std::string>& warnings);
[[nodiscard]] std::optional<MarketSeries> load_carbon(const Scenario& scenario, InputFiles& files,
                                                      std::vector<std::string>& warnings);

}  // namespace stargate::inputs
