#include "optimize_command.hpp"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>

#include "stargate/core/errors.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/optimize/optimization.hpp"
#include "stargate/report/optimization_outputs.hpp"

namespace stargate {
namespace {

constexpr int kExitNotOptimal = 1;
constexpr double kShareTolerance = 1e-9;

struct ParetoRange {
  double from = 0.0;
  double to = 0.0;
  double step = 0.0;
};

[[noreturn]] void bad_pareto(const std::string& text, const std::string& why) {
  throw InputError(
      Diagnostic{SourceLocation{"--pareto " + text, 0, 0, true}, "--pareto",
                 "expected FROM:TO:STEP clean shares in 0..1 (e.g. 0.5:0.9:0.1); " + why});
}

ParetoRange parse_pareto(const std::string& text) {
  ParetoRange range;
  double* parts[] = {&range.from, &range.to, &range.step};
  std::size_t begin = 0;
  for (int i = 0; i < 3; ++i) {
    const std::size_t end = i < 2 ? text.find(':', begin) : text.size();
    if (end == std::string::npos) {
      bad_pareto(text, "got fewer than three parts");
    }
    const char* first = text.data() + begin;
    const char* last = text.data() + end;
    const auto [ptr, error] = std::from_chars(first, last, *parts[i]);
    if (error != std::errc() || ptr != last) {
      bad_pareto(text, fmt::format("'{}' is not a number", std::string(first, last)));
    }
    begin = end + 1;
  }
  if (range.from < 0.0 || range.to > 1.0 || range.from > range.to) {
    bad_pareto(text, "need 0 <= FROM <= TO <= 1");
  }
  if (!(range.step > 0.0)) {
    bad_pareto(text, "STEP must be > 0");
  }
  return range;
}

}  // namespace

OptimizeCommand::OptimizeCommand(CLI::App& app) {
  command_ = app.add_subcommand(
      "optimize",
      "Find the least-cost supply (solar, wind, battery, gas, grid) meeting clean-energy "
      "requirements with an LP, then simulate the design (docs/optimization.md)");
  command_->add_option("FILE", file_, "Scenario file (TOML) with an optional [optimize] table")
      ->required();
  command_->add_option("--out", out_dir_, "Output folder (default out/<scenario>-optimize)");
  command_->add_option("--clean-share", clean_share_,
                       "Annual clean share at least, e.g. 0.9 or \"90 %\" (optimize.clean_share)");
  command_->add_option("--cfe", cfe_, "Hourly-matched 24/7 clean share at least (optimize.cfe)");
  command_->add_option("--write-mps", mps_file_, "Also write the LP as free-format MPS to FILE");
  command_->add_option("--pareto", pareto_,
                       "Trace cost against clean share FROM:TO:STEP (e.g. 0:1:0.1) into "
                       "pareto.csv");
  command_
      ->add_option("--set", overrides_,
                   "Override a field before validation: PATH=VALUE (repeatable)")
      ->allow_extra_args(false);
}

int OptimizeCommand::run() const {
  std::vector<std::string> overrides = overrides_;
  if (!clean_share_.empty()) {
    overrides.push_back("optimize.clean_share=" + clean_share_);
  }
  if (!cfe_.empty()) {
    overrides.push_back("optimize.cfe=" + cfe_);
  }
  const bool trace_pareto = !pareto_.empty();
  const ParetoRange pareto = trace_pareto ? parse_pareto(pareto_) : ParetoRange{};
  const Scenario scenario = load_scenario(file_, overrides);
  const std::filesystem::path out_dir =
      out_dir_.empty() ? std::filesystem::path("out") /
                             (std::filesystem::path(file_).stem().string() + "-optimize")
                       : std::filesystem::path(out_dir_);
  std::filesystem::create_directories(out_dir);

  const RunInputs inputs = load_run_inputs(scenario, expansion_needs(scenario));
  std::cout << "Building the LP inputs (baseline run of the compute load, renewable profiles)...\n";
  const std::optional<std::filesystem::path> mps =
      mps_file_.empty() ? std::nullopt : std::optional(std::filesystem::path(mps_file_));
  const Optimization optimization = optimize_campus(scenario, inputs, mps);
  const ExpansionResult& result = optimization.result;
  write_optimization_outputs(out_dir, scenario, optimization);
  write_optimization_console(optimization, std::cout);
  if (mps) {
    std::cout << fmt::format("Wrote {}\n", mps->string());
  }

  if (trace_pareto) {
    std::vector<ParetoPoint> points;
    ExpansionInputs varied = optimization.expansion;
    for (double share = pareto.from; share <= pareto.to + kShareTolerance; share += pareto.step) {
      varied.problem.min_clean_share = std::min(share, 1.0);
      OptimizeSection options = scenario.optimize;
      options.clean_share = varied.problem.min_clean_share;
      points.push_back({varied.problem.min_clean_share, solve_expansion(varied, options, {})});
      std::cout << fmt::format(
          "pareto: clean share {:.3f}: {} {:.4g} M$\n", points.back().clean_share,
          lp::to_string(points.back().result.status), points.back().result.lp_objective_usd / 1e6);
    }
    write_pareto_csv(out_dir / "pareto.csv", optimization.expansion, points);
    std::cout << fmt::format("Wrote {}\n", (out_dir / "pareto.csv").string());
  }
  std::cout << fmt::format("Wrote {}\n", (out_dir / "summary.json").string());
  return result.status == lp::Status::kOptimal ? 0 : kExitNotOptimal;
}

}  // namespace stargate
