#include "stargate/core/market_series.hpp"

#include <fmt/format.h>

#include <numeric>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr int kFirstRuleYear = 1987;  // Uniform Time Act as amended in 1986
constexpr int kCurrentRuleYear = 2007;
// Clock change at 02:00 local time on both ends.
constexpr std::int64_t kChangeHour = 2;

// 0 = Sunday (1970-01-01 was a Thursday).
int weekday(std::int64_t days_since_epoch) {
  constexpr std::int64_t kThursday = 4;
  const std::int64_t w = (days_since_epoch + kThursday) % kDaysPerWeek;
  return static_cast<int>(w < 0 ? w + kDaysPerWeek : w);
}

// Day number of the n-th Sunday of a month (n >= 1), or the last Sunday for n = 0.
std::int64_t sunday_of_month(int year, int month, int n) {
  if (n == 0) {
    const std::int64_t last = days_from_civil(year, month, days_in_month(year, month));
    return last - weekday(last);
  }
  const std::int64_t first = days_from_civil(year, month, 1);
  const int to_sunday = (kDaysPerWeek - weekday(first)) % kDaysPerWeek;
  return first + to_sunday + static_cast<std::int64_t>(n - 1) * kDaysPerWeek;
}

}  // namespace

const char* market_unit(MarketQuantity quantity) {
  return quantity == MarketQuantity::kPrice ? "USD/MWh" : "kg/MWh";
}

double MarketSeries::mean() const {
  if (value.empty()) {
    return 0.0;
  }
  return std::accumulate(value.begin(), value.end(), 0.0) / static_cast<double>(value.size());
}

DaylightSavingPeriod us_daylight_saving(int year) {
  if (year < kFirstRuleYear) {
    throw std::invalid_argument(fmt::format(
        "US daylight-saving rules are implemented from {}; got {}", kFirstRuleYear, year));
  }
  std::int64_t start_day = 0;
  std::int64_t end_day = 0;
  if (year >= kCurrentRuleYear) {
    start_day = sunday_of_month(year, 3, 2);
    end_day = sunday_of_month(year, 11, 1);
  } else {
    start_day = sunday_of_month(year, 4, 1);
    end_day = sunday_of_month(year, 10, 0);
  }
  // Start: 02:00 standard. End: 02:00 daylight = 01:00 standard.
  return DaylightSavingPeriod{
      LocalTime{start_day * kSecondsPerDayInt + kChangeHour * kSecondsPerHourInt},
      LocalTime{end_day * kSecondsPerDayInt + (kChangeHour - 1) * kSecondsPerHourInt}};
}

}  // namespace stargate
