// Outputs of `stargate optimize` (docs/outputs.md, "optimize"): the `optimization` object of
// DIR/summary.json (status, lp_objective, solve_seconds, model size, sizes, costs, shadow prices,
// and the LP against the simulated design, KPI by KPI), DIR/pareto.csv for --pareto, and the
// console lines.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "stargate/core/results.hpp"
#include "stargate/optimize/optimization.hpp"

namespace stargate {

struct ParetoPoint {
  double clean_share = 0.0;
  ExpansionResult result;
};

/// Writes the simulated design's run outputs (when the LP was optimal) with the `optimization`
/// object in DIR/summary.json; otherwise DIR/summary.json with the `optimization` object only.
void write_optimization_outputs(const std::filesystem::path& directory, const Scenario& scenario,
                                const Optimization& optimization);

/// DIR/pareto.csv: one row per clean share with status, objective, sizes and shares.
void write_pareto_csv(const std::filesystem::path& path, const ExpansionInputs& inputs,
                      const std::vector<ParetoPoint>& points);

/// Plain-text report for the console.
void write_optimization_console(const Optimization& optimization, std::ostream& out);

}  // namespace stargate
