#include "programme_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "stargate/core/units.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/programme_loader.hpp"
#include "stargate/report/programme_writers.hpp"
#include "stargate/sim/programme_finance.hpp"

namespace stargate {
namespace {

// Every campus's inputs, read once with one InputFiles (a file two campuses share is read twice:
// each campus keeps its own copy of its inputs).
std::vector<ProgrammeCampus> load_campus_inputs(const LoadedProgramme& loaded) {
  InputFiles files;
  std::vector<ProgrammeCampus> campuses;
  for (const Scenario& site : loaded.sites) {
    campuses.push_back(ProgrammeCampus{&site, load_run_inputs(site, files)});
  }
  return campuses;
}

}  // namespace

ProgrammeCommand::ProgrammeCommand(CLI::App& app)
    : command_(app.add_subcommand(
          "programme",
          "Simulate every campus of a programme file, add up costs and funding, give a verdict")) {
  command_->add_option("FILE", file_, "Programme file (TOML): [programme], [[campus]], funding")
      ->required();
  command_->add_option("--out,-o", out_dir_,
                       "Output folder for summary.json, cashflow.csv and sites/ (default: "
                       "out/<file stem>)");
}

int ProgrammeCommand::run() const {
  return run_programme_file(file_, out_dir_);
}

int run_programme_file(const std::string& file, const std::string& out) {
  const LoadedProgramme loaded = load_programme(file);
  const std::vector<ProgrammeCampus> campuses = load_campus_inputs(loaded);
  const std::filesystem::path out_dir =
      out.empty() ? std::filesystem::path("out") / std::filesystem::path(file).stem()
                  : std::filesystem::path(out);
  const ProgrammeOutcome outcome =
      run_programme(loaded.programme, campuses, loaded.window,
                    [](std::size_t done, std::size_t total, const std::string& name) {
                      std::cerr << fmt::format("simulated {} ({}/{})\n", name, done, total);
                    });
  write_programme_outputs(loaded.programme, outcome, out_dir);
  write_programme_console_summary(loaded.programme, outcome, std::cout);
  std::cout << fmt::format("\nWrote {}, {} and {}/\n", (out_dir / "summary.json").string(),
                           (out_dir / "cashflow.csv").string(), (out_dir / "sites").string());
  return 0;
}

int validate_programme(const std::string& file) {
  const LoadedProgramme loaded = load_programme(file);
  for (const ProgrammeCampus& campus : load_campus_inputs(loaded)) {
    for (const std::string& warning : campus.inputs.warnings) {
      std::cerr << "warning: " << campus.scenario->source_file << ": " << warning << '\n';
    }
  }
  double it_kw = 0.0;
  for (const Scenario& site : loaded.sites) {
    for (const BuildingSection& building : site.buildings) {
      it_kw += building.it_capacity_kw;
    }
  }
  std::cout << fmt::format("{}: ok: programme \"{}\", {} campus{}, {} of IT, {} quarters from {}\n",
                           file, loaded.programme.programme.name, loaded.sites.size(),
                           loaded.sites.size() == 1 ? "" : "es",
                           format_quantity(it_kw, UnitKind::kPower), loaded.window.quarters,
                           format_date(loaded.window.start));
  return 0;
}

}  // namespace stargate
