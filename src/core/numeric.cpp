#include "stargate/core/numeric.hpp"

#include <cmath>

namespace stargate {

double compensated_sum(std::span<const double> values) {
  double sum = 0.0;
  double compensation = 0.0;
  for (const double value : values) {
    const double next = sum + value;
    compensation += std::abs(sum) >= std::abs(value) ? (sum - next) + value : (value - next) + sum;
    sum = next;
  }
  return sum + compensation;
}

}  // namespace stargate
