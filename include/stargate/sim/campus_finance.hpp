// The money of a campus run: capital assets from the scenario and its inputs, annual costs from
// the simulated run, quarterly cash flows on a finance window, and funding against uses.
//
// Conventions (docs/finance.md): the window is FinanceWindow (stargate/core/finance_window.hpp):
// from the quarter of the first construction spend (12 months before the earliest online date or
// the run start) for finance.analysis_years; a programme passes its own, longer window so that
// its sites add up on the same quarters. When the run is one calendar year, every year of the
// window takes the operating flows of its own state, simulated once (src/sim/operating_years.hpp);
// a shorter run's quarters are placed where it covers them, later quarters repeat its quarter of
// the same season, earlier ones have none. Fixed O&M accrues per asset while in service. With
// finance.structure = "landlord-tenant" the money is split by party (finance/parties.hpp) and
// the campus is the landlord's and tenant's flows less the rent between them. Revenue is GPU-hours
// delivered x finance.gpu_hour_price, or with finance.revenue = "lease" the [[lease]] payments
// (plus energy exports either way). Funding dates are checked when the scenario (or programme)
// is loaded.
//
// Annual costs (CampusCosts; per-year values are the run's totals / its length in 365-day years):
//   annualised capital = sum over assets of capex x CRF(rate of its class, life);
//   annual cost = annualised capital + fixed O&M + net energy cost;
//   cost per GPU-hour = annual cost / GPU-hours delivered per year;
//   LCOE of on-site generation = (sum over solar, wind, battery, gas of capex x CRF(energy_rate,
//     energy_life) + fixed O&M + gas fuel, variable O&M and starts) / on-site energy used
//     (solar + wind - curtailed + gas), USD/MWh (NREL/TP-462-5173, simple annualised form);
//   average cost of delivered energy = (the same on-site annual cost without gas's own + the
//     interconnection's capex x CRF(facility_rate, building_life) + net energy cost) / facility
//     energy served, USD/MWh.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "stargate/core/finance_window.hpp"
#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/funding.hpp"
#include "stargate/finance/parties.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_run.hpp"

namespace stargate {

/// What a campus costs a year, from its assets and its run (independent of the window).
struct CampusCosts {
  double capex_usd = 0.0;  ///< first build, every asset
  double annualised_capital_usd_per_yr = 0.0;
  double fixed_om_usd_per_yr = 0.0;
  double net_energy_usd_per_yr = 0.0;  ///< grid energy + gas + 4CP - exports
  double annual_cost_usd_per_yr = 0.0;
  double gpu_hours_per_yr = 0.0;
  double cost_per_gpu_hour_usd = 0.0;  ///< 0 without GPU-hours
  double tokens_per_yr = 0.0;          ///< trained and served (the GPU fleet only)
  /// annual_cost / (tokens_per_yr / 1e6); none without tokens.
  std::optional<double> cost_per_million_tokens_usd;
  std::optional<double> lcoe_on_site_usd_per_mwh;           ///< when the campus generates
  std::optional<double> delivered_energy_cost_usd_per_mwh;  ///< when it serves load
};

struct CampusFinance {
  std::vector<CapitalAsset> assets;
  /// Per year of cost: from the first steady-state year (every asset in service all year) when
  /// the run is a calendar year, else from the run.
  CampusCosts costs;
  int costs_year = 0;  ///< the calendar year the costs describe (0: the run, not a calendar year)
  /// Per quarter of the cash flows: the calendar year whose simulation it draws on (0: none).
  std::vector<double> operating_year;
  CashFlowTable cash_flows;
  FundingPlan plan;  ///< the campus's own sources: [[equity]], [[debt]], [[lease]]
  FundingTable funding;
  /// finance.structure = "landlord-tenant": landlord, tenant and offtaker (parties.hpp); the
  /// campus's cash flows are the landlord's and tenant's summed, less the rent between them.
  std::vector<PartyAccount> parties;
  /// The lease price at which the landlord's NPV (at finance.facility_rate) is zero.
  std::optional<double> breakeven_lease_price_usd_per_kw_yr;
};

/// A [[debt]] section as the facility the funding view repays.
[[nodiscard]] DebtFacility debt_facility(const DebtSection& debt);

/// The campus's capital assets: buildings, GPUs (unless finance.tenant_buys_gpus; priced by the
/// buildings' GPU types; each refresh before `until` a purchase of its own, of the generation of
/// its year with finance.gpu_roadmap), solar (per kW AC), wind (per kW of turbines), batteries,
/// gas and the grid connection, with costs, online dates, lives and fixed O&M.
[[nodiscard]] std::vector<CapitalAsset> campus_capital_assets(const Scenario& scenario,
                                                              const RunInputs& inputs,
                                                              LocalTime run_start, LocalTime until);

class OperatingYearRuns;  // src/sim/operating_years.hpp

/// Starts the simulations of the finance's other operating years (they do not depend on the
/// scenario's own run, so they can share the cores with it: run_campus starts them first). None
/// when the scenario's run is not exactly one calendar year. `scenario` and `inputs` must outlive
/// the result.
[[nodiscard]] std::shared_ptr<OperatingYearRuns> start_finance_years(const Scenario& scenario,
                                                                     const RunInputs& inputs,
                                                                     const FinanceWindow& window);

/// Annual costs, cash flows and funding of a finished run on `window`, with the other years'
/// simulations from start_finance_years (started here when not given).
[[nodiscard]] CampusFinance campus_finance(const Scenario& scenario, const RunInputs& inputs,
                                           const CampusRun& run, const FinanceWindow& window,
                                           std::shared_ptr<OperatingYearRuns> years = nullptr);

/// A party's KPIs in group "parties.<name>" (summary.json parties.<name>): NPV, IRR, sources,
/// uses, revenue, payments, tax and credits, and for the landlord and tenant coverage and, with
/// debt, the lowest DSCR. `scope` goes into each description ("landlord" or "landlord, 6 of 6
/// campuses"). Used by the campus and by the programme.
[[nodiscard]] std::vector<Kpi> party_kpis(const PartyAccount& party, const std::string& scope);

/// The "finance" and "funding" KPIs, the funding verdict (a finding) and the cashflow table.
void add_finance_results(Results& results, const FinanceSection& finance,
                         const CampusFinance& money);

/// The cashflow table written as cashflow.csv: one row per quarter, one column per line item.
[[nodiscard]] Table cash_flow_table(const CashFlowTable& flows, const FundingTable& funding,
                                    const std::vector<double>& operating_year = {});

}  // namespace stargate
