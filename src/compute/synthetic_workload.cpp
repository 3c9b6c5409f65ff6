// Synthetic training workload (see synthetic_workload.hpp and docs/workloads.md).
//
// Steps, for one seed, on hourly bins from the warm-start origin to the horizon:
//  1. Placed jobs: lanes of back-to-back runs and fixed frontier jobs; their expected occupancy
//     P(t) is added to the bins.
//  2. Fill classes: rate r_c(t) = share_c / sum(fill shares) x max(0, U G(t) - P(t)) GPUs; each
//     class's jobs arrive as a renewal process in occupancy (synthetic_workload.hpp).
//  3. Warm start: jobs arriving before 0 and still running at 0 enter at 0 with the rest of
//     their work; the others are dropped.
// Trace-fitted run times: ln D = mu + beta ln g + sigma Z clamped to the cluster's longest, x
// duration_multiplier, capped at max_job_duration_s.
#include "stargate/compute/synthetic_workload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "stargate/core/random.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr int kBisectionSteps = 200;
constexpr double kMinRatio = 1e-6;
constexpr double kMaxRatio = 1e6;
constexpr double kMinRunS = 1.0;  // shortest ordinary run time
constexpr double kMaxSizeExponent = 3.0;
constexpr double kMinSigma = 1e-3;
constexpr double kMaxSigma = 6.0;
constexpr double kLogRange = 60.0;
constexpr double kFitTolerance = 1e-10;

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

bool is_share(double x) {
  return x >= 0.0 && x <= 1.0;
}

void require(bool ok, const char* message) {
  if (!ok) {
    throw std::invalid_argument(fmt::format("generate_workload: {}", message));
  }
}

int floor_log2(std::int64_t x) {
  int k = 0;
  while (x > 1) {
    x >>= 1;
    ++k;
  }
  return k;
}

}  // namespace

ClusterJobStats cluster_job_stats(TraceCluster cluster) {
  // Source: InternLM/AcmeTrace @ 6d6ac9cd, data/cluster_summary.csv (Hu et al., NSDI 2024),
  // columns med_gpu_num, avg_gpu_num, max_gpu, med_run_time_gpu, avg_run_time_gpu,
  // max_run_time_gpu, fail_rate_gpu, cancel_rate_gpu (GPU jobs only, seconds); mean GPU-time per
  // job = (complete_gpu_time + cancel_gpu_time + fail_gpu_time) / gpu_job_num (Seren:
  // 21,510,624,587 / 663,813 = 32,404.6 GPU-s, 4.03 x avg_gpu_num x avg_run_time_gpu).
  ClusterJobStats s;
  switch (cluster) {
    case TraceCluster::kSeren:  // 663,813 GPU jobs, 2023
      s = {"Seren", 1.0, 5.68, 1024.0, 122.0, 1414.335, 1209604.0, 32404.645, 0.429, 0.075, 0.6};
      break;
    case TraceCluster::kKalos:  // 19,907 GPU jobs, 2023
      s = {"Kalos", 1.0, 26.77, 1024.0, 124.0, 1259.689, 625740.0, 267904.76, 0.397, 0.062, 0.6};
      break;
    case TraceCluster::kPhilly:  // 112,956 GPU jobs, 2017 (Jeon et al., ATC 2019)
      s = {"Philly", 1.0, 1.928, 128.0, 874.0, 18006.055, 4240676.0, 61038.967, 0.305, 0.09, 0.6};
      break;
    case TraceCluster::kHelios:  // 1,580,464 GPU jobs, 2020 (Hu et al., SC 2021)
      s = {"Helios", 1.0, 3.716, 2048.0, 206.0, 6651.681, 4320009.0, 49351.165, 0.155, 0.221, 0.6};
      break;
  }
  return s;
}

double GangSizeDistribution::probability(int log2_gpus) const {
  if (log2_gpus < 0 || log2_gpus > max_log2) {
    return 0.0;
  }
  if (log2_gpus == 0) {
    return max_log2 == 0 ? 1.0 : single_share;
  }
  double norm = 0.0;
  for (int k = 1; k <= max_log2; ++k) {
    norm += std::pow(ratio, k);
  }
  return (1.0 - single_share) * std::pow(ratio, log2_gpus) / norm;
}

double GangSizeDistribution::mean_gpus() const {
  double mean = 0.0;
  for (int k = 0; k <= max_log2; ++k) {
    mean += probability(k) * std::ldexp(1.0, k);
  }
  return mean;
}

GangSizeDistribution fit_gang_sizes(const ClusterJobStats& stats, std::int64_t largest_gpus) {
  require(stats.single_gpu_share > 0.0 && stats.single_gpu_share <= 1.0,
          "single_gpu_share must be in (0, 1]");
  GangSizeDistribution d;
  d.single_share = stats.single_gpu_share;
  d.max_log2 = floor_log2(std::max<std::int64_t>(1, largest_gpus));
  if (d.max_log2 == 0) {
    return d;
  }
  // The mean grows with q: bisection on ln q.
  double lo = std::log(kMinRatio);
  double hi = std::log(kMaxRatio);
  for (int i = 0; i < kBisectionSteps; ++i) {
    d.ratio = std::exp(0.5 * (lo + hi));
    (d.mean_gpus() < stats.mean_gpus ? lo : hi) = std::log(d.ratio);
  }
  d.ratio = std::exp(0.5 * (lo + hi));
  return d;
}

double RunTimeModel::median_s(double gpus) const {
  return std::exp(mu + size_exponent * std::log(gpus));
}

RunTimeModel fit_run_time(const ClusterJobStats& stats, const GangSizeDistribution& sizes) {
  require(stats.median_run_s > 0.0 && stats.mean_run_s >= stats.median_run_s,
          "run times need 0 < median <= mean");
  const auto components = static_cast<std::size_t>(sizes.max_log2) + 1;
  std::vector<double> weight(components);
  std::vector<double> log_gpus(components);
  for (std::size_t k = 0; k < components; ++k) {
    weight[k] = sizes.probability(static_cast<int>(k));
    log_gpus[k] = static_cast<double>(k) * std::numbers::ln2;
  }
  RunTimeModel model;
  // beta: E[g D] / (E[g] E[D]) = sum p_k g_k^(1+beta) / (E[g] sum p_k g_k^beta), free of mu and
  // sigma and increasing in beta.
  const double mean_gpus = sizes.mean_gpus();
  const double ratio_target =
      stats.mean_gpu_time_s > 0.0 ? stats.mean_gpu_time_s / (mean_gpus * stats.mean_run_s) : 0.0;
  auto ratio = [&](double beta) {
    double num = 0.0;
    double den = 0.0;
    for (std::size_t k = 0; k < components; ++k) {
      const double scale = weight[k] * std::exp(beta * log_gpus[k]);
      num += scale * std::exp(log_gpus[k]);
      den += scale;
    }
    return num / (mean_gpus * den);
  };
  if (ratio_target > 1.0 && components > 1) {
    double lo = 0.0;
    double hi = kMaxSizeExponent;
    for (int i = 0; i < kBisectionSteps && hi - lo > kFitTolerance; ++i) {
      const double mid = 0.5 * (lo + hi);
      (ratio(mid) < ratio_target ? lo : hi) = mid;
    }
    model.size_exponent = 0.5 * (lo + hi);
  }
  const double log_median = std::log(stats.median_run_s);
  // mu for a sigma: the mixture's CDF at the median is 1/2 (decreasing in mu).
  auto mu_for = [&](double sigma) {
    double lo = log_median - kLogRange;
    double hi = log_median + kLogRange;
    for (int i = 0; i < kBisectionSteps && hi - lo > kFitTolerance; ++i) {
      const double mid = 0.5 * (lo + hi);
      double cdf = 0.0;
      for (std::size_t k = 0; k < components; ++k) {
        cdf +=
            weight[k] * normal_cdf((log_median - mid - model.size_exponent * log_gpus[k]) / sigma);
      }
      (cdf > 0.5 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  };
  auto mean_for = [&](double sigma, double mu) {
    double mean = 0.0;
    for (std::size_t k = 0; k < components; ++k) {
      mean += weight[k] * std::exp(mu + model.size_exponent * log_gpus[k] + 0.5 * sigma * sigma);
    }
    return mean;
  };
  double lo = kMinSigma;
  double hi = kMaxSigma;
  for (int i = 0; i < kBisectionSteps && hi - lo > kFitTolerance; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mean_for(mid, mu_for(mid)) < stats.mean_run_s ? lo : hi) = mid;
  }
  model.sigma = 0.5 * (lo + hi);
  model.mu = mu_for(model.sigma);
  return model;
}

namespace {

void check_params(const SyntheticWorkloadParams& p, double horizon_s) {
  require(p.campus_gpus > 0 || !p.online.gpus.empty(), "campus_gpus must be > 0");
  require(p.online.from_s.size() == p.online.gpus.size(), "online times and GPUs differ in size");
  require(horizon_s > 0.0 && std::isfinite(horizon_s), "the horizon must be > 0");
  require(p.target_utilisation >= 0.0 && std::isfinite(p.target_utilisation),
          "target_utilisation must be >= 0");
  require(p.max_job_duration_s > 0.0, "max_job_duration_s must be > 0");
  require(p.max_pools_per_job >= 1 && p.max_pools_per_job <= 255,
          "max_pools_per_job must be in 1..255");
  require(p.training_mfu > 0.0 && p.training_mfu <= 1.0, "training_mfu must be in (0, 1]");
  require(is_share(p.firm_share) && is_share(p.deadline_share), "shares must be in 0..1");
  require(is_share(p.stats.fail_share) && is_share(p.stats.cancel_share) &&
              p.stats.fail_share + p.stats.cancel_share <= 1.0,
          "fail and cancel shares must be in 0..1 and sum to <= 1");
  require(p.size_multiplier >= 1 && (p.size_multiplier & (p.size_multiplier - 1)) == 0,
          "size_multiplier must be a power of two >= 1");
  require(p.duration_multiplier > 0.0, "duration_multiplier must be > 0");
  require(p.deadline_slack >= 1.0, "deadline_slack must be >= 1");
  require(
      p.checkpoint_interval_s > 0.0 && p.checkpoint_write_s >= 0.0 && p.restart_overhead_s >= 0.0,
      "checkpoint interval must be > 0, write and restart times >= 0");
  require(p.frontier_jobs >= 0, "frontier_jobs must be >= 0");
  if (p.frontier_jobs > 0) {
    require(p.frontier_min_gpus >= 1 && p.frontier_min_gpus <= p.frontier_max_gpus,
            "frontier GPUs need 1 <= min <= max");
    require(p.frontier_gpu_multiple >= 1 && p.frontier_gpu_multiple <= p.frontier_min_gpus,
            "frontier_gpu_multiple must be in 1..frontier_min_gpus");
    require(p.frontier_min_days > 0.0 && p.frontier_min_days <= p.frontier_max_days,
            "frontier days need 0 < min <= max");
    require(p.frontier_submit_window >= 0.0 && p.frontier_submit_window <= 1.0,
            "frontier_submit_window must be in 0..1");
  }
}

// The trace-fitted distributions (sizes up to `largest` GPUs before the multiplier).
struct TraceFit {
  GangSizeDistribution sizes;
  RunTimeModel run_time;
  std::vector<double> cumulative;  ///< of the size classes
};

TraceFit trace_fit(const SyntheticWorkloadParams& p, std::int64_t largest_pool) {
  const std::int64_t largest = std::min<std::int64_t>(static_cast<std::int64_t>(p.stats.max_gpus),
                                                      largest_pool / p.size_multiplier);
  require(largest >= 1, "size_multiplier is larger than the largest building");
  TraceFit fit{fit_gang_sizes(p.stats, largest), {}, {}};
  fit.run_time = fit_run_time(p.stats, fit.sizes);
  double sum = 0.0;
  for (int k = 0; k <= fit.sizes.max_log2; ++k) {
    sum += fit.sizes.probability(k);
    fit.cumulative.push_back(sum);
  }
  return fit;
}

// Hourly bins over [origin, horizon): the training GPUs online and the placed occupancy.
class OccupancyBins {
 public:
  OccupancyBins(const SyntheticWorkloadParams& p, double origin_s, double horizon_s)
      : origin_s_(origin_s),
        bins_(static_cast<std::size_t>(std::ceil((horizon_s - origin_s) / kBinS))),
        target_(bins_, 0.0),
        placed_(bins_, 0.0) {
    for (std::size_t b = 0; b < bins_; ++b) {
      const double t_s = std::max(0.0, start_s(b));
      target_[b] = p.target_utilisation * static_cast<double>(online_at(p, t_s));
    }
  }

  static std::int64_t online_at(const SyntheticWorkloadParams& p, double t_s) {
    return p.online.gpus.empty() ? p.campus_gpus : p.online.at(t_s);
  }
  [[nodiscard]] std::size_t size() const { return bins_; }
  [[nodiscard]] double start_s(std::size_t b) const {
    return origin_s_ + static_cast<double>(b) * kBinS;
  }
  [[nodiscard]] std::size_t bin_of(double t_s) const {
    const double k = std::floor((t_s - origin_s_) / kBinS);
    return k < 0.0 ? 0 : std::min(bins_ - 1, static_cast<std::size_t>(k));
  }
  /// Adds `gpus` held over [from_s, to_s).
  void place(double from_s, double to_s, double gpus) {
    for (std::size_t b = bin_of(from_s); b < bins_ && start_s(b) < to_s; ++b) {
      const double overlap = std::min(to_s, start_s(b) + kBinS) - std::max(from_s, start_s(b));
      if (overlap > 0.0) placed_[b] += gpus * overlap / kBinS;
    }
  }
  /// GPUs left for fill classes in bin b: max(0, U G - P).
  [[nodiscard]] double remainder(std::size_t b) const {
    return std::max(0.0, target_[b] - placed_[b]);
  }

  static constexpr double kBinS = 3600.0;

 private:
  double origin_s_;
  std::size_t bins_;
  std::vector<double> target_;
  std::vector<double> placed_;
};

// Expected wall time of a job at full speed (exact_expected_wall_time_s), at most 10 x its
// compute (a gang that fails faster than it checkpoints would otherwise never end).
double expected_wall_s(const TrainingJob& job, double failure_rate_per_h) {
  constexpr double kMaxWallOverCompute = 10.0;
  return std::min(exact_expected_wall_time_s(job, failure_rate_per_h),
                  kMaxWallOverCompute * job.duration_at_full_speed_s());
}

double log_uniform(DeterministicRandom& random, double lo, double hi) {
  return std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * random.uniform());
}

std::int32_t rounded_gpus(double raw, std::int32_t multiple, std::int32_t lo, std::int32_t hi) {
  const double m = static_cast<double>(multiple);
  const auto gpus = static_cast<std::int64_t>(std::max(1.0, std::round(raw / m)) * m);
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(gpus, lo, hi));
}

// Draws one job of a class: gang, run time (capped), outcome, flexibility, checkpoints.
class JobDrawer {
 public:
  JobDrawer(const SyntheticWorkloadParams& p, const JobClassSpec& spec, std::uint8_t class_index,
            const TraceFit* fit, std::uint64_t seed)
      : p_(p),
        spec_(spec),
        class_(class_index),
        fit_(fit),
        size_(seed, 0, stream(class_index, 0)),
        run_(seed, 0, stream(class_index, 1)),
        attribute_(seed, 0, stream(class_index, 2)) {}

  static std::uint64_t stream(std::uint8_t class_index, std::uint64_t purpose) {
    return kFirstClassStream + 4 * static_cast<std::uint64_t>(class_index) + purpose;
  }

  /// A job of `gpus` GPUs (0: drawn from the class's sizes) submitted at t_s.
  TrainingJob draw(double t_s, std::int32_t gpus = 0) {
    TrainingJob job;
    job.submit_s = t_s;
    job.earliest_start_s = t_s;
    job.job_class = class_;
    job.max_pools = static_cast<std::uint8_t>(spec_.max_pools);
    double run_s = 0.0;
    if (spec_.trace_fit) {
      const double u = size_.uniform() * fit_->cumulative.back();
      int log2_gpus = 0;
      while (log2_gpus < fit_->sizes.max_log2 &&
             u >= fit_->cumulative[static_cast<std::size_t>(log2_gpus)]) {
        ++log2_gpus;
      }
      job.gpus = (std::int32_t{1} << log2_gpus) * p_.size_multiplier;
      const double log_median_s =
          std::log(fit_->run_time.median_s(static_cast<double>(std::int32_t{1} << log2_gpus)));
      run_s = std::clamp(std::exp(log_median_s + fit_->run_time.sigma * run_.normal()), kMinRunS,
                         p_.stats.max_run_s) *
              p_.duration_multiplier;
    } else {
      job.gpus = gpus > 0 ? gpus
                          : rounded_gpus(log_uniform(size_, spec_.min_gpus, spec_.max_gpus),
                                         spec_.gpu_multiple, spec_.min_gpus, spec_.max_gpus);
      run_s = log_uniform(run_, spec_.min_days, spec_.max_days) * kSecondsPerDay;
    }
    run_s = std::min(run_s, p_.max_job_duration_s);
    job.work_gpu_hours = static_cast<double>(job.gpus) * run_s / kSecondsPerHour;
    const double outcome = attribute_.uniform();
    job.outcome = outcome < spec_.fail_share                        ? JobOutcome::kFailed
                  : outcome < spec_.fail_share + spec_.cancel_share ? JobOutcome::kCancelled
                                                                    : JobOutcome::kCompleted;
    job.flexible = attribute_.uniform() >= spec_.firm_share;
    if (spec_.trace_fit && attribute_.uniform() < p_.deadline_share) {
      job.deadline_s = t_s + p_.deadline_slack * run_s;
    }
    job.priority = spec_.priority;
    job.checkpoint_write_s = spec_.checkpoint_write_s;
    job.restart_overhead_s = spec_.restart_overhead_s;
    job.checkpoint_interval_s = p_.checkpoint_interval_s;
    if (spec_.daly_interval) {
      const double daly =
          daly_interval_s(job.gpus, p_.gpu_failure_rate_per_h, spec_.checkpoint_write_s);
      if (std::isfinite(daly) && daly > 0.0) job.checkpoint_interval_s = daly;
    }
    return job;
  }

 private:
  static constexpr std::uint64_t kFirstClassStream = 16;

  const SyntheticWorkloadParams& p_;
  const JobClassSpec& spec_;
  std::uint8_t class_;
  const TraceFit* fit_;
  DeterministicRandom size_;
  DeterministicRandom run_;
  DeterministicRandom attribute_;
};

// 1a. Lanes of back-to-back runs: each run takes share x U x G(submit) / lanes GPUs.
void add_lanes(const SyntheticWorkloadParams& p, const JobClassSpec& spec, JobDrawer& drawer,
               double horizon_s, std::uint64_t seed, std::uint8_t class_index, OccupancyBins& bins,
               Workload& w) {
  DeterministicRandom phase(seed, 0, JobDrawer::stream(class_index, 3));
  for (std::int32_t lane = 0; lane < spec.lanes; ++lane) {
    double t_s = 0.0;
    bool first = true;
    while (t_s < horizon_s) {
      const double online = static_cast<double>(OccupancyBins::online_at(p, std::max(0.0, t_s)));
      const double raw = spec.share * p.target_utilisation * online / spec.lanes;
      if (raw < 0.5 * spec.gpu_multiple) {  // no training GPUs online yet: try a day later
        t_s += kSecondsPerDay;
        first = false;
        continue;
      }
      const std::int32_t gpus =
          rounded_gpus(raw, spec.gpu_multiple, spec.gpu_multiple, std::numeric_limits<int>::max());
      TrainingJob job = drawer.draw(t_s, gpus);
      const double wall_s = expected_wall_s(job, p.gpu_failure_rate_per_h);
      if (first && p.warm_start) {  // mid-run at 0: the lane's run in progress
        job.submit_s = -phase.uniform() * wall_s;
        job.earliest_start_s = job.submit_s;
      }
      first = false;
      bins.place(job.submit_s, job.submit_s + wall_s, job.gpus);
      t_s = job.submit_s + wall_s;
      w.jobs.push_back(job);
    }
  }
}

// 1b. Fixed frontier jobs (research-cluster preset): submitted early in the horizon.
void add_frontier_jobs(const SyntheticWorkloadParams& p, JobDrawer& drawer, double horizon_s,
                       std::uint64_t seed, std::uint8_t class_index, OccupancyBins& bins,
                       Workload& w) {
  DeterministicRandom submit(seed, 0, JobDrawer::stream(class_index, 3));
  for (std::int32_t i = 0; i < p.frontier_jobs; ++i) {
    TrainingJob job = drawer.draw(horizon_s * p.frontier_submit_window * submit.uniform());
    bins.place(job.submit_s, job.submit_s + expected_wall_s(job, p.gpu_failure_rate_per_h),
               job.gpus);
    w.jobs.push_back(job);
  }
}

// 2. A fill class: kept at its rate r(t) = share x R(t) (R the bins' remainder) as a lab keeps its
// queue topped up. O(t) is the GPUs its offered jobs would hold (each from its submission to its
// expected end) and D(t) = integral of (r - O) dt the occupancy it owes so far; the next job (of g
// GPUs) is submitted once
//   O + g / 2 <= r + D / tau,        tau = 1 day                                      (2)
// so O follows r within about one job at every time, and a job as large as the rate itself is
// submitted once the class owes it (D bounded: the mean of O over a run is r). A Poisson process
// with heavy-tailed sizes offers, over a year, typically 10-20 % less than its expectation; one
// that waits after each large job leaves weeks idle.
// Refuses, before drawing them, a class that would need more than max_jobs jobs: its occupancy to
// offer over the bins / the mean occupancy of kSampleJobs jobs drawn from a copy of its drawer.
void check_job_count(const SyntheticWorkloadParams& p, double share, const JobDrawer& drawer,
                     const OccupancyBins& bins, std::size_t jobs_so_far) {
  constexpr int kSampleJobs = 256;
  JobDrawer sample = drawer;
  double mean_gpu_s = 0.0;
  for (int i = 0; i < kSampleJobs; ++i) {
    const TrainingJob job = sample.draw(0.0);
    mean_gpu_s += static_cast<double>(job.gpus) * expected_wall_s(job, p.gpu_failure_rate_per_h);
  }
  mean_gpu_s /= kSampleJobs;
  double offered_gpu_s = 0.0;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    offered_gpu_s += share * bins.remainder(b) * OccupancyBins::kBinS;
  }
  const double expected_jobs = offered_gpu_s / mean_gpu_s + static_cast<double>(jobs_so_far);
  if (expected_jobs > static_cast<double>(p.max_jobs)) {
    throw std::invalid_argument(fmt::format(
        "generate_workload: ~{:.3g} jobs expected (mean {:.3g} GPU-hours each) exceed max_jobs = "
        "{}; raise size_multiplier or duration_multiplier, add frontier jobs or lower the "
        "utilisation",
        expected_jobs, mean_gpu_s / kSecondsPerHour, p.max_jobs));
  }
}

void add_fill_class(const SyntheticWorkloadParams& p, double share, JobDrawer& drawer,
                    double origin_s, double horizon_s, const OccupancyBins& bins, Workload& w) {
  check_job_count(p, share, drawer, bins, w.jobs.size());
  constexpr double kTauS = kSecondsPerDay;
  using End = std::pair<double, std::int32_t>;  // expected end, GPUs
  std::priority_queue<End, std::vector<End>, std::greater<>> running;
  double offered_gpus = 0.0;
  double owed_gpu_s = 0.0;
  bool due = false;
  double t_s = origin_s;
  TrainingJob next = drawer.draw(t_s);
  while (t_s < horizon_s) {
    while (!running.empty() && running.top().first <= t_s) {
      offered_gpus -= running.top().second;
      running.pop();
    }
    const std::size_t bin = bins.bin_of(t_s);
    const double rate = share * bins.remainder(bin);
    const double excess = offered_gpus + 0.5 * next.gpus - rate - owed_gpu_s / kTauS;
    if ((excess <= 0.0 || due) && rate > 0.0) {
      due = false;
      const double shift_s = t_s - next.submit_s;
      next.submit_s = t_s;
      next.earliest_start_s = t_s;
      if (next.has_deadline()) next.deadline_s += shift_s;
      offered_gpus += next.gpus;
      running.emplace(t_s + expected_wall_s(next, p.gpu_failure_rate_per_h), next.gpus);
      w.jobs.push_back(next);
      if (static_cast<std::int64_t>(w.jobs.size()) > p.max_jobs) {
        throw std::invalid_argument(
            fmt::format("generate_workload: more than max_jobs = {} jobs; raise size_multiplier or "
                        "duration_multiplier, add frontier jobs or lower the utilisation",
                        p.max_jobs));
      }
      next = drawer.draw(t_s);
      continue;
    }
    // The next event: a bin boundary, an expected end, or the time (2) is met as D grows.
    double until_s = std::min(horizon_s, bins.start_s(bin + 1));
    if (!running.empty()) until_s = std::min(until_s, running.top().first);
    if (rate > offered_gpus && rate > 0.0) {
      const double met_s = t_s + excess * kTauS / (rate - offered_gpus);
      due = met_s <= until_s;  // rounding must not leave (2) a hair short
      until_s = std::min(until_s, met_s);
    }
    owed_gpu_s += (rate - offered_gpus) * (until_s - t_s);
    t_s = until_s;
  }
}

// 3. Warm start: a job that arrived before 0 enters at 0 with the work its expected wall time
// leaves after 0; one that would have ended by 0 is dropped.
void warm_start(const SyntheticWorkloadParams& p, Workload& w) {
  std::size_t kept = 0;
  for (TrainingJob job : w.jobs) {
    if (job.submit_s < 0.0) {
      const double wall_s = expected_wall_s(job, p.gpu_failure_rate_per_h);
      const double left = (job.submit_s + wall_s) / wall_s;
      if (!(left > 0.0)) continue;
      job.work_gpu_hours *= left;
      if (job.has_deadline()) job.deadline_s = std::max(0.0, job.deadline_s);
      job.submit_s = 0.0;
      job.earliest_start_s = 0.0;
    }
    w.jobs[kept++] = job;
  }
  w.jobs.resize(kept);
}

}  // namespace

std::int64_t OnlineGpus::at(double t_s) const {
  std::int64_t gpus_now = gpus.empty() ? 0 : gpus.front();
  for (std::size_t i = 0; i < from_s.size() && from_s[i] <= t_s; ++i) {
    gpus_now = gpus[i];
  }
  return gpus_now;
}

std::int64_t OnlineGpus::peak() const {
  return gpus.empty() ? 0 : *std::max_element(gpus.begin(), gpus.end());
}

std::vector<JobClassSpec> preset_classes(const SyntheticWorkloadParams& p) {
  constexpr std::int32_t kRack = 72;  // one GB200 NVL72 rack
  const double mfu = p.training_mfu;
  JobClassSpec research;
  research.kind = {"research", mfu, false, true};
  research.trace_fit = true;
  research.fail_share = p.stats.fail_share;
  research.cancel_share = p.stats.cancel_share;
  research.firm_share = p.firm_share;
  research.priority = p.priority;
  research.checkpoint_write_s = p.checkpoint_write_s;
  research.restart_overhead_s = p.restart_overhead_s;
  if (p.preset == WorkloadPreset::kResearchCluster) {
    JobClassSpec frontier;
    frontier.kind = {"frontier", mfu, false, true};
    frontier.share = 0.0;
    frontier.min_gpus = p.frontier_min_gpus;
    frontier.max_gpus = p.frontier_max_gpus;
    frontier.gpu_multiple = p.frontier_gpu_multiple;
    frontier.min_days = p.frontier_min_days;
    frontier.max_days = p.frontier_max_days;
    frontier.firm_share = p.frontier_flexible ? 0.0 : 1.0;
    frontier.priority = p.frontier_priority;
    frontier.max_pools = p.max_pools_per_job;
    frontier.checkpoint_write_s = p.frontier_checkpoint_write_s;
    frontier.restart_overhead_s = p.frontier_restart_overhead_s;
    frontier.daly_interval = true;
    return {research, frontier};
  }
  // Frontier lab (docs/workloads.md, "Frontier-lab preset"): shares and the sizes of
  // post-training and evaluation are assumptions; pretraining failures, checkpoint losses and
  // MFU follow Llama 3 (Dubey et al. 2024), run lengths the reported 54-100 days.
  const std::int64_t largest = p.largest_pool_gpus > 0 ? p.largest_pool_gpus : p.campus_gpus;
  const auto one_building = [&](std::int32_t gpus) {
    return static_cast<std::int32_t>(
        std::max<std::int64_t>(kRack, std::min<std::int64_t>(gpus, largest)));
  };
  const JobClassSpec pretraining{.kind = {"pretraining", mfu, false, true},
                                 .share = 0.6,
                                 .lanes = 2,
                                 .gpu_multiple = kRack,
                                 .min_days = 30.0,
                                 .max_days = 90.0,
                                 .priority = 10,
                                 .max_pools = p.max_pools_per_job,
                                 .checkpoint_write_s = 30.0,
                                 .restart_overhead_s = 300.0,
                                 .daly_interval = true};
  const JobClassSpec post_training{.kind = {"post-training", mfu, false, true},
                                   .share = 0.25,
                                   .min_gpus = one_building(16 * kRack),
                                   .max_gpus = one_building(228 * kRack),
                                   .gpu_multiple = kRack,
                                   .min_days = 1.0,
                                   .max_days = 14.0,
                                   .fail_share = 0.1,
                                   .cancel_share = 0.1,
                                   .priority = 5,
                                   .checkpoint_write_s = 30.0,
                                   .restart_overhead_s = 300.0,
                                   .daly_interval = true};
  const JobClassSpec evaluation{.kind = {"evaluation", mfu, false, false},
                                .share = 0.05,
                                .min_gpus = one_building(8 * kRack),
                                .max_gpus = one_building(64 * kRack),
                                .gpu_multiple = kRack,
                                .min_days = 2.0 / 24.0,
                                .max_days = 1.0,
                                .fail_share = 0.05,
                                .firm_share = 1.0,
                                .priority = 8};
  research.share = 0.1;
  return {pretraining, post_training, evaluation, research};
}

Workload generate_workload(const SyntheticWorkloadParams& p, double horizon_s, std::uint64_t seed) {
  check_params(p, horizon_s);
  Workload w;
  w.gpu_failure_rate_per_h = p.gpu_failure_rate_per_h;
  const std::vector<JobClassSpec> classes = preset_classes(p);
  for (const JobClassSpec& spec : classes) {
    w.classes.push_back(spec.kind);
  }
  w.source =
      fmt::format("synthetic {} workload ({} trace statistics), seed {}",
                  p.preset == WorkloadPreset::kFrontierLab ? "frontier-lab" : "research-cluster",
                  p.stats.name, seed);
  const std::int64_t peak =
      p.online.gpus.empty() ? p.campus_gpus : std::max<std::int64_t>(1, p.online.peak());
  const std::int64_t largest_pool = p.largest_pool_gpus > 0 ? p.largest_pool_gpus : peak;
  if (p.preset == WorkloadPreset::kResearchCluster && p.frontier_jobs > 0) {
    const std::int64_t reach = p.max_pools_per_job > 1 ? peak : largest_pool;
    require(p.frontier_max_gpus <= reach, "a frontier job is larger than the campus");
  }
  const double origin_s = p.warm_start ? -p.max_job_duration_s : 0.0;
  OccupancyBins bins(p, origin_s, horizon_s);
  const TraceFit fit = trace_fit(p, largest_pool);

  std::vector<JobDrawer> drawers;
  drawers.reserve(classes.size());
  double fill_shares = 0.0;
  for (std::size_t c = 0; c < classes.size(); ++c) {
    drawers.emplace_back(p, classes[c], static_cast<std::uint8_t>(c), &fit, seed);
    if (classes[c].lanes == 0 && classes[c].share > 0.0) fill_shares += classes[c].share;
  }
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const auto index = static_cast<std::uint8_t>(c);
    if (classes[c].lanes > 0) {
      add_lanes(p, classes[c], drawers[c], horizon_s, seed, index, bins, w);
    } else if (classes[c].share == 0.0 && p.preset == WorkloadPreset::kResearchCluster) {
      add_frontier_jobs(p, drawers[c], horizon_s, seed, index, bins, w);
    }
  }
  const std::size_t placed = w.jobs.size();
  for (std::size_t c = 0; c < classes.size(); ++c) {
    if (classes[c].lanes == 0 && classes[c].share > 0.0) {
      add_fill_class(p, classes[c].share / fill_shares, drawers[c], origin_s, horizon_s, bins, w);
    }
  }
  if (placed > 0 && w.jobs.size() == placed && fill_shares > 0.0) {
    w.warnings.push_back(
        "the placed jobs (pretraining lanes or frontier jobs) alone offer the target "
        "utilisation; no other jobs were generated");
  }
  warm_start(p, w);
  // Placed jobs were pushed first: a stable sort keeps them ahead of the others at a tie.
  std::stable_sort(w.jobs.begin(), w.jobs.end(), [](const TrainingJob& a, const TrainingJob& b) {
    return a.submit_s < b.submit_s;
  });
  for (std::size_t i = 0; i < w.jobs.size(); ++i) {
    w.jobs[i].id = static_cast<std::int64_t>(i);
  }
  return w;
}

}  // namespace stargate
