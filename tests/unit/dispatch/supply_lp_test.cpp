#include "stargate/dispatch/supply_lp.hpp"

#include <gtest/gtest.h>

#include "stargate/lp/clp_solver.hpp"
#include "stargate/lp/infeasibility.hpp"

namespace stargate {
namespace {

// A problem of `steps` one-hour steps with a constant firm load, flat carbon, no flexible work.
SupplyLpProblem flat_problem(std::size_t steps, double load_mw, double import_mw) {
  SupplyLpProblem p;
  p.firm_load_mw.assign(steps, load_mw);
  p.flexible_it_mw.assign(steps, 0.0);
  p.pue.assign(steps, 1.0);
  p.price_usd_per_mwh.assign(steps, 40.0);
  p.carbon_t_per_mwh.assign(steps, 0.4);
  p.grid.import_mw.fixed = import_mw;
  return p;
}

SupplyPlan solve_plan(const SupplyLpProblem& problem) {
  const SupplyLp lp = build_supply_lp(problem);
  return read_supply_plan(problem, lp, lp::solve(lp.model));
}

BatteryCandidate ideal_battery(double power_mw, double energy_mwh) {
  BatteryCandidate battery;
  battery.power_mw.fixed = power_mw;
  battery.energy_mwh.fixed = energy_mwh;
  battery.charge_efficiency = 1.0;
  battery.discharge_efficiency = 1.0;
  battery.soc_min_fraction = 0.0;
  battery.soc_max_fraction = 1.0;
  return battery;
}

TEST(SupplyLp, CleanShareBuysJustEnoughSolar) {
  // Load 100 MW for 4 hours; solar gives 1 MW/MW in the first two. Solar costs 200 $/MW, more
  // than the 80 $ of grid energy a MW of it saves, so none is bought without a requirement;
  // a clean share of 0.5 needs 200 MWh of the 400: 100 MW, 20,000 $ + 200 MWh x 40 $.
  SupplyLpProblem p = flat_problem(4, 100.0, 100.0);
  RenewableCandidate solar{"pv", {1.0, 1.0, 0.0, 0.0}, {}};
  solar.capacity = CapacityChoice{true, 0.0, 0.0, 1000.0, 200.0};
  p.solar.push_back(solar);
  SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.solar_mw[0], 0.0, 1e-9);
  EXPECT_NEAR(plan.objective_usd, 16'000.0, 1e-6);

  p.min_clean_share = 0.5;
  plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.solar_mw[0], 100.0, 1e-7);
  EXPECT_NEAR(plan.objective_usd, 28'000.0, 1e-6);
  EXPECT_NEAR(plan.capacity_cost_usd, 20'000.0, 1e-6);
  EXPECT_NEAR(plan.grid_energy_cost_usd, 8'000.0, 1e-6);
  EXPECT_NEAR(plan.clean_share, 0.5, 1e-9);
  EXPECT_NEAR(plan.co2_t, 200.0 * 0.4, 1e-9);
}

TEST(SupplyLp, UnreachableCleanShareIsDiagnosed) {
  // Solar can serve only the two sunny hours: at most half the load is clean without storage.
  SupplyLpProblem p = flat_problem(4, 100.0, 100.0);
  RenewableCandidate solar{"pv", {1.0, 1.0, 0.0, 0.0}, {}};
  solar.capacity = CapacityChoice{true, 0.0, 0.0, 1000.0, 200.0};
  p.solar.push_back(solar);
  p.min_clean_share = 0.6;
  const SupplyLp lp = build_supply_lp(p);
  EXPECT_EQ(lp::solve(lp.model).status, lp::Status::kInfeasible);
  const lp::InfeasibilityDiagnosis diagnosis = lp::diagnose_infeasibility(lp.model);
  ASSERT_EQ(diagnosis.unmet.size(), 1U);
  EXPECT_EQ(diagnosis.unmet[0].row, lp.clean_row);
  EXPECT_EQ(diagnosis.unmet[0].requirement, "annual clean share >= 0.6");
  EXPECT_NEAR(diagnosis.unmet[0].reachable, 200.0, 1e-6);  // MWh clean of 240 asked
  EXPECT_NEAR(diagnosis.unmet[0].shortfall, 40.0, 1e-6);
}

TEST(SupplyLp, BatteryArbitrage) {
  // Prices 10 and 100 $/MWh; a 50 MW / 100 MWh ideal battery moves 50 MWh to the dear hour:
  // 150 MWh x 10 + 50 MWh x 100 = 6,500 $.
  SupplyLpProblem p = flat_problem(2, 100.0, 200.0);
  p.price_usd_per_mwh = {10.0, 100.0};
  p.battery = ideal_battery(50.0, 100.0);
  const SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.objective_usd, 6'500.0, 1e-6);
  EXPECT_NEAR(plan.charge[0], 50.0, 1e-7);
  EXPECT_NEAR(plan.discharge[1], 50.0, 1e-7);
  EXPECT_NEAR(plan.import[0], 150.0, 1e-7);
}

TEST(SupplyLp, FlexibleWorkMovesToCheapHoursAndShedsAtItsValue) {
  // 100 MW of flexible IT in each of two hours (one window), prices 10 and 100, import 150 MW:
  // 150 MW in the cheap hour, 50 in the dear one = 1,500 + 5,000 $. Allowing 10 % shed at
  // 30 $/MWh sheds 20 MWh of the dear hour: 1,500 + 3,000 + 600 = 5,100 $.
  SupplyLpProblem p = flat_problem(2, 0.0, 150.0);
  p.price_usd_per_mwh = {10.0, 100.0};
  p.flexible_it_mw = {100.0, 100.0};
  p.flexible_it_max_mw = {200.0, 200.0};
  p.flexible_window_steps = 2;
  SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.objective_usd, 6'500.0, 1e-6);
  EXPECT_NEAR(plan.flexible_it[0], 150.0, 1e-7);

  p.max_shed_fraction = 0.1;
  p.shed_cost_usd_per_mwh = 30.0;
  plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.objective_usd, 5'100.0, 1e-6);
  EXPECT_NEAR(plan.shed_it_mwh, 20.0, 1e-7);
}

TEST(SupplyLp, ExtraItCapacityLetsFlexibleWorkFollowPrices) {
  // 100 MWh of flexible work over a two-hour window, 50 MW of IT capacity for it, energy at
  // 100 $/MWh then free. Without extra capacity the work runs 50 + 50 MW: 5,000 $. Extra IT at
  // 30 $/MW moves all of it to the free hour with 50 MW more: 1,500 $. At 120 $/MW it is not
  // worth buying.
  SupplyLpProblem p = flat_problem(2, 0.0, 500.0);
  p.flexible_it_mw = {50.0, 50.0};
  p.flexible_it_max_mw = {50.0, 50.0};
  p.flexible_window_steps = 2;
  p.price_usd_per_mwh = {100.0, 0.0};
  SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.objective_usd, 5'000.0, 1e-6);

  p.extra_it_mw = CapacityChoice{true, 0.0, 0.0, 1000.0, 30.0};
  for (const CapacityColumns form : {CapacityColumns::kShared, CapacityColumns::kPerStep}) {
    const SupplyLp lp = build_supply_lp(p, form);
    plan = read_supply_plan(p, lp, lp::solve(lp.model));
    ASSERT_EQ(plan.status, lp::Status::kOptimal);
    EXPECT_NEAR(plan.objective_usd, 1'500.0, 1e-6);
    EXPECT_NEAR(plan.extra_it_mw, 50.0, 1e-7);
    EXPECT_NEAR(plan.flexible_it[0], 0.0, 1e-7);
    EXPECT_NEAR(plan.flexible_it[1], 100.0, 1e-7);
  }
  p.extra_it_mw.annual_cost_usd_per_unit = 120.0;
  plan = solve_plan(p);
  EXPECT_NEAR(plan.objective_usd, 5'000.0, 1e-6);
  EXPECT_NEAR(plan.extra_it_mw, 0.0, 1e-9);
}

TEST(SupplyLp, TwentyFourSevenNeedsStorageSizedByHand) {
  // Solar only in hour 0, load 100 MW in both hours, no grid: 24/7 clean needs 200 MW of solar,
  // and a 100 MW / 100 MWh battery carrying the second hour from the clean pool.
  SupplyLpProblem p = flat_problem(2, 100.0, 0.0);
  RenewableCandidate solar{"pv", {1.0, 0.0}, {}};
  solar.capacity = CapacityChoice{true, 0.0, 0.0, 1000.0, 10.0};
  p.solar.push_back(solar);
  BatteryCandidate battery = ideal_battery(0.0, 0.0);
  battery.power_mw = CapacityChoice{true, 0.0, 0.0, 1000.0, 3.0};
  battery.energy_mwh = CapacityChoice{true, 0.0, 0.0, 1000.0, 2.0};
  p.battery = battery;
  p.min_cfe_share = 1.0;
  const SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.solar_mw[0], 200.0, 1e-6);
  EXPECT_NEAR(plan.battery_power_mw, 100.0, 1e-6);
  EXPECT_NEAR(plan.battery_energy_mwh, 100.0, 1e-6);
  EXPECT_NEAR(plan.objective_usd, 200.0 * 10.0 + 100.0 * 3.0 + 100.0 * 2.0, 1e-6);
  EXPECT_NEAR(plan.cfe_share, 1.0, 1e-9);
}

TEST(SupplyLp, PerStepCapacityCopiesKeepTheOptimum) {
  // The 24/7 case over 6 steps (sun every other hour) with chosen solar, battery power, battery
  // energy and interconnection: one copy per later step and one chain row each.
  constexpr std::size_t kSteps = 6;
  SupplyLpProblem p = flat_problem(kSteps, 100.0, 0.0);
  p.grid.import_mw = CapacityChoice{true, 0.0, 0.0, 1000.0, 1.0};
  RenewableCandidate solar{"pv", {1.0, 0.0, 1.0, 0.0, 1.0, 0.0}, {}};
  solar.capacity = CapacityChoice{true, 0.0, 0.0, 1000.0, 200.0};
  p.solar.push_back(solar);
  BatteryCandidate battery = ideal_battery(0.0, 0.0);
  battery.power_mw = CapacityChoice{true, 0.0, 0.0, 1000.0, 3.0};
  battery.energy_mwh = CapacityChoice{true, 0.0, 0.0, 1000.0, 2.0};
  p.battery = battery;
  p.min_cfe_share = 0.75;
  const SupplyLp shared = build_supply_lp(p);
  const SupplyLp copies = build_supply_lp(p, CapacityColumns::kPerStep);
  constexpr int kChosen = 4;
  EXPECT_EQ(copies.model.column_count(), shared.model.column_count() + kChosen * (kSteps - 1));
  EXPECT_EQ(copies.model.row_count(), shared.model.row_count() + kChosen * (kSteps - 1));

  const SupplyPlan reference = read_supply_plan(p, shared, lp::solve(shared.model));
  ASSERT_EQ(reference.status, lp::Status::kOptimal);
  // By hand: 75 % of 600 MWh matched. A MW of solar (200 $) saves only 120 $ of grid energy, so
  // the requirement binds: each sunny hour serves 100 MW directly and charges 50 MW for the next
  // dark hour, which takes its other 50 MW from the grid. Solar 150 MW, battery 50 MW / 50 MWh,
  // interconnection 50 MW, 150 MWh imported (even discharge needs the least battery power).
  EXPECT_NEAR(reference.objective_usd, 30'000.0 + 150.0 + 100.0 + 50.0 + 150.0 * 40.0, 1e-6);
  lp::SolveOptions barrier;
  barrier.algorithm = lp::Algorithm::kBarrier;
  barrier.crossover = false;
  barrier.presolve_substitution = false;
  for (const lp::SolveOptions& options : {lp::SolveOptions{}, barrier}) {
    const lp::Solution solution = lp::solve(copies.model, options);
    const SupplyPlan plan = read_supply_plan(p, copies, solution);
    ASSERT_EQ(plan.status, lp::Status::kOptimal) << solution.detail;
    EXPECT_NEAR(plan.objective_usd, reference.objective_usd, 1e-6 * reference.objective_usd);
    EXPECT_NEAR(plan.solar_mw[0], 150.0, 1e-4);
    EXPECT_NEAR(plan.battery_power_mw, 50.0, 1e-4);
    EXPECT_NEAR(plan.battery_energy_mwh, 50.0, 1e-4);
    EXPECT_NEAR(plan.import_mw, 50.0, 1e-4);
    EXPECT_NEAR(plan.cfe_share, 0.75, 1e-6);
  }
}

TEST(SupplyLp, GasRampLimitsBindAndDemandChargeAppliesToPeaks) {
  // Load 100 then 300 MW; gas 300 MW that ramps 100 MW per hour; the rest from the grid. The
  // grid costs 40 $/MWh plus a 1,000 $/MW demand charge in hour 1; gas costs 30 $/MWh.
  SupplyLpProblem p = flat_problem(2, 0.0, 500.0);
  p.firm_load_mw = {100.0, 300.0};
  p.demand_charge_usd_per_mw = {0.0, 1'000.0};
  GasCandidate gas;
  gas.capacity_mw.fixed = 300.0;
  gas.cost_usd_per_mwh = 30.0;
  gas.ramp_fraction_per_step = 1.0 / 3.0;
  p.gas = gas;
  p.cyclic_storage = false;
  const SupplyPlan plan = solve_plan(p);
  ASSERT_EQ(plan.status, lp::Status::kOptimal);
  EXPECT_NEAR(plan.gas[0], 100.0, 1e-7);
  EXPECT_NEAR(plan.gas[1], 200.0, 1e-7);
  EXPECT_NEAR(plan.import[1], 100.0, 1e-7);
  EXPECT_NEAR(plan.objective_usd, 300.0 * 30.0 + 100.0 * 40.0 + 100.0 * 1'000.0, 1e-6);
}

TEST(SupplyLp, RejectsMismatchedSeries) {
  SupplyLpProblem p = flat_problem(3, 10.0, 10.0);
  p.pue.pop_back();
  EXPECT_THROW((void)build_supply_lp(p), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
