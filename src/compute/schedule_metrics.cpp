#include "stargate/compute/schedule_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// Nearest-rank percentile of sorted values: the ceil(q n)-th smallest (1-based), q in (0, 1].
double nearest_rank(const std::vector<double>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(q * n)));
  return sorted[std::min(rank, sorted.size()) - 1];
}

}  // namespace

std::size_t queue_size_class(std::int64_t gpus) {
  std::size_t c = 0;
  while (c < kQueueSizeClassMaxGpus.size() && gpus > kQueueSizeClassMaxGpus[c]) ++c;
  return c;
}

QueueTimeStats summarize_queue_times(std::span<const double> queue_times_s, std::int64_t censored) {
  QueueTimeStats stats;
  if (queue_times_s.empty()) return stats;
  stats.censored = censored;
  std::vector<double> sorted(queue_times_s.begin(), queue_times_s.end());
  std::sort(sorted.begin(), sorted.end());
  double sum_s = 0.0;
  for (double t : sorted) sum_s += t;
  stats.count = static_cast<std::int64_t>(sorted.size());
  stats.mean_s = sum_s / static_cast<double>(sorted.size());
  stats.p50_s = nearest_rank(sorted, 0.5);
  stats.p95_s = nearest_rank(sorted, 0.95);
  stats.p99_s = nearest_rank(sorted, 0.99);
  stats.max_s = sorted.back();
  return stats;
}

void FlexibilityTracker::add_step(double shed_kw, double step_s) {
  if (shed_kw > kShedEpsilonKw) {
    shed_kwh_ += shed_kw * step_s / kSecondsPerHour;
    if (!in_event_) {
      in_event_ = true;
      ++events_;
      current_event_s_ = 0.0;
    }
    current_event_s_ += step_s;
    longest_event_s_ = std::max(longest_event_s_, current_event_s_);
  } else {
    in_event_ = false;
  }
}

}  // namespace stargate
