#include "stargate/dispatch/rule_dispatch.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <stdexcept>

#include "stargate/core/units.hpp"
#include "stargate/dispatch/asset_pool.hpp"

namespace stargate {
namespace {

constexpr std::size_t kMaxGasPlants = 30;

enum class SourceKind { kGrid, kGas, kBattery };

struct Candidate {
  SourceKind kind = SourceKind::kGrid;
  std::size_t index = 0;  ///< gas plant index
  double cost_usd_per_mwh = 0.0;
};

// Hours from this step on in which the grid (price + carbon) costs more than `cost_usd_per_mwh`.
double hours_dearer_ahead(const DispatchRules& rules, const DispatchInput& input,
                          double cost_usd_per_mwh, double step_h) {
  std::size_t steps = 0;
  const double carbon_usd_per_mwh =
      rules.carbon_price_usd_per_t * input.grid_carbon_kg_per_mwh / kKgPerTonne;
  while (steps < input.prices_ahead_usd_per_mwh.size() &&
         input.prices_ahead_usd_per_mwh[steps] + carbon_usd_per_mwh > cost_usd_per_mwh) {
    ++steps;
  }
  return static_cast<double>(steps) * step_h;
}

}  // namespace

DispatchFlows dispatch_step(const DispatchRules& rules, const DispatchInput& input,
                            const DispatchAssets& assets, double step_h) {
  assert(assets.gas_plants.size() == assets.gas_fuel_price_usd_per_mmbtu.size());
  if (assets.gas_plants.size() > kMaxGasPlants) {
    throw std::invalid_argument("at most 30 gas plants are supported");
  }
  DispatchFlows flows;
  const double renewable_kw = input.solar_kw + input.wind_kw;
  const double direct_kw = std::min(renewable_kw, input.load_kw);
  double surplus_kw = renewable_kw - direct_kw;
  double deficit_kw = input.load_kw - direct_kw;
  const double charge_below_usd_per_mwh =
      input.battery_charge_below_usd_per_mwh.value_or(rules.battery_charge_below_usd_per_mwh);
  const bool grid_charging =
      rules.battery_charge_from_grid && input.price_usd_per_mwh <= charge_below_usd_per_mwh;
  std::array<bool, kMaxGasPlants> gas_stepped{};
  bool batteries_stepped = false;

  if (deficit_kw <= 0.0) {
    // Surplus: batteries first (renewable energy, topped up from the grid when cheap).
    const double can_charge_kw = total_max_charge_kw(assets.batteries, step_h);
    const double renewable_charge_kw = std::min(surplus_kw, can_charge_kw);
    const double grid_charge_kw =
        grid_charging ? std::min(can_charge_kw - renewable_charge_kw, rules.import_limit_kw) : 0.0;
    if (renewable_charge_kw + grid_charge_kw > 0.0) {
      const double accepted_kw =
          charge_all(assets.batteries, renewable_charge_kw + grid_charge_kw, step_h);
      batteries_stepped = true;
      flows.battery_charge_kw = accepted_kw;
      const double from_renewables_kw = std::min(accepted_kw, renewable_charge_kw);
      flows.battery_charge_from_grid_kw = accepted_kw - from_renewables_kw;
      flows.grid_import_kw = flows.battery_charge_from_grid_kw;
      surplus_kw -= from_renewables_kw;
    }
    const bool export_paid =
        input.price_usd_per_mwh * rules.export_price_share > 0.0 && rules.export_limit_kw > 0.0;
    flows.grid_export_kw = export_paid ? std::min(surplus_kw, rules.export_limit_kw) : 0.0;
    flows.curtailed_kw = surplus_kw - flows.grid_export_kw;
  } else {
    // Deficit: merit order of marginal cost.
    std::array<Candidate, kMaxGasPlants + 2> order{};
    std::size_t candidates = 0;
    order[candidates++] =
        Candidate{SourceKind::kGrid, 0,
                  input.price_usd_per_mwh +
                      rules.carbon_price_usd_per_t * input.grid_carbon_kg_per_mwh / kKgPerTonne};
    for (std::size_t plant = 0; plant < assets.gas_plants.size(); ++plant) {
      const GasPlant& gas = *assets.gas_plants[plant];
      const double fuel_usd_per_mmbtu = assets.gas_fuel_price_usd_per_mmbtu[plant];
      const double warm_usd_per_mwh =
          gas.warm_full_load_cost_usd_per_mwh(fuel_usd_per_mmbtu, rules.carbon_price_usd_per_t);
      order[candidates++] = Candidate{
          SourceKind::kGas, plant,
          gas.full_cost_usd_per_mwh(deficit_kw, fuel_usd_per_mmbtu, rules.carbon_price_usd_per_t,
                                    hours_dearer_ahead(rules, input, warm_usd_per_mwh, step_h))};
    }
    if (!assets.batteries.empty()) {
      order[candidates++] = Candidate{
          SourceKind::kBattery, 0,
          input.battery_value_usd_per_mwh.value_or(rules.battery_charge_below_usd_per_mwh)};
    }
    // The reserve is released for price spikes, and when the other sources cannot carry the
    // deficit (load would go unserved).
    double other_sources_kw = rules.import_limit_kw;
    for (const GasPlant* gas : assets.gas_plants) {
      other_sources_kw += gas->max_output_kw(step_h);
    }
    const double reserve_fraction =
        input.price_usd_per_mwh >= rules.battery_discharge_above_usd_per_mwh ||
                deficit_kw > other_sources_kw
            ? 0.0
            : rules.battery_reserve_fraction;
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(candidates),
                     [](const Candidate& a, const Candidate& b) {
                       return a.cost_usd_per_mwh < b.cost_usd_per_mwh;
                     });
    for (std::size_t i = 0; i < candidates && deficit_kw > 0.0; ++i) {
      const Candidate& source = order[i];
      if (source.kind == SourceKind::kGrid) {
        const double take_kw = std::min(deficit_kw, rules.import_limit_kw);
        flows.grid_import_kw += take_kw;
        deficit_kw -= take_kw;
      } else if (source.kind == SourceKind::kGas) {
        // A deficit below one unit's minimum stable load goes to the grid when it has the
        // headroom; otherwise a unit starts at its minimum and the surplus displaces grid import
        // (the oversupply rule below) rather than leaving load unserved.
        GasPlant& plant = *assets.gas_plants[source.index];
        const double unit_min_kw =
            plant.params().unit_capacity_kw * plant.params().min_stable_fraction;
        const bool grid_can_take = rules.import_limit_kw - flows.grid_import_kw >= deficit_kw;
        const double request_kw =
            deficit_kw < unit_min_kw && !grid_can_take && plant.max_output_kw(step_h) >= unit_min_kw
                ? unit_min_kw
                : deficit_kw;
        const GasStep gas =
            plant.dispatch(request_kw, step_h, assets.gas_fuel_price_usd_per_mmbtu[source.index]);
        gas_stepped[source.index] = true;
        add_gas(flows, gas);
        deficit_kw -= std::min(deficit_kw, gas.output_kw);
      } else if (total_max_discharge_kw(assets.batteries, reserve_fraction, step_h) > 0.0) {
        flows.battery_discharge_kw =
            discharge_all(assets.batteries, deficit_kw, reserve_fraction, step_h);
        batteries_stepped = true;
        deficit_kw -= flows.battery_discharge_kw;
      }
    }
    // A source that fell short (a gas plant below minimum stable load) leaves grid headroom.
    const double headroom_kw = rules.import_limit_kw - flows.grid_import_kw;
    if (deficit_kw > 0.0 && headroom_kw > 0.0) {
      const double take_kw = std::min(deficit_kw, headroom_kw);
      flows.grid_import_kw += take_kw;
      deficit_kw -= take_kw;
    }
    if (!batteries_stepped && grid_charging) {
      const double charge_kw = std::min(total_max_charge_kw(assets.batteries, step_h),
                                        rules.import_limit_kw - flows.grid_import_kw);
      if (charge_kw > 0.0) {
        flows.battery_charge_kw = charge_all(assets.batteries, charge_kw, step_h);
        flows.battery_charge_from_grid_kw = flows.battery_charge_kw;
        flows.grid_import_kw += flows.battery_charge_kw;
        batteries_stepped = true;
      }
    }
    flows.unserved_kw = std::max(0.0, deficit_kw);
  }

  for (std::size_t plant = 0; plant < assets.gas_plants.size(); ++plant) {
    if (!gas_stepped[plant]) {
      add_gas(flows, assets.gas_plants[plant]->dispatch(
                         0.0, step_h, assets.gas_fuel_price_usd_per_mmbtu[plant]));
    }
  }
  if (!batteries_stepped) {
    for (Battery* battery : assets.batteries) {
      battery->idle(step_h);
    }
  }
  // Oversupply (a gas plant that could not ramp down, or overshot): less import first, then it
  // is over-generation (up to the gas output), any rest curtailed.
  const double supply_kw = renewable_kw + flows.battery_discharge_kw + flows.gas_kw +
                           flows.grid_import_kw + flows.unserved_kw;
  const double use_kw =
      input.load_kw + flows.battery_charge_kw + flows.grid_export_kw + flows.curtailed_kw;
  double excess_kw = supply_kw - use_kw;
  if (excess_kw > 0.0) {
    const double less_import_kw =
        std::min(excess_kw, flows.grid_import_kw - flows.battery_charge_from_grid_kw);
    flows.grid_import_kw -= less_import_kw;
    excess_kw -= less_import_kw;
    flows.overgeneration_kw = std::min(excess_kw, flows.gas_kw);
    flows.curtailed_kw += excess_kw - flows.overgeneration_kw;
  }
  return flows;
}

}  // namespace stargate
