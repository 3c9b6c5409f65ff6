// Every scenario in examples/ validates and runs, its KPIs and findings match the pinned ones in
// tests/golden/<stem>.json (golden.hpp), and its time series keeps the invariants: the energy
// balance at every step, no negative flows, a battery never charging and discharging in the same
// step. Examples that read ../shared/data skip when it is absent. A programme file (with a
// [programme] table) runs through `stargate programme` instead; its campus files live in
// examples/programme/ and run as part of it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "golden.hpp"
#include "run_command.hpp"

namespace stargate::cli_test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_dir() / "examples")) {
    if (entry.path().extension() == ".toml") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, ',')) {
    cells.push_back(cell);
  }
  return cells;
}

// Compares the summary.json in `out_dir` with tests/golden/<stem>.json, or rewrites that file
// when STARGATE_UPDATE_GOLDEN is set.
void check_golden(const std::string& example, const fs::path& out_dir) {
  const fs::path golden_file =
      source_dir() / "tests" / "golden" / (fs::path(example).stem().string() + ".json");
  const Json actual = pinned_part(Json::parse(read_file(out_dir / "summary.json")));
  if (std::getenv("STARGATE_UPDATE_GOLDEN") != nullptr) {  // NOLINT(concurrency-mt-unsafe)
    Json golden = fs::exists(golden_file)
                      ? Json::parse(read_file(golden_file))
                      : Json{{"example", example},
                             {"relative_tolerance", 1e-9},
                             {"unpinned", Json::array({"dispatch_lp_solve_seconds"})}};
    golden["expected"] = actual;
    drop_unpinned(golden["expected"], golden["unpinned"].get<std::vector<std::string>>());
    std::ofstream(golden_file, std::ios::binary) << golden.dump(2) << '\n';
    return;
  }
  ASSERT_TRUE(fs::exists(golden_file))
      << golden_file << " is missing: run STARGATE_UPDATE_GOLDEN=1 ctest -R Example to pin it";
  const Json golden = Json::parse(read_file(golden_file));
  const auto unpinned = golden["unpinned"].get<std::vector<std::string>>();
  Json now = actual;
  drop_unpinned(now, unpinned);
  std::vector<std::string> differences;
  compare_golden(golden["expected"], now, "summary", golden["relative_tolerance"].get<double>(),
                 differences);
  std::string listed;
  for (const std::string& difference : differences) {
    listed += "\n  " + difference;
  }
  EXPECT_TRUE(differences.empty())
      << example << " moved from its pinned results (" << golden_file.filename().string()
      << "); if the change is intended, update the file (STARGATE_UPDATE_GOLDEN=1) and say why "
         "in the commit:"
      << listed;
}

class Example : public ::testing::TestWithParam<std::string> {};

TEST_P(Example, RunsAndKeepsTheInvariants) {
  const fs::path file = fs::path("examples") / GetParam();
  if (read_file(source_dir() / file).find("shared/data") != std::string::npos &&
      !fs::exists(STARGATE_SHARED_DATA_DIR)) {
    GTEST_SKIP() << GetParam() << " reads ../shared/data, which is absent";
  }
  const fs::path dir = fs::path(::testing::TempDir()) / ("stargate_example_" + GetParam());
  fs::remove_all(dir);
  fs::create_directories(dir / "capture");
  if (read_file(source_dir() / file).find("\n[programme]") != std::string::npos) {
    // A programme file (docs/programme.md): validate it, run it, check its outputs exist.
    const CommandResult check =
        run_stargate({"validate", file.string()}, source_dir(), dir / "capture");
    ASSERT_EQ(check.exit_code, 0) << check.err;
    const CommandResult programme =
        run_stargate({"programme", file.string(), "--out", (dir / "out").string()}, source_dir(),
                     dir / "capture");
    ASSERT_EQ(programme.exit_code, 0) << programme.err;
    EXPECT_TRUE(fs::exists(dir / "out" / "summary.json"));
    EXPECT_GT(split_lines(read_file(dir / "out" / "cashflow.csv")).size(), 1U);
    EXPECT_TRUE(fs::exists(dir / "out" / "sites"));
    check_golden(GetParam(), dir / "out");
    fs::remove_all(dir);
    return;
  }
  const CommandResult validate =
      run_stargate({"validate", file.string()}, source_dir(), dir / "capture");
  ASSERT_EQ(validate.exit_code, 0) << validate.err;
  const CommandResult run = run_stargate({"run", file.string(), "--out", (dir / "out").string()},
                                         source_dir(), dir / "capture");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  check_golden(GetParam(), dir / "out");

  const std::vector<std::string> lines = split_lines(read_file(dir / "out" / "timeseries.csv"));
  ASSERT_GT(lines.size(), 1U);
  std::map<std::string, std::size_t> index;
  const std::vector<std::string> header = split_csv(lines[0]);
  for (std::size_t i = 0; i < header.size(); ++i) {
    index[header[i]] = i;
  }
  for (const char* column :
       {"facility_load_kw", "solar_kw", "wind_kw", "curtailed_kw", "overgeneration_kw",
        "battery_charge_kw", "battery_discharge_kw", "battery_soc_kwh", "gas_kw", "grid_import_kw",
        "grid_export_kw", "unserved_kw", "price_usd_per_mwh", "carbon_kg_per_mwh"}) {
    ASSERT_TRUE(index.contains(column)) << column;
  }
  for (std::size_t row = 1; row < lines.size(); ++row) {
    const std::vector<std::string> cells = split_csv(lines[row]);
    const auto at = [&](const char* name) { return std::stod(cells[index.at(name)]); };
    const double supply = at("solar_kw") + at("wind_kw") - at("curtailed_kw") +
                          at("battery_discharge_kw") + at("gas_kw") + at("grid_import_kw") +
                          at("unserved_kw");
    const double use = at("facility_load_kw") + at("battery_charge_kw") + at("grid_export_kw") +
                       at("overgeneration_kw");
    ASSERT_NEAR(supply, use, 1e-6 * std::max(1.0, use)) << "row " << row;
    for (const char* flow : {"solar_kw", "wind_kw", "curtailed_kw", "overgeneration_kw",
                             "battery_charge_kw", "battery_discharge_kw", "battery_soc_kwh",
                             "gas_kw", "grid_import_kw", "grid_export_kw", "unserved_kw"}) {
      ASSERT_GE(at(flow), -1e-9) << flow << " row " << row;
    }
    ASSERT_FALSE(at("battery_charge_kw") > 0.0 && at("battery_discharge_kw") > 0.0)
        << "row " << row;
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Examples, Example, ::testing::ValuesIn(example_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = fs::path(param_info.param).stem().string();
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace stargate::cli_test
