// Tests of src/core/results.cpp: time series columns on the run's grid, KPIs and warnings.
#include "stargate/core/results.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {
namespace {

// One day of quarter hours from 2026-01-01T00:00 at UTC-6: 24 * 4 = 96 steps.
TimeGrid day_grid() {
  const LocalTime start = local_from_civil(CivilTime{2026, 1, 1, 0, 0, 0});
  return TimeGrid(start, 900, 96, -6 * 3600);
}

TEST(Results, KeepsTheGrid) {
  const Results results(day_grid());
  EXPECT_EQ(results.grid().size(), 96u);
  EXPECT_EQ(results.grid().step_s(), 900);
  EXPECT_EQ(results.grid().utc_offset_s(), -6 * 3600);
  EXPECT_TRUE(results.series().empty());
  EXPECT_TRUE(results.kpis().empty());
  EXPECT_TRUE(results.warnings().empty());
}

std::vector<double> ramp(std::size_t steps) {
  std::vector<double> values(steps);
  for (std::size_t i = 0; i < steps; ++i) {
    values[i] = static_cast<double>(i);
  }
  return values;
}

TEST(Results, AddSeriesKeepsTheValuesMovedIn) {
  Results results(day_grid());
  std::vector<double> load = ramp(96);
  const double* storage = load.data();
  results.add_series("facility_load_kw", "Facility load", std::move(load));
  ASSERT_EQ(results.series().size(), 1u);
  EXPECT_EQ(results.series()[0].name, "facility_load_kw");
  EXPECT_EQ(results.series()[0].description, "Facility load");
  ASSERT_EQ(results.series()[0].values.size(), 96u);
  EXPECT_EQ(results.series()[0].values[95], 95.0);
  // Moved, not copied: a 1-minute year of 23 columns stays one copy.
  EXPECT_EQ(results.column("facility_load_kw").data(), storage);
}

TEST(Results, ColumnsByName) {
  Results results(day_grid());
  results.add_series("it_load_kw", "IT load", std::vector<double>(96, 0.0));
  results.add_series("grid_import_kw", "Grid import", ramp(96));
  results.add_series("price_usd_per_mwh", "Energy price", std::vector<double>(96, 30.0));
  ASSERT_EQ(results.series().size(), 3u);
  // Columns keep the order they were added in.
  EXPECT_EQ(results.series()[0].name, "it_load_kw");
  EXPECT_EQ(results.series()[1].name, "grid_import_kw");
  EXPECT_EQ(results.series()[2].name, "price_usd_per_mwh");
  const std::span<const double> read = results.column("grid_import_kw");
  ASSERT_EQ(read.size(), 96u);
  EXPECT_EQ(read[0], 0.0);
  EXPECT_EQ(read[42], 42.0);
  EXPECT_EQ(read[95], 95.0);
  EXPECT_EQ(results.column("price_usd_per_mwh")[17], 30.0);
}

TEST(Results, UnknownColumnIsOutOfRange) {
  Results results(day_grid());
  results.add_series("it_load_kw", "IT load", std::vector<double>(96, 0.0));
  EXPECT_THROW(static_cast<void>(results.column("it_load")), std::out_of_range);
  EXPECT_THROW(static_cast<void>(results.column("IT_LOAD_KW")), std::out_of_range);  // exact
  try {
    static_cast<void>(results.column("grid_import_kw"));
    FAIL() << "an unknown column was found";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "no time series named grid_import_kw");
  }
}

TEST(Results, KpiLookup) {
  Results results(day_grid());
  results.add_kpi("energy", "facility_energy_mwh", 1234.5, "MWh", "Facility energy");
  results.add_kpi("cost", "energy_cost_usd", 61725.0, "USD", "Energy cost");
  results.add_kpi("compute", "mean_pue", 1.25, "", "Mean PUE");
  EXPECT_EQ(results.kpi("facility_energy_mwh"), 1234.5);
  EXPECT_EQ(results.kpi("energy_cost_usd"), 61725.0);
  EXPECT_EQ(results.kpi("mean_pue"), 1.25);

  ASSERT_EQ(results.kpis().size(), 3u);
  const Kpi& first = results.kpis()[0];
  EXPECT_EQ(first.group, "energy");
  EXPECT_EQ(first.key, "facility_energy_mwh");
  EXPECT_EQ(first.value, 1234.5);
  EXPECT_EQ(first.unit, "MWh");
  EXPECT_EQ(first.description, "Facility energy");
  EXPECT_EQ(results.kpis()[2].unit, "");  // a pure number

  EXPECT_THROW(static_cast<void>(results.kpi("grid_import_mwh")), std::out_of_range);
  try {
    static_cast<void>(results.kpi("grid_import_mwh"));
    FAIL() << "an unknown KPI was found";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "no KPI named grid_import_mwh");
  }
}

TEST(Results, Warnings) {
  Results results(day_grid());
  results.add_warning("grid import limit exceeded in 4 steps");
  results.add_warning("building b2 comes online after the end of the run");
  ASSERT_EQ(results.warnings().size(), 2u);
  EXPECT_EQ(results.warnings()[0], "grid import limit exceeded in 4 steps");
  EXPECT_EQ(results.warnings()[1], "building b2 comes online after the end of the run");
}

TEST(Results, MovesWithItsData) {
  Results results(day_grid());
  results.add_series("it_load_kw", "IT load", ramp(96));
  results.add_kpi("energy", "it_energy_mwh", 1.0, "MWh", "IT energy");
  results.add_warning("a warning");
  const Results moved = std::move(results);
  EXPECT_EQ(moved.column("it_load_kw")[3], 3.0);
  EXPECT_EQ(moved.kpi("it_energy_mwh"), 1.0);
  ASSERT_EQ(moved.warnings().size(), 1u);
  EXPECT_EQ(moved.grid().size(), 96u);
}

}  // namespace
}  // namespace stargate
