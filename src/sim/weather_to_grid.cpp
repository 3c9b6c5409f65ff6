#include "sim/weather_to_grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr int kLeapReferenceYear = 2000;
constexpr int kCommonReferenceYear = 2001;

// Seconds since 1 January 00:00 of the reference year at the same month, day and time of day.
std::int64_t position_in_year(const CivilTime& civil, int reference_year) {
  CivilTime moved = civil;
  moved.year = reference_year;
  if (moved.month == 2 && moved.day == 29 && !is_leap_year(reference_year)) {
    moved.day = 28;
  }
  return local_from_civil(moved).seconds -
         local_from_civil(CivilTime{reference_year, 1, 1}).seconds;
}

std::int64_t wrap(std::int64_t value, std::int64_t frame) {
  const std::int64_t wrapped = value % frame;
  return wrapped < 0 ? wrapped + frame : wrapped;
}

}  // namespace

YearRows year_rows(const WeatherSeries& weather) {
  return YearRows{weather.size(), weather.interval_s, weather.timing,
                  weather.time.empty() ? LocalTime{} : weather.time.front()};
}

YearRows year_rows(const WindResource& resource) {
  return YearRows{resource.size(), resource.interval_s, resource.timing,
                  resource.time.empty() ? LocalTime{} : resource.time.front()};
}

YearRows year_rows(const MarketSeries& series) {
  return YearRows{series.size(), series.interval_s, RowTiming::kIntervalAverage,
                  series.time.empty() ? LocalTime{} : series.time.front()};
}

WeatherToGrid::WeatherToGrid(const YearRows& year, const TimeGrid& grid)
    : interval_s_(year.interval_s),
      step_s_(grid.step_s()),
      frame_s_(static_cast<std::int64_t>(year.rows) * year.interval_s),
      position_s_(grid.size()) {
  if (year.rows == 0 || interval_s_ <= 0 ||
      (frame_s_ != 365 * kSecondsPerDayInt && frame_s_ != 366 * kSecondsPerDayInt)) {
    throw std::invalid_argument(fmt::format(
        "weather must cover one year (365 or 366 days) in evenly spaced rows; {} rows of {} s "
        "cover {:.2f} days",
        year.rows, interval_s_, static_cast<double>(frame_s_) / kSecondsPerDayInt));
  }
  const int reference_year =
      frame_s_ == 366 * kSecondsPerDayInt ? kLeapReferenceYear : kCommonReferenceYear;
  const std::int64_t row_shift_s = year.timing == RowTiming::kInstantaneous ? interval_s_ / 2 : 0;
  const LocalTime first_row_start{year.first.seconds - row_shift_s};
  const std::int64_t origin_s = position_in_year(civil_from_local(first_row_start), reference_year);
  for (std::size_t step = 0; step < grid.size(); ++step) {
    position_s_[step] = wrap(
        position_in_year(civil_from_local(grid.time(step)), reference_year) - origin_s, frame_s_);
  }
}

void WeatherToGrid::apply(std::span<const double> row_values, std::span<double> out) const {
  assert(static_cast<std::int64_t>(row_values.size()) * interval_s_ == frame_s_);
  assert(out.size() == position_s_.size());
  const auto rows = static_cast<std::int64_t>(row_values.size());
  for (std::size_t step = 0; step < position_s_.size(); ++step) {
    const std::int64_t begin = position_s_[step];
    const std::int64_t end = begin + step_s_;
    double weighted = 0.0;
    for (std::int64_t row = begin / interval_s_; row * interval_s_ < end; ++row) {
      const std::int64_t overlap =
          std::min(end, (row + 1) * interval_s_) - std::max(begin, row * interval_s_);
      weighted += row_values[static_cast<std::size_t>(row % rows)] * static_cast<double>(overlap);
    }
    out[step] = weighted / static_cast<double>(step_s_);
  }
}

}  // namespace stargate
