// Checks that involve several fields of a bound scenario (each field alone already passed its
// type, unit and bounds checks).
#pragma once

#include <string>
#include <vector>

#include "stargate/core/errors.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate {

/// Problems found, located through scenario.sources: a step that does not divide one hour, a
/// duration that is not a whole number of steps, a UTC offset that is not whole minutes, and
/// building or solar online dates at or after the end of the run, and fixed arrays without a
/// tilt.
[[nodiscard]] std::vector<Diagnostic> check_scenario(const Scenario& scenario);

/// Equity, debt and lease dates at or after `window_end` (the end of a finance window), located
/// at the field; `window_rule` says how the window was set, for the message.
[[nodiscard]] std::vector<Diagnostic> check_funding_dates(const Scenario& scenario,
                                                          LocalTime window_end,
                                                          const std::string& window_rule);

}  // namespace stargate
