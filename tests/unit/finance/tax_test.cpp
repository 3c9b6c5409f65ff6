// MACRS tables, income tax with losses carried forward and the terminal value, by hand.
#include "stargate/finance/tax.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

TEST(Macrs, TablesOfPublication946) {
  for (const MacrsClass c :
       {MacrsClass::k5Year, MacrsClass::k15Year, MacrsClass::k20Year, MacrsClass::k39Year}) {
    const std::vector<double> rates = macrs_rates(c, 7);
    EXPECT_NEAR(std::accumulate(rates.begin(), rates.end(), 0.0), 1.0, 1e-12);
  }
  const std::vector<double> five = macrs_rates(MacrsClass::k5Year);
  ASSERT_EQ(five.size(), 6U);
  EXPECT_DOUBLE_EQ(five[1], 0.32);  // Table A-1, year 2
  EXPECT_EQ(macrs_rates(MacrsClass::k15Year).size(), 16U);
  EXPECT_EQ(macrs_rates(MacrsClass::k20Year).size(), 21U);
  // Table A-7a, 39-year: placed in January 2.461 %, in July 1.177 %, then 2.564 % a year.
  EXPECT_NEAR(macrs_rates(MacrsClass::k39Year, 1)[0], 0.02461, 5e-5);  // the table rounds
  EXPECT_NEAR(macrs_rates(MacrsClass::k39Year, 7)[0], 0.01177, 5e-5);
  EXPECT_NEAR(macrs_rates(MacrsClass::k39Year, 7)[1], 0.02564, 5e-6);
  EXPECT_EQ(macrs_class(AssetClass::kGpus), MacrsClass::k5Year);
  EXPECT_EQ(macrs_class(AssetClass::kSolar), MacrsClass::k5Year);
  EXPECT_EQ(macrs_class(AssetClass::kBuilding), MacrsClass::k39Year);
}

TEST(Tax, DepreciationLossesCarriedForwardAndTerminalValue) {
  // 2026-2028 in quarters. 100 M$ of GPUs (5-year) in service on 2026-01-01, bought in Q4 2025
  // (outside the horizon). Revenue 10 M$ a quarter from 2026. Tax year 2026: depreciation 20 M$
  // = 5 M$ a quarter: taxable 5 M$ a quarter, tax 21 % x 5 = 1.05 M$. 2027: 32 M$ = 8 a quarter:
  // taxable 2. A first-quarter loss is carried forward: revenue 0 in 2026-Q1 gives -5, offset
  // against Q2's +5: no tax in Q1 or Q2.
  const QuarterHorizon horizon{2026, 1, 12};
  CashFlowTable table = make_cash_flow_table(horizon);
  for (std::size_t q = 1; q < 12; ++q) table.revenue_usd[q] = 10e6;
  CapitalAsset gpus;
  gpus.name = "gpus";
  gpus.asset_class = AssetClass::kGpus;
  gpus.capex_usd = 100e6;
  gpus.online = date(2026, 1, 1);
  gpus.construction_months = 0;
  gpus.lifetime_years = 5.0;
  apply_tax_and_terminal_value(table, {gpus}, TaxTerms{});
  EXPECT_NEAR(table.depreciation_usd[0], 5e6, 1e-6);
  EXPECT_NEAR(table.depreciation_usd[4], 8e6, 1e-6);
  EXPECT_NEAR(table.tax_usd[0], 0.0, 1e-6);
  EXPECT_NEAR(table.tax_usd[1], 0.0, 1e-6);  // 5 M$ of income against the 5 M$ loss
  EXPECT_NEAR(table.tax_usd[2], 0.21 * 5e6, 1e-6);
  EXPECT_NEAR(table.tax_usd[4], 0.21 * 2e6, 1e-6);
  // Terminal value at 2029-01-01: 1,096 days (2028 is a leap year) of a 5 x 365-day life used.
  EXPECT_NEAR(table.terminal_value_usd[11], 100e6 * (1.0 - 1096.0 / 365.0 / 5.0), 1e-3);
  EXPECT_NEAR(table.net_cash_flow_usd[11], 10e6 + table.terminal_value_usd[11] - table.tax_usd[11],
              1e-6);
  // A state tax of 5 %: combined 5 % + 21 % x 95 % = 24.95 %.
  EXPECT_NEAR((TaxTerms{0.21, 0.05, true}).combined_rate(), 0.2495, 1e-12);
}

}  // namespace
}  // namespace stargate
