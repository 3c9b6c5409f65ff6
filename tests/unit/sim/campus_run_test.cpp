// Tests of src/sim/campus_run.cpp and the run's column table: the derived quantities by hand, the
// simulation reading no file, and docs/outputs.md listing exactly the columns of kRunColumns.
#include "stargate/sim/campus_run.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/sim/campus_simulation.hpp"

namespace stargate {
namespace {

// One building of 100 MW, half its 1,000 GPUs busy by constant utilisation, PUE 1.2, one day
// hourly at a flat 40 $/MWh and 400 kg/MWh from a 200 MW grid, no on-site supply.
const std::string kDay = R"([scenario]
name = "day"
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

[compute]
model = "constant-utilisation"
it_utilisation = "50 %"

[facility]
cooling = "constant-pue"
pue = 1.2

[grid]
import_limit = "200 MW"
price = "40 $/MWh"
carbon_intensity = "400 kg/MWh"
)";

TEST(CampusRun, DerivedQuantitiesByHand) {
  const Scenario scenario = load_scenario_text(kDay, "day.toml");
  const CampusRun run = simulate(scenario, load_run_inputs(scenario));
  const RunEnergy energy = run_energy(run);
  // IT 50 MW x 24 h = 1,200 MWh; facility x 1.2 = 1,440 MWh, all imported at 40 $/MWh =
  // 57,600 $ and 400 kg/MWh = 576 t.
  EXPECT_NEAR(energy.it_kwh, 1.2e6, 1e-6);
  EXPECT_NEAR(energy.facility_kwh, 1.44e6, 1e-6);
  EXPECT_NEAR(energy.grid_import_kwh, 1.44e6, 1e-6);
  EXPECT_NEAR(energy.served_kwh(), 1.44e6, 1e-6);
  EXPECT_NEAR(energy.on_site_kwh(), 0.0, 1e-9);
  EXPECT_NEAR(energy.energy_cost_usd, 57'600.0, 1e-6);
  EXPECT_NEAR(energy.net_energy_cost_usd, 57'600.0, 1e-6);
  EXPECT_NEAR(total_co2_t(energy, run.totals), 576.0, 1e-9);
  // Carbon methods (docs/carbon.md) with every MWh from the grid: no on-site clean energy and no
  // matching, but the 24/7 CFE score counts the grid's clean share (40 % by default) of imports.
  EXPECT_EQ(annual_matching_share(energy), 0.0);
  EXPECT_EQ(on_site_clean_share(energy, run.totals), 0.0);
  EXPECT_NEAR(cfe_score(energy, run.totals), 0.40, 1e-12);
  // Constant utilisation: GPUs delivering = online x 50 % = 500, x 24 h = 12,000 GPU-hours.
  EXPECT_NEAR(gpus_delivering(scenario.compute, run.series, 5), 500.0, 1e-9);
  EXPECT_NEAR(gpu_hours_delivered(scenario.compute, run), 12'000.0, 1e-6);
  EXPECT_NEAR(energy_kwh(run.series.facility_load_kw, run.grid.step_h()), energy.facility_kwh,
              1e-9);
}

TEST(CampusRun, SeriesHaveOneValuePerStep) {
  const RunSeries series(17);
  for (const RunColumn& column : kRunColumns) {
    EXPECT_EQ((series.*column.values).size(), 17U) << column.name;
  }
}

TEST(CampusRun, ColumnNamesAreUniqueAndCarryTheirUnit) {
  std::set<std::string_view> names;
  for (const RunColumn& column : kRunColumns) {
    EXPECT_TRUE(names.insert(column.name).second) << column.name;
    EXPECT_FALSE(column.description.empty()) << column.name;
    const bool counts = column.unit == "GPUs";
    EXPECT_TRUE(counts || column.name.find('_') != std::string_view::npos) << column.name;
  }
}

TEST(CampusRun, DocsOutputsListEveryColumnAsDeclared) {
  std::ifstream file(STARGATE_SOURCE_DIR "/docs/outputs.md");
  std::stringstream text;
  text << file.rdbuf();
  const std::regex row(R"(^\| `(\w+)` \| ([^|]+) \| (.+) \|$)");
  std::vector<std::string> documented;
  std::string line;
  while (std::getline(text, line)) {
    std::smatch match;
    if (std::regex_match(line, match, row)) {
      documented.push_back(match[1].str() + " | " + match[2].str() + " | " + match[3].str());
    }
  }
  std::vector<std::string> declared;
  for (const RunColumn& column : kRunColumns) {
    declared.push_back(std::string(column.name) + " | " + std::string(column.unit) + " | " +
                       std::string(column.description));
  }
  EXPECT_EQ(documented, declared) << "docs/outputs.md's timeseries table must be kRunColumns";
}

}  // namespace
}  // namespace stargate
