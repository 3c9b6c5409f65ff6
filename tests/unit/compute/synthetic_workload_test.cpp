// Synthetic workload generator: fits, determinism, offered load and frontier jobs.
#include "stargate/compute/synthetic_workload.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

constexpr double kDayS = 86400.0;

TEST(SyntheticWorkload, GangSizeFitMatchesTheMean) {
  const ClusterJobStats seren = cluster_job_stats(TraceCluster::kSeren);
  const GangSizeDistribution d = fit_gang_sizes(seren, 1024);
  EXPECT_EQ(d.max_log2, 10);
  EXPECT_DOUBLE_EQ(d.probability(0), 0.6);
  double total = 0.0;
  for (int k = 0; k <= 10; ++k) {
    total += d.probability(k);
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_NEAR(d.mean_gpus(), 5.68, 1e-9);
  EXPECT_DOUBLE_EQ(d.probability(11), 0.0);
  // Largest size 1: every job is one GPU.
  const GangSizeDistribution one = fit_gang_sizes(seren, 1);
  EXPECT_DOUBLE_EQ(one.probability(0), 1.0);
  EXPECT_DOUBLE_EQ(one.mean_gpus(), 1.0);
}

TEST(SyntheticWorkload, RunTimeFitWithoutCouplingIsClosedForm) {
  // Seren without the GPU-time coupling: mu = ln 122 = 4.8040, sigma = sqrt(2 ln(1414.335/122))
  // = sqrt(2 x 2.45040) = 2.21378.
  ClusterJobStats seren = cluster_job_stats(TraceCluster::kSeren);
  seren.mean_gpu_time_s = 0.0;
  const RunTimeModel m = fit_run_time(seren, fit_gang_sizes(seren, 1024));
  EXPECT_DOUBLE_EQ(m.size_exponent, 0.0);
  EXPECT_NEAR(m.mu, std::log(122.0), 1e-8);
  EXPECT_NEAR(m.sigma, std::sqrt(2.0 * std::log(1414.335 / 122.0)), 1e-8);
}

TEST(SyntheticWorkload, RunTimeFitReproducesMedianMeanAndGpuTime) {
  const ClusterJobStats seren = cluster_job_stats(TraceCluster::kSeren);
  const GangSizeDistribution d = fit_gang_sizes(seren, 1024);
  const RunTimeModel m = fit_run_time(seren, d);
  EXPECT_GT(m.size_exponent, 0.0);
  // Mixture moments, summed over the ten sizes.
  double mean_run = 0.0;
  double mean_gpu_time = 0.0;
  double cdf_at_median = 0.0;
  for (int k = 0; k <= d.max_log2; ++k) {
    const double g = std::ldexp(1.0, k);
    const double component_mean = m.median_s(g) * std::exp(0.5 * m.sigma * m.sigma);
    mean_run += d.probability(k) * component_mean;
    mean_gpu_time += d.probability(k) * g * component_mean;
    cdf_at_median += d.probability(k) * 0.5 *
                     std::erfc(-(std::log(122.0 / m.median_s(g)) / m.sigma) / std::sqrt(2.0));
  }
  EXPECT_NEAR(mean_run, 1414.335, 1e-3);
  EXPECT_NEAR(mean_gpu_time, 32404.645, 1e-2);
  EXPECT_NEAR(cdf_at_median, 0.5, 1e-9);
}

SyntheticWorkloadParams small_params() {
  SyntheticWorkloadParams p;
  p.campus_gpus = 4096;
  p.target_utilisation = 0.7;
  return p;
}

TEST(SyntheticWorkload, DeterministicPerSeed) {
  const auto p = small_params();
  const Workload a = generate_workload(p, 2 * kDayS, 42);
  const Workload b = generate_workload(p, 2 * kDayS, 42);
  const Workload c = generate_workload(p, 2 * kDayS, 43);
  ASSERT_EQ(a.jobs.size(), b.jobs.size());
  for (std::size_t i = 0; i < a.jobs.size(); ++i) {
    ASSERT_EQ(a.jobs[i].submit_s, b.jobs[i].submit_s);
    ASSERT_EQ(a.jobs[i].gpus, b.jobs[i].gpus);
    ASSERT_EQ(a.jobs[i].work_gpu_hours, b.jobs[i].work_gpu_hours);
    ASSERT_EQ(a.jobs[i].outcome, b.jobs[i].outcome);
  }
  EXPECT_NE(a.jobs.size() == c.jobs.size() && a.jobs.front().submit_s == c.jobs.front().submit_s,
            true);
}

TEST(SyntheticWorkload, JobsAreValidSortedAndMeetTheOfferedLoad) {
  // 4,096 GPUs x 30 days x 0.7 = 2,064,384 GPU-hours offered; jobs average ~9 GPU-hours, so
  // ~230,000 jobs. The sum of heavy-tailed job sizes varies by a few per cent between seeds.
  const auto p = small_params();
  const double horizon_s = 30 * kDayS;
  const Workload w = generate_workload(p, horizon_s, 1);
  ASSERT_GT(w.jobs.size(), 10000U);
  const double target = 0.7 * 4096 * 30 * 24;
  EXPECT_NEAR(w.total_work_gpu_hours() / target, 1.0, 0.15);
  std::vector<double> gpus;
  std::size_t failed = 0;
  std::size_t firm = 0;
  for (std::size_t i = 0; i < w.jobs.size(); ++i) {
    const TrainingJob& j = w.jobs[i];
    ASSERT_EQ(j.id, static_cast<std::int64_t>(i));
    ASSERT_GE(j.submit_s, 0.0);
    ASSERT_LT(j.submit_s, horizon_s);
    if (i > 0) {
      ASSERT_LE(w.jobs[i - 1].submit_s, j.submit_s);
    }
    ASSERT_GE(j.gpus, 1);
    ASSERT_LE(j.gpus, 1024);
    ASSERT_EQ(j.gpus & (j.gpus - 1), 0);  // power of two
    ASSERT_GT(j.work_gpu_hours, 0.0);
    ASSERT_LE(j.duration_at_full_speed_s(), 1209604.0 + 1e-6);
    failed += j.outcome == JobOutcome::kFailed ? 1U : 0U;
    firm += j.flexible ? 0U : 1U;
  }
  const auto n = static_cast<double>(w.jobs.size());
  EXPECT_NEAR(static_cast<double>(failed) / n, 0.429, 0.01);
  EXPECT_NEAR(static_cast<double>(firm) / n, 0.2, 0.01);
}

TEST(SyntheticWorkload, FrontierJobs) {
  SyntheticWorkloadParams p;
  p.campus_gpus = 400000;
  p.target_utilisation = 0.5;
  p.size_multiplier = 64;
  p.frontier_jobs = 3;
  const double horizon_s = 90 * kDayS;
  const Workload w = generate_workload(p, horizon_s, 5);
  int frontier = 0;
  for (const TrainingJob& j : w.jobs) {
    if (j.priority == 10) {
      ++frontier;
      EXPECT_LE(j.gpus, 100000);
      EXPECT_EQ(j.gpus % 72, 0);
      EXPECT_LT(j.submit_s, 0.5 * horizon_s);
      EXPECT_EQ(j.priority, 10);
      EXPECT_NEAR(j.duration_at_full_speed_s() / kDayS, 60.0, 30.0 + 1e-9);
      // Daly interval for the gang with w = 30 s.
      EXPECT_NEAR(j.checkpoint_interval_s,
                  daly_interval_s(j.gpus, kDefaultGpuFailureRatePerH, 30.0), 1e-9);
    } else {
      EXPECT_EQ(j.gpus % 64, 0);
    }
  }
  EXPECT_EQ(frontier, 3);
  EXPECT_NEAR(w.total_work_gpu_hours() / (0.5 * 400000 * 90 * 24), 1.0, 0.5);
}

TEST(SyntheticWorkload, BadParametersThrow) {
  auto p = small_params();
  EXPECT_THROW((void)generate_workload(p, 0.0, 1), std::invalid_argument);
  p.campus_gpus = 400000;  // a year of trace-sized jobs on 400k GPUs: ~2e8 jobs
  EXPECT_THROW((void)generate_workload(p, 365 * kDayS, 1), std::invalid_argument);
  p = small_params();
  p.size_multiplier = 3;
  EXPECT_THROW((void)generate_workload(p, kDayS, 1), std::invalid_argument);
  p = small_params();
  p.frontier_jobs = 1;  // 10,000-100,000 GPUs on a 4,096-GPU campus
  EXPECT_THROW((void)generate_workload(p, kDayS, 1), std::invalid_argument);
  p = small_params();
  p.firm_share = 1.5;
  EXPECT_THROW((void)generate_workload(p, kDayS, 1), std::invalid_argument);
}

TEST(SyntheticWorkload, ZeroUtilisationGivesNoOrdinaryJobs) {
  auto p = small_params();
  p.target_utilisation = 0.0;
  EXPECT_TRUE(generate_workload(p, kDayS, 1).jobs.empty());
}

}  // namespace
}  // namespace stargate
