// Sources and uses of funds over the build, quarter by quarter: can the money pay for the campus?
//
// Uses (cumulative to the end of quarter q):  U_q = sum_{j<=q} (capex_j + IDC_j)
//   capex from a CashFlowTable (initial + replacement), IDC = interest during construction.
// Sources available (cumulative):  A_q = E_q + D_q + L_q
//   E_q: equity commitments dated before the end of quarter q (only committed and drawn ones when
//        count_only_committed, else announced ones too);
//   D_q: the full amount of every debt facility available before the end of quarter q;
//   L_q: lease income accrued to the end of quarter q (amount per year * years in force).
// Position P_q = A_q - U_q; gap G_q = max(0, -P_q); peak gap = max_q G_q; money runs out in the
// first quarter with U_q > A_q; coverage = A_N / U_N at the end of the horizon (N quarters).
//
// Debt is drawn *after equity* ("equity first", the usual condition of construction lenders,
// E. R. Yescombe, "Principles of Project Finance", 2nd ed., Academic Press, 2014): each
// quarter the draw is what cumulative uses need beyond equity and lease income, limited by what is
// undrawn, taken from the facilities in the order listed. Interest on the balance drawn at the
// start of a quarter, B (1 + i)^(1/4) - B at annual rate i, is *capitalised*: added to the
// balance and to the uses of that quarter (so it consumes facility headroom and compounds), as is
// usual for construction loans (Yescombe, ibid.), until completion (FundingPlan::completion, the
// last asset's first day in service). From the first quarter starting at or after completion
// nothing more is drawn and each facility amortises over its tenor (debt_service.hpp: level or
// sculpted to a target DSCR), its interest and principal paid from the quarter's CFADS; the
// balance never grows after completion. Without a completion date interest is capitalised
// throughout (the construction view alone).
//
// Worked number (tests): a 10 $B build spent evenly over 8 quarters (1.25 $B each), 6 $B equity on
// day 0 and a 3 $B facility at 0 % interest: A = 9 $B throughout, U reaches 10 $B; U_7 = 10 > 9
// first in the 8th quarter, peak gap 1 $B, coverage 9 / 10 = 90 %.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/debt_service.hpp"

namespace stargate {

enum class CommitmentStatus { kAnnounced, kCommitted, kDrawn };

/// "announced", "committed", "drawn".
[[nodiscard]] std::string_view commitment_status_name(CommitmentStatus status);
[[nodiscard]] std::optional<CommitmentStatus> commitment_status_from_name(std::string_view name);

struct EquityCommitment {
  std::string partner;
  double amount_usd = 0.0;  ///< >= 0
  LocalTime date;           ///< when the money is available; before the horizon end
  CommitmentStatus status = CommitmentStatus::kCommitted;
};

struct DebtFacility {
  std::string lender;
  double amount_usd = 0.0;     ///< facility size, >= 0
  double interest_rate = 0.0;  ///< annual fraction, > -1 (e.g. SOFR + 300 bp ~ 0.073)
  double tenor_years = 7.0;    ///< > 0, repaid over this many years from completion
  LocalTime available_from;    ///< first date it can be drawn; before the horizon end
  Repayment repayment = Repayment::kLevel;
  double target_dscr = 1.3;    ///< sculpted: the cover the repayment is sized to
  double dscr_covenant = 1.2;  ///< a year's DSCR below this breaches the loan's covenant
};

struct LeaseIncome {
  std::string payer;
  double amount_usd_per_year = 0.0;  ///< >= 0
  LocalTime start;                   ///< before the horizon end
  double years = 15.0;               ///< > 0
};

struct FundingPlan {
  std::vector<EquityCommitment> equity;
  std::vector<DebtFacility> debt;
  std::vector<LeaseIncome> leases;
  bool count_only_committed = true;  ///< ignore announced equity
  /// End of construction: interest is capitalised before, the debt amortises after. None: the
  /// construction view alone (interest capitalised over the whole horizon).
  std::optional<LocalTime> completion;
};

/// Per-quarter funding view (struct of arrays) and its summary.
struct FundingTable {
  std::vector<LocalTime> quarter_start;
  std::vector<double> capex_usd;                 ///< uses: capex of the quarter
  std::vector<double> interest_usd;              ///< uses: capitalised interest of the quarter
  std::vector<double> cumulative_uses_usd;       ///< U_q
  std::vector<double> cumulative_equity_usd;     ///< E_q
  std::vector<double> cumulative_debt_usd;       ///< D_q, facility amounts available
  std::vector<double> cumulative_lease_usd;      ///< L_q
  std::vector<double> cumulative_sources_usd;    ///< A_q = E_q + D_q + L_q
  std::vector<double> debt_balance_usd;          ///< outstanding at the end of the quarter
  std::vector<double> debt_drawn_usd;            ///< drawn in the quarter
  std::vector<double> debt_interest_paid_usd;    ///< after completion, paid from CFADS
  std::vector<double> debt_principal_usd;        ///< repaid in the quarter
  std::vector<double> cfads_usd;                 ///< revenue - fixed O&M - energy - fuel
  std::vector<double> position_usd;              ///< A_q - U_q (negative: a gap)
  double total_uses_usd = 0.0;                   ///< U_N
  double total_sources_usd = 0.0;                ///< A_N
  double peak_gap_usd = 0.0;                     ///< >= 0
  double first_build_peak_gap_usd = 0.0;         ///< the peak gap before completion
  std::optional<std::size_t> shortfall_quarter;  ///< first q with U_q > A_q
  std::optional<LocalTime> money_runs_out;       ///< start of that quarter
  double coverage_ratio = 1.0;                   ///< A_N / U_N (1 when there are no uses)
  /// The first build: uses to completion (capex and capitalised interest) and total sources
  /// against them (sources / those uses). Without a completion date: all uses.
  double first_build_uses_usd = 0.0;
  double first_build_coverage = 1.0;
  /// After completion: later uses (GPU refreshes, replacements) paid from sources left over
  /// from the first build, then from the operating cash left after debt service (accumulated),
  /// the rest needing new funding. Lifetime coverage = (sources + cash used) / total uses.
  double later_uses_usd = 0.0;
  double later_paid_from_cash_usd = 0.0;
  double beyond_operating_cash_usd = 0.0;
  double lifetime_coverage = 1.0;
  std::vector<int> refresh_years;       ///< years with replacement capex after completion
  double debt_at_completion_usd = 0.0;  ///< balance when repayment starts
  double balloon_usd = 0.0;             ///< sculpted: due at the end of a tenor
  DscrSummary dscr;                     ///< yearly cover from the first repayment
  double dscr_covenant = 0.0;           ///< the tightest covenant of the facilities
  std::string verdict;                  ///< one plain-language sentence

  [[nodiscard]] std::size_t size() const { return quarter_start.size(); }
};

/// Lease payments accrued from the lease's start to `until` (amount per year x years in force, the
/// term capping it): 1 $B/yr from 2026-01-01 for 15 years accrues 0.25 $B by 2026-04-01 (90 of
/// 365 days: 0.2466 $B) and 15 $B in all. The revenue of a leased campus, and a funding source.
[[nodiscard]] double lease_income_to_usd(const LeaseIncome& lease, LocalTime until);

/// Lease payments of every lease falling in each quarter of `cash_flows` (one value per quarter):
/// the revenue column of a campus whose income is a lease ([finance] revenue = "lease").
[[nodiscard]] std::vector<double> lease_income_by_quarter(const std::vector<LeaseIncome>& leases,
                                                          const CashFlowTable& cash_flows);

/// Throws std::invalid_argument naming the source and field for a negative or non-finite amount,
/// a rate at or below -100 %, a non-positive tenor or lease term, or a date at or after
/// `horizon_end`.
void validate_funding_plan(const FundingPlan& plan, LocalTime horizon_end);

/// Sources against the capex of `cash_flows`, quarter by quarter (validates the plan).
[[nodiscard]] FundingTable assess_funding(const CashFlowTable& cash_flows, const FundingPlan& plan);

/// The verdict sentence, e.g. "committed funding covers 90 % of the build (9.00 $B of
/// 10.00 $B); shortfall from 2027-Q4, peak gap 1.00 $B" or "committed funding covers the build
/// (120 %, 12.00 $B of 10.00 $B); no shortfall". "announced and committed" when announced equity
/// counts.
[[nodiscard]] std::string funding_verdict(const FundingTable& table, bool count_only_committed);

}  // namespace stargate
