// Sources and uses of funds. Equations, conventions, a worked number and sources are at the top of
// include/stargate/finance/funding.hpp and in docs/finance.md.
#include "stargate/finance/funding.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"

namespace stargate {
namespace {

// A gap smaller than this (rounding of sums of billions) is not a shortfall.
constexpr double kGapToleranceUsd = 1e-3;
constexpr std::array<std::string_view, 3> kStatusNames = {"announced", "committed", "drawn"};

void require(bool ok, const std::string& where, const char* field, const std::string& expected) {
  if (!ok) {
    throw std::invalid_argument(where + " " + field + ": expected " + expected);
  }
}

void require_amount(double value, const std::string& where, const char* field) {
  require(std::isfinite(value) && value >= 0.0, where, field,
          "a finite amount >= 0, got " + std::to_string(value));
}

void require_before(LocalTime date, LocalTime horizon_end, const std::string& where,
                    const char* field) {
  require(
      date < horizon_end, where, field,
      "a date before the horizon end " + format_date(horizon_end) + ", got " + format_date(date));
}

double seconds_between(LocalTime a, LocalTime b) {
  return static_cast<double>(b.seconds - a.seconds);
}

bool counts(const EquityCommitment& commitment, bool count_only_committed) {
  return !count_only_committed || commitment.status != CommitmentStatus::kAnnounced;
}

}  // namespace

std::string_view commitment_status_name(CommitmentStatus status) {
  return kStatusNames.at(static_cast<std::size_t>(status));
}

std::optional<CommitmentStatus> commitment_status_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) {
      return static_cast<CommitmentStatus>(i);
    }
  }
  return std::nullopt;
}

void validate_funding_plan(const FundingPlan& plan, LocalTime horizon_end) {
  for (const EquityCommitment& e : plan.equity) {
    const std::string where = "equity commitment '" + e.partner + "'";
    require_amount(e.amount_usd, where, "amount_usd");
    require_before(e.date, horizon_end, where, "date");
    require(static_cast<std::size_t>(e.status) < kStatusNames.size(), where, "status",
            "announced, committed or drawn");
  }
  for (const DebtFacility& d : plan.debt) {
    const std::string where = "debt facility '" + d.lender + "'";
    require_amount(d.amount_usd, where, "amount_usd");
    require(std::isfinite(d.interest_rate) && d.interest_rate > -1.0, where, "interest_rate",
            "an annual fraction above -1 (-100 %), got " + std::to_string(d.interest_rate));
    require(std::isfinite(d.tenor_years) && d.tenor_years > 0.0, where, "tenor_years",
            "a tenor > 0 years, got " + std::to_string(d.tenor_years));
    require(std::isfinite(d.target_dscr) && d.target_dscr > 0.0, where, "target_dscr",
            "a cover ratio > 0, got " + std::to_string(d.target_dscr));
    require(std::isfinite(d.dscr_covenant) && d.dscr_covenant >= 0.0, where, "dscr_covenant",
            "a cover ratio >= 0, got " + std::to_string(d.dscr_covenant));
    require_before(d.available_from, horizon_end, where, "available_from");
  }
  for (const LeaseIncome& l : plan.leases) {
    const std::string where = "lease income '" + l.payer + "'";
    require_amount(l.amount_usd_per_year, where, "amount_usd_per_year");
    require(std::isfinite(l.years) && l.years > 0.0, where, "years",
            "a term > 0 years, got " + std::to_string(l.years));
    require_before(l.start, horizon_end, where, "start");
  }
}

double lease_income_to_usd(const LeaseIncome& lease, LocalTime until) {
  const LocalTime to = std::min(until, add_years(lease.start, lease.years));
  if (!(lease.start < to)) {
    return 0.0;
  }
  return lease.amount_usd_per_year * seconds_between(lease.start, to) / kSecondsPerYear;
}

std::vector<double> lease_income_by_quarter(const std::vector<LeaseIncome>& leases,
                                            const CashFlowTable& cash_flows) {
  const std::size_t n = cash_flows.size();
  std::vector<double> income(n, 0.0);
  for (const LeaseIncome& l : leases) {
    double before = n > 0 ? lease_income_to_usd(l, cash_flows.quarter_start[0]) : 0.0;
    for (std::size_t q = 0; q < n; ++q) {
      const LocalTime end = q + 1 < n ? cash_flows.quarter_start[q + 1] : cash_flows.horizon_end;
      const double to_end = lease_income_to_usd(l, end);
      income[q] += to_end - before;
      before = to_end;
    }
  }
  return income;
}

namespace {

// From the first quarter starting at or after completion: each facility amortises its balance
// over its tenor from the quarters' CFADS (debt_service.hpp); fills the debt columns of `t`.
void repay_after_completion(const FundingPlan& plan, std::size_t first_q,
                            const std::vector<double>& balance_usd, FundingTable& t) {
  const std::size_t n = t.size();
  const std::vector<double> cfads(t.cfads_usd.begin() + static_cast<std::ptrdiff_t>(first_q),
                                  t.cfads_usd.end());
  std::vector<double> service(n, 0.0);
  for (std::size_t q = first_q; q < n; ++q) t.debt_balance_usd[q] = 0.0;
  for (std::size_t f = 0; f < plan.debt.size(); ++f) {
    const DebtFacility& d = plan.debt[f];
    const LoanSchedule s = amortise(
        TermLoan{balance_usd[f], d.interest_rate, d.tenor_years, d.repayment, d.target_dscr},
        cfads);
    t.balloon_usd += s.balloon_usd;
    for (std::size_t k = 0; k < cfads.size(); ++k) {
      t.debt_interest_paid_usd[first_q + k] += s.interest_usd[k];
      t.debt_principal_usd[first_q + k] += s.principal_usd[k];
      t.debt_balance_usd[first_q + k] += s.balance_usd[k];
      service[first_q + k] += s.interest_usd[k] + s.principal_usd[k];
    }
    t.debt_at_completion_usd += balance_usd[f];
    t.dscr_covenant = std::max(t.dscr_covenant, d.dscr_covenant);
  }
  t.dscr = dscr_summary(t.cfads_usd, service);
}

// The first build against the sources, and the later uses paid from what is left of the sources,
// then from operating cash after debt service, the rest needing new funding.
void lifetime_funding(const CashFlowTable& cash_flows, std::optional<std::size_t> first_q,
                      const std::vector<double>& debt_service_usd, FundingTable& t) {
  const std::size_t n = t.size();
  const std::size_t from = first_q.value_or(n);
  t.first_build_uses_usd = from > 0 ? t.cumulative_uses_usd[from - 1] : 0.0;
  t.first_build_coverage =
      t.first_build_uses_usd > 0.0 ? t.total_sources_usd / t.first_build_uses_usd : 1.0;
  double spare = std::max(0.0, t.total_sources_usd - t.first_build_uses_usd);
  double cash = 0.0;
  for (std::size_t q = from; q < n; ++q) {
    cash += t.cfads_usd[q] - debt_service_usd[q];
    double need = t.capex_usd[q];
    t.later_uses_usd += need;
    const double from_spare = std::min(spare, need);
    spare -= from_spare;
    need -= from_spare;
    const double from_cash = std::min(std::max(0.0, cash), need);
    cash -= from_cash;
    t.later_paid_from_cash_usd += from_cash;
    t.beyond_operating_cash_usd += need - from_cash;
    if (cash_flows.replacement_capex_usd[q] > 0.0) {
      const int year = civil_from_local(t.quarter_start[q]).year;
      if (t.refresh_years.empty() || t.refresh_years.back() != year)
        t.refresh_years.push_back(year);
    }
  }
  t.lifetime_coverage = t.total_uses_usd > 0.0
                            ? (t.total_sources_usd + t.later_paid_from_cash_usd) / t.total_uses_usd
                            : 1.0;
}

}  // namespace

FundingTable assess_funding(const CashFlowTable& cash_flows, const FundingPlan& plan) {
  validate_funding_plan(plan, cash_flows.horizon_end);
  const std::size_t n = cash_flows.size();
  FundingTable t;
  t.quarter_start = cash_flows.quarter_start;
  t.capex_usd = cash_flows.capex_usd;
  for (auto* column :
       {&t.interest_usd, &t.cumulative_uses_usd, &t.cumulative_equity_usd, &t.cumulative_debt_usd,
        &t.cumulative_lease_usd, &t.cumulative_sources_usd, &t.debt_balance_usd, &t.position_usd,
        &t.debt_drawn_usd, &t.debt_interest_paid_usd, &t.debt_principal_usd, &t.cfads_usd}) {
    column->assign(n, 0.0);
  }
  for (std::size_t q = 0; q < n; ++q) {
    t.cfads_usd[q] = cash_flows.revenue_usd[q] - cash_flows.fixed_om_usd[q] -
                     cash_flows.energy_cost_usd[q] - cash_flows.fuel_cost_usd[q] -
                     cash_flows.payments_usd[q] - cash_flows.tax_usd[q] +
                     cash_flows.tax_credit_usd[q];
  }
  std::vector<double> balance_usd(plan.debt.size(), 0.0);
  std::optional<std::size_t> repaying_from;  // first quarter at or after completion
  double uses = 0.0;
  for (std::size_t q = 0; q < n; ++q) {
    const LocalTime end = q + 1 < n ? cash_flows.quarter_start[q + 1] : cash_flows.horizon_end;
    const bool operating = plan.completion && !(t.quarter_start[q] < *plan.completion);
    if (operating && !repaying_from) repaying_from = q;
    double equity = 0.0;
    for (const EquityCommitment& e : plan.equity) {
      if (counts(e, plan.count_only_committed) && e.date < end) {
        equity += e.amount_usd;
      }
    }
    double lease = 0.0;
    for (const LeaseIncome& l : plan.leases) {
      lease += lease_income_to_usd(l, end);
    }
    // Before completion: capitalised interest on the opening balances, then equity-first draws in
    // listed order. After it: no draws; the debt is repaid below.
    double interest = 0.0;
    double debt_available = 0.0;
    double drawn = 0.0;
    for (std::size_t f = 0; f < plan.debt.size(); ++f) {
      if (!operating) {
        const double accrued =
            balance_usd[f] * std::expm1(kYearsPerQuarter * std::log1p(plan.debt[f].interest_rate));
        balance_usd[f] += accrued;
        interest += accrued;
      }
      drawn += balance_usd[f];
      if (plan.debt[f].available_from < end) {
        debt_available += plan.debt[f].amount_usd;
      }
    }
    uses += t.capex_usd[q] + interest;
    double need = operating ? 0.0 : std::max(0.0, uses - equity - lease - drawn);
    for (std::size_t f = 0; f < plan.debt.size() && need > 0.0; ++f) {
      if (!(plan.debt[f].available_from < end)) {
        continue;
      }
      const double draw = std::min(need, std::max(0.0, plan.debt[f].amount_usd - balance_usd[f]));
      balance_usd[f] += draw;
      t.debt_drawn_usd[q] += draw;
      need -= draw;
    }
    double balance = 0.0;
    for (const double b : balance_usd) {
      balance += b;
    }
    t.interest_usd[q] = interest;
    t.cumulative_uses_usd[q] = uses;
    t.cumulative_equity_usd[q] = equity;
    t.cumulative_debt_usd[q] = debt_available;
    t.cumulative_lease_usd[q] = lease;
    t.cumulative_sources_usd[q] = equity + debt_available + lease;
    t.debt_balance_usd[q] = balance;
    t.position_usd[q] = t.cumulative_sources_usd[q] - uses;
    const double gap = -t.position_usd[q];
    t.peak_gap_usd = std::max(t.peak_gap_usd, gap);
    if (!operating) t.first_build_peak_gap_usd = std::max(t.first_build_peak_gap_usd, gap);
    if (gap > kGapToleranceUsd && !t.shortfall_quarter) {
      t.shortfall_quarter = q;
      t.money_runs_out = t.quarter_start[q];
    }
  }
  if (repaying_from) {
    repay_after_completion(plan, *repaying_from, balance_usd, t);
  }
  t.total_uses_usd = uses;
  t.total_sources_usd = n > 0 ? t.cumulative_sources_usd[n - 1] : 0.0;
  t.coverage_ratio = uses > 0.0 ? t.total_sources_usd / uses : 1.0;
  std::vector<double> service(n, 0.0);
  for (std::size_t q = 0; q < n; ++q) {
    service[q] = t.debt_interest_paid_usd[q] + t.debt_principal_usd[q];
  }
  lifetime_funding(
      cash_flows,
      plan.completion ? std::optional<std::size_t>(repaying_from.value_or(n)) : std::nullopt,
      service, t);
  t.verdict = funding_verdict(t, plan.count_only_committed);
  return t;
}

std::string funding_verdict(const FundingTable& table, bool count_only_committed) {
  const std::string who =
      count_only_committed ? "committed funding" : "announced and committed funding";
  if (table.total_uses_usd <= 0.0) {
    return "the build needs no funding within the horizon";
  }
  const double first_uses =
      table.first_build_uses_usd > 0.0 ? table.first_build_uses_usd : table.total_uses_usd;
  const std::string amounts = money_text(table.total_sources_usd) + " of " + money_text(first_uses);
  const double percent = table.first_build_coverage * kPercentPerFraction;
  const bool late = table.shortfall_quarter &&
                    table.cumulative_uses_usd[*table.shortfall_quarter] <= first_uses * (1 + 1e-12);
  std::string first;
  if (table.first_build_coverage < 1.0) {
    first = fmt::format("{} covers {:.0f} % of the first build ({}), a gap of {}", who, percent,
                        amounts, money_text(first_uses - table.total_sources_usd));
    if (table.money_runs_out) first += "; short from " + quarter_label(*table.money_runs_out);
  } else if (late && table.money_runs_out) {
    first = fmt::format(
        "{} covers the first build ({:.0f} %, {}) but arrives late: short from {}, "
        "peak gap {}",
        who, percent, amounts, quarter_label(*table.money_runs_out),
        money_text(table.first_build_peak_gap_usd));
  } else {
    first = fmt::format("{} covers the first build ({:.0f} %, {})", who, percent, amounts);
  }
  if (table.later_uses_usd <= 0.0) {
    return first;
  }
  std::string years;
  for (const int year : table.refresh_years) {
    years += (years.empty() ? "" : ", ") + std::to_string(year);
  }
  const std::string later = fmt::format("later capital of {}{}", money_text(table.later_uses_usd),
                                        years.empty() ? "" : " (refreshes in " + years + ")");
  if (table.beyond_operating_cash_usd <= kGapToleranceUsd) {
    return fmt::format("{}; {} is paid from operating cash after debt service", first, later);
  }
  return fmt::format("{}; {} needs {} beyond the operating cash after debt service", first, later,
                     money_text(table.beyond_operating_cash_usd));
}

}  // namespace stargate
