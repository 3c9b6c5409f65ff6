// The Clp backend: the only translation unit that includes COIN-OR Clp.
#include "stargate/lp/clp_solver.hpp"

#include <ClpConfig.h>
#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <CoinFinite.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace stargate::lp {
namespace {

// Largest row violation, relative to max(1, |limit|), of a point the barrier calls optimal.
constexpr double kFeasibilityTolerance = 1e-6;
constexpr int kBarrierMaxIterations = 250;

double to_clp(double bound) {
  if (bound == kInfinity) {
    return COIN_DBL_MAX;
  }
  if (bound == -kInfinity) {
    return -COIN_DBL_MAX;
  }
  return bound;
}

// Clp's problem status (ClpModel.hpp) as an outcome. Secondary statuses of an optimal solve
// (6: presolve solved the whole problem; 2-4: tiny unscaled infeasibilities) stay optimal.
Status status_of(const ClpSimplex& clp) {
  switch (clp.status()) {
    case 0: return Status::kOptimal;
    case 1: return Status::kInfeasible;
    case 2: return Status::kUnbounded;
    case 3: return Status::kTimeLimit;
    default: return Status::kFailed;
  }
}

ClpSolve::SolveType solve_type(const SolveOptions& options) {
  switch (options.algorithm) {
    case Algorithm::kPrimalSimplex: return ClpSolve::usePrimal;
    case Algorithm::kBarrier:
      return options.crossover ? ClpSolve::useBarrier : ClpSolve::useBarrierNoCross;
    case Algorithm::kAutomatic: return ClpSolve::automatic;
    case Algorithm::kDualSimplex: break;
  }
  return ClpSolve::useDual;
}

}  // namespace

Solution solve(const Model& model, const SolveOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  Solution solution;
  solution.backend = fmt::format("COIN-OR Clp {}", CLP_VERSION);

  const int columns = model.column_count();
  const int rows = model.row_count();
  std::vector<double> column_lower(columns), column_upper(columns), cost(columns);
  for (int j = 0; j < columns; ++j) {
    column_lower[j] = to_clp(model.column_lower(j));
    column_upper[j] = to_clp(model.column_upper(j));
    cost[j] = model.cost(j);
  }
  std::vector<double> row_lower(rows), row_upper(rows);
  for (int i = 0; i < rows; ++i) {
    row_lower[i] = to_clp(model.row_lower(i));
    row_upper[i] = to_clp(model.row_upper(i));
  }
  const Model::ColumnMajor matrix = model.column_major();
  std::vector<CoinBigIndex> start(matrix.start.begin(), matrix.start.end());

  ClpSimplex clp;
  clp.setLogLevel(options.log_level);
  clp.loadProblem(columns, rows, start.data(), matrix.row_index.data(), matrix.value.data(),
                  column_lower.data(), column_upper.data(), cost.data(), row_lower.data(),
                  row_upper.data());
  clp.setMaximumSeconds(options.time_limit_s);
  if (options.algorithm == Algorithm::kBarrier && !options.crossover) {
    // Clp caps the barrier's iterations at the model's iteration limit when it is below 1000
    // (ClpSolve.cpp); a converging barrier needs about 100 here, a failing one (an infeasible
    // model) would run to 1000, minutes on a year. Not with crossover: the limit would also stop
    // the simplex that cleans up after presolve.
    clp.setMaximumIterations(kBarrierMaxIterations);
  }
  if (options.log_level > 0) {
    clp.messageHandler()->setLogLevel(options.log_level);
  }
  ClpSolve how;
  how.setSolveType(solve_type(options));
  how.setPresolveType(options.presolve ? ClpSolve::presolveOn : ClpSolve::presolveOff);
  if (!options.presolve_substitution) {
    how.setDoDoubleton(false);
    how.setDoTripleton(false);
    how.setDoImpliedFree(false);
  }
  clp.initialSolve(how);

  solution.status = status_of(clp);
  solution.iterations = clp.numberIterations();
  const double elapsed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (solution.status == Status::kTimeLimit && elapsed_s < options.time_limit_s) {
    // Clp's status 3 is "stopped on iterations or time": the barrier stops at its iteration
    // limit when it cannot converge (typically an infeasible model).
    solution.status = Status::kFailed;
    solution.detail =
        fmt::format("Clp stopped at its iteration limit after {} iterations", solution.iterations);
  } else if (solution.status == Status::kFailed || clp.secondaryStatus() != 0) {
    solution.detail = fmt::format("Clp stopped with status {} (secondary {})", clp.status(),
                                  clp.secondaryStatus());
  }
  if (solution.status == Status::kOptimal && options.algorithm == Algorithm::kBarrier &&
      !options.crossover) {
    // Without crossover Clp may call a point optimal that still violates rows (it does so for
    // infeasible models); the point counts only if every row holds to the tolerance.
    const double* activity = clp.primalRowSolution();
    double worst = 0.0;
    int worst_row = -1;
    for (int i = 0; i < rows; ++i) {
      const double below = model.row_lower(i) - activity[i];
      const double above = activity[i] - model.row_upper(i);
      const double limit = below > above ? model.row_lower(i) : model.row_upper(i);
      const double violation = std::max(below, above) / std::max(1.0, std::abs(limit));
      if (violation > worst) {
        worst = violation;
        worst_row = i;
      }
    }
    if (worst > kFeasibilityTolerance) {
      solution.status = Status::kFailed;
      solution.detail = fmt::format("the barrier ended with row {} violated by {:.3g} (relative)",
                                    model.row_name(worst_row), worst);
    }
  }
  solution.objective = clp.objectiveValue();
  const double* values = clp.primalColumnSolution();
  const double* activity = clp.primalRowSolution();
  const double* duals = clp.dualRowSolution();
  const double* reduced = clp.dualColumnSolution();
  solution.column_values.assign(values, values + columns);
  solution.row_activity.assign(activity, activity + rows);
  solution.row_duals.assign(duals, duals + rows);
  solution.reduced_costs.assign(reduced, reduced + columns);
  solution.solve_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return solution;
}

}  // namespace stargate::lp
