// The money of a programme of campuses: each campus is simulated on its own (energy stays per
// site), its cash flows are placed on the programme's quarters and added (add_cash_flows), and
// the programme's funding (every campus's own sources plus the programme's partners' equity and
// debt) is set against the summed capital spend: position, peak gap, the quarter money runs out,
// coverage and a plain-language verdict (docs/programme.md, docs/finance.md).
//
// Programme KPIs add up the campuses: capex, IT capacity, GPUs, annual cost, GPU-hours; the cost
// per GPU-hour is total annual cost / total GPU-hours; NPV (programme.discount_rate), IRR and
// payback are of the summed quarterly net cash flows. Two copies of one campus double its capex
// and its funding uses (tested).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "stargate/core/finance_window.hpp"
#include "stargate/core/programme.hpp"
#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/funding.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_finance.hpp"

namespace stargate {

/// One campus of the programme after its run.
struct ProgrammeSite {
  std::string name;
  const Scenario* scenario = nullptr;  ///< not owned
  Results results;                     ///< its own run, with its own (campus-window) KPIs
  CampusFinance finance;               ///< on the programme's window
};

/// A campus of the programme before its run: the loaded scenario and its inputs.
struct ProgrammeCampus {
  const Scenario* scenario = nullptr;  ///< not owned
  RunInputs inputs;
};

struct ProgrammeOutcome {
  FinanceWindow window;
  std::vector<ProgrammeSite> sites;
  CashFlowTable cash_flows;  ///< sum over the sites
  FundingPlan plan;          ///< every site's sources + the programme's
  FundingTable funding;
  /// Per party (landlord, tenant, offtaker) over the sites with finance.structure =
  /// "landlord-tenant", with the programme's sources of each party; empty when there are none.
  std::vector<PartyAccount> parties;
  std::vector<Kpi> kpis;              ///< groups "programme", "funding" and "parties.<name>"
  std::vector<std::string> findings;  ///< the verdict first
  Table cashflow_table;               ///< written as cashflow.csv
};

/// Called after each campus is simulated (for progress output); may be empty.
using SiteProgress = std::function<void(std::size_t done, std::size_t total, const std::string&)>;

/// Simulates every campus and assesses the programme. `campuses` are the loaded campus scenarios
/// and their inputs in the order of `programme.campuses`; `window` the programme's quarters.
[[nodiscard]] ProgrammeOutcome run_programme(const Programme& programme,
                                             const std::vector<ProgrammeCampus>& campuses,
                                             const FinanceWindow& window,
                                             const SiteProgress& progress = {});

/// The programme's totals from finished sites (no simulation): used by run_programme and tests.
void assess_programme(const Programme& programme, ProgrammeOutcome& outcome);

}  // namespace stargate
