// Gang scheduler for training jobs on GPU pools: FIFO, EASY backfilling, priority with
// preemption, and power-aware (docs/scheduling.md derives every rule and number).
//
// Model. GPUs are counts in pools (a pool is a building or hall of one GPU type; never one object
// per GPU). A job needs all of its `gpus` at once inside one pool, or, when its max_pools > 1
// (a synchronous run over the campus fabric), spread over at most max_pools pools of its type:
// the pools with the most free GPUs first, each giving all it has free until the gang is
// complete. A spanning gang that fits one pool takes one pool (best fit). Its state lives in
// struct-of- arrays inside the Scheduler. The scheduler is event-driven inside the fixed time grid:
// each step(k) processes, in time order, the arrivals, phase ends (checkpoint start/end, restart
// end, completion) and failures that fall in [k step_s, (k+1) step_s), and schedules at each such
// instant, so a job starts at its arrival and finishes mid-step; GPU counts and power are
// integrated over the exact fractions of the step.
//
// A running job alternates compute phases of checkpoint_interval_s wall seconds with checkpoint
// writes of checkpoint_write_s (no progress, GPUs held); none after the last piece. Progress
// rate on g GPUs at cap fraction c is g * throughput(c) GPU-hours per hour. A hardware failure
// (Poisson, rate g * lambda; first drawn when the job starts, from a counter-based generator
// keyed by (seed, job index, draw number), so results depend only on the seed) loses the
// progress since the last completed checkpoint and costs restart_overhead_s. A preempted or
// power-paused job loses the same and pays restart_overhead_s when it resumes (Young 1974 and
// Daly 2006 for the checkpoint/restart model; see workload.hpp).
//
// Policies:
//  - kFifo: start jobs in ready order; the first that does not fit blocks the rest.
//  - kEasyBackfill: as FIFO, but the blocked head gets a reservation at the earliest time enough
//    GPUs free up (shadow time, from running jobs' expected ends at their current speed); later
//    jobs start now if they fit and either end by the shadow time, use only GPUs the head will
//    not need, or run in another pool. A spanning head reserves over all pools: later jobs in
//    any pool respect its extra GPUs. Backfilled jobs run in one pool. D. Lifka, "The ANL/IBM SP
//    scheduling system", JSSPP 1995; A. Mu'alem and D. Feitelson, "Utilization, predictability,
//    workloads, and user runtime estimates in scheduling the IBM SP2 with backfilling", IEEE TPDS
//    12(6), 2001.
//  - kPriority: queue by priority (then ready time); a head that does not fit preempts running
//    jobs of strictly lower priority in one pool (lowest priority first, then latest started)
//    when that makes it fit; otherwise it blocks the queue.
//  - kPowerAware: EASY backfilling with firm jobs queued before flexible ones, plus the power
//    budget. Each step the power system offers `flexible_budget_kw`, the power flexible jobs may
//    draw after firm work and the inference floor (the caller serves those first). Flexible jobs
//    draw gpus * gpu_busy_kw * power(c). The scheduler first lowers the common cap c of all
//    flexible jobs through cap_levels (throughput follows the cap curve); if the lowest level
//    still exceeds the budget it pauses flexible jobs at once (losing progress since their last
//    checkpoint: the budget is a hard limit this step), most slack first. Firm jobs are never
//    throttled or paused. Paused jobs wait in the queue and resume when headroom returns. When the
//    step's price or carbon exceeds its threshold, a flexible job does not start (or resume)
//    while its deadline slack exceeds one step plus deadline_safety_s; jobs without deadlines
//    always may wait. Other policies ignore the power signal.
//
// Thread-safety: a Scheduler is a plain value with no shared state; use one per thread.
// Allocation: everything is sized in the constructor; step() does not allocate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "stargate/compute/gpu_power.hpp"
#include "stargate/compute/schedule_metrics.hpp"
#include "stargate/compute/workload.hpp"

namespace stargate {

enum class SchedulingPolicy : std::uint8_t { kFifo, kEasyBackfill, kPriority, kPowerAware };

/// Identical GPUs counted together (a building or hall).
struct GpuPool {
  std::int64_t gpus = 0;
  std::uint16_t gpu_type = 0;  ///< jobs of this TrainingJob::gpu_type may run here
  /// Power of one busy GPU at full cap in the units of the power budget (GPU alone, or with its
  /// node and rack share if the caller's budget includes them), kW. Default: GB200, FACTS.md.
  double gpu_busy_kw = 1.2;
};

/// Relative throughput and power of a GPU at a power-cap fraction c in (0, 1] (both 1 at c = 1).
/// Default: the Zeus V100 fits of gpu_power.hpp (relative_throughput, relative_power). The
/// scheduler evaluates the functions only at its cap levels, once, in the constructor.
struct CapResponse {
  std::function<double(double)> relative_throughput = &stargate::relative_throughput;
  std::function<double(double)> relative_power = &stargate::relative_power;
};

struct SchedulerParams {
  SchedulingPolicy policy = SchedulingPolicy::kFifo;
  std::vector<GpuPool> pools;
  double gpu_failure_rate_per_h = kDefaultGpuFailureRatePerH;  ///< per GPU; 0 disables failures
  std::uint64_t seed = 1;
  /// Power-cap levels for flexible jobs, tried from the highest; must include 1.0.
  std::vector<double> cap_levels = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5};
  CapResponse cap_response;
  /// kPowerAware deferral thresholds (infinity: never defer).
  double defer_above_price_usd_per_mwh = std::numeric_limits<double>::infinity();
  double defer_above_carbon_kg_per_kwh = std::numeric_limits<double>::infinity();
  /// Slack kept in reserve before a deadline when deferring, and the pause order's "critical"
  /// threshold, s.
  double deadline_safety_s = 3600.0;
};

/// What the power system offers this step (kPowerAware only).
struct PowerSignal {
  double flexible_budget_kw = std::numeric_limits<double>::infinity();
  double price_usd_per_mwh = 0.0;
  double carbon_kg_per_kwh = 0.0;
};

/// One step's result. Pool figures are time averages over the step (a job that ends mid-step
/// counts for its fraction); spans point into the scheduler and stay valid until the next step.
struct StepOutput {
  double gpus_allocated = 0.0;  ///< all pools, GPUs held by running jobs
  double gpus_compute = 0.0;    ///< of which computing (not writing checkpoints or restarting)
  std::span<const double> pool_gpus_allocated;
  /// Sum over running jobs of gpus * relative_power(cap): with P_busy the per-GPU busy power and
  /// P_idle the idle power, pool IT power = P_idle * total + (P_busy - P_idle) * this.
  std::span<const double> pool_power_weighted_gpus;
  double flexible_demand_kw = 0.0;  ///< flexible jobs running or power-paused, at full cap
  double flexible_drawn_kw = 0.0;   ///< what they draw after throttling and pausing (step start)
  double flexible_shed_kw = 0.0;    ///< demand - drawn
  double flexible_cap_fraction = 1.0;
  std::int64_t jobs_running = 0;  ///< at step end
  std::int64_t jobs_queued = 0;   ///< at step end, including paused and preempted jobs
};

enum class JobState : std::uint8_t { kWaiting, kQueued, kRunning, kDone, kRejected };

class Scheduler {
 public:
  /// Copies the jobs. Throws std::invalid_argument for no pools, a negative pool size, a job
  /// with gpus <= 0 or work <= 0, cap levels outside (0, 1] or without 1.0. A job larger than
  /// every pool of its type is rejected (counted, never queued).
  Scheduler(std::span<const TrainingJob> jobs, SchedulerParams params);

  /// Advances over [step_index * step_s, (step_index + 1) * step_s). Steps must be consecutive
  /// from 0 with one step_s (asserted).
  StepOutput step(std::int64_t step_index, double step_s, const PowerSignal& signal = {});

  [[nodiscard]] ScheduleMetrics metrics() const;  ///< up to the end of the last step
  /// Resizes pool `p` between steps (buildings coming online); throws std::invalid_argument when
  /// `gpus` is below the GPUs its running jobs hold. Jobs were checked against the sizes given to
  /// the constructor, so construct with the final sizes and shrink offline pools to 0 first.
  void set_pool_gpus(std::size_t p, std::int64_t gpus);

  /// Invariant check for tests: pool counts within bounds and equal to the running jobs' gangs,
  /// no job running before it was ready, progress within [0, work]. Empty string when all hold.
  [[nodiscard]] std::string check_invariants() const;

  [[nodiscard]] std::size_t job_count() const { return jobs_.size(); }
  [[nodiscard]] const TrainingJob& job(std::size_t j) const { return jobs_[j]; }
  [[nodiscard]] JobState job_state(std::size_t j) const { return state_[j]; }
  /// Pool of a running job (the first of a spanning gang's pools); -1 otherwise.
  [[nodiscard]] int job_pool(std::size_t j) const {
    return state_[j] == JobState::kRunning ? pool_[j] : -1;
  }
  [[nodiscard]] double job_first_start_s(std::size_t j) const { return first_start_s_[j]; }
  [[nodiscard]] double job_end_s(std::size_t j) const { return end_s_[j]; }  ///< NaN if not done
  [[nodiscard]] double job_cap_fraction(std::size_t j) const;
  /// Progress at the current time (end of the last step), GPU-hours at full speed.
  [[nodiscard]] double job_progress_gpu_h(std::size_t j) const;
  [[nodiscard]] double job_checkpointed_gpu_h(std::size_t j) const { return ckpt_gpu_h_[j]; }
  [[nodiscard]] std::int64_t pool_allocated(std::size_t p) const { return pool_alloc_[p]; }
  [[nodiscard]] double now_s() const { return now_s_; }

 private:
  enum class Phase : std::uint8_t { kCompute, kCheckpoint, kRestart };
  /// Placement marker: the gang spans the pools in placement_.
  static constexpr int kSpanning = -3;

  /// Calls f(pool, gpus) for each pool a running (or power-paused) job holds GPUs in.
  template <class F>
  void for_each_piece(std::int32_t j, F&& f) const {
    if (span_index_[j] < 0) {
      f(static_cast<std::size_t>(pool_[j]), static_cast<std::int64_t>(jobs_[j].gpus));
      return;
    }
    const std::size_t n_pools = params_.pools.size();
    const std::size_t base = static_cast<std::size_t>(span_index_[j]) * n_pools;
    for (std::size_t p = 0; p < n_pools; ++p) {
      if (piece_gpus_[base + p] > 0) f(p, piece_gpus_[base + p]);
    }
  }
  struct Event {
    double t_s;
    std::int32_t job;
    std::uint32_t version;
  };

  // time and accounting
  void advance_to(double t_s);
  void refresh_pool_power(int p);
  // job lifecycle
  void arrive(std::int32_t j);
  void start_job(std::int32_t j, int p, double t_s);
  void stop_job(std::int32_t j, double t_s, bool count_as_pause);
  void finish_job(std::int32_t j, double t_s);
  void release(std::int32_t j);
  void begin_compute(std::int32_t j, double t_s);
  void begin_checkpoint(std::int32_t j, double t_s);
  void begin_restart(std::int32_t j, double t_s);
  void set_compute(std::int32_t j, bool computing);
  void settle_compute(std::int32_t j, double t_s);
  void handle_event(std::int32_t j, double t_s);
  void push_event(std::int32_t j);
  double draw_failure_gap_s(std::int32_t j);
  void set_job_level(std::int32_t j, int level, double t_s);
  // scheduling
  void schedule(double t_s);
  [[nodiscard]] bool queue_before(std::int32_t a, std::int32_t b) const;
  void queue_insert(std::int32_t j);
  [[nodiscard]] int best_fit_pool(std::int32_t j) const;
  [[nodiscard]] bool can_ever_run(const TrainingJob& job) const;
  [[nodiscard]] bool span_placement(std::int32_t j);
  [[nodiscard]] std::int64_t gpus_in_pool(std::int32_t j, std::size_t p) const;
  [[nodiscard]] double job_busy_kw(std::int32_t j) const;
  [[nodiscard]] bool power_allows(std::int32_t j, int p, double t_s) const;
  [[nodiscard]] bool reserve_head(std::int32_t head, double t_s);
  [[nodiscard]] bool preempt_for(std::int32_t j, double t_s);
  [[nodiscard]] double expected_remaining_s(std::int32_t j, double t_s) const;
  [[nodiscard]] double planned_duration_s(std::int32_t j, int level) const;
  [[nodiscard]] bool gpu_fits(std::int32_t j, int p) const;
  [[nodiscard]] double slack_s(std::int32_t j, double t_s) const;
  [[nodiscard]] double flexible_kw_full() const;
  void apply_power_budget(double t_s, const PowerSignal& signal);

  SchedulerParams params_;
  std::vector<TrainingJob> jobs_;
  int levels_ = 0;
  std::vector<double> level_throughput_;
  std::vector<double> level_power_;

  // job state (struct of arrays)
  std::vector<JobState> state_;
  std::vector<Phase> phase_;
  std::vector<std::int16_t> pool_;
  std::vector<std::uint8_t> level_;
  std::vector<std::uint8_t> in_compute_;
  std::vector<std::uint8_t> needs_restart_;
  std::vector<std::uint8_t> power_paused_;
  std::vector<double> ready_s_;
  std::vector<double> phase_start_s_;
  std::vector<double> phase_end_s_;
  std::vector<std::uint8_t> phase_final_;
  std::vector<double> progress_gpu_h_;  ///< at phase_start_s_
  std::vector<double> ckpt_gpu_h_;
  std::vector<double> since_ckpt_s_;  ///< compute wall seconds since the last checkpoint
  std::vector<double> rate_gpu_h_per_s_;
  std::vector<double> next_failure_s_;
  std::vector<double> first_start_s_;
  std::vector<double> end_s_;
  std::vector<std::uint32_t> version_;
  std::vector<std::uint32_t> draws_;
  std::vector<std::int32_t> running_pos_;
  std::vector<std::int32_t> span_index_;  ///< row of piece_gpus_ (max_pools > 1), else -1
  std::vector<std::int64_t> piece_gpus_;  ///< [span_index * pools + pool]: a gang's pieces

  // arrivals, queue, running set, events (capacities fixed in the constructor)
  std::vector<std::int32_t> arrival_order_;
  std::size_t next_arrival_ = 0;
  std::vector<std::int32_t> queue_;
  std::vector<std::int32_t> running_;
  std::vector<Event> heap_;
  std::vector<std::int32_t> scratch_;
  std::vector<std::int32_t> requeue_;
  std::vector<std::pair<double, std::int32_t>> pairs_;
  std::vector<std::int64_t> placement_;  ///< span_placement's result, GPUs per pool
  std::vector<std::size_t> pool_order_;

  // pools
  std::vector<std::int64_t> pool_alloc_;
  std::vector<std::int64_t> pool_compute_;
  std::vector<std::int64_t> pool_flex_;         ///< flexible GPUs running
  std::vector<std::int64_t> pool_paused_flex_;  ///< flexible GPUs paused for power
  std::vector<std::int64_t> pool_level_gpus_;   ///< [pool * levels + level]
  std::vector<double> pool_power_units_;
  std::vector<double> step_alloc_gpu_s_;
  std::vector<double> step_compute_gpu_s_;
  std::vector<double> step_power_gpu_s_;
  std::vector<double> out_alloc_;
  std::vector<double> out_power_;

  // step context
  double now_s_ = 0.0;
  double step_s_ = 0.0;
  std::int64_t next_step_ = 0;
  bool dirty_ = false;
  int flex_level_ = 0;
  double headroom_kw_ = std::numeric_limits<double>::infinity();
  bool deferring_ = false;
  // EASY reservation cache
  std::uint64_t running_generation_ = 0;
  std::uint64_t reservation_generation_ = ~std::uint64_t{0};
  std::int32_t reservation_job_ = -1;
  int reservation_pool_ = -1;
  double reservation_shadow_s_ = 0.0;
  std::int64_t reservation_extra_ = 0;

  // totals
  double total_alloc_gpu_s_ = 0.0;
  double total_compute_gpu_s_ = 0.0;
  double total_free_gpu_s_ = 0.0;
  double total_gpu_s_ = 0.0;
  double lost_gpu_h_ = 0.0;
  std::int64_t failures_ = 0;
  std::int64_t preemptions_ = 0;
  std::int64_t power_pauses_ = 0;
  FlexibilityTracker flex_;
};

}  // namespace stargate
