// Least-cost supply of a campus (`stargate optimize`, docs/optimization.md): the supply LP of
// stargate/dispatch/supply_lp.hpp with capacities chosen, over a year at optimize.step, then the
// chosen design as a scenario the engine simulates.
//
// Inputs come from the scenario: the load from a baseline run of its compute fleet with an
// unconstrained grid (so the fleet draws what it asks), split into firm and flexible by
// optimize.flexible_share; one solar candidate per [[solar]] array and one wind candidate per
// [[wind]] farm (a 1-axis tracker and the default turbine when the scenario has none), each with
// its output per MW from the engine's PV and wind models; the aggregate battery and gas plant of
// the scenario (or defaults); prices, carbon and 4CP peaks of the run. Annual cost of a unit of
// capacity = capital recovery factor(rate, life) x capital cost + fixed O&M (finance.*).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/dispatch/supply_lp.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/lp/infeasibility.hpp"

namespace stargate {

struct ExpansionInputs {
  SupplyLpProblem problem;
  std::vector<SolarSection> solar_designs;  ///< one per solar candidate, capacity to be set
  std::vector<WindSection> wind_designs;    ///< one per wind candidate
  std::vector<PowerCurve> wind_curves;      ///< each wind candidate's turbine
  std::string extra_gpu_type;               ///< GPU type of extra GPUs (optimize.extra_gpus_max)
  double extra_gpu_it_kw = 0.0;             ///< IT power of one extra GPU at full load
  std::vector<std::string> notes;           ///< assumptions made (defaults used, etc.)
};

/// What the expansion reads beyond the scenario's own assets: the wind resource for a wind
/// candidate even when the scenario has no farm.
[[nodiscard]] InputNeeds expansion_needs(const Scenario& scenario);

/// Builds the expansion problem of a scenario from its inputs (loaded with expansion_needs):
/// runs the baseline simulation at optimize.step and the candidates' PV and wind models.
[[nodiscard]] ExpansionInputs expansion_inputs(const Scenario& scenario, const RunInputs& inputs);

/// The dual simplex solves expansion LPs up to this many steps when optimize.algorithm is
/// "automatic"; longer ones go to the barrier.
inline constexpr std::size_t kSimplexMaxSteps = 2000;

/// How an expansion LP of `steps` steps is solved. The barrier (interior point) gets a banded
/// form of the LP (CapacityColumns::kPerStep: per-step copies of each chosen capacity) and a
/// presolve that keeps their chains, since a capacity column spanning the year would fill the
/// normal equations; crossover only with optimize.crossover.
[[nodiscard]] lp::SolveOptions expansion_solve_options(const OptimizeSection& options,
                                                       std::size_t steps);

struct ExpansionResult {
  lp::Status status = lp::Status::kFailed;
  SupplyPlan plan;
  double lp_objective_usd = 0.0;  ///< the objective of the (exported) model
  double solve_seconds = 0.0;
  double build_seconds = 0.0;
  int rows = 0;
  int columns = 0;
  std::size_t nonzeros = 0;
  int iterations = 0;
  std::string backend;
  /// When infeasible: which requirement cannot be met and why, in plain words.
  std::string infeasibility;
};

/// Solves the problem; writes the model as MPS to `mps_path` when given (before solving).
[[nodiscard]] ExpansionResult solve_expansion(const ExpansionInputs& inputs,
                                              const OptimizeSection& options,
                                              const std::optional<std::filesystem::path>& mps_path);

/// The number of extra GPUs in a plan (plan.extra_it_mw over one GPU's IT power; 0 when the
/// LP could not add any).
[[nodiscard]] double extra_gpus(const ExpansionInputs& inputs, const SupplyPlan& plan);

/// The chosen design, ready to simulate.
struct DesignRun {
  Scenario scenario;
  RunInputs inputs;
};

/// The scenario with the plan's capacities: arrays and farms resized (dropped below 1 kW or
/// 1 turbine), batteries and gas plants scaled to the chosen totals (added when the scenario has
/// none), extra GPUs added to the first building (with their IT capacity; the training workload
/// stays the scenario's, so that they move work rather than add it), the grid connection set to
/// the chosen import limit, and dispatch.policy "rules" replaced by "lp" (the LP's foresight;
/// "mpc" is kept); with the scenario's inputs and the kept farms' power curves.
[[nodiscard]] DesignRun design_run(const Scenario& scenario, const RunInputs& inputs,
                                   const ExpansionInputs& expansion, const SupplyPlan& plan);

}  // namespace stargate
