#include "stargate/sim/campus_finance.hpp"

#include <algorithm>
#include <array>

#include "sim/operating_years.hpp"
#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/quarters.hpp"
#include "stargate/finance/tax.hpp"

namespace stargate {
namespace {

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

// Per quarter of the horizon: the run's operating flows where it covers the quarter, the same
// season of the run's last year after it, nothing before it.
std::vector<double> quarterly(const TimeGrid& grid, const std::vector<double>& per_step,
                              int first_quarter_index, std::size_t quarters) {
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
    run[q] = q >= static_cast<std::size_t>(kQuartersPerYear) ? run[q - kQuartersPerYear] : 0.0;
  }
  return run;
}

FundingPlan funding_plan(const Scenario& scenario) {
  FundingPlan plan;
  plan.count_only_committed = scenario.finance.count_only_committed;
  for (const EquitySection& e : scenario.equity) {
    plan.equity.push_back(
        EquityCommitment{e.partner, e.amount_usd, e.date, static_cast<CommitmentStatus>(e.status)});
  }
  for (const DebtSection& d : scenario.debt) {
    plan.debt.push_back(debt_facility(d));
  }
  for (const LeaseSection& l : scenario.leases) {
    plan.leases.push_back(
        LeaseIncome{l.payer, l.amount_usd_per_year, l.start, l.term_s / kSecondsPerYear});
  }
  return plan;
}

// Per step of a run: energy cost (grid and 4CP, never negative), fuel, revenue (GPU-hours sold,
// exports and any net energy income).
struct StepFlows {
  std::vector<double> energy, fuel, revenue;
};

StepFlows step_flows(const Scenario& scenario, const CampusRun& run) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = run.grid;
  const RunSeries& series = run.series;
  const double step_h = grid.step_h();
  const bool gpu_hour_revenue = f.revenue == RevenueModel::kGpuHours;
  const double four_cp_per_step = run.totals.four_cp_charge_usd / static_cast<double>(grid.size());
  StepFlows flows{std::vector<double>(grid.size()), std::vector<double>(grid.size()),
                  std::vector<double>(grid.size())};
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double net_energy = series.energy_cost_usd[i] + four_cp_per_step;
    flows.energy[i] = std::max(0.0, net_energy);
    flows.fuel[i] = series.gas_cost_usd[i];
    flows.revenue[i] = (gpu_hour_revenue ? gpus_delivering(scenario.compute, series, i) * step_h *
                                               f.gpu_hour_price_usd
                                         : 0.0) +
                       series.export_revenue_usd[i] + std::max(0.0, -net_energy);
  }
  return flows;
}

// A calendar-year run's flows by quarter of its year.
YearFlows year_flows(const Scenario& scenario, const CampusRun& run) {
  const StepFlows flows = step_flows(scenario, run);
  YearFlows year;
  for (std::size_t i = 0; i < run.grid.size(); ++i) {
    const auto q = static_cast<std::size_t>(quarter_index(run.grid.time(i)) % kQuartersPerYear);
    year.energy_usd[q] += flows.energy[i];
    year.fuel_usd[q] += flows.fuel[i];
    year.revenue_usd[q] += flows.revenue[i];
  }
  return year;
}

// Year by year: each quarter of the horizon takes the same quarter of the year simulated for its
// calendar year's state (operating_years.hpp); nothing in a year without a building in service.
VariableFlows yearly_flows(const OperatingYears& years, const QuarterHorizon& horizon,
                           int first_quarter_index, std::vector<double>& operating_year) {
  VariableFlows variable;
  for (auto* column : {&variable.energy_cost_usd, &variable.fuel_cost_usd, &variable.revenue_usd}) {
    column->assign(horizon.quarters, 0.0);
  }
  operating_year.assign(horizon.quarters, 0.0);
  for (std::size_t q = 0; q < horizon.quarters; ++q) {
    const int index = first_quarter_index + static_cast<int>(q);
    const int k = index / kQuartersPerYear - years.first_year;
    if (k < 0 || static_cast<std::size_t>(k) >= years.state_of_year.size()) continue;
    const int state = years.state_of_year[static_cast<std::size_t>(k)];
    if (state < 0) continue;
    const YearFlows& year = years.flows[static_cast<std::size_t>(state)];
    const auto quarter = static_cast<std::size_t>(index % kQuartersPerYear);
    variable.energy_cost_usd[q] = year.energy_usd[quarter];
    variable.fuel_cost_usd[q] = year.fuel_usd[quarter];
    variable.revenue_usd[q] = year.revenue_usd[quarter];
    operating_year[q] = years.run_year[static_cast<std::size_t>(state)];
  }
  return variable;
}

// A run shorter than a calendar year: its quarters where it covers them, the same season of its
// last year after it, nothing before it.
VariableFlows extrapolated_flows(const Scenario& scenario, const CampusRun& run,
                                 const QuarterHorizon& horizon, int first_quarter_index) {
  const StepFlows flows = step_flows(scenario, run);
  VariableFlows variable;
  variable.energy_cost_usd =
      quarterly(run.grid, flows.energy, first_quarter_index, horizon.quarters);
  variable.fuel_cost_usd = quarterly(run.grid, flows.fuel, first_quarter_index, horizon.quarters);
  variable.revenue_usd = quarterly(run.grid, flows.revenue, first_quarter_index, horizon.quarters);
  return variable;
}

void add_lease_income(const Scenario& scenario, const FundingPlan& plan,
                      const QuarterHorizon& horizon, VariableFlows& variable) {
  if (scenario.finance.revenue == RevenueModel::kGpuHours) return;
  const std::vector<double> lease =
      lease_income_by_quarter(plan.leases, make_cash_flow_table(horizon));
  for (std::size_t q = 0; q < horizon.quarters; ++q) {
    variable.revenue_usd[q] += lease[q];
  }
}

CampusCosts campus_costs(const Scenario& scenario, const CampusRun& run,
                         const std::vector<CapitalAsset>& assets) {
  const FinanceSection& f = scenario.finance;
  CampusCosts costs;
  std::vector<LevelisedCostInputs> on_site;
  double interconnection_usd_per_year = 0.0;
  for (const CapitalAsset& asset : assets) {
    const double rate = rate_of(f, asset.asset_class);
    costs.capex_usd += asset.capex_usd;
    costs.annualised_capital_usd_per_yr +=
        asset.capex_usd * capital_recovery_factor(rate, asset.lifetime_years);
    costs.fixed_om_usd_per_yr += asset.fixed_om_usd_per_year;
    if (is_on_site_energy(asset.asset_class)) {
      on_site.push_back(LevelisedCostInputs{asset.capex_usd, rate, asset.lifetime_years,
                                            asset.fixed_om_usd_per_year, 0.0});
    } else if (asset.asset_class == AssetClass::kInterconnection) {
      interconnection_usd_per_year +=
          annualised_capex_usd_per_year(asset.capex_usd, rate, asset.lifetime_years);
    }
  }
  const RunEnergy energy = run_energy(run);
  const double years = run.grid.duration_years();
  costs.net_energy_usd_per_yr = energy.net_energy_cost_usd / years;
  costs.gpu_hours_per_yr = gpu_hours_delivered(scenario.compute, run) / years;
  costs.annual_cost_usd_per_yr =
      costs.annualised_capital_usd_per_yr + costs.fixed_om_usd_per_yr + costs.net_energy_usd_per_yr;
  costs.cost_per_gpu_hour_usd = ratio_or_zero(costs.annual_cost_usd_per_yr, costs.gpu_hours_per_yr);
  if (run.totals.throughput) {
    costs.tokens_per_yr =
        (run.totals.throughput->tokens_trained + run.totals.throughput->tokens_served) / years;
  }
  if (costs.tokens_per_yr > 0.0) {
    costs.cost_per_million_tokens_usd =
        costs.annual_cost_usd_per_yr / (costs.tokens_per_yr / kTokensPerMillion);
  }

  // Energy: levelised cost of on-site generation, average cost of delivered energy.
  const double gas_usd_per_year = run.totals.gas_fuel_cost_usd / years;
  const double on_site_kwh_per_year = energy.on_site_kwh() / years;
  double on_site_usd_per_year = gas_usd_per_year;
  for (const LevelisedCostInputs& asset : on_site) {
    on_site_usd_per_year += annual_cost_usd_per_year(asset);
  }
  if (on_site_kwh_per_year > 0.0) {
    on_site.push_back(LevelisedCostInputs{0.0, f.energy_rate, 1.0, 0.0, gas_usd_per_year});
    costs.lcoe_on_site_usd_per_mwh = lcoe_usd_per_mwh(on_site, on_site_kwh_per_year);
  }
  const double served_kwh_per_year = energy.served_kwh() / years;
  if (served_kwh_per_year > 0.0) {
    const double delivered_usd_per_year = on_site_usd_per_year - gas_usd_per_year +
                                          interconnection_usd_per_year +
                                          costs.net_energy_usd_per_yr;
    costs.delivered_energy_cost_usd_per_mwh =
        delivered_usd_per_year / (served_kwh_per_year / kKwhPerMwh);
  }
  return costs;
}

// Completion: the last asset's first day in service (the end of the build the debt funds).
std::optional<LocalTime> completion_of(const std::vector<CapitalAsset>& assets) {
  std::optional<LocalTime> completion;
  for (const CapitalAsset& asset : assets) {
    if (!completion || *completion < asset.online) completion = asset.online;
  }
  return completion;
}

}  // namespace

DebtFacility debt_facility(const DebtSection& d) {
  return DebtFacility{
      d.lender,
      d.amount_usd,
      d.interest_rate,
      d.tenor_s / kSecondsPerYear,
      d.available_from,
      d.repayment == DebtRepayment::kSculpted ? Repayment::kSculpted : Repayment::kLevel,
      d.target_dscr,
      d.dscr_covenant};
}

CampusFinance campus_finance(const Scenario& scenario, const RunInputs& inputs,
                             const CampusRun& run, const FinanceWindow& window) {
  CampusFinance finance;
  finance.assets = campus_capital_assets(scenario, inputs, run.grid.start());
  finance.plan = funding_plan(scenario);
  finance.plan.completion = completion_of(finance.assets);
  const QuarterHorizon horizon{window.first_year, window.first_quarter, window.quarters};
  const int first_quarter = quarter_index(window.start);
  VariableFlows variable;
  const int run_year = civil_from_local(run.grid.start()).year;
  if (is_calendar_year(run.grid, run_year)) {
    const int last_year =
        (first_quarter + static_cast<int>(window.quarters) - 1) / kQuartersPerYear;
    const std::vector<CapitalAsset>& assets = finance.assets;
    const OperatingYears years =
        operating_years(scenario, inputs, run, first_quarter / kQuartersPerYear, last_year,
                        [&](const CampusRun& year_run, bool steady) {
                          YearFlows flows = year_flows(scenario, year_run);
                          if (steady) flows.costs = campus_costs(scenario, year_run, assets);
                          return flows;
                        });
    variable = yearly_flows(years, horizon, first_quarter, finance.operating_year);
    if (years.steady) {
      finance.costs = *years.flows[*years.steady].costs;
      finance.costs_year = years.run_year[*years.steady];
    } else {
      finance.costs = campus_costs(scenario, run, finance.assets);
      finance.costs_year = run_year;
    }
  } else {
    variable = extrapolated_flows(scenario, run, horizon, first_quarter);
    finance.costs = campus_costs(scenario, run, finance.assets);
  }
  add_lease_income(scenario, finance.plan, horizon, variable);
  finance.cash_flows = build_cash_flows(finance.assets, horizon, variable);
  apply_tax_and_terminal_value(
      finance.cash_flows, finance.assets,
      TaxTerms{scenario.finance.federal_tax_rate, scenario.finance.state_tax_rate,
               scenario.finance.terminal_value});
  finance.funding = assess_funding(finance.cash_flows, finance.plan);
  return finance;
}

}  // namespace stargate
