// `stargate wind`: the wind farm model alone on an SRW wind resource file.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace stargate {

class WindCommand {
 public:
  /// Declares the subcommand and its flags on `app`.
  explicit WindCommand(CLI::App& app);

  [[nodiscard]] bool parsed() const { return command_->parsed(); }
  /// Runs the model; InputError (exit 2) for bad flags or files, std::exception (exit 1) for
  /// output failures.
  int run() const;

 private:
  CLI::App* command_;
  std::string resource_file_;
  std::string hub_height_;
  std::string power_curve_file_;
  std::string turbine_;
  std::string rotor_diameter_;
  std::string turbines_;
  std::string losses_;
  std::string availability_;
  std::string shear_;
  std::string rows_;
  std::string row_spacing_;
  std::string column_spacing_;
  bool wake_ = false;
  bool no_density_correction_ = false;
  std::string out_file_;
};

}  // namespace stargate
