// Synthetic training workloads calibrated to published job statistics of real GPU clusters and
// of frontier training runs (docs/workloads.md derives every rule and lists every number).
//
// Offered load. The target is an occupancy: at each time t the jobs offered would hold
//   U x G(t) GPUs                                                              (1)
// with U the target utilisation and G(t) the training GPUs online at t (buildings come online
// during a run), counting each job for its expected wall time: compute at full speed / (1 -
// waste), with waste the Young-Daly checkpoint and failure loss of its gang (workload.hpp).
// In steady state a scheduler that keeps up then holds U x G(t) GPUs.
//  - Lane classes (frontier-lab pretraining): `lanes` back-to-back runs; each run, when it is
//    submitted, takes share x U x G(t) / lanes GPUs and the next run of its lane follows at its
//    expected end. Fixed frontier jobs (research-cluster preset) are submitted early in the run.
//    Both are "placed" jobs: their occupancy P(t) is known once they are drawn.
//  - Fill classes share the rest, R(t) = max(0, U G(t) - P(t)), by their shares. Each is a
//    renewal process in occupancy: after a job of expected occupancy o (GPU-seconds) the next
//    arrives once the class's rate r(t) has accumulated o x E, E ~ Exp(1): the offered rate is
//    r(t) on average, whatever the mix of sizes, and no job-size expectation is needed.
// Warm start: arrivals are generated from -max_job_duration; a job still running at 0 (by its
// expected wall time) enters at 0 with the rest of its work, so the campus starts with the
// running set and backlog of a campus in steady state instead of empty. Run times at full speed
// are capped at max_job_duration_s. Identical parameters and seed give identical jobs on every
// platform (std::mt19937_64 with own draws, no std distributions).
//
// Calibration sources: AcmeTrace cluster_summary.csv (Q. Hu et al., "Characterization of Large
// Language Model Development in the Datacenter", NSDI 2024; InternLM/AcmeTrace), which also
// summarises Philly (Jeon et al., ATC 2019), Helios (Hu et al., SC 2021) and PAI (Weng et al.,
// NSDI 2022); Llama 3 (Dubey et al., arXiv:2407.21783, 2024) for large-run failures, checkpoint
// losses (~90 % effective training time on 16,384 GPUs) and MFU.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/compute/workload.hpp"

namespace stargate {

/// Job statistics of one real GPU cluster (GPU jobs only), from cluster_summary.csv.
struct ClusterJobStats {
  std::string name;
  double median_gpus = 1.0;     ///< med_gpu_num
  double mean_gpus = 1.0;       ///< avg_gpu_num
  double max_gpus = 1.0;        ///< max_gpu
  double median_run_s = 100.0;  ///< med_run_time_gpu
  double mean_run_s = 1000.0;   ///< avg_run_time_gpu
  double max_run_s = 1.0e6;     ///< max_run_time_gpu
  /// GPU-seconds per GPU job: (complete_gpu_time + cancel_gpu_time + fail_gpu_time) /
  /// gpu_job_num. 0: sizes and run times independent.
  double mean_gpu_time_s = 0.0;
  double fail_share = 0.4;     ///< fail_rate_gpu (share of GPU jobs)
  double cancel_share = 0.07;  ///< cancel_rate_gpu
  /// Share of single-GPU jobs: not in the summary. Its median of 1 GPU bounds it to >= 0.5;
  /// the value here is an assumption inside that bound (docs/workloads.md).
  double single_gpu_share = 0.6;
};

/// The clusters of cluster_summary.csv with complete GPU statistics.
enum class TraceCluster { kSeren, kKalos, kPhilly, kHelios };

/// The summary's numbers for a cluster (written into the code with their source).
[[nodiscard]] ClusterJobStats cluster_job_stats(TraceCluster cluster);

/// Training GPUs online over time: gpus[i] from from_s[i] until from_s[i + 1] (from_s
/// increasing); before from_s[0], gpus[0]. Empty: SyntheticWorkloadParams::campus_gpus always.
struct OnlineGpus {
  std::vector<double> from_s;
  std::vector<std::int64_t> gpus;

  [[nodiscard]] std::int64_t at(double t_s) const;
  [[nodiscard]] std::int64_t peak() const;
};

/// Which population of jobs the generator draws (docs/workloads.md).
enum class WorkloadPreset : std::uint8_t {
  /// One class calibrated to a research cluster's trace (AcmeTrace Seren by default), scaled by
  /// size_multiplier and duration_multiplier, plus frontier_jobs large runs.
  kResearchCluster,
  /// A frontier lab: synchronous pretraining runs spanning buildings, post-training (RL, fine-
  /// tuning), evaluation and research jobs (frontier_lab_classes).
  kFrontierLab,
};

/// One class of jobs of a preset. Sizes log-uniform in [min_gpus, max_gpus] rounded to
/// gpu_multiple and run times log-uniform in [min_days, max_days] at full speed, unless
/// trace_fit (sizes and run times from the trace statistics, scaled by the multipliers).
struct JobClassSpec {
  JobClass kind;
  double share = 1.0;      ///< of the offered occupancy U x G(t)
  std::int32_t lanes = 0;  ///< > 0: back-to-back runs in this many lanes (placed); 0: renewal
  bool trace_fit = false;
  std::int32_t min_gpus = 1;
  std::int32_t max_gpus = 1;
  std::int32_t gpu_multiple = 1;
  double min_days = 1.0;
  double max_days = 1.0;
  double fail_share = 0.0;    ///< the job's own outcome (trace FAILED); not hardware failures
  double cancel_share = 0.0;  ///< cancelled by its user
  double firm_share = 0.0;    ///< share of the class's jobs that are firm
  std::int32_t priority = 0;
  std::int32_t max_pools = 1;  ///< buildings a gang may span
  double checkpoint_write_s = 60.0;
  double restart_overhead_s = 600.0;
  bool daly_interval = false;  ///< checkpoint at Daly's optimum for the gang (else 1 h)
};

struct SyntheticWorkloadParams {
  /// Training GPUs of the campus when `online` is empty. For a 400,000-GPU campus (FACTS.md) on
  /// the research preset raise size_multiplier or add frontier jobs, else the job count explodes.
  std::int64_t campus_gpus = 4096;
  OnlineGpus online;                   ///< training GPUs online over time (empty: campus_gpus)
  std::int64_t largest_pool_gpus = 0;  ///< single-building gangs fit this (0: the campus)
  WorkloadPreset preset = WorkloadPreset::kResearchCluster;
  double target_utilisation = 0.7;  ///< offered occupancy / training GPUs online, (1)
  /// Longest run time at full speed of any job (GPT-4's pretraining is reported at ~90-100 days,
  /// Llama 3 405B's at ~54 days of a 16k-GPU run; docs/workloads.md).
  double max_job_duration_s = 90.0 * 86400.0;
  bool warm_start = true;              ///< start with a steady-state running set
  std::int32_t max_pools_per_job = 8;  ///< pretraining and frontier gangs span up to this
  double training_mfu = 0.4;           ///< MFU of training classes (FACTS.md, Llama 3)
  ClusterJobStats stats = cluster_job_stats(TraceCluster::kSeren);
  /// Trace-fitted jobs' gang sizes are multiplied by this power of two (1 = as in the trace).
  /// Use it to fill a campus far larger than the trace's cluster with fewer jobs; it moves the
  /// size statistics away from the trace's.
  std::int32_t size_multiplier = 1;
  double duration_multiplier = 1.0;  ///< trace-fitted jobs' run times are multiplied by this
  /// Safety limit: more jobs than this throws std::invalid_argument (raise size_multiplier or
  /// duration_multiplier, or add frontier jobs).
  std::int64_t max_jobs = 5000000;

  // Research-cluster jobs' attributes.
  double firm_share = 0.2;      ///< share of trace-fitted jobs that are firm (not flexible)
  double deadline_share = 0.0;  ///< share of trace-fitted jobs that get a deadline
  double deadline_slack = 3.0;  ///< deadline = submit + slack x full-speed run time
  std::int32_t priority = 0;
  double checkpoint_interval_s = 3600.0;
  double checkpoint_write_s = 60.0;
  double restart_overhead_s = 600.0;

  // Research-cluster frontier jobs: gang sizes log-uniform in [frontier_min_gpus,
  // frontier_max_gpus] rounded to a multiple of frontier_gpu_multiple (72: one GB200 NVL72
  // rack), run times log-uniform in [frontier_min_days, frontier_max_days], submitted uniformly
  // in the first frontier_submit_window of the horizon; firm or not per frontier_flexible;
  // checkpoint interval at Daly's optimum for the gang (daly_interval_s); may span
  // max_pools_per_job buildings.
  std::int32_t frontier_jobs = 0;
  std::int32_t frontier_min_gpus = 10000;
  std::int32_t frontier_max_gpus = 100000;
  std::int32_t frontier_gpu_multiple = 72;
  double frontier_min_days = 30.0;
  double frontier_max_days = 90.0;
  double frontier_submit_window = 0.5;  ///< share of the horizon
  bool frontier_flexible = true;
  std::int32_t frontier_priority = 10;
  double frontier_checkpoint_write_s = 30.0;
  double frontier_restart_overhead_s = 300.0;

  double gpu_failure_rate_per_h = kDefaultGpuFailureRatePerH;
};

/// The classes of a preset with their sourced or assumed numbers (docs/workloads.md): for
/// kFrontierLab pretraining (60 %, 2 lanes, 30-90 days, spanning buildings), post-training
/// (25 %), evaluation (5 %) and research (10 %, trace-fitted); for kResearchCluster one
/// trace-fitted class (and "frontier" for the fixed frontier jobs).
[[nodiscard]] std::vector<JobClassSpec> preset_classes(const SyntheticWorkloadParams& params);

/// Power-of-two size distribution of ordinary jobs: P(1 GPU) = single_share, P(2^k) =
/// (1 - single_share) q^k / sum_j q^j for k = 1..max_log2.
struct GangSizeDistribution {
  double single_share = 0.6;
  double ratio = 0.5;  ///< q
  int max_log2 = 10;

  [[nodiscard]] double mean_gpus() const;
  /// P(gpus = 2^k), k = 0..max_log2.
  [[nodiscard]] double probability(int log2_gpus) const;
};

/// The size distribution with the stats' single-GPU share, largest size <= max_gpus (and <=
/// campus_gpus / size_multiplier) and mean as close to mean_gpus as that allows (bisection on q).
[[nodiscard]] GangSizeDistribution fit_gang_sizes(const ClusterJobStats& stats,
                                                  std::int64_t largest_gpus);

/// Run times of ordinary jobs: ln D = mu + size_exponent ln(gpus) + sigma Z, Z standard normal.
struct RunTimeModel {
  double mu = 0.0;
  double sigma = 1.0;
  double size_exponent = 0.0;  ///< beta

  /// Median run time of a job of `gpus` GPUs: exp(mu + beta ln gpus).
  [[nodiscard]] double median_s(double gpus) const;
};

/// Fits beta to the stats' mean GPU-time per job (beta = 0 when it is 0 or not above mean_gpus x
/// mean_run_s), then mu and sigma so that the mixture over `sizes` has the stats' median and mean
/// run time (nested bisections; clamping to max_run_s is ignored in the fit). With beta = 0 this
/// is mu = ln(median), sigma = sqrt(2 ln(mean / median)).
[[nodiscard]] RunTimeModel fit_run_time(const ClusterJobStats& stats,
                                        const GangSizeDistribution& sizes);

/// Jobs submitted in [0, horizon_s) (warm-started jobs at 0 with the rest of their work), sorted
/// by submit time (then placed jobs first); ids are the positions in that order (0, 1, ...).
/// Workload::classes lists the preset's classes.
/// Throws std::invalid_argument for bad parameters (non-positive campus or horizon, shares
/// outside 0..1, a frontier job larger than the campus, too many jobs).
[[nodiscard]] Workload generate_workload(const SyntheticWorkloadParams& params, double horizon_s,
                                         std::uint64_t seed);

}  // namespace stargate
