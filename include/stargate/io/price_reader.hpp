// Market price files: a generic CSV (a time column, or date + hour-ending columns, and a named
// value column) and ERCOT's long format `Date,Price,Zone` (docs/market.md describes every rule).
//
// Every reader returns a MarketSeries on the site's standard time (stamps = interval starts,
// evenly spaced). Prevailing clock times (US daylight saving) are converted: a daylight-time
// clock reading t is the standard time t - 1 h, so the missing spring hour leaves no gap; of the
// two readings of the repeated autumn hour the first is daylight time and the second standard
// time (or, when the file has a DST flag column, the flagged one is the repeated, standard-time
// hour). Stamps with a UTC offset are converted to the site's standard offset. Up to
// kMaxFilledIntervals consecutive missing intervals are filled by linear interpolation and
// counted in a warning; a longer gap, a repeated or backward stamp, a missing column, an unknown
// zone or a cell that is not a number raise InputError with file, line, column and field.
// Negative prices are valid.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "stargate/core/market_series.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

/// How stamps without a UTC offset are read.
enum class ClockTime {
  kStandard,      ///< the site's standard time all year (weather-file convention)
  kUsPrevailing,  ///< local clock time with US daylight saving (us_daylight_saving())
};

/// What instant of its interval a row's stamp names.
enum class StampPosition {
  kIntervalStart,  ///< "00:00" is the interval 00:00-01:00 (ISO files, ERCOT's long format)
  kIntervalEnd,    ///< "01:00" is the interval 00:00-01:00 (hour-ending files)
};

/// Intervals of one missing run that are filled by linear interpolation; longer gaps are errors.
inline constexpr int kMaxFilledIntervals = 3;

/// Columns and conventions of a generic market CSV. Column names compare ignoring case, spaces,
/// '_' and a trailing "(unit)".
struct MarketCsvOptions {
  /// Column of full stamps (formats in parse_market_stamp()). Empty: use date_column +
  /// hour_column instead.
  std::string time_column = "time";
  std::string date_column;  ///< dates YYYY-MM-DD or M/D/YYYY (only with hour_column)
  /// Hour ending: 1..24 or HH:MM 01:00..24:00 (always end-marked, whatever `stamp` says).
  std::string hour_column;
  std::string value_column = "price";
  ClockTime clock = ClockTime::kStandard;
  StampPosition stamp = StampPosition::kIntervalStart;
  std::int64_t standard_utc_offset_s =
      -6 * kSecondsPerHourInt;  ///< site standard time (ERCOT: Central, UTC-6)
};

/// A generic market CSV; values are taken as written (the caller converts units).
[[nodiscard]] MarketSeries read_market_csv_text(std::string_view text, const std::string& name,
                                                const MarketCsvOptions& options,
                                                MarketQuantity quantity);

/// Prices in USD/MWh from a generic CSV (`options.value_column` names the price column).
[[nodiscard]] MarketSeries read_price_csv(const std::filesystem::path& path,
                                          const MarketCsvOptions& options);
[[nodiscard]] MarketSeries read_price_csv_text(std::string_view text, const std::string& name,
                                               const MarketCsvOptions& options);

/// ERCOT long format: columns `Date` (interval start, Central prevailing time, e.g.
/// "1/1/2023 12:00:00 AM" or ISO), `Price` (USD/MWh) and `Zone` (settlement point such as
/// LZ_WEST; also accepted: "Settlement Point [Name]", "Settlement Point Price"), optionally a
/// `DSTFlag` column (Y on the repeated autumn hour). Rows of other zones are skipped. The zone
/// compares ignoring case; an unknown zone is an error that lists the zones found.
/// Stamps become Central standard time (UTC-6).
[[nodiscard]] MarketSeries read_ercot_prices(const std::filesystem::path& path,
                                             std::string_view zone);
[[nodiscard]] MarketSeries read_ercot_prices_text(std::string_view text, const std::string& name,
                                                  std::string_view zone);

/// A parsed date and time of day as written, before any time-zone conversion.
struct MarketStamp {
  int year = 0;
  int month = 0;
  int day = 0;
  std::int64_t second_of_day = 0;  ///< 0..86400 (86400 only for "24:00")
  bool has_utc_offset = false;
  std::int64_t utc_offset_s = 0;  ///< when has_utc_offset ("Z" is 0)
};

/// Parses a stamp: ISO 8601 `YYYY-MM-DDTHH:MM[:SS]` (a space may replace 'T'; optional `Z`,
/// `+HH:MM`, `-HHMM` or `-HH`), or US `M/D/YYYY H:MM[:SS]` with an optional ` AM`/` PM`
/// (ERCOT's "1/1/2023 12:00:00 AM"). 24:00[:00] is accepted (the end of the day). Returns false
/// (leaving `stamp` unspecified) when the text is none of these or names an impossible date.
[[nodiscard]] bool parse_market_stamp(std::string_view text, MarketStamp& stamp);

/// Parses a date alone: `YYYY-MM-DD` or `M/D/YYYY` (second_of_day 0, no offset).
[[nodiscard]] bool parse_market_date(std::string_view text, MarketStamp& stamp);

}  // namespace stargate
