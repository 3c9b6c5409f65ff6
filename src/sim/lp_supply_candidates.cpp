#include "stargate/sim/lp_supply_candidates.hpp"

#include <algorithm>
#include <cmath>

#include "stargate/core/units.hpp"
#include "stargate/energy/gas_plant.hpp"

namespace stargate {
namespace {

// Adds `weight` to available[t] for the steps at or after `online`.
void add_online(std::vector<double>& available, const TimeGrid& grid, LocalTime online,
                std::size_t first, double weight) {
  const std::size_t online_step = grid.first_step_at_or_after(online);
  for (std::size_t t = 0; t < available.size(); ++t) {
    if (first + t >= online_step) {
      available[t] += weight;
    }
  }
}

}  // namespace

std::optional<BatteryCandidate> lp_battery(std::span<const BatterySection> batteries,
                                           bool charge_from_grid, const TimeGrid& grid,
                                           std::size_t first, std::size_t steps) {
  double power_kw = 0.0;
  double energy_kwh = 0.0;
  for (const BatterySection& b : batteries) {
    power_kw += b.power_kw;
    energy_kwh += b.energy_kwh;
  }
  if (batteries.empty() || energy_kwh <= 0.0) {
    return std::nullopt;
  }
  BatteryCandidate battery;
  battery.power_mw.fixed = power_kw / kKwPerMw;
  battery.energy_mwh.fixed = energy_kwh / kKwhPerMwh;
  battery.charge_efficiency = 0.0;
  battery.discharge_efficiency = 0.0;
  battery.soc_min_fraction = 0.0;
  battery.soc_max_fraction = 0.0;
  battery.self_discharge_per_day = 0.0;
  battery.initial_soc_fraction = 0.0;
  battery.available.assign(steps, 0.0);
  battery.charge_from_grid = charge_from_grid;
  for (const BatterySection& b : batteries) {
    const double w = b.energy_kwh / energy_kwh;
    const double one_way = std::sqrt(b.round_trip_efficiency);
    battery.charge_efficiency += w * one_way;
    battery.discharge_efficiency += w * one_way;
    battery.soc_min_fraction += w * b.soc_min_fraction;
    battery.soc_max_fraction += w * b.soc_max_fraction;
    battery.self_discharge_per_day += w * b.self_discharge_per_day;
    battery.initial_soc_fraction += w * b.initial_soc_fraction;
    add_online(battery.available, grid, b.online, first, w);
  }
  return battery;
}

std::optional<GasCandidate> lp_gas(std::span<const GasSection> plants, const TimeGrid& grid,
                                   std::size_t first, std::size_t steps) {
  double capacity_kw = 0.0;
  for (const GasSection& g : plants) {
    capacity_kw += static_cast<double>(g.units) * g.unit_capacity_kw;
  }
  if (plants.empty() || capacity_kw <= 0.0) {
    return std::nullopt;
  }
  GasCandidate gas;
  gas.capacity_mw.fixed = capacity_kw / kKwPerMw;
  gas.available.assign(steps, 0.0);
  for (const GasSection& g : plants) {
    const double w = static_cast<double>(g.units) * g.unit_capacity_kw / capacity_kw;
    // Btu/kWh x 1,000 kWh/MWh / 1e6 Btu/MMBtu = MMBtu/MWh.
    const double fuel_mmbtu_per_mwh = g.heat_rate_btu_per_kwh / kKwhPerMwh;
    gas.cost_usd_per_mwh +=
        w * (fuel_mmbtu_per_mwh * g.fuel_price_usd_per_mmbtu + g.vom_usd_per_mwh);
    gas.co2_t_per_mwh += w * fuel_mmbtu_per_mwh * kNaturalGasCo2KgPerMmbtu / kKgPerTonne;
    const double ramp = g.ramp_kw_per_min * kMinutesPerHour * grid.step_h() / g.unit_capacity_kw;
    gas.ramp_fraction_per_step = std::min(gas.ramp_fraction_per_step, ramp);
    add_online(gas.available, grid, g.online, first, w);
  }
  return gas;
}

}  // namespace stargate
