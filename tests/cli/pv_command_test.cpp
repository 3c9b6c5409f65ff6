// `stargate pv`: the PV model alone on a weather file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace stargate::cli_test {
namespace {

namespace fs = std::filesystem;

const std::string kWeather = "tests/fixtures/weather/nsrdb_v3_minute30.csv";

class PvCommandTest : public SubcommandTest {
 protected:
  PvCommandTest() : SubcommandTest("pv") {}
  CommandResult pv(std::vector<std::string> args) const { return subcommand(std::move(args)); }
};

TEST_F(PvCommandTest, WritesOneRowPerWeatherRowAndASummary) {
  const fs::path csv = dir_ / "pv.csv";
  const CommandResult result =
      pv({"--weather", kWeather, "--array", "1axis-backtrack", "--dc-capacity", "100 MW",
          "--dc-ac-ratio", "1.3", "--gcr", "0.35", "--losses", "14.08%", "--out", csv.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::vector<std::string> lines = split_lines(read_file(csv));
  ASSERT_EQ(lines.size(), 25U);  // header + 24 hourly rows
  EXPECT_EQ(lines[0].rfind("time,ghi_w_m2,", 0), 0U) << lines[0];
  for (const char* column : {"poa_w_m2", "tcell_c", "dc_kw", "ac_kw"}) {
    EXPECT_NE(lines[0].find(column), std::string::npos) << column;
  }
  EXPECT_NE(result.out.find("Annual AC energy"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Loss breakdown"), std::string::npos);
  EXPECT_NE(result.out.find("clipping at AC rating"), std::string::npos);
}

TEST_F(PvCommandTest, PvwattsDefaultsWhenFlagsAreOmitted) {
  const CommandResult result = pv({"--weather", kWeather});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // 4 kW DC at DC/AC 1.2 -> 3.333 kW AC.
  EXPECT_NE(result.out.find("4 kW DC, 3.33333 kW AC"), std::string::npos) << result.out;
}

TEST_F(PvCommandTest, BadFlagsExitTwoNamingTheFlag) {
  const CommandResult tilt = pv({"--weather", kWeather, "--tilt", "95"});
  EXPECT_EQ(tilt.exit_code, 2);
  EXPECT_NE(
      tilt.err.find("--tilt 95: error: expected a number in deg from 0 deg to 90 deg, got 95"),
      std::string::npos)
      << tilt.err;
  const CommandResult capacity = pv({"--weather", kWeather, "--dc-capacity", "100 MWh"});
  EXPECT_EQ(capacity.exit_code, 2);
  EXPECT_NE(capacity.err.find("which is an energy"), std::string::npos) << capacity.err;
  const CommandResult array = pv({"--weather", kWeather, "--array", "1-axis"});
  EXPECT_EQ(array.exit_code, 2);
  EXPECT_NE(array.err.find("did you mean '1axis'?"), std::string::npos) << array.err;
  const CommandResult missing = pv({"--weather", "no/such/file.csv"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot open the file"), std::string::npos) << missing.err;
  const CommandResult no_weather = pv({});
  EXPECT_EQ(no_weather.exit_code, 2);
}

}  // namespace
}  // namespace stargate::cli_test
