#include "stargate/sim/supply_assets.hpp"

#include <cmath>

#include "stargate/core/units.hpp"

namespace stargate {

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

}  // namespace stargate
