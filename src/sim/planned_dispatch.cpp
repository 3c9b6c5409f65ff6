#include "sim/planned_dispatch.hpp"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>

#include "stargate/core/units.hpp"
#include "stargate/lp/clp_solver.hpp"
#include "stargate/sim/lp_supply_candidates.hpp"

namespace stargate {
namespace {

std::size_t whole_steps(double seconds, double step_s) {
  return static_cast<std::size_t>(std::llround(seconds / step_s));
}

}  // namespace

DispatchPlanner::DispatchPlanner(const Scenario& scenario, const TimeGrid& grid,
                                 PlannerSeries series)
    : scenario_(scenario), grid_(grid), series_(series) {
  const DispatchSection& dispatch = scenario.dispatch;
  assert(dispatch.policy != DispatchPolicy::kRules);
  const double step_s = grid.step_h() * kSecondsPerHour;
  if (dispatch.policy == DispatchPolicy::kMpc) {
    window_steps_ = std::max<std::size_t>(1, whole_steps(dispatch.mpc_window_s, step_s));
    interval_steps_ =
        std::clamp<std::size_t>(whole_steps(dispatch.mpc_interval_s, step_s), 1, window_steps_);
    persistence_ = dispatch.mpc_forecast == MpcForecast::kPersistence;
  } else {
    window_steps_ = grid.size();
    interval_steps_ = grid.size();
  }
  day_steps_ = std::max<std::size_t>(1, whole_steps(kSecondsPerDay, step_s));
  battery_net_kw_.assign(grid.size(), 0.0);
  gas_kw_.assign(grid.size(), 0.0);

  problem_.step_h = grid.step_h();
  problem_.unserved_cost_usd_per_mwh = dispatch.unserved_cost_usd_per_mwh;
  problem_.carbon_price_usd_per_t = dispatch.carbon_price_usd_per_t;
  problem_.cyclic_storage = false;
  problem_.terminal_soc_min_mwh = 0.0;
  problem_.grid.import_mw.fixed = scenario.grid.import_limit_kw / kKwPerMw;
  four_cp_usd_per_mw_.assign(series.four_cp_usd_per_kw.begin(), series.four_cp_usd_per_kw.end());
  for (double& price : four_cp_usd_per_mw_) {
    price *= kKwPerMw;
  }
  problem_.grid.export_limit_mw = scenario.grid.export_limit_kw / kKwPerMw;
  problem_.grid.export_price_share = scenario.grid.export_price_share;
  if (series.solar_capacity_kw > 0.0) {
    problem_.solar.push_back(RenewableCandidate{
        "solar", {}, CapacityChoice{.fixed = series.solar_capacity_kw / kKwPerMw}});
  }
  if (series.wind_capacity_kw > 0.0) {
    problem_.wind.push_back(RenewableCandidate{
        "wind", {}, CapacityChoice{.fixed = series.wind_capacity_kw / kKwPerMw}});
  }
}

void DispatchPlanner::fill_problem(std::size_t first, std::size_t steps) {
  SupplyLpProblem& p = problem_;
  // Persistence: the last day before the window, repeated; perfect before a day has passed.
  const bool repeat = persistence_ && first >= day_steps_;
  const auto source = [&](std::size_t k) {
    return repeat ? first - day_steps_ + k % day_steps_ : first + k;
  };
  for (auto* values :
       {&p.firm_load_mw, &p.flexible_it_mw, &p.pue, &p.price_usd_per_mwh, &p.carbon_t_per_mwh}) {
    values->resize(steps);
  }
  std::fill(p.flexible_it_mw.begin(), p.flexible_it_mw.end(), 0.0);
  std::fill(p.pue.begin(), p.pue.end(), 1.0);
  for (auto& plant : p.solar) {
    plant.output_per_mw.resize(steps);
  }
  for (auto& plant : p.wind) {
    plant.output_per_mw.resize(steps);
  }
  for (std::size_t k = 0; k < steps; ++k) {
    const std::size_t t = source(k);
    p.firm_load_mw[k] = series_.facility_kw[t] / kKwPerMw;
    p.price_usd_per_mwh[k] = series_.price_usd_per_mwh[t];
    p.carbon_t_per_mwh[k] = series_.carbon_kg_per_mwh[t] / kKgPerTonne;
    if (!p.solar.empty()) {
      p.solar.front().output_per_mw[k] = series_.solar_kw[t] / series_.solar_capacity_kw;
    }
    if (!p.wind.empty()) {
      p.wind.front().output_per_mw[k] = series_.wind_kw[t] / series_.wind_capacity_kw;
    }
  }
  if (!four_cp_usd_per_mw_.empty()) {
    const auto window = std::span(four_cp_usd_per_mw_).subspan(first, steps);
    p.demand_charge_usd_per_mw.assign(window.begin(), window.end());
  }
  // The assets' online shares are a schedule, known ahead.
  p.battery = lp_battery(scenario_.batteries, scenario_.dispatch.battery_charge_from_grid, grid_,
                         first, steps);
  p.gas = lp_gas(scenario_.gas, grid_, first, steps);
}

lp::Status DispatchPlanner::plan(std::size_t first, double stored_kwh, double clean_kwh) {
  const auto start = std::chrono::steady_clock::now();
  const std::size_t steps = std::min(window_steps_, grid_.size() - first);
  fill_problem(first, steps);
  if (problem_.battery) {
    const bool two_pools = problem_.battery->charge_from_grid;
    const double clean = two_pools ? std::clamp(clean_kwh, 0.0, stored_kwh) : stored_kwh;
    problem_.initial_soc_clean_mwh = clean / kKwhPerMwh;
    problem_.initial_soc_grid_mwh = (stored_kwh - clean) / kKwhPerMwh;
  }
  const SupplyLp lp = build_supply_lp(problem_);
  rows_ = std::max(rows_, lp.model.row_count());
  columns_ = std::max(columns_, lp.model.column_count());
  const lp::Solution solution = lp::solve(lp.model);
  if (solution.optimal()) {
    const SupplyPlan plan = read_supply_plan(problem_, lp, solution);
    for (std::size_t k = 0; k < steps; ++k) {
      battery_net_kw_[first + k] = (plan.discharge[k] - plan.charge[k]) * kKwPerMw;
      gas_kw_[first + k] = plan.gas[k] * kKwPerMw;
    }
  }
  ++solves_;
  solve_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return solution.status;
}

}  // namespace stargate
