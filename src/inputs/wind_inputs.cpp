// The wind resource and the farms' power curves.
#include <fmt/format.h>

#include <stdexcept>

#include "inputs/input_parts.hpp"
#include "stargate/core/text.hpp"
#include "stargate/energy/turbine_catalogue.hpp"
#include "stargate/io/power_curve_reader.hpp"
#include "stargate/io/wind_resource_reader.hpp"
#include "stargate/weather/synthetic_wind.hpp"

namespace stargate::inputs {
namespace {

PowerCurve farm_curve(const Scenario& scenario, InputFiles& files, std::size_t index) {
  const WindSection& farm = scenario.wind[index];
  if (!farm.power_curve.empty()) {
    const std::filesystem::path path = scenario_file_path(scenario, farm.power_curve);
    return read_power_curve_text(files.read(path), path.string(), farm.rotor_diameter_m);
  }
  try {
    return catalogue_turbine(farm.turbine);
  } catch (const std::invalid_argument&) {
    throw InputError(field_problem(scenario, fmt::format("wind[{}].turbine", index),
                                   fmt::format("unknown turbine \"{}\"{}", farm.turbine,
                                               suggestion_suffix(farm.turbine, turbine_names()))));
  }
}

}  // namespace

WindResource load_wind_resource(const Scenario& scenario, InputFiles& files,
                                std::vector<std::string>& warnings) {
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
  const std::filesystem::path path = scenario_file_path(scenario, section.file);
  WindResource resource = read_wind_resource_text(files.read(path), path.string());
  warnings.insert(warnings.end(), resource.warnings.begin(), resource.warnings.end());
  check_one_year(scenario, "site.wind.file", resource.size(), resource.interval_s, resource.source,
                 "wind data");
  return resource;
}

std::vector<PowerCurve> load_farm_curves(const Scenario& scenario, InputFiles& files) {
  std::vector<PowerCurve> curves;
  for (std::size_t index = 0; index < scenario.wind.size(); ++index) {
    curves.push_back(farm_curve(scenario, files, index));
    if (scenario.wind[index].wake && curves.back().rotor_diameter_m <= 0.0) {
      throw InputError(field_problem(scenario, fmt::format("wind[{}].rotor_diameter", index),
                                     "the wake model needs the rotor diameter of a power_curve "
                                     "turbine"));
    }
  }
  return curves;
}

}  // namespace stargate::inputs
