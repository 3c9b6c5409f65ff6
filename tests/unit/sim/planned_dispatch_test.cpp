// The dispatch planner on a hand case: two price levels and a battery.
#include "sim/planned_dispatch.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stargate/dispatch/planned_step.hpp"
#include "stargate/energy/four_cp.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/sim/asset_models.hpp"

namespace stargate {
namespace {

// One day hourly; a 10 MW / 20 MWh battery, 81 % round trip (0.9 each way), empty at the start,
// usable from 0 to 100 %; grid up to 100 MW. The planner's series are set by the test.
std::string scenario_text(const std::string& policy) {
  return R"([scenario]
name = "arbitrage"
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
it_capacity = "10 MW"
gpus = 100

[compute]
model = "constant-utilisation"
it_utilisation = "100 %"

[facility]
cooling = "constant-pue"
pue = 1.0

[[battery]]
name = "bess"
power = "10 MW"
energy = "20 MWh"
round_trip_efficiency = "81 %"
soc_min = "0 %"
soc_max = "100 %"
initial_soc = "0 %"
self_discharge = "0 %"

[grid]
import_limit = "100 MW"
price = "40 $/MWh"

[dispatch]
policy = ")" +
         policy + "\"\n";
}

constexpr std::size_t kSteps = 24;

struct Series {
  std::vector<double> load_kw = std::vector<double>(kSteps, 10'000.0);
  std::vector<double> zero = std::vector<double>(kSteps, 0.0);
  std::vector<double> price = std::vector<double>(kSteps, 0.0);
  Series() {
    // 10 $/MWh for the first 12 hours, 100 $/MWh for the last 12.
    for (std::size_t t = 0; t < kSteps; ++t) {
      price[t] = t < kSteps / 2 ? 10.0 : 100.0;
    }
  }
  [[nodiscard]] PlannerSeries spans() const { return {load_kw, zero, zero, price, zero, {}}; }
};

TEST(DispatchPlanner, LpArbitragesTwoPriceLevelsAsByHand) {
  const Scenario scenario = load_scenario_text(scenario_text("lp"), "a.toml");
  const TimeGrid grid = run_grid(scenario);
  const Series series;
  DispatchPlanner planner(scenario, grid, series.spans());
  EXPECT_EQ(planner.window_steps(), kSteps);
  ASSERT_EQ(planner.plan(0, 0.0, 0.0), lp::Status::kOptimal);
  EXPECT_EQ(planner.solves(), 1);
  // By hand: filling 20 MWh takes 20 / 0.9 = 22.22 MWh of cheap charge; emptying it delivers
  // 20 x 0.9 = 18 MWh in the dear hours (worth 18 x 100 - 22.22 x 10 = 1,577.8 USD > 0). Charging
  // only when cheap and discharging only when dear.
  double charge_mwh = 0.0;
  double discharge_mwh = 0.0;
  for (std::size_t t = 0; t < kSteps; ++t) {
    const double net_kw = planner.step(t).battery_net_kw;
    if (t < kSteps / 2) {
      EXPECT_LE(net_kw, 1e-6) << t;
    } else {
      EXPECT_GE(net_kw, -1e-6) << t;
    }
    charge_mwh += std::max(0.0, -net_kw) / 1000.0;
    discharge_mwh += std::max(0.0, net_kw) / 1000.0;
  }
  EXPECT_NEAR(charge_mwh, 20.0 / 0.9, 1e-6);
  EXPECT_NEAR(discharge_mwh, 18.0, 1e-6);

  // Executed through the physical battery: grid cost = (12 x 10 + 22.22) MWh x 10 $/MWh +
  // (12 x 10 - 18) MWh x 100 $/MWh = 1,422.22 + 10,200 = 11,622.22 USD (13,200 without it).
  Battery battery(battery_params(scenario.batteries[0]));
  Battery* batteries[] = {&battery};
  DispatchRules limits;
  limits.import_limit_kw = 100'000.0;
  double cost_usd = 0.0;
  for (std::size_t t = 0; t < kSteps; ++t) {
    const DispatchInput input{series.load_kw[t], 0.0, 0.0, series.price[t], 0.0};
    const DispatchFlows flows = execute_planned_step(limits, planner.step(t), input,
                                                     DispatchAssets{batteries, {}, {}}, 1.0);
    EXPECT_NEAR(flows.battery_discharge_kw + flows.grid_import_kw + flows.unserved_kw,
                series.load_kw[t] + flows.battery_charge_kw, 1e-6);
    EXPECT_EQ(flows.unserved_kw, 0.0);
    cost_usd += flows.grid_import_kw / 1000.0 * series.price[t];
  }
  EXPECT_NEAR(cost_usd, 1422.2222222 + 10'200.0, 1e-3);
}

TEST(DispatchPlanner, LpDischargesInTheFourCpPeaks) {
  // A summer at a flat 40 $/MWh: cycling the battery only loses energy, except in the four 4CP
  // peak hours, where each MW imported costs 100 / 4 $/kW x 1000 = 25,000 $: the plan discharges
  // the full 10 MW then, and not at all without a 4CP rate.
  std::string text = scenario_text("lp");
  text.replace(text.find("start = 2026-03-01"), 18, "start = 2026-06-01");
  text.replace(text.find("duration = \"1 d\""), 16, "duration = \"122 d\"");
  text.replace(text.find("price = \"40 $/MWh\""), 18,
               "price = \"40 $/MWh\"\nfour_cp_rate = \"100 $/kW-yr\"");
  for (const bool charged : {true, false}) {
    const Scenario scenario = load_scenario_text(
        charged ? text
                : text.substr(0, text.find("four_cp_rate")) + text.substr(text.find("[dispatch]")),
        "a.toml");
    const TimeGrid grid = run_grid(scenario);
    const std::vector<double> peaks = four_cp_step_prices_usd_per_kw(
        grid, synthetic_ercot_system_load_mw(grid, static_cast<std::uint64_t>(scenario.run.seed)),
        100.0);
    const std::vector<double> load(grid.size(), 10'000.0);
    const std::vector<double> zero(grid.size(), 0.0);
    const std::vector<double> price(grid.size(), 40.0);
    // The run passes the 4CP prices when the campus pays a 4CP charge.
    const std::vector<double> none;
    DispatchPlanner planner(scenario, grid,
                            {load, zero, zero, price, zero, charged ? peaks : none, 0.0, 0.0});
    ASSERT_EQ(planner.plan(0, 0.0, 0.0), lp::Status::kOptimal);
    int peak_steps = 0;
    double other_discharge_kw = 0.0;
    for (std::size_t t = 0; t < grid.size(); ++t) {
      const double net_kw = planner.step(t).battery_net_kw;
      if (peaks[t] > 0.0) {
        ++peak_steps;
        EXPECT_NEAR(net_kw, charged ? 10'000.0 : 0.0, 1e-6) << t;
      } else {
        other_discharge_kw += std::max(0.0, net_kw);
      }
    }
    EXPECT_EQ(peak_steps, 4);
    EXPECT_NEAR(other_discharge_kw, 0.0, 1e-6);
  }
}

TEST(DispatchPlanner, RulesWithAHighChargeThresholdDoNotArbitrage) {
  // The rules value stored energy at battery_charge_below: at 200 $/MWh the battery never
  // discharges at 100 $/MWh (the grid is cheaper), so it only buys. By hand: hours 0 and 1 charge
  // 10 MW (9 MWh stored each), hour 2 takes the last (20 - 18) / 0.9 = 2.22 MW; the battery then
  // stays full. Cost: (120 + 22.22) MWh x 10 $ + 120 MWh x 100 $ = 13,422.22 USD.
  const Scenario scenario = load_scenario_text(scenario_text("rules"), "a.toml");
  const Series series;
  Battery battery(battery_params(scenario.batteries[0]));
  Battery* batteries[] = {&battery};
  DispatchRules rules;
  rules.import_limit_kw = 100'000.0;
  rules.battery_charge_below_usd_per_mwh = 200.0;
  rules.battery_discharge_above_usd_per_mwh = 1000.0;
  double cost_usd = 0.0;
  double discharge_kwh = 0.0;
  for (std::size_t t = 0; t < kSteps; ++t) {
    const DispatchInput input{series.load_kw[t], 0.0, 0.0, series.price[t], 0.0};
    const DispatchFlows flows = dispatch_step(rules, input, DispatchAssets{batteries, {}, {}}, 1.0);
    cost_usd += flows.grid_import_kw / 1000.0 * series.price[t];
    discharge_kwh += flows.battery_discharge_kw;
  }
  EXPECT_EQ(discharge_kwh, 0.0);
  EXPECT_NEAR(cost_usd, 1422.2222222 + 12'000.0, 1e-3);
  EXPECT_GT(cost_usd, 1422.2222222 + 10'200.0);
}

TEST(DispatchPlanner, MpcPlansOneWindowAtATime) {
  std::string text = scenario_text("mpc");
  text += "mpc_window = \"6 h\"\nmpc_interval = \"3 h\"\n";
  const Scenario scenario = load_scenario_text(text, "a.toml");
  const TimeGrid grid = run_grid(scenario);
  const Series series;
  DispatchPlanner planner(scenario, grid, series.spans());
  EXPECT_EQ(planner.window_steps(), 6U);
  EXPECT_EQ(planner.interval_steps(), 3U);
  // A window in the cheap hours just before the dear ones: it charges (the dear hours are in
  // view), the battery starting empty.
  ASSERT_EQ(planner.plan(9, 0.0, 0.0), lp::Status::kOptimal);
  // 22.22 MWh of charge at 10 MW needs all three cheap hours of the window.
  EXPECT_LT(planner.step(9).battery_net_kw, 0.0);
  EXPECT_GT(planner.step(12).battery_net_kw + planner.step(13).battery_net_kw +
                planner.step(14).battery_net_kw,
            0.0);
  // A window wholly in the cheap hours sees no reason to charge.
  ASSERT_EQ(planner.plan(0, 0.0, 0.0), lp::Status::kOptimal);
  for (std::size_t t = 0; t < 6; ++t) {
    EXPECT_NEAR(planner.step(t).battery_net_kw, 0.0, 1e-6) << t;
  }
  EXPECT_EQ(planner.solves(), 2);
}

}  // namespace
}  // namespace stargate
