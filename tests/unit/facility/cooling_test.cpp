#include "stargate/facility/cooling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/weather/synthetic_weather.hpp"

namespace stargate {
namespace {

TEST(Cooling, HandCheckedPue) {
  const CoolingParams p;
  // 10 C: fixed 0.08 + 0.005 + 0.02 = 0.105; liquid loop fans 0.8 * 0.03 * (7/22)^3; air loop on
  // free cooling 0.2 * (0.03 * (7/8)^3 + 0.05).
  const double expected_10 =
      1.105 + 0.8 * 0.03 * std::pow(7.0 / 22.0, 3) + 0.2 * (0.03 * std::pow(7.0 / 8.0, 3) + 0.05);
  EXPECT_NEAR(pue_at(p, 10.0), expected_10, 1e-12);
  EXPECT_NEAR(expected_10, 1.1198, 1e-4);
  // 40 C: both loops on chillers. COP liquid 0.45 * 300.15 / 23, air 0.45 * 286.15 / 37.
  const double expected_40 = 1.105 + 0.8 * 0.03 + 0.2 * (0.03 + 0.05) +
                             0.8 / (0.45 * 300.15 / 23.0) + 0.2 / (0.45 * 286.15 / 37.0);
  EXPECT_NEAR(pue_at(p, 40.0), expected_40, 1e-12);
  EXPECT_NEAR(expected_40, 1.3387, 1e-4);
}

TEST(Cooling, HotterMeansHigherPue) {
  const CoolingParams p;
  EXPECT_GT(pue_at(p, 40.0), pue_at(p, 10.0));
  double previous = 0.0;
  for (double t = -20.0; t <= 50.0; t += 0.25) {
    const double pue = pue_at(p, t);
    EXPECT_GE(pue, previous - 1e-12) << t;
    EXPECT_GE(pue, 1.0);
    previous = pue;
  }
  const PueBreakdown cold = pue_breakdown(p, 0.0);
  EXPECT_DOUBLE_EQ(cold.chiller, 0.0);  // free cooling only
  EXPECT_GT(pue_breakdown(p, 35.0).chiller, 0.0);
}

TEST(Cooling, CoolingPowerIsPueMinusOneTimesIt) {
  const CoolingParams p;
  const CoolingModel model(p);
  // 100 MW of IT at 40 C: (1.3387 - 1) * 100,000 kW = 33,870 kW of overhead.
  EXPECT_NEAR(cooling_kw(p, 100'000.0, 40.0), (pue_at(p, 40.0) - 1.0) * 100'000.0, 1e-9);
  EXPECT_NEAR(model.cooling_kw(100'000.0, 40.0), 33'870.0, 10.0);
  EXPECT_NEAR(model.facility_kw(1000.0, 20.0), 1000.0 * pue_at(p, 20.0), 1e-9);
}

TEST(Cooling, AbileneAnnualPueWithinFacts) {
  const WeatherSite site{"Abilene", 32.45, -99.73, 524.0, -6.0};
  for (const std::uint64_t seed : {1U, 42U}) {
    const WeatherSeries weather = generate_weather(site, abilene_climate(), 2026, seed);
    const std::vector<double> it_kw(weather.size(), 1.2e6);  // 1.2 GW constant IT load
    const double annual = energy_weighted_pue(CoolingParams{}, weather.temp_air_c, it_kw);
    // FACTS.md: liquid-cooled, West Texas, annual 1.15-1.20 (calibrated value 1.164).
    EXPECT_GE(annual, 1.15) << seed;
    EXPECT_LE(annual, 1.20) << seed;
    EXPECT_NEAR(annual, 1.164, 0.005) << seed;
  }
}

TEST(Cooling, EnergyWeighting) {
  const CoolingParams p;
  const std::vector<double> ambient{10.0, 40.0};
  const std::vector<double> it{1.0, 3.0};
  EXPECT_NEAR(energy_weighted_pue(p, ambient, it), (pue_at(p, 10.0) + 3.0 * pue_at(p, 40.0)) / 4.0,
              1e-12);
  EXPECT_DOUBLE_EQ(energy_weighted_pue(p, ambient, std::vector<double>{0.0, 0.0}), 1.0);
  EXPECT_THROW((void)energy_weighted_pue(p, ambient, std::vector<double>{1.0}),
               std::invalid_argument);
}

TEST(Cooling, ValidationNamesTheField) {
  CoolingParams p;
  p.liquid_return_c = p.liquid_supply_c;
  try {
    const CoolingModel model(p);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("liquid_return_c"), std::string::npos) << e.what();
  }
  p = CoolingParams{};
  p.chiller_carnot_fraction = 0.0;
  EXPECT_THROW(validate_cooling_params(p), std::invalid_argument);
  p = CoolingParams{};
  p.liquid_capture_fraction = 1.5;
  EXPECT_THROW(validate_cooling_params(p), std::invalid_argument);
  EXPECT_NO_THROW(validate_cooling_params(CoolingParams{}));
}

}  // namespace
}  // namespace stargate
