#include "stargate/lp/clp_solver.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>

#include "lp_test_models.hpp"

namespace stargate::lp {
namespace {

TEST(ClpSolver, WyndorOptimumAndShadowPrices) {
  const Model model = test::wyndor();
  for (const Algorithm algorithm :
       {Algorithm::kDualSimplex, Algorithm::kPrimalSimplex, Algorithm::kBarrier}) {
    SolveOptions options;
    options.algorithm = algorithm;
    const Solution solution = solve(model, options);
    ASSERT_EQ(solution.status, Status::kOptimal) << solution.detail;
    EXPECT_NEAR(solution.objective, -36.0, 1e-7);
    EXPECT_NEAR(solution.column_values[0], 2.0, 1e-7);
    EXPECT_NEAR(solution.column_values[1], 6.0, 1e-7);
    // One more unit of plant 2's or 3's capacity lowers the minimised objective by 1.5 and 1.
    EXPECT_NEAR(solution.row_duals[0], 0.0, 1e-7);
    EXPECT_NEAR(solution.row_duals[1], -1.5, 1e-7);
    EXPECT_NEAR(solution.row_duals[2], -1.0, 1e-7);
    EXPECT_NEAR(solution.row_activity[2], 18.0, 1e-7);
    EXPECT_NEAR(model.objective_at(solution.column_values), solution.objective, 1e-9);
  }
}

TEST(ClpSolver, BarrierWithoutCrossoverIsOptimalWithShadowPrices) {
  const Model model = test::wyndor();
  SolveOptions options;
  options.algorithm = Algorithm::kBarrier;
  options.crossover = false;
  options.presolve_substitution = false;
  const Solution solution = solve(model, options);
  ASSERT_EQ(solution.status, Status::kOptimal) << solution.detail;
  EXPECT_NEAR(solution.objective, -36.0, 1e-6);
  EXPECT_NEAR(solution.column_values[0], 2.0, 1e-6);
  EXPECT_NEAR(solution.column_values[1], 6.0, 1e-6);
  EXPECT_NEAR(solution.row_duals[1], -1.5, 1e-6);
  EXPECT_NEAR(solution.row_duals[2], -1.0, 1e-6);
}

TEST(ClpSolver, ShadowPriceMatchesResolve) {
  Model model = test::wyndor();
  const double base = solve(model).objective;
  model.set_row_bounds(2, -kInfinity, 19.0);
  EXPECT_NEAR(solve(model).objective - base, -1.0, 1e-7);
}

TEST(ClpSolver, EqualityRangedAndNegativeBounds) {
  // min x + 2y s.t. x + y = 10, 2 <= x - y <= 4, y >= -3, x <= 20: x - y at its upper 4 gives
  // x = 7, y = 3, objective 13.
  Model model;
  const int x = model.add_column("x", -kInfinity, 20.0, 1.0);
  const int y = model.add_column("y", -3.0, kInfinity, 2.0);
  model.add_row("sum", 10.0, 10.0, std::array{Term{x, 1.0}, Term{y, 1.0}});
  model.add_row("gap", 2.0, 4.0, std::array{Term{x, 1.0}, Term{y, -1.0}});
  const Solution solution = solve(model);
  ASSERT_TRUE(solution.optimal());
  EXPECT_NEAR(solution.objective, 13.0, 1e-9);
  EXPECT_NEAR(solution.column_values[x], 7.0, 1e-9);
}

TEST(ClpSolver, InfeasibleIsAnOutcome) {
  Model model;
  const int x = model.add_column("x", 0.0, 1.0, 1.0);
  const int y = model.add_column("y", 0.0, 1.0, 1.0);
  model.add_row("need", 5.0, kInfinity, std::array{Term{x, 1.0}, Term{y, 1.0}});
  const Solution solution = solve(model);
  EXPECT_EQ(solution.status, Status::kInfeasible);
  EXPECT_EQ(to_string(solution.status), "infeasible");

  // The barrier may not prove infeasibility; it must not pass for a time limit or an optimum.
  SolveOptions barrier;
  barrier.algorithm = Algorithm::kBarrier;
  barrier.crossover = false;
  barrier.presolve = false;
  const Status status = solve(model, barrier).status;
  EXPECT_TRUE(status == Status::kInfeasible || status == Status::kFailed) << to_string(status);
}

TEST(ClpSolver, UnboundedIsAnOutcome) {
  Model model;
  const int x = model.add_column("x", 0.0, kInfinity, -1.0);
  const int y = model.add_column("y", 0.0, kInfinity, 0.0);
  model.add_row("link", -kInfinity, 1.0, std::array{Term{x, 1.0}, Term{y, -1.0}});
  SolveOptions options;
  options.presolve = false;
  EXPECT_EQ(solve(model, options).status, Status::kUnbounded);
}

TEST(ClpSolver, TimeLimitIsAnOutcome) {
  // A dense-ish assignment-like model that needs many iterations, with no time to spend.
  Model model;
  constexpr int kSize = 60;
  std::vector<int> column(kSize * kSize);
  for (int i = 0; i < kSize; ++i) {
    for (int j = 0; j < kSize; ++j) {
      column[i * kSize + j] = model.add_column(fmt::format("x{}_{}", i, j), 0.0, kInfinity,
                                               static_cast<double>((i * 7919 + j * 104729) % 1000));
    }
  }
  std::vector<Term> terms;
  for (int i = 0; i < kSize; ++i) {
    terms.clear();
    for (int j = 0; j < kSize; ++j) {
      terms.push_back({column[i * kSize + j], 1.0});
    }
    model.add_row(fmt::format("row{}", i), 1.0, 1.0, terms);
    terms.clear();
    for (int j = 0; j < kSize; ++j) {
      terms.push_back({column[j * kSize + i], 1.0});
    }
    model.add_row(fmt::format("col{}", i), 1.0, 1.0, terms);
  }
  SolveOptions options;
  options.time_limit_s = 0.0;
  options.presolve = false;
  EXPECT_EQ(solve(model, options).status, Status::kTimeLimit);
  EXPECT_EQ(solve(model).status, Status::kOptimal);
}

TEST(ClpSolver, ReportsBackendAndStatistics) {
  const Solution solution = solve(test::wyndor());
  EXPECT_NE(solution.backend.find("Clp"), std::string::npos);
  EXPECT_GE(solution.solve_seconds, 0.0);
  EXPECT_GT(solution.iterations, 0);
}

}  // namespace
}  // namespace stargate::lp
