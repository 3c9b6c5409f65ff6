#include "stargate/sim/asset_models.hpp"

#include <cmath>

#include "sim/weather_to_grid.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// The per-MW profiles run a 1 MW plant: output in kW / 1000 = MW per MW.
constexpr double kProfileCapacityKw = kKwPerMw;

}  // namespace

PvSystemParams pv_params(const SolarSection& array) {
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
  params.albedo_from_weather = array.albedo_from_weather;
  return params;
}

WindFarmParams wind_farm_params(const WindSection& farm, const PowerCurve& curve,
                                double shear_exponent) {
  WindFarmParams params;
  params.curve = curve;
  params.hub_height_m = farm.hub_height_m;
  params.turbines = static_cast<int>(farm.turbines);
  params.availability = farm.availability;
  params.losses_fraction = farm.losses_fraction;
  params.shear_exponent = shear_exponent;
  params.wake = farm.wake;
  if (farm.wake) {
    const int rows = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(farm.turbines))));
    params.layout = WindFarmLayout{rows, (params.turbines + rows - 1) / rows,
                                   farm.spacing_rotor_diameters, farm.spacing_rotor_diameters};
  }
  return params;
}

BatteryParams battery_params(const BatterySection& battery) {
  BatteryParams params;
  params.power_kw = battery.power_kw;
  params.energy_kwh = battery.energy_kwh;
  params.charge_efficiency = std::sqrt(battery.round_trip_efficiency);
  params.discharge_efficiency = params.charge_efficiency;
  params.soc_min_fraction = battery.soc_min_fraction;
  params.soc_max_fraction = battery.soc_max_fraction;
  params.initial_soc_fraction = battery.initial_soc_fraction;
  params.self_discharge_per_day = battery.self_discharge_per_day;
  params.calendar_fade_per_year = battery.calendar_fade_per_year;
  params.cycle_life = battery.cycle_life;
  return params;
}

GasPlantParams gas_params(const GasSection& gas) {
  GasPlantParams params;
  params.units = static_cast<int>(gas.units);
  params.unit_capacity_kw = gas.unit_capacity_kw;
  params.min_stable_fraction = gas.min_stable_fraction;
  params.ramp_kw_per_min = gas.ramp_kw_per_min;
  params.heat_rate_curve = aeroderivative_heat_rate_curve(gas.heat_rate_btu_per_kwh);
  params.start_cost_usd = gas.start_cost_usd;
  params.fuel_price_usd_per_mmbtu = gas.fuel_price_usd_per_mmbtu;
  params.vom_usd_per_mwh = gas.vom_usd_per_mwh;
  params.min_up_time_h = gas.min_up_time_s / kSecondsPerHour;
  return params;
}

std::vector<double> solar_output_per_mw(const SolarSection& array, const WeatherSeries& weather,
                                        const TimeGrid& grid) {
  PvSystemParams params = pv_params(array);
  params.dc_capacity_kw = kProfileCapacityKw;
  std::vector<double> output(grid.size());
  WeatherToGrid(weather, grid).apply(simulate_pv(params, weather).ac_kw, output);
  for (double& value : output) {
    value /= kProfileCapacityKw;
  }
  return output;
}

std::vector<double> wind_output_per_mw(const WindSection& farm, const PowerCurve& curve,
                                       const WindResource& resource, double shear_exponent,
                                       const TimeGrid& grid) {
  WindSection one = farm;
  one.turbines = 1;
  one.wake = false;  // one turbine: the wake loss of a farm is left out
  std::vector<double> output(grid.size());
  WeatherToGrid(year_rows(resource), grid)
      .apply(simulate_wind_farm(wind_farm_params(one, curve, shear_exponent), resource).power_kw,
             output);
  for (double& value : output) {
    value /= curve.rated_kw;
  }
  return output;
}

}  // namespace stargate
