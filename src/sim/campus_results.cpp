#include "stargate/sim/campus_results.hpp"

#include "sim/run_kpis.hpp"

namespace stargate {

Results campus_results(const Scenario& scenario, const RunInputs& inputs, CampusRun run,
                       std::shared_ptr<OperatingYearRuns> finance_years) {
  Results results(run.grid);
  add_run_kpis(results, run);
  add_finance_results(
      results, scenario.finance,
      campus_finance(scenario, inputs, run, finance_window(scenario, run.grid.start()),
                     std::move(finance_years)));
  for (const std::string& warning : inputs.warnings) {
    results.add_warning(warning);
  }
  for (std::string& warning : run.warnings) {
    results.add_warning(std::move(warning));
  }
  if (run_energy(run).unserved_kwh > 0.0) {
    results.add_warning(
        "the supply cannot serve the whole facility load: see unserved_kw in the time series");
  }
  for (const RunColumn& column : kRunColumns) {
    results.add_series(std::string(column.name), std::string(column.description),
                       std::move(run.series.*column.values));
  }
  return results;
}

Results run_campus(const Scenario& scenario, const RunInputs& inputs,
                   const SimulationOptions& options) {
  // The finance's other years do not depend on this run: started first, they share the cores.
  std::shared_ptr<OperatingYearRuns> years =
      start_finance_years(scenario, inputs, finance_window(scenario, run_grid(scenario).start()));
  CampusRun run = simulate(scenario, inputs, options);
  return campus_results(scenario, inputs, std::move(run), std::move(years));
}

}  // namespace stargate
