// The step loop: one pass over the run's time grid that ties the models together.
//
// Before the loop: online IT capacity per step (building phases) and, when the scenario has PV
// arrays, the run's weather through the PV model onto the grid (available solar power).
// Per step: IT load (compute model) -> facility load (facility model) -> supply: solar first,
// the surplus curtailed, the rest from the grid up to its limit; unmet load is recorded as
// unserved, never dropped. At every step
//   solar_kw - curtailed_kw + grid_import_kw + unserved_kw = facility_load_kw.
// All columns are allocated before the loop; the loop itself does not allocate.
#pragma once

#include <cstddef>
#include <functional>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate {

struct SimulationOptions {
  /// Called from the step loop about every 1 % of the run with (steps done, total steps).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Simulates a validated scenario (from load_scenario). Thread-safe: each call owns its state.
[[nodiscard]] Results simulate(const Scenario& scenario, const SimulationOptions& options = {});

}  // namespace stargate
