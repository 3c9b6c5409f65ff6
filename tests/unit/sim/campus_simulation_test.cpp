// The step loop on small scenarios whose results can be derived by hand.
#include "stargate/sim/campus_simulation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

// Two buildings; B2 comes online at noon of the first day. One day hourly.
const std::string kTwoBuildings = R"([scenario]
name = "two"
start = 2026-03-01
duration = "1 d"
step = "1 h"

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "B1"
online = 2026-01-01
it_capacity = "100 MW"
gpus = 1000

[[building]]
name = "B2"
online = 2026-03-01T12:00:00
it_capacity = "50 MW"
gpus = 500

[compute]
model = "constant-utilisation"
it_utilisation = "80 %"

[facility]
cooling = "constant-pue"
pue = 1.25

[grid]
import_limit = "120 MW"
price = "40 $/MWh"
)";

TEST(CampusSimulation, HandDerivedDay) {
  const Results results = simulate(load_scenario_text(kTwoBuildings, "two.toml"));
  ASSERT_EQ(results.grid().size(), 24U);
  // Morning: 100 MW online -> IT 80 MW -> facility 100 MW, all imported (limit 120 MW).
  EXPECT_DOUBLE_EQ(results.column("it_load_kw")[0], 80'000.0);
  EXPECT_DOUBLE_EQ(results.column("facility_load_kw")[0], 100'000.0);
  EXPECT_DOUBLE_EQ(results.column("grid_import_kw")[11], 100'000.0);
  EXPECT_DOUBLE_EQ(results.column("unserved_kw")[11], 0.0);
  // From 12:00: 150 MW online -> IT 120 MW -> facility 150 MW; 120 MW imported, 30 MW unserved.
  EXPECT_DOUBLE_EQ(results.column("facility_load_kw")[12], 150'000.0);
  EXPECT_DOUBLE_EQ(results.column("grid_import_kw")[12], 120'000.0);
  EXPECT_DOUBLE_EQ(results.column("unserved_kw")[12], 30'000.0);
  EXPECT_DOUBLE_EQ(results.column("gpus_online")[12], 1500.0);
  // Energy: 12 h x 100 MW + 12 h x 150 MW = 3000 MWh facility; imports 12x100 + 12x120 = 2640.
  EXPECT_NEAR(results.kpi("facility_energy_mwh"), 3000.0, 1e-9);
  EXPECT_NEAR(results.kpi("grid_import_mwh"), 2640.0, 1e-9);
  EXPECT_NEAR(results.kpi("unserved_energy_mwh"), 360.0, 1e-9);
  EXPECT_NEAR(results.kpi("unserved_hours_h"), 12.0, 1e-12);
  // Cost: 2640 MWh x 40 $/MWh = 105,600 USD.
  EXPECT_NEAR(results.kpi("energy_cost_usd"), 105'600.0, 1e-6);
  EXPECT_NEAR(results.kpi("average_pue"), 1.25, 1e-12);
  // GPU-hours: 12 h x 1000 + 12 h x 1500 = 30,000.
  EXPECT_NEAR(results.kpi("gpu_hours_online"), 30'000.0, 1e-9);
  EXPECT_FALSE(results.warnings().empty());
}

TEST(CampusSimulation, BalanceHoldsAtEveryStep) {
  const Results results = simulate(load_scenario_text(kTwoBuildings, "two.toml"));
  const auto facility = results.column("facility_load_kw");
  const auto imported = results.column("grid_import_kw");
  const auto unserved = results.column("unserved_kw");
  for (std::size_t i = 0; i < facility.size(); ++i) {
    EXPECT_NEAR(imported[i] + unserved[i], facility[i], 1e-6 * facility[i]) << "step " << i;
    EXPECT_GE(imported[i], 0.0);
    EXPECT_GE(unserved[i], 0.0);
  }
}

TEST(CampusSimulation, SameInputsSameOutputs) {
  const Scenario scenario = load_scenario_text(kTwoBuildings, "two.toml");
  const Results a = simulate(scenario);
  const Results b = simulate(scenario);
  ASSERT_EQ(a.series().size(), b.series().size());
  for (std::size_t s = 0; s < a.series().size(); ++s) {
    EXPECT_EQ(a.series()[s].values, b.series()[s].values) << a.series()[s].name;
  }
}

TEST(CampusSimulation, ReportsProgress) {
  std::size_t calls = 0;
  std::size_t last = 0;
  SimulationOptions options;
  options.progress = [&](std::size_t done, std::size_t total) {
    ++calls;
    last = done;
    EXPECT_EQ(total, 24U);
  };
  (void)simulate(load_scenario_text(kTwoBuildings, "two.toml"), options);
  EXPECT_GT(calls, 0U);
  EXPECT_EQ(last, 24U);
}

}  // namespace
}  // namespace stargate
