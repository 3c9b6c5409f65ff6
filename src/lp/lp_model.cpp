#include "stargate/lp/lp_model.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace stargate::lp {
namespace {

void check_name(std::string_view what, std::string_view name) {
  if (name.empty()) {
    throw std::invalid_argument(fmt::format("lp: {} name is empty", what));
  }
  for (const char c : name) {
    if (c <= ' ' || c > '~') {
      throw std::invalid_argument(
          fmt::format("lp: {} name '{}' has a blank or non-printable character", what, name));
    }
  }
}

void check_limits(std::string_view what, std::string_view name, double lower, double upper) {
  if (std::isnan(lower) || std::isnan(upper) || lower > upper || lower == kInfinity ||
      upper == -kInfinity) {
    throw std::invalid_argument(
        fmt::format("lp: {} '{}' has limits [{}, {}]", what, name, lower, upper));
  }
}

}  // namespace

int Model::add_column(std::string_view name, double lower, double upper, double cost) {
  check_name("column", name);
  check_limits("column", name, lower, upper);
  if (!std::isfinite(cost)) {
    throw std::invalid_argument(fmt::format("lp: column '{}' has cost {}", name, cost));
  }
  column_name_.emplace_back(name);
  column_lower_.push_back(lower);
  column_upper_.push_back(upper);
  cost_.push_back(cost);
  last_row_of_column_.push_back(-1);
  return column_count() - 1;
}

int Model::add_row(std::string_view name, double lower, double upper, std::span<const Term> terms,
                   std::string_view requirement) {
  check_name("row", name);
  check_limits("row", name, lower, upper);
  if (lower == -kInfinity && upper == kInfinity) {
    throw std::invalid_argument(fmt::format("lp: row '{}' is free (no finite limit)", name));
  }
  const int row = row_count();
  const std::size_t first = term_column_.size();
  for (const Term& term : terms) {
    if (term.column < 0 || term.column >= column_count()) {
      throw std::invalid_argument(
          fmt::format("lp: row '{}' refers to column {} of {}", name, term.column, column_count()));
    }
    if (!std::isfinite(term.coefficient)) {
      throw std::invalid_argument(fmt::format("lp: row '{}' has coefficient {} on '{}'", name,
                                              term.coefficient, column_name_[term.column]));
    }
    if (term.coefficient == 0.0) {
      continue;
    }
    if (last_row_of_column_[term.column] == row) {
      for (std::size_t k = first; k < term_column_.size(); ++k) {
        if (term_column_[k] == term.column) {
          term_value_[k] += term.coefficient;
          break;
        }
      }
      continue;
    }
    last_row_of_column_[term.column] = row;
    term_column_.push_back(term.column);
    term_value_.push_back(term.coefficient);
  }
  row_name_.emplace_back(name);
  requirement_.emplace_back(requirement);
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  row_start_.push_back(term_column_.size());
  return row;
}

void Model::set_cost(int column, double cost) {
  cost_.at(column) = cost;
}

void Model::set_column_bounds(int column, double lower, double upper) {
  check_limits("column", column_name_.at(column), lower, upper);
  column_lower_[column] = lower;
  column_upper_[column] = upper;
}

void Model::set_row_bounds(int row, double lower, double upper) {
  check_limits("row", row_name_.at(row), lower, upper);
  row_lower_[row] = lower;
  row_upper_[row] = upper;
}

std::span<const int> Model::row_columns(int row) const {
  return std::span(term_column_).subspan(row_start_[row], row_start_[row + 1] - row_start_[row]);
}

std::span<const double> Model::row_coefficients(int row) const {
  return std::span(term_value_).subspan(row_start_[row], row_start_[row + 1] - row_start_[row]);
}

Model::ColumnMajor Model::column_major() const {
  ColumnMajor matrix;
  matrix.start.assign(static_cast<std::size_t>(column_count()) + 1, 0);
  for (const int column : term_column_) {
    ++matrix.start[column + 1];
  }
  for (std::size_t j = 1; j < matrix.start.size(); ++j) {
    matrix.start[j] += matrix.start[j - 1];
  }
  matrix.row_index.resize(term_column_.size());
  matrix.value.resize(term_column_.size());
  std::vector<int> next(matrix.start.begin(), matrix.start.end() - 1);
  for (int row = 0; row < row_count(); ++row) {
    for (std::size_t k = row_start_[row]; k < row_start_[row + 1]; ++k) {
      const int slot = next[term_column_[k]]++;
      matrix.row_index[slot] = row;
      matrix.value[slot] = term_value_[k];
    }
  }
  return matrix;
}

double Model::objective_at(std::span<const double> values) const {
  double total = 0.0;
  for (std::size_t j = 0; j < cost_.size() && j < values.size(); ++j) {
    total += cost_[j] * values[j];
  }
  return total;
}

}  // namespace stargate::lp
