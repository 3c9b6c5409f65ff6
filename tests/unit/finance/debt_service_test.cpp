// Term debt after completion by hand: an annuity schedule, sculpting to a target DSCR, a balloon,
// the cover ratios, and the funding view that stops capitalising at completion.
#include "stargate/finance/debt_service.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stargate/finance/funding.hpp"

namespace stargate {
namespace {

TEST(DebtService, LevelScheduleByHand) {
  // 100 M$ at 8 %/yr over 2 years: r = 1.08^(1/4) - 1 = 1.94265 %, P = 100 r / (1 - (1 + r)^-8)
  // = 13.6173 M$; first quarter interest 1.9427, principal 11.6746; the balance reaches 0.
  const LoanSchedule s = amortise(TermLoan{100.0, 0.08, 2.0}, std::vector<double>(12, 50.0));
  EXPECT_NEAR(quarterly_rate(0.08), 0.0194265469, 1e-10);
  EXPECT_NEAR(s.interest_usd[0], 1.94265469, 1e-8);
  EXPECT_NEAR(s.principal_usd[0], 11.67460752, 1e-8);
  double principal = 0.0;
  for (std::size_t q = 0; q < 8; ++q) {
    EXPECT_NEAR(s.interest_usd[q] + s.principal_usd[q], 13.61726221, 1e-8) << q;
    principal += s.principal_usd[q];
  }
  EXPECT_NEAR(principal, 100.0, 1e-9);
  EXPECT_NEAR(s.balance_usd[7], 0.0, 1e-9);
  for (std::size_t q = 8; q < 12; ++q) EXPECT_EQ(s.interest_usd[q] + s.principal_usd[q], 0.0);
  for (std::size_t q = 1; q < 8; ++q) EXPECT_LT(s.balance_usd[q], s.balance_usd[q - 1]);
}

TEST(DebtService, ZeroRateRepaysEqualShares) {
  const LoanSchedule s = amortise(TermLoan{80.0, 0.0, 1.0}, std::vector<double>(4, 30.0));
  for (std::size_t q = 0; q < 4; ++q) EXPECT_NEAR(s.principal_usd[q], 20.0, 1e-12);
}

TEST(DebtService, SculptedHoldsTheCoverConstant) {
  // CFADS 10, 20, 30, 40 at 0 % over one year, 50 owed: k = 50 / 100 = 0.5 (< 1 / 1.3), debt
  // service 5, 10, 15, 20: DSCR 2.0 in every quarter, repaid exactly, no balloon.
  const std::vector<double> cfads = {10.0, 20.0, 30.0, 40.0};
  const LoanSchedule s = amortise(TermLoan{50.0, 0.0, 1.0, Repayment::kSculpted, 1.3}, cfads);
  for (std::size_t q = 0; q < 4; ++q) {
    EXPECT_NEAR(cfads[q] / (s.interest_usd[q] + s.principal_usd[q]), 2.0, 1e-12) << q;
  }
  EXPECT_NEAR(s.balance_usd[3], 0.0, 1e-12);
  EXPECT_EQ(s.balloon_usd, 0.0);
  // 90 owed: sized at DSCR 1.3 the cash flow carries 100 / 1.3 = 76.92; 13.08 is a balloon.
  const LoanSchedule tight = amortise(TermLoan{90.0, 0.0, 1.0, Repayment::kSculpted, 1.3}, cfads);
  EXPECT_NEAR(tight.principal_usd[0], 10.0 / 1.3, 1e-12);
  EXPECT_NEAR(tight.balloon_usd, 90.0 - 100.0 / 1.3, 1e-9);
  EXPECT_NEAR(tight.balance_usd[3], 0.0, 1e-12);
}

TEST(DebtService, YearlyCover) {
  // Debt service from quarter 2: years {2..5} and {6..7}: (4 x 10) / (4 x 5) = 2, 20 / 5 = 4.
  const std::vector<double> cfads(8, 10.0);
  const std::vector<double> service = {0, 0, 5, 5, 5, 5, 2.5, 2.5};
  const DscrSummary d = dscr_summary(cfads, service);
  EXPECT_EQ(d.years, 2U);
  EXPECT_NEAR(d.min, 2.0, 1e-12);
  EXPECT_NEAR(d.average, 3.0, 1e-12);
}

TEST(FundingWithRepayment, InterestIsCapitalisedOnlyUntilCompletion) {
  // 8 quarters from 2026-01-01; 4 $B of capex in Q1, no equity; a 4 $B facility at 8 % for 1
  // year after completion at 2026-04-01. Q1: 4 drawn; Q2 on: no capitalisation, level repayment
  // of 4 $B over 4 quarters from the revenue (CFADS 2 $B a quarter); the balance never grows.
  const QuarterHorizon horizon{2026, 1, 8};
  CashFlowTable flows = make_cash_flow_table(horizon);
  flows.capex_usd[0] = 4e9;
  for (std::size_t q = 0; q < 8; ++q) flows.revenue_usd[q] = 2e9;
  FundingPlan plan;
  plan.debt.push_back(
      DebtFacility{"bank", 4e9, 0.08, 1.0, local_from_civil(CivilTime{2025, 1, 1})});
  plan.completion = local_from_civil(CivilTime{2026, 4, 1});
  const FundingTable t = assess_funding(flows, plan);
  EXPECT_NEAR(t.debt_drawn_usd[0], 4e9, 1);
  EXPECT_NEAR(t.debt_at_completion_usd, 4e9, 1);
  double capitalised = 0.0;
  for (double i : t.interest_usd) capitalised += i;
  EXPECT_EQ(capitalised, 0.0);  // nothing was owed at the start of Q1
  const double payment = level_payment_usd(4e9, quarterly_rate(0.08), 4);
  for (std::size_t q = 1; q < 5; ++q) {
    EXPECT_NEAR(t.debt_interest_paid_usd[q] + t.debt_principal_usd[q], payment, 1e-3) << q;
    EXPECT_LE(t.debt_balance_usd[q], t.debt_balance_usd[q - 1]);
  }
  EXPECT_NEAR(t.debt_balance_usd[4], 0.0, 1e-3);
  EXPECT_NEAR(t.dscr.min, 4 * 2e9 / (4 * payment), 1e-9);
  // The first build is 4 $B, covered by the 4 $B facility.
  EXPECT_NEAR(t.first_build_uses_usd, 4e9, 1);
  EXPECT_NEAR(t.first_build_coverage, 1.0, 1e-12);
  // Without a completion date the construction view capitalises interest throughout.
  plan.completion.reset();
  const FundingTable construction = assess_funding(flows, plan);
  EXPECT_GT(construction.debt_balance_usd[7], 4e9);
}

TEST(FundingWithRepayment, LaterCapitalIsPaidFromOperatingCashFirst) {
  // 2 $B built in Q1 with 2 $B of equity; completion 2026-04-01; CFADS 1 $B a quarter, no debt.
  // A 3 $B replacement in Q4 (2026-10-01) finds 3 $B of cash (Q2-Q4): paid from cash. A 5 $B one
  // in the next Q2 finds 2 $B (Q1-Q2 of 2027): 3 $B beyond the operating cash.
  const QuarterHorizon horizon{2026, 1, 8};
  CashFlowTable flows = make_cash_flow_table(horizon);
  flows.capex_usd[0] = 2e9;
  flows.capex_usd[3] = 3e9;
  flows.replacement_capex_usd[3] = 3e9;
  flows.capex_usd[5] = 5e9;
  flows.replacement_capex_usd[5] = 5e9;
  for (std::size_t q = 1; q < 8; ++q) flows.revenue_usd[q] = 1e9;
  FundingPlan plan;
  plan.equity.push_back(EquityCommitment{"sponsor", 2e9, local_from_civil(CivilTime{2025, 1, 1}),
                                         CommitmentStatus::kCommitted});
  plan.completion = local_from_civil(CivilTime{2026, 4, 1});
  const FundingTable t = assess_funding(flows, plan);
  EXPECT_NEAR(t.first_build_uses_usd, 2e9, 1);
  EXPECT_NEAR(t.later_uses_usd, 8e9, 1);
  EXPECT_NEAR(t.later_paid_from_cash_usd, 5e9, 1);
  EXPECT_NEAR(t.beyond_operating_cash_usd, 3e9, 1);
  EXPECT_NEAR(t.lifetime_coverage, (2e9 + 5e9) / 10e9, 1e-12);
  EXPECT_EQ(t.refresh_years, (std::vector<int>{2026, 2027}));
  EXPECT_EQ(t.verdict,
            "committed funding covers the first build (100 %, 2.00 $B of 2.00 $B); later capital "
            "of 8.00 $B (refreshes in 2026, 2027) needs 3.00 $B beyond the operating cash after "
            "debt service");
}

}  // namespace
}  // namespace stargate
