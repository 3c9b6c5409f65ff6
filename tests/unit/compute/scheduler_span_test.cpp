// Gangs that span buildings, queue waits that count every job (censored at the end), and the
// work offered within the horizon.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "stargate/compute/scheduler.hpp"

namespace stargate {
namespace {

constexpr double kHourS = 3600.0;

TrainingJob job(double submit_s, std::int32_t gpus, double hours, std::uint8_t max_pools = 1) {
  TrainingJob j;
  j.submit_s = submit_s;
  j.earliest_start_s = submit_s;
  j.gpus = gpus;
  j.work_gpu_hours = gpus * hours;
  j.checkpoint_write_s = 0.0;
  j.max_pools = max_pools;
  return j;
}

SchedulerParams pools(std::vector<std::int64_t> gpus, std::vector<double> busy_kw = {}) {
  SchedulerParams p;
  p.policy = SchedulingPolicy::kEasyBackfill;
  p.gpu_failure_rate_per_h = 0.0;
  for (std::size_t i = 0; i < gpus.size(); ++i) {
    p.pools.push_back(GpuPool{gpus[i], 0, busy_kw.empty() ? 1.0 : busy_kw[i]});
  }
  return p;
}

TEST(SchedulerSpan, AGangSpreadsOverTheBuildingsWithTheMostFreeGpus) {
  // Three buildings of 100, 80 and 60 GPUs; a 20-GPU job (10 h) goes to the smallest building
  // that holds it (best fit: building 2). A 200-GPU synchronous run allowed over 3 buildings then
  // takes the most free first: 100 + 80 + the 20 left of building 2's 40 free.
  const std::vector<TrainingJob> jobs = {job(0, 20, 10), job(0, 200, 5, 3)};
  Scheduler s(jobs, pools({100, 80, 60}, {1.0, 2.0, 3.0}));
  const StepOutput out = s.step(0, kHourS);
  ASSERT_EQ(s.check_invariants(), "");
  EXPECT_EQ(s.job_state(1), JobState::kRunning);
  EXPECT_EQ(s.pool_allocated(0), 100);
  EXPECT_EQ(s.pool_allocated(1), 80);
  EXPECT_EQ(s.pool_allocated(2), 40);
  EXPECT_DOUBLE_EQ(out.gpus_allocated, 220.0);
  // Each building's power follows its own pieces (pool_power_weighted_gpus at cap 1).
  EXPECT_DOUBLE_EQ(out.pool_power_weighted_gpus[2], 40.0);
  // 5 h at full speed: ends at 5 h, freeing every piece; the small job keeps its 20.
  for (int k = 1; k < 6; ++k) (void)s.step(k, kHourS);
  EXPECT_NEAR(s.job_end_s(1), 5 * kHourS, 1e-6);
  EXPECT_EQ(s.pool_allocated(0), 0);
  EXPECT_EQ(s.pool_allocated(1), 0);
  EXPECT_EQ(s.pool_allocated(2), 20);
}

TEST(SchedulerSpan, TheSpanLimitAndOneBuildingJobs) {
  // Over at most 2 buildings, 200 GPUs fit (100 + 80 = 180 < 200): never runs. A one-building
  // job of 120 GPUs fits nowhere. A spanning job that fits one building takes one (best fit).
  const std::vector<TrainingJob> jobs = {job(0, 200, 1, 2), job(0, 120, 1), job(0, 50, 1, 3)};
  Scheduler s(jobs, pools({100, 80, 60}));
  (void)s.step(0, kHourS);
  EXPECT_EQ(s.job_state(0), JobState::kRejected);
  EXPECT_EQ(s.job_state(1), JobState::kRejected);
  EXPECT_EQ(s.job_state(2), JobState::kRunning);
  EXPECT_EQ(s.pool_allocated(2), 50);  // the smallest pool that holds it
}

TEST(SchedulerSpan, ASpanningHeadReservesAndSmallJobsBackfillAroundIt) {
  // Two buildings of 100: A (100 GPUs, 2 h) fills building 0, B (50, 10 h) sits in building 1.
  // C, 150 GPUs over 2 buildings, must wait for A's end at 2 h (shadow; no GPUs spare then).
  // D (30 GPUs, 1 h) ends before the shadow: it backfills now. E (50 GPUs, 10 h) would hold
  // GPUs past the shadow: it waits. C starts at 2 h over both buildings.
  const std::vector<TrainingJob> jobs = {job(0, 100, 2), job(0, 50, 10), job(0, 150, 1, 2),
                                         job(0, 30, 1), job(0, 50, 10)};
  Scheduler s(jobs, pools({100, 100}));
  (void)s.step(0, kHourS);
  EXPECT_EQ(s.job_state(2), JobState::kQueued);
  EXPECT_EQ(s.job_state(3), JobState::kRunning);
  EXPECT_EQ(s.job_state(4), JobState::kQueued);
  for (int k = 1; k < 4; ++k) (void)s.step(k, kHourS);
  ASSERT_EQ(s.check_invariants(), "");
  EXPECT_NEAR(s.job_first_start_s(2), 2 * kHourS, 1e-6);
}

TEST(SchedulerQueue, WaitsOfJobsNotStartedAreCountedToTheEnd) {
  // One building of 10 GPUs. A (10 GPUs, 100 h) runs from 0; B and C (10 GPUs each) arrive at
  // 1 h and 2 h and cannot start before 100 h. After 50 h: waits 0 (A), 49 h and 48 h (still
  // waiting, censored). Mean 32.33 h, median 48 h, max 49 h; by size all three are "small".
  const std::vector<TrainingJob> jobs = {job(0, 10, 100), job(kHourS, 10, 1),
                                         job(2 * kHourS, 10, 1)};
  Scheduler s(jobs, pools({10}));
  for (int k = 0; k < 50; ++k) (void)s.step(k, kHourS);
  const ScheduleMetrics m = s.metrics();
  EXPECT_EQ(m.queue.count, 3);
  EXPECT_EQ(m.queue.censored, 2);
  EXPECT_NEAR(m.queue.max_s, 49 * kHourS, 1e-6);
  EXPECT_NEAR(m.queue.p50_s, 48 * kHourS, 1e-6);
  EXPECT_NEAR(m.queue.p99_s, 49 * kHourS, 1e-6);
  EXPECT_NEAR(m.queue.mean_s, (49 + 48) * kHourS / 3, 1e-6);
  EXPECT_EQ(m.queue_by_size[0].count, 3);
  EXPECT_EQ(m.queue_by_size[3].count, 0);
  EXPECT_EQ(m.jobs_started, 1);
}

TEST(SchedulerQueue, WorkOfferedInTheHorizonIsClippedAndPartialProgressCounts) {
  // A 10-GPU job of 100 h, run for 50 h: 500 GPU-hours could be done by the end, 500 were done.
  // A second job arriving at 40 h waits (no GPUs): its offered work is 10 x 10 h = 100 GPU-h.
  const std::vector<TrainingJob> jobs = {job(0, 10, 100), job(40 * kHourS, 10, 30)};
  Scheduler s(jobs, pools({10}));
  for (int k = 0; k < 50; ++k) (void)s.step(k, kHourS);
  const ScheduleMetrics m = s.metrics();
  EXPECT_NEAR(m.work_offered_in_horizon_gpu_h, 500 + 100, 1e-6);
  EXPECT_NEAR(m.work_done_gpu_h, 500, 1e-6);
  EXPECT_NEAR(m.work_goal_gpu_h, 1000 + 300, 1e-6);
}

}  // namespace
}  // namespace stargate
