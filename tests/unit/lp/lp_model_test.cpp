#include "stargate/lp/lp_model.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

#include "lp_test_models.hpp"

namespace stargate::lp {
namespace {

TEST(LpModel, CountsAndColumnMajorView) {
  const Model model = test::wyndor();
  EXPECT_EQ(model.column_count(), 2);
  EXPECT_EQ(model.row_count(), 3);
  EXPECT_EQ(model.nonzero_count(), 4U);
  const Model::ColumnMajor matrix = model.column_major();
  EXPECT_EQ(matrix.start, (std::vector<int>{0, 2, 4}));
  EXPECT_EQ(matrix.row_index, (std::vector<int>{0, 2, 1, 2}));
  EXPECT_EQ(matrix.value, (std::vector<double>{1.0, 3.0, 2.0, 2.0}));
}

TEST(LpModel, RepeatedColumnsAreSummedAndZerosDropped) {
  Model model;
  const int x = model.add_column("x", 0.0, 1.0, 0.0);
  const int y = model.add_column("y", 0.0, 1.0, 0.0);
  const int row =
      model.add_row("r", 0.0, 1.0, std::array{Term{x, 1.0}, Term{y, 0.0}, Term{x, 2.5}}, "r holds");
  ASSERT_EQ(model.row_columns(row).size(), 1U);
  EXPECT_EQ(model.row_columns(row)[0], x);
  EXPECT_DOUBLE_EQ(model.row_coefficients(row)[0], 3.5);
  EXPECT_EQ(model.requirement(row), "r holds");
}

TEST(LpModel, RejectsMalformedInput) {
  Model model;
  const int x = model.add_column("x", 0.0, 1.0, 0.0);
  EXPECT_THROW(model.add_column("bad name", 0.0, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(model.add_column("", 0.0, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(model.add_column("y", 2.0, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(model.add_row("free", -kInfinity, kInfinity, std::array{Term{x, 1.0}}),
               std::invalid_argument);
  EXPECT_THROW(model.add_row("ghost", 0.0, 1.0, std::array{Term{7, 1.0}}), std::invalid_argument);
}

TEST(LpModel, ObjectiveAtValues) {
  const Model model = test::wyndor();
  EXPECT_DOUBLE_EQ(model.objective_at(std::array{2.0, 6.0}), -36.0);
}

}  // namespace
}  // namespace stargate::lp
