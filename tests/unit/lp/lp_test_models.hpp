// Small linear programmes with optima known by hand, shared by the lp tests.
#pragma once

#include <array>

#include "stargate/lp/lp_model.hpp"

namespace stargate::lp::test {

// Wyndor Glass (Hillier & Lieberman, Introduction to Operations Research, 9th ed., sec. 3.1):
// maximise 3 x1 + 5 x2 s.t. x1 <= 4, 2 x2 <= 12, 3 x1 + 2 x2 <= 18, x >= 0; optimum x = (2, 6),
// value 36, shadow prices (0, 1.5, 1). Here minimised as -(3 x1 + 5 x2).
inline Model wyndor() {
  Model model;
  const int x1 = model.add_column("x1", 0.0, kInfinity, -3.0);
  const int x2 = model.add_column("x2", 0.0, kInfinity, -5.0);
  model.add_row("plant1", -kInfinity, 4.0, std::array{Term{x1, 1.0}});
  model.add_row("plant2", -kInfinity, 12.0, std::array{Term{x2, 2.0}});
  model.add_row("plant3", -kInfinity, 18.0, std::array{Term{x1, 3.0}, Term{x2, 2.0}});
  return model;
}

}  // namespace stargate::lp::test
