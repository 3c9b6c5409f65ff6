// Federal tax credits for clean generation and storage: the technology-neutral investment credit
// (ITC, IRC 48E) and production credit (PTC, IRC 45Y) of the Inflation Reduction Act (P.L.
// 117-169, 2022) as amended by P.L. 119-21 ("One Big Beautiful Bill Act", signed 2025-07-04).
//
// Amount (with the prevailing-wage and apprenticeship requirements met, 5x the base rate):
//   ITC = itc_rate x capex, in the quarter the asset is placed in service (30 %; the energy
//         community and domestic-content adders of 10 points each are not applied by default);
//   PTC = ptc x kWh generated, for 10 years from the date placed in service (2.75 cents/kWh, the
//         2023 value of IRS Notice 2023-37; the law indexes it to inflation each year, which is
//         not applied here: the rate stays at the value given).
// Eligibility by P.L. 119-21 section 70512 (credit share of the full amount):
//   solar and wind: 1 when construction begins by 2026-07-04 (and the asset is placed in service
//     within four calendar years after, the IRS continuity safe harbour, Notice 2013-29), or
//     when placed in service by 2027-12-31; else 0;
//   storage (ITC only): by the year construction begins, 1 before 2034, 0.75 in 2034, 0.5 in
//     2035, 0 from 2036;
//   other classes (buildings, GPUs, gas, the grid connection): no credit.
// Construction begins construction_months before the asset's online date (cash_flows.hpp).
// A credit is received as cash in its quarter at face value: since 2023 credits can be sold (IRC
// 6418; buyers pay about 0.90-0.95 per dollar, not modelled), so a project without tax to offset
// still realises them. An ITC reduces the depreciable basis by half its amount (IRC 50(c)(3)).
// The foreign-entity-of-concern limits of P.L. 119-21 are not modelled.
// Worked numbers (tests): 100 M$ of solar placed in service 2027-06-01 gets 30 M$ in 2027-Q2 and
// is depreciated on 85 M$; the same plant placed in service 2028-06-01 after 12 months of
// construction (begun 2027-06-01) gets nothing; a battery whose construction begins in 2034 gets
// 0.75 x 30 %.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "stargate/finance/cash_flows.hpp"

namespace stargate {

enum class CreditKind { kNone, kItc, kPtc };

struct TaxCreditTerms {
  bool enabled = true;
  double itc_rate = 0.30;           ///< fraction of capex
  double ptc_usd_per_kwh = 0.0275;  ///< per kWh generated
  double ptc_years = 10.0;          ///< from the date placed in service
  CreditKind solar = CreditKind::kItc;
  CreditKind wind = CreditKind::kPtc;
};

/// Energy eligible for a PTC per quarter of a cash-flow table (each empty or one per quarter).
struct CreditableEnergy {
  std::vector<double> solar_kwh;
  std::vector<double> wind_kwh;
};

/// The credit an asset class takes (storage: ITC; solar, wind: as chosen; others: none).
[[nodiscard]] CreditKind credit_kind(const TaxCreditTerms& terms, AssetClass asset_class);

/// Share of the full credit (0..1) under P.L. 119-21 for an asset whose construction begins at
/// `construction_start` and which is placed in service at `placed_in_service` (see above).
[[nodiscard]] double credit_share(AssetClass asset_class, LocalTime construction_start,
                                  LocalTime placed_in_service);

/// The ITC of an asset's first purchase (0 when it takes none).
[[nodiscard]] double investment_credit_usd(const TaxCreditTerms& terms, const CapitalAsset& asset);

/// Fills tax_credit_usd of `table` (ITC in the quarter placed in service, PTC on the class's
/// energy in each quarter, shared among the class's assets by capex, for those within their ten
/// years) and recomputes its totals. Throws std::invalid_argument for a rate out of range or an
/// energy column of the wrong length.
void apply_tax_credits(CashFlowTable& table, const std::vector<CapitalAsset>& assets,
                       const TaxCreditTerms& terms, const CreditableEnergy& energy);

}  // namespace stargate
