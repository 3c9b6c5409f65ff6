#include "stargate/sim/campus_simulation.hpp"

#include <algorithm>
#include <optional>

#include "stargate/compute/constant_utilisation.hpp"
#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/energy/grid_connection.hpp"
#include "stargate/facility/building_phases.hpp"
#include "stargate/facility/constant_pue.hpp"
#include "stargate/sim/run_weather.hpp"
#include "stargate/sim/solar_fleet.hpp"
#include "stargate/sim/weather_to_grid.hpp"

namespace stargate {
namespace {

constexpr std::size_t kProgressReports = 100;

// Each column holds step averages of power, so energy = sum(power) * step.
double energy_mwh(const Results& results, std::string_view column) {
  return compensated_sum(results.column(column)) * results.grid().step_h() / kKwhPerMwh;
}

double column_max(const Results& results, std::string_view column) {
  const auto values = results.column(column);
  return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

double ratio(double numerator, double denominator) {
  return denominator > 0.0 ? numerator / denominator : 0.0;
}

void add_energy_and_cost_kpis(Results& results) {
  const double step_h = results.grid().step_h();
  const double it_mwh = energy_mwh(results, "it_load_kw");
  const double facility_mwh = energy_mwh(results, "facility_load_kw");
  const double import_mwh = energy_mwh(results, "grid_import_kw");
  const double cost_usd = compensated_sum(results.column("energy_cost_usd"));
  const auto unserved = results.column("unserved_kw");
  const auto unserved_steps =
      std::count_if(unserved.begin(), unserved.end(), [](double kw) { return kw > 0.0; });

  results.add_kpi("energy", "facility_energy_mwh", facility_mwh, "MWh", "Facility energy");
  results.add_kpi("energy", "it_energy_mwh", it_mwh, "MWh", "IT energy");
  results.add_kpi("energy", "grid_import_mwh", import_mwh, "MWh", "Grid import");
  results.add_kpi("energy", "unserved_energy_mwh", energy_mwh(results, "unserved_kw"), "MWh",
                  "Unserved energy");
  results.add_kpi("energy", "unserved_hours_h", static_cast<double>(unserved_steps) * step_h, "h",
                  "Hours with unserved load");
  results.add_kpi("energy", "peak_facility_load_mw",
                  column_max(results, "facility_load_kw") / kKwPerMw, "MW", "Peak facility load");
  results.add_kpi("energy", "average_pue", ratio(facility_mwh, it_mwh), "", "Average PUE");
  results.add_kpi("cost", "energy_cost_usd", cost_usd, "USD", "Energy cost");
  results.add_kpi("cost", "average_energy_price_usd_per_mwh", ratio(cost_usd, import_mwh),
                  "USD/MWh", "Average price of imported energy");
}

void add_solar_kpis(Results& results, const SolarFleet& fleet) {
  const double available_mwh = energy_mwh(results, "solar_kw");
  const double curtailed_mwh = energy_mwh(results, "curtailed_kw");
  const double used_mwh = available_mwh - curtailed_mwh;
  results.add_kpi("solar", "solar_dc_capacity_mw", fleet.dc_capacity_kw / kKwPerMw, "MW",
                  "PV capacity (DC)");
  results.add_kpi("solar", "solar_ac_capacity_mw", fleet.ac_capacity_kw / kKwPerMw, "MW",
                  "PV inverter capacity (AC)");
  results.add_kpi("solar", "solar_available_mwh", available_mwh, "MWh", "PV energy available (AC)");
  results.add_kpi("solar", "solar_used_mwh", used_mwh, "MWh", "PV energy used on site");
  results.add_kpi("solar", "solar_curtailed_mwh", curtailed_mwh, "MWh", "PV energy curtailed");
  results.add_kpi("solar", "solar_capacity_factor_ac_fraction",
                  ratio(available_mwh * kKwhPerMwh, fleet.ac_capacity_hours), "fraction",
                  "PV capacity factor (AC, while online)");
  results.add_kpi("solar", "solar_share_of_load_fraction",
                  ratio(used_mwh, energy_mwh(results, "facility_load_kw")), "fraction",
                  "Share of facility energy from PV");
}

void add_compute_kpis(Results& results) {
  const double step_h = results.grid().step_h();
  results.add_kpi("compute", "gpu_hours_online",
                  compensated_sum(results.column("gpus_online")) * step_h, "GPU-h",
                  "GPU-hours online");
  results.add_kpi("compute", "peak_gpus_online", column_max(results, "gpus_online"), "GPUs",
                  "Peak GPUs online");
  results.add_kpi(
      "compute", "it_utilisation_fraction",
      ratio(energy_mwh(results, "it_load_kw"), energy_mwh(results, "online_it_capacity_kw")),
      "fraction", "IT load / online IT capacity");
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
  results.add_series("solar_kw", "PV power available (AC)");
  results.add_series("curtailed_kw", "Available renewable power not used");
  results.add_series("grid_import_kw", "Power imported from the grid");
  results.add_series("unserved_kw", "Facility load no supply could serve");
  results.add_series("price_usd_per_mwh", "Price of imported energy");
  results.add_series("energy_cost_usd", "Cost of the energy imported during the step");
  const auto capacity_kw = results.writable_column("online_it_capacity_kw");
  const auto gpus = results.writable_column("gpus_online");
  const auto it_kw = results.writable_column("it_load_kw");
  const auto facility_kw = results.writable_column("facility_load_kw");
  const auto solar_kw = results.writable_column("solar_kw");
  const auto curtailed_kw = results.writable_column("curtailed_kw");
  const auto import_kw = results.writable_column("grid_import_kw");
  const auto unserved_kw = results.writable_column("unserved_kw");
  const auto price = results.writable_column("price_usd_per_mwh");
  const auto cost_usd = results.writable_column("energy_cost_usd");

  fill_online_capacity(scenario.buildings, grid, capacity_kw, gpus);
  std::optional<SolarFleet> fleet;
  if (!scenario.solar.empty()) {
    std::vector<std::string> warnings;
    const WeatherSeries weather = load_run_weather(scenario, warnings);
    for (auto& warning : warnings) {
      results.add_warning(std::move(warning));
    }
    fleet = add_solar_fleet(scenario, weather, WeatherToGrid(weather, grid), grid, solar_kw);
  }

  const ConstantUtilisation compute(scenario.compute.it_utilisation);
  const ConstantPue facility(scenario.facility.pue);
  const GridConnection connection(scenario.grid.import_limit_kw, scenario.grid.price_usd_per_mwh);
  const double step_h = grid.step_h();
  const std::size_t report_every = std::max<std::size_t>(1, grid.size() / kProgressReports);

  for (std::size_t step = 0; step < grid.size(); ++step) {
    it_kw[step] = compute.it_load_kw(capacity_kw[step]);
    facility_kw[step] = facility.facility_kw(it_kw[step]);
    // Renewables first; what the load cannot take is curtailed; the grid serves the rest.
    const double solar_used_kw = std::min(solar_kw[step], facility_kw[step]);
    curtailed_kw[step] = solar_kw[step] - solar_used_kw;
    const GridFlow flow = connection.serve(facility_kw[step] - solar_used_kw, step_h);
    import_kw[step] = flow.import_kw;
    unserved_kw[step] = flow.unserved_kw;
    price[step] = connection.price_usd_per_mwh();
    cost_usd[step] = flow.cost_usd;
    if (options.progress && (step + 1) % report_every == 0) {
      options.progress(step + 1, grid.size());
    }
  }
  add_energy_and_cost_kpis(results);
  if (fleet) {
    add_solar_kpis(results, *fleet);
  }
  add_compute_kpis(results);
  if (results.kpi("unserved_energy_mwh") > 0.0) {
    results.add_warning(
        "the supply cannot serve the whole facility load: see unserved_kw in the "
        "time series");
  }
  return results;
}

}  // namespace stargate
