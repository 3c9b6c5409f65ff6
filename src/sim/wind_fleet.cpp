#include "sim/wind_fleet.hpp"

#include "sim/weather_to_grid.hpp"
#include "stargate/energy/wind_farm.hpp"
#include "stargate/sim/asset_models.hpp"

namespace stargate {

double farm_capacity_kw(const WindSection& farm, const PowerCurve& curve) {
  return static_cast<double>(farm.turbines) * curve.rated_kw;
}

WindFleet add_wind_fleet(const Scenario& scenario, const std::vector<PowerCurve>& curves,
                         const WindResource& resource, const TimeGrid& grid,
                         std::span<double> wind_kw) {
  WindFleet fleet;
  const WeatherToGrid to_grid(year_rows(resource), grid);
  std::vector<double> farm_kw(grid.size());
  for (std::size_t index = 0; index < scenario.wind.size(); ++index) {
    const WindSection& farm = scenario.wind[index];
    const WindFarmOutput output = simulate_wind_farm(
        wind_farm_params(farm, curves[index], scenario.wind_resource.shear_exponent), resource);
    to_grid.apply(output.power_kw, farm_kw);
    const std::size_t first = grid.first_step_at_or_after(farm.online);
    for (std::size_t step = first; step < grid.size(); ++step) {
      wind_kw[step] += farm_kw[step];
    }
    const double capacity_kw = farm_capacity_kw(farm, curves[index]);
    fleet.capacity_kw += capacity_kw;
    fleet.capacity_hours += capacity_kw * static_cast<double>(grid.size() - first) * grid.step_h();
    fleet.wake_loss_kwh += output.wake_loss_fraction * output.gross_energy_kwh;
  }
  return fleet;
}

}  // namespace stargate
