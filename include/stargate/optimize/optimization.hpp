// `stargate optimize` as one library call: the expansion LP of a scenario, solved, and its design
// simulated by the engine and compared with the LP (docs/optimization.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/optimize/capacity_expansion.hpp"

namespace stargate {

/// One KPI as the LP planned it and as the simulated design delivered it.
struct LpVersusSimulated {
  std::string kpi;  ///< the run KPI key (summary.json kpis)
  double lp = 0.0;
  double simulated = 0.0;
};

struct Optimization {
  ExpansionInputs expansion;
  ExpansionResult result;
  std::optional<DesignRun> design;                 ///< when the LP is optimal
  std::optional<Results> simulated;                ///< the design's run outputs
  std::vector<LpVersusSimulated> lp_vs_simulated;  ///< facility energy, clean shares, ...
};

/// Builds and solves the expansion of `scenario` on `inputs` (loaded with expansion_needs), writes
/// the LP to `mps_path` when given, and when optimal simulates the design (its finance on its own
/// window). Reads no file.
[[nodiscard]] Optimization optimize_campus(const Scenario& scenario, const RunInputs& inputs,
                                           const std::optional<std::filesystem::path>& mps_path);

}  // namespace stargate
