// Synthetic prices: calibration targets for several seeds, shape, determinism and bad parameters.
#include "stargate/energy/synthetic_prices.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace stargate {
namespace {

struct Stats {
  double mean = 0.0;
  double negative_share = 0.0;
  int above_threshold = 0;
  double max = 0.0;
  double min = 0.0;
};

Stats stats_of(const MarketSeries& s, double threshold = 1000.0) {
  Stats st;
  int negative = 0;
  for (const double p : s.value) {
    st.mean += p;
    negative += p < 0.0 ? 1 : 0;
    st.above_threshold += p >= threshold ? 1 : 0;
  }
  st.mean /= static_cast<double>(s.size());
  st.negative_share = static_cast<double>(negative) / static_cast<double>(s.size());
  st.max = *std::max_element(s.value.begin(), s.value.end());
  st.min = *std::min_element(s.value.begin(), s.value.end());
  return st;
}

TEST(SyntheticPrices, CalibrationTargetsForSeveralSeeds) {
  const SyntheticPriceParams params;  // mean 30, 6 % negative, 50 scarcity hours
  for (const std::uint64_t seed : {1U, 2U, 7U, 42U, 2024U, 99991U}) {
    const MarketSeries s = generate_prices(params, 2025, seed);
    ASSERT_EQ(s.size(), 8760U);
    const Stats st = stats_of(s);
    EXPECT_NEAR(st.mean, 30.0, 0.01 * 30.0) << "seed " << seed;
    EXPECT_GE(st.negative_share, 0.03) << "seed " << seed;
    EXPECT_LE(st.negative_share, 0.10) << "seed " << seed;
    EXPECT_GE(st.above_threshold, 20) << "seed " << seed;
    EXPECT_LE(st.above_threshold, 120) << "seed " << seed;
    EXPECT_LE(st.max, 5000.0) << "seed " << seed;
    EXPECT_GE(st.min, -40.0) << "seed " << seed;
    // The counts are exact: round(0.06 x 8760) = 526 negative hours, 50 at or above 1,000.
    EXPECT_EQ(std::lround(st.negative_share * 8760.0), 526) << "seed " << seed;
    EXPECT_EQ(st.above_threshold, 50) << "seed " << seed;
  }
}

TEST(SyntheticPrices, LzWest2023LikeCalibration) {
  // LZ_WEST 2023 (shared data README): mean 59.81, 671 / 8,759 negative, 66 h above 1,000.
  SyntheticPriceParams params;
  params.mean_usd_per_mwh = 59.81;
  params.negative_hour_share = 671.0 / 8759.0;
  params.scarcity_hours = 66;
  const MarketSeries s = generate_prices(params, 2023, 5);
  const Stats st = stats_of(s);
  EXPECT_NEAR(st.mean, 59.81, 1e-6 * 59.81);
  EXPECT_EQ(st.above_threshold, 66);
  EXPECT_EQ(std::lround(st.negative_share * 8760.0), 671);
}

TEST(SyntheticPrices, ShapeScarcityInSummerEveningsNegativesOutsideSummer) {
  const MarketSeries s = generate_prices(SyntheticPriceParams{}, 2025, 3);
  double summer_afternoon = 0.0;
  double summer_night = 0.0;
  int n_afternoon = 0;
  int n_night = 0;
  int negatives_in_july_august = 0;
  for (std::size_t t = 0; t < s.size(); ++t) {
    const CivilTime c = civil_from_local(s.time[t]);
    if (s.value[t] >= 1000.0) {
      EXPECT_GE(c.month, 6);
      EXPECT_LE(c.month, 9);
      EXPECT_GE(c.hour, 15);
      EXPECT_LE(c.hour, 21);
    }
    if (s.value[t] < 0.0 && (c.month == 7 || c.month == 8)) {
      ++negatives_in_july_august;
    }
    if (c.month >= 6 && c.month <= 9 && s.value[t] < 1000.0 && s.value[t] >= 0.0) {
      if (c.hour >= 15 && c.hour <= 19) {
        summer_afternoon += s.value[t];
        ++n_afternoon;
      } else if (c.hour <= 5) {
        summer_night += s.value[t];
        ++n_night;
      }
    }
  }
  EXPECT_GT(summer_afternoon / n_afternoon, 1.5 * summer_night / n_night);
  EXPECT_LT(negatives_in_july_august, 10);
  EXPECT_EQ(s.time.front(), local_from_civil(CivilTime{2025, 1, 1}));
  EXPECT_EQ(s.interval_s, 3600);
}

TEST(SyntheticPrices, DeterministicPerSeedAndLeapYears) {
  const SyntheticPriceParams params;
  const MarketSeries a = generate_prices(params, 2025, 11);
  const MarketSeries b = generate_prices(params, 2025, 11);
  const MarketSeries c = generate_prices(params, 2025, 12);
  EXPECT_EQ(a.value, b.value);
  EXPECT_NE(a.value, c.value);
  EXPECT_EQ(generate_prices(params, 2024, 11).size(), 8784U);
}

TEST(SyntheticPrices, RejectsBadParameters) {
  SyntheticPriceParams params;
  params.mean_usd_per_mwh = 2.0;  // 50 scarcity hours alone average more than 2 USD/MWh
  EXPECT_THROW((void)generate_prices(params, 2025, 1), std::invalid_argument);
  params = SyntheticPriceParams{};
  params.negative_hour_share = 0.6;
  EXPECT_THROW((void)generate_prices(params, 2025, 1), std::invalid_argument);
  params = SyntheticPriceParams{};
  params.scarcity_threshold_usd_per_mwh = 6000.0;
  EXPECT_THROW((void)generate_prices(params, 2025, 1), std::invalid_argument);
  params = SyntheticPriceParams{};
  params.scarcity_hours = 0;
  params.negative_hour_share = 0.0;
  const MarketSeries calm = generate_prices(params, 2025, 1);
  EXPECT_GE(*std::min_element(calm.value.begin(), calm.value.end()), 0.0);
  EXPECT_LT(*std::max_element(calm.value.begin(), calm.value.end()), 1000.0);
  EXPECT_NEAR(calm.mean(), 30.0, 1e-9);
}

}  // namespace
}  // namespace stargate
