// Tax depreciation, income tax and terminal value: see include/stargate/finance/tax.hpp.
#include "stargate/finance/tax.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "stargate/core/units.hpp"
#include "stargate/finance/quarters.hpp"

namespace stargate {
namespace {

constexpr double kRealPropertyYears = 39.0;

}  // namespace

MacrsClass macrs_class(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::kGpus:
    case AssetClass::kNetworkStorage:
    case AssetClass::kSolar:
    case AssetClass::kWind:
    case AssetClass::kBatteryEnergy:
    case AssetClass::kBatteryPower: return MacrsClass::k5Year;
    case AssetClass::kGas: return MacrsClass::k15Year;
    case AssetClass::kInterconnection: return MacrsClass::k20Year;
    case AssetClass::kBuilding:
    case AssetClass::kOther: return MacrsClass::k39Year;
  }
  return MacrsClass::k39Year;
}

std::vector<double> macrs_rates(MacrsClass macrs_class, int month_placed) {
  // IRS Publication 946, Appendix A, Table A-1 (half-year convention), percent per year.
  static const std::vector<double> kFive = {20.00, 32.00, 19.20, 11.52, 11.52, 5.76};
  static const std::vector<double> kFifteen = {5.00, 9.50, 8.55, 7.70, 6.93, 6.23, 5.90, 5.90,
                                               5.91, 5.90, 5.91, 5.90, 5.91, 5.90, 5.91, 2.95};
  static const std::vector<double> kTwenty = {3.750, 7.219, 6.677, 6.177, 5.713, 5.285, 4.888,
                                              4.522, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461,
                                              4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 2.231};
  const auto scaled = [](const std::vector<double>& percent) {
    std::vector<double> rates;
    rates.reserve(percent.size());
    for (const double p : percent) rates.push_back(p / kPercentPerFraction);
    return rates;
  };
  switch (macrs_class) {
    case MacrsClass::k5Year: return scaled(kFive);
    case MacrsClass::k15Year: return scaled(kFifteen);
    case MacrsClass::k20Year: return scaled(kTwenty);
    case MacrsClass::k39Year: break;
  }
  // Table A-7a: straight line over 39 years, mid-month convention.
  const int month = std::clamp(month_placed, 1, kMonthsPerYear);
  const double first =
      (kMonthsPerYear - month + 0.5) / static_cast<double>(kMonthsPerYear) / kRealPropertyYears;
  std::vector<double> rates{first};
  double left = 1.0 - first;
  while (left > 1e-12) {
    const double rate = std::min(left, 1.0 / kRealPropertyYears);
    rates.push_back(rate);
    left -= rate;
  }
  return rates;
}

void apply_tax_and_terminal_value(CashFlowTable& table, const std::vector<CapitalAsset>& assets,
                                  const TaxTerms& terms, const CreditableEnergy& energy) {
  if (!(terms.federal_rate >= 0.0 && terms.federal_rate < 1.0 && terms.state_rate >= 0.0 &&
        terms.state_rate < 1.0)) {
    throw std::invalid_argument("apply_tax_and_terminal_value: tax rates must be in [0, 1)");
  }
  apply_tax_credits(table, assets, terms.credits, energy);
  const std::size_t n = table.size();
  std::fill(table.depreciation_usd.begin(), table.depreciation_usd.end(), 0.0);
  std::fill(table.terminal_value_usd.begin(), table.terminal_value_usd.end(), 0.0);
  const int first_quarter = n > 0 ? quarter_index(table.quarter_start.front()) : 0;
  for (const CapitalAsset& asset : assets) {
    const std::vector<Purchase> bought = asset_purchases(asset, table.horizon_end);
    const double itc_basis_cut_usd = 0.5 * investment_credit_usd(terms.credits, asset);
    for (const Purchase& p : bought) {
      const double basis_usd = p.price_usd - (&p == bought.data() ? itc_basis_cut_usd : 0.0);
      const CivilTime placed = civil_from_local(p.online);
      const std::vector<double> rates = macrs_rates(macrs_class(asset.asset_class), placed.month);
      for (std::size_t y = 0; y < rates.size(); ++y) {
        for (int k = 0; k < kQuartersPerYear; ++k) {
          const int q = (placed.year + static_cast<int>(y)) * kQuartersPerYear + k - first_quarter;
          if (q >= 0 && static_cast<std::size_t>(q) < n) {
            table.depreciation_usd[static_cast<std::size_t>(q)] +=
                basis_usd * rates[y] / kQuartersPerYear;
          }
        }
      }
    }
    if (terms.terminal_value && n > 0 && bought.back().online < table.horizon_end) {
      const double age_years =
          static_cast<double>(table.horizon_end.seconds - bought.back().online.seconds) /
          kSecondsPerYear;
      table.terminal_value_usd[n - 1] +=
          bought.back().price_usd * std::max(0.0, 1.0 - age_years / asset.lifetime_years);
    }
  }
  const double rate = terms.combined_rate();
  double losses_usd = 0.0;  // carried forward
  for (std::size_t q = 0; q < n; ++q) {
    double taxable = table.revenue_usd[q] - table.fixed_om_usd[q] - table.energy_cost_usd[q] -
                     table.fuel_cost_usd[q] - table.payments_usd[q] - table.depreciation_usd[q];
    if (taxable < 0.0) {
      losses_usd -= taxable;
      taxable = 0.0;
    } else {
      const double used = std::min(losses_usd, taxable);
      losses_usd -= used;
      taxable -= used;
    }
    table.tax_usd[q] = rate * taxable;
  }
  recompute_totals(table);
}

}  // namespace stargate
