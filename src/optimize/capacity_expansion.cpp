#include "stargate/optimize/capacity_expansion.hpp"

#include <chrono>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "stargate/core/units.hpp"
#include "stargate/lp/clp_solver.hpp"
#include "stargate/lp/mps_writer.hpp"

namespace stargate {
namespace {

lp::Algorithm algorithm_of(LpAlgorithm algorithm) {
  switch (algorithm) {
    case LpAlgorithm::kPrimal: return lp::Algorithm::kPrimalSimplex;
    case LpAlgorithm::kBarrier: return lp::Algorithm::kBarrier;
    case LpAlgorithm::kDual:
    case LpAlgorithm::kAutomatic: break;  // automatic: expansion_solve_options
  }
  return lp::Algorithm::kDualSimplex;
}

std::string gw(double kw) {
  return fmt::format("{:g} GW", kw / 1.0e6);
}

// What the allowed assets are, for the infeasibility message.
std::string supply_limits(const ExpansionInputs& in, const OptimizeSection& o) {
  const SupplyLpProblem& p = in.problem;
  std::vector<std::string> parts;
  parts.push_back(p.solar.empty() ? "no solar" : "solar <= " + gw(o.solar_max_kw) + " per array");
  parts.push_back(p.wind.empty() ? "no wind" : "wind <= " + gw(o.wind_max_kw) + " per farm");
  parts.push_back(p.battery ? fmt::format("battery <= {} / {:g} GWh", gw(o.battery_power_max_kw),
                                          o.battery_energy_max_kwh / 1.0e6)
                            : "no battery");
  parts.push_back(p.gas ? "gas <= " + gw(o.gas_max_kw) : "no gas");
  parts.emplace_back("no firm clean supply");
  parts.push_back(fmt::format("an import limit of {}", gw(o.import_max_kw)));
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return text;
}

double baseline_load_mwh(const SupplyLpProblem& p) {
  double mwh = 0.0;
  for (std::size_t t = 0; t < p.steps(); ++t) {
    mwh += (p.firm_load_mw[t] + p.pue[t] * p.flexible_it_mw[t]) * p.step_h;
  }
  return mwh;
}

std::string explain(const ExpansionInputs& in, const SupplyLp& built,
                    const lp::InfeasibilityDiagnosis& diagnosis, const OptimizeSection& o) {
  if (diagnosis.physics_conflict) {
    return "the model is infeasible even with every requirement relaxed (a conflict among the "
           "physical limits)";
  }
  const std::string limits = supply_limits(in, o);
  const double load_mwh = baseline_load_mwh(in.problem);
  std::vector<std::string> reasons;
  std::map<std::string, std::pair<int, double>> grouped;  // requirement -> steps, shortfall
  for (const lp::UnmetRequirement& unmet : diagnosis.unmet) {
    if (unmet.row == built.clean_row || unmet.row == built.cfe_row) {
      const bool clean = unmet.row == built.clean_row;
      const double asked = clean ? o.clean_share : o.cfe;
      const double reachable = std::max(0.0, asked - unmet.shortfall / load_mwh);
      reasons.push_back(fmt::format("{} {:g} is unreachable: at most about {:.3f} with {}",
                                    clean ? "clean share" : "24/7 CFE", asked, reachable, limits));
    } else if (unmet.row == built.curtailment_row) {
      reasons.push_back(fmt::format(
          "curtailment of at most {:g} % cannot be met together with the other requirements "
          "(about {:.0f} MWh more must be curtailed)",
          o.max_curtailed_fraction * 100.0, unmet.shortfall));
    } else {
      auto& [count, shortfall] = grouped[unmet.requirement];
      ++count;
      shortfall += unmet.shortfall;
    }
  }
  for (const auto& [requirement, count_shortfall] : grouped) {
    reasons.push_back(fmt::format("cannot {} in {} steps (short {:.0f} MWh in all) with {}",
                                  requirement, count_shortfall.first, count_shortfall.second,
                                  limits));
  }
  std::string text;
  for (const std::string& reason : reasons) {
    text += (text.empty() ? "" : "; ") + reason;
  }
  return text;
}

}  // namespace

lp::SolveOptions expansion_solve_options(const OptimizeSection& options, std::size_t steps) {
  lp::SolveOptions solve_options;
  solve_options.time_limit_s = options.time_limit_s;
  solve_options.algorithm = algorithm_of(options.algorithm);
  if (options.algorithm == LpAlgorithm::kAutomatic) {
    solve_options.algorithm =
        steps > kSimplexMaxSteps ? lp::Algorithm::kBarrier : lp::Algorithm::kDualSimplex;
  }
  if (solve_options.algorithm == lp::Algorithm::kBarrier) {
    solve_options.presolve_substitution = false;
    solve_options.crossover = options.crossover;
  }
  return solve_options;
}

ExpansionResult solve_expansion(const ExpansionInputs& inputs, const OptimizeSection& options,
                                const std::optional<std::filesystem::path>& mps_path) {
  const auto started = std::chrono::steady_clock::now();
  const lp::SolveOptions solve_options = expansion_solve_options(options, inputs.problem.steps());
  const bool barrier = solve_options.algorithm == lp::Algorithm::kBarrier;
  const SupplyLp built = build_supply_lp(
      inputs.problem, barrier ? CapacityColumns::kPerStep : CapacityColumns::kShared);
  ExpansionResult result;
  result.build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.rows = built.model.row_count();
  result.columns = built.model.column_count();
  result.nonzeros = built.model.nonzero_count();
  if (mps_path) {
    lp::write_mps(built.model, *mps_path, "stargate-expansion");
  }
  const lp::Solution solution = lp::solve(built.model, solve_options);
  result.status = solution.status;
  result.solve_seconds = solution.solve_seconds;
  result.iterations = solution.iterations;
  result.backend = solution.backend;
  if (solution.optimal()) {
    result.lp_objective_usd = solution.objective;
    result.plan = read_supply_plan(inputs.problem, built, solution);
  } else if (solution.status == lp::Status::kInfeasible ||
             (barrier && solution.status == lp::Status::kFailed)) {
    // An interior point may stop without proving infeasibility; the elastic model (always
    // feasible) says whether a requirement is out of reach. Its solve ends at a vertex so that
    // slack left at zero is exactly zero.
    lp::SolveOptions diagnosis_options = solve_options;
    diagnosis_options.crossover = true;
    const lp::InfeasibilityDiagnosis diagnosis =
        lp::diagnose_infeasibility(built.model, diagnosis_options);
    if (diagnosis.physics_conflict || !diagnosis.unmet.empty()) {
      result.status = lp::Status::kInfeasible;
      result.infeasibility = explain(inputs, built, diagnosis, options);
    }
  }
  return result;
}

double extra_gpus(const ExpansionInputs& inputs, const SupplyPlan& plan) {
  return inputs.extra_gpu_it_kw > 0.0 ? plan.extra_it_mw * kKwPerMw / inputs.extra_gpu_it_kw : 0.0;
}

DesignRun design_run(const Scenario& scenario, const RunInputs& inputs, const ExpansionInputs& in,
                     const SupplyPlan& plan) {
  constexpr double kMinKw = 1.0;
  constexpr double kDefaultGasUnitKw = 50'000.0;
  DesignRun run{scenario, inputs};
  Scenario& design = run.scenario;
  const LocalTime start = run_grid(scenario).time(0);

  design.solar.clear();
  for (std::size_t s = 0; s < in.solar_designs.size(); ++s) {
    SolarSection array = in.solar_designs[s];
    array.dc_capacity_kw = plan.solar_mw[s] * kKwPerMw;
    array.online = s < scenario.solar.size() ? scenario.solar[s].online : start;
    if (array.dc_capacity_kw >= kMinKw) {
      design.solar.push_back(array);
    }
  }
  design.wind.clear();
  run.inputs.farm_curves.clear();
  for (std::size_t w = 0; w < in.wind_designs.size(); ++w) {
    WindSection farm = in.wind_designs[w];
    farm.turbines = std::llround(plan.wind_mw[w] * kKwPerMw / in.wind_curves[w].rated_kw);
    if (w < scenario.wind.size()) {
      farm.online = scenario.wind[w].online;
      farm.wake = scenario.wind[w].wake;
    }
    if (farm.turbines >= 1) {
      design.wind.push_back(farm);
      run.inputs.farm_curves.push_back(in.wind_curves[w]);
    }
  }

  const double power_kw = plan.battery_power_mw * kKwPerMw;
  const double energy_kwh = plan.battery_energy_mwh * kKwhPerMwh;
  double old_power_kw = 0.0;
  double old_energy_kwh = 0.0;
  for (const BatterySection& b : scenario.batteries) {
    old_power_kw += b.power_kw;
    old_energy_kwh += b.energy_kwh;
  }
  design.batteries.clear();
  if (power_kw >= kMinKw && energy_kwh >= kMinKw) {
    if (old_power_kw > 0.0 && old_energy_kwh > 0.0) {
      for (BatterySection b : scenario.batteries) {
        b.power_kw *= power_kw / old_power_kw;
        b.energy_kwh *= energy_kwh / old_energy_kwh;
        design.batteries.push_back(b);
      }
    } else {
      BatterySection b;
      b.name = "battery";
      b.online = start;
      b.power_kw = power_kw;
      b.energy_kwh = energy_kwh;
      design.batteries.push_back(b);
    }
  }

  const double gas_kw = plan.gas_mw * kKwPerMw;
  double old_gas_kw = 0.0;
  for (const GasSection& g : scenario.gas) {
    old_gas_kw += static_cast<double>(g.units) * g.unit_capacity_kw;
  }
  design.gas.clear();
  if (gas_kw >= kMinKw) {
    if (old_gas_kw > 0.0) {
      for (GasSection g : scenario.gas) {
        g.unit_capacity_kw *= gas_kw / old_gas_kw;
        design.gas.push_back(g);
      }
    } else {
      GasSection g;
      g.name = "gas";
      g.online = start;
      g.units = std::max<std::int64_t>(1, std::llround(std::ceil(gas_kw / kDefaultGasUnitKw)));
      g.unit_capacity_kw = gas_kw / static_cast<double>(g.units);
      design.gas.push_back(g);
    }
  }
  // Extra GPUs join the first building with their IT capacity.
  if (in.extra_gpu_it_kw > 0.0 && !design.buildings.empty()) {
    const std::int64_t extra = std::llround(extra_gpus(in, plan));
    design.buildings.front().gpus += extra;
    design.buildings.front().it_capacity_kw += static_cast<double>(extra) * in.extra_gpu_it_kw;
  }
  // The LP plans with foresight; the engine's LP dispatch runs the design the same way (an mpc
  // policy of the scenario is kept).
  if (design.dispatch.policy == DispatchPolicy::kRules) {
    design.dispatch.policy = DispatchPolicy::kLp;
  }
  design.grid.import_limit_kw = plan.import_mw * kKwPerMw;
  design.grid.export_limit_kw =
      std::min(scenario.grid.export_limit_kw, design.grid.import_limit_kw);
  return run;
}

}  // namespace stargate
