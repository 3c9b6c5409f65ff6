// The GPU fleet inside the campus run: invariants, and flexible work absorbing a power shortfall.
#include "sim/compute_fleet.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "run_scenario.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

// 20,000 GB200 in one building (about 30 MW of IT at full activity: 1.2 kW x 0.8 activity over
// 15 % idle, x1.4 node overhead, x1.075 network), a synthetic workload, a 4,000-GPU inference
// service, and a grid limit that cannot carry the whole load at night.
const std::string kFleet = R"([scenario]
name = "fleet"
start = 2026-06-01
duration = "14 d"
step = "15 min"
seed = 11

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "Hall"
online = 2026-01-01
it_capacity = "40 MW"
gpus = 20000

[[solar]]
name = "PV"
capacity = "60 MW"

[compute]
policy = "power-aware"
target_utilisation = "90 %"
size_multiplier = 16
duration_multiplier = 64
firm_share = "10 %"

[[inference]]
name = "serving"
gpus = 4000
floor = "50 %"

[grid]
import_limit = "22 MW"
)";

TEST(ComputeFleetRun, FlexibleWorkAbsorbsTheShortfall) {
  const Results results = test::run_scenario(load_scenario_text(kFleet, "fleet.toml"));
  // The grid (22 MW) cannot carry the fleet at night; solar can by day. Flexible training gives
  // way instead of leaving load unserved.
  EXPECT_GT(results.kpi("flexible_shed_mwh"), 0.0);
  EXPECT_GT(results.kpi("power_pauses") + results.kpi("flexibility_events"), 0.0);
  // Firm work that starts within a step is carried by the next step's budget (the budget is set
  // from the last step's firm power, docs/scheduling.md): at most a sliver of a step goes
  // unserved when a firm job starts at night on a full grid.
  EXPECT_LT(results.kpi("unserved_energy_mwh"), 1e-4 * results.kpi("facility_energy_mwh"));
  const auto it = results.column("it_load_kw");
  const auto capacity = results.column("online_it_capacity_kw");
  const auto busy = results.column("gpus_busy");
  for (std::size_t i = 0; i < it.size(); ++i) {
    ASSERT_LE(it[i], capacity[i] * (1 + 1e-9)) << "step " << i;  // provisioned IT power
    ASSERT_LE(busy[i], 20000.0 + 1e-6) << "step " << i;          // no more GPUs than installed
    ASSERT_GE(busy[i], 4000.0 * 0.5 - 1e-6) << "step " << i;     // the inference floor runs
  }
}

TEST(ComputeFleetRun, SchedulerInvariantsAndConservation) {
  const Scenario scenario = load_scenario_text(kFleet, "fleet.toml");
  const TimeGrid grid = run_grid(scenario);
  ComputeFleet fleet(scenario, load_run_inputs(scenario), grid);
  for (std::size_t step = 0; step < grid.size(); ++step) {
    (void)fleet.step(step, step % 8 < 4 ? 1e12 : 0.0, 30.0, 380.0);
    ASSERT_EQ(fleet.check_invariants(), "") << "step " << step;
  }
  const ScheduleMetrics metrics = fleet.metrics();
  EXPECT_LT(metrics.conservation_error_gpu_h, 1e-6 * metrics.gpu_hours_total);
  EXPECT_GT(metrics.jobs_started, 0);
  EXPECT_GT(metrics.flexibility_shed_mwh, 0.0);
}

TEST(ComputeFleetRun, UnknownGpuTypeIsABadInput) {
  const std::string text = kFleet + "\n";
  const std::string bad =
      std::string(text).replace(text.find("gpus = 20000"), 12, "gpus = 20000\ngpu_type = \"gb20\"");
  try {
    (void)load_run_inputs(load_scenario_text(bad, "fleet.toml"));
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("building[0].gpu_type: unknown GPU type \"gb20\""),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(ComputeFleetRun, ScenarioGpuTypesDefineTheirOwnPower) {
  // A made-up 2 kW GPU at 15 % idle: with activity 80 % a busy GPU draws 300 + 1700 x 0.8 =
  // 1,660 W; x1.8 node overhead x1.075 network: 3.21 kW per busy GPU.
  std::string text = kFleet;
  text.replace(text.find("gpus = 20000"), 12, "gpus = 20000\ngpu_type = \"future-gpu\"");
  // 20,000 of them need 20,000 x 2 kW x 1.8 x 1.075 = 77.4 MW at full load: more than the hall's
  // 40 MW, so the hall's IT capacity is left to be derived from its GPUs.
  text.erase(text.find("it_capacity = \"40 MW\"\n"), 21);
  text += R"(
[[gpu_type]]
name = "future-gpu"
tdp = "2000 W"
idle = "300 W"
dense_bf16 = 5
)";
  const Results results = test::run_scenario(load_scenario_text(text, "fleet.toml"));
  const auto it = results.column("it_load_kw");
  const auto busy = results.column("gpus_busy");
  // IT power is between all-idle (20,000 x 0.3 x 1.8 x 1.075 = 11.6 MW) and all-busy (64.2 MW).
  for (std::size_t i = 0; i < it.size(); ++i) {
    ASSERT_GE(it[i], 20000 * 0.3 * 1.8 * 1.075 * (1 - 1e-9));
    ASSERT_LE(it[i], 20000 * 1.66 * 1.8 * 1.075 * (1 + 1e-9));
  }
  EXPECT_GT(*std::max_element(busy.begin(), busy.end()), 2000.0);
  EXPECT_NEAR(results.column("online_it_capacity_kw").front(), 20000 * 2.0 * 1.8 * 1.075, 1e-6);
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(ComputeFleetRun, InferenceDemandFromAnAzureTrace) {
  std::string text = kFleet;
  text.replace(text.find("floor = \"50 %\""), 14,
               "floor = \"10 %\"\ndemand_file = \"" + std::string(STARGATE_SOURCE_DIR) +
                   "/tests/fixtures/traces/azure_small.csv\"");
  const Scenario scenario = load_scenario_text(text, "fleet.toml");
  const Results results = test::run_scenario(scenario);
  EXPECT_GT(results.kpi("it_energy_mwh"), 0.0);
  const std::string missing = std::string(text).replace(text.find("azure_small"), 11, "nope");
  EXPECT_THROW((void)load_run_inputs(load_scenario_text(missing, "fleet.toml")), InputError);
}

}  // namespace
}  // namespace stargate
