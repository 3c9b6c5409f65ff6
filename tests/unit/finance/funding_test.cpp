#include "stargate/finance/funding.hpp"
#include "stargate/finance/money_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

// A build of `total_usd` spent evenly over the quarters of the horizon.
CashFlowTable even_build(const QuarterHorizon& horizon, double total_usd) {
  CashFlowTable t = make_cash_flow_table(horizon);
  for (double& v : t.initial_capex_usd) {
    v = total_usd / static_cast<double>(t.size());
  }
  recompute_totals(t);
  return t;
}

EquityCommitment equity(std::string partner, double amount_usd, LocalTime when,
                        CommitmentStatus status = CommitmentStatus::kCommitted) {
  return EquityCommitment{std::move(partner), amount_usd, when, status};
}

DebtFacility debt(double amount_usd, double rate, LocalTime from) {
  return DebtFacility{"bank", amount_usd, rate, 7.0, from};
}

TEST(Funding, HandComputedGap) {
  // 10 $B over 8 quarters (1.25 $B each, 2026-Q1..2027-Q4); 6 $B equity and a 3 $B facility at
  // 0 % on day 0: sources 9 $B from the start. Cumulative uses 1.25, 2.5, ..., 8.75, 10: they pass
  // 9 $B in the 8th quarter (2027-Q4). Coverage 9 / 10 = 90 %, peak gap 1 $B. Debt is drawn once
  // equity is spent: 6.25 - 6 = 0.25 $B in the 5th quarter, 3 $B (all) by the 8th.
  const CashFlowTable build = even_build(QuarterHorizon{2026, 1, 8}, 10e9);
  FundingPlan plan;
  plan.equity = {equity("partners", 6e9, date(2026, 1, 1))};
  plan.debt = {debt(3e9, 0.0, date(2026, 1, 1))};
  const FundingTable f = assess_funding(build, plan);
  EXPECT_NEAR(f.coverage_ratio, 0.9, 1e-12);
  ASSERT_TRUE(f.shortfall_quarter.has_value());
  EXPECT_EQ(*f.shortfall_quarter, 7U);
  EXPECT_EQ(format_date(*f.money_runs_out), "2027-10-01");
  EXPECT_NEAR(f.peak_gap_usd, 1e9, 1e-3);
  EXPECT_NEAR(f.debt_balance_usd[3], 0.0, 1e-3);
  EXPECT_NEAR(f.debt_balance_usd[4], 0.25e9, 1e-3);
  EXPECT_NEAR(f.debt_balance_usd[7], 3e9, 1e-3);
  for (std::size_t q = 0; q < f.size(); ++q) {
    EXPECT_NEAR(f.cumulative_sources_usd[q], 9e9, 1e-3);
    EXPECT_NEAR(f.position_usd[q], 9e9 - 1.25e9 * static_cast<double>(q + 1), 1e-3);
    EXPECT_DOUBLE_EQ(f.interest_usd[q], 0.0);
  }
  EXPECT_EQ(f.verdict,
            "committed funding covers 90 % of the first build (9.00 $B of 10.00 $B), a gap of "
            "1.00 $B; short from 2027-Q4");
}

TEST(Funding, AnnouncedEquityCountsOnlyWhenAsked) {
  const CashFlowTable build = even_build(QuarterHorizon{2026, 1, 8}, 10e9);
  FundingPlan plan;
  plan.equity = {equity("A", 6e9, date(2026, 1, 1)),
                 equity("B", 2e9, date(2026, 1, 1), CommitmentStatus::kAnnounced)};
  plan.debt = {debt(3e9, 0.0, date(2026, 1, 1))};
  EXPECT_NEAR(assess_funding(build, plan).coverage_ratio, 0.9, 1e-12);
  plan.count_only_committed = false;
  const FundingTable f = assess_funding(build, plan);
  EXPECT_NEAR(f.coverage_ratio, 1.1, 1e-12);
  EXPECT_FALSE(f.shortfall_quarter.has_value());
  EXPECT_DOUBLE_EQ(f.peak_gap_usd, 0.0);
  EXPECT_EQ(f.verdict,
            "announced and committed funding covers the first build (110 %, 11.00 $B of "
            "10.00 $B)");
}

TEST(Funding, LateMoneyIsAShortfallEvenWhenTheTotalCovers) {
  // 12 $B arrives 2027-07-01 (the 7th quarter); until then nothing: shortfall from the first
  // quarter; the peak gap is the 7.5 $B spent by the end of the 6th quarter.
  const CashFlowTable build = even_build(QuarterHorizon{2026, 1, 8}, 10e9);
  FundingPlan plan;
  plan.equity = {equity("late", 12e9, date(2027, 7, 1), CommitmentStatus::kDrawn)};
  const FundingTable f = assess_funding(build, plan);
  EXPECT_NEAR(f.coverage_ratio, 1.2, 1e-12);
  EXPECT_EQ(*f.shortfall_quarter, 0U);
  EXPECT_NEAR(f.peak_gap_usd, 7.5e9, 1e-3);
  EXPECT_EQ(f.verdict,
            "committed funding covers the first build (120 %, 12.00 $B of 10.00 $B) but arrives "
            "late: short from 2026-Q1, peak gap 7.50 $B");
}

TEST(Funding, InterestDuringConstructionIsCapitalised) {
  // All-debt build: 1 $B in each of the first two quarters, a 10 $B facility at 10 %/yr. Quarterly
  // factor 1.1^0.25 - 1 = 0.0241137. Q1: draw 1. Q2: interest 0.0241137, draw 1 -> balance
  // 2.0241137. Q3: interest 2.0241137 * 0.0241137 = 0.0488088 -> balance 2.0729225 = all uses.
  CashFlowTable build = make_cash_flow_table(QuarterHorizon{2026, 1, 3});
  build.initial_capex_usd = {1e9, 1e9, 0.0};
  recompute_totals(build);
  FundingPlan plan;
  plan.debt = {debt(10e9, 0.10, date(2026, 1, 1))};
  const FundingTable f = assess_funding(build, plan);
  const double i_q = std::pow(1.1, 0.25) - 1.0;
  EXPECT_NEAR(i_q, 0.0241137, 1e-7);
  EXPECT_DOUBLE_EQ(f.interest_usd[0], 0.0);
  EXPECT_NEAR(f.interest_usd[1], 1e9 * i_q, 1e-3);
  EXPECT_NEAR(f.interest_usd[2], (2e9 + 1e9 * i_q) * i_q, 1e-3);
  EXPECT_NEAR(f.total_uses_usd, 2.0729225e9, 1e2);
  EXPECT_NEAR(f.debt_balance_usd[2], f.total_uses_usd, 1e-3);
  EXPECT_FALSE(f.shortfall_quarter.has_value());
}

TEST(Funding, LeaseIncomeAccruesFromItsStart) {
  // 4 $B a year from 2026-01-01: 4 * 90 / 365 = 0.98630 $B by the end of 2026-Q1, 4 $B by the end
  // of 2026.
  const CashFlowTable build = even_build(QuarterHorizon{2026, 1, 4}, 4e9);
  FundingPlan plan;
  plan.leases = {LeaseIncome{"Oracle", 4e9, date(2026, 1, 1), 15.0}};
  const FundingTable f = assess_funding(build, plan);
  EXPECT_NEAR(f.cumulative_lease_usd[0], 4e9 * 90.0 / 365.0, 1e-3);
  EXPECT_NEAR(f.cumulative_lease_usd[3], 4e9, 1e-3);
  EXPECT_NEAR(f.coverage_ratio, 1.0, 1e-12);
  // Even spend runs slightly ahead of the accrual: gaps 1 - 0.98630 = 0.01370 $B in Q1,
  // 2 - 4 * 181 / 365 = 0.01644 $B in Q2 (the peak), 3 - 4 * 273 / 365 = 0.00822 $B in Q3.
  EXPECT_EQ(*f.shortfall_quarter, 0U);
  EXPECT_NEAR(f.peak_gap_usd, 2e9 - 4e9 * 181.0 / 365.0, 1e-3);
}

TEST(Funding, AbileneJointVentureStack) {
  // FACTS.md: the Abilene JV raised 15 $B: 9.6 $B of construction loans and ~5 $B of equity. Over
  // an even 15 $B build the stack covers 14.6 / 15 = 97.3 %; the last 0.4 $B is short in the final
  // quarter (cumulative 13.125 $B after 7 of 8 quarters < 14.6).
  const CashFlowTable build = even_build(QuarterHorizon{2024, 3, 8}, 15e9);
  FundingPlan plan;
  plan.equity = {equity("Crusoe / Blue Owl / Primary Digital", 5e9, date(2024, 7, 1))};
  plan.debt = {debt(9.6e9, 0.0, date(2024, 7, 1))};
  const FundingTable f = assess_funding(build, plan);
  EXPECT_NEAR(f.coverage_ratio, 14.6 / 15.0, 1e-12);
  EXPECT_EQ(*f.shortfall_quarter, 7U);
  EXPECT_NEAR(f.peak_gap_usd, 0.4e9, 1e-3);
  EXPECT_EQ(f.verdict,
            "committed funding covers 97 % of the first build (14.60 $B of 15.00 $B), a gap of "
            "400.0 M$; short from 2026-Q2");
}

TEST(Funding, SCurveBuildFromCashFlows) {
  // 10 $B on the S-curve over 2026, 5 $B committed equity: money runs out in the quarter where the
  // cumulative share first passes 50 %, S(181/365) = 0.4938 < 0.5 < S(273/365): 2026-Q3.
  CapitalAsset campus;
  campus.name = "campus";
  campus.capex_usd = 10e9;
  campus.online = date(2027, 1, 1);
  campus.construction_months = 12;
  const CashFlowTable build = build_cash_flows({campus}, QuarterHorizon{2026, 1, 4});
  FundingPlan plan;
  plan.equity = {equity("SoftBank", 5e9, date(2026, 1, 1))};
  const FundingTable f = assess_funding(build, plan);
  EXPECT_EQ(quarter_label(*f.money_runs_out), "2026-Q3");
  EXPECT_NEAR(f.coverage_ratio, 0.5, 1e-9);
}

TEST(Funding, StatusNamesRoundTrip) {
  for (auto s :
       {CommitmentStatus::kAnnounced, CommitmentStatus::kCommitted, CommitmentStatus::kDrawn}) {
    EXPECT_EQ(commitment_status_from_name(commitment_status_name(s)), s);
  }
  EXPECT_FALSE(commitment_status_from_name("rumoured").has_value());
}

TEST(Funding, BadParametersThrow) {
  const CashFlowTable build = even_build(QuarterHorizon{2026, 1, 4}, 1e9);
  FundingPlan plan;
  plan.equity = {equity("SoftBank", -1.0, date(2026, 1, 1))};
  EXPECT_THROW((void)assess_funding(build, plan), std::invalid_argument);
  plan.equity = {equity("SoftBank", 1e9, date(2027, 1, 1))};  // the horizon ends 2027-01-01
  try {
    (void)assess_funding(build, plan);
    ADD_FAILURE() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("equity commitment 'SoftBank' date"), std::string::npos)
        << e.what();
  }
  plan.equity.clear();
  plan.debt = {debt(1e9, -1.5, date(2026, 1, 1))};
  EXPECT_THROW((void)assess_funding(build, plan), std::invalid_argument);
  plan.debt = {debt(1e9, 0.07, date(2026, 1, 1))};
  plan.debt[0].tenor_years = 0.0;
  EXPECT_THROW((void)assess_funding(build, plan), std::invalid_argument);
  plan.debt.clear();
  plan.leases = {LeaseIncome{"Oracle", 1e9, date(2026, 1, 1), 0.0}};
  EXPECT_THROW((void)assess_funding(build, plan), std::invalid_argument);
  plan.leases = {LeaseIncome{"Oracle", 1e9, date(2030, 1, 1), 15.0}};
  EXPECT_THROW((void)assess_funding(build, plan), std::invalid_argument);
}

TEST(Funding, LeaseIncomeByQuarterAndItsNpvByHand) {
  // A tenant pays 1 $B a year from 2026-01-01 for 15 years (to 2041-01-01: 5,479 days with four
  // leap days, so 5479 / 365 = 15.0110 $B in all at 1 $B per 365 days). Quarter 1 (90 days):
  // 0.246575 $B; quarter 2 (91 days): 0.249315 $B. The NPV at 7.5 % of the quarterly stream
  // (value k at k / 4 years), summed by hand over the real quarter lengths, is 9.242016 $B; a level
  // 0.25 $B a quarter would give 0.25 (1 - v^60) / (1 - v) = 9.237151 $B, v = 1.075^-0.25.
  const QuarterHorizon horizon{2026, 1, 64};
  const CashFlowTable table = make_cash_flow_table(horizon);
  const std::vector<LeaseIncome> leases = {{"tenant", 1e9, date(2026, 1, 1), 15.0}};
  const std::vector<double> income = lease_income_by_quarter(leases, table);
  ASSERT_EQ(income.size(), 64U);
  EXPECT_NEAR(income[0], 1e9 * 90.0 / 365.0, 1e-3);
  EXPECT_NEAR(income[1], 1e9 * 91.0 / 365.0, 1e-3);
  double total = 0.0;
  for (const double v : income) {
    total += v;
  }
  EXPECT_NEAR(total, 1e9 * 5479.0 / 365.0, 1e-2);
  EXPECT_DOUBLE_EQ(income[60], 0.0);  // the lease has ended
  EXPECT_NEAR(npv(0.075, income, 0.25), 9.242016054e9, 1e3);
  const double v = std::pow(1.075, -0.25);
  EXPECT_NEAR(npv(0.075, income, 0.25), 0.25e9 * (1.0 - std::pow(v, 60)) / (1.0 - v),
              0.001e9 * 9.3);
  // Accrual to a date: a quarter in, 90 days' worth; never beyond the term.
  EXPECT_NEAR(lease_income_to_usd(leases[0], date(2026, 4, 1)), 1e9 * 90.0 / 365.0, 1e-3);
  EXPECT_NEAR(lease_income_to_usd(leases[0], date(2050, 1, 1)), total, 1e-2);
  EXPECT_DOUBLE_EQ(lease_income_to_usd(leases[0], date(2025, 1, 1)), 0.0);
}

}  // namespace
}  // namespace stargate
