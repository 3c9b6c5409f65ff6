#include "stargate/sim/campus_simulation.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "stargate/compute/constant_utilisation.hpp"
#include "stargate/core/units.hpp"
#include "stargate/dispatch/planned_step.hpp"
#include "stargate/dispatch/rule_dispatch.hpp"
#include "stargate/energy/four_cp.hpp"
#include "stargate/facility/building_phases.hpp"
#include "stargate/facility/constant_pue.hpp"
#include "stargate/facility/cooling.hpp"
#include "stargate/sim/campus_finance.hpp"
#include "stargate/sim/compute_fleet.hpp"
#include "stargate/sim/market_profiles.hpp"
#include "stargate/sim/planned_dispatch.hpp"
#include "stargate/sim/run_kpis.hpp"
#include "stargate/sim/run_weather.hpp"
#include "stargate/sim/solar_fleet.hpp"
#include "stargate/sim/supply_assets.hpp"
#include "stargate/sim/wind_fleet.hpp"

namespace stargate {
namespace {

constexpr std::size_t kProgressReports = 100;

// The columns of a run, created before the loop (see docs/outputs.md for their meaning).
struct Columns {
  explicit Columns(Results& results) {
    const auto add = [&](const char* name, const char* description) {
      results.add_series(name, description);
    };
    add("online_it_capacity_kw", "IT capacity of the buildings online");
    add("gpus_online", "GPUs installed in the buildings online");
    add("gpus_busy", "GPUs running training jobs (computing or checkpointing) or inference");
    add("flexible_shed_kw", "IT power of flexible training not drawn because of the power budget");
    add("it_load_kw", "IT power drawn by the compute load");
    add("facility_load_kw", "Facility power at the meter (IT and overheads)");
    add("cooling_kw", "Cooling and power-distribution overheads: facility - IT power");
    add("ambient_temp_c", "Outdoor air temperature of the weather");
    add("solar_kw", "PV power available (AC)");
    add("wind_kw", "Wind power available");
    add("curtailed_kw", "Available renewable power not used");
    add("battery_charge_kw", "Power into the batteries (AC)");
    add("battery_discharge_kw", "Power from the batteries (AC)");
    add("battery_soc_kwh", "Energy stored in the batteries at the end of the step");
    add("gas_kw", "Power from the gas plants");
    add("grid_import_kw", "Power imported from the grid");
    add("grid_export_kw", "Power exported to the grid");
    add("unserved_kw", "Facility load no supply could serve");
    add("price_usd_per_mwh", "Grid energy price");
    add("carbon_kg_per_mwh", "Carbon intensity of grid energy");
    add("energy_cost_usd", "Cost of the energy imported during the step");
    add("export_revenue_usd", "Revenue of the energy exported during the step");
    add("gas_cost_usd", "Fuel, variable O&M and start costs of the gas plants during the step");
    capacity_kw = results.writable_column("online_it_capacity_kw");
    gpus = results.writable_column("gpus_online");
    gpus_busy = results.writable_column("gpus_busy");
    shed_kw = results.writable_column("flexible_shed_kw");
    it_kw = results.writable_column("it_load_kw");
    facility_kw = results.writable_column("facility_load_kw");
    cooling_kw = results.writable_column("cooling_kw");
    ambient_c = results.writable_column("ambient_temp_c");
    solar_kw = results.writable_column("solar_kw");
    wind_kw = results.writable_column("wind_kw");
    curtailed_kw = results.writable_column("curtailed_kw");
    charge_kw = results.writable_column("battery_charge_kw");
    discharge_kw = results.writable_column("battery_discharge_kw");
    soc_kwh = results.writable_column("battery_soc_kwh");
    gas_kw = results.writable_column("gas_kw");
    import_kw = results.writable_column("grid_import_kw");
    export_kw = results.writable_column("grid_export_kw");
    unserved_kw = results.writable_column("unserved_kw");
    price = results.writable_column("price_usd_per_mwh");
    carbon = results.writable_column("carbon_kg_per_mwh");
    energy_cost_usd = results.writable_column("energy_cost_usd");
    export_revenue_usd = results.writable_column("export_revenue_usd");
    gas_cost_usd = results.writable_column("gas_cost_usd");
  }
  std::span<double> capacity_kw, gpus, gpus_busy, shed_kw, it_kw, facility_kw, cooling_kw,
      ambient_c, solar_kw, wind_kw, curtailed_kw, charge_kw, discharge_kw, soc_kwh, gas_kw,
      import_kw, export_kw, unserved_kw, price, carbon, energy_cost_usd, export_revenue_usd,
      gas_cost_usd;
};

DispatchRules dispatch_rules(const Scenario& scenario) {
  DispatchRules rules;
  rules.import_limit_kw = scenario.grid.import_limit_kw;
  rules.export_limit_kw = scenario.grid.export_limit_kw;
  rules.export_price_share = scenario.grid.export_price_share;
  rules.carbon_price_usd_per_t = scenario.dispatch.carbon_price_usd_per_t;
  rules.battery_charge_below_usd_per_mwh = scenario.dispatch.battery_charge_below_usd_per_mwh;
  rules.battery_discharge_above_usd_per_mwh = scenario.dispatch.battery_discharge_above_usd_per_mwh;
  rules.battery_reserve_fraction = scenario.dispatch.battery_reserve_fraction;
  rules.battery_charge_from_grid = scenario.dispatch.battery_charge_from_grid;
  return rules;
}

// The weather (for cooling and PV) and the renewable supply onto the grid: PV from the weather,
// wind from the wind resource.
void add_weather_and_renewables(const Scenario& scenario, const TimeGrid& grid, Columns& columns,
                                RunTotals& totals, Results& results) {
  std::vector<std::string> warnings;
  const WeatherSeries weather = load_run_weather(scenario, warnings);
  const WeatherToGrid to_grid(weather, grid);
  to_grid.apply(weather.temp_air_c, columns.ambient_c);
  if (!scenario.solar.empty()) {
    const SolarFleet fleet = add_solar_fleet(scenario, weather, to_grid, grid, columns.solar_kw);
    totals.solar_dc_capacity_kw = fleet.dc_capacity_kw;
    totals.solar_ac_capacity_kw = fleet.ac_capacity_kw;
    totals.solar_ac_capacity_hours = fleet.ac_capacity_hours;
  }
  if (!scenario.wind.empty()) {
    const WindResource resource = load_run_wind(scenario, warnings);
    const WindFleet fleet = add_wind_fleet(scenario, resource, grid, columns.wind_kw);
    totals.wind_capacity_kw = fleet.capacity_kw;
    totals.wind_capacity_hours = fleet.capacity_hours;
  }
  for (auto& warning : warnings) {
    results.add_warning(std::move(warning));
  }
}

void add_four_cp(const Scenario& scenario, const TimeGrid& grid, const Columns& columns,
                 RunTotals& totals) {
  if (scenario.grid.four_cp_rate_usd_per_kw_yr <= 0.0) {
    return;
  }
  const std::vector<double> system_mw =
      synthetic_ercot_system_load_mw(grid, static_cast<std::uint64_t>(scenario.run.seed));
  const std::vector<FourCpCharge> years =
      four_cp_by_year(grid, system_mw, columns.import_kw, scenario.grid.four_cp_rate_usd_per_kw_yr);
  for (const FourCpCharge& year : years) {
    totals.four_cp_charge_usd += year.charge_usd_per_yr;
    totals.four_cp_demand_kw += year.demand_kw / static_cast<double>(years.size());
  }
}

// The batteries and gas plants, the step each comes online, per-battery SOC histories, and the
// pools online in the present step.
struct SupplyPools {
  SupplyPools(const Scenario& scenario, const TimeGrid& grid, RunTotals& totals) {
    for (const BatterySection& section : scenario.batteries) {
      batteries.push_back(std::make_unique<Battery>(battery_params(section)));
      battery_online_step.push_back(grid.first_step_at_or_after(section.online));
      soc_history.emplace_back(grid.size(), batteries.back()->soc_fraction());
      totals.battery_energy_kwh += section.energy_kwh;
      totals.battery_power_kw += section.power_kw;
    }
    for (const GasSection& section : scenario.gas) {
      plants.push_back(std::make_unique<GasPlant>(gas_params(section)));
      plant_online_step.push_back(grid.first_step_at_or_after(section.online));
      totals.gas_capacity_kw += plants.back()->capacity_kw();
    }
    online_batteries.resize(batteries.size());
    online_plants.resize(plants.size());
    online_fuel_price.resize(plants.size());
  }

  // Selects the assets online at `step`; stored_before_kwh = their energy before the step.
  void select(const Scenario& scenario, std::size_t step) {
    battery_count = 0;
    stored_before_kwh = 0.0;
    for (std::size_t i = 0; i < batteries.size(); ++i) {
      if (step >= battery_online_step[i]) {
        online_batteries[battery_count++] = batteries[i].get();
        stored_before_kwh += batteries[i]->state().soc_kwh;
      }
    }
    plant_count = 0;
    for (std::size_t i = 0; i < plants.size(); ++i) {
      if (step >= plant_online_step[i]) {
        online_fuel_price[plant_count] = scenario.gas[i].fuel_price_usd_per_mmbtu;
        online_plants[plant_count++] = plants[i].get();
      }
    }
  }

  [[nodiscard]] DispatchAssets online() {
    return DispatchAssets{std::span(online_batteries.data(), battery_count),
                          std::span(online_plants.data(), plant_count),
                          std::span<const double>(online_fuel_price.data(), plant_count)};
  }

  std::vector<std::unique_ptr<Battery>> batteries;
  std::vector<std::size_t> battery_online_step;
  std::vector<std::vector<double>> soc_history;
  std::vector<std::unique_ptr<GasPlant>> plants;
  std::vector<std::size_t> plant_online_step;
  std::vector<Battery*> online_batteries;
  std::vector<GasPlant*> online_plants;
  std::vector<double> online_fuel_price;
  std::size_t battery_count = 0;
  std::size_t plant_count = 0;
  double stored_before_kwh = 0.0;
};

// The IT and facility load of one step: the GPU fleet with a power budget, or constant
// utilisation.
class LoadModel {
 public:
  LoadModel(const Scenario& scenario, const TimeGrid& grid)
      : constant_load_(scenario.compute.it_utilisation),
        constant_pue_(scenario.facility.pue),
        cooling_(CoolingParams{}),
        weather_cooling_(scenario.facility.cooling == CoolingChoice::kLiquidDryCooler),
        persistence_(scenario.compute.forecast == BudgetForecast::kPersistence) {
    if (scenario.compute.model == ComputeModel::kFleet) {
      fleet_.emplace(scenario, grid);
    }
  }

  [[nodiscard]] double pue(const Columns& columns, std::size_t step) const {
    return weather_cooling_ ? cooling_.pue(columns.ambient_c[step]) : constant_pue_.pue();
  }
  [[nodiscard]] bool fleet() const { return fleet_.has_value(); }
  // The step whose renewables the power budget sees (the last one under persistence).
  [[nodiscard]] std::size_t seen(std::size_t step) const {
    return persistence_ && step > 0 ? step - 1 : step;
  }

  // The load of `step` at `pue`; `supply_kw` (fleet only) is what the supply can deliver.
  void step(Columns& columns, std::size_t step, double pue, double supply_kw) {
    if (fleet_) {
      // Within the buildings' provisioned IT power; firm IT load is served first.
      const double it_capacity_kw = std::min(supply_kw / pue, columns.capacity_kw[step]);
      const FleetStep load = fleet_->step(step, it_capacity_kw - fleet_->last_firm_it_kw(),
                                          columns.price[step], columns.carbon[step]);
      columns.it_kw[step] = load.it_kw;
      columns.gpus_busy[step] = load.gpus_busy;
      columns.shed_kw[step] = load.flexible_shed_kw;
    } else {
      columns.it_kw[step] = constant_load_.it_load_kw(columns.capacity_kw[step]);
    }
    columns.facility_kw[step] = pue * columns.it_kw[step];
    columns.cooling_kw[step] = columns.facility_kw[step] - columns.it_kw[step];
  }

  [[nodiscard]] std::optional<ScheduleMetrics> metrics() const {
    return fleet_ ? std::optional<ScheduleMetrics>(fleet_->metrics()) : std::nullopt;
  }

 private:
  ConstantUtilisation constant_load_;
  ConstantPue constant_pue_;
  CoolingModel cooling_;
  bool weather_cooling_;
  bool persistence_;
  std::optional<ComputeFleet> fleet_;
};

// Writes one step's flows into the columns and totals, with the clean-energy accounting:
// renewables used directly, plus the renewable share of battery discharge (the stored energy is
// tracked as one pool with a renewable share, `clean_stored_kwh`).
void record_flows(std::size_t step, const DispatchFlows& flows, const DispatchRules& rules,
                  double step_h, SupplyPools& pools, Columns& columns, RunTotals& totals,
                  double& clean_stored_kwh) {
  columns.curtailed_kw[step] = flows.curtailed_kw;
  columns.charge_kw[step] = flows.battery_charge_kw;
  columns.discharge_kw[step] = flows.battery_discharge_kw;
  columns.gas_kw[step] = flows.gas_kw;
  columns.import_kw[step] = flows.grid_import_kw;
  columns.export_kw[step] = flows.grid_export_kw;
  columns.unserved_kw[step] = flows.unserved_kw;
  columns.energy_cost_usd[step] = flows.grid_import_kw * step_h * columns.price[step] / kKwhPerMwh;
  columns.export_revenue_usd[step] =
      flows.grid_export_kw * step_h * columns.price[step] * rules.export_price_share / kKwhPerMwh;
  columns.gas_cost_usd[step] = flows.gas_cost_usd;
  totals.gas_fuel_mmbtu += flows.gas_fuel_mmbtu;
  totals.gas_co2_kg += flows.gas_co2_kg;
  totals.gas_fuel_cost_usd += flows.gas_cost_usd;
  totals.gas_starts += flows.gas_starts;

  const double stored_before_kwh = pools.stored_before_kwh;
  double stored_after_kwh = 0.0;
  for (std::size_t i = 0; i < pools.battery_count; ++i) {
    stored_after_kwh += pools.online_batteries[i]->state().soc_kwh;
  }
  for (std::size_t i = 0; i < pools.batteries.size(); ++i) {
    pools.soc_history[i][step] = pools.batteries[i]->soc_fraction();
  }
  const double clean_share = stored_before_kwh > 0.0 ? clean_stored_kwh / stored_before_kwh : 0.0;
  const double clean_discharge_kw = flows.battery_discharge_kw * clean_share;
  const double renewable_charge_kw = flows.battery_charge_kw - flows.battery_charge_from_grid_kw;
  clean_stored_kwh = flows.battery_charge_kw > 0.0
                         ? clean_stored_kwh + (stored_after_kwh - stored_before_kwh) *
                                                  renewable_charge_kw / flows.battery_charge_kw
                         : clean_share * stored_after_kwh;
  clean_stored_kwh = std::clamp(clean_stored_kwh, 0.0, stored_after_kwh);
  totals.clean_used_kwh +=
      (std::min(columns.solar_kw[step] + columns.wind_kw[step], columns.facility_kw[step]) +
       clean_discharge_kw) *
      step_h;
  columns.soc_kwh[step] = stored_after_kwh;
}

// Policy "rules": load and dispatch step by step; the power budget sees the supply's present
// reach (renewables as forecast, the batteries' and gas plants' reach, the import limit).
void run_rules(const Scenario& scenario, const TimeGrid& grid, const SimulationOptions& options,
               LoadModel& load, SupplyPools& pools, Columns& columns, RunTotals& totals) {
  const DispatchRules rules = dispatch_rules(scenario);
  const double step_h = grid.step_h();
  const std::size_t report_every = std::max<std::size_t>(1, grid.size() / kProgressReports);
  double clean_stored_kwh = 0.0;  // renewable share of the energy in the batteries

  for (std::size_t step = 0; step < grid.size(); ++step) {
    const double pue = load.pue(columns, step);
    pools.select(scenario, step);
    double supply_kw = 0.0;
    if (load.fleet()) {
      const std::size_t seen = load.seen(step);
      supply_kw = columns.solar_kw[seen] + columns.wind_kw[seen] + rules.import_limit_kw;
      for (std::size_t i = 0; i < pools.battery_count; ++i) {
        supply_kw += pools.online_batteries[i]->max_discharge_kw(step_h);
      }
      for (std::size_t i = 0; i < pools.plant_count; ++i) {
        supply_kw += pools.online_plants[i]->max_output_kw(step_h);
      }
    }
    load.step(columns, step, pue, supply_kw);

    const DispatchInput input{columns.facility_kw[step], columns.solar_kw[step],
                              columns.wind_kw[step], columns.price[step], columns.carbon[step]};
    const DispatchFlows flows = dispatch_step(rules, input, pools.online(), step_h);
    record_flows(step, flows, rules, step_h, pools, columns, totals, clean_stored_kwh);

    if (options.progress && (step + 1) % report_every == 0) {
      options.progress(step + 1, grid.size());
    }
  }
}

// Policies "lp" and "mpc": a load pass with the power budget of the nameplate supply, then the
// plan (planned_dispatch.hpp) executed step by step through the physical models
// (planned_step.hpp). A window whose LP is not optimal runs the rules for its interval.
void run_planned(const Scenario& scenario, const TimeGrid& grid, const SimulationOptions& options,
                 LoadModel& load, SupplyPools& pools, Columns& columns, RunTotals& totals,
                 Results& results) {
  const DispatchRules rules = dispatch_rules(scenario);
  const double step_h = grid.step_h();
  const std::size_t report_every = std::max<std::size_t>(1, grid.size() / kProgressReports);

  // Load pass: renewables (as the budget forecast sees them) + import limit + the power of the
  // batteries and the capacity of the gas plants online.
  for (std::size_t step = 0; step < grid.size(); ++step) {
    const double pue = load.pue(columns, step);
    double supply_kw = 0.0;
    if (load.fleet()) {
      pools.select(scenario, step);
      const std::size_t seen = load.seen(step);
      supply_kw = columns.solar_kw[seen] + columns.wind_kw[seen] + rules.import_limit_kw;
      for (std::size_t i = 0; i < pools.battery_count; ++i) {
        supply_kw += pools.online_batteries[i]->params().discharge_limit_kw();
      }
      for (std::size_t i = 0; i < pools.plant_count; ++i) {
        supply_kw += pools.online_plants[i]->capacity_kw();
      }
    }
    load.step(columns, step, pue, supply_kw);
  }

  DispatchPlanner planner(scenario, grid,
                          PlannerSeries{columns.facility_kw, columns.solar_kw, columns.wind_kw,
                                        columns.price, columns.carbon});
  double clean_stored_kwh = 0.0;
  std::size_t rules_until = 0;  // steps before this run the rules (a window not optimal)
  int failed_windows = 0;
  std::string first_failure;
  for (std::size_t step = 0; step < grid.size(); ++step) {
    pools.select(scenario, step);
    if (step % planner.interval_steps() == 0) {
      const lp::Status status = planner.plan(step, pools.stored_before_kwh, clean_stored_kwh);
      if (status != lp::Status::kOptimal) {
        rules_until = step + planner.interval_steps();
        if (failed_windows++ == 0) {
          first_failure = fmt::format("{} (window from {})", lp::to_string(status),
                                      grid.iso8601(step).substr(0, 16));
        }
      }
    }
    const DispatchInput input{columns.facility_kw[step], columns.solar_kw[step],
                              columns.wind_kw[step], columns.price[step], columns.carbon[step]};
    const DispatchFlows flows =
        step < rules_until
            ? dispatch_step(rules, input, pools.online(), step_h)
            : execute_planned_step(rules, planner.step(step), input, pools.online(), step_h);
    record_flows(step, flows, rules, step_h, pools, columns, totals, clean_stored_kwh);

    if (options.progress && (step + 1) % report_every == 0) {
      options.progress(step + 1, grid.size());
    }
  }
  totals.dispatch_lp_solves = planner.solves();
  totals.dispatch_lp_solve_seconds = planner.solve_seconds();
  totals.dispatch_lp_rows = planner.rows();
  totals.dispatch_lp_columns = planner.columns();
  if (failed_windows > 0) {
    results.add_warning(fmt::format(
        "dispatch LP: {} of {} windows not optimal, first {}; the rules ran their intervals",
        failed_windows, planner.solves(), first_failure));
  }
}

}  // namespace

Results simulate(const Scenario& scenario, const SimulationOptions& options) {
  const TimeGrid grid = run_grid(scenario);
  Results results(grid);
  Columns columns(results);
  RunTotals totals;

  fill_online_capacity(scenario.buildings, grid, columns.capacity_kw, columns.gpus);
  add_weather_and_renewables(scenario, grid, columns, totals, results);
  {
    std::vector<std::string> warnings;
    fill_prices(scenario, grid, columns.price, warnings);
    fill_carbon_intensity(scenario, grid, columns.carbon, warnings);
    for (auto& warning : warnings) {
      results.add_warning(std::move(warning));
    }
  }

  SupplyPools pools(scenario, grid, totals);
  LoadModel load(scenario, grid);
  if (scenario.dispatch.policy == DispatchPolicy::kRules) {
    run_rules(scenario, grid, options, load, pools, columns, totals);
  } else {
    run_planned(scenario, grid, options, load, pools, columns, totals, results);
  }
  const double step_h = grid.step_h();
  const std::vector<std::unique_ptr<Battery>>& batteries = pools.batteries;
  const std::vector<std::vector<double>>& soc_history = pools.soc_history;

  // Battery wear over the run: rainflow cycles and calendar fade (assess_degradation).
  const double years = grid.duration_h() / (kHoursPerDay * kDaysPerYear);
  double capacity_left_kwh = 0.0;
  for (std::size_t i = 0; i < batteries.size(); ++i) {
    const DegradationResult wear =
        assess_degradation(batteries[i]->params(), soc_history[i], step_h, years);
    totals.battery_equivalent_full_cycles += wear.equivalent_full_cycles;
    capacity_left_kwh += wear.capacity_fraction * scenario.batteries[i].energy_kwh;
  }
  if (totals.battery_energy_kwh > 0.0) {
    totals.battery_capacity_left_fraction = capacity_left_kwh / totals.battery_energy_kwh;
  }
  add_four_cp(scenario, grid, columns, totals);
  totals.schedule = load.metrics();
  add_run_kpis(results, totals);
  (void)assess_campus_finance(scenario, results);
  if (results.kpi("unserved_energy_mwh") > 0.0) {
    results.add_warning(
        "the supply cannot serve the whole facility load: see unserved_kw in the "
        "time series");
  }
  return results;
}

}  // namespace stargate
