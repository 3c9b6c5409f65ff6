#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "stargate/core/units.hpp"
#include "stargate/energy/four_cp.hpp"
#include "stargate/energy/turbine_catalogue.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/optimize/capacity_expansion.hpp"
#include "stargate/sim/asset_models.hpp"
#include "stargate/sim/campus_simulation.hpp"
#include "stargate/sim/lp_supply_candidates.hpp"

namespace stargate {
namespace {

constexpr double kUnconstrainedGridFactor = 4.0;

double annual_cost_per_mw(double rate, double life_years, double capex_usd_per_kw,
                          double fixed_om_usd_per_kw_yr) {
  return (capital_recovery_factor(rate, life_years) * capex_usd_per_kw + fixed_om_usd_per_kw_yr) *
         kKwPerMw;
}

CapacityChoice chosen(double max_kw, double annual_cost_usd_per_mw) {
  CapacityChoice choice;
  choice.choose = max_kw > 0.0;
  choice.max = max_kw / kKwPerMw;
  choice.annual_cost_usd_per_unit = annual_cost_usd_per_mw;
  return choice;
}

// The baseline run: the scenario at the LP step with a grid large enough that the fleet is never
// held back by the supply, so its load is what the compute asks for.
CampusRun baseline_run(const Scenario& scenario, const RunInputs& inputs) {
  Scenario baseline = scenario;
  double it_kw = 0.0;
  for (const BuildingSection& building : scenario.buildings) {
    it_kw += building.it_capacity_kw;
  }
  baseline.grid.import_limit_kw =
      std::max(scenario.grid.import_limit_kw, kUnconstrainedGridFactor * it_kw);
  return simulate(baseline, inputs);
}

void add_solar_candidates(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid,
                          ExpansionInputs& in) {
  const OptimizeSection& o = scenario.optimize;
  const FinanceSection& f = scenario.finance;
  std::vector<SolarSection> designs = scenario.solar;
  if (designs.empty()) {
    SolarSection array;
    array.name = "solar";
    designs.push_back(array);
    in.notes.emplace_back(
        "no [[solar]] array in the scenario: the solar candidate is a 1-axis backtracking "
        "tracker with the default PVWatts inputs");
  }
  for (SolarSection design : designs) {
    design.online = grid.time(0);
    RenewableCandidate candidate;
    candidate.name = design.name;
    candidate.output_per_mw = solar_output_per_mw(design, inputs.weather, grid);
    // Capital cost is per kW AC: per kW DC it is divided by the DC/AC ratio.
    candidate.capacity = chosen(
        o.solar_max_kw, annual_cost_per_mw(f.energy_rate, f.energy_life_years,
                                           f.solar_cost_usd_per_kw / design.dc_ac_ratio,
                                           f.solar_fixed_om_usd_per_kw_yr / design.dc_ac_ratio));
    in.problem.solar.push_back(std::move(candidate));
    in.solar_designs.push_back(design);
  }
}

void add_wind_candidates(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid,
                         ExpansionInputs& in) {
  const OptimizeSection& o = scenario.optimize;
  const FinanceSection& f = scenario.finance;
  std::vector<WindSection> designs = scenario.wind;
  if (designs.empty()) {
    WindSection farm;
    farm.name = "wind";
    designs.push_back(farm);
    in.notes.emplace_back(
        fmt::format("no [[wind]] farm in the scenario: the wind candidate uses turbine {} at {} m",
                    farm.turbine, farm.hub_height_m));
  }
  for (std::size_t w = 0; w < designs.size(); ++w) {
    WindSection design = designs[w];
    design.online = grid.time(0);
    // A scenario farm's curve from the inputs; the default farm's from the catalogue.
    const PowerCurve curve =
        w < scenario.wind.size() ? inputs.farm_curves[w] : catalogue_turbine(design.turbine);
    RenewableCandidate candidate;
    candidate.name = design.name;
    candidate.output_per_mw = wind_output_per_mw(design, curve, *inputs.wind,
                                                 scenario.wind_resource.shear_exponent, grid);
    candidate.capacity = chosen(
        o.wind_max_kw, annual_cost_per_mw(f.energy_rate, f.energy_life_years,
                                          f.wind_cost_usd_per_kw, f.wind_fixed_om_usd_per_kw_yr));
    in.problem.wind.push_back(std::move(candidate));
    in.wind_designs.push_back(design);
    in.wind_curves.push_back(curve);
  }
}

// Extra GPUs of the first building's type, each with its IT power at full load (GPU x node
// overhead x (1 + network and storage)) of building: annual cost per MW of IT = GPUs per MW x
// price x (CRF(gpu rate, gpu life) + GPU O&M) + building capex per kW x (CRF(facility rate,
// building life) + building O&M), x 1000.
void add_extra_gpus(const Scenario& scenario, const RunInputs& inputs, double flexible_share,
                    ExpansionInputs& in) {
  const OptimizeSection& o = scenario.optimize;
  if (o.extra_gpus_max <= 0 || scenario.buildings.empty()) {
    return;
  }
  if (flexible_share <= 0.0) {
    in.notes.emplace_back(
        "optimize.extra_gpus_max is ignored: there is no flexible work for extra GPUs to move");
    return;
  }
  const FinanceSection& f = scenario.finance;
  const GpuType& type = inputs.gpu_types.front();
  in.extra_gpu_it_kw =
      type.tdp_w / kWPerKw * type.node_overhead_factor * (1.0 + type.network_storage_fraction);
  const double gpu_usd_per_kw = type.price_usd / in.extra_gpu_it_kw;
  const double annual_usd_per_mw =
      annual_cost_per_mw(f.gpu_rate, f.gpu_life_years, gpu_usd_per_kw,
                         gpu_usd_per_kw * f.gpu_fixed_om_fraction_per_yr) +
      annual_cost_per_mw(f.facility_rate, f.building_life_years, f.building_cost_usd_per_kw,
                         f.building_cost_usd_per_kw * f.building_fixed_om_fraction_per_yr);
  in.problem.extra_it_mw =
      chosen(static_cast<double>(o.extra_gpus_max) * in.extra_gpu_it_kw, annual_usd_per_mw);
  in.extra_gpu_type = type.name;
  in.notes.emplace_back(fmt::format(
      "extra GPUs: {} at {:.3g} kW of IT each, {:.3g} M$ a year per MW of IT (GPUs and building)",
      type.name, in.extra_gpu_it_kw, annual_usd_per_mw / 1e6));
}

// The load from the baseline run: firm load at the meter, flexible IT within its headroom, PUE,
// prices and carbon per step. Returns the flexible share used (0 for a constant-utilisation
// load: the LP must not count on flexibility the simulation cannot deliver).
double add_load(const Scenario& scenario, const RunInputs& inputs, ExpansionInputs& in) {
  SupplyLpProblem& p = in.problem;
  const CampusRun baseline = baseline_run(scenario, inputs);
  const std::size_t steps = baseline.grid.size();
  const std::vector<double>& it = baseline.series.it_load_kw;
  const std::vector<double>& shed = baseline.series.flexible_shed_kw;
  const std::vector<double>& facility = baseline.series.facility_load_kw;
  const std::vector<double>& online = baseline.series.online_it_capacity_kw;
  const std::vector<double>& price = baseline.series.price_usd_per_mwh;
  const std::vector<double>& carbon = baseline.series.carbon_kg_per_mwh;
  p.firm_load_mw.resize(steps);
  p.flexible_it_mw.resize(steps);
  p.flexible_it_max_mw.resize(steps);
  p.pue.resize(steps);
  p.price_usd_per_mwh.assign(price.begin(), price.end());
  p.carbon_t_per_mwh.resize(steps);
  double flexible_share = scenario.optimize.flexible_share;
  if (scenario.compute.model != ComputeModel::kFleet && flexible_share > 0.0) {
    flexible_share = 0.0;
    in.notes.emplace_back(
        "compute.model is constant-utilisation: all load is firm (optimize.flexible_share "
        "applies to the fleet model only)");
  }
  double last_pue = 1.0;
  for (std::size_t t = 0; t < steps; ++t) {
    const double demand_kw = it[t] + shed[t];
    const double pue = it[t] > 0.0 ? facility[t] / it[t] : last_pue;
    last_pue = pue;
    const double flexible_kw = flexible_share * demand_kw;
    const double firm_it_kw = demand_kw - flexible_kw;
    p.pue[t] = pue;
    p.flexible_it_mw[t] = flexible_kw / kKwPerMw;
    p.flexible_it_max_mw[t] = std::max(flexible_kw, online[t] - firm_it_kw) / kKwPerMw;
    p.firm_load_mw[t] = pue * firm_it_kw / kKwPerMw;
    p.carbon_t_per_mwh[t] = carbon[t] / kKwhPerMwh;
  }
  return flexible_share;
}

// ERCOT 4CP: rate / 4 per MW imported in each summer peak interval of the synthetic system load
// (the engine's, energy/four_cp.hpp), per year of the run.
std::vector<double> four_cp_usd_per_mw(const Scenario& scenario, const TimeGrid& grid) {
  std::vector<double> charge = four_cp_step_prices_usd_per_kw(
      grid, synthetic_ercot_system_load_mw(grid, static_cast<std::uint64_t>(scenario.run.seed)),
      scenario.grid.four_cp_rate_usd_per_kw_yr);
  for (double& value : charge) {
    value *= kKwPerMw;
  }
  return charge;
}

// The scenario's batteries as one candidate (the defaults when it has none), its power and
// energy chosen.
void add_battery_candidate(const Scenario& scenario, const TimeGrid& grid, ExpansionInputs& in) {
  const OptimizeSection& o = scenario.optimize;
  const FinanceSection& f = scenario.finance;
  const bool charge_from_grid = scenario.dispatch.battery_charge_from_grid;
  std::optional<BatteryCandidate> battery =
      lp_battery(scenario.batteries, charge_from_grid, grid, 0, grid.size());
  if (!battery) {
    BatterySection defaults;
    defaults.energy_kwh = 1.0;
    defaults.online = grid.time(0);
    battery = lp_battery(std::span(&defaults, 1), charge_from_grid, grid, 0, grid.size());
    in.notes.emplace_back(
        "no [[battery]] in the scenario: the battery candidate has the "
        "default round trip, SOC limits and self-discharge");
  }
  battery->available.clear();
  battery->power_mw = chosen(
      o.battery_power_max_kw,
      annual_cost_per_mw(f.energy_rate, f.energy_life_years, o.battery_power_cost_usd_per_kw,
                         f.battery_fixed_om_fraction_per_yr * o.battery_power_cost_usd_per_kw));
  battery->energy_mwh =
      chosen(o.battery_energy_max_kwh,
             annual_cost_per_mw(
                 f.energy_rate, f.energy_life_years, f.battery_cost_usd_per_mwh / kKwhPerMwh,
                 f.battery_fixed_om_fraction_per_yr * f.battery_cost_usd_per_mwh / kKwhPerMwh));
  in.problem.battery = battery;
}

// The scenario's gas plants as one candidate (the defaults, without a ramp limit, when it has
// none), its capacity chosen.
void add_gas_candidate(const Scenario& scenario, const TimeGrid& grid, ExpansionInputs& in) {
  const FinanceSection& f = scenario.finance;
  std::optional<GasCandidate> gas = lp_gas(scenario.gas, grid, 0, grid.size());
  if (!gas) {
    GasSection defaults;
    defaults.unit_capacity_kw = 1.0;
    defaults.online = grid.time(0);
    gas = lp_gas(std::span(&defaults, 1), grid, 0, grid.size());
    gas->ramp_fraction_per_step = 1.0;
    in.notes.emplace_back(
        "no [[gas]] plant in the scenario: the gas candidate has the "
        "default heat rate, fuel price and VOM and no ramp limit");
  }
  gas->available.clear();
  gas->capacity_mw =
      chosen(scenario.optimize.gas_max_kw,
             annual_cost_per_mw(f.energy_rate, f.energy_life_years, f.gas_cost_usd_per_kw,
                                f.gas_fixed_om_usd_per_kw_yr));
  in.problem.gas = gas;
}

// The grid connection: the import limit chosen at the interconnection's cost (the maximum when
// it is free), exports as in the scenario.
void add_grid(const Scenario& scenario, ExpansionInputs& in) {
  const FinanceSection& f = scenario.finance;
  GridCandidate& grid = in.problem.grid;
  grid.import_mw = chosen(scenario.optimize.import_max_kw,
                          annual_cost_per_mw(f.facility_rate, f.building_life_years,
                                             f.interconnection_cost_usd_per_kw, 0.0));
  if (grid.import_mw.choose && f.interconnection_cost_usd_per_kw <= 0.0) {
    // A free connection has no least size: every limit from the peak need up to the maximum
    // costs the same. It is the maximum, not a choice (an interior point would return any size
    // in that range).
    grid.import_mw.choose = false;
    grid.import_mw.fixed = grid.import_mw.max;
    in.notes.emplace_back(fmt::format(
        "finance.interconnection_cost is 0: the import limit is optimize.import_max ({:g} MW), "
        "not chosen",
        grid.import_mw.max));
  } else if (!grid.import_mw.choose) {
    grid.import_mw.fixed = 0.0;
  }
  grid.export_limit_mw = scenario.grid.export_limit_kw / kKwPerMw;
  grid.export_price_share = scenario.grid.export_price_share;
}

}  // namespace

InputNeeds expansion_needs(const Scenario& scenario) {
  return InputNeeds{.wind_resource = scenario.optimize.wind_max_kw > 0.0};
}

ExpansionInputs expansion_inputs(const Scenario& original, const RunInputs& inputs) {
  Scenario scenario = original;
  scenario.run.step_s = original.optimize.step_s;
  const OptimizeSection& o = scenario.optimize;
  const TimeGrid grid = run_grid(scenario);

  ExpansionInputs in;
  SupplyLpProblem& p = in.problem;
  p.step_h = grid.step_h();
  p.horizon_years = grid.duration_years();
  const double flexible_share = add_load(scenario, inputs, in);
  const double window_h =
      o.flexible_window == FlexibleWindow::kDay ? kHoursPerDay : kHoursPerDay * kDaysPerWeek;
  p.flexible_window_steps = static_cast<std::size_t>(std::lround(window_h / p.step_h));
  add_extra_gpus(scenario, inputs, flexible_share, in);
  p.max_shed_fraction = o.max_shed_fraction;
  p.shed_cost_usd_per_mwh = o.compute_value_usd_per_mwh;
  p.demand_charge_usd_per_mw = four_cp_usd_per_mw(scenario, grid);
  p.carbon_price_usd_per_t = scenario.dispatch.carbon_price_usd_per_t;
  if (o.solar_max_kw > 0.0) {
    add_solar_candidates(scenario, inputs, grid, in);
  }
  if (o.wind_max_kw > 0.0) {
    add_wind_candidates(scenario, inputs, grid, in);
  }
  if (o.battery_power_max_kw > 0.0 && o.battery_energy_max_kwh > 0.0) {
    add_battery_candidate(scenario, grid, in);
  }
  if (o.gas_max_kw > 0.0) {
    add_gas_candidate(scenario, grid, in);
  }
  add_grid(scenario, in);
  p.min_clean_share = o.clean_share;
  p.min_cfe_share = o.cfe;
  p.max_curtailed_fraction = o.max_curtailed_fraction;
  return in;
}

}  // namespace stargate
