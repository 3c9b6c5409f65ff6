#include "stargate/sim/campus_simulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/load_model.hpp"
#include "sim/market_profiles.hpp"
#include "sim/planned_dispatch.hpp"
#include "sim/solar_fleet.hpp"
#include "sim/supply_pools.hpp"
#include "sim/weather_to_grid.hpp"
#include "sim/wind_fleet.hpp"
#include "stargate/dispatch/battery_prices.hpp"
#include "stargate/dispatch/planned_step.hpp"
#include "stargate/dispatch/rule_dispatch.hpp"
#include "stargate/energy/four_cp.hpp"
#include "stargate/facility/building_phases.hpp"

namespace stargate {
namespace {

constexpr std::size_t kProgressReports = 100;

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

// Everything known before the loop: online capacity, weather, renewables, prices and carbon.
void fill_exogenous_series(const Scenario& scenario, const RunInputs& inputs, CampusRun& run) {
  const TimeGrid& grid = run.grid;
  RunSeries& series = run.series;
  fill_online_capacity(scenario.buildings, grid, series.online_it_capacity_kw, series.gpus_online);
  const WeatherToGrid to_grid(inputs.weather, grid);
  to_grid.apply(inputs.weather.temp_air_c, series.ambient_temp_c);
  const SolarFleet solar =
      add_solar_fleet(scenario.solar, inputs.weather, to_grid, grid, series.solar_kw);
  run.totals.marginal_carbon_kg_per_mwh = scenario.grid.marginal_carbon_intensity_kg_per_mwh;
  run.totals.solar_dc_capacity_kw = solar.dc_capacity_kw;
  run.totals.solar_ac_capacity_kw = solar.ac_capacity_kw;
  run.totals.solar_ac_capacity_hours = solar.ac_capacity_hours;
  if (!scenario.wind.empty()) {
    const WindFleet wind =
        add_wind_fleet(scenario, inputs.farm_curves, *inputs.wind, grid, series.wind_kw);
    run.totals.wind_capacity_kw = wind.capacity_kw;
    run.totals.wind_capacity_hours = wind.capacity_hours;
  }
  place_market_values(inputs.prices, scenario.grid.price_usd_per_mwh, grid,
                      series.price_usd_per_mwh);
  place_market_values(inputs.carbon, scenario.grid.carbon_intensity_kg_per_mwh, grid,
                      series.carbon_kg_per_mwh);
}

// The supply's reach that the power budget sees at `step`: renewables as forecast, the import
// limit and what the online batteries and plants can give.
double supply_reach_kw(const RunSeries& series, const LoadModel& load, const SupplyPools& pools,
                       double import_limit_kw, std::size_t step, double step_h, bool nameplate) {
  const std::size_t seen = load.seen(step);
  return pools.reach_kw(series.solar_kw[seen] + series.wind_kw[seen] + import_limit_kw, step_h,
                        nameplate);
}

// The rules' view of one step: its load, renewables, price and carbon, the battery signals and
// the day-ahead prices (the next 24 h).
DispatchInput dispatch_input(const RunSeries& series, const BatteryPriceSignals& battery,
                             std::size_t step, std::size_t day_steps) {
  const std::span<const double> prices(series.price_usd_per_mwh);
  return DispatchInput{series.facility_load_kw[step],
                       series.solar_kw[step],
                       series.wind_kw[step],
                       series.price_usd_per_mwh[step],
                       series.carbon_kg_per_mwh[step],
                       battery.charge_below_usd_per_mwh[step],
                       battery.value_usd_per_mwh[step],
                       prices.subspan(step, std::min(day_steps, prices.size() - step))};
}

std::size_t steps_per_day(const TimeGrid& grid) {
  return std::max<std::size_t>(
      1,
      static_cast<std::size_t>(std::llround(kSecondsPerDay / static_cast<double>(grid.step_s()))));
}

// The rules' battery signals: from the prices of the next 24 h (the batteries' combined duration
// and power-weighted efficiency), or the fixed threshold.
BatteryPriceSignals battery_signals(const Scenario& scenario, const RunSeries& series,
                                    double step_h) {
  const DispatchSection& d = scenario.dispatch;
  double power_kw = 0.0;
  double energy_kwh = 0.0;
  double efficiency_kw = 0.0;
  for (const BatterySection& b : scenario.batteries) {
    power_kw += b.power_kw;
    energy_kwh += b.energy_kwh;
    efficiency_kw += b.round_trip_efficiency * b.power_kw;
  }
  if (d.battery_prices == BatteryPrices::kFixed || !(power_kw > 0.0 && energy_kwh > 0.0)) {
    return fixed_battery_prices(series.price_usd_per_mwh.size(),
                                d.battery_charge_below_usd_per_mwh);
  }
  return rolling_battery_prices(series.price_usd_per_mwh, step_h, energy_kwh / power_kw,
                                efficiency_kw / power_kw);
}

class Progress {
 public:
  Progress(const SimulationOptions& options, std::size_t steps)
      : options_(options),
        steps_(steps),
        every_(std::max<std::size_t>(1, steps / kProgressReports)) {}
  void done(std::size_t step) const {
    if (options_.progress && (step + 1) % every_ == 0) {
      options_.progress(step + 1, steps_);
    }
  }

 private:
  const SimulationOptions& options_;
  std::size_t steps_;
  std::size_t every_;
};

// Policy "rules": load and dispatch step by step; the power budget sees the supply's present
// reach.
void run_rules(const Scenario& scenario, const SimulationOptions& options, LoadModel& load,
               SupplyPools& pools, CampusRun& run) {
  const DispatchRules rules = dispatch_rules(scenario);
  const TimeGrid& grid = run.grid;
  RunSeries& series = run.series;
  const double step_h = grid.step_h();
  const BatteryPriceSignals battery = battery_signals(scenario, series, step_h);
  const std::size_t day_steps = steps_per_day(grid);
  const Progress progress(options, grid.size());
  for (std::size_t step = 0; step < grid.size(); ++step) {
    const double pue = load.pue(series, step);
    pools.select(step);
    const double supply_kw =
        load.fleet()
            ? supply_reach_kw(series, load, pools, rules.import_limit_kw, step, step_h, false)
            : 0.0;
    load.step(series, step, pue, supply_kw);
    const DispatchFlows flows = dispatch_step(
        rules, dispatch_input(series, battery, step, day_steps), pools.online(), step_h);
    pools.record(step, flows, rules.export_price_share, scenario.grid.clean_fraction, step_h,
                 series, run.totals);
    progress.done(step);
  }
}

// Policies "lp" and "mpc": a load pass with the power budget of the nameplate supply, then the
// plan (planned_dispatch.hpp) executed step by step through the physical models
// (planned_step.hpp). A window whose LP is not optimal runs the rules for its interval.
void run_planned(const Scenario& scenario, const SimulationOptions& options,
                 std::span<const double> four_cp_usd_per_kw, LoadModel& load, SupplyPools& pools,
                 CampusRun& run) {
  const DispatchRules rules = dispatch_rules(scenario);
  const TimeGrid& grid = run.grid;
  RunSeries& series = run.series;
  const double step_h = grid.step_h();
  for (std::size_t step = 0; step < grid.size(); ++step) {
    const double pue = load.pue(series, step);
    double supply_kw = 0.0;
    if (load.fleet()) {
      pools.select(step);
      supply_kw = supply_reach_kw(series, load, pools, rules.import_limit_kw, step, step_h, true);
    }
    load.step(series, step, pue, supply_kw);
  }

  DispatchPlanner planner(
      scenario, grid,
      PlannerSeries{series.facility_load_kw, series.solar_kw, series.wind_kw,
                    series.price_usd_per_mwh, series.carbon_kg_per_mwh, four_cp_usd_per_kw,
                    run.totals.solar_ac_capacity_kw, run.totals.wind_capacity_kw});
  const BatteryPriceSignals battery = battery_signals(scenario, series, step_h);
  const std::size_t day_steps = steps_per_day(grid);
  const Progress progress(options, grid.size());
  std::size_t rules_until = 0;  // steps before this run the rules (a window not optimal)
  int failed_windows = 0;
  std::string first_failure;
  for (std::size_t step = 0; step < grid.size(); ++step) {
    pools.select(step);
    if (step % planner.interval_steps() == 0) {
      const lp::Status status = planner.plan(step, pools.stored_before_kwh(), pools.clean_kwh());
      if (status != lp::Status::kOptimal) {
        rules_until = step + planner.interval_steps();
        if (failed_windows++ == 0) {
          first_failure = fmt::format("{} (window from {})", lp::to_string(status),
                                      grid.iso8601(step).substr(0, 16));
        }
      }
    }
    const DispatchInput input = dispatch_input(series, battery, step, day_steps);
    const DispatchFlows flows =
        step < rules_until
            ? dispatch_step(rules, input, pools.online(), step_h)
            : execute_planned_step(rules, planner.step(step), input, pools.online(), step_h);
    pools.record(step, flows, rules.export_price_share, scenario.grid.clean_fraction, step_h,
                 series, run.totals);
    progress.done(step);
  }
  run.totals.dispatch_lp_solves = planner.solves();
  run.totals.dispatch_lp_solve_seconds = planner.solve_seconds();
  run.totals.dispatch_lp_rows = planner.rows();
  run.totals.dispatch_lp_columns = planner.columns();
  if (failed_windows > 0) {
    run.warnings.push_back(fmt::format(
        "dispatch LP: {} of {} windows not optimal, first {}; the rules ran their intervals",
        failed_windows, planner.solves(), first_failure));
  }
}

// The ERCOT 4CP charge of the run's imports, per year (energy/four_cp.hpp).
void add_four_cp(const Scenario& scenario, std::span<const double> system_mw, CampusRun& run) {
  const std::vector<FourCpCharge> years = four_cp_by_year(
      run.grid, system_mw, run.series.grid_import_kw, scenario.grid.four_cp_rate_usd_per_kw_yr);
  for (const FourCpCharge& year : years) {
    run.totals.four_cp_charge_usd += year.charge_usd_per_yr;
    run.totals.four_cp_demand_kw += year.demand_kw / static_cast<double>(years.size());
  }
}

}  // namespace

CampusRun simulate(const Scenario& scenario, const RunInputs& inputs,
                   const SimulationOptions& options) {
  CampusRun run{run_grid(scenario), RunSeries(run_grid(scenario).size()), {}, {}};
  fill_exogenous_series(scenario, inputs, run);
  // The synthetic ERCOT system load whose summer peaks set the 4CP charge (and the plans' 4CP
  // prices), when the campus pays one.
  const bool four_cp = scenario.grid.four_cp_rate_usd_per_kw_yr > 0.0;
  const std::vector<double> system_mw =
      four_cp
          ? synthetic_ercot_system_load_mw(run.grid, static_cast<std::uint64_t>(scenario.run.seed))
          : std::vector<double>{};

  SupplyPools pools(scenario, run.grid, run.totals);
  LoadModel load(scenario, inputs, run.grid);
  if (scenario.dispatch.policy == DispatchPolicy::kRules) {
    run_rules(scenario, options, load, pools, run);
  } else {
    const std::vector<double> four_cp_usd_per_kw =
        four_cp ? four_cp_step_prices_usd_per_kw(run.grid, system_mw,
                                                 scenario.grid.four_cp_rate_usd_per_kw_yr)
                : std::vector<double>{};
    run_planned(scenario, options, four_cp_usd_per_kw, load, pools, run);
  }
  pools.assess_wear(scenario, run.grid, run.totals);
  if (four_cp) {
    add_four_cp(scenario, system_mw, run);
  }
  run.totals.schedule = load.metrics();
  run.totals.throughput = load.throughput();
  return run;
}

}  // namespace stargate
