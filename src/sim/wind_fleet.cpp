#include "stargate/sim/wind_fleet.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/units.hpp"
#include "stargate/energy/turbine_catalogue.hpp"
#include "stargate/energy/wind_farm.hpp"
#include "stargate/io/power_curve_reader.hpp"
#include "stargate/io/wind_resource_reader.hpp"
#include "stargate/sim/weather_to_grid.hpp"
#include "stargate/weather/synthetic_wind.hpp"

namespace stargate {
namespace {

std::filesystem::path relative_to_scenario(const Scenario& scenario, const std::string& file) {
  const std::filesystem::path path(file);
  return path.is_absolute() ? path
                            : std::filesystem::path(scenario.source_file).parent_path() / path;
}

[[noreturn]] void fail_at(const Scenario& scenario, const std::string& field, std::string message) {
  throw InputError(
      Diagnostic{scenario.sources.find(field, SourceLocation{scenario.source_file, 1, 1}), field,
                 std::move(message)});
}

PowerCurve farm_curve_impl(const Scenario& scenario, std::size_t index) {
  const WindSection& farm = scenario.wind[index];
  const std::string entry = fmt::format("wind[{}]", index);
  if (!farm.power_curve.empty()) {
    return read_power_curve_file(relative_to_scenario(scenario, farm.power_curve),
                                 farm.rotor_diameter_m);
  }
  try {
    return catalogue_turbine(farm.turbine);
  } catch (const std::invalid_argument&) {
    const std::vector<std::string_view> names = turbine_names();
    fail_at(scenario, entry + ".turbine",
            fmt::format("unknown turbine \"{}\"{}", farm.turbine,
                        suggestion_suffix(farm.turbine, names)));
  }
}

// Timing of the resource rows, for WeatherToGrid.
WeatherSeries timing_frame(const WindResource& resource) {
  WeatherSeries frame;
  frame.source = resource.source;
  frame.interval_s = resource.interval_s;
  frame.timing = resource.timing;
  frame.time = resource.time;
  return frame;
}

}  // namespace

PowerCurve farm_power_curve(const Scenario& scenario, std::size_t index) {
  return farm_curve_impl(scenario, index);
}

WindResource load_run_wind(const Scenario& scenario, std::vector<std::string>& warnings) {
  const WindResourceSection& section = scenario.wind_resource;
  if (section.file.empty()) {
    SyntheticWindParams params;
    params.mean_speed_m_s = section.mean_speed_m_s;
    params.height_m = section.height_m;
    params.elevation_m = scenario.site.elevation_m;
    params.latitude_deg = scenario.site.latitude_deg;
    params.longitude_deg = scenario.site.longitude_deg;
    return generate_wind(params, civil_from_local(scenario.run.start).year,
                         static_cast<std::uint64_t>(scenario.run.seed));
  }
  WindResource resource = read_wind_resource_file(relative_to_scenario(scenario, section.file));
  warnings.insert(warnings.end(), resource.warnings.begin(), resource.warnings.end());
  const double days = static_cast<double>(resource.size()) *
                      static_cast<double>(resource.interval_s) / kSecondsPerDay;
  if (days != kDaysPerYear && days != kDaysPerYear + 1) {
    fail_at(scenario, "site.wind.file",
            fmt::format("expected one whole year of wind data (365 or 366 days), got {} rows of "
                        "{} s in {}",
                        resource.size(), resource.interval_s, resource.source));
  }
  return resource;
}

WindFleet add_wind_fleet(const Scenario& scenario, const WindResource& resource,
                         const TimeGrid& grid, std::span<double> wind_kw) {
  WindFleet fleet;
  const WeatherToGrid to_grid(timing_frame(resource), grid);
  std::vector<double> farm_kw(grid.size());
  for (std::size_t index = 0; index < scenario.wind.size(); ++index) {
    const WindSection& farm = scenario.wind[index];
    WindFarmParams params;
    params.curve = farm_power_curve(scenario, index);
    params.hub_height_m = farm.hub_height_m;
    params.turbines = static_cast<int>(farm.turbines);
    params.availability = farm.availability;
    params.losses_fraction = farm.losses_fraction;
    params.shear_exponent = scenario.wind_resource.shear_exponent;
    params.wake = farm.wake;
    if (farm.wake) {
      const int rows = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(farm.turbines))));
      params.layout = WindFarmLayout{rows, (params.turbines + rows - 1) / rows,
                                     farm.spacing_rotor_diameters, farm.spacing_rotor_diameters};
      if (params.curve.rotor_diameter_m <= 0.0) {
        fail_at(scenario, fmt::format("wind[{}].rotor_diameter", index),
                "the wake model needs the rotor diameter of a power_curve turbine");
      }
    }
    const WindFarmOutput output = simulate_wind_farm(params, resource);
    to_grid.apply(output.power_kw, farm_kw);
    const std::size_t first = grid.first_step_at_or_after(farm.online);
    for (std::size_t step = first; step < grid.size(); ++step) {
      wind_kw[step] += farm_kw[step];
    }
    const double capacity_kw = static_cast<double>(params.turbines) * params.curve.rated_kw;
    fleet.capacity_kw += capacity_kw;
    fleet.capacity_hours += capacity_kw * static_cast<double>(grid.size() - first) * grid.step_h();
    fleet.wake_loss_kwh += output.wake_loss_fraction * output.gross_energy_kwh;
  }
  return fleet;
}

}  // namespace stargate
