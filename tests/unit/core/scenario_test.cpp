// Tests of src/core/scenario.cpp: run_grid builds the run's time grid from the [scenario] and
// [site] sections.
#include "stargate/core/scenario.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "stargate/core/time_grid.hpp"

namespace stargate {
namespace {

Scenario year_2026() {
  Scenario scenario;
  scenario.run.start = local_from_civil(CivilTime{2026, 1, 1, 0, 0, 0});
  scenario.run.duration = RunLength{1, 0.0};
  scenario.run.step_s = 900.0;
  scenario.site.utc_offset_s = -6.0 * 3600.0;
  return scenario;
}

TEST(RunGrid, CalendarYearInQuarterHours) {
  const TimeGrid grid = run_grid(year_2026());
  // 2026 has 365 days of 96 quarter hours: 35 040 steps.
  EXPECT_EQ(grid.size(), 35040u);
  EXPECT_EQ(grid.step_s(), 900);
  EXPECT_EQ(grid.utc_offset_s(), -21600);
  EXPECT_EQ(grid.iso8601(1), "2026-01-01T00:15:00-06:00");
  EXPECT_EQ(format_date(grid.end()), "2027-01-01");
}

TEST(RunGrid, FixedDuration) {
  Scenario scenario = year_2026();
  scenario.run.duration = RunLength{0, 2.0 * 86400.0};
  scenario.run.step_s = 3600.0;
  // Two days of hours.
  EXPECT_EQ(run_grid(scenario).size(), 48u);
}

TEST(RunGrid, RoundsStepAndOffsetToWholeSeconds) {
  Scenario scenario = year_2026();
  scenario.run.step_s = 900.0 + 1e-9;                // e.g. 0.25 h after conversion
  scenario.site.utc_offset_s = 5.5 * 3600.0 - 1e-9;  // +5:30
  const TimeGrid grid = run_grid(scenario);
  EXPECT_EQ(grid.step_s(), 900);
  EXPECT_EQ(grid.utc_offset_s(), 19800);
}

TEST(RunGrid, RejectsWhatIsNoGrid) {
  Scenario scenario = year_2026();
  scenario.run.step_s = 420.0;  // 7 min does not divide an hour
  EXPECT_THROW(static_cast<void>(run_grid(scenario)), std::invalid_argument);
  scenario = year_2026();
  scenario.run.duration = RunLength{0, 1000.0};  // not a whole number of 15 min steps
  EXPECT_THROW(static_cast<void>(run_grid(scenario)), std::invalid_argument);
  scenario = year_2026();
  scenario.site.utc_offset_s = 15.0 * 3600.0;  // beyond +14 h
  EXPECT_THROW(static_cast<void>(run_grid(scenario)), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
