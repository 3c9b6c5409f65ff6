// Gang scheduler: see include/stargate/compute/scheduler.hpp and docs/scheduling.md.
#include "stargate/compute/scheduler.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPowerToleranceKw = 1e-9;
constexpr double kWorkToleranceGpuH = 1e-9;

// SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014): a counter-based generator, so a draw depends only on (seed, job, draw number).
std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

// Uniform in (0, 1): the top 53 bits, offset by half a unit so 0 never occurs.
double uniform_open(std::uint64_t bits) {
  constexpr double kTwoPow53 = 9007199254740992.0;
  return (static_cast<double>(bits >> 11U) + 0.5) / kTwoPow53;
}

bool event_later(const auto& a, const auto& b) {
  if (a.t_s != b.t_s) return a.t_s > b.t_s;
  if (a.job != b.job) return a.job > b.job;
  return a.version > b.version;
}

}  // namespace

Scheduler::Scheduler(std::span<const TrainingJob> jobs, SchedulerParams params)
    : params_(std::move(params)), jobs_(jobs.begin(), jobs.end()) {
  if (params_.pools.empty()) throw std::invalid_argument("scheduler: no GPU pools");
  for (const GpuPool& pool : params_.pools) {
    if (pool.gpus < 0 || !(pool.gpu_busy_kw >= 0.0)) {
      throw std::invalid_argument("scheduler: pool with negative GPUs or power");
    }
  }
  std::vector<double>& caps = params_.cap_levels;
  std::sort(caps.begin(), caps.end(), std::greater<>());
  caps.erase(std::unique(caps.begin(), caps.end()), caps.end());
  if (caps.empty() || caps.front() != 1.0 || !(caps.back() > 0.0) || caps.size() > 255) {
    throw std::invalid_argument("scheduler: cap levels must lie in (0, 1] and include 1.0");
  }
  if (!params_.cap_response.relative_throughput || !params_.cap_response.relative_power) {
    throw std::invalid_argument("scheduler: cap response functions missing");
  }
  levels_ = static_cast<int>(caps.size());
  for (double c : caps) {
    level_throughput_.push_back(params_.cap_response.relative_throughput(c));
    level_power_.push_back(params_.cap_response.relative_power(c));
    if (!(level_throughput_.back() > 0.0) || !(level_power_.back() >= 0.0)) {
      throw std::invalid_argument("scheduler: cap curve must give throughput > 0, power >= 0");
    }
  }

  const std::size_t n = jobs_.size();
  const std::size_t n_pools = params_.pools.size();
  state_.assign(n, JobState::kWaiting);
  phase_.assign(n, Phase::kCompute);
  pool_.assign(n, -1);
  level_.assign(n, 0);
  in_compute_.assign(n, 0);
  needs_restart_.assign(n, 0);
  power_paused_.assign(n, 0);
  ready_s_.assign(n, 0.0);
  phase_start_s_.assign(n, 0.0);
  phase_end_s_.assign(n, kInf);
  phase_final_.assign(n, 0);
  progress_gpu_h_.assign(n, 0.0);
  ckpt_gpu_h_.assign(n, 0.0);
  since_ckpt_s_.assign(n, 0.0);
  rate_gpu_h_per_s_.assign(n, 0.0);
  next_failure_s_.assign(n, kInf);
  first_start_s_.assign(n, kNaN);
  end_s_.assign(n, kNaN);
  version_.assign(n, 0);
  draws_.assign(n, 0);
  running_pos_.assign(n, -1);
  span_index_.assign(n, -1);

  std::int32_t spanning_jobs = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const TrainingJob& job = jobs_[j];
    if (job.gpus <= 0 || !(job.work_gpu_hours > 0.0)) {
      throw std::invalid_argument("scheduler: job with gpus <= 0 or work <= 0");
    }
    ready_s_[j] = std::max(job.submit_s, job.earliest_start_s);
    if (job.max_pools > 1) span_index_[j] = spanning_jobs++;
    if (!can_ever_run(job)) {
      state_[j] = JobState::kRejected;
    } else {
      arrival_order_.push_back(static_cast<std::int32_t>(j));
    }
  }
  std::sort(arrival_order_.begin(), arrival_order_.end(), [&](std::int32_t a, std::int32_t b) {
    return ready_s_[a] != ready_s_[b] ? ready_s_[a] < ready_s_[b] : a < b;
  });

  queue_.reserve(n);
  running_.reserve(n);
  heap_.reserve(4 * n + 64);
  scratch_.reserve(n);
  requeue_.reserve(n);
  pairs_.reserve(n);
  pool_alloc_.assign(n_pools, 0);
  pool_compute_.assign(n_pools, 0);
  pool_flex_.assign(n_pools, 0);
  pool_paused_flex_.assign(n_pools, 0);
  pool_level_gpus_.assign(n_pools * static_cast<std::size_t>(levels_), 0);
  pool_power_units_.assign(n_pools, 0.0);
  step_alloc_gpu_s_.assign(n_pools, 0.0);
  step_compute_gpu_s_.assign(n_pools, 0.0);
  step_power_gpu_s_.assign(n_pools, 0.0);
  out_alloc_.assign(n_pools, 0.0);
  out_power_.assign(n_pools, 0.0);
  piece_gpus_.assign(static_cast<std::size_t>(spanning_jobs) * n_pools, 0);
  placement_.assign(n_pools, 0);
  pool_order_.resize(n_pools);
}

// One pool of its type holds the gang, or (max_pools > 1) its max_pools largest pools together.
bool Scheduler::can_ever_run(const TrainingJob& job) const {
  std::vector<std::int64_t> sizes;
  for (const GpuPool& pool : params_.pools) {
    if (pool.gpu_type != job.gpu_type) continue;
    if (pool.gpus >= job.gpus) return true;
    sizes.push_back(pool.gpus);
  }
  if (job.max_pools <= 1) return false;
  std::sort(sizes.begin(), sizes.end(), std::greater<>());
  sizes.resize(std::min<std::size_t>(sizes.size(), job.max_pools));
  return std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0}) >= job.gpus;
}

// ---- time and accounting ------------------------------------------------------------------

void Scheduler::advance_to(double t_s) {
  const double dt = t_s - now_s_;
  if (dt > 0.0) {
    for (std::size_t p = 0; p < params_.pools.size(); ++p) {
      const auto alloc = static_cast<double>(pool_alloc_[p]);
      const auto compute = static_cast<double>(pool_compute_[p]);
      step_alloc_gpu_s_[p] += alloc * dt;
      step_compute_gpu_s_[p] += compute * dt;
      step_power_gpu_s_[p] += pool_power_units_[p] * dt;
      total_alloc_gpu_s_ += alloc * dt;
      total_compute_gpu_s_ += compute * dt;
      total_free_gpu_s_ += static_cast<double>(params_.pools[p].gpus - pool_alloc_[p]) * dt;
      total_gpu_s_ += static_cast<double>(params_.pools[p].gpus) * dt;
    }
    now_s_ = t_s;
  }
}

void Scheduler::set_pool_gpus(std::size_t p, std::int64_t gpus) {
  if (p >= params_.pools.size() || gpus < pool_alloc_[p]) {
    throw std::invalid_argument("set_pool_gpus: no such pool, or fewer GPUs than are allocated");
  }
  params_.pools[p].gpus = gpus;
}

void Scheduler::refresh_pool_power(int p) {
  double units = 0.0;
  const std::size_t base = static_cast<std::size_t>(p) * static_cast<std::size_t>(levels_);
  for (int l = 0; l < levels_; ++l) {
    units += static_cast<double>(pool_level_gpus_[base + static_cast<std::size_t>(l)]) *
             level_power_[static_cast<std::size_t>(l)];
  }
  pool_power_units_[static_cast<std::size_t>(p)] = units;
}

double Scheduler::flexible_kw_full() const {
  double kw = 0.0;
  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    kw += static_cast<double>(pool_flex_[p]) * params_.pools[p].gpu_busy_kw;
  }
  return kw;
}

// ---- job lifecycle ------------------------------------------------------------------------

double Scheduler::draw_failure_gap_s(std::int32_t j) {
  const double rate_per_s =
      static_cast<double>(jobs_[j].gpus) * params_.gpu_failure_rate_per_h / kSecondsPerHour;
  if (!(rate_per_s > 0.0)) return kInf;
  const std::uint64_t key =
      mix64(params_.seed ^ mix64((static_cast<std::uint64_t>(j) << 32U) | draws_[j]));
  ++draws_[j];
  return -std::log(uniform_open(key)) / rate_per_s;  // exponential by inverse CDF
}

void Scheduler::set_compute(std::int32_t j, bool computing) {
  const auto flag = static_cast<std::uint8_t>(computing ? 1 : 0);
  if (in_compute_[j] == flag) return;
  in_compute_[j] = flag;
  for_each_piece(
      j, [&](std::size_t p, std::int64_t gpus) { pool_compute_[p] += computing ? gpus : -gpus; });
}

void Scheduler::settle_compute(std::int32_t j, double t_s) {
  if (phase_[j] != Phase::kCompute) return;
  const double dt = t_s - phase_start_s_[j];
  progress_gpu_h_[j] =
      std::min(progress_gpu_h_[j] + rate_gpu_h_per_s_[j] * dt, jobs_[j].work_gpu_hours);
  since_ckpt_s_[j] += dt;
  phase_start_s_[j] = t_s;
}

void Scheduler::push_event(std::int32_t j) {
  ++version_[j];
  const Event e{std::min(phase_end_s_[j], next_failure_s_[j]), j, version_[j]};
  if (heap_.size() == heap_.capacity()) {  // drop stale entries; valid ones <= running jobs
    heap_.erase(std::remove_if(heap_.begin(), heap_.end(),
                               [&](const Event& x) { return x.version != version_[x.job]; }),
                heap_.end());
    std::make_heap(heap_.begin(), heap_.end(),
                   [](const Event& a, const Event& b) { return event_later(a, b); });
  }
  heap_.push_back(e);
  std::push_heap(heap_.begin(), heap_.end(),
                 [](const Event& a, const Event& b) { return event_later(a, b); });
}

void Scheduler::begin_compute(std::int32_t j, double t_s) {
  const TrainingJob& job = jobs_[j];
  phase_[j] = Phase::kCompute;
  set_compute(j, true);
  phase_start_s_[j] = t_s;
  const double finish_s = t_s + (job.work_gpu_hours - progress_gpu_h_[j]) / rate_gpu_h_per_s_[j];
  const double interval_s = job.checkpoint_interval_s > 0.0 ? job.checkpoint_interval_s : kInf;
  const double ckpt_s = t_s + std::max(0.0, interval_s - since_ckpt_s_[j]);
  phase_final_[j] = finish_s <= ckpt_s ? 1 : 0;
  phase_end_s_[j] = phase_final_[j] != 0 ? finish_s : ckpt_s;
  push_event(j);
}

void Scheduler::begin_checkpoint(std::int32_t j, double t_s) {
  if (!(jobs_[j].checkpoint_write_s > 0.0)) {
    ckpt_gpu_h_[j] = progress_gpu_h_[j];
    since_ckpt_s_[j] = 0.0;
    begin_compute(j, t_s);
    return;
  }
  phase_[j] = Phase::kCheckpoint;
  set_compute(j, false);
  phase_start_s_[j] = t_s;
  phase_end_s_[j] = t_s + jobs_[j].checkpoint_write_s;
  phase_final_[j] = 0;
  push_event(j);
}

void Scheduler::begin_restart(std::int32_t j, double t_s) {
  if (!(jobs_[j].restart_overhead_s > 0.0)) {
    begin_compute(j, t_s);
    return;
  }
  phase_[j] = Phase::kRestart;
  set_compute(j, false);
  phase_start_s_[j] = t_s;
  phase_end_s_[j] = t_s + jobs_[j].restart_overhead_s;
  phase_final_[j] = 0;
  push_event(j);
}

void Scheduler::handle_event(std::int32_t j, double t_s) {
  if (next_failure_s_[j] <= phase_end_s_[j]) {
    // Hardware failure: progress since the last completed checkpoint is lost (a checkpoint being
    // written is lost too), then the gang restarts.
    settle_compute(j, t_s);
    lost_gpu_h_ += progress_gpu_h_[j] - ckpt_gpu_h_[j];
    progress_gpu_h_[j] = ckpt_gpu_h_[j];
    since_ckpt_s_[j] = 0.0;
    ++failures_;
    next_failure_s_[j] = t_s + draw_failure_gap_s(j);
    begin_restart(j, t_s);
    return;
  }
  switch (phase_[j]) {
    case Phase::kCompute:
      settle_compute(j, t_s);
      if (phase_final_[j] != 0) {
        progress_gpu_h_[j] = jobs_[j].work_gpu_hours;
        finish_job(j, t_s);
      } else {
        begin_checkpoint(j, t_s);
      }
      break;
    case Phase::kCheckpoint:
      ckpt_gpu_h_[j] = progress_gpu_h_[j];
      since_ckpt_s_[j] = 0.0;
      begin_compute(j, t_s);
      break;
    case Phase::kRestart: begin_compute(j, t_s); break;
  }
}

void Scheduler::arrive(std::int32_t j) {
  state_[j] = JobState::kQueued;
  queue_insert(j);
  dirty_ = true;
}

void Scheduler::start_job(std::int32_t j, int p, double t_s) {
  const TrainingJob& job = jobs_[j];
  assert(t_s >= ready_s_[j]);
  if (power_paused_[j] != 0) {
    for_each_piece(j, [&](std::size_t q, std::int64_t gpus) { pool_paused_flex_[q] -= gpus; });
    power_paused_[j] = 0;
  }
  pool_[j] = static_cast<std::int16_t>(p);
  if (span_index_[j] >= 0) {  // record the pieces: the placement found, or all in pool p
    const std::size_t n_pools = params_.pools.size();
    const auto base = static_cast<std::size_t>(span_index_[j]) * n_pools;
    for (std::size_t q = 0; q < n_pools; ++q) {
      piece_gpus_[base + q] = p == kSpanning ? placement_[q] : 0;
      if (pool_[j] < 0 && piece_gpus_[base + q] > 0) pool_[j] = static_cast<std::int16_t>(q);
    }
    if (p >= 0) piece_gpus_[base + static_cast<std::size_t>(p)] = job.gpus;
  }
  state_[j] = JobState::kRunning;
  const int level =
      job.flexible && params_.policy == SchedulingPolicy::kPowerAware ? flex_level_ : 0;
  level_[j] = static_cast<std::uint8_t>(level);
  for_each_piece(j, [&](std::size_t q, std::int64_t gpus) {
    assert(pool_alloc_[q] + gpus <= params_.pools[q].gpus);
    pool_alloc_[q] += gpus;
    pool_level_gpus_[q * static_cast<std::size_t>(levels_) + static_cast<std::size_t>(level)] +=
        gpus;
    refresh_pool_power(static_cast<int>(q));
    if (job.flexible) {
      pool_flex_[q] += gpus;
      headroom_kw_ -= static_cast<double>(gpus) * params_.pools[q].gpu_busy_kw *
                      level_power_[static_cast<std::size_t>(level)];
    }
  });
  running_pos_[j] = static_cast<std::int32_t>(running_.size());
  running_.push_back(j);
  ++running_generation_;
  rate_gpu_h_per_s_[j] = static_cast<double>(job.gpus) *
                         level_throughput_[static_cast<std::size_t>(level)] / kSecondsPerHour;
  if (std::isnan(first_start_s_[j])) first_start_s_[j] = t_s;
  next_failure_s_[j] = t_s + draw_failure_gap_s(j);
  in_compute_[j] = 0;
  if (needs_restart_[j] != 0) {
    needs_restart_[j] = 0;
    begin_restart(j, t_s);
  } else {
    begin_compute(j, t_s);
  }
}

void Scheduler::release(std::int32_t j) {
  const TrainingJob& job = jobs_[j];
  set_compute(j, false);
  for_each_piece(j, [&](std::size_t p, std::int64_t gpus) {
    pool_alloc_[p] -= gpus;
    pool_level_gpus_[p * static_cast<std::size_t>(levels_) + level_[j]] -= gpus;
    refresh_pool_power(static_cast<int>(p));
    if (job.flexible) {
      pool_flex_[p] -= gpus;
      headroom_kw_ +=
          static_cast<double>(gpus) * params_.pools[p].gpu_busy_kw * level_power_[level_[j]];
    }
  });
  const std::int32_t pos = running_pos_[j];
  const std::int32_t last = running_.back();
  running_[static_cast<std::size_t>(pos)] = last;
  running_pos_[last] = pos;
  running_.pop_back();
  running_pos_[j] = -1;
  ++version_[j];  // invalidates its pending event
  ++running_generation_;
}

void Scheduler::stop_job(std::int32_t j, double t_s, bool count_as_pause) {
  settle_compute(j, t_s);
  lost_gpu_h_ += progress_gpu_h_[j] - ckpt_gpu_h_[j];
  progress_gpu_h_[j] = ckpt_gpu_h_[j];
  since_ckpt_s_[j] = 0.0;
  release(j);
  state_[j] = JobState::kQueued;
  needs_restart_[j] = 1;
  phase_[j] = Phase::kCompute;
  phase_end_s_[j] = kInf;
  next_failure_s_[j] = kInf;
  if (count_as_pause) {
    power_paused_[j] = 1;
    for_each_piece(j, [&](std::size_t p, std::int64_t gpus) { pool_paused_flex_[p] += gpus; });
    ++power_pauses_;
  } else {
    ++preemptions_;
  }
  dirty_ = true;
}

void Scheduler::finish_job(std::int32_t j, double t_s) {
  release(j);
  state_[j] = JobState::kDone;
  pool_[j] = -1;
  end_s_[j] = t_s;
  dirty_ = true;
}

void Scheduler::set_job_level(std::int32_t j, int level, double t_s) {
  if (level_[j] == level) return;
  const TrainingJob& job = jobs_[j];
  settle_compute(j, t_s);
  for_each_piece(j, [&](std::size_t p, std::int64_t gpus) {
    const std::size_t base = p * static_cast<std::size_t>(levels_);
    pool_level_gpus_[base + level_[j]] -= gpus;
    pool_level_gpus_[base + static_cast<std::size_t>(level)] += gpus;
    refresh_pool_power(static_cast<int>(p));
  });
  level_[j] = static_cast<std::uint8_t>(level);
  rate_gpu_h_per_s_[j] = static_cast<double>(job.gpus) *
                         level_throughput_[static_cast<std::size_t>(level)] / kSecondsPerHour;
  if (phase_[j] == Phase::kCompute) begin_compute(j, t_s);  // re-times its next event
}

// ---- scheduling ---------------------------------------------------------------------------

bool Scheduler::queue_before(std::int32_t a, std::int32_t b) const {
  const TrainingJob& ja = jobs_[a];
  const TrainingJob& jb = jobs_[b];
  switch (params_.policy) {
    case SchedulingPolicy::kFifo:
    case SchedulingPolicy::kEasyBackfill: break;
    case SchedulingPolicy::kPowerAware:
      if (ja.flexible != jb.flexible) return !ja.flexible;  // firm first
      [[fallthrough]];
    case SchedulingPolicy::kPriority:
      if (ja.priority != jb.priority) return ja.priority > jb.priority;
      break;
  }
  if (ready_s_[a] != ready_s_[b]) return ready_s_[a] < ready_s_[b];
  return a < b;
}

void Scheduler::queue_insert(std::int32_t j) {
  const auto it =
      std::upper_bound(queue_.begin(), queue_.end(), j,
                       [&](std::int32_t a, std::int32_t b) { return queue_before(a, b); });
  queue_.insert(it, j);  // capacity reserved: no allocation
}

bool Scheduler::gpu_fits(std::int32_t j, int p) const {
  const auto pu = static_cast<std::size_t>(p);
  return params_.pools[pu].gpu_type == jobs_[j].gpu_type &&
         params_.pools[pu].gpus - pool_alloc_[pu] >= jobs_[j].gpus;
}

// Best fit: the pool with the fewest free GPUs that still holds the gang (lowest index on ties).
int Scheduler::best_fit_pool(std::int32_t j) const {
  int best = -1;
  std::int64_t best_free = 0;
  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    if (!gpu_fits(j, static_cast<int>(p))) continue;
    const std::int64_t free = params_.pools[p].gpus - pool_alloc_[p];
    if (best < 0 || free < best_free) {
      best = static_cast<int>(p);
      best_free = free;
    }
  }
  return best;
}

// A gang over several pools (max_pools > 1): the pools of its type with the most free GPUs first
// (lowest index on ties), at most max_pools of them, each giving all it has free until the gang
// is complete. Fills placement_; false when the free GPUs do not suffice.
bool Scheduler::span_placement(std::int32_t j) {
  const TrainingJob& job = jobs_[j];
  const std::size_t n_pools = params_.pools.size();
  for (std::size_t p = 0; p < n_pools; ++p) pool_order_[p] = p;
  const auto free_of = [&](std::size_t p) {
    return params_.pools[p].gpu_type == job.gpu_type ? params_.pools[p].gpus - pool_alloc_[p]
                                                     : std::int64_t{0};
  };
  std::sort(pool_order_.begin(), pool_order_.end(), [&](std::size_t a, std::size_t b) {
    return free_of(a) != free_of(b) ? free_of(a) > free_of(b) : a < b;
  });
  std::fill(placement_.begin(), placement_.end(), 0);
  std::int64_t left = job.gpus;
  for (std::size_t k = 0; k < n_pools && k < job.max_pools && left > 0; ++k) {
    const std::int64_t take = std::min(left, free_of(pool_order_[k]));
    placement_[pool_order_[k]] = take;
    left -= take;
  }
  return left == 0;
}

std::int64_t Scheduler::gpus_in_pool(std::int32_t j, std::size_t p) const {
  std::int64_t held = 0;
  for_each_piece(j, [&](std::size_t q, std::int64_t gpus) {
    if (q == p) held = gpus;
  });
  return held;
}

double Scheduler::job_busy_kw(std::int32_t j) const {
  double kw = 0.0;
  for_each_piece(j, [&](std::size_t p, std::int64_t gpus) {
    kw += static_cast<double>(gpus) * params_.pools[p].gpu_busy_kw;
  });
  return kw;
}

double Scheduler::planned_duration_s(std::int32_t j, int level) const {
  const TrainingJob& job = jobs_[j];
  const double rate = static_cast<double>(job.gpus) *
                      level_throughput_[static_cast<std::size_t>(level)] / kSecondsPerHour;
  const double compute_s = (job.work_gpu_hours - ckpt_gpu_h_[j]) / rate;
  double writes_s = 0.0;
  if (job.checkpoint_interval_s > 0.0 && job.checkpoint_write_s > 0.0) {
    writes_s = std::floor(compute_s / job.checkpoint_interval_s) * job.checkpoint_write_s;
  }
  return compute_s + writes_s + (needs_restart_[j] != 0 ? job.restart_overhead_s : 0.0);
}

// Expected time to finish of a running job at its current speed, without failures.
double Scheduler::expected_remaining_s(std::int32_t j, double t_s) const {
  const TrainingJob& job = jobs_[j];
  double progress = progress_gpu_h_[j];
  double pending_s = 0.0;
  if (phase_[j] == Phase::kCompute) {
    progress += rate_gpu_h_per_s_[j] * (t_s - phase_start_s_[j]);
  } else {
    pending_s = phase_end_s_[j] - t_s;
  }
  const double compute_s = std::max(0.0, job.work_gpu_hours - progress) / rate_gpu_h_per_s_[j];
  double writes_s = 0.0;
  if (job.checkpoint_interval_s > 0.0 && job.checkpoint_write_s > 0.0) {
    writes_s = std::floor(compute_s / job.checkpoint_interval_s) * job.checkpoint_write_s;
  }
  return pending_s + compute_s + writes_s;
}

double Scheduler::slack_s(std::int32_t j, double t_s) const {
  if (!jobs_[j].has_deadline()) return kInf;
  return jobs_[j].deadline_s - t_s - planned_duration_s(j, 0);
}

bool Scheduler::power_allows(std::int32_t j, int p, double t_s) const {
  if (params_.policy != SchedulingPolicy::kPowerAware || !jobs_[j].flexible) return true;
  if (deferring_ && slack_s(j, t_s) > step_s_ + params_.deadline_safety_s) return false;
  double busy_kw = 0.0;
  if (p == kSpanning) {
    for (std::size_t q = 0; q < params_.pools.size(); ++q) {
      busy_kw += static_cast<double>(placement_[q]) * params_.pools[q].gpu_busy_kw;
    }
  } else {
    busy_kw =
        static_cast<double>(jobs_[j].gpus) * params_.pools[static_cast<std::size_t>(p)].gpu_busy_kw;
  }
  const double kw = busy_kw * level_power_[static_cast<std::size_t>(flex_level_)];
  return kw <= headroom_kw_ + kPowerToleranceKw;
}

// EASY reservation for a blocked head: for each pool that can ever hold it, the earliest time
// (shadow) at which running jobs' expected ends free enough GPUs; keep the earliest pool, and
// the GPUs free at the shadow time beyond the head's need (extra).
bool Scheduler::reserve_head(std::int32_t head, double t_s) {
  if (reservation_job_ == head && reservation_generation_ == running_generation_) return true;
  const TrainingJob& job = jobs_[head];
  reservation_pool_ = -1;
  reservation_shadow_s_ = kInf;
  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    const GpuPool& pool = params_.pools[p];
    if (pool.gpu_type != job.gpu_type || pool.gpus < job.gpus) continue;
    std::int64_t free = pool.gpus - pool_alloc_[p];
    double shadow_s = t_s;
    pairs_.clear();
    if (free < job.gpus) {
      for (std::int32_t r : running_) {
        if (gpus_in_pool(r, p) > 0) {
          pairs_.emplace_back(t_s + expected_remaining_s(r, t_s), r);
        }
      }
      std::sort(pairs_.begin(), pairs_.end());
      for (const auto& [end_s, r] : pairs_) {
        free += gpus_in_pool(r, p);
        shadow_s = end_s;
        if (free >= job.gpus) break;
      }
    }
    if (free >= job.gpus && shadow_s < reservation_shadow_s_) {
      reservation_pool_ = static_cast<int>(p);
      reservation_shadow_s_ = shadow_s;
      reservation_extra_ = free - job.gpus;
    }
  }
  if (job.max_pools > 1) {
    // Over all pools of its type (the span limit aside): the earliest time the campus has the
    // gang's GPUs free; backfilled jobs then respect the extra GPUs in every pool.
    std::int64_t free = 0;
    pairs_.clear();
    for (std::size_t p = 0; p < params_.pools.size(); ++p) {
      if (params_.pools[p].gpu_type == job.gpu_type) free += params_.pools[p].gpus - pool_alloc_[p];
    }
    double shadow_s = t_s;
    if (free < job.gpus) {
      for (std::int32_t r : running_) {
        if (jobs_[r].gpu_type == job.gpu_type) {
          pairs_.emplace_back(t_s + expected_remaining_s(r, t_s), r);
        }
      }
      std::sort(pairs_.begin(), pairs_.end());
      for (const auto& [end_s, r] : pairs_) {
        free += jobs_[r].gpus;
        shadow_s = end_s;
        if (free >= job.gpus) break;
      }
    }
    if (free >= job.gpus && shadow_s < reservation_shadow_s_) {
      reservation_pool_ = kSpanning;
      reservation_shadow_s_ = shadow_s;
      reservation_extra_ = free - job.gpus;
    }
  }
  reservation_job_ = head;
  reservation_generation_ = running_generation_;
  return reservation_pool_ != -1;
}

// Priority preemption: in the pool where the fewest victim GPUs suffice, stop running jobs of
// strictly lower priority (lowest priority first, then the most recently started) until the
// gang fits. Victims lose their work since the last checkpoint and go to requeue_.
bool Scheduler::preempt_for(std::int32_t j, double t_s) {
  const TrainingJob& job = jobs_[j];
  int best = -1;
  std::int64_t best_need = 0;
  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    const GpuPool& pool = params_.pools[p];
    if (pool.gpu_type != job.gpu_type || pool.gpus < job.gpus) continue;
    const std::int64_t need = job.gpus - (pool.gpus - pool_alloc_[p]);
    std::int64_t freeable = 0;
    for (std::int32_t r : running_) {
      if (static_cast<std::size_t>(pool_[r]) == p && span_index_[r] < 0 &&
          jobs_[r].priority < job.priority) {
        freeable += jobs_[r].gpus;
      }
    }
    if (freeable >= need && (best < 0 || need < best_need)) {
      best = static_cast<int>(p);
      best_need = need;
    }
  }
  if (best < 0) return false;
  scratch_.clear();
  for (std::int32_t r : running_) {
    if (pool_[r] == best && span_index_[r] < 0 && jobs_[r].priority < job.priority) {
      scratch_.push_back(r);
    }
  }
  std::sort(scratch_.begin(), scratch_.end(), [&](std::int32_t a, std::int32_t b) {
    if (jobs_[a].priority != jobs_[b].priority) return jobs_[a].priority < jobs_[b].priority;
    if (first_start_s_[a] != first_start_s_[b]) return first_start_s_[a] > first_start_s_[b];
    return a < b;
  });
  const auto pu = static_cast<std::size_t>(best);
  for (std::int32_t r : scratch_) {
    if (params_.pools[pu].gpus - pool_alloc_[pu] >= job.gpus) break;
    stop_job(r, t_s, false);
    requeue_.push_back(r);
  }
  return true;
}

void Scheduler::schedule(double t_s) {
  const SchedulingPolicy policy = params_.policy;
  const bool easy =
      policy == SchedulingPolicy::kEasyBackfill || policy == SchedulingPolicy::kPowerAware;
  bool again = true;
  while (again && !queue_.empty()) {
    again = false;
    requeue_.clear();
    std::size_t kept = 0;
    bool blocked = false;
    bool have_reservation = false;
    for (std::size_t r = 0; r < queue_.size(); ++r) {
      const std::int32_t j = queue_[r];
      bool started = false;
      if (!blocked) {
        int p = -1;
        if (!have_reservation) {
          p = best_fit_pool(j);
          if (p < 0 && policy == SchedulingPolicy::kPriority && preempt_for(j, t_s)) {
            p = best_fit_pool(j);
          }
          if (p < 0 && jobs_[j].max_pools > 1 && span_placement(j)) {
            p = kSpanning;
          }
          if ((p >= 0 || p == kSpanning) && !power_allows(j, p, t_s)) {
            p = -2;  // fits the GPUs but not the power or deferral: skip, not a blocked head
          }
          if (p == -1) {
            if (easy) {
              have_reservation = reserve_head(j, t_s);
              blocked = !have_reservation;
            } else {
              blocked = true;
            }
          }
        } else {
          // Backfill: fits now and does not delay the reserved head.
          std::int64_t best_free = 0;
          const double end_s =
              t_s +
              planned_duration_s(j, jobs_[j].flexible && policy == SchedulingPolicy::kPowerAware
                                        ? flex_level_
                                        : 0);
          for (std::size_t q = 0; q < params_.pools.size(); ++q) {
            const int qi = static_cast<int>(q);
            if (!gpu_fits(j, qi) || !power_allows(j, qi, t_s)) continue;
            if ((qi == reservation_pool_ || reservation_pool_ == kSpanning) &&
                end_s > reservation_shadow_s_ && jobs_[j].gpus > reservation_extra_) {
              continue;
            }
            const std::int64_t free = params_.pools[q].gpus - pool_alloc_[q];
            if (p < 0 || free < best_free) {
              p = qi;
              best_free = free;
            }
          }
          if (p >= 0 && (p == reservation_pool_ || reservation_pool_ == kSpanning) &&
              end_s > reservation_shadow_s_) {
            reservation_extra_ -= jobs_[j].gpus;
          }
        }
        if (p >= 0 || p == kSpanning) {
          const std::int32_t head_before = reservation_job_;
          start_job(j, p, t_s);
          if (have_reservation) {  // keep the reservation for this pass
            reservation_job_ = head_before;
            reservation_generation_ = running_generation_;
          }
          started = true;
        }
      }
      if (!started) queue_[kept++] = j;
    }
    queue_.resize(kept);
    for (std::int32_t v : requeue_) queue_insert(v);
    again = !requeue_.empty();
  }
  dirty_ = false;
}

void Scheduler::apply_power_budget(double t_s, const PowerSignal& signal) {
  const double budget_kw =
      std::isnan(signal.flexible_budget_kw) ? kInf : std::max(0.0, signal.flexible_budget_kw);
  deferring_ = signal.price_usd_per_mwh > params_.defer_above_price_usd_per_mwh ||
               signal.carbon_kg_per_kwh > params_.defer_above_carbon_kg_per_kwh;
  double full_kw = flexible_kw_full();
  int level = 0;
  while (level < levels_ - 1 &&
         full_kw * level_power_[static_cast<std::size_t>(level)] > budget_kw + kPowerToleranceKw) {
    ++level;
  }
  if (full_kw * level_power_[static_cast<std::size_t>(level)] > budget_kw + kPowerToleranceKw) {
    // Pause order: jobs with slack to spare before deadline-critical ones, then lower priority,
    // then more slack, then less work at risk since the last checkpoint.
    scratch_.clear();
    for (std::int32_t r : running_) {
      if (jobs_[r].flexible) scratch_.push_back(r);
    }
    const double critical_s = params_.deadline_safety_s;
    std::sort(scratch_.begin(), scratch_.end(), [&](std::int32_t a, std::int32_t b) {
      const double sa = slack_s(a, t_s);
      const double sb = slack_s(b, t_s);
      const bool ca = sa <= critical_s;
      const bool cb = sb <= critical_s;
      if (ca != cb) return cb;
      if (jobs_[a].priority != jobs_[b].priority) return jobs_[a].priority < jobs_[b].priority;
      if (sa != sb) return sa > sb;
      const double risk_a = job_progress_gpu_h(static_cast<std::size_t>(a)) - ckpt_gpu_h_[a];
      const double risk_b = job_progress_gpu_h(static_cast<std::size_t>(b)) - ckpt_gpu_h_[b];
      if (risk_a != risk_b) return risk_a < risk_b;
      return a < b;
    });
    const double power = level_power_[static_cast<std::size_t>(level)];
    for (std::int32_t r : scratch_) {
      if (full_kw * power <= budget_kw + kPowerToleranceKw) break;
      full_kw -= job_busy_kw(r);
      stop_job(r, t_s, true);
      queue_insert(r);
    }
    // With fewer jobs running, a higher cap may fit again.
    while (level > 0 && full_kw * level_power_[static_cast<std::size_t>(level - 1)] <=
                            budget_kw + kPowerToleranceKw) {
      --level;
    }
  }
  if (level != flex_level_) {
    flex_level_ = level;
    for (std::int32_t r : running_) {
      if (jobs_[r].flexible) set_job_level(r, level, t_s);
    }
    ++running_generation_;
  }
  full_kw = flexible_kw_full();
  headroom_kw_ = budget_kw - full_kw * level_power_[static_cast<std::size_t>(level)];
}

StepOutput Scheduler::step(std::int64_t step_index, double step_s, const PowerSignal& signal) {
  assert(step_index == next_step_ && step_s > 0.0 && (step_s_ == 0.0 || step_s_ == step_s));
  step_s_ = step_s;
  ++next_step_;
  const double t0_s = static_cast<double>(step_index) * step_s;
  const double t1_s = static_cast<double>(step_index + 1) * step_s;
  now_s_ = std::max(now_s_, t0_s);
  std::fill(step_alloc_gpu_s_.begin(), step_alloc_gpu_s_.end(), 0.0);
  std::fill(step_compute_gpu_s_.begin(), step_compute_gpu_s_.end(), 0.0);
  std::fill(step_power_gpu_s_.begin(), step_power_gpu_s_.end(), 0.0);

  StepOutput out;
  const bool power_aware = params_.policy == SchedulingPolicy::kPowerAware;
  if (power_aware) {
    apply_power_budget(now_s_, signal);
    dirty_ = true;
  }
  if (dirty_) schedule(now_s_);
  // Flexibility at the step start, after throttling, pausing and resuming.
  out.flexible_demand_kw = flexible_kw_full();
  out.flexible_drawn_kw = out.flexible_demand_kw;
  if (power_aware) {
    for (std::size_t p = 0; p < params_.pools.size(); ++p) {
      out.flexible_demand_kw +=
          static_cast<double>(pool_paused_flex_[p]) * params_.pools[p].gpu_busy_kw;
    }
    out.flexible_drawn_kw *= level_power_[static_cast<std::size_t>(flex_level_)];
    out.flexible_shed_kw = std::max(0.0, out.flexible_demand_kw - out.flexible_drawn_kw);
    out.flexible_cap_fraction = params_.cap_levels[static_cast<std::size_t>(flex_level_)];
  }

  const auto n_arrivals = arrival_order_.size();
  const auto valid_top = [&] {
    while (!heap_.empty() && heap_.front().version != version_[heap_.front().job]) {
      std::pop_heap(heap_.begin(), heap_.end(),
                    [](const Event& a, const Event& b) { return event_later(a, b); });
      heap_.pop_back();
    }
    return heap_.empty() ? kInf : heap_.front().t_s;
  };
  while (true) {
    const double t_arrival_s =
        next_arrival_ < n_arrivals ? ready_s_[arrival_order_[next_arrival_]] : kInf;
    const double t_s = std::max(now_s_, std::min(t_arrival_s, valid_top()));
    if (!(t_s < t1_s)) break;
    advance_to(t_s);
    while (next_arrival_ < n_arrivals && ready_s_[arrival_order_[next_arrival_]] <= t_s) {
      arrive(arrival_order_[next_arrival_++]);
    }
    while (valid_top() <= t_s) {
      const Event e = heap_.front();
      std::pop_heap(heap_.begin(), heap_.end(),
                    [](const Event& a, const Event& b) { return event_later(a, b); });
      heap_.pop_back();
      handle_event(e.job, t_s);
    }
    if (dirty_) {
      dirty_ = false;
      schedule(t_s);
    }
  }
  advance_to(t1_s);

  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    out_alloc_[p] = step_alloc_gpu_s_[p] / step_s;
    out_power_[p] = step_power_gpu_s_[p] / step_s;
    out.gpus_allocated += out_alloc_[p];
    out.gpus_compute += step_compute_gpu_s_[p] / step_s;
  }
  out.pool_gpus_allocated = out_alloc_;
  out.pool_power_weighted_gpus = out_power_;
  out.jobs_running = static_cast<std::int64_t>(running_.size());
  out.jobs_queued = static_cast<std::int64_t>(queue_.size());
  flex_.add_step(out.flexible_shed_kw, step_s);
  return out;
}

// ---- queries ------------------------------------------------------------------------------

double Scheduler::job_cap_fraction(std::size_t j) const {
  return params_.cap_levels[level_[j]];
}

double Scheduler::job_progress_gpu_h(std::size_t j) const {
  if (state_[j] == JobState::kRunning && phase_[j] == Phase::kCompute) {
    return std::min(jobs_[j].work_gpu_hours,
                    progress_gpu_h_[j] + rate_gpu_h_per_s_[j] * (now_s_ - phase_start_s_[j]));
  }
  return progress_gpu_h_[j];
}

ScheduleMetrics Scheduler::metrics() const {
  ScheduleMetrics m;
  m.elapsed_s = now_s_;
  // Integrated over time: pools may grow as buildings come online (set_pool_gpus).
  m.gpu_hours_total = total_gpu_s_ / kSecondsPerHour;
  m.gpu_hours_allocated = total_alloc_gpu_s_ / kSecondsPerHour;
  m.gpu_hours_compute = total_compute_gpu_s_ / kSecondsPerHour;
  m.gpu_hours_overhead = (total_alloc_gpu_s_ - total_compute_gpu_s_) / kSecondsPerHour;
  m.gpu_hours_idle = total_free_gpu_s_ / kSecondsPerHour;
  m.utilisation = m.gpu_hours_total > 0.0 ? m.gpu_hours_allocated / m.gpu_hours_total : 0.0;
  m.conservation_error_gpu_h =
      std::abs(m.gpu_hours_total - m.gpu_hours_allocated - m.gpu_hours_idle) +
      std::abs(m.gpu_hours_allocated - m.gpu_hours_compute - m.gpu_hours_overhead);
  std::vector<double> waits_s;
  std::array<std::vector<double>, kQueueSizeClassNames.size()> class_waits_s;
  std::int64_t censored = 0;
  std::array<std::int64_t, kQueueSizeClassNames.size()> class_censored{};
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    const TrainingJob& job = jobs_[j];
    m.work_goal_gpu_h += job.work_gpu_hours;
    ++m.jobs_total;
    if (state_[j] == JobState::kRejected) {
      ++m.jobs_rejected;
      continue;
    }
    m.work_done_gpu_h += job_progress_gpu_h(j);
    if (ready_s_[j] < now_s_) {
      m.work_offered_in_horizon_gpu_h +=
          std::min(job.work_gpu_hours,
                   static_cast<double>(job.gpus) * (now_s_ - ready_s_[j]) / kSecondsPerHour);
    }
    const std::size_t size_class = queue_size_class(job.gpus);
    if (!std::isnan(first_start_s_[j])) {
      ++m.jobs_started;
      waits_s.push_back(first_start_s_[j] - ready_s_[j]);
      class_waits_s[size_class].push_back(waits_s.back());
    } else if (ready_s_[j] <= now_s_) {  // censored: still waiting at the end
      waits_s.push_back(now_s_ - ready_s_[j]);
      class_waits_s[size_class].push_back(waits_s.back());
      ++censored;
      ++class_censored[size_class];
    }
    if (state_[j] == JobState::kDone) {
      ++m.jobs_finished;
      if (job.outcome == JobOutcome::kCompleted) ++m.jobs_completed;
      if (job.has_deadline() && end_s_[j] > job.deadline_s) ++m.deadline_misses;
    } else if (job.has_deadline() && now_s_ > job.deadline_s) {
      ++m.deadline_misses;
    }
  }
  m.work_lost_gpu_h = lost_gpu_h_;
  m.failures = failures_;
  m.preemptions = preemptions_;
  m.power_pauses = power_pauses_;
  m.queue = summarize_queue_times(waits_s, censored);
  for (std::size_t c = 0; c < class_waits_s.size(); ++c) {
    m.queue_by_size[c] = summarize_queue_times(class_waits_s[c], class_censored[c]);
  }
  m.flexibility_shed_mwh = flex_.shed_kwh() / kKwhPerMwh;
  m.flexibility_events = flex_.events();
  m.flexibility_longest_event_s = flex_.longest_event_s();
  return m;
}

std::string Scheduler::check_invariants() const {
  std::vector<std::int64_t> held(params_.pools.size(), 0);
  for (std::size_t j = 0; j < jobs_.size(); ++j) {
    const TrainingJob& job = jobs_[j];
    const double progress = job_progress_gpu_h(j);
    if (progress < -kWorkToleranceGpuH || progress > job.work_gpu_hours + kWorkToleranceGpuH ||
        ckpt_gpu_h_[j] > progress + kWorkToleranceGpuH) {
      return "job " + std::to_string(j) + ": progress outside [checkpoint, work]";
    }
    if (!std::isnan(first_start_s_[j]) && first_start_s_[j] < ready_s_[j]) {
      return "job " + std::to_string(j) + " started before it was ready";
    }
    if (state_[j] == JobState::kRunning) {
      bool wrong_type = false;
      std::int64_t gang = 0;
      std::int64_t pieces = 0;
      for_each_piece(static_cast<std::int32_t>(j), [&](std::size_t p, std::int64_t gpus) {
        wrong_type |= params_.pools[p].gpu_type != job.gpu_type;
        held[p] += gpus;
        gang += gpus;
        ++pieces;
      });
      if (wrong_type) return "job " + std::to_string(j) + " runs on the wrong GPU type";
      if (gang != job.gpus || pieces > std::max<std::int64_t>(1, job.max_pools)) {
        return "job " + std::to_string(j) + ": its pieces do not make its gang";
      }
    }
    if (state_[j] == JobState::kDone) {
      const double min_end_s = first_start_s_[j] + job.duration_at_full_speed_s();
      if (end_s_[j] < min_end_s * (1.0 - 1e-12) - 1e-6) {
        return "job " + std::to_string(j) + " finished faster than full speed";
      }
    }
  }
  for (std::size_t p = 0; p < params_.pools.size(); ++p) {
    if (held[p] != pool_alloc_[p]) {
      return "pool " + std::to_string(p) + ": allocated differs from the running gangs";
    }
    if (pool_alloc_[p] < 0 || pool_alloc_[p] > params_.pools[p].gpus) {
      return "pool " + std::to_string(p) + ": allocated outside [0, gpus]";
    }
  }
  return {};
}

}  // namespace stargate
