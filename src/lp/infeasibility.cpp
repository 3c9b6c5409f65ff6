#include "stargate/lp/infeasibility.hpp"

#include <algorithm>
#include <cmath>

#include "stargate/lp/clp_solver.hpp"

namespace stargate::lp {

InfeasibilityDiagnosis diagnose_infeasibility(const Model& model, const SolveOptions& options) {
  // The elastic model: same columns at zero cost, same rows, and slack on each requirement row.
  Model elastic;
  for (int j = 0; j < model.column_count(); ++j) {
    elastic.add_column(model.column_name(j), model.column_lower(j), model.column_upper(j), 0.0);
  }
  struct Slack {
    int row;
    int up;
    int down;
    double limit;
    double scale;
  };
  std::vector<Slack> slacks;
  std::vector<Term> terms;
  for (int i = 0; i < model.row_count(); ++i) {
    const auto columns = model.row_columns(i);
    const auto coefficients = model.row_coefficients(i);
    terms.clear();
    for (std::size_t k = 0; k < columns.size(); ++k) {
      terms.push_back({columns[k], coefficients[k]});
    }
    if (!model.requirement(i).empty()) {
      const double lower = model.row_lower(i);
      const double upper = model.row_upper(i);
      const double limit = std::isfinite(lower) ? lower : upper;
      // Slack in units of the limit, at unit cost: the same weights as violation / limit, with
      // costs of 1 rather than of 1 / limit (which, for a limit of millions of MWh, fall below
      // the solvers' dual tolerance).
      const double scale = std::max(1.0, std::abs(limit));
      const int up = elastic.add_column(model.row_name(i) + "_slack_up", 0.0, kInfinity, 1.0);
      const int down = elastic.add_column(model.row_name(i) + "_slack_down", 0.0, kInfinity, 1.0);
      terms.push_back({up, scale});
      terms.push_back({down, -scale});
      slacks.push_back({i, up, down, limit, scale});
    }
    elastic.add_row(model.row_name(i), model.row_lower(i), model.row_upper(i), terms);
  }

  InfeasibilityDiagnosis diagnosis;
  const Solution solution = solve(elastic, options);
  if (!solution.optimal()) {
    diagnosis.physics_conflict = true;
    return diagnosis;
  }
  for (const Slack& slack : slacks) {
    const double up = slack.scale * solution.column_values[slack.up];
    const double down = slack.scale * solution.column_values[slack.down];
    const double violation = up + down;
    if (violation <= 1e-7 * std::max(1.0, std::abs(slack.limit))) {
      continue;
    }
    const double activity = solution.row_activity[slack.row] - up + down;
    diagnosis.unmet.push_back({slack.row, model.requirement(slack.row), activity, violation});
  }
  return diagnosis;
}

}  // namespace stargate::lp
