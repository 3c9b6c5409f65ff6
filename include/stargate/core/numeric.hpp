// Numerical helpers shared by models and KPIs.
#pragma once

#include <span>

namespace stargate {

/// Sum with Neumaier's compensated summation (an improved Kahan-Babuska sum; A. Neumaier,
/// ZAMM 54, 1974): the error stays near one rounding whatever the length, so yearly totals of
/// 525,600 one-minute steps keep their digits.
[[nodiscard]] double compensated_sum(std::span<const double> values);

}  // namespace stargate
