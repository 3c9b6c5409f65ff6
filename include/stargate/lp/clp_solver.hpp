// Solves an lp::Model with COIN-OR Clp (https://github.com/coin-or/Clp, EPL-2.0). The only file
// that includes Clp's headers is src/lp/clp_solver.cpp.
#pragma once

#include "stargate/lp/lp_model.hpp"
#include "stargate/lp/lp_solution.hpp"

namespace stargate::lp {

/// Never throws for an infeasible, unbounded or stopped model: the status says so.
[[nodiscard]] Solution solve(const Model& model, const SolveOptions& options = {});

}  // namespace stargate::lp
