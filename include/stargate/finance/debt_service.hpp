// Term debt after the build, as lenders write it: interest during construction is capitalised
// only until completion; from then on the loan amortises over its tenor and is paid from the
// campus's operating cash, quarter by quarter, so its balance never grows after completion.
//
// Quarterly rate r = (1 + i)^(1/4) - 1 at annual rate i; n = tenor x 4 quarters from completion;
// B the balance at completion (draws plus capitalised interest).
//   Level payment (annuity):  P = B r / (1 - (1 + r)^-n);  interest_q = balance r,
//                             principal_q = P - interest_q.
//   Sculpted to a target DSCR: debt service DS_q = k CFADS_q, with k chosen so that the debt
//                             service pays off B over the tenor (PV at r of k CFADS = B), capped
//                             at k = 1 / target (the lender's sizing): a balance left at the
//                             end of the tenor is due then (a balloon), and the quarter's
//                             debt service is never below its interest.
// CFADS (cash flow available for debt service) = revenue - fixed O&M - energy - fuel - tax of
// the quarter. DSCR of a year = its CFADS / its debt service, over each 4 quarters from
// the first repayment quarter; min and average over the years with debt service.
// E. R. Yescombe, "Principles of Project Finance", 2nd ed., Academic Press, 2014, ch. 12-14
// (annuity and sculpted repayment, cover ratios, typical covenants 1.10-1.40).
//
// Worked number (tests): 100 M$ at 8 %/yr over 2 years, level: r = 1.9427 %, P = 13.617 M$ a
// quarter for 8 quarters; first interest 1.943 M$, first principal 11.675 M$.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace stargate {

enum class Repayment { kLevel, kSculpted };

/// One facility's terms after completion.
struct TermLoan {
  double balance_usd = 0.0;    ///< at completion, >= 0
  double interest_rate = 0.0;  ///< annual fraction, > -1
  double tenor_years = 7.0;    ///< > 0, from completion
  Repayment repayment = Repayment::kLevel;
  double target_dscr = 1.3;  ///< sculpted: the lender's sizing cover, > 0
};

/// Per quarter from completion (struct of arrays, one value per quarter passed in `cfads_usd`).
struct LoanSchedule {
  std::vector<double> interest_usd;
  std::vector<double> principal_usd;
  std::vector<double> balance_usd;  ///< at the end of the quarter
  double balloon_usd = 0.0;         ///< sculpted: principal left for the tenor's last quarter
};

/// Quarterly rate of an annual rate: (1 + i)^(1/4) - 1.
[[nodiscard]] double quarterly_rate(double annual_rate);

/// Level payment per quarter of `balance_usd` over `quarters` at quarterly rate `r`.
[[nodiscard]] double level_payment_usd(double balance_usd, double r, std::size_t quarters);

/// The loan's schedule over the quarters of `cfads_usd` (the operating quarters from completion;
/// the loan ends after tenor x 4 of them or at the end of the list, whichever is first, the
/// balance left then being repaid in that quarter). Throws std::invalid_argument for bad terms.
[[nodiscard]] LoanSchedule amortise(const TermLoan& loan, const std::vector<double>& cfads_usd);

/// Cover ratios of debt service over years of 4 quarters from the first quarter with debt
/// service.
struct DscrSummary {
  double min = 0.0;      ///< 0 when there is no debt service
  double average = 0.0;  ///< mean of the yearly ratios
  std::size_t years = 0;
};

[[nodiscard]] DscrSummary dscr_summary(const std::vector<double>& cfads_usd,
                                       const std::vector<double>& debt_service_usd);

}  // namespace stargate
