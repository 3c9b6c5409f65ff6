// Income tax, tax depreciation (MACRS) and the terminal value of a campus's cash flows.
//
// Depreciation: the Modified Accelerated Cost Recovery System of the US tax code, as tabulated in
// IRS Publication 946, "How To Depreciate Property", Appendix A: Table A-1 (half-year convention;
// 5-year property at 200 % declining balance: 20.00, 32.00, 19.20, 11.52, 11.52, 5.76 %; 15- and
// 20-year property at 150 %) and Table A-7a (39-year nonresidential real property, straight line,
// mid-month: the first year (12 - m + 0.5) / 12 / 39 for a month m placed in service, then 1/39 a
// year, the rest in year 40). Classes: servers and network (computers) and solar, wind and storage
// (energy property, IRC 168(e)(3)(B)(vi)) 5-year; gas turbine plants 15-year (Rev. Proc. 87-56,
// asset class 49.15); the grid connection 20-year (class 49.14); buildings 39-year; other
// 39-year. A tax year's depreciation is spread evenly over its four quarters; each replacement is
// depreciated anew from its own year.
// Tax: rate t = s + f (1 - s) on the quarter's taxable income = revenue - fixed O&M - energy -
// fuel - depreciation, with f the federal rate (21 %, IRC 11(b)) and s the state's (deductible
// federally; Texas levies no corporate income tax: its 0.75 % franchise tax on margin is not
// modelled). Losses are carried forward without limit or expiry (a stand-alone project; the 80 %
// limit of IRC 172 on later income is not applied) and never paid out. The cash flows are those of
// the project before financing: interest is not deducted.
// Terminal value (`book`): each asset's last purchase at its straight-line book value at the
// horizon end, cost x max(0, 1 - age / life), received in the last quarter.
// Tax credits (ITC, PTC; tax_credits.hpp) are added as cash, and an ITC lowers the depreciable
// basis of the asset's first purchase by half the credit (IRC 50(c)(3)).
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/tax_credits.hpp"

namespace stargate {

enum class MacrsClass { k5Year, k15Year, k20Year, k39Year };

/// The class of an asset (see above).
[[nodiscard]] MacrsClass macrs_class(AssetClass asset_class);

/// Share of the basis deducted in each tax year from the year placed in service (sums to 1);
/// `month_placed` (1..12) matters for 39-year property only.
[[nodiscard]] std::vector<double> macrs_rates(MacrsClass macrs_class, int month_placed = 1);

struct TaxTerms {
  double federal_rate = 0.21;
  double state_rate = 0.0;
  bool terminal_value = true;  ///< book value at the horizon end
  TaxCreditTerms credits;      ///< ITC and PTC (tax_credits.hpp)

  /// s + f (1 - s).
  [[nodiscard]] double combined_rate() const {
    return state_rate + federal_rate * (1.0 - state_rate);
  }
};

/// Fills depreciation_usd, tax_usd, tax_credit_usd (with `energy` for production credits) and
/// terminal_value_usd of `table` for `assets` and recomputes its totals. Throws
/// std::invalid_argument for rates outside [0, 1).
void apply_tax_and_terminal_value(CashFlowTable& table, const std::vector<CapitalAsset>& assets,
                                  const TaxTerms& terms, const CreditableEnergy& energy = {});

}  // namespace stargate
