// Checking a scenario's external inputs without running it (`stargate validate`).
#pragma once

#include <string>
#include <vector>

#include "stargate/core/scenario.hpp"

namespace stargate {

/// Reads every file the run would read (weather, wind resource, power curves, prices, carbon)
/// and resolves catalogue names, so bad inputs are reported before a run. Throws InputError as
/// the run would; returns the readers' warnings.
[[nodiscard]] std::vector<std::string> check_run_inputs(const Scenario& scenario);

}  // namespace stargate
