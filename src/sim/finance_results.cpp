// The finance of a campus as outputs: KPIs, the funding verdict and the cashflow table.
#include <fmt/format.h>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/quarters.hpp"
#include "stargate/sim/campus_finance.hpp"

namespace stargate {

namespace {

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (const double v : values) total += v;
  return total;
}

// A warning when `whose` debt service cover falls under its covenant.
void add_covenant_warning(Results& results, const FundingTable& funding, std::string_view whose) {
  if (funding.dscr.years > 0 && funding.dscr.min < funding.dscr_covenant) {
    results.add_warning(fmt::format(
        "{} debt service cover falls to {:.2f} in its worst year, under the covenant of {:.2f} "
        "(average {:.2f} over {} years): the cash flow available does not carry the debt as "
        "written",
        whose, funding.dscr.min, funding.dscr_covenant, funding.dscr.average, funding.dscr.years));
  }
}

// Debt at completion, cover ratios and the covenant (docs/finance.md, "Debt after the build").
void add_debt_kpis(Results& results, const FundingTable& funding) {
  if (funding.debt_at_completion_usd <= 0.0) return;
  results.add_kpi("finance", "debt_at_completion_usd", funding.debt_at_completion_usd, "USD",
                  "Debt outstanding at completion (draws and capitalised interest)");
  results.add_kpi("finance", "dscr_min", funding.dscr.min, "", "Lowest yearly DSCR");
  results.add_kpi("finance", "dscr_average", funding.dscr.average, "", "Average yearly DSCR");
  if (funding.balloon_usd > 0.0) {
    results.add_kpi("finance", "debt_balloon_usd", funding.balloon_usd, "USD",
                    "Debt left for the last quarter of a sculpted tenor");
  }
  add_covenant_warning(results, funding, "the campus's");
}

// Each party's account under "parties.<name>", its covenant warning and its verdict; the
// landlord's breakeven rent.
void add_party_results(Results& results, const CampusFinance& money) {
  for (const PartyAccount& party : money.parties) {
    for (Kpi& kpi : party_kpis(party, std::string(party_name(party.party)))) {
      results.add_kpi(std::move(kpi.group), std::move(kpi.key), kpi.value, std::move(kpi.unit),
                      std::move(kpi.description));
    }
    if (party.party != Party::kOfftaker && party.funding.debt_at_completion_usd > 0.0) {
      add_covenant_warning(results, party.funding,
                           fmt::format("the {}'s", party_name(party.party)));
    }
    if (party.party == Party::kLandlord && money.breakeven_lease_price_usd_per_kw_yr) {
      results.add_kpi("parties.landlord", "breakeven_lease_price_usd_per_kw_month",
                      *money.breakeven_lease_price_usd_per_kw_yr / kMonthsPerYear, "USD/kW-month",
                      "Lease price at which its NPV is zero (landlord)");
    }
    results.add_finding(party.verdict);
  }
}

}  // namespace

std::vector<Kpi> party_kpis(const PartyAccount& party, const std::string& scope) {
  std::vector<Kpi> kpis;
  const std::string group = fmt::format("parties.{}", party_name(party.party));
  const auto add = [&](const char* key, double value, const char* unit, const char* text) {
    kpis.push_back(Kpi{group, key, value, unit, fmt::format("{} ({})", text, scope)});
  };
  add("npv_usd", party.npv_usd, "USD", "NPV of the after-tax cash flows");
  if (party.irr_fraction) add("irr_fraction", *party.irr_fraction, "fraction", "IRR");
  add("sources_usd", party.sources_usd, "USD", "Sources counted");
  add("uses_usd", party.uses_usd, "USD",
      party.party == Party::kOfftaker ? "Uses: compute contract payments"
                                      : "Uses: capex and capitalised interest");
  add("revenue_usd", party.revenue_usd, "USD", "Revenue over the horizon");
  add("payments_usd", party.payments_usd, "USD", "Rent or compute contract paid");
  add("tax_usd", sum(party.cash_flows.tax_usd), "USD", "Income tax");
  add("tax_credits_usd", sum(party.cash_flows.tax_credit_usd), "USD", "ITC and PTC");
  if (party.party != Party::kOfftaker) {
    add("first_build_coverage_fraction", party.funding.first_build_coverage, "fraction",
        "Sources / first build");
    add("lifetime_coverage_fraction", party.funding.lifetime_coverage, "fraction",
        "(Sources + operating cash used) / all uses");
    if (party.funding.debt_at_completion_usd > 0.0) {
      add("dscr_min", party.funding.dscr.min, "", "Lowest yearly DSCR");
    }
  }
  return kpis;
}

void add_finance_results(Results& results, const FinanceSection& finance,
                         const CampusFinance& money) {
  const CampusCosts& costs = money.costs;
  results.add_kpi("finance", "capex_total_usd", costs.capex_usd, "USD",
                  "Capital cost of the campus");
  results.add_kpi("finance", "annualised_capital_cost_usd_per_yr",
                  costs.annualised_capital_usd_per_yr, "USD/yr",
                  "Annualised capital (capital recovery factors)");
  results.add_kpi("finance", "fixed_om_usd_per_yr", costs.fixed_om_usd_per_yr, "USD/yr",
                  "Fixed O&M, all assets in service");
  results.add_kpi("finance", "annual_cost_usd_per_yr", costs.annual_cost_usd_per_yr, "USD/yr",
                  "Annual cost: capital + fixed O&M + energy");
  if (money.costs_year > 0) {
    results.add_kpi("finance", "cost_year", money.costs_year, "year",
                    "Year of the per-year costs below (first with every asset in service)");
  }
  results.add_kpi("finance", "gpu_hours_delivered_per_yr", costs.gpu_hours_per_yr, "GPU-h/yr",
                  "GPU-hours delivered per year");
  results.add_kpi("finance", "cost_per_gpu_hour_usd_per_gpu_h", costs.cost_per_gpu_hour_usd,
                  "USD/GPU-h", "Cost per GPU-hour delivered");
  if (costs.cost_per_million_tokens_usd) {
    results.add_kpi("finance", "cost_per_million_tokens_usd_per_mtok",
                    *costs.cost_per_million_tokens_usd, "USD/Mtok",
                    "Cost per million tokens (trained and served)");
  }
  if (costs.lcoe_on_site_usd_per_mwh) {
    results.add_kpi("finance", "lcoe_on_site_usd_per_mwh", *costs.lcoe_on_site_usd_per_mwh,
                    "USD/MWh", "Levelised cost of on-site energy");
  }
  if (costs.delivered_energy_cost_usd_per_mwh) {
    results.add_kpi("finance", "delivered_energy_cost_usd_per_mwh",
                    *costs.delivered_energy_cost_usd_per_mwh, "USD/MWh",
                    "Average cost of delivered energy");
  }
  results.add_kpi("finance", "revenue_total_usd", sum(money.cash_flows.revenue_usd), "USD",
                  finance.revenue == RevenueModel::kLease ? "Revenue over the horizon (lease)"
                                                          : "Revenue over the horizon (GPU-hours)");
  const std::vector<double>& net = money.cash_flows.net_cash_flow_usd;
  results.add_kpi("finance", "npv_usd", npv(finance.facility_rate, net, kYearsPerQuarter), "USD",
                  "NPV of the after-tax cash flows (facility rate)");
  if (const auto rate = irr(net, kYearsPerQuarter)) {
    results.add_kpi("finance", "irr_fraction", *rate, "fraction",
                    "IRR of the after-tax cash flows");
  }
  if (const auto payback = simple_payback_years(net, kYearsPerQuarter)) {
    results.add_kpi("finance", "payback_years", *payback, "years", "Simple payback");
  }
  const FundingTable& funding = money.funding;
  add_debt_kpis(results, funding);
  results.add_kpi("funding", "funding_uses_usd", funding.total_uses_usd, "USD",
                  "Uses: capex and capitalised interest");
  results.add_kpi("funding", "funding_sources_usd", funding.total_sources_usd, "USD",
                  "Sources counted");
  results.add_kpi("funding", "funding_coverage_fraction", funding.coverage_ratio, "fraction",
                  "Sources / uses");
  results.add_kpi("funding", "peak_funding_gap_usd", funding.peak_gap_usd, "USD",
                  "Peak funding gap");
  results.add_kpi("funding", "first_build_uses_usd", funding.first_build_uses_usd, "USD",
                  "First build: capex and capitalised interest to completion");
  results.add_kpi("funding", "first_build_coverage_fraction", funding.first_build_coverage,
                  "fraction", "Sources / first build");
  results.add_kpi("funding", "later_capital_usd", funding.later_uses_usd, "USD",
                  "Capital after completion (refreshes, replacements)");
  results.add_kpi("funding", "later_capital_from_cash_usd", funding.later_paid_from_cash_usd, "USD",
                  "Of which paid from operating cash after debt service");
  results.add_kpi("funding", "funding_beyond_operating_cash_usd", funding.beyond_operating_cash_usd,
                  "USD", "Later capital beyond the sources left and operating cash");
  results.add_kpi("funding", "lifetime_coverage_fraction", funding.lifetime_coverage, "fraction",
                  "(Sources + operating cash used) / all uses");
  results.add_finding(funding.verdict);
  add_party_results(results, money);
  results.add_table(cash_flow_table(money.cash_flows, money.funding, money.operating_year));
}

Table cash_flow_table(const CashFlowTable& flows, const FundingTable& funding,
                      const std::vector<double>& operating_year) {
  Table table;
  table.name = "cashflow";
  table.key_column = "quarter";
  for (const LocalTime start : flows.quarter_start) {
    table.keys.push_back(quarter_label(start));
  }
  const auto add = [&](std::string name, std::string description, std::vector<double> values) {
    table.columns.push_back(Series{std::move(name), std::move(description), std::move(values)});
  };
  if (!operating_year.empty()) {
    add("operating_year",
        "Calendar year whose simulation the quarter's operations draw on (0: none)",
        operating_year);
  }
  for (std::size_t c = 0; c < kAssetClassCount; ++c) {
    const auto asset_class = static_cast<AssetClass>(c);
    add(fmt::format("capex_{}_usd", asset_class_name(asset_class)), "Capital spending on the class",
        flows.capex_by_class_usd[c]);
  }
  add("fixed_om_usd", "Fixed operation and maintenance", flows.fixed_om_usd);
  add("energy_cost_usd", "Grid energy and 4CP charges", flows.energy_cost_usd);
  add("fuel_cost_usd", "Gas fuel, variable O&M and starts", flows.fuel_cost_usd);
  add("revenue_usd", "GPU-hours sold and energy exported", flows.revenue_usd);
  add("payments_usd", "Paid to another party (rent, compute contract)", flows.payments_usd);
  add("total_cost_usd", "Capex, O&M, energy, fuel and payments", flows.total_cost_usd);
  add("depreciation_usd", "Tax depreciation (MACRS; not a cash flow)", flows.depreciation_usd);
  add("tax_usd", "Income tax paid", flows.tax_usd);
  add("tax_credit_usd", "Investment and production tax credits", flows.tax_credit_usd);
  add("terminal_value_usd", "Book value of the assets at the horizon end",
      flows.terminal_value_usd);
  add("net_cash_flow_usd", "Revenue + terminal value + tax credits - total cost - tax",
      flows.net_cash_flow_usd);
  add("funding_interest_usd", "Interest during construction (capitalised)", funding.interest_usd);
  add("debt_drawn_usd", "Debt drawn in the quarter", funding.debt_drawn_usd);
  add("debt_interest_usd", "Interest: capitalised before completion, paid after", [&] {
    std::vector<double> interest = funding.interest_usd;
    for (std::size_t q = 0; q < interest.size(); ++q) {
      interest[q] += funding.debt_interest_paid_usd[q];
    }
    return interest;
  }());
  add("debt_principal_usd", "Principal repaid", funding.debt_principal_usd);
  add("debt_balance_usd", "Debt outstanding at the end of the quarter", funding.debt_balance_usd);
  add("cfads_usd", "Cash flow available for debt service (revenue - O&M, energy, fuel, tax)",
      funding.cfads_usd);
  add("funding_cumulative_uses_usd", "Capex and capitalised interest to date",
      funding.cumulative_uses_usd);
  add("funding_cumulative_sources_usd", "Equity, debt and lease income available to date",
      funding.cumulative_sources_usd);
  add("funding_position_usd", "Sources - uses (negative: a funding gap)", funding.position_usd);
  return table;
}

}  // namespace stargate
