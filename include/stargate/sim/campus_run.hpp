// A finished campus run as typed data: its grid, its series (run_series.hpp) and what the step
// loop knows that the series do not (RunTotals); and the quantities derived from it that other
// modules read (energy and money totals, GPUs delivering work, GPU-hours), each defined once here.
// The KPIs, the finance and the optimiser read these; Results (core/results.hpp) is for output.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "stargate/compute/schedule_metrics.hpp"
#include "stargate/compute/throughput.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/sim/run_series.hpp"

namespace stargate {

/// What the step loop knows that the columns do not.
struct RunTotals {
  double solar_dc_capacity_kw = 0.0;
  double solar_ac_capacity_kw = 0.0;
  double solar_ac_capacity_hours = 0.0;  ///< sum over arrays of AC rating x hours online
  double wind_capacity_kw = 0.0;
  double wind_capacity_hours = 0.0;  ///< sum over farms of capacity x hours online
  double battery_energy_kwh = 0.0;   ///< nameplate, all batteries
  double battery_power_kw = 0.0;
  double battery_equivalent_full_cycles = 0.0;  ///< throughput / (2 x capacity), all batteries
  double battery_capacity_left_fraction = 1.0;  ///< energy-weighted, at the end of the run
  double gas_capacity_kw = 0.0;
  double gas_fuel_mmbtu = 0.0;
  double gas_fuel_cost_usd = 0.0;  ///< fuel + VOM + starts
  double gas_co2_kg = 0.0;
  double gas_starts = 0.0;
  double four_cp_demand_kw = 0.0;   ///< mean over the run's years
  double four_cp_charge_usd = 0.0;  ///< all years
  double clean_used_kwh = 0.0;      ///< renewables used on site, direct or via batteries
  /// 24/7 CFE: each step's on-site clean energy used plus the grid's clean share of the energy
  /// imported for the load (directly or through the batteries), capped at the load.
  double cfe_kwh = 0.0;
  double marginal_carbon_kg_per_mwh = 0.0;      ///< the grid's marginal rate, for avoided emissions
  std::optional<ScheduleMetrics> schedule;      ///< the GPU fleet's scheduler, when it runs
  std::optional<ComputeThroughput> throughput;  ///< FLOPs and tokens, when the fleet runs
  int dispatch_lp_solves = 0;                   ///< windows of a planned dispatch (lp, mpc)
  double dispatch_lp_solve_seconds = 0.0;       ///< building, solving and reading them
  int dispatch_lp_rows = 0;                     ///< of the largest window's LP
  int dispatch_lp_columns = 0;
};

struct CampusRun {
  TimeGrid grid;
  RunSeries series;
  RunTotals totals;
  std::vector<std::string> warnings;  ///< the simulation's own (the inputs' are in RunInputs)
};

/// Energy of a power column over the run: sum of step averages (compensated) x step, kWh.
[[nodiscard]] double energy_kwh(std::span<const double> power_kw, double step_h);

/// Totals of a run's flows over the whole run.
struct RunEnergy {
  double facility_kwh = 0.0;
  double it_kwh = 0.0;
  double online_it_capacity_kwh = 0.0;
  double solar_kwh = 0.0;
  double wind_kwh = 0.0;
  double curtailed_kwh = 0.0;
  double overgeneration_kwh = 0.0;  ///< gas output nothing could take
  double battery_charge_kwh = 0.0;
  double battery_discharge_kwh = 0.0;
  double gas_kwh = 0.0;
  double grid_import_kwh = 0.0;
  double grid_export_kwh = 0.0;
  double unserved_kwh = 0.0;
  double energy_cost_usd = 0.0;      ///< grid energy imported
  double export_revenue_usd = 0.0;   ///< energy exported
  double grid_co2_kg = 0.0;          ///< sum over steps of import x carbon intensity
  double net_energy_cost_usd = 0.0;  ///< grid energy + gas (fuel, VOM, starts) + 4CP - exports

  /// Facility energy served: facility - unserved.
  [[nodiscard]] double served_kwh() const { return facility_kwh - unserved_kwh; }
  /// On-site energy used: solar + wind - curtailed + gas - over-generation.
  [[nodiscard]] double on_site_kwh() const {
    return solar_kwh + wind_kwh - curtailed_kwh + gas_kwh - overgeneration_kwh;
  }
};

[[nodiscard]] RunEnergy run_energy(const CampusRun& run);

/// Annual (volumetric) matching (docs/carbon.md): on-site renewable energy produced and not
/// curtailed, exports included, over the facility energy, at most 1 (no contracted clean energy
/// is modelled yet). What annual REC matching claims.
[[nodiscard]] double annual_matching_share(const RunEnergy& energy);

/// On-site clean share: the facility energy served by on-site renewables in the same step,
/// directly or through the batteries (their renewable part), over the facility energy.
[[nodiscard]] double on_site_clean_share(const RunEnergy& energy, const RunTotals& totals);

/// 24/7 CFE score (Google's hourly method): on-site clean energy used plus the grid's clean share
/// of imports for the load, capped at the load each step, over the facility energy.
[[nodiscard]] double cfe_score(const RunEnergy& energy, const RunTotals& totals);

/// CO2 of the run, tonnes: gas burned on site + grid imports at their carbon intensity.
[[nodiscard]] double total_co2_t(const RunEnergy& energy, const RunTotals& totals);

/// GPUs delivering work at `step`: the busy GPUs of the fleet, or with a constant-utilisation
/// load the online GPUs x compute.it_utilisation.
[[nodiscard]] double gpus_delivering(const ComputeSection& compute, const RunSeries& series,
                                     std::size_t step);

/// GPU-hours delivered over the run (gpus_delivering x step, summed).
[[nodiscard]] double gpu_hours_delivered(const ComputeSection& compute, const CampusRun& run);

}  // namespace stargate
