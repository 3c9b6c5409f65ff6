// Investment and production tax credits under P.L. 119-21, by hand.
#include "stargate/finance/tax_credits.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "stargate/finance/tax.hpp"

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

CapitalAsset asset(AssetClass asset_class, double capex_usd, LocalTime online) {
  CapitalAsset a;
  a.name = "asset";
  a.asset_class = asset_class;
  a.capex_usd = capex_usd;
  a.online = online;
  a.construction_months = 12;
  a.lifetime_years = 25.0;
  return a;
}

double sum(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

TEST(TaxCredits, EligibilityAsTheJuly2025LawSetsIt) {
  // Solar and wind: construction begun by 2026-07-04, or in service by 2027-12-31.
  EXPECT_EQ(credit_share(AssetClass::kSolar, date(2026, 7, 4), date(2029, 6, 1)), 1.0);
  EXPECT_EQ(credit_share(AssetClass::kSolar, date(2026, 7, 5), date(2027, 12, 31)), 1.0);
  EXPECT_EQ(credit_share(AssetClass::kWind, date(2026, 7, 5), date(2028, 1, 1)), 0.0);
  // Begun in time but placed in service after the four-year continuity safe harbour.
  EXPECT_EQ(credit_share(AssetClass::kWind, date(2026, 1, 1), date(2031, 1, 1)), 0.0);
  // Storage by the year construction begins: 100 % to 2033, 75 % 2034, 50 % 2035, none after.
  EXPECT_EQ(credit_share(AssetClass::kBatteryEnergy, date(2033, 12, 31), date(2035, 1, 1)), 1.0);
  EXPECT_EQ(credit_share(AssetClass::kBatteryEnergy, date(2034, 3, 1), date(2035, 3, 1)), 0.75);
  EXPECT_EQ(credit_share(AssetClass::kBatteryEnergy, date(2035, 3, 1), date(2036, 3, 1)), 0.5);
  EXPECT_EQ(credit_share(AssetClass::kBatteryEnergy, date(2036, 1, 1), date(2037, 1, 1)), 0.0);
  EXPECT_EQ(credit_share(AssetClass::kGas, date(2025, 1, 1), date(2026, 1, 1)), 0.0);
  EXPECT_EQ(credit_kind(TaxCreditTerms{}, AssetClass::kGpus), CreditKind::kNone);
  TaxCreditTerms off;
  off.enabled = false;
  EXPECT_EQ(credit_kind(off, AssetClass::kBatteryEnergy), CreditKind::kNone);
}

TEST(TaxCredits, InvestmentCreditInItsQuarterAndHalfOffTheBasis) {
  // 100 M$ of solar in service 2027-06-01 (construction from 2026-06-01, in time): 30 M$ in
  // 2027-Q2; MACRS 5-year on 100 - 15 = 85 M$.
  const QuarterHorizon horizon{2026, 1, 40};
  CashFlowTable table = make_cash_flow_table(horizon);
  const CapitalAsset solar = asset(AssetClass::kSolar, 100e6, date(2027, 6, 1));
  apply_tax_and_terminal_value(table, {solar}, TaxTerms{});
  EXPECT_NEAR(table.tax_credit_usd[5], 30e6, 1e-6);
  EXPECT_NEAR(sum(table.tax_credit_usd), 30e6, 1e-6);
  EXPECT_NEAR(sum(table.depreciation_usd), 85e6, 1e-3);
  EXPECT_NEAR(table.depreciation_usd[4], 85e6 * 0.20 / 4.0, 1e-6);  // 2027, half-year 20 %
  // The credit is cash: net cash flow = credit + terminal value (no capex in this table, no
  // revenue, so no tax).
  EXPECT_NEAR(sum(table.net_cash_flow_usd), 30e6 + sum(table.terminal_value_usd), 1e-3);
  // A year later, construction begun after 2026-07-04 and in service in 2028: nothing.
  CashFlowTable late = make_cash_flow_table(horizon);
  apply_tax_and_terminal_value(late, {asset(AssetClass::kSolar, 100e6, date(2028, 6, 1))},
                               TaxTerms{});
  EXPECT_EQ(sum(late.tax_credit_usd), 0.0);
  EXPECT_NEAR(sum(late.depreciation_usd), 100e6, 1e-3);
}

TEST(TaxCredits, ProductionCreditForTenYearsOnTheEnergyUsed) {
  // 50 M$ of wind in service 2026-01-01 (PTC): 100 GWh a quarter at 2.75 cents/kWh = 2.75 M$ a
  // quarter for 40 quarters, then nothing.
  const QuarterHorizon horizon{2026, 1, 48};
  CashFlowTable table = make_cash_flow_table(horizon);
  const CapitalAsset wind = asset(AssetClass::kWind, 50e6, date(2026, 1, 1));
  CreditableEnergy energy;
  energy.wind_kwh.assign(48, 100e6);
  apply_tax_credits(table, {wind}, TaxCreditTerms{}, energy);
  EXPECT_NEAR(table.tax_credit_usd[0], 2.75e6, 1e-6);
  EXPECT_NEAR(table.tax_credit_usd[39], 2.75e6, 1e-6);
  EXPECT_EQ(table.tax_credit_usd[40], 0.0);
  EXPECT_NEAR(sum(table.tax_credit_usd), 40 * 2.75e6, 1e-3);
  // Switched off: no credit, and a column of the wrong length is refused.
  TaxCreditTerms off;
  off.enabled = false;
  apply_tax_credits(table, {wind}, off, energy);
  EXPECT_EQ(sum(table.tax_credit_usd), 0.0);
  energy.wind_kwh.resize(3);
  EXPECT_THROW(apply_tax_credits(table, {wind}, TaxCreditTerms{}, energy), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
