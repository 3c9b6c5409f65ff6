// Scheduler over a year at 5-minute steps (105,120 steps) on 400,000 GPUs in 8 pools of 50,000
// with 12,000 gang-scheduled jobs (failures, checkpoints), for each policy; target: the whole
// run well under 1 s on one core. Each benchmark checks its result.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "stargate/compute/scheduler.hpp"

namespace {

constexpr int kStepsPerYear = 105'120;  // 365 days * 288 five-minute steps
constexpr double kStepS = 300.0;
constexpr int kJobs = 12'000;
constexpr int kPools = 8;
constexpr std::int64_t kGpusPerPool = 50'000;

// Inline synthetic workload (deterministic LCG): Poisson-like arrivals over the year, gangs of
// 2^3..2^14 GPUs, durations log-uniform 1 h..14 days, a quarter firm, some with deadlines.
std::vector<stargate::TrainingJob> make_jobs() {
  std::vector<stargate::TrainingJob> jobs;
  std::uint64_t x = 2025;
  const auto next = [&x] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(x >> 11U) / 9007199254740992.0;
  };
  const double mean_gap_s = static_cast<double>(kStepsPerYear) * kStepS / kJobs;
  double t_s = 0.0;
  for (int i = 0; i < kJobs; ++i) {
    t_s += -std::log(1.0 - next()) * mean_gap_s;
    stargate::TrainingJob j;
    j.id = i;
    j.submit_s = t_s;
    j.earliest_start_s = t_s;
    j.gpus = static_cast<std::int32_t>(1 << (3 + static_cast<int>(next() * 12.0)));
    const double hours = std::exp(next() * std::log(336.0));
    j.work_gpu_hours = j.gpus * hours;
    j.flexible = next() > 0.25;
    j.priority = static_cast<std::int32_t>(next() * 3.0);
    if (next() < 0.3) j.deadline_s = t_s + 3.0 * hours * 3600.0;
    jobs.push_back(j);
  }
  return jobs;
}

stargate::SchedulerParams make_params(stargate::SchedulingPolicy policy) {
  stargate::SchedulerParams p;
  p.policy = policy;
  for (int i = 0; i < kPools; ++i) p.pools.push_back(stargate::GpuPool{kGpusPerPool, 0, 1.68});
  p.defer_above_price_usd_per_mwh = 150.0;
  return p;
}

void run_year(benchmark::State& state, stargate::SchedulingPolicy policy) {
  const std::vector<stargate::TrainingJob> jobs = make_jobs();
  // Flexible budget: ample most of the time, scarce in a daily evening window and on some days.
  std::vector<stargate::PowerSignal> signals(kStepsPerYear);
  for (int k = 0; k < kStepsPerYear; ++k) {
    const int step_of_day = k % 288;
    const int day = k / 288;
    const bool scarce = step_of_day >= 216 && step_of_day < 240;
    signals[k].flexible_budget_kw = scarce ? (day % 7 == 0 ? 100'000.0 : 350'000.0) : 1e12;
    signals[k].price_usd_per_mwh = scarce ? 300.0 : 35.0;
  }
  stargate::ScheduleMetrics m;
  for (auto _ : state) {
    stargate::Scheduler s(jobs, make_params(policy));
    double gpu_s = 0.0;
    for (int k = 0; k < kStepsPerYear; ++k) {
      const stargate::StepOutput out = s.step(k, kStepS, signals[k]);
      gpu_s += out.gpus_allocated * kStepS;
    }
    m = s.metrics();
    if (m.jobs_finished < kJobs / 2 || m.conservation_error_gpu_h > 1e-6 * m.gpu_hours_total ||
        std::abs(gpu_s / 3600.0 - m.gpu_hours_allocated) > 1e-6 * m.gpu_hours_total) {
      throw std::logic_error("scheduler year failed its checks");
    }
    benchmark::DoNotOptimize(gpu_s);
  }
  state.counters["utilisation"] = m.utilisation;
  state.counters["jobs_finished"] = static_cast<double>(m.jobs_finished);
  state.counters["failures"] = static_cast<double>(m.failures);
  state.counters["queue_p95_h"] = m.queue.p95_s / 3600.0;
  state.counters["shed_mwh"] = m.flexibility_shed_mwh;
  state.counters["pauses"] = static_cast<double>(m.power_pauses);
  state.counters["preemptions"] = static_cast<double>(m.preemptions);
}

void BM_SchedulerYearFifo(benchmark::State& s) {
  run_year(s, stargate::SchedulingPolicy::kFifo);
}
void BM_SchedulerYearEasy(benchmark::State& s) {
  run_year(s, stargate::SchedulingPolicy::kEasyBackfill);
}
void BM_SchedulerYearPriority(benchmark::State& s) {
  run_year(s, stargate::SchedulingPolicy::kPriority);
}
void BM_SchedulerYearPowerAware(benchmark::State& s) {
  run_year(s, stargate::SchedulingPolicy::kPowerAware);
}

BENCHMARK(BM_SchedulerYearFifo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SchedulerYearEasy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SchedulerYearPriority)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SchedulerYearPowerAware)->Unit(benchmark::kMillisecond);

}  // namespace
