// The plans of dispatch policies "lp" and "mpc" (docs/dispatch.md): the supply LP
// (stargate/dispatch/supply_lp.hpp) with the scenario's capacities fixed, solved over a window of
// the run's steps, read back as per-step battery and gas targets for execute_planned_step.
//
//   lp:  one window, the whole run, perfect foresight.
//   mpc: windows of mpc_window solved every mpc_interval from the batteries' actual energy
//        (and its clean share) at the window's start; only the first interval of each plan is
//        executed. Forecasts: perfect (the run's own series), or persistence (each series over
//        the window is the last day before the window repeated; windows in the first day of the
//        run see perfect forecasts).
//
// The window's LP: firm load = the facility load of the load pass (no flexible columns: the load
// is fixed before dispatch); the solar and wind fleets at their capacities with their available
// power per MW of capacity; one aggregate
// battery and gas plant (lp_supply_candidates.hpp) with their online shares; storage not cyclic,
// starting from the given energy with no terminal requirement; grid within the import and export
// limits; unserved load at dispatch.unserved_cost; the carbon price on gas and grid CO2; the 4CP
// charge as rate / 4 per MW imported in each summer peak interval of the run's synthetic system
// load (energy/four_cp.hpp: the same intervals the run is charged on, known ahead as large ERCOT
// consumers act on 4CP alerts; mpc uses them too, whatever its forecast).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/dispatch/planned_step.hpp"
#include "stargate/dispatch/supply_lp.hpp"
#include "stargate/lp/lp_solution.hpp"

namespace stargate {

/// The run's actual series on its grid, whole-run length each, and what they are of.
struct PlannerSeries {
  std::span<const double> facility_kw;
  std::span<const double> solar_kw;
  std::span<const double> wind_kw;
  std::span<const double> price_usd_per_mwh;
  std::span<const double> carbon_kg_per_mwh;
  /// The 4CP charge per kW imported at each step (four_cp_step_prices_usd_per_kw); empty: none.
  std::span<const double> four_cp_usd_per_kw;
  double solar_capacity_kw = 0.0;  ///< AC, all arrays (0: no solar)
  double wind_capacity_kw = 0.0;   ///< all farms (0: no wind)
};

class DispatchPlanner {
 public:
  /// `scenario.dispatch.policy` must be lp or mpc (asserted); `series` must outlive the planner.
  DispatchPlanner(const Scenario& scenario, const TimeGrid& grid, PlannerSeries series);

  /// Steps of one window and of the part of it applied (both the run's length for lp).
  [[nodiscard]] std::size_t window_steps() const { return window_steps_; }
  [[nodiscard]] std::size_t interval_steps() const { return interval_steps_; }

  /// Solves the window starting at step `first` with `stored_kwh` in the batteries online, of
  /// which `clean_kwh` came from renewables. When optimal, step() holds its plan for the window's
  /// steps. Returns the LP status (an outcome, never thrown).
  lp::Status plan(std::size_t first, double stored_kwh, double clean_kwh);

  /// The plan of step `step` (within the last optimal window).
  [[nodiscard]] PlannedStep step(std::size_t step) const {
    return PlannedStep{battery_net_kw_[step], gas_kw_[step]};
  }

  [[nodiscard]] int solves() const { return solves_; }
  /// Wall time of building, solving and reading every window's LP.
  [[nodiscard]] double solve_seconds() const { return solve_seconds_; }
  /// Rows, columns and non-zeros of the largest window's LP.
  [[nodiscard]] int rows() const { return rows_; }
  [[nodiscard]] int columns() const { return columns_; }

 private:
  void fill_problem(std::size_t first, std::size_t steps);

  const Scenario& scenario_;
  const TimeGrid& grid_;
  PlannerSeries series_;
  std::size_t window_steps_ = 0;
  std::size_t interval_steps_ = 0;
  std::size_t day_steps_ = 0;
  bool persistence_ = false;
  SupplyLpProblem problem_;
  std::vector<double> four_cp_usd_per_mw_;  ///< whole run; empty without a 4CP rate
  std::vector<double> battery_net_kw_;      ///< whole run; a window's plan overwrites its steps
  std::vector<double> gas_kw_;
  int solves_ = 0;
  double solve_seconds_ = 0.0;
  int rows_ = 0;
  int columns_ = 0;
};

}  // namespace stargate
