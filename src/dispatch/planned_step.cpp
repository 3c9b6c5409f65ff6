#include "stargate/dispatch/planned_step.hpp"

#include <algorithm>
#include <cassert>

#include "stargate/dispatch/asset_pool.hpp"

namespace stargate {
namespace {

constexpr double kRoundingShare = 1e-12;

}  // namespace

DispatchFlows execute_planned_step(const DispatchRules& limits, const PlannedStep& plan,
                                   const DispatchInput& input, const DispatchAssets& assets,
                                   double step_h) {
  assert(assets.gas_plants.size() == assets.gas_fuel_price_usd_per_mmbtu.size());
  DispatchFlows flows;
  const double renewable_kw = input.solar_kw + input.wind_kw;
  const double planned_discharge_kw = std::max(0.0, plan.battery_net_kw);
  const double planned_charge_kw = std::max(0.0, -plan.battery_net_kw);

  // 1. Gas: the plan, raised to what the grid and the batteries cannot carry (a backstop, as
  // under the rules), capped at the step's need. A unit asked for less than its minimum stable
  // load when that backstop is needed starts at its minimum (the surplus displaces import).
  const double battery_reach_kw =
      std::min(planned_discharge_kw, total_max_discharge_kw(assets.batteries, 0.0, step_h));
  const double beyond_grid_kw =
      std::max(0.0, input.load_kw - renewable_kw - battery_reach_kw - limits.import_limit_kw);
  double gas_capacity_kw = 0.0;
  for (const GasPlant* plant : assets.gas_plants) {
    gas_capacity_kw += plant->capacity_kw();
  }
  const double gas_need_kw =
      std::max(0.0, input.load_kw + planned_charge_kw - renewable_kw - battery_reach_kw);
  const double gas_request_kw =
      std::min(std::max(std::max(0.0, plan.gas_kw), beyond_grid_kw), gas_need_kw);
  for (std::size_t i = 0; i < assets.gas_plants.size(); ++i) {
    GasPlant& plant = *assets.gas_plants[i];
    const double share = gas_capacity_kw > 0.0 ? plant.capacity_kw() / gas_capacity_kw : 0.0;
    const double unit_min_kw = plant.params().unit_capacity_kw * plant.params().min_stable_fraction;
    double request_kw = gas_request_kw * share;
    if (beyond_grid_kw > 0.0 && request_kw > 0.0 && request_kw < unit_min_kw &&
        plant.max_output_kw(step_h) >= unit_min_kw) {
      request_kw = unit_min_kw;
    }
    add_gas(flows, plant.dispatch(request_kw, step_h, assets.gas_fuel_price_usd_per_mmbtu[i]));
  }

  // 2. Batteries.
  const double before_kw = input.load_kw - renewable_kw - flows.gas_kw;  // < 0: surplus
  const double surplus_kw = std::max(0.0, -before_kw);
  bool batteries_stepped = false;
  if (!assets.batteries.empty() && planned_discharge_kw > 0.0) {
    flows.battery_discharge_kw = discharge_all(assets.batteries, planned_discharge_kw, 0.0, step_h);
    batteries_stepped = true;
  } else if (!assets.batteries.empty() && planned_charge_kw > 0.0) {
    const double headroom_kw =
        limits.battery_charge_from_grid
            ? std::max(0.0, limits.import_limit_kw - std::max(0.0, before_kw))
            : 0.0;
    const double request_kw = std::min(planned_charge_kw, surplus_kw + headroom_kw);
    if (request_kw > 0.0) {
      flows.battery_charge_kw = charge_all(assets.batteries, request_kw, step_h);
      batteries_stepped = true;
      const double renewable_surplus_kw = std::max(0.0, renewable_kw - input.load_kw);
      flows.battery_charge_from_grid_kw =
          flows.battery_charge_kw - std::min(flows.battery_charge_kw, renewable_surplus_kw);
    }
  }
  if (!batteries_stepped) {
    for (Battery* battery : assets.batteries) {
      battery->idle(step_h);
    }
  }

  // 3. Grid, export, curtailment, unserved.
  const double need_kw = input.load_kw + flows.battery_charge_kw - renewable_kw -
                         flows.battery_discharge_kw - flows.gas_kw;
  if (need_kw > 0.0) {
    // A charge sized to the import headroom may overshoot the limit by rounding only: that is
    // import, not unserved load.
    const bool within_limit = need_kw <= limits.import_limit_kw * (1.0 + kRoundingShare);
    flows.grid_import_kw = within_limit ? need_kw : limits.import_limit_kw;
    flows.unserved_kw = need_kw - flows.grid_import_kw;
  } else {
    const double spare_kw = -need_kw;
    const bool export_paid =
        input.price_usd_per_mwh * limits.export_price_share > 0.0 && limits.export_limit_kw > 0.0;
    flows.grid_export_kw = export_paid ? std::min(spare_kw, limits.export_limit_kw) : 0.0;
    // Renewables are curtailed up to what is available; the rest is gas nothing could take.
    flows.curtailed_kw = std::min(spare_kw - flows.grid_export_kw, renewable_kw);
    flows.overgeneration_kw = spare_kw - flows.grid_export_kw - flows.curtailed_kw;
  }
  return flows;
}

}  // namespace stargate
