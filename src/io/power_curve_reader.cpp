#include "stargate/io/power_curve_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "io/csv_table.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {
namespace {

constexpr std::size_t kMinPoints = 3;
constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

[[noreturn]] void fail(const std::string& file, int line, int column, std::string field,
                       std::string message) {
  throw InputError(
      Diagnostic{SourceLocation{file, line, column}, std::move(field), std::move(message)});
}

/// Lower case, '_' as ' ', a trailing "[unit]" or "(unit)" removed, spaces trimmed.
std::string normalize(std::string_view name) {
  for (const char close : {']', ')'}) {
    if (name.ends_with(close)) {
      const auto open = name.rfind(close == ']' ? '[' : '(');
      if (open != std::string_view::npos) {
        name = name.substr(0, open);
      }
    }
  }
  std::string out;
  for (const char c : name) {
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : (c == '_' ? ' ' : c));
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

bool is_speed_name(const std::string& n) {
  return n == "wind speed m s" || n == "wind speed" || n == "ws" || n == "speed" ||
         n == "wind speed ms";
}

bool is_power_name(const std::string& n) {
  return n == "power kw" || n == "power" || n == "power output" || n == "kw";
}

}  // namespace

PowerCurve read_power_curve_text(std::string_view text, const std::string& name,
                                 double rotor_diameter_m) {
  PowerCurve curve;
  curve.name = std::filesystem::path(name).stem().string();
  curve.rotor_diameter_m = rotor_diameter_m;
  CsvLines lines(text);
  std::vector<CsvCell> cells;
  std::size_t speed_col = kNotFound;
  std::size_t power_col = kNotFound;
  int header_line = 0;
  double previous_speed = 0.0;
  int last_line = 0;
  while (lines.next()) {
    const std::string_view line = lines.line();
    if (is_blank_line(line)) {
      continue;
    }
    if (line.front() == '#') {
      if (curve.source.empty()) {
        std::string_view comment = line.substr(1);
        while (!comment.empty() && comment.front() == ' ') {
          comment.remove_prefix(1);
        }
        curve.source = std::string(comment);
      }
      continue;
    }
    split_csv_line(line, cells);
    if (header_line == 0) {
      header_line = lines.number();
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string n = normalize(cells[i].text);
        if (speed_col == kNotFound && is_speed_name(n)) {
          speed_col = i;
        } else if (power_col == kNotFound && is_power_name(n)) {
          power_col = i;
        }
      }
      if (speed_col == kNotFound || power_col == kNotFound) {
        fail(name, header_line, 1, speed_col == kNotFound ? "wind_speed_m_s" : "power_kw",
             fmt::format("header '{}' lacks a {} column (expected 'wind_speed_m_s,power_kw')", line,
                         speed_col == kNotFound ? "wind speed" : "power"));
      }
      continue;
    }
    last_line = lines.number();
    const std::size_t needed = std::max(speed_col, power_col) + 1;
    if (cells.size() < needed) {
      fail(name, lines.number(), static_cast<int>(line.size()) + 1,
           cells.size() <= speed_col ? "wind_speed_m_s" : "power_kw",
           fmt::format("row has {} cells, {} expected", cells.size(), needed));
    }
    double speed = 0.0;
    double power = 0.0;
    const CsvCell& speed_cell = cells[speed_col];
    const CsvCell& power_cell = cells[power_col];
    if (!parse_csv_number(speed_cell.text, speed) || !std::isfinite(speed)) {
      fail(name, lines.number(), csv_column(line, speed_cell.offset), "wind_speed_m_s",
           fmt::format("expected a number, found '{}'", speed_cell.text));
    }
    if (!parse_csv_number(power_cell.text, power) || !std::isfinite(power)) {
      fail(name, lines.number(), csv_column(line, power_cell.offset), "power_kw",
           fmt::format("expected a number, found '{}'", power_cell.text));
    }
    if (speed < 0.0) {
      fail(name, lines.number(), csv_column(line, speed_cell.offset), "wind_speed_m_s",
           fmt::format("wind speed {} m/s is negative", speed));
    }
    if (!curve.wind_speed_m_s.empty() && !(speed > previous_speed)) {
      fail(name, lines.number(), csv_column(line, speed_cell.offset), "wind_speed_m_s",
           fmt::format("wind speeds must increase strictly: {} m/s follows {} m/s", speed,
                       previous_speed));
    }
    if (power < 0.0) {
      fail(name, lines.number(), csv_column(line, power_cell.offset), "power_kw",
           fmt::format("power {} kW is negative", power));
    }
    previous_speed = speed;
    curve.wind_speed_m_s.push_back(speed);
    curve.power_kw.push_back(power);
  }
  if (header_line == 0) {
    fail(name, lines.number(), 0, "", "no header line 'wind_speed_m_s,power_kw'");
  }
  if (curve.wind_speed_m_s.size() < kMinPoints) {
    fail(name, last_line > 0 ? last_line : header_line, 1, "",
         fmt::format("{} points, a power curve needs at least {}", curve.wind_speed_m_s.size(),
                     kMinPoints));
  }
  curve.rated_kw = *std::max_element(curve.power_kw.begin(), curve.power_kw.end());
  if (!(curve.rated_kw > 0.0)) {
    fail(name, last_line, 1, "power_kw", "no point has power above 0");
  }
  if (curve.source.empty()) {
    curve.source = name;
  }
  return curve;
}

PowerCurve read_power_curve_file(const std::filesystem::path& path, double rotor_diameter_m) {
  const FileText text = read_text_file(path);
  return read_power_curve_text(text, path.string(), rotor_diameter_m);
}

}  // namespace stargate
