// Why is a model infeasible? Each row with a requirement (Model::add_row) gets elastic slack
// (s+ and s- >= 0 added to its activity), the other rows stay hard, and the total slack, each
// weighted by 1 / max(1, |limit|), is minimised. Requirements with slack at the optimum are the
// ones that cannot be met together with the rest; the slack says by how much. This is the
// "elastic filter" of Chinneck (2008), Feasibility and Infeasibility in Optimization, ch. 6.
#pragma once

#include <string>
#include <vector>

#include "stargate/lp/lp_model.hpp"
#include "stargate/lp/lp_solution.hpp"

namespace stargate::lp {

struct UnmetRequirement {
  int row = 0;
  std::string requirement;
  double reachable = 0.0;  ///< the row's activity at the least-violation point
  double shortfall = 0.0;  ///< how far the activity is from its nearest limit (> 0)
};

struct InfeasibilityDiagnosis {
  /// Empty with `physics_conflict` true when the model stays infeasible with every requirement
  /// relaxed (the hard rows or bounds conflict among themselves).
  std::vector<UnmetRequirement> unmet;
  bool physics_conflict = false;
};

[[nodiscard]] InfeasibilityDiagnosis diagnose_infeasibility(const Model& model,
                                                            const SolveOptions& options = {});

}  // namespace stargate::lp
