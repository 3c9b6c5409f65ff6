// Key performance indicators of a run (energy, supply, storage, gas, cost, dispatch, emissions,
// clean energy, compute, flexibility), from its typed series and totals.
#pragma once

#include "stargate/core/results.hpp"
#include "stargate/sim/campus_run.hpp"

namespace stargate {

/// Adds the run's KPIs to `results`, in the order of summary.json (docs/outputs.md).
void add_run_kpis(Results& results, const CampusRun& run);

}  // namespace stargate
