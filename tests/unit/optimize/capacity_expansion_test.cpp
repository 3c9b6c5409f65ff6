#include "stargate/optimize/capacity_expansion.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "stargate/io/scenario_loader.hpp"
#include "stargate/sim/campus_simulation.hpp"

namespace stargate {
namespace {

namespace fs = std::filesystem;

Scenario week(const std::vector<std::string>& overrides = {}) {
  return load_scenario(STARGATE_SOURCE_DIR "/tests/fixtures/optimize/week.toml", overrides);
}

TEST(CapacityExpansion, OptimalDesignMeetsTheCleanShareWhenSimulated) {
  const Scenario scenario = week();
  const ExpansionInputs inputs = expansion_inputs(scenario);
  EXPECT_EQ(inputs.problem.steps(), 168U);
  ASSERT_EQ(inputs.problem.solar.size(), 1U);
  ASSERT_EQ(inputs.problem.wind.size(), 1U);
  const ExpansionResult result = solve_expansion(inputs, scenario.optimize, std::nullopt);
  ASSERT_EQ(result.status, lp::Status::kOptimal);
  const SupplyPlan& plan = result.plan;
  EXPECT_GE(plan.clean_share, 0.7 - 1e-7);
  EXPECT_GT(plan.solar_mw[0] + plan.wind_mw[0], 0.0);
  EXPECT_NEAR(plan.objective_usd, result.lp_objective_usd, 1e-6);
  // The binding clean-share row has a positive marginal cost.
  EXPECT_GT(plan.clean_share_marginal_usd_per_point, 0.0);

  const Scenario design = design_scenario(scenario, inputs, plan);
  const Results simulated = simulate(design, {});
  // The design simulated with the engine's LP dispatch: the wind farm is rounded to whole
  // turbines, the gas plant has a minimum stable load and the battery starts half full rather
  // than cyclic, so the clean share may differ from the LP's by a stated tolerance of 3 points
  // (docs/optimization.md).
  EXPECT_GE(simulated.kpi("annual_clean_share_fraction"), plan.clean_share - 0.03);
  EXPECT_NEAR(simulated.kpi("facility_energy_mwh"), plan.load_mwh, 1e-6 * plan.load_mwh);
  EXPECT_NEAR(simulated.kpi("unserved_energy_mwh"), 0.0, 1e-6);
}

TEST(CapacityExpansion, HigherCleanShareCostsMore) {
  const Scenario low = week({"optimize.clean_share=0.5"});
  const Scenario high = week({"optimize.clean_share=0.9"});
  const ExpansionResult a = solve_expansion(expansion_inputs(low), low.optimize, std::nullopt);
  const ExpansionResult b = solve_expansion(expansion_inputs(high), high.optimize, std::nullopt);
  ASSERT_TRUE(a.status == lp::Status::kOptimal && b.status == lp::Status::kOptimal);
  EXPECT_GT(b.lp_objective_usd, a.lp_objective_usd);
  EXPECT_GE(b.plan.clean_share, 0.9 - 1e-7);
}

TEST(CapacityExpansion, UnreachableCleanShareNamesItsCause) {
  // No grid, no gas, no storage, solar only: nights cannot be clean, nor served at all.
  const Scenario scenario =
      week({"optimize.clean_share=0.95", "optimize.import_max=0 MW", "optimize.gas_max=0 MW",
            "optimize.wind_max=0 MW", "optimize.battery_power_max=0 MW"});
  const ExpansionResult result =
      solve_expansion(expansion_inputs(scenario), scenario.optimize, std::nullopt);
  EXPECT_EQ(result.status, lp::Status::kInfeasible);
  EXPECT_NE(result.infeasibility.find("serve the firm load"), std::string::npos)
      << result.infeasibility;
  EXPECT_NE(result.infeasibility.find("no firm clean supply"), std::string::npos);
  EXPECT_NE(result.infeasibility.find("an import limit of 0 GW"), std::string::npos);
}

TEST(CapacityExpansion, CleanShareAloneUnreachableIsReported) {
  // With the grid available the load is served, but solar alone cannot make 95 % clean.
  const Scenario scenario = week(
      {"optimize.clean_share=0.95", "optimize.wind_max=0 MW", "optimize.battery_power_max=0 MW"});
  const ExpansionResult result =
      solve_expansion(expansion_inputs(scenario), scenario.optimize, std::nullopt);
  EXPECT_EQ(result.status, lp::Status::kInfeasible);
  EXPECT_NE(result.infeasibility.find("clean share 0.95 is unreachable"), std::string::npos)
      << result.infeasibility;
}

// The objective of the exported MPS, solved by GLPK (an independent solver), equals
// lp_objective within 1e-6 relative.
TEST(CapacityExpansion, ExportedMpsSolvedByGlpsolMatches) {
  if (std::system("command -v glpsol > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "glpsol not installed (scripts/setup installs glpk-utils)";
  }
  const Scenario scenario = week();
  const fs::path folder = fs::temp_directory_path() / "stargate_expansion_mps";
  fs::create_directories(folder);
  const fs::path mps = folder / "week.mps";
  const ExpansionResult result =
      solve_expansion(expansion_inputs(scenario), scenario.optimize, mps);
  ASSERT_EQ(result.status, lp::Status::kOptimal);
  const fs::path report = folder / "week.txt";
  const std::string command =
      fmt::format("glpsol --freemps '{}' -o '{}' > /dev/null 2>&1", mps.string(), report.string());
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(report);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::smatch match;
  ASSERT_TRUE(std::regex_search(text, match, std::regex(R"(Objective:\s+\S+\s+=\s+(\S+))")));
  const double glpk = std::stod(match[1]);
  EXPECT_NEAR(glpk, result.lp_objective_usd, 1e-6 * std::abs(result.lp_objective_usd));
}

}  // namespace
}  // namespace stargate
