// `stargate optimize`: least-cost supply of a campus with the LP, then the design simulated.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace stargate {

class OptimizeCommand {
 public:
  /// Declares the subcommand and its options on `app`.
  explicit OptimizeCommand(CLI::App& app);

  [[nodiscard]] bool parsed() const { return command_->parsed(); }
  /// Solves and simulates; InputError (exit 2) for bad input, 1 when the LP is not optimal.
  int run() const;

 private:
  CLI::App* command_;
  std::string file_;
  std::string out_dir_;
  std::vector<std::string> overrides_;
  std::string clean_share_;
  std::string cfe_;
  std::string mps_file_;
  std::string pareto_;
};

}  // namespace stargate
