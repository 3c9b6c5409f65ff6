// A solver-neutral linear programme: columns (variables) with bounds and objective costs, sparse
// rows with lower and upper limits, minimised.
//
//   minimise    sum_j cost_j x_j
//   subject to  row_lower_i <= sum_j a_ij x_j <= row_upper_i     for every row i
//               column_lower_j <= x_j <= column_upper_j           for every column j
//
// Infinite limits are +-lp::kInfinity. A row may carry a `requirement`: a plain-language
// statement of what it asks for ("clean share >= 0.95"). Requirements are what an infeasibility
// diagnosis may relax to find out which of them cannot be met (lp/infeasibility.hpp); rows
// without one are physics (energy balance, storage dynamics) and are never relaxed.
//
// The model is built once and read by a backend (lp/clp_solver.hpp) or the MPS writer
// (lp/mps_writer.hpp). Names must be non-empty and free of blanks, so that every model can be
// exported.
#pragma once

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stargate::lp {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// One non-zero of a row: coefficient x column.
struct Term {
  int column = 0;
  double coefficient = 0.0;
};

class Model {
 public:
  /// Adds a column; returns its index. Throws std::invalid_argument on lower > upper, a NaN or a
  /// bad name.
  int add_column(std::string_view name, double lower, double upper, double cost);

  /// Adds a row lower <= sum terms <= upper; returns its index. Repeated columns are summed;
  /// zero coefficients are dropped. Throws std::invalid_argument on lower > upper, a row with
  /// both limits infinite (a free row), a column that does not exist or a bad name.
  int add_row(std::string_view name, double lower, double upper, std::span<const Term> terms,
              std::string_view requirement = {});

  void set_cost(int column, double cost);
  void set_column_bounds(int column, double lower, double upper);
  void set_row_bounds(int row, double lower, double upper);

  [[nodiscard]] int column_count() const { return static_cast<int>(column_lower_.size()); }
  [[nodiscard]] int row_count() const { return static_cast<int>(row_lower_.size()); }
  [[nodiscard]] std::size_t nonzero_count() const { return term_column_.size(); }

  [[nodiscard]] const std::string& column_name(int column) const { return column_name_[column]; }
  [[nodiscard]] double column_lower(int column) const { return column_lower_[column]; }
  [[nodiscard]] double column_upper(int column) const { return column_upper_[column]; }
  [[nodiscard]] double cost(int column) const { return cost_[column]; }

  [[nodiscard]] const std::string& row_name(int row) const { return row_name_[row]; }
  [[nodiscard]] double row_lower(int row) const { return row_lower_[row]; }
  [[nodiscard]] double row_upper(int row) const { return row_upper_[row]; }
  /// The plain-language requirement of a row; empty for physics rows.
  [[nodiscard]] const std::string& requirement(int row) const { return requirement_[row]; }
  /// The non-zeros of one row, in the order added (columns unique).
  [[nodiscard]] std::span<const int> row_columns(int row) const;
  [[nodiscard]] std::span<const double> row_coefficients(int row) const;

  /// The constraint matrix by column (compressed sparse column), for backends and writers:
  /// column j's non-zeros are start[j]..start[j+1]-1 of row_index and value.
  struct ColumnMajor {
    std::vector<int> start;
    std::vector<int> row_index;
    std::vector<double> value;
  };
  [[nodiscard]] ColumnMajor column_major() const;

  /// Value of the objective at `values` (one per column).
  [[nodiscard]] double objective_at(std::span<const double> values) const;

 private:
  std::vector<std::string> column_name_;
  std::vector<double> column_lower_, column_upper_, cost_;
  std::vector<std::string> row_name_, requirement_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<std::size_t> row_start_{0};
  std::vector<int> term_column_;
  std::vector<double> term_value_;
  std::vector<int> last_row_of_column_;  // de-duplication scratch while adding a row
};

}  // namespace stargate::lp
