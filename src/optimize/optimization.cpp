#include "stargate/optimize/optimization.hpp"

#include "stargate/core/units.hpp"
#include "stargate/sim/campus_results.hpp"

namespace stargate {
namespace {

// The KPIs both the LP and the simulation report, in the units of summary.json.
std::vector<LpVersusSimulated> compare(const SupplyPlan& plan, const CampusRun& simulated) {
  const auto energy_mwh = [&](const std::vector<double>& mw) {
    double mwh = 0.0;
    for (const double value : mw) {
      mwh += value;
    }
    return mwh * plan.step_h;
  };
  const RunEnergy energy = run_energy(simulated);
  return {
      {"facility_energy_mwh", plan.load_mwh, energy.facility_kwh / kKwhPerMwh},
      {"annual_matching_fraction", plan.clean_share, annual_matching_share(energy)},
      {"on_site_clean_share_fraction", plan.cfe_share,
       on_site_clean_share(energy, simulated.totals)},
      {"curtailed_mwh", plan.curtailed_mwh, energy.curtailed_kwh / kKwhPerMwh},
      {"grid_import_mwh", energy_mwh(plan.import), energy.grid_import_kwh / kKwhPerMwh},
      {"gas_mwh", energy_mwh(plan.gas), energy.gas_kwh / kKwhPerMwh},
      {"energy_cost_usd", plan.grid_energy_cost_usd, energy.energy_cost_usd},
      {"total_co2_t", plan.co2_t, total_co2_t(energy, simulated.totals)},
      {"unserved_energy_mwh", plan.unserved_mwh, energy.unserved_kwh / kKwhPerMwh},
  };
}

}  // namespace

Optimization optimize_campus(const Scenario& scenario, const RunInputs& inputs,
                             const std::optional<std::filesystem::path>& mps_path) {
  Optimization optimization;
  optimization.expansion = expansion_inputs(scenario, inputs);
  optimization.result = solve_expansion(optimization.expansion, scenario.optimize, mps_path);
  if (optimization.result.status != lp::Status::kOptimal) {
    return optimization;
  }
  const DesignRun& design = optimization.design.emplace(
      design_run(scenario, inputs, optimization.expansion, optimization.result.plan));
  CampusRun run = simulate(design.scenario, design.inputs);
  optimization.lp_vs_simulated = compare(optimization.result.plan, run);
  optimization.simulated = campus_results(design.scenario, design.inputs, std::move(run));
  return optimization;
}

}  // namespace stargate
