#include "stargate/sim/campus_simulation.hpp"

#include <algorithm>

#include "stargate/compute/constant_utilisation.hpp"
#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/energy/grid_connection.hpp"
#include "stargate/facility/building_phases.hpp"
#include "stargate/facility/constant_pue.hpp"

namespace stargate {
namespace {

constexpr std::size_t kProgressReports = 100;

void add_kpis(Results& results, const TimeGrid& grid) {
  const double step_h = grid.step_h();
  // Each column holds step averages of power, so energy = sum(power) * step.
  const auto column_sum = [&](std::string_view column) {
    return compensated_sum(results.column(column));
  };
  const auto energy_mwh = [&](std::string_view column) {
    return column_sum(column) * step_h / kKwhPerMwh;
  };
  const auto column_max = [&](std::string_view column) {
    const auto values = results.column(column);
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
  };

  const double it_mwh = energy_mwh("it_load_kw");
  const double facility_mwh = energy_mwh("facility_load_kw");
  const double import_mwh = energy_mwh("grid_import_kw");
  const double unserved_mwh = energy_mwh("unserved_kw");
  const double capacity_mwh = energy_mwh("online_it_capacity_kw");
  const double cost_usd = column_sum("energy_cost_usd");
  std::size_t unserved_steps = 0;
  for (const double kw : results.column("unserved_kw")) {
    unserved_steps += kw > 0.0 ? 1 : 0;
  }

  results.add_kpi("energy", "facility_energy_mwh", facility_mwh, "MWh", "Facility energy");
  results.add_kpi("energy", "it_energy_mwh", it_mwh, "MWh", "IT energy");
  results.add_kpi("energy", "grid_import_mwh", import_mwh, "MWh", "Grid import");
  results.add_kpi("energy", "unserved_energy_mwh", unserved_mwh, "MWh", "Unserved energy");
  results.add_kpi("energy", "unserved_hours_h", static_cast<double>(unserved_steps) * step_h, "h",
                  "Hours with unserved load");
  results.add_kpi("energy", "peak_facility_load_mw", column_max("facility_load_kw") / kKwPerMw,
                  "MW", "Peak facility load");
  results.add_kpi("energy", "average_pue", it_mwh > 0.0 ? facility_mwh / it_mwh : 0.0, "",
                  "Average PUE");
  results.add_kpi("cost", "energy_cost_usd", cost_usd, "USD", "Energy cost");
  results.add_kpi("cost", "average_energy_price_usd_per_mwh",
                  import_mwh > 0.0 ? cost_usd / import_mwh : 0.0, "USD/MWh",
                  "Average price of imported energy");
  results.add_kpi("compute", "gpu_hours_online", column_sum("gpus_online") * step_h, "GPU-h",
                  "GPU-hours online");
  results.add_kpi("compute", "peak_gpus_online", column_max("gpus_online"), "GPUs",
                  "Peak GPUs online");
  results.add_kpi("compute", "it_utilisation_fraction",
                  capacity_mwh > 0.0 ? it_mwh / capacity_mwh : 0.0, "fraction",
                  "IT load / online IT capacity");
}

}  // namespace

Results simulate(const Scenario& scenario, const SimulationOptions& options) {
  const TimeGrid grid = run_grid(scenario);
  Results results(grid);
  // Columns are created first; spans are taken after the last add_series (vector growth).
  results.add_series("online_it_capacity_kw", "IT capacity of the buildings online");
  results.add_series("gpus_online", "GPUs installed in the buildings online");
  results.add_series("it_load_kw", "IT power drawn by the compute load");
  results.add_series("facility_load_kw", "Facility power at the meter (IT and overheads)");
  results.add_series("grid_import_kw", "Power imported from the grid");
  results.add_series("unserved_kw", "Facility load no supply could serve");
  results.add_series("price_usd_per_mwh", "Price of imported energy");
  results.add_series("energy_cost_usd", "Cost of the energy imported during the step");
  const auto capacity_kw = results.writable_column("online_it_capacity_kw");
  const auto gpus = results.writable_column("gpus_online");
  const auto it_kw = results.writable_column("it_load_kw");
  const auto facility_kw = results.writable_column("facility_load_kw");
  const auto import_kw = results.writable_column("grid_import_kw");
  const auto unserved_kw = results.writable_column("unserved_kw");
  const auto price = results.writable_column("price_usd_per_mwh");
  const auto cost_usd = results.writable_column("energy_cost_usd");

  fill_online_capacity(scenario.buildings, grid, capacity_kw, gpus);
  const ConstantUtilisation compute(scenario.compute.it_utilisation);
  const ConstantPue facility(scenario.facility.pue);
  const GridConnection connection(scenario.grid.import_limit_kw, scenario.grid.price_usd_per_mwh);
  const double step_h = grid.step_h();
  const std::size_t report_every = std::max<std::size_t>(1, grid.size() / kProgressReports);

  for (std::size_t step = 0; step < grid.size(); ++step) {
    it_kw[step] = compute.it_load_kw(capacity_kw[step]);
    facility_kw[step] = facility.facility_kw(it_kw[step]);
    const GridFlow flow = connection.serve(facility_kw[step], step_h);
    import_kw[step] = flow.import_kw;
    unserved_kw[step] = flow.unserved_kw;
    price[step] = connection.price_usd_per_mwh();
    cost_usd[step] = flow.cost_usd;
    if (options.progress && (step + 1) % report_every == 0) {
      options.progress(step + 1, grid.size());
    }
  }
  add_kpis(results, grid);
  if (results.kpi("unserved_energy_mwh") > 0.0) {
    results.add_warning(
        "the grid import limit cannot serve the whole facility load: see "
        "unserved_kw in the time series");
  }
  return results;
}

}  // namespace stargate
