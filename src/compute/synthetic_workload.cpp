// Synthetic training workload (see synthetic_workload.hpp and docs/workloads.md).
//
// Steps, for one seed:
//  1. Frontier jobs (stream 1): gang size log-uniform in [min, max] GPUs rounded to the multiple,
//     run time log-uniform in [min, max] days, submit uniform in the first window of the horizon.
//  2. Their GPU-hours inside the horizon are taken from the target U x G x T; ordinary jobs fill
//     the rest: arrival rate = remaining GPU-hours / E[GPU-hours of one job] / T.
//  3. Ordinary jobs (streams 2-5): Poisson arrivals, power-of-two sizes, log-normal run times
//     (ln D = mu + beta ln g + sigma Z) clamped to the cluster's longest, outcome, firm/flexible
//     and deadline draws.
// E[GPU-hours of one job] = sum_k P(g_k) g_k E[min(D_k, D_max)] / 3600 with D_k the run time of a
// job of g_k GPUs and E[min(D, c)] = exp(mu + sigma^2/2) Phi((ln c - mu - sigma^2)/sigma) + c (1 -
// Phi((ln c - mu)/sigma)) for a log-normal D.
#include "stargate/compute/synthetic_workload.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <string>
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

constexpr std::uint64_t kFrontierStream = 1;
constexpr std::uint64_t kArrivalStream = 2;
constexpr std::uint64_t kSizeStream = 3;
constexpr std::uint64_t kRunTimeStream = 4;
constexpr std::uint64_t kAttributeStream = 5;

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

/// E[min(D, cap)] for ln D normal(mu, sigma^2).
double capped_lognormal_mean(double mu, double sigma, double cap) {
  const double mean = std::exp(mu + 0.5 * sigma * sigma);
  if (sigma <= 0.0) {
    return std::min(mean, cap);
  }
  const double log_cap = std::log(cap);
  return mean * normal_cdf((log_cap - mu - sigma * sigma) / sigma) +
         cap * (1.0 - normal_cdf((log_cap - mu) / sigma));
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
  require(p.campus_gpus > 0, "campus_gpus must be > 0");
  require(horizon_s > 0.0 && std::isfinite(horizon_s), "the horizon must be > 0");
  require(p.target_utilisation >= 0.0 && std::isfinite(p.target_utilisation),
          "target_utilisation must be >= 0");
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
    require(p.frontier_max_gpus <= p.campus_gpus, "a frontier job is larger than the campus");
    require(p.frontier_gpu_multiple >= 1 && p.frontier_gpu_multiple <= p.frontier_min_gpus,
            "frontier_gpu_multiple must be in 1..frontier_min_gpus");
    require(p.frontier_min_days > 0.0 && p.frontier_min_days <= p.frontier_max_days,
            "frontier days need 0 < min <= max");
    require(p.frontier_submit_window >= 0.0 && p.frontier_submit_window <= 1.0,
            "frontier_submit_window must be in 0..1");
  }
}

// 1. Frontier jobs: gangs log-uniform in size (multiples of a rack) and length, submitted early
// in the horizon, checkpointed at Daly's interval. Returns their GPU-hours inside the horizon.
double add_frontier_jobs(const SyntheticWorkloadParams& p, double horizon_s, std::uint64_t seed,
                         Workload& w) {
  double in_horizon_gpu_h = 0.0;
  DeterministicRandom random(seed, 0, kFrontierStream);
  for (std::int32_t i = 0; i < p.frontier_jobs; ++i) {
    const double log_min = std::log(static_cast<double>(p.frontier_min_gpus));
    const double log_max = std::log(static_cast<double>(p.frontier_max_gpus));
    const double raw = std::exp(log_min + (log_max - log_min) * random.uniform());
    const double multiple = static_cast<double>(p.frontier_gpu_multiple);
    auto gpus = static_cast<std::int32_t>(std::round(raw / multiple) * multiple);
    gpus = std::clamp(gpus, p.frontier_min_gpus, p.frontier_max_gpus);
    const double days = std::exp(std::log(p.frontier_min_days) +
                                 (std::log(p.frontier_max_days) - std::log(p.frontier_min_days)) *
                                     random.uniform());
    TrainingJob job;
    job.submit_s = horizon_s * p.frontier_submit_window * random.uniform();
    job.earliest_start_s = job.submit_s;
    job.gpus = gpus;
    job.work_gpu_hours = static_cast<double>(gpus) * days * kSecondsPerDay / kSecondsPerHour;
    job.priority = p.frontier_priority;
    job.flexible = p.frontier_flexible;
    job.checkpoint_write_s = p.frontier_checkpoint_write_s;
    job.restart_overhead_s = p.frontier_restart_overhead_s;
    job.checkpoint_interval_s =
        daly_interval_s(gpus, p.gpu_failure_rate_per_h, p.frontier_checkpoint_write_s);
    if (!std::isfinite(job.checkpoint_interval_s) || job.checkpoint_interval_s <= 0.0) {
      job.checkpoint_interval_s = p.checkpoint_interval_s;
    }
    in_horizon_gpu_h += static_cast<double>(gpus) *
                        std::min(days * kSecondsPerDay, horizon_s - job.submit_s) / kSecondsPerHour;
    w.jobs.push_back(job);
  }
  return in_horizon_gpu_h;
}

// The ordinary jobs' distributions fitted to the trace's statistics, and their mean GPU-hours.
struct OrdinaryJobs {
  GangSizeDistribution sizes;
  RunTimeModel run_time;
  double mean_job_gpu_h = 0.0;
};

OrdinaryJobs ordinary_jobs(const SyntheticWorkloadParams& p) {
  const std::int64_t largest = std::min<std::int64_t>(static_cast<std::int64_t>(p.stats.max_gpus),
                                                      p.campus_gpus / p.size_multiplier);
  require(largest >= 1, "size_multiplier is larger than the campus");
  OrdinaryJobs jobs{fit_gang_sizes(p.stats, largest), {}, 0.0};
  jobs.run_time = fit_run_time(p.stats, jobs.sizes);
  double mean_job_gpu_s = 0.0;
  for (int k = 0; k <= jobs.sizes.max_log2; ++k) {
    const double gpus = std::ldexp(1.0, k);
    mean_job_gpu_s += jobs.sizes.probability(k) * gpus *
                      capped_lognormal_mean(std::log(jobs.run_time.median_s(gpus)),
                                            jobs.run_time.sigma, p.stats.max_run_s);
  }
  jobs.mean_job_gpu_h = mean_job_gpu_s * static_cast<double>(p.size_multiplier) *
                        p.duration_multiplier / kSecondsPerHour;
  return jobs;
}

// 2. The arrival rate of ordinary jobs: the target GPU-hours less the frontier's, per mean job.
double arrivals_per_s(const SyntheticWorkloadParams& p, const OrdinaryJobs& jobs, double horizon_s,
                      double frontier_gpu_h, Workload& w) {
  const double horizon_h = horizon_s / kSecondsPerHour;
  const double target_gpu_h = p.target_utilisation * static_cast<double>(p.campus_gpus) * horizon_h;
  const double ordinary_gpu_h = std::max(0.0, target_gpu_h - frontier_gpu_h);
  const double expected_jobs = ordinary_gpu_h / jobs.mean_job_gpu_h;
  if (expected_jobs > static_cast<double>(p.max_jobs)) {
    throw std::invalid_argument(fmt::format(
        "generate_workload: {:.3g} ordinary jobs expected (mean {:.3g} GPU-hours each) exceed "
        "max_jobs = {}; raise size_multiplier or duration_multiplier, add frontier jobs or lower "
        "the utilisation",
        expected_jobs, jobs.mean_job_gpu_h, p.max_jobs));
  }
  if (frontier_gpu_h > target_gpu_h) {
    w.warnings.push_back(fmt::format(
        "frontier jobs alone offer {:.4g} GPU-hours in the horizon, more than the target {:.4g} "
        "(utilisation {} x {} GPUs); no ordinary jobs were generated",
        frontier_gpu_h, target_gpu_h, p.target_utilisation, p.campus_gpus));
  }
  return expected_jobs / horizon_s;
}

// 3. Ordinary jobs: Poisson arrivals, gang sizes and capped log-normal run times from the fitted
// distributions, outcomes, flexibility and deadlines by their shares.
void add_ordinary_jobs(const SyntheticWorkloadParams& p, const OrdinaryJobs& jobs, double rate,
                       double horizon_s, std::uint64_t seed, Workload& w) {
  DeterministicRandom arrival_random(seed, 0, kArrivalStream);
  DeterministicRandom size_random(seed, 0, kSizeStream);
  DeterministicRandom run_random(seed, 0, kRunTimeStream);
  DeterministicRandom attribute_random(seed, 0, kAttributeStream);
  const GangSizeDistribution& sizes = jobs.sizes;
  std::vector<double> cumulative(static_cast<std::size_t>(sizes.max_log2) + 1);
  double sum = 0.0;
  for (int k = 0; k <= sizes.max_log2; ++k) {
    sum += sizes.probability(k);
    cumulative[static_cast<std::size_t>(k)] = sum;
  }
  w.jobs.reserve(w.jobs.size() + static_cast<std::size_t>(rate * horizon_s * 1.1) + 16);
  double t_s = 0.0;
  while (true) {
    t_s += -std::log(arrival_random.uniform_open()) / rate;
    if (t_s >= horizon_s) {
      break;
    }
    const double u = size_random.uniform() * sum;
    int log2_gpus = 0;
    while (log2_gpus < sizes.max_log2 && u >= cumulative[static_cast<std::size_t>(log2_gpus)]) {
      ++log2_gpus;
    }
    TrainingJob job;
    job.submit_s = t_s;
    job.earliest_start_s = t_s;
    job.gpus = (std::int32_t{1} << log2_gpus) * p.size_multiplier;
    const double log_median_s =
        std::log(jobs.run_time.median_s(static_cast<double>(std::int32_t{1} << log2_gpus)));
    const double run_s =
        std::clamp(std::exp(log_median_s + jobs.run_time.sigma * run_random.normal()), kMinRunS,
                   p.stats.max_run_s) *
        p.duration_multiplier;
    job.work_gpu_hours = static_cast<double>(job.gpus) * run_s / kSecondsPerHour;
    const double outcome = attribute_random.uniform();
    job.outcome = outcome < p.stats.fail_share                          ? JobOutcome::kFailed
                  : outcome < p.stats.fail_share + p.stats.cancel_share ? JobOutcome::kCancelled
                                                                        : JobOutcome::kCompleted;
    job.flexible = attribute_random.uniform() >= p.firm_share;
    if (attribute_random.uniform() < p.deadline_share) {
      job.deadline_s = t_s + p.deadline_slack * run_s;
    }
    job.priority = p.priority;
    job.checkpoint_interval_s = p.checkpoint_interval_s;
    job.checkpoint_write_s = p.checkpoint_write_s;
    job.restart_overhead_s = p.restart_overhead_s;
    w.jobs.push_back(job);
  }
}

}  // namespace

Workload generate_workload(const SyntheticWorkloadParams& p, double horizon_s, std::uint64_t seed) {
  check_params(p, horizon_s);
  Workload w;
  w.gpu_failure_rate_per_h = p.gpu_failure_rate_per_h;
  w.source = fmt::format(
      "synthetic workload calibrated to {} (AcmeTrace cluster_summary.csv), "
      "seed {}",
      p.stats.name, seed);
  const double frontier_gpu_h = add_frontier_jobs(p, horizon_s, seed, w);
  const OrdinaryJobs jobs = ordinary_jobs(p);
  const double rate = arrivals_per_s(p, jobs, horizon_s, frontier_gpu_h, w);
  if (rate > 0.0) {
    add_ordinary_jobs(p, jobs, rate, horizon_s, seed, w);
  }
  // Frontier jobs were pushed first: a stable sort keeps them ahead of ordinary jobs at a tie.
  std::stable_sort(w.jobs.begin(), w.jobs.end(), [](const TrainingJob& a, const TrainingJob& b) {
    return a.submit_s < b.submit_s;
  });
  for (std::size_t i = 0; i < w.jobs.size(); ++i) {
    w.jobs[i].id = static_cast<std::int64_t>(i);
  }
  return w;
}

}  // namespace stargate
