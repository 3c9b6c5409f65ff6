#include "stargate/lp/mps_writer.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "lp_test_models.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/lp/clp_solver.hpp"

namespace stargate::lp {
namespace {

namespace fs = std::filesystem;

TEST(MpsWriter, WritesEverySection) {
  std::ostringstream out;
  write_mps(test::wyndor(), out, "wyndor");
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("NAME wyndor\nROWS\n N OBJ\n L plant1\n", 0), 0U);
  EXPECT_NE(text.find(" x1 OBJ -3\n x1 plant1 1\n x1 plant3 3\n"), std::string::npos);
  EXPECT_NE(text.find(" RHS plant3 18\n"), std::string::npos);
  EXPECT_NE(text.find("ENDATA\n"), std::string::npos);
}

// The objective glpsol (GLPK, an independent solver) finds for an MPS file, or nullopt when
// glpsol is not installed.
std::optional<double> glpsol_objective(const fs::path& mps) {
  if (std::system("command -v glpsol > /dev/null 2>&1") != 0) {
    return std::nullopt;
  }
  const fs::path report = fs::path(mps).replace_extension(".txt");
  const std::string command =
      "glpsol --freemps '" + mps.string() + "' -o '" + report.string() + "' > /dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream in(report);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::smatch match;
  EXPECT_TRUE(std::regex_search(text, match, std::regex(R"(Objective:\s+\S+\s+=\s+(\S+))")))
      << text;
  EXPECT_NE(text.find("OPTIMAL"), std::string::npos) << text;
  return std::stod(match[1]);
}

// A random model with every kind of row and bound: equality, <=, >=, ranged rows; free, fixed,
// negative-lower and upper-bounded columns. Feasible by construction around a known point.
Model random_model(unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  Model model;
  constexpr int kColumns = 40;
  constexpr int kRows = 30;
  std::vector<double> point(kColumns);
  for (int j = 0; j < kColumns; ++j) {
    point[j] = 5.0 * unit(random);
    const double cost = unit(random);
    switch (j % 4) {
      case 0: model.add_column(fmt::format("c{}", j), point[j] - 3.0, point[j] + 3.0, cost); break;
      case 1: model.add_column(fmt::format("c{}", j), -10.0, 10.0, cost); break;
      case 2:
        model.add_column(fmt::format("c{}", j), point[j], point[j], cost);  // fixed
        break;
      default: model.add_column(fmt::format("c{}", j), -kInfinity, kInfinity, 0.0);  // free
    }
  }
  std::vector<Term> terms;
  for (int i = 0; i < kRows; ++i) {
    terms.clear();
    double activity = 0.0;
    for (int j = 0; j < kColumns; ++j) {
      if (random() % 4 == 0 || j % 4 == 3) {
        const double a = unit(random);
        terms.push_back({j, a});
        activity += a * point[j];
      }
    }
    const std::string name = fmt::format("r{}", i);
    switch (i % 4) {
      case 0: model.add_row(name, activity, activity, terms); break;
      case 1: model.add_row(name, -kInfinity, activity + 1.0, terms); break;
      case 2: model.add_row(name, activity - 1.0, kInfinity, terms); break;
      default: model.add_row(name, activity - 2.0, activity + 0.5, terms);
    }
  }
  return model;
}

TEST(MpsWriter, GlpsolFindsTheSameOptimumAsClp) {
  const fs::path folder = fs::temp_directory_path() / "stargate_mps_test";
  fs::create_directories(folder);
  std::vector<Model> models{test::wyndor()};
  for (unsigned seed = 1; seed <= 5; ++seed) {
    models.push_back(random_model(seed));
  }
  for (std::size_t k = 0; k < models.size(); ++k) {
    const Solution clp = solve(models[k]);
    ASSERT_TRUE(clp.optimal()) << "model " << k << ": " << to_string(clp.status);
    const fs::path mps = folder / fmt::format("model{}.mps", k);
    write_mps(models[k], mps);
    const std::optional<double> glpk = glpsol_objective(mps);
    if (!glpk) {
      GTEST_SKIP() << "glpsol not installed (scripts/setup installs glpk-utils)";
    }
    EXPECT_NEAR(*glpk, clp.objective, 1e-6 * std::max(1.0, std::abs(clp.objective)))
        << "model " << k;
  }
}

TEST(MpsWriter, UnwritablePathIsAnInputError) {
  EXPECT_THROW(write_mps(test::wyndor(), fs::path("/nonexistent-folder/x.mps")), InputError);
}

}  // namespace
}  // namespace stargate::lp
