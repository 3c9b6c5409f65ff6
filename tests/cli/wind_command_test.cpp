// `stargate wind`: the wind farm model alone on an SRW file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace stargate::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kResource = "tests/fixtures/wind/three_heights.srw";

class WindCommandTest : public SubcommandTest {
 protected:
  WindCommandTest() : SubcommandTest("wind") {}
  CommandResult wind(std::vector<std::string> args) const { return subcommand(std::move(args)); }
};

TEST_F(WindCommandTest, WritesOneRowPerResourceRow) {
  const fs::path csv = dir_ / "wind.csv";
  const CommandResult result = wind({"--resource", kResource, "--hub-height", "90m", "--turbine",
                                     "nrel-5mw-126", "--turbines", "3", "--out", csv.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = split_lines(read_file(csv));
  ASSERT_EQ(lines.size(), 5U);  // header + 4 hourly rows
  EXPECT_EQ(lines[0], "time,wind_speed_m_s,power_kw");
  EXPECT_NE(result.out.find("Capacity factor"), std::string::npos) << result.out;
}

TEST_F(WindCommandTest, PowerCurveFileInsteadOfACatalogueTurbine) {
  const CommandResult result = wind({"--resource", kResource, "--hub-height", "80 m",
                                     "--power-curve", "tests/fixtures/wind/ramp_curve.csv"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(WindCommandTest, BadFlagsAndFilesExitTwo) {
  const CommandResult no_unit =
      wind({"--resource", kResource, "--hub-height", "90", "--turbine", "nrel-5mw-126"});
  EXPECT_EQ(no_unit.exit_code, 2);
  EXPECT_NE(no_unit.err.find("--hub-height 90: error: expected a length"), std::string::npos)
      << no_unit.err;
  const CommandResult unknown =
      wind({"--resource", kResource, "--hub-height", "90 m", "--turbine", "nrel-5mw"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown turbine 'nrel-5mw'"), std::string::npos) << unknown.err;
  const CommandResult curve =
      wind({"--resource", kResource, "--hub-height", "90 m", "--power-curve",
            "tests/fixtures/wind/bad_decreasing_curve.csv"});
  EXPECT_EQ(curve.exit_code, 2);
  EXPECT_NE(curve.err.find("bad_decreasing_curve.csv:4:1: error: wind_speed_m_s"),
            std::string::npos)
      << curve.err;
}

}  // namespace
}  // namespace stargate::cli_test
