// Rule-based dispatch: how the campus's supply serves its load at each step.
//
// Order of service (docs/dispatch.md):
//  1. Renewables (solar + wind available) serve the load first.
//  2. A renewable surplus charges the batteries, then is exported (when export is allowed and
//     paid: price x export share > 0) up to the export limit; the rest is curtailed.
//  3. A deficit is met in merit order of marginal cost, each source within its limits:
//       grid:    price + carbon price x grid intensity           (up to the import limit)
//       gas:     its full cost of serving the deficit (GasPlant::full_cost_usd_per_mwh): fuel
//                at the average heat rate of the units it needs, carbon at their real emission
//                rate x the carbon price, VOM, and a cold unit's start cost spread over the
//                hours it would run: the run of steps ahead whose grid price (+ carbon) is above
//                the plant's warm full-load cost, at least its minimum up time and an hour;
//                units run at or above minimum stable load,
//                within ramp limits; a deficit below one unit's minimum starts a unit at its
//                minimum, the surplus displacing grid import
//       battery: the value of stored energy (the step's battery_value signal: the price it would
//                fetch later in the day, battery_prices.hpp; fixed mode: battery_charge_below),
//                down to the reserve share of capacity; below it only when the price is at or
//                above battery_discharge_above (the reserve waits for price spikes)
//     What no source can serve is unserved (a result, not an error).
//  4. With no renewable surplus and no discharge this step, batteries charge from the grid when
//     the price is at or below the step's charge_below signal (fixed mode: battery_charge_below;
//     within the import headroom).
// Each battery and gas plant steps exactly once per step, so a battery never charges and
// discharges in the same step. Identity at every step:
//   solar + wind - curtailed + discharge + gas + import + unserved
//     = load + charge + export + overgeneration.
#pragma once

#include <optional>
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
  /// The step's battery signals (battery_prices.hpp); none: the rules' battery_charge_below.
  std::optional<double> battery_charge_below_usd_per_mwh;
  std::optional<double> battery_value_usd_per_mwh;
  /// Grid prices from this step on (this step first; the day-ahead market's view, up to 24 h):
  /// a cold gas unit's start is spread over the hours ahead in which the grid costs more than
  /// the plant at full load. Empty: over the minimum up time alone.
  std::span<const double> prices_ahead_usd_per_mwh;
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
  /// Gas output that neither the load, the batteries, exports nor less import could take (units
  /// held at minimum stable load or ramping down): over-generation, not curtailed renewables.
  double overgeneration_kw = 0.0;
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
