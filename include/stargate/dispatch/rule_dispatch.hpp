// Rule-based dispatch: how the campus's supply serves its load at each step.
//
// Order of service (docs/dispatch.md):
//  1. Renewables (solar + wind available) serve the load first.
//  2. A renewable surplus charges the batteries, then is exported (when export is allowed and
//     paid: price x export share > 0) up to the export limit; the rest is curtailed.
//  3. A deficit is met in merit order of marginal cost, each source within its limits:
//       grid:    price + carbon price x grid intensity           (up to the import limit)
//       gas:     incremental heat rate x (fuel price + carbon price x 53.07 kg/MMBtu) + VOM
//                (per plant; units run at or above minimum stable load, within ramp limits; a
//                deficit below one unit's minimum starts a unit at its minimum, the surplus
//                displacing grid import)
//       battery: the battery_charge_below price (stored energy is worth what it cost to buy),
//                down to the reserve share of capacity; below it only when the price is at or
//                above battery_discharge_above (the reserve waits for price spikes)
//     What no source can serve is unserved (a result, not an error).
//  4. With no renewable surplus and no discharge this step, batteries charge from the grid when
//     the price is at or below battery_charge_below (within the import headroom).
// Each battery and gas plant steps exactly once per step, so a battery never charges and
// discharges in the same step. Identity at every step:
//   solar + wind - curtailed + discharge + gas + import + unserved = load + charge + export.
#pragma once

#include <span>

#include "stargate/energy/battery.hpp"
#include "stargate/energy/gas_plant.hpp"

namespace stargate {

struct DispatchRules {
  double import_limit_kw = 0.0;
  double export_limit_kw = 0.0;
  double export_price_share = 1.0;
  double carbon_price_usd_per_t = 0.0;
  double battery_charge_below_usd_per_mwh = 20.0;
  double battery_discharge_above_usd_per_mwh = 100.0;
  double battery_reserve_fraction = 0.2;
  bool battery_charge_from_grid = true;
};

/// What the step offers and asks.
struct DispatchInput {
  double load_kw = 0.0;
  double solar_kw = 0.0;
  double wind_kw = 0.0;
  double price_usd_per_mwh = 0.0;
  double grid_carbon_kg_per_mwh = 0.0;
};

/// The step's flows (kW, step averages) and costs.
struct DispatchFlows {
  double curtailed_kw = 0.0;
  double battery_charge_kw = 0.0;  ///< all batteries, from renewables and the grid
  double battery_charge_from_grid_kw = 0.0;
  double battery_discharge_kw = 0.0;
  double gas_kw = 0.0;
  double grid_import_kw = 0.0;
  double grid_export_kw = 0.0;
  double unserved_kw = 0.0;
  double gas_fuel_mmbtu = 0.0;
  double gas_co2_kg = 0.0;
  double gas_cost_usd = 0.0;  ///< fuel + VOM + starts
  int gas_starts = 0;
};

/// The assets one step may use; assets not yet online are left out by the caller.
struct DispatchAssets {
  std::span<Battery*> batteries;
  std::span<GasPlant*> gas_plants;
  std::span<const double> gas_fuel_price_usd_per_mmbtu;  ///< one per gas plant
};

/// One step of `step_h` hours. Steps every asset in `assets` exactly once.
[[nodiscard]] DispatchFlows dispatch_step(const DispatchRules& rules, const DispatchInput& input,
                                          const DispatchAssets& assets, double step_h);

}  // namespace stargate
