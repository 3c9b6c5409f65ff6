// Writers: summary.json structure and units in keys; timeseries.csv layout.
#include "stargate/report/writers.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

Scenario tiny_scenario() {
  Scenario scenario;
  scenario.source_file = "tiny.toml";
  scenario.run.name = "tiny";
  scenario.run.seed = 3;
  scenario.site.name = "Nowhere";
  return scenario;
}

Results tiny_results() {
  // 2026-01-01 00:00 at UTC-6, three 15-minute steps.
  const TimeGrid grid(local_from_civil(CivilTime{2026, 1, 1}), 900, 3, -6 * 3600);
  Results results(grid);
  results.add_series("facility_load_kw", "Facility power", {1.5, 2.0, 0.1});
  results.add_kpi("energy", "facility_energy_mwh", 0.0009, "MWh", "Facility energy");
  results.add_kpi("cost", "energy_cost_usd", 12.5, "USD", "Energy cost");
  results.add_warning("something to know");
  return results;
}

TEST(SummaryJson, DocumentedStructure) {
  std::ostringstream out;
  write_summary_json(tiny_scenario(), tiny_results(), out);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json["format"], "stargate-summary");
  EXPECT_EQ(json["format_version"], 1);
  EXPECT_EQ(json["scenario"]["name"], "tiny");
  EXPECT_EQ(json["scenario"]["start"], "2026-01-01T00:00:00-06:00");
  EXPECT_EQ(json["scenario"]["end"], "2026-01-01T00:45:00-06:00");
  EXPECT_EQ(json["scenario"]["steps"], 3);
  EXPECT_EQ(json["scenario"]["step_s"], 900);
  EXPECT_EQ(json["scenario"]["seed"], 3);
  EXPECT_DOUBLE_EQ(json["kpis"]["energy"]["facility_energy_mwh"].get<double>(), 0.0009);
  EXPECT_DOUBLE_EQ(json["kpis"]["cost"]["energy_cost_usd"].get<double>(), 12.5);
  EXPECT_EQ(json["warnings"][0], "something to know");
}

TEST(TimeseriesCsv, OneRowPerStepWithIsoTimes) {
  std::ostringstream out;
  write_timeseries_csv(tiny_results(), out);
  EXPECT_EQ(out.str(),
            "time,facility_load_kw\n"
            "2026-01-01T00:00:00-06:00,1.5\n"
            "2026-01-01T00:15:00-06:00,2\n"
            "2026-01-01T00:30:00-06:00,0.1\n");
}

TEST(ConsoleSummary, ShowsGroupsValuesAndWarnings) {
  std::ostringstream out;
  write_console_summary(tiny_scenario(), tiny_results(), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("tiny"), std::string::npos);
  EXPECT_NE(text.find("Energy\n"), std::string::npos);
  EXPECT_NE(text.find("Energy cost"), std::string::npos);
  EXPECT_NE(text.find("12.5 USD"), std::string::npos);
  EXPECT_NE(text.find("warning: something to know"), std::string::npos);
}

TEST(RunOutputs, WritesBothFilesAndFailsClearly) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "run_outputs";
  std::filesystem::remove_all(dir);
  write_run_outputs(tiny_scenario(), tiny_results(), dir / "nested");
  EXPECT_TRUE(std::filesystem::exists(dir / "nested" / "summary.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "nested" / "timeseries.csv"));
  EXPECT_THROW(write_run_outputs(tiny_scenario(), tiny_results(), "/proc/no/such/dir"),
               std::runtime_error);
}

}  // namespace
}  // namespace stargate
