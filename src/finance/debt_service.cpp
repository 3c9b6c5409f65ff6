// Term debt after completion: see include/stargate/finance/debt_service.hpp.
#include "stargate/finance/debt_service.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {

double quarterly_rate(double annual_rate) {
  return std::expm1(std::log1p(annual_rate) / static_cast<double>(kQuartersPerYear));
}

double level_payment_usd(double balance_usd, double r, std::size_t quarters) {
  if (quarters == 0) return balance_usd;
  const auto n = static_cast<double>(quarters);
  if (std::abs(r) < 1e-15) return balance_usd / n;
  return balance_usd * r / -std::expm1(-n * std::log1p(r));
}

LoanSchedule amortise(const TermLoan& loan, const std::vector<double>& cfads_usd) {
  if (!(loan.balance_usd >= 0.0) || !(loan.interest_rate > -1.0) || !(loan.tenor_years > 0.0) ||
      !(loan.target_dscr > 0.0)) {
    throw std::invalid_argument("amortise: balance >= 0, rate > -100 %, tenor > 0, DSCR > 0");
  }
  const std::size_t quarters = cfads_usd.size();
  const auto tenor_q = std::min<std::size_t>(
      quarters, static_cast<std::size_t>(
                    std::llround(loan.tenor_years * static_cast<double>(kQuartersPerYear))));
  LoanSchedule s;
  s.interest_usd.assign(quarters, 0.0);
  s.principal_usd.assign(quarters, 0.0);
  s.balance_usd.assign(quarters, 0.0);
  const double r = quarterly_rate(loan.interest_rate);
  double k = 0.0;  // sculpted: debt service per unit of CFADS
  if (loan.repayment == Repayment::kSculpted) {
    double pv = 0.0;
    for (std::size_t q = 0; q < tenor_q; ++q) {
      pv += std::max(0.0, cfads_usd[q]) / std::pow(1.0 + r, static_cast<double>(q + 1));
    }
    k = pv > 0.0 ? std::min(1.0 / loan.target_dscr, loan.balance_usd / pv)
                 : std::numeric_limits<double>::infinity();
  }
  const double payment = level_payment_usd(loan.balance_usd, r, tenor_q);
  double balance = loan.balance_usd;
  for (std::size_t q = 0; q < tenor_q && balance > 0.0; ++q) {
    const double interest = balance * r;
    double principal = 0.0;
    if (q + 1 == tenor_q) {
      principal = balance;
      if (loan.repayment == Repayment::kSculpted) {
        s.balloon_usd = std::max(0.0, balance - (k * std::max(0.0, cfads_usd[q]) - interest));
      }
    } else if (loan.repayment == Repayment::kLevel) {
      principal = std::min(balance, payment - interest);
    } else {
      principal = std::clamp(k * std::max(0.0, cfads_usd[q]) - interest, 0.0, balance);
    }
    s.interest_usd[q] = interest;
    s.principal_usd[q] = principal;
    balance -= principal;
    s.balance_usd[q] = balance;
  }
  return s;
}

DscrSummary dscr_summary(const std::vector<double>& cfads_usd,
                         const std::vector<double>& debt_service_usd) {
  DscrSummary d;
  const std::size_t n = std::min(cfads_usd.size(), debt_service_usd.size());
  std::size_t first = 0;
  while (first < n && !(debt_service_usd[first] > 0.0)) ++first;
  double sum = 0.0;
  constexpr auto kYear = static_cast<std::size_t>(kQuartersPerYear);
  for (std::size_t y = first; y < n; y += kYear) {
    double cfads = 0.0;
    double service = 0.0;
    for (std::size_t q = y; q < std::min(n, y + kYear); ++q) {
      cfads += cfads_usd[q];
      service += debt_service_usd[q];
    }
    if (!(service > 0.0)) continue;
    const double ratio = cfads / service;
    d.min = d.years == 0 ? ratio : std::min(d.min, ratio);
    sum += ratio;
    ++d.years;
  }
  d.average = d.years > 0 ? sum / static_cast<double>(d.years) : 0.0;
  return d;
}

}  // namespace stargate
