// The power-cap curves against the measured Zeus medians they were fitted to
// (../shared/data/traces/zeus_nsdi23_trace/DERIVED_powercap_median_by_gpu.csv). Tolerances are the
// fit errors stated in include/stargate/compute/gpu_power.hpp plus a small margin.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "stargate/compute/gpu_power.hpp"

namespace stargate {
namespace {

struct ZeusPoint {
  std::string gpu;
  double cap_fraction = 0.0;
  double relative_time = 0.0;
  double relative_power = 0.0;
};

std::filesystem::path zeus_csv() {
  return std::filesystem::path(STARGATE_SHARED_DATA_DIR) / "traces" / "zeus_nsdi23_trace" /
         "DERIVED_powercap_median_by_gpu.csv";
}

// Columns: gpu,power_limit_W,max_power_limit_W,cap_frac,rel_time,rel_avg_power,rel_energy
std::vector<ZeusPoint> read_points() {
  std::ifstream in(zeus_csv());
  std::vector<ZeusPoint> points;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    std::stringstream row(line);
    std::vector<std::string> cells;
    std::string cell;
    while (std::getline(row, cell, ',')) {
      cells.push_back(cell);
    }
    if (cells.size() < 6) {
      ADD_FAILURE() << "short row: " << line;
      continue;
    }
    points.push_back({cells[0], std::stod(cells[3]), std::stod(cells[4]), std::stod(cells[5])});
  }
  return points;
}

struct FitError {
  double rmse = 0.0;
  double max = 0.0;
  int count = 0;
};

template <typename Measured>
FitError error_of(const PowerCapCurve& curve, const std::vector<ZeusPoint>& points,
                  const std::string& gpu, Measured measured) {
  FitError e;
  double sum_sq = 0.0;
  for (const ZeusPoint& p : points) {
    if (!gpu.empty() && p.gpu != gpu) {
      continue;
    }
    const double d = evaluate_power_cap_curve(curve, p.cap_fraction) - measured(p);
    sum_sq += d * d;
    e.max = std::max(e.max, std::abs(d));
    ++e.count;
  }
  e.rmse = e.count > 0 ? std::sqrt(sum_sq / e.count) : 0.0;
  return e;
}

double throughput(const ZeusPoint& p) {
  return 1.0 / p.relative_time;
}
double power(const ZeusPoint& p) {
  return p.relative_power;
}

class ZeusPowerCap : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(zeus_csv())) {
      GTEST_SKIP() << "Zeus trace not found at " << zeus_csv() << " (../shared/data absent)";
    }
    points_ = read_points();
    ASSERT_EQ(points_.size(), 30U);
  }
  std::vector<ZeusPoint> points_;
};

TEST_F(ZeusPowerCap, DefaultCurvesMatchV100WithinStatedError) {
  const FitError t = error_of(kZeusV100Throughput, points_, "v100", throughput);
  EXPECT_EQ(t.count, 7);
  EXPECT_LE(t.rmse, 0.0018 + 0.0005);
  EXPECT_LE(t.max, 0.0035 + 0.0005);
  const FitError p = error_of(kZeusV100Power, points_, "v100", power);
  EXPECT_LE(p.rmse, 0.0055 + 0.0005);
  EXPECT_LE(p.max, 0.0082 + 0.0005);
  // The public functions are the V100 curves.
  for (const ZeusPoint& point : points_) {
    if (point.gpu == "v100") {
      EXPECT_NEAR(relative_throughput(point.cap_fraction), throughput(point), 0.0035 + 0.0005);
      EXPECT_NEAR(relative_power(point.cap_fraction), power(point), 0.0082 + 0.0005);
    }
  }
}

TEST_F(ZeusPowerCap, PooledCurvesMatchAllGpusWithinStatedError) {
  const FitError t = error_of(kZeusPooledThroughput, points_, "", throughput);
  EXPECT_EQ(t.count, 30);
  EXPECT_LE(t.rmse, 0.0446 + 0.002);
  EXPECT_LE(t.max, 0.1458 + 0.002);
  const FitError p = error_of(kZeusPooledPower, points_, "", power);
  EXPECT_LE(p.rmse, 0.0636 + 0.002);
  EXPECT_LE(p.max, 0.1649 + 0.002);
}

TEST_F(ZeusPowerCap, CrossGpuSpreadOfTheDefaultIsAsDocumented) {
  // The V100 curve against all 30 points: RMSE 0.080, max 0.285 (gpu_power.hpp).
  const FitError t = error_of(kZeusV100Throughput, points_, "", throughput);
  EXPECT_NEAR(t.rmse, 0.080, 0.002);
  EXPECT_NEAR(t.max, 0.285, 0.002);
}

}  // namespace
}  // namespace stargate
