// Outputs of `stargate optimize` (docs/outputs.md, "optimize"): the `optimization` object of
// DIR/summary.json (status, lp_objective, solve_seconds, model size, sizes, costs, shadow prices,
// and the LP against the simulated design, KPI by KPI), DIR/pareto.csv for --pareto, and the
// console lines.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "stargate/core/results.hpp"
#include "stargate/optimize/capacity_expansion.hpp"

namespace stargate {

/// One LP KPI next to the simulated one.
struct LpVersusSimulated {
  std::string kpi;  ///< the run KPI key (summary.json kpis)
  double lp = 0.0;
  double simulated = 0.0;
};

/// The KPIs both the LP and the simulation report, in their units.
[[nodiscard]] std::vector<LpVersusSimulated> compare_lp_and_simulation(const SupplyPlan& plan,
                                                                       const Results& simulated);

struct ParetoPoint {
  double clean_share = 0.0;
  ExpansionResult result;
};

/// Writes DIR/summary.json: the simulated design's summary (when `simulated` is given) with the
/// `optimization` object added; otherwise a summary with the `optimization` object only.
void write_optimization_summary(const std::filesystem::path& directory, const Scenario& scenario,
                                const ExpansionInputs& inputs, const ExpansionResult& result,
                                const Results* simulated);

/// DIR/pareto.csv: one row per clean share with status, objective, sizes and shares.
void write_pareto_csv(const std::filesystem::path& path, const ExpansionInputs& inputs,
                      const std::vector<ParetoPoint>& points);

/// Plain-text report for the console.
void write_optimization_console(const ExpansionInputs& inputs, const ExpansionResult& result,
                                const Results* simulated, std::ostream& out);

}  // namespace stargate
