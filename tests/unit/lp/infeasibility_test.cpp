#include "stargate/lp/infeasibility.hpp"

#include <gtest/gtest.h>

#include <array>

namespace stargate::lp {
namespace {

TEST(Infeasibility, NamesTheRequirementThatCannotBeMet) {
  // Two units of capacity at most, five asked for: the requirement falls 3 short.
  Model model;
  const int x = model.add_column("x", 0.0, 1.0, 1.0);
  const int y = model.add_column("y", 0.0, 1.0, 1.0);
  model.add_row("cap", -kInfinity, 1.5, std::array{Term{x, 1.0}, Term{y, 1.0}});
  model.add_row("need", 5.0, kInfinity, std::array{Term{x, 1.0}, Term{y, 1.0}}, "need >= 5");
  model.add_row("easy", 0.0, kInfinity, std::array{Term{x, 1.0}}, "x >= 0");
  const InfeasibilityDiagnosis diagnosis = diagnose_infeasibility(model);
  EXPECT_FALSE(diagnosis.physics_conflict);
  ASSERT_EQ(diagnosis.unmet.size(), 1U);
  EXPECT_EQ(diagnosis.unmet[0].requirement, "need >= 5");
  EXPECT_NEAR(diagnosis.unmet[0].reachable, 1.5, 1e-9);
  EXPECT_NEAR(diagnosis.unmet[0].shortfall, 3.5, 1e-9);
}

TEST(Infeasibility, PhysicsConflictWhenNoRequirementHelps) {
  Model model;
  const int x = model.add_column("x", 0.0, 1.0, 1.0);
  model.add_row("hard", 3.0, kInfinity, std::array{Term{x, 1.0}});
  const InfeasibilityDiagnosis diagnosis = diagnose_infeasibility(model);
  EXPECT_TRUE(diagnosis.physics_conflict);
  EXPECT_TRUE(diagnosis.unmet.empty());
}

}  // namespace
}  // namespace stargate::lp
