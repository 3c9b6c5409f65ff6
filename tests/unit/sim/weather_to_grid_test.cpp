// Weather rows onto the grid: calendar alignment, leap days, interval conventions, energy kept.
#include "sim/weather_to_grid.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace stargate {
namespace {

// One year of hourly rows whose value is the row index, stamped in `year`.
WeatherSeries hourly_year(int year, std::size_t rows, RowTiming timing, int minute) {
  WeatherSeries weather;
  weather.interval_s = 3600;
  weather.timing = timing;
  weather.resize(rows);
  const LocalTime start = local_from_civil(CivilTime{year, 1, 1, 0, minute});
  for (std::size_t row = 0; row < rows; ++row) {
    weather.time[row] = LocalTime{start.seconds + static_cast<std::int64_t>(row) * 3600};
  }
  return weather;
}

std::vector<double> row_index_values(std::size_t rows) {
  std::vector<double> values(rows);
  std::iota(values.begin(), values.end(), 0.0);
  return values;
}

TEST(WeatherToGrid, HourlyRowsOnQuarterHoursRepeatTheHour) {
  const WeatherSeries weather = hourly_year(1990, 8760, RowTiming::kIntervalAverage, 0);
  const TimeGrid grid(local_from_civil(CivilTime{2026, 1, 1}), 900, 35040, -6 * 3600);
  std::vector<double> out(grid.size());
  WeatherToGrid(weather, grid).apply(row_index_values(8760), out);
  EXPECT_EQ(out[0], 0.0);
  EXPECT_EQ(out[3], 0.0);
  EXPECT_EQ(out[4], 1.0);
  // 2 February 10:30 -> row (31 + 1) * 24 + 10 = 778.
  EXPECT_EQ(out[(32 * 24 + 10) * 4 + 2], 778.0);
  // Energy kept: the mean over the year equals the mean of the rows.
  EXPECT_NEAR(std::accumulate(out.begin(), out.end(), 0.0) / 4.0, 8759.0 * 8760.0 / 2.0, 1e-6);
}

TEST(WeatherToGrid, InstantaneousHalfPastRowsCoverTheirHour) {
  // NSRDB hourly rows stamped hh:30 stand for [hh:00, hh+1:00).
  const WeatherSeries weather = hourly_year(2012, 8760, RowTiming::kInstantaneous, 30);
  const TimeGrid grid(local_from_civil(CivilTime{2026, 1, 1}), 3600, 8760, -6 * 3600);
  std::vector<double> out(grid.size());
  WeatherToGrid(weather, grid).apply(row_index_values(8760), out);
  for (std::size_t step = 0; step < 8760; step += 997) {
    EXPECT_EQ(out[step], static_cast<double>(step)) << step;
  }
}

TEST(WeatherToGrid, LeapRunOnCommonYearWeatherRepeatsTheTwentyEighth) {
  const WeatherSeries weather = hourly_year(2001, 8760, RowTiming::kIntervalAverage, 0);
  const TimeGrid grid(local_from_civil(CivilTime{2028, 1, 1}), 3600, 8784, 0);
  std::vector<double> out(grid.size());
  WeatherToGrid(weather, grid).apply(row_index_values(8760), out);
  const std::size_t feb28 = (31 + 27) * 24;
  const std::size_t feb29 = (31 + 28) * 24;
  EXPECT_EQ(out[feb29 + 5], out[feb28 + 5]);
  EXPECT_EQ(out[feb29 + 24 + 5], static_cast<double>(feb29 + 5));  // 1 March reads 1 March
  EXPECT_EQ(out.back(), 8759.0);
}

TEST(WeatherToGrid, SubHourlyRowsOnAnHourlyGridAverage) {
  WeatherSeries weather;
  weather.interval_s = 900;
  weather.resize(35040);
  const LocalTime start = local_from_civil(CivilTime{2019, 1, 1});
  for (std::size_t row = 0; row < weather.size(); ++row) {
    weather.time[row] = LocalTime{start.seconds + static_cast<std::int64_t>(row) * 900};
  }
  const TimeGrid grid(local_from_civil(CivilTime{2026, 1, 1}), 3600, 8760, 0);
  std::vector<double> out(grid.size());
  WeatherToGrid(weather, grid).apply(row_index_values(35040), out);
  // Hour 0 averages rows 0..3 = 1.5.
  EXPECT_DOUBLE_EQ(out[0], 1.5);
  EXPECT_DOUBLE_EQ(out[100], 401.5);
}

TEST(WeatherToGrid, RejectsPartialYears) {
  const WeatherSeries weather = hourly_year(2001, 100, RowTiming::kIntervalAverage, 0);
  const TimeGrid grid(local_from_civil(CivilTime{2026, 1, 1}), 3600, 24, 0);
  EXPECT_THROW(WeatherToGrid(weather, grid), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
