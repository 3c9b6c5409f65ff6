// The run's weather: the scenario's weather file, or synthetic weather from its climate.
#include <fmt/format.h>

#include <cmath>

#include "inputs/input_parts.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/weather_reader.hpp"
#include "stargate/weather/synthetic_weather.hpp"

namespace stargate::inputs {
namespace {

// A weather file this far from the site (latitude or longitude) is probably for another place.
constexpr double kSiteToleranceDeg = 0.5;

WeatherSite scenario_site(const Scenario& scenario) {
  return WeatherSite{scenario.site.name, scenario.site.latitude_deg, scenario.site.longitude_deg,
                     scenario.site.elevation_m, scenario.site.utc_offset_s / kSecondsPerHour};
}

}  // namespace

WeatherSeries load_weather(const Scenario& scenario, InputFiles& files,
                           std::vector<std::string>& warnings) {
  const WeatherSite site = scenario_site(scenario);
  if (scenario.weather.file.empty()) {
    return generate_weather(site, abilene_climate(), civil_from_local(scenario.run.start).year,
                            static_cast<std::uint64_t>(scenario.run.seed));
  }
  const std::filesystem::path path = scenario_file_path(scenario, scenario.weather.file);
  WeatherSeries weather = read_weather_text(files.read(path), path.string());
  check_one_year(scenario, "site.weather.file", weather.size(), weather.interval_s, weather.source,
                 "weather");
  warnings.insert(warnings.end(), weather.warnings.begin(), weather.warnings.end());
  if (std::abs(weather.site.latitude_deg - site.latitude_deg) > kSiteToleranceDeg ||
      std::abs(weather.site.longitude_deg - site.longitude_deg) > kSiteToleranceDeg) {
    warnings.push_back(fmt::format(
        "the weather file {} is for latitude {:.3f}, longitude {:.3f}, more than {} deg from the "
        "site ({:.3f}, {:.3f}); its sun positions use the file's site",
        weather.source, weather.site.latitude_deg, weather.site.longitude_deg, kSiteToleranceDeg,
        site.latitude_deg, site.longitude_deg));
  }
  if (std::abs(weather.site.utc_offset_h - site.utc_offset_h) > 1e-9) {
    warnings.push_back(fmt::format(
        "the weather file {} is in UTC{:+g}, the site in UTC{:+g}: rows are read by local clock "
        "time of the file",
        weather.source, weather.site.utc_offset_h, site.utc_offset_h));
  }
  return weather;
}

}  // namespace stargate::inputs
