#include "wind_command.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "stargate/core/errors.hpp"
#include "stargate/core/units.hpp"
#include "stargate/energy/turbine_catalogue.hpp"
#include "stargate/energy/wind_farm.hpp"
#include "stargate/io/power_curve_reader.hpp"
#include "stargate/io/wind_resource_reader.hpp"

namespace stargate {
namespace {

Diagnostic flag_error(const std::string& flag, const std::string& value, std::string message) {
  return Diagnostic{SourceLocation{fmt::format("{} {}", flag, value), 0, 0, true}, "",
                    std::move(message)};
}

/// Parses a flag of a unit kind; records a diagnostic and returns `fallback` when bad.
double quantity_flag(const std::string& flag, const std::string& value, UnitKind kind,
                     double fallback, std::vector<Diagnostic>& problems) {
  if (value.empty()) {
    return fallback;
  }
  try {
    return parse_quantity(value, kind).value;
  } catch (const UnitError& error) {
    problems.push_back(flag_error(flag, value, error.what()));
    return fallback;
  }
}

/// A whole number >= 1; records a diagnostic when bad.
int count_flag(const std::string& flag, const std::string& value, int fallback,
               std::vector<Diagnostic>& problems) {
  if (value.empty()) {
    return fallback;
  }
  int n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc{} || end != value.data() + value.size() || n < 1) {
    problems.push_back(flag_error(flag, value, "expected a whole number >= 1"));
    return fallback;
  }
  return n;
}

double number_flag(const std::string& flag, const std::string& value, double fallback,
                   std::vector<Diagnostic>& problems) {
  if (value.empty()) {
    return fallback;
  }
  double x = 0.0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
  if (ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(x)) {
    problems.push_back(flag_error(flag, value, "expected a number"));
    return fallback;
  }
  return x;
}

std::string stamp(const WindResource& resource, std::size_t row) {
  if (std::isfinite(resource.site.utc_offset_h)) {
    return format_iso8601(resource.time[row],
                          std::llround(resource.site.utc_offset_h * kSecondsPerHour));
  }
  const CivilTime c = civil_from_local(resource.time[row]);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

}  // namespace

WindCommand::WindCommand(CLI::App& app)
    : command_(app.add_subcommand(
          "wind", "Run the wind farm model alone on an SRW wind resource file and write a CSV")) {
  command_->add_option("--resource", resource_file_, "SAM wind resource file (.srw)")->required();
  command_->add_option("--hub-height", hub_height_, "Hub height, e.g. 90m")->required();
  auto* curve = command_->add_option("--power-curve", power_curve_file_,
                                     "CSV with columns wind_speed_m_s,power_kw");
  auto* turbine = command_->add_option(
      "--turbine", turbine_, "Built-in turbine: nrel-5mw-126 | nrel-atb-7mw-200 | bar-3.3mw-156");
  curve->excludes(turbine);
  command_->add_option("--rotor-diameter", rotor_diameter_,
                       "Rotor diameter with --power-curve, e.g. 77m (needed for --wake)");
  command_->add_option("--turbines", turbines_, "Number of turbines (default 1)");
  command_->add_option("--losses", losses_, "Electrical and other losses, e.g. 5% (default 0)");
  command_->add_option("--availability", availability_, "Availability, e.g. 97% (default 100%)");
  command_->add_option("--shear", shear_,
                       "Power-law shear exponent outside the measured heights (default 0.14)");
  command_->add_flag("--wake", wake_, "Park/Jensen wake losses on a grid layout");
  command_->add_option("--rows", rows_, "Rows of the grid layout with --wake (default ~sqrt N)");
  command_->add_option("--row-spacing", row_spacing_,
                       "Row spacing in rotor diameters with --wake (default 7)");
  command_->add_option("--column-spacing", column_spacing_,
                       "Column spacing in rotor diameters with --wake (default 4)");
  command_->add_flag("--no-density-correction", no_density_correction_,
                     "Use the power curve without the IEC 61400-12-1 air-density correction");
  command_->add_option("--out,-o", out_file_, "CSV: time, wind_speed_m_s, power_kw");
  command_->footer(
      "Example:\n  stargate wind --resource site.srw --hub-height 90m --turbine nrel-5mw-126 "
      "--turbines 20 --losses 5% --wake --out wind.csv");
}

int WindCommand::run() const {
  std::vector<Diagnostic> problems;
  WindFarmParams params;
  params.hub_height_m =
      quantity_flag("--hub-height", hub_height_, UnitKind::kLength, 0.0, problems);
  if (problems.empty() && !(params.hub_height_m > 0.0)) {
    problems.push_back(flag_error("--hub-height", hub_height_, "expected a height above 0 m"));
  }
  const double rotor_m =
      quantity_flag("--rotor-diameter", rotor_diameter_, UnitKind::kLength, 0.0, problems);
  params.turbines = count_flag("--turbines", turbines_, 1, problems);
  params.losses_fraction = quantity_flag("--losses", losses_, UnitKind::kFraction, 0.0, problems);
  params.availability =
      quantity_flag("--availability", availability_, UnitKind::kFraction, 1.0, problems);
  if (params.losses_fraction < 0.0 || params.losses_fraction > 1.0) {
    problems.push_back(flag_error("--losses", losses_, "expected 0..100 %"));
  }
  if (params.availability < 0.0 || params.availability > 1.0) {
    problems.push_back(flag_error("--availability", availability_, "expected 0..100 %"));
  }
  params.shear_exponent = number_flag("--shear", shear_, 0.14, problems);
  if (std::abs(params.shear_exponent) > 1.0) {
    problems.push_back(flag_error("--shear", shear_, "expected an exponent within -1..1"));
  }
  params.density_correction =
      no_density_correction_ ? DensityCorrection::kNone : DensityCorrection::kIec61400;
  if (power_curve_file_.empty() && turbine_.empty()) {
    problems.push_back(
        flag_error("--power-curve", "", "give --power-curve FILE or --turbine NAME"));
  }
  if (!turbine_.empty()) {
    try {
      params.curve = catalogue_turbine(turbine_);
    } catch (const std::invalid_argument& error) {
      problems.push_back(flag_error("--turbine", turbine_, error.what()));
    }
  }
  params.wake = wake_;
  if (wake_) {
    const int columns_default =
        static_cast<int>(std::ceil(std::sqrt(static_cast<double>(params.turbines))));
    const int rows_default = (params.turbines + columns_default - 1) / columns_default;
    params.layout.rows = count_flag("--rows", rows_, rows_default, problems);
    params.layout.columns = (params.turbines + params.layout.rows - 1) / params.layout.rows;
    params.layout.row_spacing_rotor_d = number_flag("--row-spacing", row_spacing_, 7.0, problems);
    params.layout.column_spacing_rotor_d =
        number_flag("--column-spacing", column_spacing_, 4.0, problems);
    if (!(params.layout.row_spacing_rotor_d > 0.0) ||
        !(params.layout.column_spacing_rotor_d > 0.0)) {
      problems.push_back(flag_error("--row-spacing", row_spacing_, "spacings must be above 0"));
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  if (!power_curve_file_.empty()) {
    params.curve = read_power_curve_file(power_curve_file_, rotor_m);
  } else if (rotor_m > 0.0) {
    params.curve.rotor_diameter_m = rotor_m;
  }
  if (params.wake && params.turbines > 1 && !(params.curve.rotor_diameter_m > 0.0)) {
    throw InputError(flag_error("--wake", "", "the wake model needs --rotor-diameter"));
  }
  const WindResource resource = read_wind_resource_file(resource_file_);
  for (const auto& warning : resource.warnings) {
    std::cerr << "warning: " << warning << '\n';
  }
  const WindFarmOutput output = simulate_wind_farm(params, resource);
  for (const auto& warning : output.warnings) {
    std::cerr << "warning: " << warning << '\n';
  }
  if (!out_file_.empty()) {
    std::ofstream file(out_file_, std::ios::binary);
    if (file) {
      file << "time,wind_speed_m_s,power_kw\n";
      for (std::size_t i = 0; i < resource.size(); ++i) {
        file << fmt::format("{},{:.4f},{:.4f}\n", stamp(resource, i), output.hub_speed_m_s[i],
                            output.power_kw[i]);
      }
    }
    if (!file) {
      throw std::runtime_error(fmt::format("cannot write {}", out_file_));
    }
  }
  const double hours = static_cast<double>(resource.size()) *
                       static_cast<double>(resource.interval_s) / kSecondsPerHour;
  std::cout << fmt::format(
      "Wind farm: {} x {} ({:g} kW, {:g} m rotor) at {:g} m hub height on {}\n", params.turbines,
      params.curve.name, params.curve.rated_kw, params.curve.rotor_diameter_m, params.hub_height_m,
      resource.source);
  std::cout << fmt::format("Rows: {} ({:g} h)\n", resource.size(), hours);
  std::cout << fmt::format("Mean hub-height wind speed: {:.2f} m/s\n", [&] {
    double s = 0.0;
    for (const double v : output.hub_speed_m_s) {
      s += v;
    }
    return s / static_cast<double>(output.hub_speed_m_s.size());
  }());
  std::cout << fmt::format("Annual energy: {:.1f} MWh", output.annual_energy_kwh / kKwhPerMwh);
  if (std::abs(hours - kHoursPerYear) > 1.0) {
    std::cout << fmt::format(" (over {:g} h)", hours);
  }
  std::cout << fmt::format("\nCapacity factor: {:.2f} %\n", output.capacity_factor / kPercent);
  if (params.wake) {
    std::cout << fmt::format("Wake losses: {:.2f} %\n", output.wake_loss_fraction / kPercent);
  }
  if (!out_file_.empty()) {
    std::cout << fmt::format("\nWrote {}\n", out_file_);
  }
  return 0;
}

}  // namespace stargate
