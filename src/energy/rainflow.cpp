// Rainflow counting, ASTM E1049-85 section 5.4.4; the equations, the steps and a worked number are
// in include/stargate/energy/rainflow.hpp.
#include "stargate/energy/rainflow.hpp"

#include <cmath>

namespace stargate {
namespace {

// Calls visit(value, index) for each turning point of `series`, in order: the first point, every
// reversal (the last point of a flat run at an extremum) and the last point. Streaming, so the
// counter needs no separate turning-point array.
template <typename Visit>
void for_each_turning_point(std::span<const double> series, Visit&& visit) {
  if (series.empty()) {
    return;
  }
  visit(series[0], std::size_t{0});
  double candidate = series[0];
  std::size_t candidate_index = 0;
  int direction = 0;  // +1 rising, -1 falling, 0 not yet moved from the first point
  for (std::size_t i = 1; i < series.size(); ++i) {
    const double value = series[i];
    if (direction == 0) {
      if (value != candidate) {
        direction = value > candidate ? 1 : -1;
        candidate = value;
        candidate_index = i;
      }
      continue;
    }
    const bool same_way = direction > 0 ? value >= candidate : value <= candidate;
    if (same_way) {
      candidate = value;
      candidate_index = i;
    } else {
      visit(candidate, candidate_index);
      direction = -direction;
      candidate = value;
      candidate_index = i;
    }
  }
  if (direction != 0) {
    visit(candidate, candidate_index);
  }
}

}  // namespace

std::vector<std::size_t> turning_point_indices(std::span<const double> series) {
  std::vector<std::size_t> indices;
  for_each_turning_point(series, [&](double, std::size_t index) { indices.push_back(index); });
  return indices;
}

std::span<const RainflowCycle> RainflowCounter::count(std::span<const double> series) {
  stack_values_.clear();
  stack_indices_.clear();
  cycles_.clear();
  // The stack holds turning points from `head` (the starting point S of E1049 5.4.4) to its end.
  // Step 5 discards S by moving `head` up, which keeps that operation O(1).
  std::size_t head = 0;
  const auto add_cycle = [&](std::size_t a, std::size_t b, double count) {
    const double va = stack_values_[a];
    const double vb = stack_values_[b];
    cycles_.push_back(
        {std::abs(va - vb), 0.5 * (va + vb), count, stack_indices_[a], stack_indices_[b]});
  };
  for_each_turning_point(series, [&](double value, std::size_t index) {
    // Step 1: read the next peak or valley.
    stack_values_.push_back(value);
    stack_indices_.push_back(index);
    // Step 2: while at least three points, form X (latest range) and Y (the range before it).
    while (stack_values_.size() - head >= 3) {
      const std::size_t n = stack_values_.size();
      const double x = std::abs(stack_values_[n - 1] - stack_values_[n - 2]);
      const double y = std::abs(stack_values_[n - 2] - stack_values_[n - 3]);
      // Step 3: X < Y -> read on.
      if (x < y) {
        break;
      }
      if (n - head == 3) {
        // Step 5: Y contains S: a half cycle; discard S, which moves to Y's second point.
        add_cycle(n - 3, n - 2, 0.5);
        ++head;
      } else {
        // Step 4: a full cycle; discard both points of Y and keep X's last point.
        add_cycle(n - 3, n - 2, 1.0);
        stack_values_[n - 3] = stack_values_[n - 1];
        stack_indices_[n - 3] = stack_indices_[n - 1];
        stack_values_.resize(n - 2);
        stack_indices_.resize(n - 2);
      }
    }
  });
  // Step 6: every range not yet counted is a half cycle.
  for (std::size_t i = head; i + 1 < stack_values_.size(); ++i) {
    add_cycle(i, i + 1, 0.5);
  }
  return cycles_;
}

std::vector<RainflowCycle> rainflow_count(std::span<const double> series) {
  RainflowCounter counter;
  const std::span<const RainflowCycle> cycles = counter.count(series);
  return {cycles.begin(), cycles.end()};
}

double rainflow_cycles_in_range(std::span<const RainflowCycle> cycles, double range_low,
                                double range_high) {
  double total = 0.0;
  for (const RainflowCycle& cycle : cycles) {
    if (cycle.range >= range_low && cycle.range < range_high) {
      total += cycle.count;
    }
  }
  return total;
}

}  // namespace stargate
