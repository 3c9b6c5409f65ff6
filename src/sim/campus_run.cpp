#include "stargate/sim/campus_run.hpp"

#include <algorithm>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

RunSeries::RunSeries(std::size_t steps) {
  for (const RunColumn& column : kRunColumns) {
    (this->*column.values).assign(steps, 0.0);
  }
}

double energy_kwh(std::span<const double> power_kw, double step_h) {
  return compensated_sum(power_kw) * step_h;
}

RunEnergy run_energy(const CampusRun& run) {
  const RunSeries& s = run.series;
  const double step_h = run.grid.step_h();
  RunEnergy e;
  e.facility_kwh = energy_kwh(s.facility_load_kw, step_h);
  e.it_kwh = energy_kwh(s.it_load_kw, step_h);
  e.online_it_capacity_kwh = energy_kwh(s.online_it_capacity_kw, step_h);
  e.solar_kwh = energy_kwh(s.solar_kw, step_h);
  e.wind_kwh = energy_kwh(s.wind_kw, step_h);
  e.curtailed_kwh = energy_kwh(s.curtailed_kw, step_h);
  e.overgeneration_kwh = energy_kwh(s.overgeneration_kw, step_h);
  e.battery_charge_kwh = energy_kwh(s.battery_charge_kw, step_h);
  e.battery_discharge_kwh = energy_kwh(s.battery_discharge_kw, step_h);
  e.gas_kwh = energy_kwh(s.gas_kw, step_h);
  e.grid_import_kwh = energy_kwh(s.grid_import_kw, step_h);
  e.grid_export_kwh = energy_kwh(s.grid_export_kw, step_h);
  e.unserved_kwh = energy_kwh(s.unserved_kw, step_h);
  e.energy_cost_usd = compensated_sum(s.energy_cost_usd);
  e.export_revenue_usd = compensated_sum(s.export_revenue_usd);
  double import_carbon = 0.0;
  for (std::size_t i = 0; i < s.grid_import_kw.size(); ++i) {
    import_carbon += s.grid_import_kw[i] * s.carbon_kg_per_mwh[i];
  }
  e.grid_co2_kg = import_carbon * step_h / kKwhPerMwh;
  e.net_energy_cost_usd = e.energy_cost_usd - e.export_revenue_usd + run.totals.gas_fuel_cost_usd +
                          run.totals.four_cp_charge_usd;
  return e;
}

double annual_matching_share(const RunEnergy& energy) {
  return std::min(1.0, ratio_or_zero(energy.solar_kwh + energy.wind_kwh - energy.curtailed_kwh,
                                     energy.facility_kwh));
}

double on_site_clean_share(const RunEnergy& energy, const RunTotals& totals) {
  return ratio_or_zero(totals.clean_used_kwh, energy.facility_kwh);
}

double cfe_score(const RunEnergy& energy, const RunTotals& totals) {
  return ratio_or_zero(totals.cfe_kwh, energy.facility_kwh);
}

double total_co2_t(const RunEnergy& energy, const RunTotals& totals) {
  return (totals.gas_co2_kg + energy.grid_co2_kg) / kKgPerTonne;
}

double gpus_delivering(const ComputeSection& compute, const RunSeries& series, std::size_t step) {
  return compute.model == ComputeModel::kFleet ? series.gpus_busy[step]
                                               : series.gpus_online[step] * compute.it_utilisation;
}

double gpu_hours_delivered(const ComputeSection& compute, const CampusRun& run) {
  double gpu_hours = 0.0;
  for (std::size_t step = 0; step < run.grid.size(); ++step) {
    gpu_hours += gpus_delivering(compute, run.series, step) * run.grid.step_h();
  }
  return gpu_hours;
}

}  // namespace stargate
