// Workloads of an AI campus: gang-scheduled training jobs and inference services.
//
// A training job needs all of its `gpus` at once (gang scheduling) and carries `work_gpu_hours`
// of work measured at full speed: on N GPUs at full speed it runs work_gpu_hours / N hours of
// compute. Slower GPUs (a power cap) stretch that time; failures add to it (below). An inference
// service holds `gpus` provisioned GPUs of which a floor always runs; the rest follow a demand
// profile (diurnal, weekly, growth), and power follows load.
//
// Failures and checkpoints (docs/workloads.md derives every formula):
//   a gang of N GPUs, each failing independently at rate lambda (per hour), fails at rate
//   N lambda, i.e. with mean time between failures M = 1 / (N lambda). With checkpoints every
//   tau seconds of compute, each costing w seconds to write, and r seconds to restart after a
//   failure, the expected fraction of wall time lost is, to first order (Young 1974, Daly 2006),
//     waste = w / tau + (tau / 2 + r) / M
//   (the checkpoint cost, plus half an interval of lost work and a restart per failure). Worked
//   number: N = 16,384, lambda = 1.97e-5 /h (M = 3.10 h = 11,160 s), tau = 1 h, w = 60 s,
//   r = 600 s: waste = 60/3600 + (1800 + 600)/11,160 = 0.0167 + 0.2151 = 0.232.
//   Young's optimum interval is tau* = sqrt(2 w M); Daly's first-order refinement is
//   tau* = sqrt(2 w M) - w (for w < 2 M).
//   J. W. Young, "A first order approximation to the optimum checkpoint interval", Comm. ACM
//   17(9), 1974. J. T. Daly, "A higher order estimate of the optimum checkpoint interval for
//   restart dumps", Future Generation Computer Systems 22(3), 2006.
//
// Sizes: a Workload keeps jobs as a vector of small plain structs (no strings, no per-GPU
// objects): 100,000 jobs take ~10 MB. GPUs are counts; schedulers pool identical GPUs.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {

/// Seconds per hour, for GPU-hour arithmetic.

/// Default per-GPU hardware failure rate (per GPU-hour): Meta's Llama 3 405B pre-training saw 419
/// unexpected interruptions in a 54-day snapshot on 16,384 H100 GPUs (A. Dubey et al., "The Llama
/// 3 Herd of Models", arXiv:2407.21783, 2024, section 3.3.4): 419 / (54 * 24 * 16,384) =
/// 1.97e-5 per GPU-hour (a 16k-GPU gang fails every ~3.1 h).
inline constexpr double kDefaultGpuFailureRatePerH = 1.97e-5;

/// How a job ends, as recorded by cluster traces. Failed and cancelled jobs still occupy their
/// GPUs for their whole work (the trace's run time); their GPU-hours produce no useful result.
/// This is the job's own (software/user) outcome, separate from hardware failures, which are
/// drawn from the per-GPU failure rate and recovered from the last checkpoint.
enum class JobOutcome : std::uint8_t {
  kCompleted,
  kFailed,     ///< terminated by an error of the job (trace status FAILED, TIMEOUT, NODE_FAIL)
  kCancelled,  ///< terminated by its user
};

/// One gang-scheduled training (or batch) job. A small plain struct: cheap to copy and store in
/// the hundreds of thousands. Times are seconds relative to the run start.
struct TrainingJob {
  std::int64_t id = 0;
  double submit_s = 0.0;          ///< when the job arrives in the queue
  std::int32_t gpus = 1;          ///< gang size: all GPUs run together or none does
  double work_gpu_hours = 0.0;    ///< total work at full speed (gpus x hours), > 0
  double earliest_start_s = 0.0;  ///< not started before this (>= submit_s)
  /// Completion wanted by this time; NaN when the job has no deadline.
  double deadline_s = std::numeric_limits<double>::quiet_NaN();
  std::int32_t priority = 0;  ///< larger runs first
  bool flexible = true;  ///< may be slowed, paused or delayed when power is short; firm if false
  JobOutcome outcome = JobOutcome::kCompleted;
  /// Index into Workload::gpu_types (0 = the campus's default GPU type when that list is empty).
  std::uint16_t gpu_type = 0;
  double checkpoint_interval_s = 3600.0;  ///< compute time between checkpoints (tau)
  double checkpoint_write_s = 60.0;       ///< wall time to write one checkpoint (w)
  double restart_overhead_s = 600.0;      ///< wall time to restart after a failure (r)
  /// Index into Workload::classes (0 when the list is empty): the job's kind, for throughput.
  std::uint8_t job_class = 0;
  /// Most pools (buildings) the gang may span: 1 = one building; more lets a synchronous run
  /// spread over several buildings joined by the campus fabric (docs/scheduling.md).
  std::uint8_t max_pools = 1;

  /// Hours of compute at full speed on the whole gang: work_gpu_hours / gpus.
  [[nodiscard]] double duration_at_full_speed_h() const {
    return work_gpu_hours / static_cast<double>(gpus);
  }
  [[nodiscard]] double duration_at_full_speed_s() const {
    return duration_at_full_speed_h() * kSecondsPerHour;
  }
  [[nodiscard]] bool has_deadline() const { return deadline_s == deadline_s; }  // not NaN
};

/// An inference service: `gpus` provisioned GPUs; a share floor_fraction always runs (its
/// service-level floor), the rest follows demand. Demand as a share of the provisioned GPUs:
///
///   d(t) = mean_load_fraction * (1 + diurnal_amplitude * cos(2 pi (h(t) - peak_hour) / 24))
///          * (1 - weekend_dip on Saturday and Sunday) * (1 + annual_growth)^(t / 1 year)
///
/// where h(t) is the local hour of day. When `measured_fraction` is set it replaces the diurnal
/// and weekly terms (mean, amplitudes and peak are then ignored): d(t) = measured_fraction[k mod
/// n] * (1 + annual_growth)^(t / 1 year), with k = floor(t / measured_step_s). The running share
/// is clamp(d(t), floor_fraction, 1): power follows it.
/// Worked number: mean 0.6, diurnal amplitude 0.25 peaking at 14:00, no growth: at 14:00 on a
/// weekday d = 0.75, at 02:00 d = 0.45.
struct InferenceService {
  std::string name;
  std::int32_t gpus = 0;            ///< provisioned GPUs
  double floor_fraction = 0.3;      ///< share of `gpus` that always runs
  double mean_load_fraction = 0.6;  ///< mean demand as a share of `gpus` (before growth)
  double diurnal_amplitude = 0.25;  ///< relative swing of the daily cosine (0..1)
  double peak_hour = 14.0;          ///< local hour of day of the daily peak (0..24)
  double weekend_dip = 0.15;        ///< relative demand drop on Saturday and Sunday (0..1)
  double annual_growth = 0.0;       ///< relative demand growth per year (0.5 = +50 %/year)
  std::int32_t priority = 100;
  std::uint16_t gpu_type = 0;  ///< index into Workload::gpu_types
  /// A measured demand profile (shares of `gpus`, repeating), e.g. from the Azure LLM trace;
  /// empty: use the parametric shape.
  std::vector<double> measured_fraction;
  double measured_step_s = 3600.0;

  /// Demand share d(t) (unclamped above, >= 0) at `t_s` seconds after the run start.
  /// `run_start_local_s` is the run start in local standard time (seconds since
  /// 1970-01-01T00:00, which was a Thursday; LocalTime::seconds): it places the hour of day and
  /// the weekday.
  [[nodiscard]] double demand_fraction(double t_s, std::int64_t run_start_local_s = 0) const;
  /// Share of `gpus` that runs: clamp(demand_fraction, floor_fraction, 1).
  [[nodiscard]] double running_fraction(double t_s, std::int64_t run_start_local_s = 0) const;
};

/// What kind of work a class of jobs does, for throughput (docs/workloads.md, "Throughput"):
/// FLOPs = work (GPU-hours at full speed) x 3600 x peak FLOP/s of the GPU at the class's
/// precision x mfu; tokens trained = FLOPs / (6 x model parameters) for a class that trains
/// (Kaplan et al. 2020, "Scaling laws for neural language models", arXiv:2001.08361, C = 6 N D).
struct JobClass {
  std::string name;
  double mfu = 0.4;           ///< model FLOPs utilisation, 0..1
  bool fp8 = false;           ///< peak at dense FP8 (else dense BF16)
  bool trains_tokens = true;  ///< counts toward tokens trained (evaluation does not)
};

/// Everything the campus is asked to run.
struct Workload {
  std::vector<TrainingJob> jobs;  ///< sorted by submit_s (then id)
  /// Job classes that TrainingJob::job_class indexes; empty: one training class at MFU 0.4.
  std::vector<JobClass> classes;
  std::vector<InferenceService> services;
  /// Names of the GPU types the jobs' gpu_type indexes; empty: every job uses the default type.
  std::vector<std::string> gpu_types;
  double gpu_failure_rate_per_h = kDefaultGpuFailureRatePerH;  ///< per GPU, hardware failures
  std::string source;                 ///< where the jobs came from (file or generator + seed)
  std::vector<std::string> warnings;  ///< counted warnings from readers and generators

  // Inline so that readers (io) need not link the compute library.
  [[nodiscard]] double total_work_gpu_hours() const {
    double total = 0.0;
    for (const TrainingJob& job : jobs) {
      total += job.work_gpu_hours;
    }
    return total;
  }
  [[nodiscard]] std::int64_t max_job_gpus() const {
    std::int64_t largest = 0;
    for (const TrainingJob& job : jobs) {
      largest = largest > job.gpus ? largest : job.gpus;
    }
    return largest;
  }
};

/// GPU-hours at full speed of a job of `flops` floating-point operations run at model FLOPs
/// utilisation `mfu` (0..1] on GPUs of `peak_flops_per_gpu_s` (dense, at the job's precision):
/// flops / (mfu * peak) / 3600. Worked number: 3.8e25 FLOP (Llama 3 405B) at MFU 0.4 on GB200
/// (2.5e15 FLOP/s dense BF16, FACTS.md) = 3.8e25 / 1e15 / 3600 = 1.056e7 GPU-hours.
/// Throws std::invalid_argument for flops < 0, mfu outside (0, 1] or peak <= 0.
[[nodiscard]] double gpu_hours_from_flops(double flops, double mfu, double peak_flops_per_gpu_s);

/// Mean time between failures of a gang of `gpus` GPUs, seconds: 3600 / (gpus * lambda).
/// Infinity when the rate is 0.
[[nodiscard]] double gang_mtbf_s(std::int64_t gpus, double gpu_failure_rate_per_h);

/// Expected share of wall time lost to checkpoints, lost work and restarts, first order (Young
/// 1974, Daly 2006): w / tau + (tau / 2 + r) / M with M = gang_mtbf_s(). Capped at 1.
/// Throws std::invalid_argument for a non-positive interval or negative times or rate.
[[nodiscard]] double expected_waste_fraction(std::int64_t gpus, double gpu_failure_rate_per_h,
                                             double checkpoint_interval_s,
                                             double checkpoint_write_s, double restart_overhead_s);
/// The same for a job (its gang, interval, write and restart times).
[[nodiscard]] double expected_waste_fraction(const TrainingJob& job, double gpu_failure_rate_per_h);

/// Expected wall time of a job at full speed: compute time / (1 - waste); infinity when the
/// waste reaches 1 (the job never finishes: failures come faster than checkpoints).
[[nodiscard]] double expected_wall_time_s(const TrainingJob& job, double gpu_failure_rate_per_h);

/// Expected wall time of a job at full speed under Poisson failures, exactly (Daly 2006, section
/// 2; the first-order waste above overstates it for gangs whose MTBF nears the interval): each
/// piece of x seconds (an interval plus its checkpoint write; the last piece without one) takes
///   T(x) = M e^(r / M) (e^(x / M) - 1)
/// on average, a failure costing the piece's progress and a restart r that may itself fail.
/// Worked number: M = 5,577 s (32,768 GPUs), tau = 3,600 s, w = 60 s, r = 600 s: T = 5,762 s per
/// interval, wall / compute = 1.60 (first order: 1.81). Throws std::invalid_argument for an
/// interval <= 0.
[[nodiscard]] double exact_expected_wall_time_s(const TrainingJob& job,
                                                double gpu_failure_rate_per_h);

/// Young's optimum checkpoint interval sqrt(2 w M) and Daly's first-order refinement
/// sqrt(2 w M) - w (used when w < 2 M, else M). Infinity for a zero failure rate.
[[nodiscard]] double young_interval_s(std::int64_t gpus, double gpu_failure_rate_per_h,
                                      double checkpoint_write_s);
[[nodiscard]] double daly_interval_s(std::int64_t gpus, double gpu_failure_rate_per_h,
                                     double checkpoint_write_s);

/// Failure instants (seconds from 0, increasing, all < horizon_s) of a gang of `gpus` GPUs: a
/// Poisson process of rate gpus * lambda, drawn from std::mt19937_64(seed) with own inverse-CDF
/// exponential draws (no std distributions: identical on every platform).
[[nodiscard]] std::vector<double> draw_failure_times_s(std::int64_t gpus,
                                                       double gpu_failure_rate_per_h,
                                                       double horizon_s, std::uint64_t seed);

/// Outcome of running one job to completion under failures.
struct FailureRun {
  double wall_s = 0.0;          ///< total wall time (compute + checkpoints + lost + restarts)
  double lost_compute_s = 0.0;  ///< compute redone after failures (since the last checkpoint)
  double checkpoint_s = 0.0;    ///< time spent writing checkpoints
  double restart_s = 0.0;       ///< time spent restarting
  std::int64_t failures = 0;
};

/// Runs `compute_s` of compute at full speed with checkpoints every checkpoint_interval_s of
/// compute (each written in checkpoint_write_s; none after the last piece) against failures at
/// `failure_times_s` (wall-clock, from draw_failure_times_s). A failure during compute or a
/// checkpoint write loses the compute since the last completed checkpoint; a failure during a
/// restart restarts it. Failures beyond the list's end do not happen (draw a long enough horizon).
[[nodiscard]] FailureRun simulate_checkpointed_run(double compute_s, double checkpoint_interval_s,
                                                   double checkpoint_write_s,
                                                   double restart_overhead_s,
                                                   const std::vector<double>& failure_times_s);

}  // namespace stargate
