// `stargate programme FILE --out DIR`: simulate every campus of a programme file, add up their
// cash flows and set the programme's funding against them (docs/programme.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace stargate {

class ProgrammeCommand {
 public:
  /// Declares the subcommand and its options on `app`.
  explicit ProgrammeCommand(CLI::App& app);

  [[nodiscard]] bool parsed() const { return command_->parsed(); }
  /// Runs the programme; InputError (exit 2) for a bad programme or campus file, std::exception
  /// (exit 1) for output failures.
  int run() const;

 private:
  CLI::App* command_;
  std::string file_;
  std::string out_dir_;
};

/// `stargate validate` on a programme file: checks it and every campus file it lists, without
/// running them. Returns 0 or throws InputError.
int validate_programme(const std::string& file);

/// Loads and runs a programme file into `out_dir` (default out/<file stem>): `stargate programme`,
/// and `stargate run` given a programme file.
int run_programme_file(const std::string& file, const std::string& out_dir);

}  // namespace stargate
