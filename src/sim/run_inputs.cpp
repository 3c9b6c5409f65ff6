#include "stargate/sim/run_inputs.hpp"

#include "stargate/sim/compute_fleet.hpp"
#include "stargate/sim/market_profiles.hpp"
#include "stargate/sim/run_weather.hpp"
#include "stargate/sim/wind_fleet.hpp"

namespace stargate {

std::vector<std::string> check_run_inputs(const Scenario& scenario) {
  std::vector<std::string> warnings;
  (void)load_run_weather(scenario, warnings);
  if (!scenario.wind.empty()) {
    (void)load_run_wind(scenario, warnings);
    for (std::size_t index = 0; index < scenario.wind.size(); ++index) {
      (void)farm_power_curve(scenario, index);
    }
  }
  const TimeGrid grid = run_grid(scenario);
  if (scenario.compute.model == ComputeModel::kFleet) {
    (void)ComputeFleet(scenario, grid);  // GPU types, inference, workload trace or generator
  }
  std::vector<double> column(grid.size());
  fill_prices(scenario, grid, column, warnings);
  fill_carbon_intensity(scenario, grid, column, warnings);
  return warnings;
}

}  // namespace stargate
