#include "sim/solar_fleet.hpp"

#include "stargate/sim/asset_models.hpp"

namespace stargate {
namespace {

void add_losses(PvLossBreakdown& total, const PvLossBreakdown& part) {
  total.poa_nominal_kwh += part.poa_nominal_kwh;
  total.poa_shading_kwh += part.poa_shading_kwh;
  total.dc_nominal_kwh += part.dc_nominal_kwh;
  total.dc_cover_kwh += part.dc_cover_kwh;
  total.dc_spectral_kwh += part.dc_spectral_kwh;
  total.dc_thermal_kwh += part.dc_thermal_kwh;
  total.dc_other_kwh += part.dc_other_kwh;
  total.ac_nominal_kwh += part.ac_nominal_kwh;
  total.ac_efficiency_kwh += part.ac_efficiency_kwh;
  total.ac_clipping_kwh += part.ac_clipping_kwh;
  total.ac_delivered_kwh += part.ac_delivered_kwh;
}

}  // namespace

SolarFleet add_solar_fleet(const std::vector<SolarSection>& arrays, const WeatherSeries& weather,
                           const WeatherToGrid& to_grid, const TimeGrid& grid,
                           std::span<double> solar_kw) {
  SolarFleet fleet;
  std::vector<double> array_kw(grid.size());
  for (const SolarSection& array : arrays) {
    const PvSystemParams params = pv_params(array);
    const PvOutput output = simulate_pv(params, weather);
    to_grid.apply(output.ac_kw, array_kw);
    const std::size_t first = grid.first_step_at_or_after(array.online);
    for (std::size_t step = first; step < grid.size(); ++step) {
      solar_kw[step] += array_kw[step];
    }
    fleet.dc_capacity_kw += params.dc_capacity_kw;
    fleet.ac_capacity_kw += params.ac_capacity_kw();
    fleet.ac_capacity_hours +=
        params.ac_capacity_kw() * static_cast<double>(grid.size() - first) * grid.step_h();
    add_losses(fleet.losses, output.losses);
  }
  return fleet;
}

}  // namespace stargate
