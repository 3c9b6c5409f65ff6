#include "sim/run_kpis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

double column_max(std::span<const double> values) {
  return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

// The run's totals every group of KPIs reads, in the units of the KPIs.
struct KpiInputs {
  explicit KpiInputs(const CampusRun& r)
      : run(r),
        series(r.series),
        totals(r.totals),
        energy(run_energy(r)),
        step_h(r.grid.step_h()),
        facility_mwh(energy.facility_kwh / kKwhPerMwh),
        it_mwh(energy.it_kwh / kKwhPerMwh),
        solar_mwh(energy.solar_kwh / kKwhPerMwh),
        wind_mwh(energy.wind_kwh / kKwhPerMwh),
        curtailed_mwh(energy.curtailed_kwh / kKwhPerMwh),
        import_mwh(energy.grid_import_kwh / kKwhPerMwh),
        export_mwh(energy.grid_export_kwh / kKwhPerMwh),
        gas_mwh(energy.gas_kwh / kKwhPerMwh),
        charge_mwh(energy.battery_charge_kwh / kKwhPerMwh),
        discharge_mwh(energy.battery_discharge_kwh / kKwhPerMwh),
        unserved_mwh(energy.unserved_kwh / kKwhPerMwh) {}

  const CampusRun& run;
  const RunSeries& series;
  const RunTotals& totals;
  RunEnergy energy;
  double step_h;
  double facility_mwh, it_mwh, solar_mwh, wind_mwh, curtailed_mwh, import_mwh, export_mwh, gas_mwh,
      charge_mwh, discharge_mwh, unserved_mwh;
};

// Facility and IT energy, peak load, PUE, unserved energy.
void add_energy_kpis(Results& results, const KpiInputs& in) {
  const auto unserved_steps =
      std::count_if(in.series.unserved_kw.begin(), in.series.unserved_kw.end(),
                    [](double kw) { return kw > 0.0; });

  results.add_kpi("energy", "facility_energy_mwh", in.facility_mwh, "MWh", "Facility energy");
  results.add_kpi("energy", "it_energy_mwh", in.it_mwh, "MWh", "IT energy");
  results.add_kpi("energy", "peak_facility_load_mw",
                  column_max(in.series.facility_load_kw) / kKwPerMw, "MW", "Peak facility load");
  results.add_kpi("energy", "average_pue", ratio_or_zero(in.facility_mwh, in.it_mwh), "",
                  "Average PUE");
  results.add_kpi("energy", "unserved_energy_mwh", in.unserved_mwh, "MWh", "Unserved energy");
  results.add_kpi("energy", "unserved_hours_h", static_cast<double>(unserved_steps) * in.step_h,
                  "h", "Hours with unserved load");
}

// Energy of each source, curtailment, exports, and the capacities and capacity factors of PV and
// wind.
void add_supply_kpis(Results& results, const KpiInputs& in) {
  results.add_kpi("supply", "solar_available_mwh", in.solar_mwh, "MWh", "PV available (AC)");
  results.add_kpi("supply", "wind_available_mwh", in.wind_mwh, "MWh", "Wind available");
  results.add_kpi("supply", "curtailed_mwh", in.curtailed_mwh, "MWh", "Renewables curtailed");
  results.add_kpi("supply", "gas_overgeneration_mwh", in.energy.overgeneration_kwh / kKwhPerMwh,
                  "MWh", "Gas output nothing could take (minimum load, ramping down)");
  results.add_kpi("supply", "battery_discharge_mwh", in.discharge_mwh, "MWh", "Battery discharge");
  results.add_kpi("supply", "battery_charge_mwh", in.charge_mwh, "MWh", "Battery charge");
  results.add_kpi("supply", "gas_mwh", in.gas_mwh, "MWh", "Gas generation");
  results.add_kpi("supply", "grid_import_mwh", in.import_mwh, "MWh", "Grid import");
  results.add_kpi("supply", "grid_export_mwh", in.export_mwh, "MWh", "Grid export");
  if (in.totals.solar_dc_capacity_kw > 0.0) {
    results.add_kpi("supply", "solar_dc_capacity_mw", in.totals.solar_dc_capacity_kw / kKwPerMw,
                    "MW", "PV capacity (DC)");
    results.add_kpi("supply", "solar_capacity_factor_ac_fraction",
                    ratio_or_zero(in.solar_mwh * kKwhPerMwh, in.totals.solar_ac_capacity_hours),
                    "fraction", "PV capacity factor (AC, while online)");
  }
  if (in.totals.wind_capacity_kw > 0.0) {
    results.add_kpi("supply", "wind_capacity_mw", in.totals.wind_capacity_kw / kKwPerMw, "MW",
                    "Wind capacity");
    results.add_kpi("supply", "wind_capacity_factor_fraction",
                    ratio_or_zero(in.wind_mwh * kKwhPerMwh, in.totals.wind_capacity_hours),
                    "fraction", "Wind capacity factor (while online)");
  }
}

// Battery capacity and wear; gas capacity, fuel, starts and capacity factor.
void add_storage_and_gas_kpis(Results& results, const KpiInputs& in) {
  if (in.totals.battery_energy_kwh > 0.0) {
    results.add_kpi("storage", "battery_energy_mwh", in.totals.battery_energy_kwh / kKwhPerMwh,
                    "MWh", "Battery energy capacity");
    results.add_kpi("storage", "battery_power_mw", in.totals.battery_power_kw / kKwPerMw, "MW",
                    "Battery power");
    results.add_kpi("storage", "battery_equivalent_full_cycles",
                    in.totals.battery_equivalent_full_cycles, "cycles",
                    "Equivalent full cycles (all batteries)");
    results.add_kpi("storage", "battery_capacity_left_fraction",
                    in.totals.battery_capacity_left_fraction, "fraction",
                    "Battery capacity left at the end");
  }
  if (in.totals.gas_capacity_kw > 0.0) {
    results.add_kpi("gas", "gas_capacity_mw", in.totals.gas_capacity_kw / kKwPerMw, "MW",
                    "Gas capacity");
    results.add_kpi("gas", "gas_fuel_mmbtu", in.totals.gas_fuel_mmbtu, "MMBtu", "Gas fuel burned");
    results.add_kpi("gas", "gas_starts", in.totals.gas_starts, "starts", "Unit starts");
    results.add_kpi("gas", "gas_capacity_factor_fraction",
                    ratio_or_zero(in.gas_mwh * kKwhPerMwh,
                                  in.totals.gas_capacity_kw * in.run.grid.duration_h()),
                    "fraction", "Gas capacity factor");
  }
}

// Grid energy cost, exports, gas, 4CP and the net energy cost.
void add_cost_kpis(Results& results, const KpiInputs& in) {
  const double energy_cost_usd = in.energy.energy_cost_usd;
  const double export_revenue_usd = in.energy.export_revenue_usd;
  results.add_kpi("cost", "energy_cost_usd", energy_cost_usd, "USD", "Grid energy cost");
  results.add_kpi("cost", "average_import_price_usd_per_mwh",
                  ratio_or_zero(energy_cost_usd, in.import_mwh), "USD/MWh",
                  "Average price of imported energy");
  results.add_kpi("cost", "export_revenue_usd", export_revenue_usd, "USD", "Export revenue");
  results.add_kpi("cost", "gas_cost_usd", in.totals.gas_fuel_cost_usd, "USD",
                  "Gas fuel, O&M and starts");
  results.add_kpi("cost", "four_cp_demand_mw", in.totals.four_cp_demand_kw / kKwPerMw, "MW",
                  "4CP demand (mean of the years)");
  results.add_kpi("cost", "four_cp_charge_usd", in.totals.four_cp_charge_usd, "USD",
                  "4CP transmission charge");
  const double net_cost_usd = in.energy.net_energy_cost_usd;
  results.add_kpi("cost", "net_energy_cost_usd", net_cost_usd, "USD",
                  "Net energy cost (grid + gas + 4CP - exports)");
  results.add_kpi("cost", "cost_per_facility_mwh_usd_per_mwh",
                  ratio_or_zero(net_cost_usd, in.facility_mwh - in.unserved_mwh), "USD/MWh",
                  "Net energy cost per MWh served");
}

// The planned dispatch's LP windows (policies lp and mpc).
void add_dispatch_kpis(Results& results, const KpiInputs& in) {
  if (in.totals.dispatch_lp_solves > 0) {
    results.add_kpi("dispatch", "dispatch_lp_solves", in.totals.dispatch_lp_solves, "solves",
                    "Dispatch LP windows solved");
    results.add_kpi("dispatch", "dispatch_lp_solve_seconds", in.totals.dispatch_lp_solve_seconds,
                    "s", "Dispatch LP build and solve time, all windows");
    results.add_kpi("dispatch", "dispatch_lp_rows", in.totals.dispatch_lp_rows, "rows",
                    "Rows of the largest dispatch LP window");
    results.add_kpi("dispatch", "dispatch_lp_columns", in.totals.dispatch_lp_columns, "columns",
                    "Columns of the largest dispatch LP window");
  }
}

// CO2 of gas and grid, and the clean shares.
void add_emission_and_clean_kpis(Results& results, const KpiInputs& in) {
  const double grid_co2_t = in.energy.grid_co2_kg / kKgPerTonne;
  const double gas_co2_t = in.totals.gas_co2_kg / kKgPerTonne;
  results.add_kpi("emissions", "gas_co2_t", gas_co2_t, "t", "CO2 on site (gas)");
  results.add_kpi("emissions", "grid_co2_t", grid_co2_t, "t", "CO2 of grid imports");
  const double co2_t = total_co2_t(in.energy, in.totals);
  results.add_kpi("emissions", "total_co2_t", co2_t, "t", "CO2 in total");
  results.add_kpi("emissions", "co2_intensity_kg_per_mwh",
                  ratio_or_zero(co2_t * kKgPerTonne, in.facility_mwh - in.unserved_mwh), "kg/MWh",
                  "CO2 per MWh served");
  // GHG Protocol Scope 2 (docs/carbon.md): location-based = imports x the grid's average
  // intensity; market-based = imports not covered by contractual instruments (none modelled) x
  // the residual mix, which falls back to the grid average without one: today the same.
  results.add_kpi("emissions", "scope2_location_based_t", grid_co2_t, "t",
                  "Scope 2, location-based");
  results.add_kpi("emissions", "scope2_market_based_t", grid_co2_t, "t",
                  "Scope 2, market-based (no contracts: the grid average)");
  results.add_kpi("emissions", "avoided_marginal_t",
                  (in.energy.solar_kwh + in.energy.wind_kwh - in.energy.curtailed_kwh) /
                      kKwhPerMwh * in.totals.marginal_carbon_kg_per_mwh / kKgPerTonne,
                  "t", "Avoided by on-site renewables at the grid's marginal rate (AVERT)");
  results.add_kpi("clean", "cfe_score_fraction", cfe_score(in.energy, in.totals), "fraction",
                  "24/7 CFE score (hourly, grid's clean share counted)");
  results.add_kpi("clean", "annual_matching_fraction", annual_matching_share(in.energy), "fraction",
                  "Annual matching (volumetric, exports included)");
  results.add_kpi("clean", "on_site_clean_share_fraction",
                  on_site_clean_share(in.energy, in.totals), "fraction",
                  "On-site clean share (hourly, on-site renewables used)");
}

// Queue times of every job ready by the end (waits of jobs not started counted to the end), and
// per job-size class its 95th percentile and longest wait.
void add_queue_kpis(Results& results, const ScheduleMetrics& m) {
  const auto hours = [](double s) { return s / kSecondsPerHour; };
  results.add_kpi("compute", "queue_time_mean_h", hours(m.queue.mean_s), "h", "Mean queue time");
  results.add_kpi("compute", "queue_time_p50_h", hours(m.queue.p50_s), "h", "Median queue time");
  results.add_kpi("compute", "queue_time_p95_h", hours(m.queue.p95_s), "h",
                  "95th percentile queue time");
  results.add_kpi("compute", "queue_time_p99_h", hours(m.queue.p99_s), "h",
                  "99th percentile queue time");
  results.add_kpi("compute", "queue_time_max_h", hours(m.queue.max_s), "h", "Longest queue time");
  results.add_kpi("compute", "jobs_waiting_at_end", static_cast<double>(m.queue.censored), "jobs",
                  "Jobs still waiting at the end (waits counted to the end)");
  for (std::size_t c = 0; c < m.queue_by_size.size(); ++c) {
    const QueueTimeStats& q = m.queue_by_size[c];
    if (q.count == 0) continue;
    const std::string name = kQueueSizeClassNames[c];
    const std::string label = c < kQueueSizeClassMaxGpus.size()
                                  ? fmt::format("up to {} GPUs", kQueueSizeClassMaxGpus[c])
                                  : fmt::format("over {} GPUs", kQueueSizeClassMaxGpus.back());
    results.add_kpi("compute", "queue_time_p95_" + name + "_h", hours(q.p95_s), "h",
                    fmt::format("95th percentile queue time, jobs {}", label));
    results.add_kpi("compute", "queue_time_max_" + name + "_h", hours(q.max_s), "h",
                    fmt::format("Longest queue time, jobs {}", label));
  }
}

// GPU-hours, the schedule's outcome and flexibility, throughput, IT utilisation.
void add_compute_kpis(Results& results, const KpiInputs& in) {
  results.add_kpi("compute", "gpu_hours_online", compensated_sum(in.series.gpus_online) * in.step_h,
                  "GPU-h", "GPU-hours online");
  results.add_kpi("compute", "peak_gpus_online", column_max(in.series.gpus_online), "GPUs",
                  "Peak GPUs online");
  if (in.totals.schedule) {
    const ScheduleMetrics& m = *in.totals.schedule;
    results.add_kpi("compute", "gpu_hours_training_delivered", m.gpu_hours_allocated, "GPU-h",
                    "GPU-hours delivered to training jobs");
    // Steady state: from the step the last building comes online to the end; a run that never
    // has every building online reports its whole-run utilisation.
    results.add_kpi("compute", "training_utilisation_fraction",
                    m.steady_state_hours > 0.0 ? m.steady_state_utilisation : m.utilisation,
                    "fraction", "Training utilisation, all buildings online");
    results.add_kpi("compute", "training_utilisation_run_fraction", m.utilisation, "fraction",
                    "Training utilisation over the run");
    results.add_kpi("compute", "steady_state_hours_h", m.steady_state_hours, "h",
                    "Hours with every building online");
    results.add_kpi("compute", "training_work_done_gpu_h", m.work_done_gpu_h, "GPU-h",
                    "Training work done (full-speed GPU-hours)");
    results.add_kpi("compute", "training_work_goal_share_fraction",
                    ratio_or_zero(m.work_done_gpu_h, m.work_offered_in_horizon_gpu_h), "fraction",
                    "Share of the work offered in the run that was done");
    results.add_kpi("compute", "training_work_lost_gpu_h", m.work_lost_gpu_h, "GPU-h",
                    "Work redone after failures, preemptions and pauses");
    results.add_kpi("compute", "jobs_total", static_cast<double>(m.jobs_total), "jobs",
                    "Training jobs submitted");
    results.add_kpi("compute", "jobs_completed", static_cast<double>(m.jobs_completed), "jobs",
                    "Training jobs completed");
    results.add_kpi("compute", "jobs_rejected", static_cast<double>(m.jobs_rejected), "jobs",
                    "Jobs larger than any building (never run)");
    results.add_kpi("compute", "deadline_misses", static_cast<double>(m.deadline_misses), "jobs",
                    "Deadline misses");
    results.add_kpi("compute", "gpu_failures", static_cast<double>(m.failures), "failures",
                    "GPU failures of running jobs");
    add_queue_kpis(results, m);
    results.add_kpi("flexibility", "flexible_shed_mwh", m.flexibility_shed_mwh, "MWh",
                    "Flexible IT energy shed");
    results.add_kpi("flexibility", "flexibility_events", static_cast<double>(m.flexibility_events),
                    "events", "Flexibility events");
    results.add_kpi("flexibility", "longest_flexibility_event_h",
                    m.flexibility_longest_event_s / kSecondsPerHour, "h", "Longest event");
    results.add_kpi("flexibility", "power_pauses", static_cast<double>(m.power_pauses), "pauses",
                    "Flexible jobs paused for power");
    results.add_kpi("compute", "energy_per_work_kwh_per_gpu_h",
                    ratio_or_zero(in.facility_mwh * kKwhPerMwh, m.work_done_gpu_h), "kWh/GPU-h",
                    "Facility energy per GPU-hour of work done");
  }
  if (in.totals.throughput) {
    const ComputeThroughput& t = *in.totals.throughput;
    results.add_kpi("compute", "flops_delivered_flop", t.flop(), "FLOP",
                    "FLOPs delivered (training and inference)");
    results.add_kpi("compute", "tokens_trained", t.tokens_trained, "tokens", "Tokens trained");
    results.add_kpi("compute", "tokens_served", t.tokens_served, "tokens", "Tokens served");
  }
  results.add_kpi("compute", "it_utilisation_fraction",
                  ratio_or_zero(in.it_mwh, in.energy.online_it_capacity_kwh / kKwhPerMwh),
                  "fraction", "IT load / online IT capacity");
}

}  // namespace

void add_run_kpis(Results& results, const CampusRun& run) {
  const KpiInputs in(run);
  add_energy_kpis(results, in);
  add_supply_kpis(results, in);
  add_storage_and_gas_kpis(results, in);
  add_cost_kpis(results, in);
  add_dispatch_kpis(results, in);
  add_emission_and_clean_kpis(results, in);
  add_compute_kpis(results, in);
}

}  // namespace stargate
