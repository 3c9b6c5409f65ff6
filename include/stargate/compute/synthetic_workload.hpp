// Synthetic training workloads calibrated to published job statistics of real GPU clusters.
//
// Ordinary jobs arrive as a Poisson process. Gang sizes are powers of two: 1 GPU with probability
// single_gpu_share, otherwise 2^k (k = 1..log2(max)) with P(k) proportional to q^k, q chosen so
// that the mean size equals the cluster's mean. Run times (at full speed) of a job of g GPUs are
// log-normal, ln D = mu + beta ln g + sigma Z: beta makes larger jobs run longer so that the mean
// GPU-time per job matches the cluster's (total GPU-seconds / GPU jobs), then mu and sigma make
// the median and mean run time over all jobs match the cluster's; run times are clamped to the
// cluster's longest run. Each job ends completed, failed or cancelled with the cluster's shares.
// On top come K frontier jobs of 10^4-10^5 GPUs. The arrival rate is chosen so that the offered
// GPU-hours equal target_utilisation x campus_gpus x horizon. Identical parameters and seed give
// identical jobs on every platform (std::mt19937_64 with own draws, no std distributions).
//
// Calibration source: AcmeTrace cluster_summary.csv (Q. Hu et al., "Characterization of Large
// Language Model Development in the Datacenter", NSDI 2024; InternLM/AcmeTrace), which also
// summarises Philly (Jeon et al., ATC 2019), Helios (Hu et al., SC 2021) and PAI (Weng et al.,
// NSDI 2022). docs/workloads.md lists every number and what is assumed beyond it.
#pragma once

#include <cstdint>
#include <string>

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

struct SyntheticWorkloadParams {
  /// GPUs of the campus. The default is a trace-sized cluster; for a 400,000-GPU campus
  /// (FACTS.md) raise size_multiplier or add frontier jobs, else the job count explodes.
  std::int64_t campus_gpus = 4096;
  double target_utilisation = 0.7;  ///< offered GPU-hours / (campus GPUs x horizon), 0..
  ClusterJobStats stats = cluster_job_stats(TraceCluster::kSeren);
  /// Ordinary jobs' gang sizes are multiplied by this power of two (1 = as in the trace). Use it
  /// to fill a campus far larger than the trace's cluster with fewer jobs; it moves the size
  /// statistics away from the trace's.
  std::int32_t size_multiplier = 1;
  double duration_multiplier = 1.0;  ///< ordinary jobs' run times are multiplied by this
  /// Safety limit: more expected ordinary jobs than this throws std::invalid_argument (raise
  /// size_multiplier or duration_multiplier, or add frontier jobs).
  std::int64_t max_jobs = 5000000;

  // Ordinary jobs' attributes.
  double firm_share = 0.2;      ///< share of ordinary jobs that are firm (not flexible)
  double deadline_share = 0.0;  ///< share of ordinary jobs that get a deadline
  double deadline_slack = 3.0;  ///< deadline = submit + slack x full-speed run time
  std::int32_t priority = 0;
  double checkpoint_interval_s = 3600.0;
  double checkpoint_write_s = 60.0;
  double restart_overhead_s = 600.0;

  // Frontier jobs: gang sizes log-uniform in [frontier_min_gpus, frontier_max_gpus] rounded to a
  // multiple of frontier_gpu_multiple (72: one GB200 NVL72 rack), run times log-uniform in
  // [frontier_min_days, frontier_max_days], submitted uniformly in the first
  // frontier_submit_window of the horizon; firm or not per frontier_flexible; checkpoint interval
  // at Daly's optimum for the gang (daly_interval_s).
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

/// Jobs submitted in [0, horizon_s), sorted by submit time (then frontier first); ids are the
/// positions in that order (0, 1, ...).
/// Throws std::invalid_argument for bad parameters (non-positive campus or horizon, shares
/// outside 0..1, a frontier job larger than the campus, too many jobs).
[[nodiscard]] Workload generate_workload(const SyntheticWorkloadParams& params, double horizon_s,
                                         std::uint64_t seed);

}  // namespace stargate
