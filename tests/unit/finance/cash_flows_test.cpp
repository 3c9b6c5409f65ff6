#include "stargate/finance/cash_flows.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

double sum(const std::vector<double>& column) {
  return std::accumulate(column.begin(), column.end(), 0.0);
}

// Checks every documented identity of the table.
void expect_columns_add_up(const CashFlowTable& t) {
  for (std::size_t q = 0; q < t.size(); ++q) {
    double by_class = 0.0;
    for (const auto& column : t.capex_by_class_usd) {
      by_class += column[q];
    }
    const double tolerance = 1e-6 * (1.0 + std::abs(t.total_cost_usd[q]));
    EXPECT_NEAR(t.capex_usd[q], t.initial_capex_usd[q] + t.replacement_capex_usd[q], tolerance);
    EXPECT_NEAR(by_class, t.capex_usd[q], tolerance);
    EXPECT_NEAR(t.total_cost_usd[q],
                t.capex_usd[q] + t.fixed_om_usd[q] + t.energy_cost_usd[q] + t.fuel_cost_usd[q],
                tolerance);
    EXPECT_NEAR(t.net_cash_flow_usd[q], t.revenue_usd[q] - t.total_cost_usd[q], tolerance);
  }
}

CapitalAsset building() {
  CapitalAsset a;
  a.name = "building 1";
  a.asset_class = AssetClass::kBuilding;
  a.capex_usd = 100.0;
  a.online = date(2027, 1, 1);
  a.construction_months = 12;
  a.lifetime_years = 20.0;
  return a;
}

TEST(AssetClass, NamesRoundTrip) {
  for (std::size_t i = 0; i < kAssetClassCount; ++i) {
    const auto c = static_cast<AssetClass>(i);
    EXPECT_EQ(asset_class_from_name(asset_class_name(c)), c);
  }
  EXPECT_EQ(asset_class_name(AssetClass::kNetworkStorage), "network_storage");
  EXPECT_FALSE(asset_class_from_name("nuclear").has_value());
}

TEST(SCurve, Shape) {
  // S(t) = 3t^2 - 2t^3: S(0) = 0, S(0.25) = 0.15625, S(0.5) = 0.5, S(1) = 1, symmetric.
  EXPECT_DOUBLE_EQ(s_curve_share(0.0), 0.0);
  EXPECT_DOUBLE_EQ(s_curve_share(0.25), 0.15625);
  EXPECT_DOUBLE_EQ(s_curve_share(0.5), 0.5);
  EXPECT_DOUBLE_EQ(s_curve_share(1.0), 1.0);
  EXPECT_DOUBLE_EQ(s_curve_share(0.3) + s_curve_share(0.7), 1.0);
  EXPECT_DOUBLE_EQ(s_curve_share(-1.0), 0.0);
  EXPECT_DOUBLE_EQ(s_curve_share(2.0), 1.0);
}

TEST(CashFlows, SCurveSpendSumsToCapexWithTheRightTiming) {
  // 100 $ built over the 12 months before 2027-01-01, i.e. over 2026 (365 days). Quarter ends at
  // 90, 181, 273 days: t = 0.246575, 0.495890, 0.747945 -> S = 0.152415, 0.493836, 0.841432, so the
  // quarters spend 15.2415, 34.1421, 34.7596, 15.8568 (near the equal-quarter 15.625 / 34.375).
  const CashFlowTable t = build_cash_flows({building()}, QuarterHorizon{2025, 3, 8});
  ASSERT_EQ(t.size(), 8U);
  const std::vector<double> expected = {0.0, 0.0, 15.2415, 34.1421, 34.7596, 15.8568, 0.0, 0.0};
  for (std::size_t q = 0; q < t.size(); ++q) {
    EXPECT_NEAR(t.initial_capex_usd[q], expected[q], 1e-4) << "quarter " << q;
  }
  const double s1 = s_curve_share(90.0 / 365.0);
  EXPECT_NEAR(t.initial_capex_usd[2], 100.0 * s1, 1e-9);
  EXPECT_NEAR(sum(t.capex_usd), 100.0, 1e-9);
  EXPECT_NEAR(sum(t.capex_by_class_usd[static_cast<std::size_t>(AssetClass::kBuilding)]), 100.0,
              1e-9);
  EXPECT_DOUBLE_EQ(t.capex_outside_horizon_usd, 0.0);
  expect_columns_add_up(t);
}

TEST(CashFlows, SpendOutsideTheHorizonIsReported) {
  // The horizon starts 2026-07-01: the first half of the spend (S(181/365) = 0.493836) is before.
  const CashFlowTable t = build_cash_flows({building()}, QuarterHorizon{2026, 3, 4});
  EXPECT_NEAR(t.capex_outside_horizon_usd, 49.3836, 1e-4);
  EXPECT_NEAR(sum(t.capex_usd) + t.capex_outside_horizon_usd, 100.0, 1e-9);
}

TEST(CashFlows, GpuReplacementAtTrendedPriceAndFixedOm) {
  // 40 $B of GPUs online 2026-01-01 (bought in that quarter: 0 construction months), 5-year life,
  // price trend -10 %/yr: rebought 2031-01-01 for 40 * 0.9^5 = 23.61960 $B. Fixed O&M 1 $B/yr:
  // exactly 1 $B over 2026 (365 days), 0.25 * 90/91.25 in 2026-Q1 (90 of 365 days).
  CapitalAsset gpus;
  gpus.name = "GB200";
  gpus.asset_class = AssetClass::kGpus;
  gpus.capex_usd = 40e9;
  gpus.online = date(2026, 1, 1);
  gpus.construction_months = 0;
  gpus.lifetime_years = 5.0;
  gpus.replace_at_end_of_life = true;
  gpus.replacement_price_trend_per_year = -0.10;
  gpus.fixed_om_usd_per_year = 1e9;
  const CashFlowTable t = build_cash_flows({gpus}, QuarterHorizon{2026, 1, 24});  // to 2032
  EXPECT_DOUBLE_EQ(t.initial_capex_usd[0], 40e9);
  EXPECT_NEAR(t.replacement_capex_usd[20], 40e9 * std::pow(0.9, 5), 1.0);  // 2031-Q1
  EXPECT_NEAR(sum(t.replacement_capex_usd), 23.6196e9, 1e5);
  EXPECT_NEAR(t.fixed_om_usd[0], 1e9 * 90.0 / 365.0, 1e-3);
  EXPECT_NEAR(t.fixed_om_usd[0] + t.fixed_om_usd[1] + t.fixed_om_usd[2] + t.fixed_om_usd[3], 1e9,
              1e-3);
  EXPECT_GT(t.fixed_om_usd[23], 0.0);  // still in service after replacement
  expect_columns_add_up(t);
}

TEST(CashFlows, NoReplacementRetiresTheAsset) {
  CapitalAsset a = building();
  a.construction_months = 0;
  a.online = date(2026, 1, 1);
  a.lifetime_years = 1.0;
  a.fixed_om_usd_per_year = 365.0;  // 1 $ a day
  const CashFlowTable t = build_cash_flows({a}, QuarterHorizon{2026, 1, 8});
  EXPECT_NEAR(sum(t.fixed_om_usd), 365.0, 1e-9);
  EXPECT_DOUBLE_EQ(t.fixed_om_usd[4], 0.0);
  EXPECT_DOUBLE_EQ(sum(t.replacement_capex_usd), 0.0);
}

TEST(CashFlows, VariableItemsAndTotalsAddUp) {
  CapitalAsset solar = building();
  solar.asset_class = AssetClass::kSolar;
  solar.fixed_om_usd_per_year = 4.0;
  VariableFlows variable;
  variable.energy_cost_usd = {1, 2, 3, 4, 5, 6, 7, 8};
  variable.fuel_cost_usd = {0, 0, 0, 0, 1, 1, 1, 1};
  variable.revenue_usd = {0, 0, 0, 0, 50, 50, 50, 50};
  const CashFlowTable t =
      build_cash_flows({building(), solar}, QuarterHorizon{2026, 1, 8}, variable);
  expect_columns_add_up(t);
  EXPECT_NEAR(sum(t.capex_usd), 200.0, 1e-9);
  EXPECT_NEAR(sum(t.fixed_om_usd), 4.0, 1e-9);  // solar in service all of 2027
  EXPECT_NEAR(sum(t.total_cost_usd), 200.0 + 4.0 + 36.0 + 4.0, 1e-9);
  EXPECT_NEAR(sum(t.net_cash_flow_usd), 200.0 - 244.0, 1e-9);
}

TEST(CashFlows, TwoCampusesDoubleTheCosts) {
  VariableFlows variable;
  variable.energy_cost_usd.assign(8, 3.0);
  CapitalAsset a = building();
  a.fixed_om_usd_per_year = 10.0;
  const CashFlowTable one = build_cash_flows({a}, QuarterHorizon{2026, 1, 8}, variable);
  const CashFlowTable two = add_cash_flows(one, one);
  for (std::size_t q = 0; q < one.size(); ++q) {
    EXPECT_DOUBLE_EQ(two.total_cost_usd[q], 2.0 * one.total_cost_usd[q]);
    EXPECT_DOUBLE_EQ(two.capex_by_class_usd[0][q], 2.0 * one.capex_by_class_usd[0][q]);
  }
  expect_columns_add_up(two);
  const CashFlowTable other = build_cash_flows({a}, QuarterHorizon{2026, 2, 8}, variable);
  EXPECT_THROW((void)add_cash_flows(one, other), std::invalid_argument);
}

TEST(CashFlows, BadParametersThrow) {
  const QuarterHorizon horizon{2026, 1, 8};
  CapitalAsset a = building();
  a.capex_usd = -1.0;
  EXPECT_THROW((void)build_cash_flows({a}, horizon), std::invalid_argument);
  a = building();
  a.lifetime_years = 0.0;
  EXPECT_THROW((void)build_cash_flows({a}, horizon), std::invalid_argument);
  a = building();
  a.construction_months = -1;
  EXPECT_THROW((void)build_cash_flows({a}, horizon), std::invalid_argument);
  a = building();
  a.replacement_price_trend_per_year = -1.0;
  EXPECT_THROW((void)build_cash_flows({a}, horizon), std::invalid_argument);
  VariableFlows variable;
  variable.revenue_usd = {1.0, 2.0};  // wrong length
  EXPECT_THROW((void)build_cash_flows({building()}, horizon, variable), std::invalid_argument);
  variable.revenue_usd.assign(8, -1.0);
  EXPECT_THROW((void)build_cash_flows({building()}, horizon, variable), std::invalid_argument);
  try {
    a = building();
    a.capex_usd = -5.0;
    (void)build_cash_flows({a}, horizon);
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'building 1' capex_usd"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace stargate
