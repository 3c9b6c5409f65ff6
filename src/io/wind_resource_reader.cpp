// SRW reader: one pass over the text, cells as views (csv_table.hpp), numbers with from_chars.
// The rules are listed in wind_resource_reader.hpp and docs/wind.md; keep the three in step.
#include "stargate/io/wind_resource_reader.hpp"
#include "stargate/core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "io/csv_table.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {
namespace {

constexpr std::size_t kMinLocationCells = 8;  // id, city, state, country, year, lat, lon, elev
constexpr std::size_t kYearCell = 4;
constexpr std::size_t kLatitudeCell = 5;
constexpr std::size_t kLongitudeCell = 6;
constexpr std::size_t kElevationCell = 7;
constexpr std::size_t kIntervalCell = 8;
constexpr std::size_t kRowsCell = 9;
// Plausibility limits: outside them a value is an error (usually a missing-value marker).
constexpr double kMaxSpeedMS = 120.0;  // ssc's limit (highest gust on record 113 m/s)
constexpr double kMinTemperatureC = -95.0;
constexpr double kMaxTemperatureC = 65.0;
constexpr double kMinPressureAtm = 0.3;
constexpr double kMaxPressureAtm = 1.2;
constexpr double kMaxYear = 9999.0;
constexpr double kMaxLatitudeDeg = 90.0;
constexpr double kMaxLongitudeDeg = 180.0;
constexpr std::int64_t kMinIntervalS = 60;
// Unit conversions.

enum class Unit {
  kCelsius,
  kFahrenheit,
  kKelvin,
  kAtm,
  kPa,
  kKpa,
  kHpa,
  kBar,
  kMs,
  kMph,
  kKmh,
  kDeg
};

struct ColumnSpec {
  WindField field = WindField::kSpeed;
  Unit unit = Unit::kMs;
  double height_m = 0.0;
  std::string label;  ///< "Speed@80m" for messages
};

[[noreturn]] void fail(const std::string& file, int line, int column, std::string field,
                       std::string message) {
  throw InputError(
      Diagnostic{SourceLocation{file, line, column}, std::move(field), std::move(message)});
}

bool field_from_name(std::string_view name, WindField& field) {
  const std::string n = ascii_lower(name);
  if (n == "temperature" || n == "temp") {
    field = WindField::kTemperature;
  } else if (n == "pressure" || n == "pres") {
    field = WindField::kPressure;
  } else if (n == "speed" || n == "velocity") {
    field = WindField::kSpeed;
  } else if (n == "direction" || n == "dir") {
    field = WindField::kDirection;
  } else {
    return false;
  }
  return true;
}

Unit default_unit(WindField field) {
  switch (field) {
    case WindField::kTemperature: return Unit::kCelsius;
    case WindField::kPressure: return Unit::kAtm;
    case WindField::kSpeed: return Unit::kMs;
    case WindField::kDirection: return Unit::kDeg;
  }
  return Unit::kMs;
}

bool unit_from_text(WindField field, std::string_view text, Unit& unit) {
  const std::string u = ascii_lower(text);
  switch (field) {
    case WindField::kTemperature:
      if (u == "c" || u == "degc" || u == "celsius" || u == "deg c") {
        unit = Unit::kCelsius;
      } else if (u == "f" || u == "degf") {
        unit = Unit::kFahrenheit;
      } else if (u == "k") {
        unit = Unit::kKelvin;
      } else {
        return false;
      }
      return true;
    case WindField::kPressure:
      if (u == "atm") {
        unit = Unit::kAtm;
      } else if (u == "pa") {
        unit = Unit::kPa;
      } else if (u == "kpa") {
        unit = Unit::kKpa;
      } else if (u == "hpa" || u == "mbar" || u == "mb") {
        unit = Unit::kHpa;
      } else if (u == "bar") {
        unit = Unit::kBar;
      } else {
        return false;
      }
      return true;
    case WindField::kSpeed:
      if (u == "m/s" || u == "ms" || u == "m s-1") {
        unit = Unit::kMs;
      } else if (u == "mph") {
        unit = Unit::kMph;
      } else if (u == "km/h" || u == "kph") {
        unit = Unit::kKmh;
      } else {
        return false;
      }
      return true;
    case WindField::kDirection:
      if (u == "degrees" || u == "degree" || u == "deg") {
        unit = Unit::kDeg;
        return true;
      }
      return false;
  }
  return false;
}

double to_internal(Unit unit, double value) {
  switch (unit) {
    case Unit::kCelsius: return value;
    case Unit::kFahrenheit: return (value - kZeroCelsiusF) * kCelsiusPerFahrenheit;
    case Unit::kKelvin: return value - kZeroCelsiusK;
    case Unit::kAtm: return value;
    case Unit::kPa: return value / kPascalPerAtm;
    case Unit::kKpa: return value * kPascalPerKpa / kPascalPerAtm;
    case Unit::kHpa: return value * kPascalPerHpa / kPascalPerAtm;
    case Unit::kBar: return value * kPascalPerBar / kPascalPerAtm;
    case Unit::kMs: return value;
    case Unit::kMph: return value * kMetresPerMile / kSecondsPerHour;
    case Unit::kKmh: return value * kMetresPerKm / kSecondsPerHour;
    case Unit::kDeg: return value;
  }
  return value;
}

std::string format_height(double height_m) {
  return fmt::format("{:g}m", height_m);
}

/// Reads the next line, which must exist (header lines).
void require_line(CsvLines& lines, const std::string& file, const char* what) {
  if (!lines.next()) {
    fail(file, lines.number() + 1, 0, "",
         fmt::format("SRW header ends early: line {} ({}) is missing", lines.number() + 1, what));
  }
}

struct Header {
  WindSite site;
  std::int64_t interval_s = kSecondsPerHourInt;
  std::size_t stated_rows = 0;  ///< 0 when line 1 does not say
  std::vector<ColumnSpec> columns;
  int empty_units = 0;
};

Header read_header(CsvLines& lines, const std::string& file, std::vector<std::string>& warnings) {
  Header header;
  std::vector<CsvCell> cells;

  // Line 1: location.
  require_line(lines, file, "location");
  std::string_view line = lines.line();
  split_csv_line(line, cells);
  if (cells.size() < kMinLocationCells) {
    fail(file, lines.number(), 1, "location",
         fmt::format("expected at least {} cells (id, city, state, country, year, latitude, "
                     "longitude, elevation), found {}",
                     kMinLocationCells, cells.size()));
  }
  auto cell_number = [&](std::size_t index, const char* field, double& value) {
    if (!parse_csv_number(cells[index].text, value) || !std::isfinite(value)) {
      fail(file, lines.number(), csv_column(line, cells[index].offset), field,
           fmt::format("expected a number, found '{}'", cells[index].text));
    }
  };
  header.site.location_id = std::string(cells[0].text);
  header.site.city = std::string(cells[1].text);
  header.site.state = std::string(cells[2].text);
  header.site.country = std::string(cells[3].text);
  double year = 0.0;
  cell_number(kYearCell, "year", year);
  if (year != std::floor(year) || year < 1.0 || year > kMaxYear) {
    fail(file, lines.number(), csv_column(line, cells[kYearCell].offset), "year",
         fmt::format("expected a whole year, found '{}'", cells[kYearCell].text));
  }
  header.site.year = static_cast<int>(year);
  cell_number(kLatitudeCell, "latitude", header.site.latitude_deg);
  if (std::abs(header.site.latitude_deg) > kMaxLatitudeDeg) {
    fail(file, lines.number(), csv_column(line, cells[kLatitudeCell].offset), "latitude",
         fmt::format("expected -90..90 deg, found {}", header.site.latitude_deg));
  }
  cell_number(kLongitudeCell, "longitude", header.site.longitude_deg);
  if (std::abs(header.site.longitude_deg) > kMaxLongitudeDeg) {
    fail(file, lines.number(), csv_column(line, cells[kLongitudeCell].offset), "longitude",
         fmt::format("expected -180..180 deg, found {}", header.site.longitude_deg));
  }
  double elevation = 0.0;
  if (parse_csv_number(cells[kElevationCell].text, elevation) && std::isfinite(elevation)) {
    header.site.elevation_m = elevation;
  } else {
    warnings.push_back(fmt::format("{}:{}: elevation '{}' is not a number: site elevation unknown",
                                   file, lines.number(), cells[kElevationCell].text));
  }
  if (cells.size() > kIntervalCell && !cells[kIntervalCell].text.empty()) {
    double interval_h = 0.0;
    cell_number(kIntervalCell, "interval", interval_h);
    const double interval_s = interval_h * kSecondsPerHour;
    const auto rounded = static_cast<std::int64_t>(std::llround(interval_s));
    if (!(interval_h > 0.0) || std::abs(interval_s - static_cast<double>(rounded)) > 1e-6 ||
        rounded < kMinIntervalS || rounded > kSecondsPerHourInt ||
        kSecondsPerHourInt % rounded != 0) {
      fail(file, lines.number(), csv_column(line, cells[kIntervalCell].offset), "interval",
           fmt::format("expected an interval in hours that divides one hour (1, 0.5, 0.25, ...), "
                       "found '{}'",
                       cells[kIntervalCell].text));
    }
    header.interval_s = rounded;
  }
  if (cells.size() > kRowsCell && !cells[kRowsCell].text.empty()) {
    double rows = 0.0;
    cell_number(kRowsCell, "rows", rows);
    if (rows < 1.0 || rows != std::floor(rows)) {
      fail(file, lines.number(), csv_column(line, cells[kRowsCell].offset), "rows",
           fmt::format("expected a whole number of rows, found '{}'", cells[kRowsCell].text));
    }
    header.stated_rows = static_cast<std::size_t>(rows);
  }

  // Line 2: description.
  require_line(lines, file, "description");
  {
    std::string_view description = lines.line();
    while (!description.empty() && description.back() == ',') {
      description.remove_suffix(1);
    }
    header.site.description = std::string(description);
  }

  // Line 3: field names.
  require_line(lines, file, "field names");
  const int names_line = lines.number();
  const std::string names_text(lines.line());
  std::vector<CsvCell> name_cells;
  split_csv_line(names_text, name_cells);
  while (!name_cells.empty() && name_cells.back().text.empty()) {
    name_cells.pop_back();  // trailing commas
  }
  for (const CsvCell& cell : name_cells) {
    ColumnSpec spec;
    if (!field_from_name(cell.text, spec.field)) {
      fail(file, names_line, csv_column(names_text, cell.offset), "field",
           fmt::format("unknown field '{}'; expected Temperature, Pressure, Speed or Direction",
                       cell.text));
    }
    header.columns.push_back(spec);
  }
  if (header.columns.empty()) {
    fail(file, names_line, 1, "field", "no field names on line 3");
  }

  // Line 4: units.
  require_line(lines, file, "units");
  {
    line = lines.line();
    split_csv_line(line, cells);
    for (std::size_t i = 0; i < header.columns.size(); ++i) {
      ColumnSpec& spec = header.columns[i];
      if (i >= cells.size() || cells[i].text.empty()) {
        spec.unit = default_unit(spec.field);
        ++header.empty_units;
        continue;
      }
      if (!unit_from_text(spec.field, cells[i].text, spec.unit)) {
        fail(file, lines.number(), csv_column(line, cells[i].offset), wind_field_name(spec.field),
             fmt::format("unknown unit '{}' for {}", cells[i].text, wind_field_name(spec.field)));
      }
    }
  }

  // Line 5: heights.
  require_line(lines, file, "heights");
  line = lines.line();
  split_csv_line(line, cells);
  while (cells.size() > header.columns.size() && cells.back().text.empty()) {
    cells.pop_back();
  }
  if (cells.size() != header.columns.size()) {
    fail(file, lines.number(), 1, "height",
         fmt::format("line 5 has {} heights but line 3 names {} fields", cells.size(),
                     header.columns.size()));
  }
  for (std::size_t i = 0; i < header.columns.size(); ++i) {
    ColumnSpec& spec = header.columns[i];
    double height = 0.0;
    if (!parse_csv_number(cells[i].text, height) || !std::isfinite(height) || !(height > 0.0)) {
      fail(file, lines.number(), csv_column(line, cells[i].offset), wind_field_name(spec.field),
           fmt::format("expected a height in m above 0, found '{}'", cells[i].text));
    }
    spec.height_m = height;
    spec.label = fmt::format("{}@{}", wind_field_name(spec.field), format_height(height));
    for (std::size_t j = 0; j < i; ++j) {
      if (header.columns[j].field == spec.field && header.columns[j].height_m == height) {
        fail(file, lines.number(), csv_column(line, cells[i].offset), spec.label,
             fmt::format("{} at {} is given twice (columns {} and {})", wind_field_name(spec.field),
                         format_height(height), j + 1, i + 1));
      }
    }
  }
  bool has_speed = false;
  for (const ColumnSpec& spec : header.columns) {
    has_speed = has_speed || spec.field == WindField::kSpeed;
  }
  if (!has_speed) {
    fail(file, names_line, 1, "Speed", "no Speed column: the file has no wind speed");
  }
  return header;
}

}  // namespace

WindResource read_wind_resource_text(std::string_view text, const std::string& name) {
  WindResource resource;
  resource.source = name;
  CsvLines lines(text);
  Header header = read_header(lines, name, resource.warnings);
  resource.site = header.site;
  resource.interval_s = header.interval_s;
  resource.timing = RowTiming::kIntervalAverage;

  // Columns: one vector per (field, height), filled in file order.
  const std::size_t width = header.columns.size();
  std::vector<std::vector<double>> values(width);
  const std::size_t expected = header.stated_rows > 0 ? header.stated_rows : lines.lines_left();
  for (auto& column : values) {
    column.reserve(expected);
  }
  std::vector<CsvCell> cells;
  int wrapped_directions = 0;
  int blank_lines = 0;
  int first_blank_line = 0;
  while (lines.next()) {
    const std::string_view line = lines.line();
    if (is_blank_line(line)) {
      if (blank_lines == 0) {
        first_blank_line = lines.number();
      }
      ++blank_lines;
      continue;
    }
    if (blank_lines > 0) {
      fail(name, first_blank_line, 1, "", "blank line inside the data");
    }
    split_csv_line(line, cells);
    if (cells.size() < width) {
      fail(name, lines.number(), csv_column(line, line.size()) + 1,
           header.columns[cells.size()].label,
           fmt::format("row has {} cells, {} expected", cells.size(), width));
    }
    for (std::size_t i = 0; i < width; ++i) {
      const ColumnSpec& spec = header.columns[i];
      double value = 0.0;
      if (!parse_csv_number(cells[i].text, value) || !std::isfinite(value)) {
        fail(name, lines.number(), csv_column(line, cells[i].offset), spec.label,
             fmt::format("expected a number, found '{}'", cells[i].text));
      }
      value = to_internal(spec.unit, value);
      switch (spec.field) {
        case WindField::kSpeed:
          if (value < 0.0 || value > kMaxSpeedMS) {
            fail(name, lines.number(), csv_column(line, cells[i].offset), spec.label,
                 fmt::format("wind speed {} m/s is outside 0..{} m/s", value, kMaxSpeedMS));
          }
          break;
        case WindField::kTemperature:
          if (value < kMinTemperatureC || value > kMaxTemperatureC) {
            fail(name, lines.number(), csv_column(line, cells[i].offset), spec.label,
                 fmt::format("temperature {} C is outside {}..{} C", value, kMinTemperatureC,
                             kMaxTemperatureC));
          }
          break;
        case WindField::kPressure:
          if (value < kMinPressureAtm || value > kMaxPressureAtm) {
            fail(name, lines.number(), csv_column(line, cells[i].offset), spec.label,
                 fmt::format("pressure {} atm is outside {}..{} atm (check the unit on line 4)",
                             value, kMinPressureAtm, kMaxPressureAtm));
          }
          break;
        case WindField::kDirection:
          if (value < 0.0 || value >= kFullCircleDeg) {
            value = std::fmod(value, kFullCircleDeg);
            if (value < 0.0) {
              value += kFullCircleDeg;
            }
            ++wrapped_directions;
          }
          break;
      }
      values[i].push_back(value);
    }
  }
  const std::size_t rows = values.front().size();
  if (rows == 0) {
    fail(name, lines.number(), 0, "", "the file has no data rows after the 5 header lines");
  }
  if (header.stated_rows > 0 && rows != header.stated_rows) {
    fail(name, lines.number() - blank_lines, 1, "rows",
         fmt::format("line 1 states {} rows but the file has {}", header.stated_rows, rows));
  }
  resource.time = wind_row_stamps(resource.site.year, resource.interval_s, rows);
  for (std::size_t i = 0; i < width; ++i) {
    resource.at_height(header.columns[i].height_m).column(header.columns[i].field) =
        std::move(values[i]);
  }
  if (wrapped_directions > 0) {
    resource.warnings.push_back(fmt::format(
        "{}: {} wind directions outside [0, 360) deg wrapped into it", name, wrapped_directions));
  }
  if (blank_lines > 0) {
    resource.warnings.push_back(
        fmt::format("{}: {} blank lines after the data ignored", name, blank_lines));
  }
  if (header.empty_units > 0) {
    resource.warnings.push_back(
        fmt::format("{}:4: {} empty unit cells: SRW defaults assumed (C, atm, m/s, degrees)", name,
                    header.empty_units));
  }
  return resource;
}

WindResource read_wind_resource_file(const std::filesystem::path& path) {
  const FileText text = read_text_file(path);
  return read_wind_resource_text(text, path.string());
}

}  // namespace stargate
