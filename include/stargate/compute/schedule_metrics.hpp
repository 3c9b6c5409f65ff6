// What a schedule delivered: GPU-hours, utilisation, training work, jobs, deadlines, queue times
// and the demand flexibility the campus gave the power system (docs/scheduling.md).
//
// Conservation: over a run of duration T on pools of G GPUs in all,
//   G T = allocated GPU-hours + idle GPU-hours,   allocated = compute + overhead GPU-hours
// where "allocated" (also called busy) counts GPUs held by running jobs, "compute" the part of
// it doing useful work and "overhead" checkpoint writes and restarts. The scheduler integrates
// allocated, compute and free GPUs separately, so the identity is a real check.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace stargate {

/// Queue-time summary over every job that was ready by the end: seconds from ready to first
/// start, and for a job not started by the end, from ready to the end (a censored wait: it
/// waited at least that long). Counting the censored jobs keeps the percentiles honest when a
/// queue grows; a summary over started jobs alone hides exactly the longest waits.
struct QueueTimeStats {
  std::int64_t count = 0;     ///< jobs summarised
  std::int64_t censored = 0;  ///< of which not started by the end
  double mean_s = 0.0;
  double p50_s = 0.0;  ///< nearest-rank percentiles
  double p95_s = 0.0;
  double p99_s = 0.0;
  double max_s = 0.0;
};

/// Summarises queue times (copies; the input is not reordered); `censored` is carried through.
/// Empty input: all zero.
[[nodiscard]] QueueTimeStats summarize_queue_times(std::span<const double> queue_times_s,
                                                   std::int64_t censored = 0);

/// Job-size classes of the queue statistics by gang size: up to 64 GPUs, up to 1,024, up to
/// 16,384, larger.
inline constexpr std::array<std::int64_t, 3> kQueueSizeClassMaxGpus = {64, 1024, 16384};
inline constexpr std::array<const char*, 4> kQueueSizeClassNames = {"small", "medium", "large",
                                                                    "frontier"};
/// The size class (0..3) of a gang of `gpus`.
[[nodiscard]] std::size_t queue_size_class(std::int64_t gpus);

/// Counts demand-response events: a run of consecutive steps with shed power > kShedEpsilonKw is
/// one event. Allocation-free; call add_step once per step.
class FlexibilityTracker {
 public:
  static constexpr double kShedEpsilonKw = 1e-6;

  void add_step(double shed_kw, double step_s);

  [[nodiscard]] double shed_kwh() const { return shed_kwh_; }
  [[nodiscard]] std::int64_t events() const { return events_; }
  [[nodiscard]] double longest_event_s() const { return longest_event_s_; }

 private:
  double shed_kwh_ = 0.0;
  std::int64_t events_ = 0;
  double current_event_s_ = 0.0;
  double longest_event_s_ = 0.0;
  bool in_event_ = false;
};

/// Results of a schedule up to the current time.
struct ScheduleMetrics {
  double elapsed_s = 0.0;
  double gpu_hours_total = 0.0;      ///< pool GPUs x elapsed time
  double gpu_hours_allocated = 0.0;  ///< held by running jobs ("busy")
  double gpu_hours_compute = 0.0;    ///< of which computing
  double gpu_hours_overhead = 0.0;   ///< of which writing checkpoints or restarting
  double gpu_hours_idle = 0.0;       ///< integrated free GPUs
  double utilisation = 0.0;          ///< allocated / total
  /// Allocated / total over the steady state: from the last pool coming online to the end (set
  /// by the campus fleet; 0 hours when the run has no such interval).
  double steady_state_utilisation = 0.0;
  double steady_state_hours = 0.0;
  /// |total - (allocated + idle)| + |allocated - (compute + overhead)|, GPU-hours; ~0.
  double conservation_error_gpu_h = 0.0;

  double work_goal_gpu_h = 0.0;  ///< sum of work_gpu_hours of all jobs
  /// Work that could have been done by the end: each ready job's work, clipped at what its gang
  /// could do at full speed between its ready time and the end (the horizon clip).
  double work_offered_in_horizon_gpu_h = 0.0;
  double work_done_gpu_h = 0.0;  ///< useful work kept (finished jobs + progress of others)
  double work_lost_gpu_h = 0.0;  ///< redone after failures, preemptions and pauses
  std::int64_t jobs_total = 0;
  std::int64_t jobs_started = 0;
  std::int64_t jobs_finished = 0;    ///< all outcomes
  std::int64_t jobs_completed = 0;   ///< finished with JobOutcome::kCompleted
  std::int64_t jobs_rejected = 0;    ///< can never run (gang larger than any pool of its type)
  std::int64_t deadline_misses = 0;  ///< finished after the deadline, or unfinished past it
  std::int64_t failures = 0;         ///< hardware failures of running gangs
  std::int64_t preemptions = 0;      ///< priority preemptions
  std::int64_t power_pauses = 0;     ///< flexible jobs paused for the power budget
  QueueTimeStats queue;              ///< every job ready by the end, censored waits included
  std::array<QueueTimeStats, 4> queue_by_size;  ///< per kQueueSizeClassNames

  double flexibility_shed_mwh = 0.0;  ///< flexible demand not drawn because of the budget
  std::int64_t flexibility_events = 0;
  double flexibility_longest_event_s = 0.0;
};

}  // namespace stargate
