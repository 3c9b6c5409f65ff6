#include "stargate/inputs/run_inputs.hpp"

#include <fmt/format.h>

#include "inputs/input_parts.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace inputs {

void check_one_year(const Scenario& scenario, const std::string& field, std::size_t rows,
                    std::int64_t interval_s, const std::string& source, const char* what) {
  const double days = static_cast<double>(rows) * static_cast<double>(interval_s) / kSecondsPerDay;
  if (days != kDaysPerYear && days != kDaysPerYear + 1) {
    throw InputError(field_problem(
        scenario, field,
        fmt::format("expected one whole year of {} (365 or 366 days), got {} rows of {} s ({:g} "
                    "days) in {}",
                    what, rows, interval_s, days, source)));
  }
}

}  // namespace inputs

RunInputs load_run_inputs(const Scenario& scenario, InputFiles& files, const InputNeeds& needs) {
  RunInputs in;
  in.weather = inputs::load_weather(scenario, files, in.warnings);
  if (!scenario.wind.empty() || needs.wind_resource) {
    in.wind = inputs::load_wind_resource(scenario, files, in.warnings);
  }
  in.farm_curves = inputs::load_farm_curves(scenario, files);
  in.gpu_types = inputs::resolve_gpu_types(scenario, in.warnings);
  if (scenario.compute.model == ComputeModel::kFleet) {
    in.fleet = inputs::load_fleet(scenario, files, in.warnings);
  }
  in.prices = inputs::load_prices(scenario, files, in.warnings);
  in.carbon = inputs::load_carbon(scenario, files, in.warnings);
  return in;
}

RunInputs load_run_inputs(const Scenario& scenario, const InputNeeds& needs) {
  InputFiles files;
  return load_run_inputs(scenario, files, needs);
}

RunInputs inputs_for_period(const Scenario& moved, const RunInputs& base) {
  RunInputs in = base;
  if (moved.compute.model == ComputeModel::kFleet) {
    in.fleet = inputs::fleet_for_period(moved, base.fleet);
  }
  return in;
}

std::vector<std::int64_t> training_gpus(const Scenario& scenario, const FleetInputs& fleet) {
  std::vector<std::int64_t> gpus;
  gpus.reserve(scenario.buildings.size());
  for (const BuildingSection& building : scenario.buildings) {
    gpus.push_back(building.gpus);
  }
  for (std::size_t s = 0; s < fleet.services.size(); ++s) {
    gpus[fleet.service_building[s]] -= fleet.services[s].gpus;
  }
  return gpus;
}

}  // namespace stargate
