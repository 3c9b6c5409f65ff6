// Power-aware scheduling: throttling, pausing, firm work protected, price deferral with deadlines.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "stargate/compute/scheduler.hpp"

namespace stargate {
namespace {

constexpr double kStepS = 300.0;
constexpr double kInf = std::numeric_limits<double>::infinity();

TrainingJob job(std::int64_t id, std::int32_t gpus, double hours, bool flexible) {
  TrainingJob j;
  j.id = id;
  j.gpus = gpus;
  j.work_gpu_hours = gpus * hours;
  j.flexible = flexible;
  j.checkpoint_write_s = 0.0;
  j.checkpoint_interval_s = 5000.0;
  j.restart_overhead_s = 600.0;
  return j;
}

// A cap response simple enough to derive by hand: power = c, throughput = 0.5 + 0.5 c.
SchedulerParams power_params(std::int64_t gpus) {
  SchedulerParams p;
  p.policy = SchedulingPolicy::kPowerAware;
  p.gpu_failure_rate_per_h = 0.0;
  p.pools.push_back(GpuPool{gpus, 0, 1.0});
  p.cap_response.relative_power = [](double c) { return c; };
  p.cap_response.relative_throughput = [](double c) { return 0.5 + 0.5 * c; };
  return p;
}

PowerSignal budget(double kw) {
  PowerSignal s;
  s.flexible_budget_kw = kw;
  return s;
}

// Two flexible jobs of 50 GPUs (1 kW each at full cap): demand 100 kW.
// Steps 12-23 offer 80 kW: the highest cap with 100 c <= 80 is 0.8 (draw 80, shed 20 kW), no
// pause. Steps 24-35 offer 40 kW: even c = 0.5 draws 50 > 40, so one job pauses (the lower
// index on a tie); the other alone fits at 0.8 (40 kW): shed 100 - 40 = 60 kW. From step 36 the
// budget is ample: cap 1, the paused job resumes. Shed energy (12 x 20 + 12 x 60) kW x 300 s =
// 80 kWh = 0.08 MWh in one event of 24 steps = 7,200 s.
// Job 0's work: 0-3,600 s at full speed (50 GPU-h); throughput 0.9 from 3,600 s; checkpoint at
// 5,000 s of compute: 50 + 50 x 1,400/3,600 x 0.9 = 67.5 GPU-h; paused at 7,200 s with
// 67.5 + 50 x 2,200/3,600 x 0.9 = 95 GPU-h: 27.5 GPU-h lost.
TEST(SchedulerPower, ThrottlesThenPausesThenResumes) {
  const std::vector<TrainingJob> jobs = {job(0, 50, 100.0, true), job(1, 50, 100.0, true)};
  Scheduler s(jobs, power_params(100));
  for (int k = 0; k < 48; ++k) {
    const double kw = k < 12 ? kInf : (k < 24 ? 80.0 : (k < 36 ? 40.0 : kInf));
    const StepOutput out = s.step(k, kStepS, budget(kw));
    ASSERT_EQ(s.check_invariants(), "");
    if (k < 12 || k >= 36) {
      EXPECT_DOUBLE_EQ(out.flexible_cap_fraction, 1.0) << k;
      EXPECT_DOUBLE_EQ(out.flexible_shed_kw, 0.0) << k;
    } else if (k < 24) {
      EXPECT_DOUBLE_EQ(out.flexible_cap_fraction, 0.8) << k;
      EXPECT_NEAR(out.flexible_shed_kw, 20.0, 1e-9) << k;
      EXPECT_NEAR(out.flexible_drawn_kw, 80.0, 1e-9) << k;
      EXPECT_NEAR(out.pool_power_weighted_gpus[0], 80.0, 1e-9) << k;
      EXPECT_EQ(out.jobs_running, 2);
    } else {
      EXPECT_DOUBLE_EQ(out.flexible_cap_fraction, 0.8) << k;
      EXPECT_NEAR(out.flexible_shed_kw, 60.0, 1e-9) << k;
      EXPECT_NEAR(out.flexible_drawn_kw, 40.0, 1e-9) << k;
      EXPECT_EQ(out.jobs_running, 1);
      EXPECT_EQ(out.jobs_queued, 1);
    }
    if (k == 35) {
      EXPECT_EQ(s.job_state(0), JobState::kQueued);
      EXPECT_NEAR(s.job_progress_gpu_h(0), 67.5, 1e-9);
      // Job 1: 50 + 50 x 2 h x 0.9 = 140 GPU-h by 10,800 s.
      EXPECT_NEAR(s.job_progress_gpu_h(1), 140.0, 1e-9);
    }
  }
  EXPECT_EQ(s.job_state(0), JobState::kRunning);
  const ScheduleMetrics m = s.metrics();
  EXPECT_EQ(m.power_pauses, 1);
  EXPECT_NEAR(m.work_lost_gpu_h, 27.5, 1e-9);
  EXPECT_NEAR(m.flexibility_shed_mwh, 0.08, 1e-12);
  EXPECT_EQ(m.flexibility_events, 1);
  EXPECT_DOUBLE_EQ(m.flexibility_longest_event_s, 7200.0);
}

// With power scarce, firm work is never shed: a firm 40-GPU job keeps running at full cap while
// both flexible 30-GPU jobs are paused (10 kW cannot hold even one of them at c = 0.5: 15 kW).
TEST(SchedulerPower, FirmNeverShedBeforeFlexible) {
  const std::vector<TrainingJob> jobs = {job(0, 30, 50.0, true), job(1, 40, 50.0, false),
                                         job(2, 30, 50.0, true)};
  Scheduler s(jobs, power_params(100));
  for (int k = 0; k < 36; ++k) {
    const StepOutput out = s.step(k, kStepS, budget(k < 12 ? kInf : (k < 24 ? 10.0 : 0.0)));
    ASSERT_EQ(s.check_invariants(), "");
    EXPECT_EQ(s.job_state(1), JobState::kRunning) << k;
    EXPECT_DOUBLE_EQ(s.job_cap_fraction(1), 1.0) << k;
    if (k >= 12) {
      EXPECT_EQ(out.jobs_running, 1) << k;
      EXPECT_NEAR(out.flexible_shed_kw, 60.0, 1e-9) << k;
      EXPECT_NEAR(out.pool_power_weighted_gpus[0], 40.0, 1e-9) << k;  // the firm job only
    }
  }
  EXPECT_EQ(s.metrics().power_pauses, 2);
}

// A flexible job never starts into a budget that cannot hold it; firm work starts regardless.
TEST(SchedulerPower, FlexibleWaitsForBudgetFirmDoesNot) {
  const std::vector<TrainingJob> jobs = {job(0, 30, 1.0, true), job(1, 40, 1.0, false)};
  Scheduler s(jobs, power_params(100));
  for (int k = 0; k < 12; ++k) s.step(k, kStepS, budget(k < 6 ? 20.0 : 30.0));
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(0), 1800.0);  // step 6: 30 kW holds 30 GPUs at cap 1
}

// Price deferral with deadlines: the price is above the threshold for the first 2 h. A (no
// deadline) waits until 7,200 s. B (1 h, deadline 1.5 h) has slack 1,800 s <= one step + 3,600 s
// of safety: starts at once and meets its deadline. C (1 h, deadline 10 h) has slack 32,400 s:
// waits until 7,200 s and still meets its deadline. D (firm) is never deferred.
TEST(SchedulerPower, PriceDeferralRespectsDeadlines) {
  TrainingJob a = job(0, 1, 1.0, true);
  TrainingJob b = job(1, 1, 1.0, true);
  b.deadline_s = 5400.0;
  TrainingJob c = job(2, 1, 1.0, true);
  c.deadline_s = 36000.0;
  TrainingJob d = job(3, 1, 1.0, false);
  SchedulerParams p = power_params(10);
  p.defer_above_price_usd_per_mwh = 100.0;
  Scheduler s(std::vector<TrainingJob>{a, b, c, d}, p);
  for (int k = 0; k < 60; ++k) {
    PowerSignal sig;
    sig.price_usd_per_mwh = k < 24 ? 200.0 : 30.0;
    s.step(k, kStepS, sig);
    ASSERT_EQ(s.check_invariants(), "");
  }
  EXPECT_DOUBLE_EQ(s.job_first_start_s(0), 7200.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(1), 0.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(2), 7200.0);
  EXPECT_DOUBLE_EQ(s.job_first_start_s(3), 0.0);
  EXPECT_EQ(s.metrics().deadline_misses, 0);
  EXPECT_EQ(s.metrics().jobs_completed, 4);
}

// Other policies ignore the power signal.
TEST(SchedulerPower, FifoIgnoresBudget) {
  SchedulerParams p = power_params(100);
  p.policy = SchedulingPolicy::kFifo;
  Scheduler s(std::vector<TrainingJob>{job(0, 50, 1.0, true)}, p);
  const StepOutput out = s.step(0, kStepS, budget(0.0));
  EXPECT_EQ(out.jobs_running, 1);
  EXPECT_DOUBLE_EQ(out.flexible_shed_kw, 0.0);
}

}  // namespace
}  // namespace stargate
