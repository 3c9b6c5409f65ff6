// What solving a linear programme gives: a status that is an outcome, not an exception, and,
// when optimal (or stopped with a feasible point), the values, duals and solve statistics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stargate::lp {

enum class Status {
  kOptimal,
  kInfeasible,  ///< no point meets every row and bound
  kUnbounded,   ///< the objective decreases without limit
  kTimeLimit,   ///< stopped at the time limit before proving optimality
  kFailed,      ///< numerical trouble or another solver failure
};

[[nodiscard]] std::string_view to_string(Status status);

enum class Algorithm {
  kDualSimplex,
  kPrimalSimplex,
  kBarrier,    ///< interior point (primal-dual predictor-corrector); see SolveOptions::crossover
  kAutomatic,  ///< the backend chooses (Clp: idiot crash, sprint or primal/dual by size)
};

struct SolveOptions {
  double time_limit_s = 300.0;
  Algorithm algorithm = Algorithm::kDualSimplex;
  bool presolve = true;
  /// Presolve may substitute out equality rows of two or three columns. False keeps chains
  /// such as per-step copies of one capacity (x_t = x_t-1), which an interior point needs banded.
  bool presolve_substitution = true;
  /// Barrier only: finish at a basic (vertex) solution. False returns the interior point, whose
  /// objective and duals are optimal to the solver's tolerance but whose values may be strictly
  /// between bounds where the optimum is not unique.
  bool crossover = true;
  int log_level = 0;  ///< 0 silent; higher prints the backend's iteration log
};

struct Solution {
  Status status = Status::kFailed;
  double objective = 0.0;             ///< minimised objective (valid when optimal)
  std::vector<double> column_values;  ///< one per column
  std::vector<double> row_activity;   ///< sum a_ij x_j, one per row
  /// Shadow prices: d objective / d row limit, one per row (the change of the optimal
  /// objective per unit increase of the binding limit).
  std::vector<double> row_duals;
  std::vector<double> reduced_costs;  ///< one per column
  double solve_seconds = 0.0;
  int iterations = 0;
  std::string backend;  ///< e.g. "COIN-OR Clp 1.17.6"
  std::string detail;   ///< the backend's own words when not optimal

  [[nodiscard]] bool optimal() const { return status == Status::kOptimal; }
};

}  // namespace stargate::lp
