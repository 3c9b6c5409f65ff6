#include "stargate/sim/programme_finance.hpp"

#include <fmt/format.h>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/parties.hpp"
#include "stargate/sim/campus_results.hpp"

namespace stargate {
namespace {

FundingPlan programme_plan(const Programme& programme, const std::vector<ProgrammeSite>& sites) {
  FundingPlan plan;
  plan.count_only_committed = programme.programme.count_only_committed;
  for (const ProgrammeSite& site : sites) {
    const FundingPlan& own = site.finance.plan;
    plan.equity.insert(plan.equity.end(), own.equity.begin(), own.equity.end());
    plan.debt.insert(plan.debt.end(), own.debt.begin(), own.debt.end());
    plan.leases.insert(plan.leases.end(), own.leases.begin(), own.leases.end());
    if (own.completion && (!plan.completion || *plan.completion < *own.completion)) {
      plan.completion = own.completion;  // the programme's build ends with its last campus
    }
  }
  for (const EquitySection& e : programme.equity) {
    plan.equity.push_back(
        EquityCommitment{e.partner, e.amount_usd, e.date, static_cast<CommitmentStatus>(e.status)});
  }
  for (const DebtSection& d : programme.debt) {
    plan.debt.push_back(debt_facility(d));
  }
  return plan;
}

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (const double v : values) {
    total += v;
  }
  return total;
}

// Per party over the sites that split their money (finance.structure = "landlord-tenant"): the
// sites' party cash flows summed, their own sources plus the programme's sources of that party,
// discounted at the programme's rate.
void assess_parties(const Programme& programme, ProgrammeOutcome& outcome,
                    const QuarterHorizon& horizon) {
  outcome.parties.clear();
  std::size_t split_sites = 0;
  for (const ProgrammeSite& site : outcome.sites) {
    if (!site.finance.parties.empty()) ++split_sites;
  }
  if (split_sites == 0) return;
  for (std::size_t p = 0; p < kPartyCount; ++p) {
    CashFlowTable flows = make_cash_flow_table(horizon);
    PartyTerms terms;
    terms.discount_rate = programme.programme.discount_rate;
    terms.plan.count_only_committed = programme.programme.count_only_committed;
    for (const ProgrammeSite& site : outcome.sites) {
      if (site.finance.parties.empty()) continue;
      const PartyAccount& own = site.finance.parties[p];
      flows = add_cash_flows(flows, own.cash_flows);
      terms.plan.equity.insert(terms.plan.equity.end(), own.plan.equity.begin(),
                               own.plan.equity.end());
      terms.plan.debt.insert(terms.plan.debt.end(), own.plan.debt.begin(), own.plan.debt.end());
      if (own.plan.completion &&
          (!terms.plan.completion || *terms.plan.completion < *own.plan.completion)) {
        terms.plan.completion = own.plan.completion;
      }
    }
    for (const EquitySection& e : programme.equity) {
      if (static_cast<std::size_t>(e.party) != p) continue;
      terms.plan.equity.push_back(EquityCommitment{e.partner, e.amount_usd, e.date,
                                                   static_cast<CommitmentStatus>(e.status)});
    }
    for (const DebtSection& d : programme.debt) {
      if (static_cast<std::size_t>(d.party) == p) terms.plan.debt.push_back(debt_facility(d));
    }
    outcome.parties.push_back(party_account(static_cast<Party>(p), std::move(flows), terms));
  }
  const auto sites_text = fmt::format("{} of {} campuses", split_sites, outcome.sites.size());
  for (const PartyAccount& party : outcome.parties) {
    const std::vector<Kpi> kpis =
        party_kpis(party, fmt::format("{}, {}", party_name(party.party), sites_text));
    outcome.kpis.insert(outcome.kpis.end(), kpis.begin(), kpis.end());
    outcome.findings.push_back(fmt::format("{} ({})", party.verdict, sites_text));
  }
}

}  // namespace

void assess_programme(const Programme& programme, ProgrammeOutcome& outcome) {
  const QuarterHorizon horizon{outcome.window.first_year, outcome.window.first_quarter,
                               outcome.window.quarters};
  CashFlowTable total = make_cash_flow_table(horizon);
  double it_kw = 0.0;
  double gpus = 0.0;
  double capex_usd = 0.0;
  double annualised_usd = 0.0;
  double fixed_om_usd = 0.0;
  double annual_cost_usd = 0.0;
  double gpu_hours = 0.0;
  for (const ProgrammeSite& site : outcome.sites) {
    total = add_cash_flows(total, site.finance.cash_flows);
    for (const BuildingSection& building : site.scenario->buildings) {
      it_kw += building.it_capacity_kw;
      gpus += static_cast<double>(building.gpus);
    }
    for (const CapitalAsset& asset : site.finance.assets) {
      if (!asset.is_refresh) capex_usd += asset.capex_usd;
    }
    annualised_usd += site.finance.costs.annualised_capital_usd_per_yr;
    fixed_om_usd += site.finance.costs.fixed_om_usd_per_yr;
    annual_cost_usd += site.finance.costs.annual_cost_usd_per_yr;
    gpu_hours += site.finance.costs.gpu_hours_per_yr;
  }
  outcome.cash_flows = std::move(total);
  outcome.plan = programme_plan(programme, outcome.sites);
  outcome.funding = assess_funding(outcome.cash_flows, outcome.plan);

  auto& kpis = outcome.kpis;
  kpis.clear();
  const auto add = [&](const char* group, const char* key, double value, const char* unit,
                       const char* description) {
    kpis.push_back(Kpi{group, key, value, unit, description});
  };
  add("programme", "sites", static_cast<double>(outcome.sites.size()), "", "Campuses");
  add("programme", "it_capacity_mw", it_kw / kKwPerMw, "MW", "IT capacity");
  add("programme", "gpus", gpus, "", "GPUs");
  add("programme", "capex_total_usd", capex_usd, "USD", "Capital cost (first build)");
  add("programme", "capex_in_window_usd", sum(outcome.cash_flows.capex_usd), "USD",
      "Capital spent in the window, replacements included");
  add("programme", "annualised_capital_cost_usd_per_yr", annualised_usd, "USD/yr",
      "Annualised capital");
  add("programme", "fixed_om_usd_per_yr", fixed_om_usd, "USD/yr", "Fixed O&M");
  add("programme", "annual_cost_usd_per_yr", annual_cost_usd, "USD/yr",
      "Annual cost: capital + fixed O&M + energy");
  add("programme", "gpu_hours_delivered_per_yr", gpu_hours, "GPU-h/yr", "GPU-hours per year");
  add("programme", "cost_per_gpu_hour_usd_per_gpu_h",
      gpu_hours > 0.0 ? annual_cost_usd / gpu_hours : 0.0, "USD/GPU-h",
      "Cost per GPU-hour delivered");
  add("programme", "revenue_total_usd", sum(outcome.cash_flows.revenue_usd), "USD",
      "Revenue over the window");
  add("programme", "npv_usd",
      npv(programme.programme.discount_rate, outcome.cash_flows.net_cash_flow_usd,
          kYearsPerQuarter),
      "USD", "NPV of the summed cash flows");
  if (const auto rate = irr(outcome.cash_flows.net_cash_flow_usd, kYearsPerQuarter)) {
    add("programme", "irr_fraction", *rate, "fraction", "IRR of the summed cash flows");
  }
  if (const auto payback =
          simple_payback_years(outcome.cash_flows.net_cash_flow_usd, kYearsPerQuarter)) {
    add("programme", "payback_years", *payback, "years", "Simple payback");
  }
  const FundingTable& funding = outcome.funding;
  double programme_equity_usd = 0.0;
  for (const EquitySection& e : programme.equity) {
    programme_equity_usd += e.amount_usd;
  }
  add("funding", "programme_equity_listed_usd", programme_equity_usd, "USD",
      "Partners' equity listed in the programme file (any status)");
  add("funding", "funding_uses_usd", funding.total_uses_usd, "USD",
      "Uses: capex and capitalised interest");
  add("funding", "funding_sources_usd", funding.total_sources_usd, "USD", "Sources counted");
  add("funding", "funding_coverage_fraction", funding.coverage_ratio, "fraction", "Sources / uses");
  add("funding", "peak_funding_gap_usd", funding.peak_gap_usd, "USD", "Peak funding gap");

  outcome.findings.clear();
  outcome.findings.push_back(funding.verdict);
  // The other counting rule, so that the summary answers both questions.
  FundingPlan other = outcome.plan;
  other.count_only_committed = !other.count_only_committed;
  outcome.findings.push_back(std::string(other.count_only_committed
                                             ? "counting committed and drawn money only: "
                                             : "counting announced equity too: ") +
                             assess_funding(outcome.cash_flows, other).verdict);
  outcome.findings.push_back(fmt::format(
      "{} campuses, {:.2f} GW of IT, {:.0f} GPUs; first build {:.1f} $B, {:.1f} $B of capital "
      "spent from {} to {} (replacements included)",
      outcome.sites.size(), it_kw / kKwPerMw / kMwPerGw, gpus, capex_usd / kUsdPerBillion,
      sum(outcome.cash_flows.capex_usd) / kUsdPerBillion, format_date(outcome.window.start),
      format_date(outcome.window.end)));
  assess_parties(programme, outcome, horizon);
  outcome.cashflow_table = cash_flow_table(outcome.cash_flows, outcome.funding);
}

ProgrammeOutcome run_programme(const Programme& programme,
                               const std::vector<ProgrammeCampus>& campuses,
                               const FinanceWindow& window, const SiteProgress& progress) {
  ProgrammeOutcome outcome;
  outcome.window = window;
  for (std::size_t i = 0; i < campuses.size(); ++i) {
    const Scenario& scenario = *campuses[i].scenario;
    const RunInputs& inputs = campuses[i].inputs;
    CampusRun run = simulate(scenario, inputs);
    // Its money on the programme's window; its own outputs on its own window.
    CampusFinance finance = campus_finance(scenario, inputs, run, window);
    outcome.sites.push_back(ProgrammeSite{programme.campuses[i].name, &scenario,
                                          campus_results(scenario, inputs, std::move(run)),
                                          std::move(finance)});
    if (progress) {
      progress(i + 1, campuses.size(), programme.campuses[i].name);
    }
  }
  assess_programme(programme, outcome);
  return outcome;
}

}  // namespace stargate
