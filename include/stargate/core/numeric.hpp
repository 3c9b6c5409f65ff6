// Numerical helpers shared by models and KPIs.
#pragma once

#include <cstdint>
#include <span>

namespace stargate {

/// Sum with Neumaier's compensated summation (an improved Kahan-Babuska sum; A. Neumaier,
/// ZAMM 54, 1974): the error stays near one rounding whatever the length, so yearly totals of
/// 525,600 one-minute steps keep their digits.
[[nodiscard]] double compensated_sum(std::span<const double> values);

/// Floor division (rounds toward minus infinity, unlike `/`), for times before 1970 and negative
/// offsets: floor_div(-1, 86400) = -1. `b` != 0.
[[nodiscard]] inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - static_cast<std::int64_t>((a % b != 0) && ((a < 0) != (b < 0)));
}

/// numerator / denominator, or 0 where the denominator is not positive (a share or a factor of
/// nothing, e.g. a capacity factor without capacity).
[[nodiscard]] inline double ratio_or_zero(double numerator, double denominator) {
  return denominator > 0.0 ? numerator / denominator : 0.0;
}

}  // namespace stargate
