// Pool power and the power-cap curves. Equations, fit, worked numbers and sources are at the top
// of include/stargate/compute/gpu_power.hpp and in docs/compute-power.md.
#include "stargate/compute/gpu_power.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "stargate/core/units.hpp"

namespace stargate {

double evaluate_power_cap_curve(const PowerCapCurve& curve, double cap_fraction) {
  assert(cap_fraction > 0.0 && cap_fraction <= 1.0);
  const double c = std::clamp(cap_fraction, 0.0, 1.0);
  double y = 0.0;
  if (c >= curve.knee_fraction) {
    y = 1.0 - curve.a * std::pow(1.0 - c, curve.b);
  } else {
    const double at_knee = 1.0 - curve.a * std::pow(1.0 - curve.knee_fraction, curve.b);
    y = at_knee - curve.below_knee_slope * (curve.knee_fraction - c);
  }
  return std::clamp(y, kMinRelative, 1.0);
}

double relative_throughput(double cap_fraction) {
  return evaluate_power_cap_curve(kZeusV100Throughput, cap_fraction);
}

double relative_power(double cap_fraction) {
  return evaluate_power_cap_curve(kZeusV100Power, cap_fraction);
}

double busy_gpu_power_w(const GpuType& type, double activity, double cap_fraction) {
  assert(activity >= 0.0 && activity <= 1.0);
  assert(cap_fraction >= 0.0 && cap_fraction <= 1.0);
  const double cap_w = std::max(type.idle_w, cap_fraction * type.tdp_w);
  return type.idle_w + (cap_w - type.idle_w) * activity;
}

double pool_it_power_kw(const GpuType& type, double gpus_total, double gpus_busy, double activity,
                        double power_cap_fraction) {
  assert(gpus_busy >= 0.0 && gpus_busy <= gpus_total);
  const double gpu_w = gpus_busy * busy_gpu_power_w(type, activity, power_cap_fraction) +
                       (gpus_total - gpus_busy) * type.idle_w;
  return gpu_w * type.node_overhead_factor * (1.0 + type.network_storage_fraction) / kWPerKw;
}

}  // namespace stargate
