// The `stargate` command line: parses arguments and calls the library. Exit codes: 0 success,
// 1 the run failed, 2 bad input or usage.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "optimize_command.hpp"
#include "programme_command.hpp"
#include "progress_bar.hpp"
#include "pv_command.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/process_memory.hpp"
#include "stargate/core/units.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/programme_loader.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/io/schema.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/sim/campus_results.hpp"
#include "stargate/version.hpp"
#include "wind_command.hpp"

namespace {

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

constexpr const char* kExamples = R"(Examples:
  stargate run examples/abilene.toml --out out/abilene
  stargate run examples/abilene.toml --set scenario.step=5min --set grid.price="38 $/MWh"
  stargate validate examples/abilene.toml
  stargate programme examples/stargate-programme.toml --out out/stargate
  stargate optimize examples/abilene.toml --clean-share 0.9 --write-mps abilene.mps
  stargate pv --weather tmy.csv --array 1axis-backtrack --dc-capacity "100 MW" --out pv.csv
  stargate wind --resource site.srw --hub-height 90m --turbine nrel-atb-7mw-200 --out wind.csv
  stargate schema --markdown > docs/scenario.md

Exit codes: 0 success, 1 the run failed, 2 bad input or usage.
Documentation: README.md and docs/ (scenario.md, units.md, outputs.md, solar.md, wind.md,
dispatch.md, scheduling.md, ...).)";

struct Arguments {
  std::string file;
  std::string out_dir;
  std::vector<std::string> overrides;
  bool markdown = false;
};

void add_scenario_options(CLI::App& command, Arguments& args) {
  command.add_option("FILE", args.file, "Scenario file (TOML)")->required();
  command
      .add_option("--set", args.overrides,
                  "Override a field before validation: PATH=VALUE, e.g. scenario.step=5min "
                  "(repeatable)")
      ->allow_extra_args(false);
}

int run_command(const Arguments& args) {
  if (stargate::is_programme_file(args.file) && args.overrides.empty()) {
    return stargate::run_programme_file(args.file, args.out_dir);
  }
  const stargate::Scenario scenario = stargate::load_scenario(args.file, args.overrides);
  const stargate::RunInputs inputs = stargate::load_run_inputs(scenario);
  const std::filesystem::path out_dir =
      args.out_dir.empty() ? std::filesystem::path("out") / std::filesystem::path(args.file).stem()
                           : std::filesystem::path(args.out_dir);
  stargate::Results results = [&] {
    stargate::ProgressBar progress;
    stargate::SimulationOptions options;
    options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    return stargate::run_campus(scenario, inputs, options);
  }();
  stargate::write_run_outputs(scenario, results, out_dir);
  stargate::write_console_summary(scenario, results, std::cout);
  std::string written =
      (out_dir / "summary.json").string() + ", " + (out_dir / "timeseries.csv").string();
  for (const auto& table : results.tables()) {
    written += ", " + (out_dir / (table.name + ".csv")).string();
  }
  std::cout << fmt::format("\nWrote {}\n", written);
  return 0;
}

int validate_command(const Arguments& args) {
  if (stargate::is_programme_file(args.file)) {
    return stargate::validate_programme(args.file);
  }
  // Validating is building the run's inputs: every file read and every name resolved.
  const stargate::Scenario scenario = stargate::load_scenario(args.file, args.overrides);
  for (const auto& warning : stargate::load_run_inputs(scenario).warnings) {
    std::cerr << "warning: " << warning << '\n';
  }
  const stargate::TimeGrid grid = stargate::run_grid(scenario);
  const std::size_t buildings = scenario.buildings.size();
  std::cout << fmt::format(
      "{}: ok: \"{}\", {} building{}, {} steps of {}\n", args.file, scenario.run.name, buildings,
      buildings == 1 ? "" : "s", grid.size(),
      stargate::format_quantity(static_cast<double>(grid.step_s()), stargate::UnitKind::kDuration));
  return 0;
}

// The command line: every subcommand, parsed, run; errors to exit codes.
int run_stargate(int argc, char** argv) {
  CLI::App app{
      "Stargate plans and simulates AI compute campuses, the power that feeds them and "
      "the money that builds them.",
      "stargate"};
  app.set_version_flag("--version", fmt::format("stargate {}", stargate::kVersion));
  app.require_subcommand(1);
  app.footer(kExamples);

  Arguments args;
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario, print a summary, write outputs");
  add_scenario_options(*run, args);
  run->add_option("--out,-o", args.out_dir,
                  "Output folder for summary.json and timeseries.csv (default: out/<file stem>)");
  CLI::App* validate = app.add_subcommand(
      "validate", "Check a scenario (or a programme) and every file it reads, without running it");
  add_scenario_options(*validate, args);
  stargate::PvCommand pv(app);
  stargate::WindCommand wind(app);
  stargate::ProgrammeCommand programme(app);
  stargate::OptimizeCommand optimize(app);
  CLI::App* schema = app.add_subcommand("schema", "Print every scenario table and field");
  schema->add_flag("--markdown", args.markdown, "Print Markdown (the text of docs/scenario.md)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitBadInput;
  }

  try {
    if (run->parsed()) {
      return run_command(args);
    }
    if (validate->parsed()) {
      return validate_command(args);
    }
    if (pv.parsed()) {
      return pv.run();
    }
    if (wind.parsed()) {
      return wind.run();
    }
    if (programme.parsed()) {
      return programme.run();
    }
    if (optimize.parsed()) {
      return optimize.run();
    }
    const auto& scenario_schema = stargate::scenario_schema();
    std::cout << (args.markdown ? stargate::schema_markdown(scenario_schema)
                                : stargate::schema_text(scenario_schema));
    return 0;
  } catch (const stargate::InputError& error) {
    std::cerr << error.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "stargate: error: " << error.what() << '\n';
    return kExitRunFailed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  stargate::keep_large_blocks_in_heap();
  try {
    return run_stargate(argc, argv);
  } catch (const std::exception& error) {  // building the command line itself failed
    std::cerr << "stargate: error: " << error.what() << '\n';
    return kExitRunFailed;
  }
}
