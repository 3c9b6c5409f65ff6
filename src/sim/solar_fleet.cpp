#include "stargate/sim/solar_fleet.hpp"

#include <fmt/format.h>

#include <vector>

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

PvSystemParams pv_params(const SolarSection& array, bool albedo_from_weather) {
  PvSystemParams params;
  params.dc_capacity_kw = array.dc_capacity_kw;
  params.dc_ac_ratio = array.dc_ac_ratio;
  params.array_type = array.array;
  params.tilt_deg = array.tilt_deg;
  params.azimuth_deg = array.azimuth_deg;
  params.gcr = array.gcr;
  params.rotation_limit_deg = array.rotation_limit_deg;
  params.losses_fraction = array.losses_fraction;
  params.module_type = array.module;
  params.inverter_efficiency = array.inverter_efficiency;
  params.sky_model = array.sky_model;
  params.albedo = array.albedo;
  params.albedo_from_weather = albedo_from_weather;
  return params;
}

SolarFleet add_solar_fleet(const Scenario& scenario, const WeatherSeries& weather,
                           const WeatherToGrid& to_grid, const TimeGrid& grid,
                           std::span<double> solar_kw) {
  SolarFleet fleet;
  std::vector<double> array_kw(grid.size());
  for (std::size_t index = 0; index < scenario.solar.size(); ++index) {
    const PvSystemParams params = pv_params(
        scenario.solar[index], !scenario.sources.contains(fmt::format("solar[{}].albedo", index)));
    const PvOutput output = simulate_pv(params, weather);
    to_grid.apply(output.ac_kw, array_kw);
    const std::size_t first = grid.first_step_at_or_after(scenario.solar[index].online);
    for (std::size_t step = first; step < grid.size(); ++step) {
      solar_kw[step] += array_kw[step];
    }
    const double ac_kw = params.dc_capacity_kw / params.dc_ac_ratio;
    fleet.dc_capacity_kw += params.dc_capacity_kw;
    fleet.ac_capacity_kw += ac_kw;
    fleet.ac_capacity_hours += ac_kw * static_cast<double>(grid.size() - first) * grid.step_h();
    add_losses(fleet.losses, output.losses);
  }
  return fleet;
}

}  // namespace stargate
