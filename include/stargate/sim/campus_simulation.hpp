// The step loop: one pass over the run's time grid that ties the models together
// (docs/architecture.md, "Flow of a run").
//
// Before the loop: the online IT capacity per step (building phases), the weather's temperature,
// the solar and wind fleets' available power and the prices and carbon intensity on the grid,
// all from the input stage (stargate/inputs/run_inputs.hpp).
// Per step: IT load (compute model, under a power budget of the supply's reach) -> facility load
// (PUE) -> dispatch (rules, or an LP plan executed through the asset models) -> flows, costs and
// the clean-energy accounting. After the loop: battery wear and the 4CP charge. Every step
// balances:
//   solar + wind - curtailed + discharge + gas + import + unserved = facility + charge + export.
// The series are allocated before the loop; the loop itself does not allocate.
#pragma once

#include <cstddef>
#include <functional>

#include "stargate/core/scenario.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_run.hpp"

namespace stargate {

struct SimulationOptions {
  /// Called from the step loop about every 1 % of the run with (steps done, total steps).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Simulates a validated scenario (from load_scenario) on its inputs (from load_run_inputs).
/// Never reads a file and never throws InputError. Thread-safe: each call owns its state.
[[nodiscard]] CampusRun simulate(const Scenario& scenario, const RunInputs& inputs,
                                 const SimulationOptions& options = {});

}  // namespace stargate
