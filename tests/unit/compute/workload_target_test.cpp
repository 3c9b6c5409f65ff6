// The synthetic generator reaches its target utilisation in steady state: the generated jobs run
// through the EASY-backfill scheduler on a campus of fixed size hold target x GPUs within 2
// points, for targets from 50 % to 95 % and both presets; and on a campus whose buildings come
// online during the run, the offered load follows the GPUs online.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "stargate/compute/scheduler.hpp"
#include "stargate/compute/synthetic_workload.hpp"

namespace stargate {
namespace {

constexpr double kDayS = 86400.0;
constexpr double kStepS = 3600.0;

// Busy share of the pools' GPUs over [from_s, horizon_s), pools growing per `online`.
double utilisation(const Workload& w, std::vector<std::int64_t> pool_gpus,
                   const std::vector<double>& pool_online_s, double horizon_s, double from_s) {
  SchedulerParams params;
  params.policy = SchedulingPolicy::kEasyBackfill;
  params.seed = 7;
  for (std::int64_t gpus : pool_gpus) params.pools.push_back(GpuPool{gpus, 0, 1.2});
  Scheduler scheduler(w.jobs, params);
  for (std::size_t p = 0; p < pool_gpus.size(); ++p) {
    if (pool_online_s[p] > 0.0) scheduler.set_pool_gpus(p, 0);
  }
  double busy = 0.0;
  double online = 0.0;
  const auto steps = static_cast<std::int64_t>(horizon_s / kStepS);
  for (std::int64_t k = 0; k < steps; ++k) {
    const double t_s = static_cast<double>(k) * kStepS;
    double online_now = 0.0;
    for (std::size_t p = 0; p < pool_gpus.size(); ++p) {
      if (pool_online_s[p] > 0.0 && t_s == pool_online_s[p]) {
        scheduler.set_pool_gpus(p, pool_gpus[p]);
      }
      if (t_s >= pool_online_s[p]) online_now += static_cast<double>(pool_gpus[p]);
    }
    const StepOutput out = scheduler.step(k, kStepS);
    if (t_s >= from_s) {
      busy += out.gpus_allocated;
      online += online_now;
    }
  }
  EXPECT_EQ(scheduler.check_invariants(), "");
  return busy / online;
}

SyntheticWorkloadParams frontier_lab(double target) {
  SyntheticWorkloadParams p;
  p.preset = WorkloadPreset::kFrontierLab;
  p.campus_gpus = 8 * 46000;
  p.largest_pool_gpus = 46000;
  p.target_utilisation = target;
  p.size_multiplier = 32;
  p.duration_multiplier = 384;
  return p;
}

class FrontierLabTarget : public ::testing::TestWithParam<double> {};

TEST_P(FrontierLabTarget, SteadyStateUtilisationWithinTwoPoints) {
  const double target = GetParam();
  const double horizon_s = 365 * kDayS;
  const Workload w = generate_workload(frontier_lab(target), horizon_s, 11);
  const double u = utilisation(w, std::vector<std::int64_t>(8, 46000), std::vector<double>(8, 0.0),
                               horizon_s, 0.0);
  EXPECT_NEAR(u, target, 0.02) << "target " << target << " got " << u;
}

INSTANTIATE_TEST_SUITE_P(Targets, FrontierLabTarget, ::testing::Values(0.5, 0.7, 0.85, 0.95));

TEST(FrontierLabHorizon, ShortAndLongRunsReachTheTarget) {
  for (const double days : {60.0, 180.0, 730.0}) {
    const double horizon_s = days * kDayS;
    const Workload w = generate_workload(frontier_lab(0.8), horizon_s, 21);
    EXPECT_NEAR(utilisation(w, std::vector<std::int64_t>(8, 46000), std::vector<double>(8, 0.0),
                            horizon_s, 0.0),
                0.8, 0.02)
        << days << " days";
  }
}

class ResearchClusterTarget : public ::testing::TestWithParam<double> {};

TEST_P(ResearchClusterTarget, SteadyStateUtilisationWithinTwoPoints) {
  const double target = GetParam();
  SyntheticWorkloadParams p;  // the research preset as a 400,000-GPU campus runs it
  p.campus_gpus = 8 * 46000;
  p.largest_pool_gpus = 46000;
  p.target_utilisation = target;
  p.size_multiplier = 32;
  p.duration_multiplier = 384;
  const double horizon_s = 365 * kDayS;
  const Workload w = generate_workload(p, horizon_s, 5);
  const double u = utilisation(w, std::vector<std::int64_t>(8, 46000), std::vector<double>(8, 0.0),
                               horizon_s, 0.0);
  EXPECT_NEAR(u, target, 0.02) << "target " << target << " got " << u;
}

INSTANTIATE_TEST_SUITE_P(Targets, ResearchClusterTarget, ::testing::Values(0.5, 0.7, 0.85, 0.95));

TEST(SyntheticWorkloadOnline, OfferedLoadFollowsTheGpusOnline) {
  // Four buildings of 46,000 GPUs: two online at the start, one at day 60, one at day 120. The
  // offered load follows the GPUs online: busy share within 2 points of the target before the
  // ramp and once every building is online.
  SyntheticWorkloadParams p = frontier_lab(0.7);
  p.online.from_s = {0.0, 60 * kDayS, 120 * kDayS};
  p.online.gpus = {2 * 46000, 3 * 46000, 4 * 46000};
  const double horizon_s = 240 * kDayS;
  const Workload w = generate_workload(p, horizon_s, 5);
  const std::vector<std::int64_t> pools(4, 46000);
  const std::vector<double> online_s = {0.0, 0.0, 60 * kDayS, 120 * kDayS};
  EXPECT_NEAR(utilisation(w, pools, online_s, 60 * kDayS, 0.0), 0.7, 0.02);
  EXPECT_NEAR(utilisation(w, pools, online_s, horizon_s, 120 * kDayS), 0.7, 0.02);
}

TEST(SyntheticWorkloadOnline, WarmStartBeginsInSteadyStateAndRunTimesAreCapped) {
  SyntheticWorkloadParams p = frontier_lab(0.7);
  p.max_job_duration_s = 40 * kDayS;
  const Workload w = generate_workload(p, 30 * kDayS, 9);
  double gpus_at_start = 0.0;
  for (const TrainingJob& job : w.jobs) {
    EXPECT_LE(job.duration_at_full_speed_s(), 40 * kDayS * (1 + 1e-12));
    EXPECT_GE(job.submit_s, 0.0);
    if (job.submit_s == 0.0) gpus_at_start += job.gpus;
  }
  // The jobs carried in at 0 hold about the target share of the campus.
  EXPECT_NEAR(gpus_at_start / (8 * 46000), 0.7, 0.05);
  p.warm_start = false;
  EXPECT_GT(generate_workload(p, 30 * kDayS, 9).jobs.front().work_gpu_hours, 0.0);
}

}  // namespace
}  // namespace stargate
