// Market time series: electricity prices (USD/MWh) and grid carbon intensity (kg CO2/MWh) as
// columns, one value per interval of the source, stamped in the site's standard time.
//
// Same time convention as WeatherSeries (core/weather_series.hpp): stamps are the *start* of
// each interval in site standard time (no daylight saving), evenly spaced by `interval_s`, and a
// value is the average over [stamp, stamp + interval_s). Readers convert prevailing (daylight
// saving) clock times and UTC offsets to that convention and fill short gaps (docs/market.md).
//
// The simulation places a series on its grid with the same calendar-position, overlap-weighted
// rule as the weather (src/sim/weather_to_grid.hpp: year_rows(series) and WeatherToGrid).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/core/weather_series.hpp"

namespace stargate {

/// What a MarketSeries holds, which fixes the unit of `value`.
enum class MarketQuantity {
  kPrice,            ///< energy price, USD/MWh (negative values are valid)
  kCarbonIntensity,  ///< grid carbon intensity, kg CO2/MWh (never negative)
};

/// Internal unit of a quantity as written in messages and column names: "USD/MWh", "kg/MWh".
[[nodiscard]] const char* market_unit(MarketQuantity quantity);

/// Hourly (or sub-hourly) market values. Struct of arrays; `time` and `value` have equal sizes.
struct MarketSeries {
  MarketQuantity quantity = MarketQuantity::kPrice;
  std::string source;  ///< file path, or "synthetic (...)"
  std::string name;    ///< zone or column the values came from ("LZ_WEST", "TE")
  std::int64_t interval_s = 3600;
  std::int64_t utc_offset_s = -6 * kSecondsPerHourInt;  ///< standard-time UTC offset of the stamps

  std::vector<LocalTime> time;        ///< interval starts, site standard time, evenly spaced
  std::vector<double> value;          ///< USD/MWh (kPrice) or kg CO2/MWh (kCarbonIntensity)
  std::vector<std::string> warnings;  ///< documented repairs, each with a count

  [[nodiscard]] std::size_t size() const { return time.size(); }
  /// Arithmetic mean of `value` (0 for an empty series).
  [[nodiscard]] double mean() const;
};

/// US daylight-saving period of a year as instants in *standard* time: [start, end).
/// Rules of the Energy Policy Act of 2005 (15 U.S.C. 260a) from 2007: from the second Sunday of
/// March at 02:00 standard time to the first Sunday of November at 02:00 daylight time (01:00
/// standard); 1987-2006: first Sunday of April to the last Sunday of October.
/// Throws std::invalid_argument for a year before 1987.
struct DaylightSavingPeriod {
  LocalTime start_standard;  ///< clocks jump from 02:00 to 03:00
  LocalTime end_standard;    ///< clocks fall back from 02:00 daylight to 01:00 standard
};
[[nodiscard]] DaylightSavingPeriod us_daylight_saving(int year);

}  // namespace stargate
