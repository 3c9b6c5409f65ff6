// Market price readers: one pass over the text, cells as views, numbers with std::from_chars.
// The rules (formats, daylight saving, gaps, errors) are documented in docs/market.md; keep the
// two in step.
#include "stargate/io/price_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "io/csv_table.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {
namespace {

constexpr int kHoursPerHalfDay = 12;
constexpr int kMaxListedFills = 5;  // filled stamps named in the warning

// ---- small text helpers -------------------------------------------------------------------

/// Consumes 1..max_digits decimal digits (at least min_digits) from the front of `text`.
bool take_number(std::string_view& text, std::size_t min_digits, std::size_t max_digits,
                 int& value) {
  std::size_t n = 0;
  while (n < text.size() && n < max_digits && text[n] >= '0' && text[n] <= '9') {
    ++n;
  }
  if (n < min_digits || (n < text.size() && text[n] >= '0' && text[n] <= '9')) {
    return false;
  }
  value = 0;
  (void)std::from_chars(text.data(), text.data() + n, value);
  text.remove_prefix(n);
  return true;
}

/// Consumes exactly `digits` decimal digits (more may follow).
bool take_fixed(std::string_view& text, std::size_t digits, int& value) {
  if (text.size() < digits ||
      !std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(digits),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  value = 0;
  (void)std::from_chars(text.data(), text.data() + digits, value);
  text.remove_prefix(digits);
  return true;
}

bool take_char(std::string_view& text, char c) {
  if (!text.empty() && text.front() == c) {
    text.remove_prefix(1);
    return true;
  }
  return false;
}

void skip_spaces(std::string_view& text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
}

bool valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

/// Consumes a date: YYYY-MM-DD or M/D/YYYY.
bool take_date(std::string_view& text, MarketStamp& stamp) {
  std::string_view rest = text;
  int first = 0;
  if (!take_number(rest, 1, 4, first)) {
    return false;
  }
  const std::size_t first_digits = text.size() - rest.size();
  if (first_digits == 4 && take_char(rest, '-')) {
    stamp.year = first;
    if (!take_number(rest, 1, 2, stamp.month) || !take_char(rest, '-') ||
        !take_number(rest, 1, 2, stamp.day)) {
      return false;
    }
  } else if (first_digits <= 2 && take_char(rest, '/')) {
    stamp.month = first;
    if (!take_number(rest, 1, 2, stamp.day) || !take_char(rest, '/') ||
        !take_number(rest, 4, 4, stamp.year)) {
      return false;
    }
  } else {
    return false;
  }
  if (!valid_date(stamp.year, stamp.month, stamp.day)) {
    return false;
  }
  text = rest;
  return true;
}

/// Consumes H:MM[:SS[.000]]; `twelve_hour` then allows an AM/PM suffix.
bool take_time(std::string_view& text, MarketStamp& stamp, bool allow_am_pm) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!take_number(text, 1, 2, hour) || !take_char(text, ':') || !take_number(text, 2, 2, minute)) {
    return false;
  }
  if (take_char(text, ':')) {
    if (!take_number(text, 2, 2, second)) {
      return false;
    }
    if (take_char(text, '.')) {  // fractional seconds: only zeros (stamps are whole seconds)
      std::size_t n = 0;
      while (n < text.size() && text[n] == '0') {
        ++n;
      }
      if (n == 0) {
        return false;
      }
      text.remove_prefix(n);
    }
  }
  if (allow_am_pm) {
    std::string_view rest = text;
    skip_spaces(rest);
    if (rest.size() >= 2 && (ascii_lower(rest[1]) == 'm') &&
        (ascii_lower(rest[0]) == 'a' || ascii_lower(rest[0]) == 'p')) {
      if (hour < 1 || hour > kHoursPerHalfDay) {
        return false;
      }
      const bool pm = ascii_lower(rest[0]) == 'p';
      hour = hour % kHoursPerHalfDay + (pm ? kHoursPerHalfDay : 0);
      rest.remove_prefix(2);
      text = rest;
    }
  }
  const bool end_of_day = hour == 24 && minute == 0 && second == 0;
  if (!end_of_day && (hour > 23 || minute > 59 || second > 59)) {
    return false;
  }
  stamp.second_of_day =
      hour * kSecondsPerHourInt + minute * kSecondsPerMinuteInt + static_cast<std::int64_t>(second);
  return true;
}

/// Consumes Z, +HH:MM, +HHMM or +HH (and the same with '-').
bool take_offset(std::string_view& text, MarketStamp& stamp) {
  if (take_char(text, 'Z') || take_char(text, 'z')) {
    stamp.has_utc_offset = true;
    stamp.utc_offset_s = 0;
    return true;
  }
  if (text.empty() || (text.front() != '+' && text.front() != '-')) {
    return false;
  }
  const bool negative = text.front() == '-';
  text.remove_prefix(1);
  int hours = 0;
  int minutes = 0;
  if (!take_fixed(text, 2, hours)) {
    return false;
  }
  if (take_char(text, ':')) {
    if (!take_fixed(text, 2, minutes)) {
      return false;
    }
  } else if (!text.empty() && !take_fixed(text, 2, minutes)) {
    return false;
  }
  constexpr int kMaxOffsetHours = 14;
  if (hours > kMaxOffsetHours || minutes > 59) {
    return false;
  }
  stamp.has_utc_offset = true;
  stamp.utc_offset_s =
      (negative ? -1 : 1) * (hours * kSecondsPerHourInt + minutes * kSecondsPerMinuteInt);
  return true;
}

std::int64_t stamp_seconds(const MarketStamp& stamp) {
  return days_from_civil(stamp.year, stamp.month, stamp.day) * kSecondsPerDayInt +
         stamp.second_of_day;
}

std::string describe_standard(std::int64_t seconds, std::int64_t utc_offset_s) {
  return format_iso8601(LocalTime{seconds}, utc_offset_s);
}

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    text += text.empty() ? "" : ", ";
    text += name;
  }
  return text.empty() ? "none" : text;
}

// ---- the reader ---------------------------------------------------------------------------

/// A row kept for the series: its instant in standard time and where its stamp is.
struct RowTime {
  std::int64_t standard_s = 0;
  std::string_view line;
  std::size_t offset = 0;
  int line_number = 0;
};

/// Candidate column names (as column_key()) of the ERCOT long format.
constexpr std::string_view kErcotTimeKeys[] = {"date", "time", "timestamp", "datetime",
                                               "intervalstart"};
constexpr std::string_view kErcotPriceKeys[] = {"price", "settlementpointprice", "spp", "lmp"};
constexpr std::string_view kErcotZoneKeys[] = {"zone", "settlementpoint", "settlementpointname",
                                               "loadzone"};
constexpr std::string_view kErcotFlagKeys[] = {"dstflag", "dst", "repeatedhourflag"};
constexpr std::int64_t kCentralStandardOffsetS = -6 * kSecondsPerHourInt;

class Reader : public CsvRowReader {
 public:
  Reader(std::string_view text, std::string name) : CsvRowReader(text, std::move(name)) {}

  MarketSeries generic(const MarketCsvOptions& options, MarketQuantity quantity) {
    read_header();
    series_.quantity = quantity;
    series_.utc_offset_s = options.standard_utc_offset_s;
    const bool date_and_hour = options.time_column.empty();
    std::size_t time_at = 0;
    std::size_t date_at = 0;
    std::size_t hour_at = 0;
    std::string time_label;
    if (date_and_hour) {
      if (options.date_column.empty() || options.hour_column.empty()) {
        fail(header_line_, 1, "time_column",
             "no time column configured: name a time column, or a date column and an hour "
             "column");
      }
      date_at = require_column(options.date_column);
      hour_at = require_column(options.hour_column);
      time_label = std::string(header_[date_at].text);
    } else {
      time_at = require_column(options.time_column);
      time_label = std::string(header_[time_at].text);
    }
    const std::size_t value_at = require_column(options.value_column);
    const std::string value_label(header_[value_at].text);
    series_.name = value_label;
    const bool end_marked = date_and_hour || options.stamp == StampPosition::kIntervalEnd;
    reserve();
    while (next_row()) {
      MarketStamp stamp;
      std::size_t stamp_cell = time_at;
      if (date_and_hour) {
        stamp = date_cell(date_at, time_label);
        stamp.second_of_day = hour_ending_cell(hour_at, header_[hour_at].text);
        stamp_cell = date_at;
      } else {
        stamp = stamp_cell_value(time_at, time_label);
      }
      const double value = number(value_at, value_label, quantity);
      keep(stamp, stamp_cell, time_label, options.clock, options.standard_utc_offset_s, end_marked,
           std::nullopt, value);
    }
    return assemble(time_label, end_marked);
  }

  MarketSeries ercot(std::string_view zone) {
    read_header();
    series_.quantity = MarketQuantity::kPrice;
    series_.utc_offset_s = kCentralStandardOffsetS;
    const std::size_t time_at = require_one_of(kErcotTimeKeys, "Date");
    const std::size_t price_at = require_one_of(kErcotPriceKeys, "Price");
    const std::size_t zone_at = require_one_of(kErcotZoneKeys, "Zone");
    const std::optional<std::size_t> flag_at = find_one_of(kErcotFlagKeys);
    const std::string time_label(header_[time_at].text);
    const std::string price_label(header_[price_at].text);
    const std::string zone_label(header_[zone_at].text);
    std::vector<std::string> zones;
    std::string_view last_zone;
    reserve();
    while (next_row()) {
      const std::string_view row_zone = cell(zone_at, zone_label);
      if (row_zone != last_zone) {
        last_zone = row_zone;
        if (std::find(zones.begin(), zones.end(), row_zone) == zones.end()) {
          zones.emplace_back(row_zone);
        }
      }
      if (!iequals(row_zone, zone)) {
        continue;
      }
      if (series_.name.empty()) {
        series_.name = std::string(row_zone);
      }
      std::optional<bool> repeated;
      if (flag_at && *flag_at < cells_.size() && !cells_[*flag_at].text.empty()) {
        repeated = iequals(cells_[*flag_at].text, "y") || iequals(cells_[*flag_at].text, "yes") ||
                   iequals(cells_[*flag_at].text, "true");
      }
      const MarketStamp stamp = stamp_cell_value(time_at, time_label);
      const double price = number(price_at, price_label, MarketQuantity::kPrice);
      keep(stamp, time_at, time_label, ClockTime::kUsPrevailing, kCentralStandardOffsetS,
           /*end_marked=*/false, repeated, price);
    }
    if (times_.empty()) {
      std::vector<std::string_view> candidates(zones.begin(), zones.end());
      const std::string close = closest_match(zone, candidates);
      fail(header_line_, csv_column(header_text_, header_[zone_at].offset), "zone",
           fmt::format("zone '{}' is not in the file; zones found in column '{}': {}{}", zone,
                       zone_label, join(zones),
                       close.empty() ? "" : fmt::format("; did you mean '{}'?", close)));
    }
    return assemble(time_label, /*end_marked=*/false);
  }

 private:
  // ---- diagnostics --------------------------------------------------------------------------

  [[noreturn]] void fail_row(const RowTime& row, std::string_view field,
                             std::string message) const {
    fail(row.line_number, csv_column(row.line, row.offset), field, std::move(message));
  }

  // ---- header -------------------------------------------------------------------------------

  void read_header() {
    series_.source = name_;
    CsvRowReader::read_header();
  }

  template <std::size_t N>
  [[nodiscard]] std::optional<std::size_t> find_one_of(const std::string_view (&keys)[N]) const {
    for (const auto key : keys) {
      if (const auto at = find_column(key)) {
        return at;
      }
    }
    return std::nullopt;
  }

  template <std::size_t N>
  std::size_t require_one_of(const std::string_view (&keys)[N], std::string_view label) const {
    if (const auto at = find_one_of(keys)) {
      return *at;
    }
    std::string accepted;
    for (const auto key : keys) {
      accepted += accepted.empty() ? "" : ", ";
      accepted += key;
    }
    fail(header_line_, 1, label,
         fmt::format("no {} column in the header (ERCOT long format Date,Price,Zone; accepted "
                     "names, ignoring case, spaces and '_': {}); columns found: {}",
                     label, accepted, found_columns()));
  }

  // ---- rows and cells -----------------------------------------------------------------------

  void reserve() {
    const std::size_t rows = lines_.lines_left();
    times_.reserve(rows);
    values_.reserve(rows);
  }

  [[nodiscard]] std::string_view cell(std::size_t index, std::string_view field) const {
    if (index >= cells_.size()) {
      fail_cell(index, field,
                fmt::format("the row ends after {} cells; expected {} in cell {}", cells_.size(),
                            field, index + 1));
    }
    return cells_[index].text;
  }

  [[nodiscard]] double number(std::size_t index, std::string_view field,
                              MarketQuantity quantity) const {
    const std::string_view text = cell(index, field);
    const char* unit = market_unit(quantity);
    if (text.empty()) {
      fail_cell(index, field, fmt::format("empty cell, expected a number ({})", unit));
    }
    double value = 0.0;
    if (!parse_csv_number(text, value)) {
      fail_cell(index, field,
                fmt::format("expected a number ({}), got \"{}\"", unit, excerpt(text)));
    }
    if (!std::isfinite(value)) {
      fail_cell(index, field, fmt::format("expected a finite number ({}), got \"{}\"", unit, text));
    }
    return value;
  }

  [[nodiscard]] MarketStamp stamp_cell_value(std::size_t index, std::string_view field) const {
    const std::string_view text = cell(index, field);
    MarketStamp stamp;
    if (!parse_market_stamp(text, stamp)) {
      fail_cell(index, field,
                fmt::format("expected a date and time such as 2023-01-01T00:00, 2023-01-01 "
                            "00:00-06:00 or 1/1/2023 12:00:00 AM, got \"{}\"",
                            excerpt(text)));
    }
    return stamp;
  }

  [[nodiscard]] MarketStamp date_cell(std::size_t index, std::string_view field) const {
    const std::string_view text = cell(index, field);
    MarketStamp stamp;
    if (!parse_market_date(text, stamp)) {
      fail_cell(index, field,
                fmt::format("expected a date such as 2023-01-31 or 1/31/2023, got \"{}\"",
                            excerpt(text)));
    }
    return stamp;
  }

  /// Hour ending 1..24, or HH:MM from 00:01 to 24:00: seconds into the day of the interval end.
  [[nodiscard]] std::int64_t hour_ending_cell(std::size_t index, std::string_view field) const {
    std::string_view text = cell(index, field);
    const std::string_view whole_text = text;
    int hour = 0;
    if (take_number(text, 1, 2, hour) && text.empty() && hour >= 1 && hour <= 24) {
      return hour * kSecondsPerHourInt;
    }
    text = whole_text;
    MarketStamp stamp;
    if (take_time(text, stamp, /*allow_am_pm=*/false) && text.empty() && stamp.second_of_day > 0) {
      return stamp.second_of_day;
    }
    fail_cell(index, field,
              fmt::format("expected the hour ending as 1..24 or HH:MM (01:00..24:00), got \"{}\"",
                          excerpt(whole_text)));
  }

  // ---- time conversion ----------------------------------------------------------------------

  const DaylightSavingPeriod& dst_of(int year, std::size_t cell_index, std::string_view field) {
    if (year != dst_year_) {
      try {
        dst_ = us_daylight_saving(year);
      } catch (const std::invalid_argument& error) {
        fail_cell(cell_index, field, error.what());
      }
      dst_year_ = year;
    }
    return dst_;
  }

  /// The instant of a stamp in site standard time (see the header for the rules).
  std::int64_t to_standard(const MarketStamp& stamp, std::size_t cell_index, std::string_view field,
                           ClockTime clock, std::int64_t standard_offset_s, bool end_marked,
                           std::optional<bool> repeated) {
    const std::int64_t reading = stamp_seconds(stamp);
    if (stamp.has_utc_offset) {
      return reading - stamp.utc_offset_s + standard_offset_s;
    }
    if (clock == ClockTime::kStandard) {
      return reading;
    }
    // An end-marked reading is the end of its interval: classify the instant just before it.
    const std::int64_t nudge = end_marked ? 1 : 0;
    const std::int64_t r = reading - nudge;
    const DaylightSavingPeriod& dst =
        dst_of(civil_from_local(LocalTime{r}).year, cell_index, field);
    const std::int64_t spring = dst.start_standard.seconds;  // clock 02:00 that jumps to 03:00
    const std::int64_t fall = dst.end_standard.seconds;      // clock 01:00 that repeats
    if (r >= spring && r < spring + kSecondsPerHourInt) {
      fail_cell(cell_index, field,
                fmt::format("{:02}:{:02} on {:04}-{:02}-{:02} does not exist in US prevailing time "
                            "(clocks jump from 02:00 to 03:00)",
                            stamp.second_of_day / kSecondsPerHourInt,
                            stamp.second_of_day % kSecondsPerHourInt / kSecondsPerMinuteInt,
                            stamp.year, stamp.month, stamp.day));
    }
    if (r >= spring + kSecondsPerHourInt && r < fall) {
      return r - kSecondsPerHourInt + nudge;  // daylight time
    }
    if (r >= fall && r < fall + kSecondsPerHourInt) {
      // The repeated hour: first reading daylight time, second standard time.
      if (repeated) {
        return (*repeated ? r : r - kSecondsPerHourInt) + nudge;
      }
      const std::int64_t daylight = r - kSecondsPerHourInt + nudge;
      if (!times_.empty() && times_.back().standard_s >= daylight) {
        return r + nudge;
      }
      return daylight;
    }
    return reading;
  }

  void keep(const MarketStamp& stamp, std::size_t cell_index, std::string_view field,
            ClockTime clock, std::int64_t standard_offset_s, bool end_marked,
            std::optional<bool> repeated, double value) {
    RowTime row;
    row.standard_s =
        to_standard(stamp, cell_index, field, clock, standard_offset_s, end_marked, repeated);
    row.line = line_text_;
    row.offset = cells_[cell_index].offset;
    row.line_number = line_number_;
    times_.push_back(row);
    values_.push_back(value);
  }

  // ---- spacing, gaps and the series ---------------------------------------------------------

  MarketSeries assemble(std::string_view time_label, bool end_marked) {
    const std::size_t rows = times_.size();
    const std::int64_t offset_s = series_.utc_offset_s;
    if (rows < 2) {
      fail(lines_.number(), 1, "",
           fmt::format("the file has {} data row{}; expected evenly spaced rows", rows,
                       rows == 1 ? "" : "s"));
    }
    std::int64_t interval_s = 0;
    std::size_t interval_row = 1;
    for (std::size_t i = 1; i < rows; ++i) {
      const std::int64_t step = times_[i].standard_s - times_[i - 1].standard_s;
      if (step <= 0) {
        fail_row(times_[i], time_label,
                 fmt::format("this row is at {} standard time, {} the row on line {} ({}): rows "
                             "must be in time order without repeats",
                             describe_standard(times_[i].standard_s, offset_s),
                             step == 0 ? "the same as" : "before", times_[i - 1].line_number,
                             describe_standard(times_[i - 1].standard_s, offset_s)));
      }
      if (interval_s == 0 || step < interval_s) {
        interval_s = step;
        interval_row = i;
      }
    }
    if (interval_s % kSecondsPerMinuteInt != 0 || interval_s > kSecondsPerHourInt ||
        kSecondsPerHourInt % interval_s != 0) {
      fail_row(times_[interval_row], time_label,
               fmt::format("rows {} s apart: the interval must be a whole number of minutes that "
                           "divides one hour (1 to 60 min)",
                           interval_s));
    }
    series_.interval_s = interval_s;
    const std::int64_t shift_s = end_marked ? interval_s : 0;
    std::size_t filled = 0;
    std::vector<std::string> filled_stamps;
    series_.time.reserve(rows);
    series_.value.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      if (i > 0) {
        const std::int64_t step = times_[i].standard_s - times_[i - 1].standard_s;
        if (step % interval_s != 0) {
          fail_row(times_[i], time_label,
                   fmt::format("this row is {} s after the row on line {}: not a whole number of "
                               "{} s intervals",
                               step, times_[i - 1].line_number, interval_s));
        }
        const std::int64_t missing = step / interval_s - 1;
        if (missing > kMaxFilledIntervals) {
          fail_row(
              times_[i], time_label,
              fmt::format("{} intervals are missing between {} (line {}) and {} standard "
                          "time; at most {} consecutive missing intervals are filled",
                          missing, describe_standard(times_[i - 1].standard_s - shift_s, offset_s),
                          times_[i - 1].line_number,
                          describe_standard(times_[i].standard_s - shift_s, offset_s),
                          kMaxFilledIntervals));
        }
        for (std::int64_t k = 1; k <= missing; ++k) {
          const double weight = static_cast<double>(k) / static_cast<double>(missing + 1);
          const std::int64_t at = times_[i - 1].standard_s + k * interval_s - shift_s;
          series_.time.push_back(LocalTime{at});
          series_.value.push_back(values_[i - 1] + weight * (values_[i] - values_[i - 1]));
          ++filled;
          if (filled_stamps.size() < kMaxListedFills) {
            filled_stamps.push_back(describe_standard(at, offset_s));
          }
        }
      }
      series_.time.push_back(LocalTime{times_[i].standard_s - shift_s});
      series_.value.push_back(values_[i]);
    }
    if (filled > 0) {
      series_.warnings.push_back(
          fmt::format("{}: {} missing interval{} filled by linear interpolation (starting {}{})",
                      series_.name, filled, filled == 1 ? "" : "s", join(filled_stamps),
                      filled > filled_stamps.size() ? ", ..." : ""));
    }
    return std::move(series_);
  }

  std::vector<RowTime> times_;
  std::vector<double> values_;
  int dst_year_ = 0;
  DaylightSavingPeriod dst_{};
  MarketSeries series_;
};

}  // namespace

bool parse_market_date(std::string_view text, MarketStamp& stamp) {
  stamp = MarketStamp{};
  text = trim(text);
  return take_date(text, stamp) && text.empty();
}

bool parse_market_stamp(std::string_view text, MarketStamp& stamp) {
  stamp = MarketStamp{};
  text = trim(text);
  const bool iso = text.size() > 4 && text[4] == '-';
  if (!take_date(text, stamp)) {
    return false;
  }
  if (iso && (take_char(text, 'T') || take_char(text, 't'))) {
    // ISO separator
  } else if (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    skip_spaces(text);
  } else {
    return false;
  }
  if (!take_time(text, stamp, /*allow_am_pm=*/!iso)) {
    return false;
  }
  if (iso && !text.empty()) {
    if (!take_offset(text, stamp)) {
      return false;
    }
  }
  return text.empty();
}

MarketSeries read_market_csv_text(std::string_view text, const std::string& name,
                                  const MarketCsvOptions& options, MarketQuantity quantity) {
  return Reader(text, name).generic(options, quantity);
}

MarketSeries read_price_csv_text(std::string_view text, const std::string& name,
                                 const MarketCsvOptions& options) {
  return read_market_csv_text(text, name, options, MarketQuantity::kPrice);
}

MarketSeries read_price_csv(const std::filesystem::path& path, const MarketCsvOptions& options) {
  const FileText text = read_text_file(path);
  return read_price_csv_text(text, path.string(), options);
}

MarketSeries read_ercot_prices_text(std::string_view text, const std::string& name,
                                    std::string_view zone) {
  return Reader(text, name).ercot(zone);
}

MarketSeries read_ercot_prices(const std::filesystem::path& path, std::string_view zone) {
  const FileText text = read_text_file(path);
  return read_ercot_prices_text(text, path.string(), zone);
}

}  // namespace stargate
