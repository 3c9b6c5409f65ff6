#include "pv_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <stdexcept>

#include "stargate/core/errors.hpp"
#include "stargate/io/schema.hpp"
#include "stargate/io/weather_reader.hpp"
#include "stargate/report/pv_report.hpp"
#include "stargate/sim/asset_models.hpp"

namespace stargate {
namespace {

/// Command-line flag -> key of the [[solar]] schema table, whose declaration checks the value.
struct FlagBinding {
  const char* flag;
  const char* key;
  const char* help;
};

constexpr FlagBinding kFlags[] = {
    {"--array", "array", "fixed | fixed-roof | 1axis | 1axis-backtrack | 2axis (default fixed)"},
    {"--tilt", "tilt", "Tilt of a fixed array or tracker axis in deg (default 20)"},
    {"--azimuth", "azimuth", "Azimuth in deg eastward from north (default 180)"},
    {"--dc-capacity", "capacity", "DC nameplate, e.g. \"100 MW\" (default 4 kW)"},
    {"--dc-ac-ratio", "dc_ac_ratio", "DC / AC ratio (default 1.2)"},
    {"--gcr", "gcr", "Ground coverage ratio (default 0.4)"},
    {"--rotation-limit", "rotation_limit", "Tracker rotation limit in deg (default 45)"},
    {"--losses", "losses", "System losses, e.g. 14.08% (default 14.08 %)"},
    {"--module", "module", "standard | premium | thin-film (default standard)"},
    {"--inverter-efficiency", "inverter_efficiency", "Nominal inverter efficiency (default 96%)"},
    {"--sky-model", "sky_model", "perez | hay-davies | isotropic (default perez)"},
    {"--albedo", "albedo", "Ground albedo (default: the file's, else 0.2)"},
};

/// PVWatts v8's defaults for the flags not given.
SolarSection pvwatts_defaults() {
  constexpr double kDefaultDcKw = 4.0;
  constexpr double kDefaultTiltDeg = 20.0;
  SolarSection array;
  array.name = "pv";
  array.dc_capacity_kw = kDefaultDcKw;
  array.array = ArrayType::kFixedOpenRack;
  array.tilt_deg = kDefaultTiltDeg;
  return array;
}

}  // namespace

PvCommand::PvCommand(CLI::App& app)
    : command_(app.add_subcommand(
          "pv", "Run the PV model alone on a weather file (PVWatts v8 physics) and write a CSV")) {
  command_->add_option("--weather", weather_file_, "NSRDB, TMY2/TMY3 CSV or EPW weather file")
      ->required();
  command_->add_option("--out,-o", out_file_, "CSV with one row per weather row");
  for (const auto& binding : kFlags) {
    command_->add_option_function<std::string>(
        binding.flag, [this, key = binding.key](const std::string& value) { values_[key] = value; },
        binding.help);
  }
  command_->footer(
      "Example:\n  stargate pv --weather phoenix.csv --array 1axis-backtrack --dc-capacity \"100 "
      "MW\" --dc-ac-ratio 1.3 --gcr 0.35 --out pv.csv");
}

int PvCommand::run() const {
  const TableSpec& table = *scenario_schema().find_table("solar");
  SolarSection array = pvwatts_defaults();
  std::vector<Diagnostic> problems;
  for (const auto& binding : kFlags) {
    const auto given = values_.find(binding.key);
    if (given == values_.end()) {
      continue;
    }
    const FieldSpec& field = *table.find_field(binding.key);
    try {
      field.assign(&array, parse_field_text(field, given->second));
    } catch (const std::invalid_argument& error) {
      problems.push_back(
          Diagnostic{SourceLocation{fmt::format("{} {}", binding.flag, given->second), 0, 0, true},
                     "", error.what()});
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  array.albedo_from_weather = !values_.contains("albedo");
  const PvSystemParams params = pv_params(array);
  const WeatherSeries weather = read_weather_file(weather_file_);
  for (const auto& warning : weather.warnings) {
    std::cerr << "warning: " << warning << '\n';
  }
  const PvOutput output = simulate_pv(params, weather);
  if (!out_file_.empty()) {
    std::ofstream file(out_file_, std::ios::binary);
    if (file) {
      write_pv_csv(weather, output, file);
    }
    if (!file) {
      throw std::runtime_error(fmt::format("cannot write {}", out_file_));
    }
  }
  write_pv_summary(params, weather, output, std::cout);
  if (!out_file_.empty()) {
    std::cout << fmt::format("\nWrote {}\n", out_file_);
  }
  return 0;
}

}  // namespace stargate
