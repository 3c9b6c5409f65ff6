// The money of a campus run: capital assets from the scenario, operating flows from the
// simulated year, quarterly cash flows, funding against uses, and the finance KPIs.
//
// Conventions (docs/finance.md): the horizon starts in the quarter of the first construction
// spend (12 months before the earliest online date) and runs finance.analysis_years. Operating
// flows of the simulated run are placed on the quarters it covers; later quarters repeat the
// simulated year's quarter of the same season, earlier ones have none. Revenue is GPU-hours
// delivered x finance.gpu_hour_price.
#pragma once

#include <string>
#include <vector>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/funding.hpp"

namespace stargate {

struct CampusFinance {
  CashFlowTable cash_flows;
  FundingTable funding;
  std::vector<CapitalAsset> assets;
};

/// Assesses the finance of a finished run; adds the "finance" and "funding" KPIs and the funding
/// verdict (a finding) to `results`. InputError, located at the scenario field, for funding dated
/// after the horizon or a GPU type without a price.
CampusFinance assess_campus_finance(const Scenario& scenario, Results& results);

}  // namespace stargate
