// The weather a run reads: the scenario's weather file, or synthetic weather from its climate.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/weather_series.hpp"

namespace stargate {

/// The path of the scenario's weather file: relative paths are taken from the scenario file's
/// folder. Empty when the scenario uses synthetic weather.
[[nodiscard]] std::filesystem::path weather_file_path(const Scenario& scenario);

/// Reads the weather file (InputError on bad input) or generates one year of synthetic weather
/// for the run's start year and seed. Appends to `warnings` the reader's repairs and a warning
/// when the file's site is more than half a degree from the scenario's or in another time zone.
[[nodiscard]] WeatherSeries load_run_weather(const Scenario& scenario,
                                             std::vector<std::string>& warnings);

}  // namespace stargate
