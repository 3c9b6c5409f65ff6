// Mapping weather rows onto the simulation grid, conserving energy.
//
// A weather source covers one year (a typical year, or an actual year reused as typical): every
// step of a run, in any year, reads the rows at the same calendar position (month, day, time of
// day). 29 February of a leap-year run reads 28 February when the weather has 365 days.
// Rows stand for intervals: interval averages cover [stamp, stamp + interval); instantaneous rows
// cover [stamp - interval/2, stamp + interval/2). A step's value is the overlap-weighted mean of
// the rows it overlaps, so hourly rows on a 15-minute grid repeat the hour's value and 1-minute
// rows on an hourly grid average: in both cases sum(value x time) is kept.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "stargate/core/market_series.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/weather_series.hpp"
#include "stargate/core/wind_resource.hpp"

namespace stargate {

/// The timing of a year of rows: weather, a wind resource or market values.
struct YearRows {
  std::size_t rows = 0;
  std::int64_t interval_s = 0;
  RowTiming timing = RowTiming::kIntervalAverage;
  LocalTime first;  ///< stamp of the first row
};

[[nodiscard]] YearRows year_rows(const WeatherSeries& weather);
[[nodiscard]] YearRows year_rows(const WindResource& resource);
/// Market values are interval averages.
[[nodiscard]] YearRows year_rows(const MarketSeries& series);

class WeatherToGrid {
 public:
  /// Throws std::invalid_argument unless the rows cover exactly 365 or 366 days evenly spaced
  /// (the input stage has checked every source).
  WeatherToGrid(const YearRows& year, const TimeGrid& grid);
  WeatherToGrid(const WeatherSeries& weather, const TimeGrid& grid)
      : WeatherToGrid(year_rows(weather), grid) {}

  /// out[i] = mean of `row_values` over step i (row_values has one value per weather row, out one
  /// per grid step).
  void apply(std::span<const double> row_values, std::span<double> out) const;

 private:
  std::int64_t interval_s_;
  std::int64_t step_s_;
  std::int64_t frame_s_;                  ///< length of the weather year
  std::vector<std::int64_t> position_s_;  ///< start of each step within the weather frame
};

}  // namespace stargate
