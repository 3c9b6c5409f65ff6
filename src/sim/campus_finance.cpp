#include "stargate/sim/campus_finance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/quarters.hpp"
#include "stargate/sim/wind_fleet.hpp"

namespace stargate {
namespace {

constexpr int kConstructionMonths = 12;
constexpr int kMonthsPerQuarter = 3;
constexpr int kQuartersPerYear = 4;

double gpu_price_usd(const Scenario& scenario, const BuildingSection& building) {
  for (const GpuTypeSection& type : scenario.gpu_types) {
    if (type.name == building.gpu_type) {
      return type.price_usd;
    }
  }
  return catalogue_gpu(building.gpu_type).price_usd;
}

std::vector<CapitalAsset> campus_assets(const Scenario& scenario, LocalTime run_start) {
  const FinanceSection& f = scenario.finance;
  std::vector<CapitalAsset> assets;
  const auto add = [&](std::string name, AssetClass asset_class, double capex_usd, LocalTime online,
                       double life_years, bool replace) {
    if (capex_usd <= 0.0) {
      return;
    }
    CapitalAsset asset;
    asset.name = std::move(name);
    asset.asset_class = asset_class;
    asset.capex_usd = capex_usd;
    asset.online = online;
    asset.construction_months = kConstructionMonths;
    asset.lifetime_years = life_years;
    asset.replace_at_end_of_life = replace;
    assets.push_back(std::move(asset));
  };
  for (const BuildingSection& building : scenario.buildings) {
    add(building.name, AssetClass::kBuilding, building.it_capacity_kw * f.building_cost_usd_per_kw,
        building.online, f.building_life_years, false);
    add(building.name + " GPUs", AssetClass::kGpus,
        static_cast<double>(building.gpus) * gpu_price_usd(scenario, building), building.online,
        f.gpu_life_years, true);
  }
  for (const SolarSection& solar : scenario.solar) {
    add(solar.name, AssetClass::kSolar,
        solar.dc_capacity_kw / solar.dc_ac_ratio * f.solar_cost_usd_per_kw,
        std::max(solar.online, run_start), f.energy_life_years, false);
  }
  for (std::size_t i = 0; i < scenario.wind.size(); ++i) {
    const WindSection& wind = scenario.wind[i];
    const double capacity_kw =
        static_cast<double>(wind.turbines) * farm_power_curve(scenario, i).rated_kw;
    add(wind.name, AssetClass::kWind, capacity_kw * f.wind_cost_usd_per_kw,
        std::max(wind.online, run_start), f.energy_life_years, false);
  }
  for (const BatterySection& battery : scenario.batteries) {
    add(battery.name, AssetClass::kBatteryEnergy,
        battery.energy_kwh / kKwhPerMwh * f.battery_cost_usd_per_mwh,
        std::max(battery.online, run_start), f.energy_life_years, false);
  }
  for (const GasSection& gas : scenario.gas) {
    add(gas.name, AssetClass::kGas,
        static_cast<double>(gas.units) * gas.unit_capacity_kw * f.gas_cost_usd_per_kw,
        std::max(gas.online, run_start), f.energy_life_years, false);
  }
  add("Grid connection", AssetClass::kInterconnection,
      scenario.grid.import_limit_kw * f.interconnection_cost_usd_per_kw, run_start,
      f.building_life_years, false);
  return assets;
}

double rate_of(const FinanceSection& f, AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::kGpus:
    case AssetClass::kNetworkStorage: return f.gpu_rate;
    case AssetClass::kBuilding:
    case AssetClass::kInterconnection:
    case AssetClass::kOther: return f.facility_rate;
    default: return f.energy_rate;
  }
}

// The quarter (year * 4 + quarter - 1) of a time.
int quarter_index(LocalTime time) {
  const CivilTime civil = civil_from_local(time);
  return civil.year * kQuartersPerYear + (civil.month - 1) / kMonthsPerQuarter;
}

// Per quarter of the horizon: the run's operating flows where it covers the quarter, the same
// season of the run's last year after it, nothing before it.
std::vector<double> quarterly(const Results& results, const std::vector<double>& per_step,
                              int first_quarter_index, std::size_t quarters) {
  const TimeGrid& grid = results.grid();
  std::vector<double> run(quarters, 0.0);
  int last_run_quarter = first_quarter_index;
  for (std::size_t step = 0; step < grid.size(); ++step) {
    const int q = quarter_index(grid.time(step)) - first_quarter_index;
    if (q >= 0 && static_cast<std::size_t>(q) < quarters) {
      run[static_cast<std::size_t>(q)] += per_step[step];
      last_run_quarter = std::max(last_run_quarter, q);
    }
  }
  for (std::size_t q = static_cast<std::size_t>(last_run_quarter) + 1; q < quarters; ++q) {
    run[q] = run[q - kQuartersPerYear];
  }
  return run;
}

[[noreturn]] void fail_at(const Scenario& scenario, const std::string& field, std::string message) {
  throw InputError(
      Diagnostic{scenario.sources.find(field, SourceLocation{scenario.source_file, 1, 1}), field,
                 std::move(message)});
}

FundingPlan funding_plan(const Scenario& scenario, LocalTime horizon_end) {
  FundingPlan plan;
  plan.count_only_committed = scenario.finance.count_only_committed;
  const auto check = [&](const std::string& field, LocalTime date) {
    if (date >= horizon_end) {
      fail_at(scenario, field,
              fmt::format("expected a date before the end of the analysis ({}), got {}",
                          format_date(horizon_end), format_date(date)));
    }
  };
  for (std::size_t i = 0; i < scenario.equity.size(); ++i) {
    const EquitySection& e = scenario.equity[i];
    check(fmt::format("equity[{}].date", i), e.date);
    plan.equity.push_back(
        EquityCommitment{e.partner, e.amount_usd, e.date, static_cast<CommitmentStatus>(e.status)});
  }
  for (std::size_t i = 0; i < scenario.debt.size(); ++i) {
    const DebtSection& d = scenario.debt[i];
    check(fmt::format("debt[{}].available_from", i), d.available_from);
    plan.debt.push_back(DebtFacility{d.lender, d.amount_usd, d.interest_rate,
                                     d.tenor_s / kSecondsPerYear, d.available_from});
  }
  for (std::size_t i = 0; i < scenario.leases.size(); ++i) {
    const LeaseSection& l = scenario.leases[i];
    check(fmt::format("lease[{}].start", i), l.start);
    plan.leases.push_back(
        LeaseIncome{l.payer, l.amount_usd_per_year, l.start, l.term_s / kSecondsPerYear});
  }
  return plan;
}

Table cash_flow_table(const CashFlowTable& flows, const FundingTable& funding) {
  Table table;
  table.name = "cashflow";
  table.key_column = "quarter";
  for (const LocalTime start : flows.quarter_start) {
    table.keys.push_back(quarter_label(start));
  }
  const auto add = [&](std::string name, std::string description, std::vector<double> values) {
    table.columns.push_back(Series{std::move(name), std::move(description), std::move(values)});
  };
  for (std::size_t c = 0; c < kAssetClassCount; ++c) {
    const auto asset_class = static_cast<AssetClass>(c);
    add(fmt::format("capex_{}_usd", asset_class_name(asset_class)), "Capital spending on the class",
        flows.capex_by_class_usd[c]);
  }
  add("fixed_om_usd", "Fixed operation and maintenance", flows.fixed_om_usd);
  add("energy_cost_usd", "Grid energy and 4CP charges", flows.energy_cost_usd);
  add("fuel_cost_usd", "Gas fuel, variable O&M and starts", flows.fuel_cost_usd);
  add("revenue_usd", "GPU-hours sold and energy exported", flows.revenue_usd);
  add("total_cost_usd", "Capex, O&M, energy and fuel", flows.total_cost_usd);
  add("net_cash_flow_usd", "Revenue - total cost", flows.net_cash_flow_usd);
  add("funding_interest_usd", "Interest during construction (capitalised)", funding.interest_usd);
  add("funding_cumulative_uses_usd", "Capex and capitalised interest to date",
      funding.cumulative_uses_usd);
  add("funding_cumulative_sources_usd", "Equity, debt and lease income available to date",
      funding.cumulative_sources_usd);
  add("funding_position_usd", "Sources - uses (negative: a funding gap)", funding.position_usd);
  return table;
}

}  // namespace

CampusFinance assess_campus_finance(const Scenario& scenario, Results& results) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = results.grid();
  CampusFinance finance;
  finance.assets = campus_assets(scenario, grid.start());

  // The horizon: from the quarter of the first construction spend, analysis_years long.
  LocalTime first_spend = grid.start();
  for (const CapitalAsset& asset : finance.assets) {
    first_spend = std::min(first_spend, add_calendar_months(asset.online, -kConstructionMonths));
  }
  const CivilTime first = civil_from_local(first_spend);
  const QuarterHorizon horizon{first.year, (first.month - 1) / kMonthsPerQuarter + 1,
                               static_cast<std::size_t>(f.analysis_years * kQuartersPerYear)};
  const int first_index = quarter_index(first_spend);

  // Operating flows per step, then per quarter.
  const double step_h = grid.step_h();
  const auto energy_cost = results.column("energy_cost_usd");
  const auto export_revenue = results.column("export_revenue_usd");
  const auto gas_cost = results.column("gas_cost_usd");
  const auto busy = results.column("gpus_busy");
  const auto online = results.column("gpus_online");
  const bool fleet = scenario.compute.model == ComputeModel::kFleet;
  const double four_cp_per_step =
      results.kpi("four_cp_charge_usd") / static_cast<double>(grid.size());
  std::vector<double> energy(grid.size());
  std::vector<double> fuel(grid.size());
  std::vector<double> revenue(grid.size());
  double gpu_hours = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double gpus = fleet ? busy[i] : online[i] * scenario.compute.it_utilisation;
    gpu_hours += gpus * step_h;
    const double net_energy = energy_cost[i] + four_cp_per_step;
    energy[i] = std::max(0.0, net_energy);
    fuel[i] = gas_cost[i];
    revenue[i] =
        gpus * step_h * f.gpu_hour_price_usd + export_revenue[i] + std::max(0.0, -net_energy);
  }
  VariableFlows variable;
  variable.energy_cost_usd = quarterly(results, energy, first_index, horizon.quarters);
  variable.fuel_cost_usd = quarterly(results, fuel, first_index, horizon.quarters);
  variable.revenue_usd = quarterly(results, revenue, first_index, horizon.quarters);
  finance.cash_flows = build_cash_flows(finance.assets, horizon, variable);
  finance.funding = assess_funding(
      finance.cash_flows,
      funding_plan(scenario,
                   add_calendar_months(local_from_civil(CivilTime{
                                           horizon.first_year,
                                           (horizon.first_quarter - 1) * kMonthsPerQuarter + 1, 1}),
                                       static_cast<int>(horizon.quarters) * kMonthsPerQuarter)));

  // KPIs: capital, annual cost and cost per GPU-hour, returns, funding.
  double capex_usd = 0.0;
  double annualised_capital_usd = 0.0;
  for (const CapitalAsset& asset : finance.assets) {
    capex_usd += asset.capex_usd;
    annualised_capital_usd +=
        asset.capex_usd *
        capital_recovery_factor(rate_of(f, asset.asset_class), asset.lifetime_years);
  }
  const double years_simulated = grid.duration_h() / (kHoursPerDay * kDaysPerYear);
  const double operating_usd_per_year = (results.kpi("net_energy_cost_usd")) / years_simulated;
  const double gpu_hours_per_year = gpu_hours / years_simulated;
  const double annual_cost = annualised_capital_usd + operating_usd_per_year;
  results.add_kpi("finance", "capex_total_usd", capex_usd, "USD", "Capital cost of the campus");
  results.add_kpi("finance", "annualised_capital_cost_usd_per_yr", annualised_capital_usd, "USD/yr",
                  "Annualised capital (capital recovery factors)");
  results.add_kpi("finance", "annual_cost_usd_per_yr", annual_cost, "USD/yr",
                  "Annual cost: capital + energy");
  results.add_kpi("finance", "gpu_hours_delivered_per_yr", gpu_hours_per_year, "GPU-h/yr",
                  "GPU-hours delivered per year");
  results.add_kpi("finance", "cost_per_gpu_hour_usd_per_gpu_h",
                  gpu_hours_per_year > 0.0 ? annual_cost / gpu_hours_per_year : 0.0, "USD/GPU-h",
                  "Cost per GPU-hour delivered");
  constexpr double kQuarterYears = 0.25;
  results.add_kpi("finance", "npv_usd",
                  npv(f.facility_rate, finance.cash_flows.net_cash_flow_usd, kQuarterYears), "USD",
                  "NPV of the cash flows (facility rate)");
  if (const auto rate = irr(finance.cash_flows.net_cash_flow_usd, kQuarterYears)) {
    results.add_kpi("finance", "irr_fraction", *rate, "fraction", "IRR of the cash flows");
  }
  if (const auto payback =
          simple_payback_years(finance.cash_flows.net_cash_flow_usd, kQuarterYears)) {
    results.add_kpi("finance", "payback_years", *payback, "years", "Simple payback");
  }
  const FundingTable& funding = finance.funding;
  results.add_kpi("funding", "funding_uses_usd", funding.total_uses_usd, "USD",
                  "Uses: capex and capitalised interest");
  results.add_kpi("funding", "funding_sources_usd", funding.total_sources_usd, "USD",
                  "Sources counted");
  results.add_kpi("funding", "funding_coverage_fraction", funding.coverage_ratio, "fraction",
                  "Sources / uses");
  results.add_kpi("funding", "peak_funding_gap_usd", funding.peak_gap_usd, "USD",
                  "Peak funding gap");
  results.add_finding(funding.verdict);
  results.add_table(cash_flow_table(finance.cash_flows, finance.funding));
  return finance;
}

}  // namespace stargate
