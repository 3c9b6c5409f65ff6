// Scheduler policies on small hand-derived cases, replay, determinism and invariants.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "stargate/compute/scheduler.hpp"

namespace stargate {
namespace {

constexpr double kStepS = 300.0;
constexpr double kHourS = 3600.0;

TrainingJob job(std::int64_t id, double submit_s, std::int32_t gpus, double hours) {
  TrainingJob j;
  j.id = id;
  j.submit_s = submit_s;
  j.earliest_start_s = submit_s;
  j.gpus = gpus;
  j.work_gpu_hours = gpus * hours;
  j.checkpoint_write_s = 0.0;
  j.restart_overhead_s = 600.0;
  return j;
}

SchedulerParams params(SchedulingPolicy policy, std::vector<std::int64_t> pool_gpus) {
  SchedulerParams p;
  p.policy = policy;
  p.gpu_failure_rate_per_h = 0.0;
  for (std::int64_t g : pool_gpus) p.pools.push_back(GpuPool{g, 0, 1.0});
  return p;
}

// Runs n steps, asserting the invariants and pool bounds at every step.
void run(Scheduler& s, int n_steps, const std::function<PowerSignal(int)>& signal = nullptr,
         const std::vector<std::int64_t>& pool_gpus = {}) {
  for (int k = 0; k < n_steps; ++k) {
    const StepOutput out = s.step(k, kStepS, signal ? signal(k) : PowerSignal{});
    ASSERT_EQ(s.check_invariants(), "") << "step " << k;
    for (std::size_t p = 0; p < pool_gpus.size(); ++p) {
      ASSERT_LE(out.pool_gpus_allocated[p], static_cast<double>(pool_gpus[p]) + 1e-9);
    }
    ASSERT_LE(out.gpus_compute, out.gpus_allocated + 1e-9);
  }
}

// FIFO: A (6 of 10 GPUs, 1 h) runs at 0; B (6 GPUs) waits for A; C (2 GPUs, 0.5 h) would fit
// at once but waits behind B (head-of-line blocking): B and C both start at 3,600 s when A ends;
// C ends 3,600 + 1,800 = 5,400 s, B 3,600 + 3,600 = 7,200 s.
TEST(SchedulerFifo, HeadOfLineBlocking) {
  const std::vector<TrainingJob> jobs = {job(0, 0, 6, 1.0), job(1, 0, 6, 1.0), job(2, 0, 2, 0.5)};
  Scheduler s(jobs, params(SchedulingPolicy::kFifo, {10}));
  run(s, 30, nullptr, {10});
  EXPECT_DOUBLE_EQ(s.job_first_start_s(0), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 3600.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(2), 3600.0);
  EXPECT_NEAR(s.job_end_s(2), 5400.0, 1e-6);
  EXPECT_NEAR(s.job_end_s(1), 7200.0, 1e-6);
  const ScheduleMetrics m = s.metrics();
  EXPECT_EQ(m.jobs_completed, 3);
  // Queue times 0, 3,600, 3,600: mean 2,400, p50 3,600.
  EXPECT_NEAR(m.queue.mean_s, 2400.0, 1e-9);
  EXPECT_NEAR(m.queue.p50_s, 3600.0, 1e-9);
  // GPU-hours: 6 + 6 + 1 = 13 of 10 x 2.5 h = 25 -> utilisation 0.52.
  EXPECT_NEAR(m.gpu_hours_allocated, 13.0, 1e-9);
  EXPECT_NEAR(m.utilisation, 0.52, 1e-12);
  EXPECT_LT(m.conservation_error_gpu_h, 1e-9);
}

// EASY: B (the head) gets a reservation at A's end, 3,600 s (shadow), with 4 spare GPUs then.
// C (2 GPUs, 0.5 h) ends at 1,800 <= 3,600: backfills at 0. D (2 GPUs, 2 h) ends after the
// shadow but uses 2 <= 4 spare GPUs: backfills at 0. E (2 GPUs, 3 h) finds no free GPU. B still
// starts at 3,600 (not delayed); E starts when C ends at 1,800 (2 free; spare left 2 >= 2).
TEST(SchedulerEasy, BackfillsWithoutDelayingTheHead) {
  const std::vector<TrainingJob> jobs = {job(0, 0, 6, 1.0), job(1, 0, 6, 1.0), job(2, 0, 2, 0.5),
                                         job(3, 0, 2, 2.0), job(4, 0, 2, 3.0)};
  Scheduler s(jobs, params(SchedulingPolicy::kEasyBackfill, {10}));
  run(s, 60, nullptr, {10});
  EXPECT_DOUBLE_EQ(s.job_first_start_s(0), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 3600.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(2), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(3), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(4), 1800.0);
  EXPECT_EQ(s.metrics().jobs_completed, 5);
}

// Priority preemption with checkpoint loss. L: 8 GPUs, 10 h (80 GPU-h), priority 0, checkpoints
// every 3,600 s taking 60 s, restart 600 s. H: 8 GPUs, 1 h, priority 10, arrives at 5,400 s.
// L computes 0-3,600, writes 3,600-3,660 (checkpoint 8 GPU-h), computes 3,660-5,400: 1,740 s =
// 8 x 1,740 / 3,600 = 3.8667 GPU-h, lost at the preemption. H runs 5,400-9,000. L restarts
// 9,000-9,600, then computes the remaining 72 GPU-h = 9 h = 32,400 s with 8 checkpoint writes
// (after hours 1..8; none after the last piece): ends 9,600 + 32,400 + 480 = 42,480 s.
TEST(SchedulerPriority, PreemptsLowerPriorityLosingWorkSinceCheckpoint) {
  TrainingJob low = job(0, 0, 8, 10.0);
  low.checkpoint_write_s = 60.0;
  TrainingJob high = job(1, 5400.0, 8, 1.0);
  high.priority = 10;
  const std::vector<TrainingJob> jobs = {low, high};
  Scheduler s(jobs, params(SchedulingPolicy::kPriority, {8}));
  run(s, 150, nullptr, {8});
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 5400.0);
  EXPECT_NEAR(s.job_end_s(1), 9000.0, 1e-6);
  EXPECT_NEAR(s.job_end_s(0), 42480.0, 1e-6);
  const ScheduleMetrics m = s.metrics();
  EXPECT_EQ(m.preemptions, 1);
  EXPECT_NEAR(m.work_lost_gpu_h, 8.0 * 1740.0 / 3600.0, 1e-9);
  // Compute GPU-hours = work + lost; overhead = 9 writes x 60 s + 1 restart x 600 s on 8 GPUs.
  EXPECT_NEAR(m.gpu_hours_compute, 88.0 + 8.0 * 1740.0 / 3600.0, 1e-6);
  EXPECT_NEAR(m.gpu_hours_overhead, 8.0 * (9 * 60.0 + 600.0) / 3600.0, 1e-6);
  EXPECT_LT(m.conservation_error_gpu_h, 1e-6);
}

// Checkpoint arithmetic without failures: 4 GPUs, 10 GPU-h = 2.5 h of compute, checkpoints every
// hour taking 60 s: two writes, end = 9,000 + 120 = 9,120 s.
TEST(SchedulerCheckpoints, WritesAddToWallTime) {
  TrainingJob j = job(0, 0, 4, 2.5);
  j.checkpoint_write_s = 60.0;
  Scheduler s(std::vector<TrainingJob>{j}, params(SchedulingPolicy::kFifo, {4}));
  run(s, 40, nullptr, {4});
  EXPECT_NEAR(s.job_end_s(0), 9120.0, 1e-6);
  EXPECT_NEAR(s.job_checkpointed_gpu_h(0), 8.0, 1e-9);
}

// Failures: every GPU-hour of compute is either kept or lost, so compute GPU-h = work + lost, and
// wall time = compute time + writes + restarts >= the failure-free time.
TEST(SchedulerFailures, LostWorkIsRedone) {
  TrainingJob j = job(0, 0, 1000, 100.0);  // gang rate 1000 x 1e-4 = 0.1 /h: ~10 failures
  j.checkpoint_write_s = 60.0;
  SchedulerParams p = params(SchedulingPolicy::kFifo, {1000});
  p.gpu_failure_rate_per_h = 1e-4;
  p.seed = 7;
  Scheduler s(std::vector<TrainingJob>{j}, p);
  run(s, 12 * 24 * 8, nullptr, {1000});
  ASSERT_EQ(s.job_state(0), JobState::kDone);
  const ScheduleMetrics m = s.metrics();
  EXPECT_GT(m.failures, 0);
  EXPECT_GT(m.work_lost_gpu_h, 0.0);
  EXPECT_NEAR(m.gpu_hours_compute, 100000.0 + m.work_lost_gpu_h, 1e-6 * 100000.0);
  EXPECT_NEAR(m.gpu_hours_allocated, 1000.0 * s.job_end_s(0) / kHourS, 1e-6 * 100000.0);
  EXPECT_GE(s.job_end_s(0),
            100.0 * kHourS + 99 * 60.0 + static_cast<double>(m.failures) * 600.0 - 1e-6);
}

TEST(SchedulerFailures, SameSeedSameResultsOtherSeedDiffers) {
  std::vector<TrainingJob> jobs;
  std::uint64_t x = 12345;
  for (int i = 0; i < 200; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto gpus = static_cast<std::int32_t>(1U << ((x >> 33U) % 9U));
    jobs.push_back(job(i, i * 900.0, gpus, 1.0 + static_cast<double>((x >> 40U) % 20U)));
  }
  const auto run_once = [&](std::uint64_t seed) {
    SchedulerParams p = params(SchedulingPolicy::kEasyBackfill, {512, 256});
    p.gpu_failure_rate_per_h = 2e-3;
    p.seed = seed;
    Scheduler s(jobs, p);
    for (int k = 0; k < 12 * 24 * 20; ++k) s.step(k, kStepS);
    std::vector<double> ends;
    for (std::size_t j = 0; j < jobs.size(); ++j) ends.push_back(s.job_end_s(j));
    return std::make_pair(s.metrics(), ends);
  };
  const auto [m1, e1] = run_once(1);
  const auto [m2, e2] = run_once(1);
  const auto [m3, e3] = run_once(2);
  EXPECT_EQ(m1.failures, m2.failures);
  EXPECT_EQ(m1.gpu_hours_allocated, m2.gpu_hours_allocated);
  for (std::size_t j = 0; j < e1.size(); ++j) {
    EXPECT_TRUE(e1[j] == e2[j] || (std::isnan(e1[j]) && std::isnan(e2[j])));
  }
  EXPECT_GT(m1.failures, 0);
  EXPECT_TRUE(m1.failures != m3.failures || m1.gpu_hours_allocated != m3.gpu_hours_allocated);
}

// Replay: jobs with known start times on ample GPUs (FIFO, no failures, no checkpoint cost)
// start at their submission, mid-step, and finish exactly at submit + duration.
TEST(SchedulerReplay, AmpleGpusReproduceTraceRunTimes) {
  std::vector<TrainingJob> jobs;
  std::uint64_t x = 99;
  double submit_s = 0.0;
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    submit_s += static_cast<double>((x >> 35U) % 5000U) + 0.25;
    const double hours = 0.01 + static_cast<double>((x >> 20U) % 1000U) / 50.0;
    jobs.push_back(job(i, submit_s, static_cast<std::int32_t>(1 + (x >> 50U) % 64U), hours));
  }
  Scheduler s(jobs, params(SchedulingPolicy::kFifo, {100000}));
  run(s, 12 * 24 * 30, nullptr, {100000});
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    ASSERT_EQ(s.job_state(j), JobState::kDone);
    EXPECT_DOUBLE_EQ(s.job_first_start_s(j), jobs[j].submit_s);
    EXPECT_NEAR(s.job_end_s(j), jobs[j].submit_s + jobs[j].duration_at_full_speed_s(), 1e-6);
  }
}

// A job never starts before it is ready (submission or earliest start), even mid-step.
TEST(SchedulerInvariants, NeverStartsBeforeReady) {
  TrainingJob a = job(0, 1000.0, 1, 1.0);
  a.earliest_start_s = 1500.0;
  Scheduler s(std::vector<TrainingJob>{a, job(1, 1234.5, 1, 1.0)},
              params(SchedulingPolicy::kFifo, {8}));
  run(s, 6, nullptr, {8});
  EXPECT_DOUBLE_EQ(s.job_first_start_s(0), 1500.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 1234.5);
}

TEST(SchedulerInvariants, GangLargerThanAnyPoolIsRejected) {
  Scheduler s(std::vector<TrainingJob>{job(0, 0, 9, 1.0), job(1, 0, 8, 1.0)},
              params(SchedulingPolicy::kFifo, {8, 4}));
  run(s, 20, nullptr, {8, 4});
  EXPECT_EQ(s.job_state(0), JobState::kRejected);
  EXPECT_EQ(s.job_state(1), JobState::kDone);  // not blocked behind the rejected job
  EXPECT_EQ(s.metrics().jobs_rejected, 1);
}

TEST(SchedulerInvariants, BadInputThrows) {
  EXPECT_THROW(Scheduler(std::vector<TrainingJob>{}, SchedulerParams{}), std::invalid_argument);
  EXPECT_THROW(
      Scheduler(std::vector<TrainingJob>{job(0, 0, 0, 1.0)}, params(SchedulingPolicy::kFifo, {8})),
      std::invalid_argument);
  SchedulerParams p = params(SchedulingPolicy::kFifo, {8});
  p.cap_levels = {0.9, 0.5};
  EXPECT_THROW(Scheduler(std::vector<TrainingJob>{}, p), std::invalid_argument);
}

// Random workloads under every policy: the invariants hold at every step (run() checks them),
// GPU-hours are conserved and no pool is ever over its GPUs.
TEST(SchedulerInvariants, HoldAtEveryStepForEveryPolicy) {
  std::vector<TrainingJob> jobs;
  std::uint64_t x = 4242;
  for (int i = 0; i < 400; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    TrainingJob j = job(i, static_cast<double>(i) * 450.0 + static_cast<double>(x % 300U),
                        static_cast<std::int32_t>(1U << ((x >> 33U) % 8U)),
                        0.2 + static_cast<double>((x >> 40U) % 30U) / 3.0);
    j.priority = static_cast<std::int32_t>((x >> 50U) % 4U);
    j.flexible = ((x >> 55U) % 4U) != 0U;
    j.checkpoint_write_s = 30.0;
    if ((x >> 58U) % 3U == 0U) j.deadline_s = j.submit_s + 3.0 * j.duration_at_full_speed_s();
    jobs.push_back(j);
  }
  for (SchedulingPolicy policy : {SchedulingPolicy::kFifo, SchedulingPolicy::kEasyBackfill,
                                  SchedulingPolicy::kPriority, SchedulingPolicy::kPowerAware}) {
    SchedulerParams p = params(policy, {128, 128, 64});
    p.gpu_failure_rate_per_h = 1e-3;
    p.defer_above_price_usd_per_mwh = 100.0;
    Scheduler s(jobs, p);
    run(s, 12 * 24 * 10,
        [](int k) {
          PowerSignal sig;
          sig.flexible_budget_kw = 60.0 + 200.0 * (0.5 + 0.5 * std::sin(k * 0.05));
          sig.price_usd_per_mwh = (k / 24) % 5 == 0 ? 200.0 : 30.0;
          return sig;
        },
        {128, 128, 64});
    const ScheduleMetrics m = s.metrics();
    EXPECT_LT(m.conservation_error_gpu_h, 1e-6 * m.gpu_hours_total) << static_cast<int>(policy);
    EXPECT_GT(m.jobs_finished, 0);
    EXPECT_LE(m.work_done_gpu_h, m.work_goal_gpu_h + 1e-6);
  }
}

TEST(ScheduleMetrics, QueueTimePercentilesByNearestRank) {
  const std::vector<double> waits = {40.0, 0.0, 20.0, 10.0, 30.0};
  const QueueTimeStats q = summarize_queue_times(waits);
  EXPECT_EQ(q.count, 5);
  EXPECT_DOUBLE_EQ(q.mean_s, 20.0);
  EXPECT_DOUBLE_EQ(q.p50_s, 20.0);  // ceil(0.5 x 5) = 3rd
  EXPECT_DOUBLE_EQ(q.p95_s, 40.0);  // ceil(0.95 x 5) = 5th
  EXPECT_DOUBLE_EQ(q.max_s, 40.0);
  EXPECT_EQ(summarize_queue_times({}).count, 0);
}

TEST(ScheduleMetrics, FlexibilityEventsAreRunsOfSheddingSteps) {
  FlexibilityTracker t;
  for (double kw : {0.0, 10.0, 20.0, 0.0, 5.0, 5.0, 5.0, 0.0}) t.add_step(kw, 300.0);
  EXPECT_EQ(t.events(), 2);
  EXPECT_DOUBLE_EQ(t.longest_event_s(), 900.0);
  EXPECT_DOUBLE_EQ(t.shed_kwh(), 45.0 * 300.0 / 3600.0);
}

}  // namespace
}  // namespace stargate
