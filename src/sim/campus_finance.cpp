#include "stargate/sim/campus_finance.hpp"

#include <algorithm>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/quarters.hpp"

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

// The quarter (year * 4 + quarter - 1) of a time.
int quarter_index(LocalTime time) {
  const CivilTime civil = civil_from_local(time);
  return civil.year * kQuartersPerYear + (civil.month - 1) / kMonthsPerQuarter;
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

// The run's operating flows (energy, fuel, revenue) per quarter of `horizon`.
VariableFlows operating_flows(const Scenario& scenario, const CampusRun& run,
                              const FundingPlan& plan, const QuarterHorizon& horizon,
                              int first_quarter_index) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = run.grid;
  const RunSeries& series = run.series;
  const double step_h = grid.step_h();
  const bool gpu_hour_revenue = f.revenue == RevenueModel::kGpuHours;
  const double four_cp_per_step = run.totals.four_cp_charge_usd / static_cast<double>(grid.size());
  std::vector<double> energy(grid.size());
  std::vector<double> fuel(grid.size());
  std::vector<double> revenue(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double net_energy = series.energy_cost_usd[i] + four_cp_per_step;
    energy[i] = std::max(0.0, net_energy);
    fuel[i] = series.gas_cost_usd[i];
    revenue[i] = (gpu_hour_revenue
                      ? gpus_delivering(scenario.compute, series, i) * step_h * f.gpu_hour_price_usd
                      : 0.0) +
                 series.export_revenue_usd[i] + std::max(0.0, -net_energy);
  }
  VariableFlows variable;
  variable.energy_cost_usd = quarterly(grid, energy, first_quarter_index, horizon.quarters);
  variable.fuel_cost_usd = quarterly(grid, fuel, first_quarter_index, horizon.quarters);
  variable.revenue_usd = quarterly(grid, revenue, first_quarter_index, horizon.quarters);
  if (!gpu_hour_revenue) {
    const std::vector<double> lease =
        lease_income_by_quarter(plan.leases, make_cash_flow_table(horizon));
    for (std::size_t q = 0; q < horizon.quarters; ++q) {
      variable.revenue_usd[q] += lease[q];
    }
  }
  return variable;
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
  finance.costs = campus_costs(scenario, run, finance.assets);
  finance.plan = funding_plan(scenario);
  finance.plan.completion = completion_of(finance.assets);
  const QuarterHorizon horizon{window.first_year, window.first_quarter, window.quarters};
  finance.cash_flows = build_cash_flows(
      finance.assets, horizon,
      operating_flows(scenario, run, finance.plan, horizon, quarter_index(window.start)));
  finance.funding = assess_funding(finance.cash_flows, finance.plan);
  return finance;
}

}  // namespace stargate
