// Rainflow cycle counting, ASTM E1049-85 (reapproved 2017), "Standard Practices for Cycle Counting
// in Fatigue Analysis", section 5.4.4 (rainflow counting of a whole history, not the simplified
// repeating-history variant of 5.4.5).
//
// The series is first reduced to its turning points (peaks and valleys: every point where the
// direction reverses, plus the first and last points; flat runs count once). The turning points are
// then read one at a time onto a stack; X is the range between the last two points and Y the range
// before it; S is the starting point of the history (the bottom of the stack):
//   1. read the next point; none left -> step 6;
//   2. fewer than three points -> step 1; otherwise form X and Y;
//   3. X < Y -> step 1;
//   4. Y contains S -> step 5; else count Y as one cycle, discard both its points, go to step 2;
//   5. count Y as one half cycle, discard its first point (S moves to its second point), step 2;
//   6. count every range left on the stack as one half cycle.
// Each counted cycle carries its range |a - b|, its mean (a + b) / 2 and its count (1 or 0.5).
//
// Worked number (the standard's example, Fig. 6 of E1049): the history -2, 1, -3, 5, -1, 3, -4, 4,
// -2 gives half cycles of range 3, 4, 8, 9, 8, 6 and one full cycle of range 4, that is range 3:
// 0.5, 4: 1.5, 6: 0.5, 8: 1.0, 9: 0.5 (derived step by step in
// tests/unit/energy/rainflow_test.cpp).
//
// Cost: O(n) time in the length of the series; memory for the turning points. The counter keeps its
// buffers between calls, so repeated counting of series of similar length does not allocate.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace stargate {

/// One counted cycle or half cycle.
struct RainflowCycle {
  double range = 0.0;           ///< |a - b| of the two turning points, in the series' unit
  double mean = 0.0;            ///< (a + b) / 2
  double count = 0.0;           ///< 1.0 for a full cycle, 0.5 for a half cycle
  std::size_t start_index = 0;  ///< index in the series of the earlier turning point
  std::size_t end_index = 0;    ///< index in the series of the later turning point
};

/// Indices of the turning points of `series`: the first and last points and every point where the
/// direction reverses (the last point of a flat run at an extremum). Empty for an empty series; one
/// index for a constant series.
[[nodiscard]] std::vector<std::size_t> turning_point_indices(std::span<const double> series);

/// Counts the cycles of `series` with ASTM E1049-85 5.4.4 rainflow counting. Reuse one counter for
/// many series to keep its buffers. Not thread-safe: one counter per thread.
class RainflowCounter {
 public:
  /// Counts the cycles of `series` (any finite values; turning points are found internally). The
  /// returned span is valid until the next call. Cycles appear in the order they are counted:
  /// closed cycles and start-point half cycles as the series is read, then the residual half
  /// cycles from the oldest to the newest.
  std::span<const RainflowCycle> count(std::span<const double> series);

 private:
  std::vector<double> stack_values_;
  std::vector<std::size_t> stack_indices_;
  std::vector<RainflowCycle> cycles_;
};

/// Convenience: counts the cycles of `series` with a fresh counter.
[[nodiscard]] std::vector<RainflowCycle> rainflow_count(std::span<const double> series);

/// Sum of count over the cycles whose range lies in [range_low, range_high): the rows of the
/// standard's cycle-count table.
[[nodiscard]] double rainflow_cycles_in_range(std::span<const RainflowCycle> cycles,
                                              double range_low, double range_high);

}  // namespace stargate
