// Execution of one step of a planned dispatch (policy "lp" or "mpc"; docs/dispatch.md): the plan
// says how much the batteries deliver or take and how much gas runs; the physical models decide
// what happens, and the grid, export and curtailment close the balance.
//
// Per step, in this order:
//  1. Gas: the planned output, raised to what the grid (import limit) and the batteries' reach
//     cannot carry, capped at what the step really needs (load + planned charge - renewables -
//     battery reach, at least 0), shared among the plants online in proportion to their
//     capacity. Each plant steps through GasPlant::dispatch, so minimum stable load, ramps,
//     starts and minimum up time hold as under the rules: a share below one unit's minimum
//     stable load gives no output (the grid takes it), unless the grid cannot, when the unit
//     starts at its minimum and the surplus displaces import (as under the rules).
//  2. Batteries: the planned net power (discharge - charge; a plan that charges and discharges
//     in the same step is netted). Discharge through discharge_all (no reserve: the plan decided);
//     charge through charge_all, limited to the renewable and gas surplus plus the import
//     headroom, and to the surplus alone when battery_charge_from_grid is false. The physical
//     limits (power, state of charge, efficiencies) clip the request.
//  3. Residual: need = load + charge - renewables - discharge - gas. A positive need is imported
//     up to the import limit, the rest unserved; a surplus is exported when export is allowed and
//     paid (as under the rules), the rest curtailed.
// Each battery and gas plant steps exactly once. Identity at every step:
//   solar + wind - curtailed + discharge + gas + import + unserved = load + charge + export.
// The charge counted from the grid (for the clean-energy pool) is the part not covered by the
// renewable surplus (renewables serve the load first).
#pragma once

#include "stargate/dispatch/rule_dispatch.hpp"

namespace stargate {

/// What the plan asks of one step (kW, step averages).
struct PlannedStep {
  double battery_net_kw = 0.0;  ///< > 0 discharge, < 0 charge (all batteries)
  double gas_kw = 0.0;          ///< all gas plants
};

/// One step of `step_h` hours; `limits` gives the grid's import and export limits, the export
/// price share and battery_charge_from_grid (its price thresholds are not used). Steps every
/// asset in `assets` exactly once.
[[nodiscard]] DispatchFlows execute_planned_step(const DispatchRules& limits,
                                                 const PlannedStep& plan,
                                                 const DispatchInput& input,
                                                 const DispatchAssets& assets, double step_h);

}  // namespace stargate
