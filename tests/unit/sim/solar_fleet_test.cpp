// Solar in the step loop: synthetic weather through the PV model onto the grid, then dispatch.
#include "sim/solar_fleet.hpp"
#include "stargate/sim/asset_models.hpp"

#include <gtest/gtest.h>

#include <string>

#include "run_scenario.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

const std::string kSolarCampus = R"([scenario]
name = "solar"
start = 2026-01-01
duration = "1 y"
step = "15 min"
seed = 7

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "B1"
online = 2026-01-01
it_capacity = "100 MW"
gpus = 1000

[[solar]]
name = "PV"
capacity = "300 MW"
online = 2026-03-01

[grid]
import_limit = "200 MW"
price = "30 $/MWh"
)";

TEST(SolarFleet, BalanceAndBoundsAtEveryStep) {
  const Results results = test::run_scenario(load_scenario_text(kSolarCampus, "solar.toml"));
  const auto load = results.column("facility_load_kw");
  const auto solar = results.column("solar_kw");
  const auto curtailed = results.column("curtailed_kw");
  const auto imported = results.column("grid_import_kw");
  const auto unserved = results.column("unserved_kw");
  // PV AC rating 300 MW / 1.2 = 250 MW.
  const double ac_rating_kw = 250'000.0;
  for (std::size_t i = 0; i < load.size(); ++i) {
    EXPECT_NEAR(solar[i] - curtailed[i] + imported[i] + unserved[i], load[i], 1e-6 * load[i])
        << "step " << i;
    ASSERT_GE(solar[i], 0.0);
    ASSERT_LE(solar[i], ac_rating_kw * (1 + 1e-12));
    ASSERT_GE(curtailed[i], 0.0);
    ASSERT_LE(curtailed[i], solar[i]);
  }
  // Online from 1 March: nothing before (59 days x 96 steps).
  for (std::size_t i = 0; i < 59 * 96; ++i) {
    ASSERT_EQ(solar[i], 0.0) << i;
  }
  // Midnight in summer: dark.
  EXPECT_EQ(solar[180 * 96], 0.0);
  // A plausible West Texas tracker: AC capacity factor 20-32 % while online.
  const double capacity_factor = results.kpi("solar_capacity_factor_ac_fraction");
  EXPECT_GT(capacity_factor, 0.20);
  EXPECT_LT(capacity_factor, 0.32);
  EXPECT_LE(results.kpi("curtailed_mwh"), results.kpi("solar_available_mwh"));
}

TEST(SolarFleet, SameSeedSameWeatherDifferentSeedDifferent) {
  const Scenario scenario = load_scenario_text(kSolarCampus, "solar.toml");
  const Results a = test::run_scenario(scenario);
  const Results b = test::run_scenario(scenario);
  EXPECT_EQ(a.kpi("solar_available_mwh"), b.kpi("solar_available_mwh"));
  const std::vector<std::string> other_seed{"scenario.seed=8"};
  const Results c = test::run_scenario(load_scenario_text(kSolarCampus, "solar.toml", other_seed));
  EXPECT_NE(a.kpi("solar_available_mwh"), c.kpi("solar_available_mwh"));
}

TEST(SolarFleet, ParamsFollowTheScenarioAndAlbedoRule) {
  const Scenario scenario = load_scenario_text(kSolarCampus, "solar.toml");
  const PvSystemParams params = pv_params(scenario.solar[0]);
  EXPECT_EQ(params.dc_capacity_kw, 300'000.0);
  EXPECT_EQ(params.array_type, ArrayType::kOneAxisBacktracking);
  EXPECT_TRUE(params.albedo_from_weather);
}

TEST(SolarFleet, PartialYearWeatherFileIsABadInput) {
  const std::string text = kSolarCampus + "\n[site.weather]\nfile = \"" +
                           std::string(STARGATE_SOURCE_DIR) +
                           "/tests/fixtures/weather/nsrdb_v3_minute30.csv\"\n";
  try {
    (void)load_run_inputs(load_scenario_text(text, "solar.toml"));
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("site.weather.file: expected one whole year of "
                        "weather (365 or 366 days), got 24 rows"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace stargate
