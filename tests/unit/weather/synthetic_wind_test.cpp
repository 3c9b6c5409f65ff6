#include "stargate/weather/synthetic_wind.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace stargate {
namespace {

double mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

TEST(SyntheticWind, AnnualMeanMatchesWithinOnePercent) {
  SyntheticWindParams p;
  p.mean_speed_m_s = 8.2;
  p.height_m = 90.0;
  const WindResource r = generate_wind(p, 2023, 7);
  ASSERT_EQ(r.size(), 8760U);
  ASSERT_EQ(r.heights.size(), 1U);
  EXPECT_DOUBLE_EQ(r.heights[0].height_m, 90.0);
  EXPECT_NEAR(mean(r.heights[0].speed_m_s), 8.2, 8.2 * 0.01);
  EXPECT_NEAR(mean(r.heights[0].speed_m_s), 8.2, 1e-9);  // in fact exact
  EXPECT_EQ(generate_wind(p, 2024, 7).size(), 8784U);
}

TEST(SyntheticWind, WeibullShapeRecoveredRoughly) {
  // Justus et al. (1978) moment estimate: k = (sigma / mean)^-1.086. Seasonal and diurnal
  // modulation widen the distribution a little, so k comes out somewhat below 2.
  SyntheticWindParams p;
  const WindResource r = generate_wind(p, 2023, 11);
  const auto& v = r.heights[0].speed_m_s;
  const double m = mean(v);
  double var = 0.0;
  for (const double x : v) {
    var += (x - m) * (x - m);
  }
  var /= static_cast<double>(v.size());
  const double k = std::pow(std::sqrt(var) / m, -1.086);
  EXPECT_GT(k, 1.6);
  EXPECT_LT(k, 2.4);
  for (const double x : v) {
    ASSERT_GE(x, 0.0);
  }
}

TEST(SyntheticWind, HourToHourPersistence) {
  const WindResource r = generate_wind(SyntheticWindParams{}, 2023, 3);
  const auto& v = r.heights[0].speed_m_s;
  const double m = mean(v);
  double num = 0.0;
  double den = 0.0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    den += (v[i] - m) * (v[i] - m);
    if (i > 0) {
      num += (v[i] - m) * (v[i - 1] - m);
    }
  }
  EXPECT_GT(num / den, 0.7);  // Gaussian phi 0.9 -> speed lag-1 correlation ~0.88
}

TEST(SyntheticWind, DeterministicForASeed) {
  const SyntheticWindParams p;
  const WindResource a = generate_wind(p, 2023, 42);
  const WindResource b = generate_wind(p, 2023, 42);
  const WindResource c = generate_wind(p, 2023, 43);
  EXPECT_EQ(a.heights[0].speed_m_s, b.heights[0].speed_m_s);
  EXPECT_EQ(a.heights[0].direction_deg, b.heights[0].direction_deg);
  EXPECT_NE(a.heights[0].speed_m_s, c.heights[0].speed_m_s);
}

TEST(SyntheticWind, DefaultsForDensityAndBadParameters) {
  SyntheticWindParams p;
  p.elevation_m = 1000.0;
  const WindResource r = generate_wind(p, 2023, 1);
  // Standard atmosphere at 1100 m: (1 - 2.25577e-5 x 1100)^5.25588 = 0.975187^5.25588
  // = exp(5.25588 x -0.0251264) = 0.876287 atm.
  EXPECT_NEAR(r.heights[0].pressure_atm[0], 0.876287, 1e-5);
  EXPECT_NEAR(mean(r.heights[0].temperature_c), 15.0, 0.2);
  p.mean_speed_m_s = -1.0;
  EXPECT_THROW((void)generate_wind(p, 2023, 1), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
