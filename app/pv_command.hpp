// `stargate pv`: the PV model alone, PVWatts-style, on a weather file.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>

namespace stargate {

class PvCommand {
 public:
  /// Declares the subcommand and its flags on `app`.
  explicit PvCommand(CLI::App& app);

  [[nodiscard]] bool parsed() const { return command_->parsed(); }
  /// Runs the model; InputError (exit 2) for bad flags or weather, std::exception (exit 1) for
  /// output failures.
  int run() const;

 private:
  CLI::App* command_;
  std::string weather_file_;
  std::string out_file_;
  std::map<std::string, std::string> values_;  ///< schema key -> flag text, for given flags
};

}  // namespace stargate
