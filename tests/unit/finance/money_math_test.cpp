#include "stargate/finance/money_math.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

TEST(CapitalRecoveryFactor, TextbookValue) {
  // 1.07^20 = 3.8696845; CRF = 0.07 * 3.8696845 / 2.8696845 = 0.0943929 (Short, Packey and Holt
  // 1995; also the 20-year, 7 % entry of any annuity table: 1 / 10.594014 = 0.0943929).
  EXPECT_NEAR(capital_recovery_factor(0.07, 20.0), 0.0943929, 5e-8);
}

TEST(CapitalRecoveryFactor, ZeroRateIsStraightLine) {
  EXPECT_DOUBLE_EQ(capital_recovery_factor(0.0, 20.0), 0.05);
  // Continuous in r at 0: CRF(1e-9, 20) ~ 1/20 + r/2.
  EXPECT_NEAR(capital_recovery_factor(1e-9, 20.0), 0.05, 1e-9);
}

TEST(CapitalRecoveryFactor, OneYearIsOnePlusRate) {
  // n = 1: r (1 + r) / r = 1 + r.
  EXPECT_NEAR(capital_recovery_factor(0.11, 1.0), 1.11, 1e-12);
}

TEST(CapitalRecoveryFactor, BadParametersThrow) {
  EXPECT_THROW((void)capital_recovery_factor(-1.0, 20.0), std::invalid_argument);
  EXPECT_THROW((void)capital_recovery_factor(-1.5, 20.0), std::invalid_argument);
  EXPECT_THROW((void)capital_recovery_factor(0.07, 0.0), std::invalid_argument);
  EXPECT_THROW((void)capital_recovery_factor(std::nan(""), 20.0), std::invalid_argument);
}

TEST(Npv, KnownStream) {
  // At 10 %: -1000 + 500/1.1 + 500/1.21 + 500/1.331 = -1000 + 454.5455 + 413.2231 + 375.6574
  // = 243.4260.
  const std::vector<double> flows = {-1000.0, 500.0, 500.0, 500.0};
  EXPECT_NEAR(npv(0.10, flows), 243.4259955, 1e-6);
  EXPECT_DOUBLE_EQ(npv(0.0, flows), 500.0);
  EXPECT_DOUBLE_EQ(npv(0.10, std::vector<double>{}), 0.0);
}

TEST(Npv, QuarterlyPeriodsDiscountByYearFraction) {
  // Value 4 of a quarterly series falls at t = 1 year: 110 / 1.1 = 100; value 2 at t = 0.5:
  // 110 / 1.1^0.5 = 104.8809.
  std::vector<double> flows = {0.0, 0.0, 0.0, 0.0, 110.0};
  EXPECT_NEAR(npv(0.10, flows, 0.25), 100.0, 1e-9);
  flows = {0.0, 0.0, 110.0};
  EXPECT_NEAR(npv(0.10, flows, 0.25), 110.0 / std::sqrt(1.1), 1e-9);
}

TEST(Npv, BadParametersThrow) {
  const std::vector<double> flows = {-1.0, 2.0};
  EXPECT_THROW((void)npv(-1.2, flows), std::invalid_argument);
  EXPECT_THROW((void)npv(0.1, flows, 0.0), std::invalid_argument);
  const std::vector<double> bad = {-1.0, std::numeric_limits<double>::infinity()};
  EXPECT_THROW((void)npv(0.1, bad), std::invalid_argument);
}

TEST(Irr, KnownStream) {
  // -1000, 300, 400, 500: NPV(r) = 0 at r = 8.896 % (300/1.08896 + 400/1.08896^2 + 500/1.08896^3
  // = 275.492 + 337.320 + 387.196 = 1000.0).
  const std::vector<double> flows = {-1000.0, 300.0, 400.0, 500.0};
  const auto rate = irr(flows);
  ASSERT_TRUE(rate.has_value());
  EXPECT_NEAR(*rate, 0.08896, 5e-6);
  EXPECT_NEAR(npv(*rate, flows), 0.0, 1e-7);
}

TEST(Irr, OneYearDoublingIsHundredPercentAndQuarterlyAnnualises) {
  // -100 then +200 one year later: IRR 100 %. Quarterly series with the 200 at t = 1 year: the
  // same annual rate.
  EXPECT_NEAR(*irr(std::vector<double>{-100.0, 200.0}), 1.0, 1e-10);
  EXPECT_NEAR(*irr(std::vector<double>{-100.0, 0.0, 0.0, 0.0, 200.0}, 0.25), 1.0, 1e-10);
  // Losing money: -100 then +50 gives -50 %.
  EXPECT_NEAR(*irr(std::vector<double>{-100.0, 50.0}), -0.5, 1e-10);
}

TEST(Irr, NoSignChangeHasNoIrr) {
  EXPECT_FALSE(irr(std::vector<double>{-100.0, -10.0, -5.0}).has_value());
  EXPECT_FALSE(irr(std::vector<double>{100.0, 10.0}).has_value());
  EXPECT_FALSE(irr(std::vector<double>{0.0, 0.0}).has_value());
  EXPECT_FALSE(irr(std::vector<double>{}).has_value());
}

TEST(Irr, MultipleRootsReturnsTheOneNearestZero) {
  // -100, 230, -132 has two roots, 10 % and 20 %
  // (NPV(r) = -(100 - 230 v + 132 v^2), v = 1/(1+r): 132 v^2 - 230 v + 100 = 0 -> v = 1/1.1,
  // 1/1.2).
  const auto rate = irr(std::vector<double>{-100.0, 230.0, -132.0});
  ASSERT_TRUE(rate.has_value());
  EXPECT_NEAR(*rate, 0.10, 1e-9);
}

TEST(Payback, SimpleAndDiscounted) {
  const std::vector<double> flows = {-1000.0, 300.0, 400.0, 500.0};
  // Cumulative -700, -300, +200: paid back 300/500 = 0.6 into year 3 -> 2.6 years.
  EXPECT_NEAR(*simple_payback_years(flows), 2.6, 1e-12);
  // Quarterly periods: 2.6 quarters = 0.65 years.
  EXPECT_NEAR(*simple_payback_years(flows, 0.25), 0.65, 1e-12);
  // At 5 %: 285.7143, 362.8118, 431.9188; cumulative -714.2857, -351.4739, +80.4449 ->
  // 2 + 351.4739 / 431.9188 = 2.81375 years.
  const double discounted_3 = 500.0 / std::pow(1.05, 3);
  const double open_3 = 1000.0 - 300.0 / 1.05 - 400.0 / (1.05 * 1.05);
  EXPECT_NEAR(*discounted_payback_years(0.05, flows), 2.0 + open_3 / discounted_3, 1e-12);
  EXPECT_NEAR(*discounted_payback_years(0.05, flows), 2.81375, 1e-5);
  // At 10 % the discounted sum is 1000 - 21.04 short: never paid back.
  EXPECT_FALSE(discounted_payback_years(0.10, flows).has_value());
  // Already positive at t = 0.
  EXPECT_DOUBLE_EQ(*simple_payback_years(std::vector<double>{5.0, -1.0}), 0.0);
}

TEST(Lcoe, HandExample) {
  // 100 M$ capex at 7 % over 20 years: 100 M$ * 0.0943929 = 9.43929 M$/yr; + 1 M$/yr fixed O&M
  // + 0.5 M$/yr variable = 10.93929 M$/yr over 200,000 MWh/yr = 54.6965 $/MWh.
  LevelisedCostInputs inputs;
  inputs.capex_usd = 100e6;
  inputs.rate = 0.07;
  inputs.lifetime_years = 20.0;
  inputs.fixed_om_usd_per_year = 1e6;
  inputs.variable_cost_usd_per_year = 0.5e6;
  EXPECT_NEAR(annualised_capex_usd_per_year(100e6, 0.07, 20.0), 9.43929e6, 10.0);
  EXPECT_NEAR(annual_cost_usd_per_year(inputs), 10.93929e6, 10.0);
  EXPECT_NEAR(lcoe_usd_per_mwh(inputs, 200e6), 54.6965, 1e-4);
  // The same cost per GPU-hour for 1,000 GPUs running all year (8,760,000 GPU-h): 1.2488 $/GPU-h.
  EXPECT_NEAR(levelised_cost_usd_per_unit(inputs, 8.76e6), 10.93929e6 / 8.76e6, 1e-6);
}

TEST(Lcoe, BadParametersThrow) {
  LevelisedCostInputs inputs;
  inputs.capex_usd = 1e6;
  EXPECT_THROW((void)lcoe_usd_per_mwh(inputs, 0.0), std::invalid_argument);
  inputs.fixed_om_usd_per_year = -1.0;
  EXPECT_THROW((void)lcoe_usd_per_mwh(inputs, 1e6), std::invalid_argument);
  inputs.fixed_om_usd_per_year = 0.0;
  inputs.capex_usd = -1.0;
  EXPECT_THROW((void)lcoe_usd_per_mwh(inputs, 1e6), std::invalid_argument);
  inputs.capex_usd = 1e6;
  inputs.rate = -1.0;
  EXPECT_THROW((void)lcoe_usd_per_mwh(inputs, 1e6), std::invalid_argument);
}

TEST(MoneyMath, LcoeOfSeveralAssetsByHand) {
  // 100 M$ of solar (7 %, 25 y, 2.2 M$/yr fixed O&M) and 50 M$ of gas (7 %, 25 y, 0.8 M$/yr fixed
  // O&M, 3 M$/yr fuel) making 400 GWh a year. CRF(7 %, 25 y) = 0.0858105: annual costs 8.58105 +
  // 2.2 + 4.29053 + 0.8 + 3 = 18.87158 M$, over 400,000 MWh = 47.1789 $/MWh.
  const std::vector<LevelisedCostInputs> assets = {
      {100e6, 0.07, 25.0, 2.2e6, 0.0},
      {50e6, 0.07, 25.0, 0.8e6, 3e6},
  };
  EXPECT_NEAR(capital_recovery_factor(0.07, 25.0), 0.0858105, 1e-7);
  EXPECT_NEAR(lcoe_usd_per_mwh(assets, 400e6), 47.17894, 1e-4);
  // One asset alone agrees with the single-asset form.
  EXPECT_DOUBLE_EQ(lcoe_usd_per_mwh(std::vector<LevelisedCostInputs>{assets[0]}, 400e6),
                   lcoe_usd_per_mwh(assets[0], 400e6));
  EXPECT_THROW((void)lcoe_usd_per_mwh(assets, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
