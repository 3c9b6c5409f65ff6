#include "stargate/lp/infeasibility.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

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

TEST(Infeasibility, LargeAndSmallLimitsTogether) {
  // An annual energy requirement of millions of MWh next to per-step requirements of a few MW,
  // as in the supply LP: supply of 100 MW per step over 1000 steps, a load of 80 MW per step to
  // serve, and 2 million MWh asked for in all. The energy requirement falls 1.9 million short;
  // the per-step ones hold. Under the simplex and the barrier with crossover.
  Model model;
  constexpr int kSteps = 1000;
  std::vector<Term> total;
  for (int t = 0; t < kSteps; ++t) {
    const int supply = model.add_column(fmt::format("s{}", t), 0.0, 100.0, 0.0);
    model.add_row(fmt::format("load{}", t), 80.0, kInfinity, std::array{Term{supply, 1.0}},
                  "serve the load");
    total.push_back({supply, 1.0});
  }
  model.add_row("energy", 2.0e6, kInfinity, total, "energy >= 2e6");
  SolveOptions barrier;
  barrier.algorithm = Algorithm::kBarrier;
  for (const SolveOptions& options : {SolveOptions{}, barrier}) {
    const InfeasibilityDiagnosis diagnosis = diagnose_infeasibility(model, options);
    ASSERT_EQ(diagnosis.unmet.size(), 1U);
    EXPECT_EQ(diagnosis.unmet[0].requirement, "energy >= 2e6");
    EXPECT_NEAR(diagnosis.unmet[0].reachable, 1.0e5, 1e-3);
    EXPECT_NEAR(diagnosis.unmet[0].shortfall, 1.9e6, 1e-3);
  }
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
