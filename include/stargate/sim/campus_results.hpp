// A campus run as outputs (core/results.hpp): what `stargate run`, a programme's sites and the
// optimiser's design run write.
#pragma once

#include <memory>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_finance.hpp"
#include "stargate/sim/campus_run.hpp"
#include "stargate/sim/campus_simulation.hpp"

namespace stargate {

/// The outputs of a finished run: its series (kRunColumns, moved in), the run's KPIs, then the
/// KPIs of its finance on the scenario's own window, the funding verdict and the cashflow table;
/// warnings: the inputs', the run's, and unserved load. `finance_years`: the finance's other
/// operating years, already started (start_finance_years); started here when not given.
[[nodiscard]] Results campus_results(const Scenario& scenario, const RunInputs& inputs,
                                     CampusRun run,
                                     std::shared_ptr<OperatingYearRuns> finance_years = nullptr);

/// start_finance_years(), simulate() (the two share the cores), then campus_results().
[[nodiscard]] Results run_campus(const Scenario& scenario, const RunInputs& inputs,
                                 const SimulationOptions& options = {});

}  // namespace stargate
