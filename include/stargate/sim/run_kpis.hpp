// Key performance indicators of a run, computed from its columns after the step loop.
#pragma once

#include <optional>

#include "stargate/compute/schedule_metrics.hpp"
#include "stargate/core/results.hpp"

namespace stargate {

/// What the step loop knows that the columns do not.
struct RunTotals {
  double solar_dc_capacity_kw = 0.0;
  double solar_ac_capacity_kw = 0.0;
  double solar_ac_capacity_hours = 0.0;
  double wind_capacity_kw = 0.0;
  double wind_capacity_hours = 0.0;
  double battery_energy_kwh = 0.0;  ///< nameplate, all batteries
  double battery_power_kw = 0.0;
  double battery_equivalent_full_cycles = 0.0;  ///< throughput / (2 x capacity), all batteries
  double battery_capacity_left_fraction = 1.0;  ///< energy-weighted, at the end of the run
  double gas_capacity_kw = 0.0;
  double gas_fuel_mmbtu = 0.0;
  double gas_fuel_cost_usd = 0.0;  ///< fuel + VOM + starts
  double gas_co2_kg = 0.0;
  double gas_starts = 0.0;
  double four_cp_demand_kw = 0.0;           ///< mean over the run's years
  double four_cp_charge_usd = 0.0;          ///< all years
  double clean_used_kwh = 0.0;              ///< renewables used on site, direct or via batteries
  std::optional<ScheduleMetrics> schedule;  ///< the GPU fleet's scheduler, when it runs
  int dispatch_lp_solves = 0;               ///< windows of a planned dispatch (lp, mpc)
  double dispatch_lp_solve_seconds = 0.0;   ///< building, solving and reading them
  int dispatch_lp_rows = 0;                 ///< of the largest window's LP
  int dispatch_lp_columns = 0;
};

/// Adds the energy, supply, storage, gas, cost, emissions, clean-energy and compute KPIs.
void add_run_kpis(Results& results, const RunTotals& totals);

}  // namespace stargate
