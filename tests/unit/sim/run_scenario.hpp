// A scenario run the way `stargate run` runs it: its inputs, the simulation, the outputs.
#pragma once

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_results.hpp"

namespace stargate::test {

inline Results run_scenario(const Scenario& scenario, const SimulationOptions& options = {}) {
  return run_campus(scenario, load_run_inputs(scenario), options);
}

}  // namespace stargate::test
