// Weather file reader: one pass over the text, cells as views, numbers with std::from_chars.
// The rules (formats, repairs, errors) are documented in docs/weather.md; keep the two in step.
#include "stargate/io/weather_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <system_error>
#include <vector>

#include "io/csv_table.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {
namespace {

// Irradiance in [-kNegativeToleranceWm2, 0) is set to 0 (counted); below it is an error.
constexpr double kNegativeToleranceWm2 = 10.0;
// Above this GHI, DNI or DHI is impossible at the surface (the solar constant is ~1361 W/m2).
constexpr double kMaxIrradianceWm2 = 1500.0;
// DHI above GHI by more than this is counted in a warning (values are kept as read).
constexpr double kDiffuseExcessToleranceWm2 = 10.0;
// Plausibility ranges: outside them a value is an error (usually a missing-value marker).
constexpr double kMinTemperatureC = -95.0;
constexpr double kMaxTemperatureC = 65.0;
constexpr double kMaxWindSpeedMS = 100.0;
constexpr double kMinPressureMbar = 300.0;
constexpr double kMaxPressureMbar = 1200.0;
// An albedo of magnitude at least this is a missing-value marker (EPW writes 999).
constexpr double kMissingAlbedo = 999.0;
// EPW's missing station pressure, in Pa.
constexpr double kEpwMissingPressurePa = 999999.0;

// Cumulative days before each month in a leap year: positions on a calendar that always has a
// 29 February, so that the leap day's absence shows as a one-day gap that is then allowed.
constexpr std::array<int, 13> kDaysBeforeMonth = {0,   31,  60,  91,  121, 152, 182,
                                                  213, 244, 274, 305, 335, 366};
constexpr std::int64_t kLeapYearSeconds = 366 * kSecondsPerDayInt;

// The quantities found by column name in the CSV formats.
enum Quantity : std::size_t {
  kYear,
  kMonth,
  kDay,
  kHour,
  kMinute,
  kDate,
  kTime,
  kGhi,
  kDni,
  kDhi,
  kTemperature,
  kWindSpeed,
  kPressure,
  kAlbedo,
  kZenith,
  kQuantityCount
};

struct QuantityNames {
  std::string_view label;  ///< the name used in messages
  /// Accepted column names, compared after normalize_name(); empty entries end the list.
  std::array<std::string_view, 6> accepted;
};

constexpr std::array<QuantityNames, kQuantityCount> kQuantityNames = {{
    {"Year", {"year"}},
    {"Month", {"month"}},
    {"Day", {"day"}},
    {"Hour", {"hour"}},
    {"Minute", {"minute"}},
    {"Date", {"date"}},
    {"Time", {"time"}},
    {"GHI", {"ghi"}},
    {"DNI", {"dni"}},
    {"DHI", {"dhi"}},
    {"Temperature", {"temperature", "tdry", "temp", "dry-bulb", "dry bulb", "air temperature"}},
    {"Wind Speed", {"wind speed", "wspd", "windspeed"}},
    {"Pressure", {"pressure", "pres"}},
    {"Surface Albedo", {"surface albedo", "albedo", "alb"}},
    {"Solar Zenith Angle", {"solar zenith angle", "zenith", "sza"}},
}};

enum Irradiance : std::size_t { kGhiIndex, kDniIndex, kDhiIndex };

/// Lower case, '_' as ' ', a trailing "(unit)" removed, spaces trimmed: "GHI (W/m^2)" -> "ghi".
std::string normalize_name(std::string_view name) {
  if (name.ends_with(')')) {
    const auto open = name.rfind('(');
    if (open != std::string_view::npos) {
      name = name.substr(0, open);
    }
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
    name.remove_suffix(1);
  }
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) {
    name.remove_prefix(1);
  }
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '_') {
      c = ' ';
    }
  }
  return out;
}

bool names_match(std::string_view a, std::string_view b) {
  return normalize_name(a) == b;
}

std::string describe_seconds(std::int64_t seconds) {
  if (seconds % kSecondsPerHourInt == 0) {
    return fmt::format("{} h", seconds / kSecondsPerHourInt);
  }
  if (seconds % kSecondsPerMinuteInt == 0) {
    return fmt::format("{} min", seconds / kSecondsPerMinuteInt);
  }
  return fmt::format("{} s", seconds);
}

bool parse_int(std::string_view text, int& value) {
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  return !text.empty() && result.ec == std::errc() && result.ptr == end;
}

/// Where a row's time is and what it says: the stamp (start-marked formats) or the end of the
/// interval (end-marked formats) as seconds into the day.
struct RowStamp {
  std::string_view line;
  std::size_t offset = 0;  ///< byte offset of the time cell errors point at
  int line_number = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  std::int64_t second = 0;
};

/// Seconds since 1 January 00:00 on a calendar that always has 29 February.
std::int64_t position_in_year_s(const RowStamp& row) {
  return static_cast<std::int64_t>(kDaysBeforeMonth[row.month - 1] + row.day - 1) *
             kSecondsPerDayInt +
         row.second;
}

std::string describe_stamp(const RowStamp& row) {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", row.year, row.month, row.day,
                     row.second / kSecondsPerHourInt,
                     (row.second % kSecondsPerHourInt) / kSecondsPerMinuteInt);
}

/// Column names of a CSV header line, located by quantity.
struct ColumnMap {
  std::array<int, kQuantityCount> index{};              ///< cell index; -1 when absent
  std::array<std::string_view, kQuantityCount> name{};  ///< as written in the file
  std::vector<std::string_view> found;                  ///< every non-empty name, in order
  int line_number = 0;

  [[nodiscard]] bool has(Quantity q) const { return index[q] >= 0; }
  [[nodiscard]] std::size_t at(Quantity q) const { return static_cast<std::size_t>(index[q]); }
};

class Reader : public CsvRowReader {
 public:
  Reader(std::string_view text, std::string name) : CsvRowReader(text, std::move(name)) {}

  WeatherSeries read() {
    series_.source = name_;
    if (!lines_.next()) {
      fail(1, 1, "", "the file is empty");
    }
    take_line();
    if (!cells_.empty() && names_match(cells_[0].text, "location")) {
      return read_epw();
    }
    const auto names_site_field = [](const CsvCell& cell) {
      return names_match(cell.text, "latitude") || names_match(cell.text, "longitude");
    };
    if ((!cells_.empty() && names_match(cells_[0].text, "source")) ||
        std::any_of(cells_.begin(), cells_.end(), names_site_field)) {
      return read_psm();
    }
    const std::string_view first_line = line_text_;
    if (lines_.next()) {
      take_line();
      if (!cells_.empty() && normalize_name(cells_[0].text) == "date") {
        return read_native_tmy3(first_line, line_text_);
      }
    }
    fail(1, 1, "",
         fmt::format(
             "unrecognised weather file format (line 1 is \"{}\"); accepted: NSRDB PSM CSV or "
             "SAM CSV (line 1 names site fields such as Source, Latitude, Longitude, Time Zone, "
             "Elevation; line 2 their values; line 3 the column names), NREL TMY3 CSV (line 1 "
             "USAF,Name,State,TZ,lat,lon,elev; line 2 the columns Date (MM/DD/YYYY),Time "
             "(HH:MM),...), or EPW (line 1 LOCATION,city,state,country,source,WMO,lat,lon,tz,"
             "elev)",
             excerpt(first_line)));
  }

 private:
  // ---- diagnostics --------------------------------------------------------------------------

  [[noreturn]] void fail_row(const RowStamp& row, std::string message) const {
    fail(row.line_number, csv_column(row.line, row.offset), "time", std::move(message));
  }

  // ---- cells of the current line ------------------------------------------------------------

  void take_line() { take(lines_.line(), lines_.number()); }

  [[nodiscard]] std::string_view cell(std::size_t index, std::string_view field) const {
    if (index >= cells_.size()) {
      fail_cell(index, field,
                fmt::format("the row ends after {} cells; expected {} in cell {}", cells_.size(),
                            field, index + 1));
    }
    return cells_[index].text;
  }

  [[nodiscard]] double number(std::size_t index, std::string_view field) const {
    const std::string_view text = cell(index, field);
    if (text.empty()) {
      fail_cell(index, field, "empty cell, expected a number");
    }
    double value = 0.0;
    if (!parse_csv_number(text, value)) {
      fail_cell(index, field, fmt::format("expected a number, got \"{}\"", excerpt(text)));
    }
    if (!std::isfinite(value)) {
      fail_cell(index, field, fmt::format("expected a finite number, got \"{}\"", text));
    }
    return value;
  }

  [[nodiscard]] int whole(std::size_t index, std::string_view field, int lowest,
                          int highest) const {
    int quick = 0;  // the common case, a plain integer, without a floating-point parse
    if (parse_int(cell(index, field), quick) && quick >= lowest && quick <= highest) {
      return quick;
    }
    const double value = number(index, field);
    if (value != std::floor(value) || value < lowest || value > highest) {
      fail_cell(index, field,
                fmt::format("expected a whole number from {} to {}, got {}", lowest, highest,
                            cells_[index].text));
    }
    return static_cast<int>(value);
  }

  [[nodiscard]] double in_range(std::size_t index, std::string_view field, double lowest,
                                double highest, std::string_view unit) const {
    const double value = number(index, field);
    if (value < lowest || value > highest) {
      fail_cell(index, field,
                fmt::format("{} {} is outside the accepted range {} to {} {}", cells_[index].text,
                            unit, lowest, highest, unit));
    }
    return value;
  }

  [[nodiscard]] double irradiance(std::size_t index, std::string_view field, Irradiance which) {
    double value = number(index, field);
    if (value < -kNegativeToleranceWm2) {
      fail_cell(index, field,
                fmt::format("{} W/m2 is negative beyond the tolerance of -{} W/m2 (a "
                            "missing-value marker?)",
                            cells_[index].text, kNegativeToleranceWm2));
    }
    if (value > kMaxIrradianceWm2) {
      fail_cell(index, field,
                fmt::format("{} W/m2 is above the physical limit of {} W/m2 (a missing-value "
                            "marker?)",
                            cells_[index].text, kMaxIrradianceWm2));
    }
    if (value < 0.0) {
      ++negative_counts_[which];
      value = 0.0;
    }
    return value;
  }

  [[nodiscard]] double temperature(std::size_t index, std::string_view field) const {
    return in_range(index, field, kMinTemperatureC, kMaxTemperatureC, "degC");
  }

  [[nodiscard]] double wind_speed(std::size_t index, std::string_view field) const {
    return in_range(index, field, 0.0, kMaxWindSpeedMS, "m/s");
  }

  [[nodiscard]] double pressure_mbar(std::size_t index, std::string_view field) const {
    return in_range(index, field, kMinPressureMbar, kMaxPressureMbar, "mbar");
  }

  [[nodiscard]] double albedo(std::size_t index, std::string_view field) {
    const double value = number(index, field);
    if (std::abs(value) >= kMissingAlbedo) {
      ++missing_albedo_;
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (value < 0.0 || value > 1.0) {
      fail_cell(index, field,
                fmt::format("expected an albedo from 0 to 1, got {}", cells_[index].text));
    }
    return value;
  }

  // ---- header helpers -----------------------------------------------------------------------

  /// Maps the current line's cells to quantities.
  [[nodiscard]] ColumnMap map_columns() const {
    ColumnMap map;
    map.index.fill(-1);
    map.line_number = line_number_;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const std::string_view written = cells_[i].text;
      if (written.empty()) {
        continue;
      }
      map.found.push_back(written);
      const std::string key = normalize_name(written);
      for (std::size_t q = 0; q < kQuantityCount; ++q) {
        const auto& accepted = kQuantityNames[q].accepted;
        if (std::find(accepted.begin(), accepted.end(), key) == accepted.end()) {
          continue;
        }
        if (map.has(static_cast<Quantity>(q))) {
          fail_cell(i, written,
                    fmt::format("a second column for {} (the first is '{}' in cell {})",
                                kQuantityNames[q].label, map.name[q], map.index[q] + 1));
        }
        map.index[q] = static_cast<int>(i);
        map.name[q] = written;
      }
    }
    return map;
  }

  [[nodiscard]] static std::string accepted_names(Quantity q) {
    std::string text;
    for (const auto name : kQuantityNames[q].accepted) {
      if (!name.empty()) {
        text += text.empty() ? "" : ", ";
        text += name;
      }
    }
    return text;
  }

  [[nodiscard]] static std::string found_list(const std::vector<std::string_view>& found) {
    std::string text;
    for (const auto name : found) {
      text += text.empty() ? "" : ", ";
      text += name;
    }
    return text.empty() ? "none" : text;
  }

  /// "; did you mean 'X'?" when a found name is close to one of the accepted names.
  /// Names already recognised as another quantity are not offered (GHI is no typo of DHI).
  [[nodiscard]] static std::string did_you_mean(Quantity q, const ColumnMap& map) {
    std::vector<std::string_view> unrecognised;
    for (const auto name : map.found) {
      if (std::find(map.name.begin(), map.name.end(), name) == map.name.end()) {
        unrecognised.push_back(name);
      }
    }
    for (const auto name : kQuantityNames[q].accepted) {
      if (name.empty()) {
        break;
      }
      const std::string best = closest_match(name, unrecognised);
      if (!best.empty()) {
        return fmt::format("; did you mean '{}'?", best);
      }
    }
    return "";
  }

  void require(const ColumnMap& map, Quantity q) const {
    if (map.has(q)) {
      return;
    }
    fail(map.line_number, 1, kQuantityNames[q].label,
         fmt::format("missing required column '{}' (names accepted, ignoring case and a trailing "
                     "unit in parentheses: {}){}; columns found: {}",
                     kQuantityNames[q].label, accepted_names(q), did_you_mean(q, map),
                     found_list(map.found)));
  }

  static std::string site_name(std::string_view city, std::string_view state,
                               std::string_view fallback) {
    const auto present = [](std::string_view text) { return !text.empty() && text != "-"; };
    if (present(city) && present(state)) {
      return fmt::format("{}, {}", city, state);
    }
    if (present(city)) {
      return std::string(city);
    }
    return std::string(fallback);
  }

  void read_site_values(std::size_t latitude, std::size_t longitude, std::size_t utc_offset,
                        std::size_t elevation, std::string_view prefix) {
    WeatherSite& site = series_.site;
    site.latitude_deg = in_range(latitude, fmt::format("{}latitude", prefix), -90.0, 90.0, "deg");
    site.longitude_deg =
        in_range(longitude, fmt::format("{}longitude", prefix), -180.0, 180.0, "deg");
    site.utc_offset_h = in_range(utc_offset, fmt::format("{}time zone", prefix), -14.0, 14.0, "h");
    site.elevation_m = in_range(elevation, fmt::format("{}elevation", prefix), -500.0, 9000.0, "m");
  }

  /// Rows left in the text, as an upper bound for the columns' size.
  void reserve_rows() {
    const std::size_t capacity = lines_.lines_left();
    series_.resize(capacity);
    stamps_.reserve(capacity);
  }

  // ---- NSRDB PSM and SAM CSV ----------------------------------------------------------------

  WeatherSeries read_psm() {
    const std::vector<CsvCell> names = cells_;
    const std::string_view names_line = line_text_;
    const auto name_index = [&](std::string_view key) -> int {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (normalize_name(names[i].text) == key) {
          return static_cast<int>(i);
        }
      }
      return -1;
    };
    if (!lines_.next()) {
      fail(1, csv_column(names_line, names_line.size()), "",
           "the file ends after line 1; expected the site values on line 2");
    }
    take_line();
    std::array<std::size_t, 4> numeric{};
    constexpr std::array<std::string_view, 4> kNumericKeys = {"latitude", "longitude", "time zone",
                                                              "elevation"};
    constexpr std::array<std::string_view, 4> kNumericLabels = {"Latitude", "Longitude",
                                                                "Time Zone", "Elevation"};
    for (std::size_t k = 0; k < kNumericKeys.size(); ++k) {
      const int at = name_index(kNumericKeys[k]);
      if (at < 0) {
        std::vector<std::string_view> found;
        for (const auto& cell : names) {
          if (!cell.text.empty()) {
            found.push_back(cell.text);
          }
        }
        const std::string best = closest_match(kNumericLabels[k], found);
        fail(1, 1, kNumericLabels[k],
             fmt::format("the site header (line 1) has no '{}' field{}; fields found: {}",
                         kNumericLabels[k],
                         best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                         found_list(found)));
      }
      numeric[k] = static_cast<std::size_t>(at);
    }
    WeatherSite& site = series_.site;
    site.latitude_deg = in_range(numeric[0], "Latitude", -90.0, 90.0, "deg");
    site.longitude_deg = in_range(numeric[1], "Longitude", -180.0, 180.0, "deg");
    site.utc_offset_h = in_range(numeric[2], "Time Zone", -14.0, 14.0, "h");
    site.elevation_m = in_range(numeric[3], "Elevation", -500.0, 9000.0, "m");
    const auto text_of = [&](std::string_view key) -> std::string_view {
      const int at = name_index(key);
      return at >= 0 && static_cast<std::size_t>(at) < cells_.size()
                 ? cells_[static_cast<std::size_t>(at)].text
                 : std::string_view();
    };
    const std::string_view source = text_of("source");
    const std::string_view location_id = text_of("location id");
    std::string fallback = fmt::format("{}, {}", site.latitude_deg, site.longitude_deg);
    if (!location_id.empty() && location_id != "-") {
      fallback =
          source.empty() ? std::string(location_id) : fmt::format("{} {}", source, location_id);
    }
    site.name = site_name(text_of("city"), text_of("state"), fallback);

    if (!lines_.next()) {
      fail(2, csv_column(line_text_, line_text_.size()), "",
           "the file ends after line 2; expected the column names on line 3");
    }
    take_line();
    const ColumnMap map = map_columns();
    for (const Quantity q : {kYear, kMonth, kDay, kHour, kDni, kDhi, kTemperature, kWindSpeed}) {
      require(map, q);
    }
    if (!map.has(kGhi) && !map.has(kZenith)) {
      fail(map.line_number, 1, "GHI",
           fmt::format("missing column 'GHI', and no 'Solar Zenith Angle' column to derive it "
                       "from (GHI = DNI*cos(zenith) + DHI){}; columns found: {}",
                       did_you_mean(kGhi, map), found_list(map.found)));
    }
    series_.timing = map.has(kMinute) ? RowTiming::kInstantaneous : RowTiming::kIntervalAverage;
    read_csv_rows(map, /*native_tmy3=*/false);
    return finish(/*end_marked=*/false, map);
  }

  // ---- NREL native TMY3 CSV -----------------------------------------------------------------

  WeatherSeries read_native_tmy3(std::string_view site_line, std::string_view columns_line) {
    take(site_line, 1);
    constexpr std::size_t kSiteFields = 7;  // USAF,Name,State,TZ,lat,lon,elev
    if (cells_.size() < kSiteFields) {
      fail_cell(cells_.size(), "site",
                fmt::format("the TMY3 site line has {} fields; expected 7: USAF, Name, State, "
                            "TZ, latitude, longitude, elevation",
                            cells_.size()));
    }
    read_site_values(4, 5, 3, 6, "TMY3 ");
    series_.site.name = site_name(cells_[1].text, cells_[2].text, cells_[0].text);

    take(columns_line, 2);
    const ColumnMap map = map_columns();
    for (const Quantity q : {kDate, kTime, kGhi, kDni, kDhi, kTemperature, kWindSpeed}) {
      require(map, q);
    }
    series_.timing = RowTiming::kIntervalAverage;
    read_csv_rows(map, /*native_tmy3=*/true);
    return finish(/*end_marked=*/true, map);
  }

  // ---- rows of the CSV formats --------------------------------------------------------------

  RowStamp psm_stamp(const ColumnMap& map) const {
    RowStamp row;
    row.line = line_text_;
    row.line_number = line_number_;
    row.year = whole(map.at(kYear), map.name[kYear], 1, 9999);
    row.month = whole(map.at(kMonth), map.name[kMonth], 1, 12);
    row.day = whole(map.at(kDay), map.name[kDay], 1, 31);
    if (row.day > days_in_month(row.year, row.month)) {
      fail_cell(map.at(kDay), map.name[kDay],
                fmt::format("{:04}-{:02} has no day {}", row.year, row.month, row.day));
    }
    const int hour = whole(map.at(kHour), map.name[kHour], 0, 23);
    const int minute = map.has(kMinute) ? whole(map.at(kMinute), map.name[kMinute], 0, 59) : 0;
    row.second = hour * kSecondsPerHourInt + minute * kSecondsPerMinuteInt;
    row.offset = cells_[map.at(kHour)].offset;
    return row;
  }

  RowStamp tmy3_stamp(const ColumnMap& map) const {
    RowStamp row;
    row.line = line_text_;
    row.line_number = line_number_;
    const std::size_t date_at = map.at(kDate);
    const std::string_view date = cell(date_at, map.name[kDate]);
    const auto slash1 = date.find('/');
    const auto slash2 = slash1 == std::string_view::npos ? slash1 : date.find('/', slash1 + 1);
    if (slash2 == std::string_view::npos || !parse_int(date.substr(0, slash1), row.month) ||
        !parse_int(date.substr(slash1 + 1, slash2 - slash1 - 1), row.day) ||
        !parse_int(date.substr(slash2 + 1), row.year) || row.year < 1 || row.year > 9999 ||
        row.month < 1 || row.month > 12 || row.day < 1 ||
        row.day > days_in_month(row.year, row.month)) {
      fail_cell(date_at, map.name[kDate],
                fmt::format("expected a date MM/DD/YYYY, got \"{}\"", excerpt(date)));
    }
    const std::size_t time_at = map.at(kTime);
    const std::string_view time = cell(time_at, map.name[kTime]);
    const auto colon = time.find(':');
    int hour = 0;
    int minute = 0;
    if (colon == std::string_view::npos || !parse_int(time.substr(0, colon), hour) ||
        !parse_int(time.substr(colon + 1), minute) || minute < 0 || minute > 59 || hour < 0 ||
        hour * 60 + minute < 1 || hour * 60 + minute > 24 * 60) {
      fail_cell(time_at, map.name[kTime],
                fmt::format("expected the end of the hour as HH:MM from 01:00 to 24:00, got \"{}\"",
                            excerpt(time)));
    }
    row.second = hour * kSecondsPerHourInt + minute * kSecondsPerMinuteInt;
    row.offset = cells_[time_at].offset;
    return row;
  }

  void read_csv_rows(const ColumnMap& map, bool native_tmy3) {
    irradiance_names_ = {map.name[kGhi], map.name[kDni], map.name[kDhi]};
    albedo_name_ = map.name[kAlbedo];
    reserve_rows();
    if (!map.has(kGhi)) {
      zenith_deg_.resize(series_.size());
    }
    std::size_t row = 0;
    while (lines_.next()) {
      if (is_blank_line(lines_.line())) {
        continue;
      }
      take_line();
      stamps_.push_back(native_tmy3 ? tmy3_stamp(map) : psm_stamp(map));
      if (map.has(kGhi)) {
        series_.ghi_w_m2[row] = irradiance(map.at(kGhi), map.name[kGhi], kGhiIndex);
      } else {
        zenith_deg_[row] = in_range(map.at(kZenith), map.name[kZenith], 0.0, 180.0, "deg");
      }
      series_.dni_w_m2[row] = irradiance(map.at(kDni), map.name[kDni], kDniIndex);
      series_.dhi_w_m2[row] = irradiance(map.at(kDhi), map.name[kDhi], kDhiIndex);
      series_.temp_air_c[row] = temperature(map.at(kTemperature), map.name[kTemperature]);
      series_.wind_speed_m_s[row] = wind_speed(map.at(kWindSpeed), map.name[kWindSpeed]);
      if (map.has(kPressure)) {
        series_.pressure_mbar[row] = pressure_mbar(map.at(kPressure), map.name[kPressure]);
      }
      if (map.has(kAlbedo)) {
        series_.albedo[row] = albedo(map.at(kAlbedo), map.name[kAlbedo]);
      }
      ++row;
    }
  }

  // ---- EPW ----------------------------------------------------------------------------------

  WeatherSeries read_epw() {
    constexpr std::size_t kLocationFields = 10;
    if (cells_.size() < kLocationFields) {
      fail_cell(cells_.size(), "LOCATION",
                fmt::format("the LOCATION line has {} fields; expected 10: LOCATION, city, "
                            "state, country, source, WMO, latitude, longitude, time zone, "
                            "elevation",
                            cells_.size()));
    }
    read_site_values(6, 7, 8, 9, "LOCATION ");
    series_.site.name = site_name(cells_[1].text, cells_[2].text, cells_[5].text);
    constexpr int kHeaderLines = 8;
    while (lines_.number() < kHeaderLines) {
      if (!lines_.next()) {
        fail(lines_.number(), 1, "",
             fmt::format("the file ends at line {}; an EPW file has 8 header lines (LOCATION "
                         "... DATA PERIODS) before the data",
                         lines_.number()));
      }
    }
    take_line();
    if (cells_.empty() || !names_match(cells_[0].text, "data periods")) {
      fail(kHeaderLines, 1, "",
           fmt::format("expected the EPW header line DATA PERIODS at line 8, got \"{}\"",
                       excerpt(line_text_)));
    }

    constexpr std::string_view kYearName = "Year (field 1)";
    constexpr std::string_view kMonthName = "Month (field 2)";
    constexpr std::string_view kDayName = "Day (field 3)";
    constexpr std::string_view kHourName = "Hour (field 4)";
    constexpr std::string_view kMinuteName = "Minute (field 5)";
    constexpr std::string_view kDryBulbName = "Dry Bulb Temperature (field 7)";
    constexpr std::string_view kPressureName = "Atmospheric Station Pressure (field 10)";
    constexpr std::string_view kGhiName = "Global Horizontal Radiation (field 14)";
    constexpr std::string_view kDniName = "Direct Normal Radiation (field 15)";
    constexpr std::string_view kDhiName = "Diffuse Horizontal Radiation (field 16)";
    constexpr std::string_view kWindName = "Wind Speed (field 22)";
    constexpr std::string_view kAlbedoName = "Albedo (field 33)";
    irradiance_names_ = {kGhiName, kDniName, kDhiName};
    albedo_name_ = kAlbedoName;
    pressure_name_ = kPressureName;
    series_.timing = RowTiming::kIntervalAverage;
    reserve_rows();
    std::size_t row = 0;
    while (lines_.next()) {
      if (is_blank_line(lines_.line())) {
        continue;
      }
      take_line();
      RowStamp stamp;
      stamp.line = line_text_;
      stamp.line_number = line_number_;
      stamp.year = whole(0, kYearName, 1, 9999);
      stamp.month = whole(1, kMonthName, 1, 12);
      stamp.day = whole(2, kDayName, 1, 31);
      if (stamp.day > days_in_month(stamp.year, stamp.month)) {
        fail_cell(2, kDayName,
                  fmt::format("{:04}-{:02} has no day {}", stamp.year, stamp.month, stamp.day));
      }
      const int hour = whole(3, kHourName, 1, 24);
      const int minute = whole(4, kMinuteName, 0, 60);
      // Minute 0 (or 60) on hour h: the interval ends at h:00; minute m on hour h: at (h-1):m.
      stamp.second = minute == 0 ? hour * kSecondsPerHourInt
                                 : (hour - 1) * kSecondsPerHourInt + minute * kSecondsPerMinuteInt;
      if (stamp.second > kSecondsPerDayInt) {
        fail_cell(4, kMinuteName, fmt::format("hour {} minute {} ends after 24:00", hour, minute));
      }
      stamp.offset = cells_[3].offset;
      stamps_.push_back(stamp);
      series_.temp_air_c[row] = temperature(6, kDryBulbName);
      const double pressure_pa = number(9, kPressureName);
      if (pressure_pa >= kEpwMissingPressurePa) {
        ++missing_pressure_;
      } else {
        series_.pressure_mbar[row] = pressure_pa * kMbarPerPascal;
        if (series_.pressure_mbar[row] < kMinPressureMbar ||
            series_.pressure_mbar[row] > kMaxPressureMbar) {
          fail_cell(
              9, kPressureName,
              fmt::format("{} Pa is outside the accepted range {} to {} Pa", cells_[9].text,
                          kMinPressureMbar / kMbarPerPascal, kMaxPressureMbar / kMbarPerPascal));
        }
      }
      series_.ghi_w_m2[row] = irradiance(13, kGhiName, kGhiIndex);
      series_.dni_w_m2[row] = irradiance(14, kDniName, kDniIndex);
      series_.dhi_w_m2[row] = irradiance(15, kDhiName, kDhiIndex);
      series_.wind_speed_m_s[row] = wind_speed(21, kWindName);
      constexpr std::size_t kAlbedoCell = 32;
      if (cells_.size() > kAlbedoCell && !cells_[kAlbedoCell].text.empty()) {
        series_.albedo[row] = albedo(kAlbedoCell, kAlbedoName);
      } else {
        ++missing_albedo_;
      }
      ++row;
    }
    ColumnMap map;
    map.index.fill(-1);
    map.index[kGhi] = 13;
    map.line_number = kHeaderLines;
    return finish(/*end_marked=*/true, map);
  }

  // ---- timing, derived values and warnings --------------------------------------------------

  /// Checks order and spacing, finds the interval and fills `time` (interval starts).
  void finish_times(bool end_marked) {
    const std::size_t rows = stamps_.size();
    if (rows < 2) {
      fail(lines_.number(), 1, "",
           fmt::format("the file has {} data row{}; expected whole days of evenly spaced rows",
                       rows, rows == 1 ? "" : "s"));
    }
    const std::int64_t interval_s = position_in_year_s(stamps_[1]) - position_in_year_s(stamps_[0]);
    if (interval_s <= 0 || interval_s > kSecondsPerHourInt || interval_s % 60 != 0 ||
        kSecondsPerHourInt % interval_s != 0) {
      fail_row(stamps_[1],
               fmt::format("the first two rows are {} and {}: rows must be evenly spaced in time "
                           "order by a whole number of minutes that divides one hour (1 to 60 min)",
                           describe_stamp(stamps_[0]), describe_stamp(stamps_[1])));
    }
    series_.interval_s = interval_s;
    // Rows of end-marked formats (01:00 .. 24:00) stand for the interval before their time.
    const std::int64_t shift_s = end_marked ? interval_s : 0;
    const std::int64_t first_start_s = stamps_[0].second - shift_s;
    if (first_start_s < 0 || first_start_s >= interval_s) {
      fail_row(stamps_[0],
               fmt::format("the data start at {}; they must start with the first {} of a day "
                           "(the one from 00:00) and cover whole days",
                           describe_stamp(stamps_[0]), describe_seconds(interval_s)));
    }
    for (std::size_t i = 1; i < rows; ++i) {
      const RowStamp& previous = stamps_[i - 1];
      const RowStamp& current = stamps_[i];
      const std::int64_t step = position_in_year_s(current) - position_in_year_s(previous);
      const bool leap_day_skipped = previous.month == 2 && previous.day == 28 &&
                                    current.month == 3 && current.day == 1 &&
                                    step == interval_s + kSecondsPerDayInt;
      const bool new_year = previous.month == 12 && previous.day == 31 && current.month == 1 &&
                            current.day == 1 && step + kLeapYearSeconds == interval_s;
      if (step != interval_s && !leap_day_skipped && !new_year) {
        fail_row(current, fmt::format("found {} after {} (line {}); rows must be consecutive "
                                      "intervals of {} in time order (29 February may be absent)",
                                      describe_stamp(current), describe_stamp(previous),
                                      previous.line_number, describe_seconds(interval_s)));
      }
    }
    const RowStamp& last = stamps_.back();
    if (last.second - shift_s < kSecondsPerDayInt - interval_s) {
      fail_row(last, fmt::format("the data end at {} after {} rows of {}, not at the end of a day: "
                                 "a weather file must cover whole days",
                                 describe_stamp(last), rows, describe_seconds(interval_s)));
    }
    series_.resize(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      const RowStamp& row = stamps_[i];
      series_.time[i] = LocalTime{
          days_from_civil(row.year, row.month, row.day) * kSecondsPerDayInt + row.second - shift_s};
    }
  }

  WeatherSeries finish(bool end_marked, const ColumnMap& map) {
    finish_times(end_marked);
    const std::size_t rows = series_.size();
    auto& warnings = series_.warnings;
    for (std::size_t k = 0; k < negative_counts_.size(); ++k) {
      if (negative_counts_[k] > 0) {
        warnings.push_back(fmt::format("{}: {} small negative value{} (-{} to 0 W/m2) set to 0",
                                       irradiance_names_[k], negative_counts_[k],
                                       negative_counts_[k] == 1 ? "" : "s", kNegativeToleranceWm2));
      }
    }
    if (!map.has(kGhi)) {
      for (std::size_t i = 0; i < rows; ++i) {
        const double cos_zenith = std::cos(zenith_deg_[i] * kDegToRad);
        const double ghi = series_.dni_w_m2[i] * std::max(0.0, cos_zenith) + series_.dhi_w_m2[i];
        if (ghi > kMaxIrradianceWm2) {
          fail(stamps_[i].line_number, 1, "GHI",
               fmt::format("GHI derived as DNI*cos(zenith) + DHI is {} W/m2, above the physical "
                           "limit of {} W/m2",
                           ghi, kMaxIrradianceWm2));
        }
        series_.ghi_w_m2[i] = ghi;
      }
      warnings.push_back(
          fmt::format("GHI: no GHI column; derived as DNI*cos(zenith) + DHI from "
                      "'{}' for all {} rows",
                      map.name[kZenith], rows));
    } else {
      std::size_t excess = 0;
      for (std::size_t i = 0; i < rows; ++i) {
        if (series_.dhi_w_m2[i] > series_.ghi_w_m2[i] + kDiffuseExcessToleranceWm2) {
          ++excess;
        }
      }
      if (excess > 0) {
        warnings.push_back(
            fmt::format("{}: exceeds {} by more than {} W/m2 in {} row{} (kept as "
                        "read)",
                        irradiance_names_[kDhiIndex], irradiance_names_[kGhiIndex],
                        kDiffuseExcessToleranceWm2, excess, excess == 1 ? "" : "s"));
      }
    }
    if (missing_albedo_ > 0 && missing_albedo_ < rows) {
      warnings.push_back(fmt::format("{}: {} missing value{} (999) left as NaN", albedo_name_,
                                     missing_albedo_, missing_albedo_ == 1 ? "" : "s"));
    }
    if (missing_pressure_ > 0 && missing_pressure_ < rows) {
      warnings.push_back(fmt::format("{}: {} missing value{} (999999) left as NaN", pressure_name_,
                                     missing_pressure_, missing_pressure_ == 1 ? "" : "s"));
    }
    return std::move(series_);
  }

  WeatherSeries series_;
  std::vector<RowStamp> stamps_;
  std::vector<double> zenith_deg_;
  std::array<std::size_t, 3> negative_counts_{};
  std::array<std::string_view, 3> irradiance_names_{};
  std::string_view albedo_name_;
  std::string_view pressure_name_;
  std::size_t missing_albedo_ = 0;
  std::size_t missing_pressure_ = 0;
};

}  // namespace

WeatherSeries read_weather_text(std::string_view text, const std::string& name) {
  return Reader(text, name).read();
}

WeatherSeries read_weather_file(const std::filesystem::path& path) {
  const FileText text = read_text_file(path);
  return read_weather_text(text, path.string());
}

}  // namespace stargate
