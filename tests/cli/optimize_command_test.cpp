// `stargate optimize`: least-cost supply with the LP, then the design simulated.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace stargate::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kWeek = "tests/fixtures/optimize/week.toml";

class OptimizeCommandTest : public SubcommandTest {
 protected:
  OptimizeCommandTest() : SubcommandTest("optimize") {}
  CommandResult optimize(std::vector<std::string> args) const {
    return subcommand(std::move(args));
  }
};

TEST_F(OptimizeCommandTest, WritesSizesObjectiveAndComparisonAndMps) {
  const fs::path out = dir_ / "out";
  const fs::path mps = dir_ / "week.mps";
  const CommandResult result = optimize({kWeek, "--out", out.string(), "--clean-share", "0.8",
                                         "--write-mps", mps.string(), "--pareto", "0.6:0.8:0.1"});
  ASSERT_EQ(result.exit_code, 0) << result.err << result.out;
  const std::string summary = read_file(out / "summary.json");
  for (const char* key :
       {"\"optimization\"", "\"status\": \"optimal\"", "\"lp_objective\"", "\"solve_seconds\"",
        "\"sizes\"", "\"lp_vs_simulated\"", "\"clean_share\": 0.8", "\"kpis\""}) {
    EXPECT_NE(summary.find(key), std::string::npos) << key;
  }
  EXPECT_TRUE(fs::exists(out / "timeseries.csv"));
  EXPECT_EQ(read_file(mps).rfind("NAME stargate-expansion\nROWS\n", 0), 0U);
  const std::vector<std::string> pareto = split_lines(read_file(out / "pareto.csv"));
  ASSERT_EQ(pareto.size(), 4U);  // header + 0.6, 0.7, 0.8
  EXPECT_EQ(pareto[1].rfind("0.6,optimal,", 0), 0U) << pareto[1];
}

TEST_F(OptimizeCommandTest, InfeasibleRequirementExitsOneWithItsCause) {
  const fs::path out = dir_ / "infeasible";
  const CommandResult result =
      optimize({kWeek, "--out", out.string(), "--clean-share", "0.95", "--set",
                "optimize.wind_max=0 MW", "--set", "optimize.battery_power_max=0 MW"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("clean share 0.95 is unreachable"), std::string::npos) << result.out;
  EXPECT_NE(read_file(out / "summary.json").find("\"status\": \"infeasible\""), std::string::npos);
}

TEST_F(OptimizeCommandTest, BadFlagsExitTwo) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{kWeek, "--pareto", "0.9:0.5:0.1"},
        std::vector<std::string>{kWeek, "--pareto", "a:b"},
        std::vector<std::string>{kWeek, "--clean-share", "1.5"},
        std::vector<std::string>{kWeek, "--set", "optimize.flexible_window=month"}}) {
    const CommandResult result = optimize(args);
    EXPECT_EQ(result.exit_code, 2) << result.command << "\n" << result.err;
    EXPECT_FALSE(result.err.empty());
  }
}

}  // namespace
}  // namespace stargate::cli_test
