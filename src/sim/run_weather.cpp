#include "stargate/sim/run_weather.hpp"

#include <fmt/format.h>

#include <cmath>

#include "stargate/core/errors.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/weather_reader.hpp"
#include "stargate/weather/synthetic_weather.hpp"

namespace stargate {
namespace {

constexpr double kSiteToleranceDeg = 0.5;

WeatherSite scenario_site(const Scenario& scenario) {
  return WeatherSite{scenario.site.name, scenario.site.latitude_deg, scenario.site.longitude_deg,
                     scenario.site.elevation_m, scenario.site.utc_offset_s / kSecondsPerHour};
}

}  // namespace

std::filesystem::path weather_file_path(const Scenario& scenario) {
  if (scenario.weather.file.empty()) {
    return {};
  }
  const std::filesystem::path file(scenario.weather.file);
  if (file.is_absolute()) {
    return file;
  }
  return std::filesystem::path(scenario.source_file).parent_path() / file;
}

WeatherSeries load_run_weather(const Scenario& scenario, std::vector<std::string>& warnings) {
  const WeatherSite site = scenario_site(scenario);
  if (scenario.weather.file.empty()) {
    const int year = civil_from_local(scenario.run.start).year;
    return generate_weather(site, abilene_climate(), year,
                            static_cast<std::uint64_t>(scenario.run.seed));
  }
  WeatherSeries weather = read_weather_file(weather_file_path(scenario));
  const double days = static_cast<double>(weather.size()) *
                      static_cast<double>(weather.interval_s) / kSecondsPerDay;
  if (days != kDaysPerYear && days != kDaysPerYear + 1) {
    throw InputError(Diagnostic{
        scenario.sources.find("site.weather.file", SourceLocation{scenario.source_file, 1, 1}),
        "site.weather.file",
        fmt::format("expected one whole year of weather (365 or 366 days), got {} rows of {} s "
                    "({:g} days) in {}",
                    weather.size(), weather.interval_s, days, weather.source)});
  }
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

}  // namespace stargate
