// Training-job arithmetic, inference demand and the failure/checkpoint model; each expected
// number is derived by hand in the comment before it.
#include "stargate/compute/workload.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

TEST(Workload, GpuHoursFromFlops) {
  // 3.6e18 FLOP / (0.5 x 1e15 FLOP/s) = 7,200 s = 2 GPU-hours.
  EXPECT_DOUBLE_EQ(gpu_hours_from_flops(3.6e18, 0.5, 1e15), 2.0);
  // Header's worked number: 3.8e25 / (0.4 x 2.5e15) / 3600 = 1.0556e7 GPU-hours.
  EXPECT_NEAR(gpu_hours_from_flops(3.8e25, 0.4, 2.5e15), 1.0556e7, 1e3);
  EXPECT_THROW((void)gpu_hours_from_flops(1.0, 0.0, 1e15), std::invalid_argument);
  EXPECT_THROW((void)gpu_hours_from_flops(1.0, 1.5, 1e15), std::invalid_argument);
  EXPECT_THROW((void)gpu_hours_from_flops(-1.0, 0.5, 1e15), std::invalid_argument);
}

TEST(Workload, JobDurationAndTotals) {
  Workload w;
  TrainingJob a;
  a.gpus = 8;
  a.work_gpu_hours = 16.0;  // 2 h on 8 GPUs
  TrainingJob b;
  b.gpus = 1024;
  b.work_gpu_hours = 1024.0;
  w.jobs = {a, b};
  EXPECT_DOUBLE_EQ(a.duration_at_full_speed_h(), 2.0);
  EXPECT_DOUBLE_EQ(a.duration_at_full_speed_s(), 7200.0);
  EXPECT_FALSE(a.has_deadline());
  EXPECT_DOUBLE_EQ(w.total_work_gpu_hours(), 1040.0);
  EXPECT_EQ(w.max_job_gpus(), 1024);
}

TEST(Workload, GangMtbf) {
  // 1,000 GPUs x 1e-4 /h = 0.1 failures/h: one every 10 h = 36,000 s.
  EXPECT_DOUBLE_EQ(gang_mtbf_s(1000, 1e-4), 36000.0);
  EXPECT_TRUE(std::isinf(gang_mtbf_s(1000, 0.0)));
}

TEST(Workload, YoungDalyWaste) {
  // N = 1,000, lambda = 1e-4 /h -> M = 36,000 s; tau = 3,600 s, w = 60 s, r = 600 s:
  // waste = 60/3600 + (1800 + 600)/36000 = 0.016667 + 0.066667 = 0.083333.
  EXPECT_NEAR(expected_waste_fraction(1000, 1e-4, 3600.0, 60.0, 600.0), 1.0 / 12.0, 1e-12);
  // Header's worked number: N = 16,384, lambda = 1.97e-5 -> M = 3600 / 0.32276 = 11,153.7 s;
  // 60/3600 + 2400/11153.7 = 0.0167 + 0.2152 = 0.2318.
  EXPECT_NEAR(expected_waste_fraction(16384, 1.97e-5, 3600.0, 60.0, 600.0), 0.2318, 1e-4);
  // No failures: only the checkpoint cost.
  EXPECT_DOUBLE_EQ(expected_waste_fraction(1000, 0.0, 3600.0, 36.0, 600.0), 0.01);
  // Capped at 1.
  EXPECT_DOUBLE_EQ(expected_waste_fraction(1000000, 1e-3, 3600.0, 60.0, 600.0), 1.0);
  EXPECT_THROW((void)expected_waste_fraction(8, 1e-4, 0.0, 60.0, 600.0), std::invalid_argument);

  TrainingJob job;
  job.gpus = 1000;
  job.work_gpu_hours = 10000.0;  // 10 h = 36,000 s of compute
  job.checkpoint_interval_s = 3600.0;
  job.checkpoint_write_s = 60.0;
  job.restart_overhead_s = 600.0;
  // 36,000 / (1 - 1/12) = 39,272.73 s.
  EXPECT_NEAR(expected_wall_time_s(job, 1e-4), 36000.0 * 12.0 / 11.0, 1e-6);
  job.gpus = 1000000;
  EXPECT_TRUE(std::isinf(expected_wall_time_s(job, 1e-3)));
}

TEST(Workload, OptimumIntervals) {
  // M = 36,000 s, w = 60 s: Young sqrt(2 x 60 x 36000) = sqrt(4.32e6) = 2,078.46 s; Daly
  // subtracts w: 2,018.46 s.
  EXPECT_NEAR(young_interval_s(1000, 1e-4, 60.0), 2078.461, 1e-3);
  EXPECT_NEAR(daly_interval_s(1000, 1e-4, 60.0), 2018.461, 1e-3);
  // w >= 2M: Daly's formula gives M.
  EXPECT_DOUBLE_EQ(daly_interval_s(1000, 1e-4, 80000.0), 36000.0);
  EXPECT_TRUE(std::isinf(young_interval_s(8, 0.0, 60.0)));
  EXPECT_TRUE(std::isinf(daly_interval_s(8, 0.0, 60.0)));
}

TEST(Workload, FailureTimesAreAPoissonProcessPerSeed) {
  const auto a = draw_failure_times_s(100, 1e-3, 3.6e8, 7);
  const auto b = draw_failure_times_s(100, 1e-3, 3.6e8, 7);
  const auto c = draw_failure_times_s(100, 1e-3, 3.6e8, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // Rate 100 x 1e-3 = 0.1 /h over 1e5 h: 10,000 expected, standard deviation 100.
  EXPECT_NEAR(static_cast<double>(a.size()), 10000.0, 400.0);
  for (std::size_t i = 1; i < a.size(); ++i) {
    ASSERT_LT(a[i - 1], a[i]);
  }
  EXPECT_LT(a.back(), 3.6e8);
  EXPECT_TRUE(draw_failure_times_s(100, 0.0, 3.6e8, 7).empty());
}

TEST(Workload, CheckpointedRunHandTrace) {
  // 10,000 s of compute, tau 3,600, w 60, r 600, one failure at 5,000 s:
  //   [0, 3660): 3,600 s computed and saved.
  //   [3660, ...): failure at 5,000 after 1,340 s of compute -> lost; restart until 5,600.
  //   [5600, 9260): 3,600 s computed and saved (7,200 in all); then 2,800 s without a write:
  //   done at 12,060 s = 10,000 + 2 x 60 + 1,340 + 600.
  const FailureRun run = simulate_checkpointed_run(10000.0, 3600.0, 60.0, 600.0, {5000.0});
  EXPECT_DOUBLE_EQ(run.wall_s, 12060.0);
  EXPECT_DOUBLE_EQ(run.lost_compute_s, 1340.0);
  EXPECT_DOUBLE_EQ(run.checkpoint_s, 120.0);
  EXPECT_DOUBLE_EQ(run.restart_s, 600.0);
  EXPECT_EQ(run.failures, 1);
  // A second failure at 5,300 interrupts the restart (300 s spent), which starts again and ends
  // at 5,900: everything after moves by 300 s -> 12,360 s, 900 s of restarts.
  const FailureRun twice =
      simulate_checkpointed_run(10000.0, 3600.0, 60.0, 600.0, {5000.0, 5300.0});
  EXPECT_DOUBLE_EQ(twice.wall_s, 12360.0);
  EXPECT_DOUBLE_EQ(twice.restart_s, 900.0);
  EXPECT_EQ(twice.failures, 2);
  // A failure while writing the checkpoint (3,630) loses the piece and the partial write.
  const FailureRun in_write = simulate_checkpointed_run(10000.0, 3600.0, 60.0, 600.0, {3630.0});
  EXPECT_DOUBLE_EQ(in_write.lost_compute_s, 3600.0);
  EXPECT_DOUBLE_EQ(in_write.wall_s, 3630.0 + 600.0 + 10000.0 + 120.0);
  // No failures: compute plus the writes between pieces (2 of them).
  EXPECT_DOUBLE_EQ(simulate_checkpointed_run(10000.0, 3600.0, 60.0, 600.0, {}).wall_s, 10120.0);
}

TEST(Workload, MonteCarloMatchesYoungDaly) {
  // N = 1,000, lambda = 1e-4 (M = 36,000 s), tau = 3,600, w = 60, r = 600: first-order waste
  // 1/12, so 360,000 s of compute take ~360,000 / (11/12) = 392,727 s. Higher-order terms
  // (tau / M = 0.1) move the exact mean by a few per cent; 400 seeds give a standard error of
  // ~0.3 %.
  const double compute_s = 360000.0;
  double sum_wall = 0.0;
  const int runs = 400;
  for (int seed = 0; seed < runs; ++seed) {
    const auto failures = draw_failure_times_s(1000, 1e-4, 4.0 * compute_s, 1000 + seed);
    sum_wall += simulate_checkpointed_run(compute_s, 3600.0, 60.0, 600.0, failures).wall_s;
  }
  const double mean_wall = sum_wall / runs;
  EXPECT_NEAR(mean_wall / (compute_s * 12.0 / 11.0), 1.0, 0.04);
}

TEST(InferenceService, DiurnalWeeklyAndGrowth) {
  InferenceService s;
  s.gpus = 1000;
  s.mean_load_fraction = 0.6;
  s.diurnal_amplitude = 0.25;
  s.peak_hour = 14.0;
  s.weekend_dip = 0.15;
  s.floor_fraction = 0.5;
  // Run start 0 = Thursday 1970-01-01 00:00. 14:00 Thursday: 0.6 x 1.25 = 0.75.
  EXPECT_NEAR(s.demand_fraction(14 * 3600.0), 0.75, 1e-12);
  // 02:00: cos(-pi) = -1 -> 0.6 x 0.75 = 0.45, below the floor 0.5.
  EXPECT_NEAR(s.demand_fraction(2 * 3600.0), 0.45, 1e-12);
  EXPECT_NEAR(s.running_fraction(2 * 3600.0), 0.5, 1e-12);
  // Saturday (2 days later) 14:00: 0.75 x 0.85 = 0.6375.
  EXPECT_NEAR(s.demand_fraction((2 * 24 + 14) * 3600.0), 0.6375, 1e-12);
  // A run starting on Saturday 1970-01-03 (local second 172,800): t = 14 h is Saturday 14:00.
  EXPECT_NEAR(s.demand_fraction(14 * 3600.0, 2 * 86400), 0.6375, 1e-12);
  // Running share is capped at 1.
  s.mean_load_fraction = 1.0;
  EXPECT_DOUBLE_EQ(s.running_fraction(14 * 3600.0), 1.0);
}

TEST(InferenceService, MeasuredProfileWithGrowth) {
  InferenceService s;
  s.measured_fraction = {0.2, 0.4};
  s.measured_step_s = 3600.0;
  EXPECT_DOUBLE_EQ(s.demand_fraction(0.0), 0.2);
  EXPECT_DOUBLE_EQ(s.demand_fraction(3600.0), 0.4);
  EXPECT_DOUBLE_EQ(s.demand_fraction(7200.0), 0.2);  // repeats
  s.annual_growth = 0.5;
  // One year (365.25 days = 8,766 h, an even number of steps) later: x 1.5.
  const double year_s = 365.25 * 86400.0;
  EXPECT_NEAR(s.demand_fraction(year_s), 0.3, 1e-12);
  // One hour more: the next step, grown by 1.5^(1 h / 1 year).
  EXPECT_NEAR(s.demand_fraction(year_s + 3600.0), 0.6 * std::pow(1.5, 3600.0 / year_s), 1e-12);
}

}  // namespace
}  // namespace stargate
