// Battery price signals from the day's prices, by hand (dispatch/battery_prices.hpp).
#include "stargate/dispatch/battery_prices.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

TEST(BatteryPrices, TheDaysCheapestAndDearestSteps) {
  // Hourly prices 10, 20, ..., 240 for one day and a 4-hour battery at 85 %: it charges at or
  // under the 4th lowest (40) and values stored energy at the 4th highest (210) all day.
  std::vector<double> prices;
  for (int h = 1; h <= 24; ++h) prices.push_back(10.0 * h);
  const BatteryPriceSignals s = rolling_battery_prices(prices, 1.0, 4.0, 0.85);
  ASSERT_EQ(s.charge_below_usd_per_mwh.size(), 24U);
  EXPECT_DOUBLE_EQ(s.charge_below_usd_per_mwh[0], 40.0);
  EXPECT_DOUBLE_EQ(s.value_usd_per_mwh[0], 210.0);
  EXPECT_DOUBLE_EQ(s.value_usd_per_mwh[23], 210.0);
  // A flat day: the spread does not pay for the losses, so no grid charging.
  const BatteryPriceSignals flat =
      rolling_battery_prices(std::vector<double>(48, 30.0), 1.0, 4.0, 0.85);
  EXPECT_TRUE(std::isinf(flat.charge_below_usd_per_mwh[0]));
  EXPECT_LT(flat.charge_below_usd_per_mwh[0], 0.0);
  EXPECT_DOUBLE_EQ(flat.value_usd_per_mwh[30], 30.0);
  // Fixed mode: the one threshold everywhere.
  const BatteryPriceSignals fixed = fixed_battery_prices(3, 20.0);
  EXPECT_DOUBLE_EQ(fixed.value_usd_per_mwh[2], 20.0);
  EXPECT_THROW((void)rolling_battery_prices(prices, 1.0, 4.0, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
