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

double gpu_price_usd(const Scenario& scenario, const BuildingSection& building) {
  for (const GpuTypeSection& type : scenario.gpu_types) {
    if (type.name == building.gpu_type) {
      return type.price_usd;
    }
  }
  return catalogue_gpu(building.gpu_type).price_usd;
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
  int last_run_quarter = -1;  // relative to the horizon; -1: the run is outside it
  for (std::size_t step = 0; step < grid.size(); ++step) {
    const int q = quarter_index(grid.time(step)) - first_quarter_index;
    if (q >= 0 && static_cast<std::size_t>(q) < quarters) {
      run[static_cast<std::size_t>(q)] += per_step[step];
      last_run_quarter = std::max(last_run_quarter, q);
    }
  }
  if (last_run_quarter < 0) {
    return run;
  }
  for (std::size_t q = static_cast<std::size_t>(last_run_quarter) + 1; q < quarters; ++q) {
    run[q] = q >= kQuartersPerYear ? run[q - kQuartersPerYear] : 0.0;
  }
  return run;
}

bool is_on_site_energy(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::kSolar:
    case AssetClass::kWind:
    case AssetClass::kBatteryEnergy:
    case AssetClass::kBatteryPower:
    case AssetClass::kGas: return true;
    default: return false;
  }
}

double energy_kwh(const Results& results, std::string_view column) {
  double kwh = 0.0;
  for (const double kw : results.column(column)) {
    kwh += kw * results.grid().step_h();
  }
  return kwh;
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

}  // namespace

std::vector<CapitalAsset> campus_capital_assets(const Scenario& scenario, LocalTime run_start) {
  const FinanceSection& f = scenario.finance;
  std::vector<CapitalAsset> assets;
  const auto add = [&](std::string name, AssetClass asset_class, double capex_usd, LocalTime online,
                       double life_years, bool replace, double fixed_om_usd_per_year) {
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
    asset.fixed_om_usd_per_year = fixed_om_usd_per_year;
    assets.push_back(std::move(asset));
  };
  for (const BuildingSection& building : scenario.buildings) {
    const double building_usd = building.it_capacity_kw * f.building_cost_usd_per_kw;
    add(building.name, AssetClass::kBuilding, building_usd, building.online, f.building_life_years,
        false, building_usd * f.building_fixed_om_fraction_per_yr);
    if (!f.tenant_buys_gpus) {
      const double gpus_usd =
          static_cast<double>(building.gpus) * gpu_price_usd(scenario, building);
      add(building.name + " GPUs", AssetClass::kGpus, gpus_usd, building.online, f.gpu_life_years,
          true, gpus_usd * f.gpu_fixed_om_fraction_per_yr);
    }
  }
  for (const SolarSection& solar : scenario.solar) {
    const double ac_kw = solar.dc_capacity_kw / solar.dc_ac_ratio;
    add(solar.name, AssetClass::kSolar, ac_kw * f.solar_cost_usd_per_kw,
        std::max(solar.online, run_start), f.energy_life_years, false,
        ac_kw * f.solar_fixed_om_usd_per_kw_yr);
  }
  for (std::size_t i = 0; i < scenario.wind.size(); ++i) {
    const WindSection& wind = scenario.wind[i];
    const double capacity_kw =
        static_cast<double>(wind.turbines) * farm_power_curve(scenario, i).rated_kw;
    add(wind.name, AssetClass::kWind, capacity_kw * f.wind_cost_usd_per_kw,
        std::max(wind.online, run_start), f.energy_life_years, false,
        capacity_kw * f.wind_fixed_om_usd_per_kw_yr);
  }
  for (const BatterySection& battery : scenario.batteries) {
    const double battery_usd = battery.energy_kwh / kKwhPerMwh * f.battery_cost_usd_per_mwh;
    add(battery.name, AssetClass::kBatteryEnergy, battery_usd, std::max(battery.online, run_start),
        f.energy_life_years, false, battery_usd * f.battery_fixed_om_fraction_per_yr);
  }
  for (const GasSection& gas : scenario.gas) {
    const double capacity_kw = static_cast<double>(gas.units) * gas.unit_capacity_kw;
    add(gas.name, AssetClass::kGas, capacity_kw * f.gas_cost_usd_per_kw,
        std::max(gas.online, run_start), f.energy_life_years, false,
        capacity_kw * f.gas_fixed_om_usd_per_kw_yr);
  }
  add("Grid connection", AssetClass::kInterconnection,
      scenario.grid.import_limit_kw * f.interconnection_cost_usd_per_kw, run_start,
      f.building_life_years, false, 0.0);
  return assets;
}

CampusFinance campus_finance_on(const Scenario& scenario, const Results& results,
                                const FinanceWindow& window) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = results.grid();
  CampusFinance finance;
  finance.assets = campus_capital_assets(scenario, grid.start());
  const QuarterHorizon horizon{window.first_year, window.first_quarter, window.quarters};
  const int first_index = quarter_index(window.start);
  finance.plan = funding_plan(scenario, window.end);

  // Operating flows per step, then per quarter.
  const double step_h = grid.step_h();
  const auto energy_cost = results.column("energy_cost_usd");
  const auto export_revenue = results.column("export_revenue_usd");
  const auto gas_cost = results.column("gas_cost_usd");
  const auto busy = results.column("gpus_busy");
  const auto online = results.column("gpus_online");
  const bool fleet = scenario.compute.model == ComputeModel::kFleet;
  const bool gpu_hour_revenue = f.revenue == RevenueModel::kGpuHours;
  const double four_cp_per_step =
      results.kpi("four_cp_charge_usd") / static_cast<double>(grid.size());
  std::vector<double> energy(grid.size());
  std::vector<double> fuel(grid.size());
  std::vector<double> revenue(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double gpus = fleet ? busy[i] : online[i] * scenario.compute.it_utilisation;
    const double net_energy = energy_cost[i] + four_cp_per_step;
    energy[i] = std::max(0.0, net_energy);
    fuel[i] = gas_cost[i];
    revenue[i] = (gpu_hour_revenue ? gpus * step_h * f.gpu_hour_price_usd : 0.0) +
                 export_revenue[i] + std::max(0.0, -net_energy);
  }
  VariableFlows variable;
  variable.energy_cost_usd = quarterly(results, energy, first_index, horizon.quarters);
  variable.fuel_cost_usd = quarterly(results, fuel, first_index, horizon.quarters);
  variable.revenue_usd = quarterly(results, revenue, first_index, horizon.quarters);
  if (!gpu_hour_revenue) {
    const std::vector<double> lease =
        lease_income_by_quarter(finance.plan.leases, make_cash_flow_table(horizon));
    for (std::size_t q = 0; q < horizon.quarters; ++q) {
      variable.revenue_usd[q] += lease[q];
    }
  }
  finance.cash_flows = build_cash_flows(finance.assets, horizon, variable);
  finance.funding = assess_funding(finance.cash_flows, finance.plan);
  return finance;
}

CampusFinance assess_campus_finance(const Scenario& scenario, Results& results) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = results.grid();
  CampusFinance finance =
      campus_finance_on(scenario, results, finance_window(scenario, grid.start()));

  // KPIs: capital, annual cost and cost per GPU-hour, energy costs, returns, funding.
  double capex_usd = 0.0;
  double annualised_capital_usd = 0.0;
  double fixed_om_usd_per_year = 0.0;
  std::vector<LevelisedCostInputs> on_site;
  double interconnection_usd_per_year = 0.0;
  for (const CapitalAsset& asset : finance.assets) {
    const double rate = rate_of(f, asset.asset_class);
    capex_usd += asset.capex_usd;
    annualised_capital_usd += asset.capex_usd * capital_recovery_factor(rate, asset.lifetime_years);
    fixed_om_usd_per_year += asset.fixed_om_usd_per_year;
    if (is_on_site_energy(asset.asset_class)) {
      on_site.push_back(LevelisedCostInputs{asset.capex_usd, rate, asset.lifetime_years,
                                            asset.fixed_om_usd_per_year, 0.0});
    } else if (asset.asset_class == AssetClass::kInterconnection) {
      interconnection_usd_per_year +=
          annualised_capex_usd_per_year(asset.capex_usd, rate, asset.lifetime_years);
    }
  }
  const double years_simulated = grid.duration_h() / (kHoursPerDay * kDaysPerYear);
  const double net_energy_usd_per_year = results.kpi("net_energy_cost_usd") / years_simulated;
  const double gas_usd_per_year = results.kpi("gas_cost_usd") / years_simulated;
  double gpu_hours = 0.0;
  {
    const auto busy = results.column("gpus_busy");
    const auto online = results.column("gpus_online");
    const bool fleet = scenario.compute.model == ComputeModel::kFleet;
    for (std::size_t i = 0; i < grid.size(); ++i) {
      gpu_hours += (fleet ? busy[i] : online[i] * scenario.compute.it_utilisation) * grid.step_h();
    }
  }
  const double gpu_hours_per_year = gpu_hours / years_simulated;
  const double annual_cost =
      annualised_capital_usd + fixed_om_usd_per_year + net_energy_usd_per_year;
  results.add_kpi("finance", "capex_total_usd", capex_usd, "USD", "Capital cost of the campus");
  results.add_kpi("finance", "annualised_capital_cost_usd_per_yr", annualised_capital_usd, "USD/yr",
                  "Annualised capital (capital recovery factors)");
  results.add_kpi("finance", "fixed_om_usd_per_yr", fixed_om_usd_per_year, "USD/yr",
                  "Fixed O&M, all assets in service");
  results.add_kpi("finance", "annual_cost_usd_per_yr", annual_cost, "USD/yr",
                  "Annual cost: capital + fixed O&M + energy");
  results.add_kpi("finance", "gpu_hours_delivered_per_yr", gpu_hours_per_year, "GPU-h/yr",
                  "GPU-hours delivered per year");
  results.add_kpi("finance", "cost_per_gpu_hour_usd_per_gpu_h",
                  gpu_hours_per_year > 0.0 ? annual_cost / gpu_hours_per_year : 0.0, "USD/GPU-h",
                  "Cost per GPU-hour delivered");

  // Energy: levelised cost of on-site generation, average cost of delivered energy.
  const double on_site_kwh_per_year =
      (energy_kwh(results, "solar_kw") + energy_kwh(results, "wind_kw") -
       energy_kwh(results, "curtailed_kw") + energy_kwh(results, "gas_kw")) /
      years_simulated;
  double on_site_usd_per_year = gas_usd_per_year;
  for (const LevelisedCostInputs& asset : on_site) {
    on_site_usd_per_year += annual_cost_usd_per_year(asset);
  }
  if (on_site_kwh_per_year > 0.0) {
    on_site.push_back(LevelisedCostInputs{0.0, f.energy_rate, 1.0, 0.0, gas_usd_per_year});
    results.add_kpi("finance", "lcoe_on_site_usd_per_mwh",
                    lcoe_usd_per_mwh(on_site, on_site_kwh_per_year), "USD/MWh",
                    "Levelised cost of on-site energy");
  }
  const double served_kwh_per_year =
      (energy_kwh(results, "facility_load_kw") - energy_kwh(results, "unserved_kw")) /
      years_simulated;
  if (served_kwh_per_year > 0.0) {
    const double delivered_usd_per_year = on_site_usd_per_year - gas_usd_per_year +
                                          interconnection_usd_per_year + net_energy_usd_per_year;
    results.add_kpi("finance", "delivered_energy_cost_usd_per_mwh",
                    delivered_usd_per_year / (served_kwh_per_year / kKwhPerMwh), "USD/MWh",
                    "Average cost of delivered energy");
  }

  double revenue_usd = 0.0;
  for (const double v : finance.cash_flows.revenue_usd) {
    revenue_usd += v;
  }
  results.add_kpi("finance", "revenue_total_usd", revenue_usd, "USD",
                  f.revenue == RevenueModel::kLease ? "Revenue over the horizon (lease)"
                                                    : "Revenue over the horizon (GPU-hours)");
  results.add_kpi("finance", "npv_usd",
                  npv(f.facility_rate, finance.cash_flows.net_cash_flow_usd, kYearsPerQuarter),
                  "USD", "NPV of the cash flows (facility rate)");
  if (const auto rate = irr(finance.cash_flows.net_cash_flow_usd, kYearsPerQuarter)) {
    results.add_kpi("finance", "irr_fraction", *rate, "fraction", "IRR of the cash flows");
  }
  if (const auto payback =
          simple_payback_years(finance.cash_flows.net_cash_flow_usd, kYearsPerQuarter)) {
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

}  // namespace stargate
