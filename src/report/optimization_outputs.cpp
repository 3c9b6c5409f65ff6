#include "stargate/report/optimization_outputs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>
#include <stdexcept>

#include "report/output_files.hpp"
#include "stargate/lp/lp_solution.hpp"
#include "stargate/version.hpp"

namespace stargate {
namespace {

using report::Json;

Json sizes_json(const ExpansionInputs& in, const SupplyPlan& plan) {
  Json solar = Json::object();
  for (std::size_t s = 0; s < plan.solar_mw.size(); ++s) {
    solar[in.problem.solar[s].name] = plan.solar_mw[s];
  }
  Json wind = Json::object();
  for (std::size_t w = 0; w < plan.wind_mw.size(); ++w) {
    wind[in.problem.wind[w].name] = plan.wind_mw[w];
  }
  Json sizes = {{"solar_dc_mw", solar},
                {"wind_mw", wind},
                {"battery_power_mw", plan.battery_power_mw},
                {"battery_energy_mwh", plan.battery_energy_mwh},
                {"gas_mw", plan.gas_mw},
                {"grid_import_mw", plan.import_mw}};
  if (in.problem.extra_it_mw.choose) {
    sizes["extra_it_mw"] = plan.extra_it_mw;
    sizes["extra_gpus"] = extra_gpus(in, plan);
  }
  return sizes;
}

Json costs_json(const SupplyPlan& plan) {
  return {{"capacity", plan.capacity_cost_usd},       {"grid_energy", plan.grid_energy_cost_usd},
          {"demand_charges", plan.demand_charge_usd}, {"gas", plan.gas_cost_usd},
          {"carbon", plan.carbon_cost_usd},           {"export_revenue", plan.export_revenue_usd},
          {"compute_shed", plan.shed_cost_usd},       {"total", plan.objective_usd}};
}

Json optimization_json(const Scenario& scenario, const Optimization& optimization) {
  const ExpansionInputs& in = optimization.expansion;
  const ExpansionResult& result = optimization.result;
  const OptimizeSection& o = scenario.optimize;
  Json j;
  j["status"] = std::string(lp::to_string(result.status));
  j["lp_objective"] = result.lp_objective_usd;
  j["lp_objective_unit"] = "USD over the run (annualised capacity costs x years + operation)";
  j["solve_seconds"] = result.solve_seconds;
  j["build_seconds"] = result.build_seconds;
  j["iterations"] = result.iterations;
  j["backend"] = result.backend;
  j["model"] = {{"rows", result.rows},
                {"columns", result.columns},
                {"nonzeros", result.nonzeros},
                {"step_h", in.problem.step_h},
                {"steps", in.problem.steps()}};
  j["requirements"] = {
      {"clean_share", o.clean_share}, {"cfe", o.cfe}, {"max_curtailed", o.max_curtailed_fraction}};
  if (!result.infeasibility.empty()) {
    j["infeasibility"] = result.infeasibility;
  }
  j["notes"] = in.notes;
  if (result.status != lp::Status::kOptimal) {
    return j;
  }
  const SupplyPlan& plan = result.plan;
  j["sizes"] = sizes_json(in, plan);
  j["costs_usd"] = costs_json(plan);
  j["shadow_prices"] = {{"clean_share_usd_per_point", plan.clean_share_marginal_usd_per_point},
                        {"cfe_usd_per_point", plan.cfe_marginal_usd_per_point}};
  if (optimization.simulated) {
    Json rows = Json::array();
    for (const LpVersusSimulated& row : optimization.lp_vs_simulated) {
      rows.push_back({{"kpi", row.kpi},
                      {"lp", row.lp},
                      {"simulated", row.simulated},
                      {"difference", row.simulated - row.lp}});
    }
    j["lp_vs_simulated"] = rows;
  }
  return j;
}

}  // namespace

void write_optimization_outputs(const std::filesystem::path& directory, const Scenario& scenario,
                                const Optimization& optimization) {
  Json summary;
  if (optimization.simulated) {
    summary = report::run_summary(optimization.design->scenario, *optimization.simulated);
  } else {
    summary["format"] = "stargate-summary";
    summary["format_version"] = 1;
    summary["stargate_version"] = kVersion;
    summary["scenario"] = {{"name", scenario.run.name}, {"file", scenario.source_file}};
  }
  summary["optimization"] = optimization_json(scenario, optimization);
  if (optimization.simulated) {
    report::write_run_files(summary, *optimization.simulated, directory);
    return;
  }
  report::create_output_folder(directory);
  report::write_output_file(directory / "summary.json",
                            [&](std::ostream& out) { out << summary.dump(2) << '\n'; });
}

void write_pareto_csv(const std::filesystem::path& path, const ExpansionInputs& inputs,
                      const std::vector<ParetoPoint>& points) {
  std::ofstream out(path, std::ios::binary);
  out << "clean_share_required,status,lp_objective_usd,clean_share,cfe_share,"
         "clean_share_marginal_usd_per_point";
  for (const RenewableCandidate& solar : inputs.problem.solar) {
    out << ",solar_dc_mw_" << solar.name;
  }
  for (const RenewableCandidate& wind : inputs.problem.wind) {
    out << ",wind_mw_" << wind.name;
  }
  out << ",battery_power_mw,battery_energy_mwh,gas_mw,grid_import_mw,solve_seconds\n";
  for (const ParetoPoint& point : points) {
    const SupplyPlan& plan = point.result.plan;
    out << fmt::format("{},{},{},{},{},{}", point.clean_share, lp::to_string(point.result.status),
                       point.result.lp_objective_usd, plan.clean_share, plan.cfe_share,
                       plan.clean_share_marginal_usd_per_point);
    const bool optimal = point.result.status == lp::Status::kOptimal;
    for (std::size_t s = 0; s < inputs.problem.solar.size(); ++s) {
      out << ',' << (optimal ? plan.solar_mw[s] : 0.0);
    }
    for (std::size_t w = 0; w < inputs.problem.wind.size(); ++w) {
      out << ',' << (optimal ? plan.wind_mw[w] : 0.0);
    }
    out << fmt::format(",{},{},{},{},{}\n", plan.battery_power_mw, plan.battery_energy_mwh,
                       plan.gas_mw, plan.import_mw, point.result.solve_seconds);
  }
  if (!out) {
    throw std::runtime_error(fmt::format("cannot write {}", path.string()));
  }
}

void write_optimization_console(const Optimization& optimization, std::ostream& out) {
  const ExpansionInputs& inputs = optimization.expansion;
  const ExpansionResult& result = optimization.result;
  out << fmt::format(
      "LP: {} rows, {} columns, {} non-zeros ({} steps of {:g} h); {} in {:.2f} s "
      "({} iterations, {})\n",
      result.rows, result.columns, result.nonzeros, inputs.problem.steps(), inputs.problem.step_h,
      lp::to_string(result.status), result.solve_seconds, result.iterations, result.backend);
  if (!result.infeasibility.empty()) {
    out << "Infeasible: " << result.infeasibility << '\n';
  }
  if (result.status != lp::Status::kOptimal) {
    return;
  }
  const SupplyPlan& plan = result.plan;
  out << fmt::format(
      "Objective: {:.4g} M$ (capacity {:.4g}, grid energy {:.4g}, demand {:.4g}, "
      "gas {:.4g}, carbon {:.4g}, exports -{:.4g}, compute shed {:.4g})\n",
      plan.objective_usd / 1e6, plan.capacity_cost_usd / 1e6, plan.grid_energy_cost_usd / 1e6,
      plan.demand_charge_usd / 1e6, plan.gas_cost_usd / 1e6, plan.carbon_cost_usd / 1e6,
      plan.export_revenue_usd / 1e6, plan.shed_cost_usd / 1e6);
  out << "Sizes:";
  for (std::size_t s = 0; s < plan.solar_mw.size(); ++s) {
    out << fmt::format(" solar {} {:.0f} MWdc;", inputs.problem.solar[s].name, plan.solar_mw[s]);
  }
  for (std::size_t w = 0; w < plan.wind_mw.size(); ++w) {
    out << fmt::format(" wind {} {:.0f} MW;", inputs.problem.wind[w].name, plan.wind_mw[w]);
  }
  out << fmt::format(" battery {:.0f} MW / {:.0f} MWh; gas {:.0f} MW; grid {:.0f} MW",
                     plan.battery_power_mw, plan.battery_energy_mwh, plan.gas_mw, plan.import_mw);
  if (inputs.problem.extra_it_mw.choose) {
    out << fmt::format("; extra GPUs {:.0f} ({}, {:.1f} MW of IT)", extra_gpus(inputs, plan),
                       inputs.extra_gpu_type, plan.extra_it_mw);
  }
  out << "\n";
  out << fmt::format(
      "Marginal cost of clean share: {:.4g} M$ per point; of 24/7 CFE: {:.4g} M$ "
      "per point\n",
      plan.clean_share_marginal_usd_per_point / 1e6, plan.cfe_marginal_usd_per_point / 1e6);
  if (optimization.simulated) {
    out << fmt::format("{:<38}{:>16}{:>16}{:>14}\n", "KPI", "LP", "simulated", "difference");
    for (const LpVersusSimulated& row : optimization.lp_vs_simulated) {
      out << fmt::format("{:<38}{:>16.6g}{:>16.6g}{:>14.4g}\n", row.kpi, row.lp, row.simulated,
                         row.simulated - row.lp);
    }
  }
}

}  // namespace stargate
