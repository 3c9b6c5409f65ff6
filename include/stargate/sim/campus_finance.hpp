// The money of a campus run: capital assets from the scenario, operating flows from the
// simulated year, quarterly cash flows, funding against uses, and the finance KPIs.
//
// Conventions (docs/finance.md): the horizon is the scenario's FinanceWindow
// (stargate/core/finance_window.hpp): from the quarter of the first construction spend (12 months
// before the earliest online date or the run start) for finance.analysis_years. Operating flows
// of the simulated run are placed on the quarters it covers; later quarters repeat the simulated
// year's quarter of the same season, earlier ones have none. Fixed O&M accrues per asset while in
// service. Revenue is GPU-hours delivered x finance.gpu_hour_price, or with finance.revenue =
// "lease" the [[lease]] payments (plus energy exports either way).
//
// Energy KPIs (finance group):
//   LCOE of on-site generation = (sum over solar, wind, battery, gas of capex x CRF(energy_rate,
//     energy_life) + fixed O&M/yr + gas fuel, variable O&M and starts/yr) / on-site energy used
//     per year (solar + wind - curtailed + gas), USD/MWh (NREL/TP-462-5173, simple annualised
//     form);
//   average cost of delivered energy = (the same on-site annual cost + interconnection capex x
//     CRF(facility_rate, building_life) + grid energy, 4CP and exports per year) / facility
//     energy served per year, USD/MWh.
// Per-year values are the simulated run's totals divided by its length in years.
#pragma once

#include <string>
#include <vector>

#include "stargate/core/finance_window.hpp"
#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/funding.hpp"

namespace stargate {

struct CampusFinance {
  CashFlowTable cash_flows;
  FundingTable funding;
  FundingPlan plan;  ///< the campus's own sources: [[equity]], [[debt]], [[lease]]
  std::vector<CapitalAsset> assets;
};

/// The campus's capital assets: buildings, GPUs (unless finance.tenant_buys_gpus), solar, wind,
/// batteries, gas and the grid connection, with costs, online dates, lives and fixed O&M.
[[nodiscard]] std::vector<CapitalAsset> campus_capital_assets(const Scenario& scenario,
                                                              LocalTime run_start);

/// Cash flows and funding of a finished run on `window` (a programme passes its own, longer
/// window so that its sites add up on the same quarters). Adds nothing to the results.
/// InputError, located at the scenario field, for funding dated at or after the window's end.
[[nodiscard]] CampusFinance campus_finance_on(const Scenario& scenario, const Results& results,
                                              const FinanceWindow& window);

/// Assesses the finance of a finished run on the scenario's own window; adds the "finance" and
/// "funding" KPIs, the funding verdict (a finding) and the cashflow table to `results`.
CampusFinance assess_campus_finance(const Scenario& scenario, Results& results);

/// The cashflow table written as cashflow.csv: one row per quarter, one column per line item.
[[nodiscard]] Table cash_flow_table(const CashFlowTable& flows, const FundingTable& funding);

}  // namespace stargate
