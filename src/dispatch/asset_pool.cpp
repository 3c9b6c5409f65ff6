#include "stargate/dispatch/asset_pool.hpp"

#include <algorithm>

namespace stargate {

double total_max_charge_kw(std::span<Battery*> batteries, double step_h) {
  double total = 0.0;
  for (const Battery* battery : batteries) {
    total += battery->max_charge_kw(step_h);
  }
  return total;
}

double discharge_cap_kw(const Battery& battery, double reserve_fraction, double step_h) {
  return reserve_fraction > 0.0 ? battery.max_discharge_above_kw(reserve_fraction, step_h)
                                : battery.max_discharge_kw(step_h);
}

double total_max_discharge_kw(std::span<Battery*> batteries, double reserve_fraction,
                              double step_h) {
  double total = 0.0;
  for (const Battery* battery : batteries) {
    total += discharge_cap_kw(*battery, reserve_fraction, step_h);
  }
  return total;
}

double charge_all(std::span<Battery*> batteries, double power_kw, double step_h) {
  const double capacity_kw = total_max_charge_kw(batteries, step_h);
  double accepted_kw = 0.0;
  for (Battery* battery : batteries) {
    const double share = capacity_kw > 0.0 ? battery->max_charge_kw(step_h) / capacity_kw : 0.0;
    accepted_kw += battery->charge(power_kw * share, step_h);
  }
  return accepted_kw;
}

double discharge_all(std::span<Battery*> batteries, double power_kw, double reserve_fraction,
                     double step_h) {
  const double capacity_kw = total_max_discharge_kw(batteries, reserve_fraction, step_h);
  const double take_kw = std::min(power_kw, capacity_kw);
  double delivered_kw = 0.0;
  for (Battery* battery : batteries) {
    const double share = capacity_kw > 0.0
                             ? discharge_cap_kw(*battery, reserve_fraction, step_h) / capacity_kw
                             : 0.0;
    delivered_kw += battery->discharge(take_kw * share, step_h);
  }
  return delivered_kw;
}

void add_gas(DispatchFlows& flows, const GasStep& gas) {
  flows.gas_kw += gas.output_kw;
  flows.gas_fuel_mmbtu += gas.fuel_mmbtu;
  flows.gas_co2_kg += gas.co2_kg;
  flows.gas_cost_usd += gas.fuel_cost_usd + gas.vom_usd + gas.start_cost_usd;
  flows.gas_starts += gas.starts;
}

}  // namespace stargate
