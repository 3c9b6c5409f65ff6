// Carbon-intensity reader; rules in docs/market.md (keep the two in step).
#include "stargate/io/carbon_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
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
#include "stargate/io/price_reader.hpp"

namespace stargate {
namespace {

std::string unit_name(CarbonUnit unit) {
  switch (unit) {
    case CarbonUnit::kLbPerKwh: return "lb/kWh";
    case CarbonUnit::kKgPerMwh: return "kg/MWh";
    case CarbonUnit::kGPerKwh: return "g/kWh";
    case CarbonUnit::kTonnePerMwh: return "t/MWh";
  }
  return "?";
}

/// Sets negative values to 0; the warning names the column and the count.
void clamp_negative(MarketSeries& series) {
  std::size_t negative = 0;
  for (double& value : series.value) {
    if (value < 0.0) {
      value = 0.0;
      ++negative;
    }
  }
  if (negative > 0) {
    series.warnings.push_back(fmt::format("{}: {} negative value{} set to 0", series.name, negative,
                                          negative == 1 ? "" : "s"));
  }
}

class HourOfYearReader : public CsvRowReader {
 public:
  HourOfYearReader(std::string_view text, std::string name, const CarbonCsvOptions& options)
      : CsvRowReader(text, std::move(name)), options_(options) {}

  MarketSeries read() {
    series_.source = name_;
    series_.quantity = MarketQuantity::kCarbonIntensity;
    series_.utc_offset_s = options_.standard_utc_offset_s;
    series_.interval_s = kSecondsPerHourInt;
    if (!lines_.next()) {
      fail(1, 1, "", "the file is empty; expected a header line naming the columns");
    }
    header_text_ = lines_.line();
    header_line_ = lines_.number();
    split_csv_line(header_text_, header_);
    std::vector<std::string_view> found;
    for (const CsvCell& c : header_) {
      if (!c.text.empty()) {
        found.push_back(c.text);
      }
    }
    const auto hour_at = find({"timestamp", "hourofyear", "hour"});
    if (!hour_at) {
      fail(header_line_, 1, "Timestamp",
           fmt::format("no hour-of-year column (Timestamp, Hour of Year or Hour, 0-based) and no "
                       "time column configured; columns found: {}",
                       join(found)));
    }
    const auto value_at = find({column_key(options_.column)});
    if (!value_at) {
      const std::string close = closest_match(options_.column, found);
      fail(header_line_, 1, options_.column,
           fmt::format("no column '{}' in the header; columns found: {}{}", options_.column,
                       join(found),
                       close.empty() ? "" : fmt::format("; did you mean '{}'?", close)));
    }
    const auto month_at = find({"month"});
    if (options_.year <= 0) {
      fail(header_line_, csv_column(header_text_, header_[*hour_at].offset), "year",
           "rows are indexed by hour of the year, which does not name the year: give the year");
    }
    const std::string hour_label(header_[*hour_at].text);
    const std::string value_label(header_[*value_at].text);
    series_.name = value_label;
    const double factor = kg_per_mwh_factor(options_.unit);
    const std::int64_t start_s = days_from_civil(options_.year, 1, 1) * kSecondsPerDayInt;
    const std::int64_t hours_in_year =
        (is_leap_year(options_.year) ? 366 : 365) * kSecondsPerDayInt / kSecondsPerHourInt;
    series_.time.reserve(lines_.lines_left());
    series_.value.reserve(lines_.lines_left());
    std::int64_t expected_hour = 0;
    while (next_row()) {
      const double hour = number(*hour_at, hour_label, "");
      if (hour != static_cast<double>(expected_hour)) {
        fail_cell(*hour_at, hour_label,
                  fmt::format("expected hour {} of the year (rows are consecutive hours from 0), "
                              "got {}",
                              expected_hour, cells_[*hour_at].text));
      }
      if (expected_hour >= hours_in_year) {
        fail_cell(*hour_at, hour_label,
                  fmt::format("hour {} is past the end of {} ({} hours)", expected_hour,
                              options_.year, hours_in_year));
      }
      const LocalTime time{start_s + expected_hour * kSecondsPerHourInt};
      if (month_at) {
        const double month = number(*month_at, header_[*month_at].text, "");
        const int expected_month = civil_from_local(time).month;
        if (month != static_cast<double>(expected_month)) {
          fail_cell(
              *month_at, header_[*month_at].text,
              fmt::format("hour {} of {} in standard time is in month {}, but the row says "
                          "{} (a file for another year?)",
                          expected_hour, options_.year, expected_month, cells_[*month_at].text));
        }
      }
      const double value = number(*value_at, value_label, unit_name(options_.unit));
      series_.time.push_back(time);
      series_.value.push_back(value * factor);
      ++expected_hour;
    }
    if (series_.time.empty()) {
      fail(lines_.number(), 1, "", "the file has no data rows");
    }
    clamp_negative(series_);
    return std::move(series_);
  }

 private:
  [[nodiscard]] std::optional<std::size_t> find(std::initializer_list<std::string> keys) const {
    for (const auto& key : keys) {
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (!header_[i].text.empty() && column_key(header_[i].text) == key) {
          return i;
        }
      }
    }
    return std::nullopt;
  }

  static std::string join(const std::vector<std::string_view>& names) {
    std::string text;
    for (const auto name : names) {
      text += text.empty() ? "" : ", ";
      text += name;
    }
    return text.empty() ? "none" : text;
  }

  [[nodiscard]] double number(std::size_t index, std::string_view field,
                              std::string_view unit) const {
    if (index >= cells_.size()) {
      fail_cell(index, field,
                fmt::format("the row ends after {} cells; expected {} in cell {}", cells_.size(),
                            field, index + 1));
    }
    const std::string_view text = cells_[index].text;
    const std::string unit_note = unit.empty() ? "" : fmt::format(" ({})", unit);
    if (text.empty()) {
      fail_cell(index, field, fmt::format("empty cell, expected a number{}", unit_note));
    }
    double value = 0.0;
    if (!parse_csv_number(text, value)) {
      fail_cell(index, field,
                fmt::format("expected a number{}, got \"{}\"", unit_note, excerpt(text)));
    }
    if (!std::isfinite(value)) {
      fail_cell(index, field,
                fmt::format("expected a finite number{}, got \"{}\"", unit_note, text));
    }
    return value;
  }

  CarbonCsvOptions options_;
  std::string_view header_text_;
  int header_line_ = 1;
  std::vector<CsvCell> header_;
  MarketSeries series_;
};

}  // namespace

double kg_per_mwh_factor(CarbonUnit unit) {
  switch (unit) {
    case CarbonUnit::kLbPerKwh: return kKgPerMwhPerLbPerKwh;
    case CarbonUnit::kKgPerMwh:
    case CarbonUnit::kGPerKwh: return 1.0;  // 1 g/kWh = 1000 g/MWh = 1 kg/MWh
    case CarbonUnit::kTonnePerMwh: return kKgPerTonne;
  }
  return 1.0;
}

MarketSeries read_carbon_csv_text(std::string_view text, const std::string& name,
                                  const CarbonCsvOptions& options) {
  if (options.time_column.empty()) {
    return HourOfYearReader(text, name, options).read();
  }
  MarketCsvOptions csv;
  csv.time_column = options.time_column;
  csv.value_column = options.column;
  csv.standard_utc_offset_s = options.standard_utc_offset_s;
  MarketSeries series = read_market_csv_text(text, name, csv, MarketQuantity::kCarbonIntensity);
  const double factor = kg_per_mwh_factor(options.unit);
  for (double& value : series.value) {
    value *= factor;
  }
  clamp_negative(series);
  return series;
}

MarketSeries read_carbon_csv(const std::filesystem::path& path, const CarbonCsvOptions& options) {
  const FileText text = read_text_file(path);
  return read_carbon_csv_text(text, path.string(), options);
}

}  // namespace stargate
