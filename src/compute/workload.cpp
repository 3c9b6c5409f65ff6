// Training jobs, inference demand and the failure/checkpoint arithmetic (see workload.hpp and
// docs/workloads.md for the formulas and their sources).
#include "stargate/compute/workload.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "stargate/core/random.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// 1970-01-01 was a Thursday: with Monday = 0, day 0 has weekday 3.
constexpr std::int64_t kEpochWeekday = 3;
constexpr std::int64_t kSaturday = 5;
constexpr std::uint64_t kFailureStream = 0xFA11;

}  // namespace

double InferenceService::demand_fraction(double t_s, std::int64_t run_start_local_s) const {
  const double growth = std::pow(1.0 + annual_growth, t_s / kSecondsPerJulianYear);
  if (!measured_fraction.empty()) {
    const double step = measured_step_s > 0.0 ? measured_step_s : kSecondsPerHour;
    const auto n = static_cast<std::int64_t>(measured_fraction.size());
    auto k = static_cast<std::int64_t>(std::floor(t_s / step)) % n;
    if (k < 0) {
      k += n;
    }
    return std::max(0.0, measured_fraction[static_cast<std::size_t>(k)] * growth);
  }
  const double local_s = static_cast<double>(run_start_local_s) + t_s;
  const auto day = static_cast<std::int64_t>(std::floor(local_s / kSecondsPerDayInt));
  const double hour = (local_s - static_cast<double>(day * kSecondsPerDayInt)) / kSecondsPerHour;
  std::int64_t weekday = (day + kEpochWeekday) % kDaysPerWeek;
  if (weekday < 0) {
    weekday += kDaysPerWeek;
  }
  const double diurnal = 1.0 + diurnal_amplitude * std::cos(2.0 * std::numbers::pi *
                                                            (hour - peak_hour) / kHoursPerDay);
  const double weekly = weekday >= kSaturday ? 1.0 - weekend_dip : 1.0;
  return std::max(0.0, mean_load_fraction * diurnal * weekly * growth);
}

double InferenceService::running_fraction(double t_s, std::int64_t run_start_local_s) const {
  return std::clamp(demand_fraction(t_s, run_start_local_s), floor_fraction, 1.0);
}

double gpu_hours_from_flops(double flops, double mfu, double peak_flops_per_gpu_s) {
  if (!(flops >= 0.0) || !(mfu > 0.0 && mfu <= 1.0) || !(peak_flops_per_gpu_s > 0.0)) {
    throw std::invalid_argument(
        "gpu_hours_from_flops: need flops >= 0, 0 < mfu <= 1 and peak FLOP/s > 0");
  }
  return flops / (mfu * peak_flops_per_gpu_s) / kSecondsPerHour;
}

double gang_mtbf_s(std::int64_t gpus, double gpu_failure_rate_per_h) {
  if (gpus < 0 || !(gpu_failure_rate_per_h >= 0.0)) {
    throw std::invalid_argument("gang_mtbf_s: need gpus >= 0 and a failure rate >= 0");
  }
  const double gang_rate_per_h = static_cast<double>(gpus) * gpu_failure_rate_per_h;
  return gang_rate_per_h > 0.0 ? kSecondsPerHour / gang_rate_per_h : kInfinity;
}

double expected_waste_fraction(std::int64_t gpus, double gpu_failure_rate_per_h,
                               double checkpoint_interval_s, double checkpoint_write_s,
                               double restart_overhead_s) {
  if (!(checkpoint_interval_s > 0.0) || !(checkpoint_write_s >= 0.0) ||
      !(restart_overhead_s >= 0.0)) {
    throw std::invalid_argument(
        "expected_waste_fraction: need interval > 0, write time >= 0 and restart >= 0");
  }
  const double mtbf_s = gang_mtbf_s(gpus, gpu_failure_rate_per_h);
  const double failure_loss =
      std::isinf(mtbf_s) ? 0.0 : (0.5 * checkpoint_interval_s + restart_overhead_s) / mtbf_s;
  return std::min(1.0, checkpoint_write_s / checkpoint_interval_s + failure_loss);
}

double expected_waste_fraction(const TrainingJob& job, double gpu_failure_rate_per_h) {
  return expected_waste_fraction(job.gpus, gpu_failure_rate_per_h, job.checkpoint_interval_s,
                                 job.checkpoint_write_s, job.restart_overhead_s);
}

double expected_wall_time_s(const TrainingJob& job, double gpu_failure_rate_per_h) {
  const double waste = expected_waste_fraction(job, gpu_failure_rate_per_h);
  return waste >= 1.0 ? kInfinity : job.duration_at_full_speed_s() / (1.0 - waste);
}

double exact_expected_wall_time_s(const TrainingJob& job, double gpu_failure_rate_per_h) {
  const double compute_s = job.duration_at_full_speed_s();
  const double mtbf_s = gang_mtbf_s(job.gpus, gpu_failure_rate_per_h);
  const double interval_s = job.checkpoint_interval_s;
  if (!(interval_s > 0.0)) {
    throw std::invalid_argument("exact_expected_wall_time_s: need a checkpoint interval > 0");
  }
  const double segments = std::floor(compute_s / interval_s);
  const double last_s = compute_s - segments * interval_s;
  if (std::isinf(mtbf_s)) {
    return compute_s + segments * job.checkpoint_write_s;
  }
  // T(x) = M e^(r/M) (e^(x/M) - 1) per piece of x seconds (expm1 keeps small x/M exact).
  const double restart = mtbf_s * std::exp(job.restart_overhead_s / mtbf_s);
  const double total_s =
      restart * (segments * std::expm1((interval_s + job.checkpoint_write_s) / mtbf_s) +
                 std::expm1(last_s / mtbf_s));
  return std::isfinite(total_s) ? total_s : kInfinity;
}

double young_interval_s(std::int64_t gpus, double gpu_failure_rate_per_h,
                        double checkpoint_write_s) {
  const double mtbf_s = gang_mtbf_s(gpus, gpu_failure_rate_per_h);
  if (!(checkpoint_write_s >= 0.0)) {
    throw std::invalid_argument("young_interval_s: need a write time >= 0");
  }
  return std::isinf(mtbf_s) ? kInfinity : std::sqrt(2.0 * checkpoint_write_s * mtbf_s);
}

double daly_interval_s(std::int64_t gpus, double gpu_failure_rate_per_h,
                       double checkpoint_write_s) {
  const double mtbf_s = gang_mtbf_s(gpus, gpu_failure_rate_per_h);
  if (std::isinf(mtbf_s)) {
    return kInfinity;
  }
  if (checkpoint_write_s >= 2.0 * mtbf_s) {
    return mtbf_s;
  }
  return young_interval_s(gpus, gpu_failure_rate_per_h, checkpoint_write_s) - checkpoint_write_s;
}

std::vector<double> draw_failure_times_s(std::int64_t gpus, double gpu_failure_rate_per_h,
                                         double horizon_s, std::uint64_t seed) {
  const double mtbf_s = gang_mtbf_s(gpus, gpu_failure_rate_per_h);
  std::vector<double> times;
  if (std::isinf(mtbf_s) || !(horizon_s > 0.0)) {
    return times;
  }
  DeterministicRandom random(seed, 0, kFailureStream);
  double t = 0.0;
  while (true) {
    // Inverse CDF of the exponential distribution: -M ln(U), U in (0, 1).
    t += -mtbf_s * std::log(random.uniform_open());
    if (t >= horizon_s) {
      break;
    }
    times.push_back(t);
  }
  return times;
}

FailureRun simulate_checkpointed_run(double compute_s, double checkpoint_interval_s,
                                     double checkpoint_write_s, double restart_overhead_s,
                                     const std::vector<double>& failure_times_s) {
  if (!(compute_s >= 0.0) || !(checkpoint_interval_s > 0.0) || !(checkpoint_write_s >= 0.0) ||
      !(restart_overhead_s >= 0.0)) {
    throw std::invalid_argument(
        "simulate_checkpointed_run: need compute >= 0, interval > 0, write and restart >= 0");
  }
  FailureRun run;
  double now_s = 0.0;    // wall clock
  double saved_s = 0.0;  // compute safely checkpointed
  std::size_t next_failure = 0;
  auto next_failure_s = [&]() {
    return next_failure < failure_times_s.size() ? failure_times_s[next_failure] : kInfinity;
  };
  while (saved_s < compute_s) {
    // One segment: compute up to the next checkpoint, then write it (none after the last piece).
    const double piece_s = std::min(checkpoint_interval_s, compute_s - saved_s);
    const bool last_piece = saved_s + piece_s >= compute_s;
    const double write_s = last_piece ? 0.0 : checkpoint_write_s;
    const double segment_end_s = now_s + piece_s + write_s;
    const double failure_s = next_failure_s();
    if (failure_s >= segment_end_s) {
      now_s = segment_end_s;
      saved_s += piece_s;
      run.checkpoint_s += write_s;
      continue;
    }
    // A failure inside the segment: the compute since the last checkpoint is lost (a write cut
    // short is lost too), then the job restarts; a failure during the restart restarts it.
    const double elapsed_s = failure_s - now_s;
    run.lost_compute_s += std::min(elapsed_s, piece_s);
    run.checkpoint_s += std::max(0.0, elapsed_s - piece_s);
    ++run.failures;
    ++next_failure;
    now_s = failure_s;
    while (true) {
      const double restart_end_s = now_s + restart_overhead_s;
      const double during_s = next_failure_s();
      if (during_s >= restart_end_s) {
        run.restart_s += restart_overhead_s;
        now_s = restart_end_s;
        break;
      }
      run.restart_s += during_s - now_s;
      ++run.failures;
      ++next_failure;
      now_s = during_s;
    }
  }
  run.wall_s = now_s;
  return run;
}

}  // namespace stargate
