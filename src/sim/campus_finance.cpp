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

FundingPlan funding_plan(const Scenario& scenario, std::optional<FundingParty> party = {}) {
  FundingPlan plan;
  plan.count_only_committed = scenario.finance.count_only_committed;
  for (const EquitySection& e : scenario.equity) {
    if (party && e.party != *party) continue;
    plan.equity.push_back(
        EquityCommitment{e.partner, e.amount_usd, e.date, static_cast<CommitmentStatus>(e.status)});
  }
  for (const DebtSection& d : scenario.debt) {
    if (party && d.party != *party) continue;
    plan.debt.push_back(debt_facility(d));
  }
  if (!party) {
    for (const LeaseSection& l : scenario.leases) {
      plan.leases.push_back(
          LeaseIncome{l.payer, l.amount_usd_per_year, l.start, l.term_s / kSecondsPerYear});
    }
  }
  return plan;
}

// One column per OperatingFlow: per step of a run, or per quarter of the horizon.
using FlowColumns = std::array<std::vector<double>, kOperatingFlowCount>;

// Per step of a run: energy cost (grid and 4CP, never negative), fuel, GPU-hours sold, other
// revenue (exports and any net energy income), and the solar and wind energy used (each source
// less its share of the curtailment).
FlowColumns step_flows(const Scenario& scenario, const CampusRun& run) {
  const FinanceSection& f = scenario.finance;
  const TimeGrid& grid = run.grid;
  const RunSeries& series = run.series;
  const double step_h = grid.step_h();
  const bool gpu_hour_revenue = f.revenue == RevenueModel::kGpuHours;
  const double four_cp_per_step = run.totals.four_cp_charge_usd / static_cast<double>(grid.size());
  FlowColumns flows;
  for (auto& column : flows) column.assign(grid.size(), 0.0);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double net_energy = series.energy_cost_usd[i] + four_cp_per_step;
    flows[kEnergyCostUsd][i] = std::max(0.0, net_energy);
    flows[kFuelCostUsd][i] = series.gas_cost_usd[i];
    flows[kComputeRevenueUsd][i] = gpu_hour_revenue ? gpus_delivering(scenario.compute, series, i) *
                                                          step_h * f.gpu_hour_price_usd
                                                    : 0.0;
    flows[kOtherRevenueUsd][i] = series.export_revenue_usd[i] + std::max(0.0, -net_energy);
    const double renewable_kw = series.solar_kw[i] + series.wind_kw[i];
    const double used_share =
        renewable_kw > 0.0 ? std::clamp(1.0 - series.curtailed_kw[i] / renewable_kw, 0.0, 1.0)
                           : 0.0;
    flows[kSolarUsedKwh][i] = series.solar_kw[i] * used_share * step_h;
    flows[kWindUsedKwh][i] = series.wind_kw[i] * used_share * step_h;
  }
  return flows;
}

// A calendar-year run's flows by quarter of its year.
YearFlows year_flows(const Scenario& scenario, const CampusRun& run) {
  const FlowColumns flows = step_flows(scenario, run);
  YearFlows year;
  for (std::size_t i = 0; i < run.grid.size(); ++i) {
    const auto q = static_cast<std::size_t>(quarter_index(run.grid.time(i)) % kQuartersPerYear);
    for (std::size_t k = 0; k < kOperatingFlowCount; ++k) {
      year.by_quarter[k][q] += flows[k][i];
    }
  }
  return year;
}

// Year by year: each quarter of the horizon takes the same quarter of the year simulated for its
// calendar year's state (operating_years.hpp); nothing in a year without a building in service.
FlowColumns yearly_flows(const OperatingYears& years, const QuarterHorizon& horizon,
                         int first_quarter_index, std::vector<double>& operating_year) {
  FlowColumns columns;
  for (auto& column : columns) column.assign(horizon.quarters, 0.0);
  operating_year.assign(horizon.quarters, 0.0);
  for (std::size_t q = 0; q < horizon.quarters; ++q) {
    const int index = first_quarter_index + static_cast<int>(q);
    const int k = index / kQuartersPerYear - years.first_year;
    if (k < 0 || static_cast<std::size_t>(k) >= years.state_of_year.size()) continue;
    const int state = years.state_of_year[static_cast<std::size_t>(k)];
    if (state < 0) continue;
    const YearFlows& year = years.flows[static_cast<std::size_t>(state)];
    const auto quarter = static_cast<std::size_t>(index % kQuartersPerYear);
    for (std::size_t flow = 0; flow < kOperatingFlowCount; ++flow) {
      columns[flow][q] = year.by_quarter[flow][quarter];
    }
    operating_year[q] = years.run_year[static_cast<std::size_t>(state)];
  }
  return columns;
}

// A run shorter than a calendar year: its quarters where it covers them, the same season of its
// last year after it, nothing before it.
FlowColumns extrapolated_flows(const Scenario& scenario, const CampusRun& run,
                               const QuarterHorizon& horizon, int first_quarter_index) {
  const FlowColumns flows = step_flows(scenario, run);
  FlowColumns columns;
  for (std::size_t k = 0; k < kOperatingFlowCount; ++k) {
    columns[k] = quarterly(run.grid, flows[k], first_quarter_index, horizon.quarters);
  }
  return columns;
}

// The campus's variable flows: energy, fuel, and revenue = compute + other (+ [[lease]] income
// with finance.revenue = "lease").
VariableFlows campus_variable_flows(const Scenario& scenario, const FundingPlan& plan,
                                    const QuarterHorizon& horizon, const FlowColumns& columns) {
  VariableFlows variable{
      columns[kEnergyCostUsd], columns[kFuelCostUsd], columns[kComputeRevenueUsd], {}};
  for (std::size_t q = 0; q < horizon.quarters; ++q) {
    variable.revenue_usd[q] += columns[kOtherRevenueUsd][q];
  }
  if (scenario.finance.revenue == RevenueModel::kLease) {
    const std::vector<double> lease =
        lease_income_by_quarter(plan.leases, make_cash_flow_table(horizon));
    for (std::size_t q = 0; q < horizon.quarters; ++q) {
      variable.revenue_usd[q] += lease[q];
    }
  }
  return variable;
}

TaxTerms tax_terms(const FinanceSection& f) {
  const auto kind = [](TaxCredit credit) {
    return credit == TaxCredit::kPtc ? CreditKind::kPtc : CreditKind::kItc;
  };
  TaxTerms terms{f.federal_tax_rate, f.state_tax_rate, f.terminal_value, {}};
  terms.credits.enabled = f.tax_credits;
  terms.credits.itc_rate = f.itc_rate;
  terms.credits.ptc_usd_per_kwh = f.ptc_usd_per_mwh / kKwhPerMwh;
  terms.credits.solar = kind(f.solar_credit);
  terms.credits.wind = kind(f.wind_credit);
  return terms;
}

CampusCosts campus_costs(const Scenario& scenario, const CampusRun& run,
                         const std::vector<CapitalAsset>& assets) {
  const FinanceSection& f = scenario.finance;
  CampusCosts costs;
  std::vector<LevelisedCostInputs> on_site;
  double interconnection_usd_per_year = 0.0;
  for (const CapitalAsset& asset : assets) {
    if (asset.is_refresh) continue;  // a year of the first build: its own assets only
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
    if (asset.is_refresh) continue;
    if (!completion || *completion < asset.online) completion = asset.online;
  }
  return completion;
}

// Completion of the assets one party owns.
std::optional<LocalTime> completion_of_party(const std::vector<CapitalAsset>& assets, Party party) {
  std::vector<CapitalAsset> owned;
  for (const CapitalAsset& asset : assets) {
    if (asset_owner(asset.asset_class) == party) owned.push_back(asset);
  }
  return completion_of(owned);
}

// Landlord-tenant: the parties' accounts, and the campus as their sum less the rent between them
// (so each party is taxed on its own income and the campus adds up).
void split_by_party(const Scenario& scenario, const QuarterHorizon& horizon,
                    const FlowColumns& columns, CampusFinance& finance) {
  const FinanceSection& f = scenario.finance;
  std::vector<LeasedCapacity> capacity;
  for (const BuildingSection& building : scenario.buildings) {
    capacity.push_back(LeasedCapacity{building.online, building.it_capacity_kw});
  }
  const CashFlowTable quarters = make_cash_flow_table(horizon);
  CampusOperations operations{
      columns[kComputeRevenueUsd], columns[kOtherRevenueUsd], columns[kEnergyCostUsd],
      columns[kFuelCostUsd],
      rent_by_quarter(capacity, f.lease_price_usd_per_kw_yr, f.lease_escalation, quarters)};
  std::array<PartyTerms, kPartyCount> terms;
  const std::array<double, kPartyCount> rates{f.facility_rate, f.gpu_rate, f.gpu_rate};
  for (std::size_t p = 0; p < kPartyCount; ++p) {
    terms[p].plan = funding_plan(scenario, static_cast<FundingParty>(p));
    terms[p].plan.completion = completion_of_party(finance.assets, static_cast<Party>(p));
    terms[p].discount_rate = rates[p];
  }
  const CreditableEnergy energy{columns[kSolarUsedKwh], columns[kWindUsedKwh]};
  std::array<PartyAccount, kPartyCount> accounts =
      party_accounts(finance.assets, horizon, operations, terms, tax_terms(f), energy);
  if (const auto scale = breakeven_rent_scale(finance.assets, horizon, operations.rent_usd,
                                              tax_terms(f), energy, rates[0])) {
    finance.breakeven_lease_price_usd_per_kw_yr = *scale * f.lease_price_usd_per_kw_yr;
  }
  CashFlowTable campus = add_cash_flows(accounts[0].cash_flows, accounts[1].cash_flows);
  for (std::size_t q = 0; q < campus.size(); ++q) {
    campus.revenue_usd[q] -= operations.rent_usd[q];
    campus.payments_usd[q] -= operations.rent_usd[q];
  }
  recompute_totals(campus);
  finance.cash_flows = std::move(campus);
  finance.parties.assign(std::make_move_iterator(accounts.begin()),
                         std::make_move_iterator(accounts.end()));
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

std::shared_ptr<OperatingYearRuns> start_finance_years(const Scenario& scenario,
                                                       const RunInputs& inputs,
                                                       const FinanceWindow& window) {
  const TimeGrid grid = run_grid(scenario);
  const int run_year = civil_from_local(grid.start()).year;
  if (!is_calendar_year(grid, run_year)) return nullptr;
  const int first_quarter = quarter_index(window.start);
  const int last_year = (first_quarter + static_cast<int>(window.quarters) - 1) / kQuartersPerYear;
  // The steady-state year's per-year costs need the assets; they do not depend on the own run.
  std::vector<CapitalAsset> assets =
      campus_capital_assets(scenario, inputs, grid.start(), window.end);
  return std::make_shared<OperatingYearRuns>(
      scenario, inputs, first_quarter / kQuartersPerYear, last_year, run_year,
      [&scenario, assets = std::move(assets)](const CampusRun& year_run, bool steady) {
        YearFlows flows = year_flows(scenario, year_run);
        if (steady) flows.costs = campus_costs(scenario, year_run, assets);
        return flows;
      });
}

CampusFinance campus_finance(const Scenario& scenario, const RunInputs& inputs,
                             const CampusRun& run, const FinanceWindow& window,
                             std::shared_ptr<OperatingYearRuns> years) {
  CampusFinance finance;
  finance.assets = campus_capital_assets(scenario, inputs, run.grid.start(), window.end);
  finance.plan = funding_plan(scenario);
  finance.plan.completion = completion_of(finance.assets);
  const QuarterHorizon horizon{window.first_year, window.first_quarter, window.quarters};
  const int first_quarter = quarter_index(window.start);
  FlowColumns columns;
  const int run_year = civil_from_local(run.grid.start()).year;
  if (!years && is_calendar_year(run.grid, run_year)) {
    years = start_finance_years(scenario, inputs, window);
  }
  if (years) {
    const OperatingYears operating = years->finish(run);
    columns = yearly_flows(operating, horizon, first_quarter, finance.operating_year);
    if (operating.steady) {
      finance.costs = *operating.flows[*operating.steady].costs;
      finance.costs_year = operating.run_year[*operating.steady];
    } else {
      finance.costs = campus_costs(scenario, run, finance.assets);
      finance.costs_year = run_year;
    }
  } else {
    columns = extrapolated_flows(scenario, run, horizon, first_quarter);
    finance.costs = campus_costs(scenario, run, finance.assets);
  }
  if (scenario.finance.structure == FinanceStructure::kLandlordTenant) {
    split_by_party(scenario, horizon, columns, finance);
  } else {
    finance.cash_flows = build_cash_flows(
        finance.assets, horizon, campus_variable_flows(scenario, finance.plan, horizon, columns));
    apply_tax_and_terminal_value(finance.cash_flows, finance.assets, tax_terms(scenario.finance),
                                 CreditableEnergy{columns[kSolarUsedKwh], columns[kWindUsedKwh]});
  }
  finance.funding = assess_funding(finance.cash_flows, finance.plan);
  return finance;
}

}  // namespace stargate
