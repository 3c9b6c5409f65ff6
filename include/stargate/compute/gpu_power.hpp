// Power of a pool of identical GPUs, and what a power cap does to throughput and power draw.
//
// Pool IT power (per pool, all GPUs identical; W -> kW at the end):
//   P_cap  = c * TDP                                   (c = power-cap fraction of TDP, 0..1]
//   P_busy = P_idle + (P_cap - P_idle) * a             (a = activity of busy GPUs, 0..1)
//   P_pool = [N_busy * P_busy + (N - N_busy) * P_idle] * k_node * (1 + f_net)
// k_node is the whole-node overhead over GPU power (CPUs, memory, NICs, switches, fans, power
// supplies; x1.4 NVL72, x1.8 HGX) and f_net the network fabric and storage share (+5-10 %), both
// from ../shared/FACTS.md (Compute). A cap below the idle power leaves busy GPUs at idle power.
// Worked number: one GB200 NVL72 rack (72 GPUs, TDP 1,200 W, idle 180 W, k_node 1.4, f_net 7.5 %)
// at full load (a = 1, c = 1): 72 * 1,200 W * 1.4 * 1.075 = 130.0 kW (FACTS.md: ~120 kW IT per
// rack, 115-140 kW). All 72 GPUs idle: 72 * 180 W * 1.4 * 1.075 = 19.5 kW.
//
// Power cap -> throughput and power (a curve fitted offline to measured data):
//   y(c) = 1 - A (1 - c)^B                        for c >= c_knee
//   y(c) = y(c_knee) - S (c_knee - c)             for c <  c_knee (linear below the knee)
// clamped to [kMinRelative, 1]. y is relative throughput (1 / relative time per epoch) or relative
// average power drawn (capped / uncapped). Data: Zeus (You, Chung and Chowdhury, "Zeus:
// Understanding and Optimizing GPU Energy Consumption of DNN Training", USENIX NSDI 2023), the
// median over six DNN workloads per power limit in ../shared/data/traces/zeus_nsdi23_trace/
// DERIVED_powercap_median_by_gpu.csv. Fit: least squares on y; B on a 0.001 grid with A in closed
// form for the points at or above the knee, S in closed form for the points below it (continuous
// at the knee), knee on a 0.005 grid minimising the total squared error.
// Default fit (V100, the data-centre training GPU of the set; its medians are FACTS.md's
// "Power cap -> speed" row):
//   throughput: A = 0.4346, B = 1.605, c_knee = 0.505, S = 1.2843; 7 points, RMSE 0.0018, max
//               error 0.0035 (in relative throughput)
//   power:      A = 0.9106, B = 1.177 (no knee);                  7 points, RMSE 0.0055, max
//               error 0.0082 (in relative power)
// Worked numbers: c = 0.7 -> throughput 0.937 (time x1.067; measured x1.063), power 0.779
// (measured 0.781); c = 0.5 -> throughput 0.853 (time x1.172; measured x1.173), power 0.597
// (measured 0.591). Across all four GPUs of the trace (A40, P100, RTX6000, V100; 30 points) the
// V100 curve's throughput error is RMSE 0.080, max 0.285 (A40 at c = 0.42): the curve is a
// property of the GPU and workload. kZeusPooled* are the fits to all 30 points (throughput RMSE
// 0.045, max 0.146; power RMSE 0.064, max 0.165). Measured range: c = 0.33-1; below it the
// curves are extrapolations. docs/compute-power.md has the tables.
//
// The pool formula and relative_power answer different questions: the pool formula is the
// engine's power model (activity a of a GPU whose ceiling is c * TDP); relative_power is the
// measured average draw under a cap relative to the same workload uncapped, for reports and
// for checking a scheduler's cap choices. All functions are pure, allocate nothing and are
// thread-safe.
#pragma once

#include "stargate/compute/gpu_catalogue.hpp"

namespace stargate {

/// y(c) = 1 - a (1 - c)^b above the knee, linear with slope below it (see the file comment).
struct PowerCapCurve {
  double a = 0.0;                 ///< A
  double b = 1.0;                 ///< B (> 0)
  double knee_fraction = 0.0;     ///< c_knee, 0..1 (0: no knee)
  double below_knee_slope = 0.0;  ///< S, relative units per unit cap fraction (>= 0)
};

/// Smallest relative throughput or power a curve returns (extrapolation far below the data).
inline constexpr double kMinRelative = 0.05;

/// Zeus V100 medians (default): relative throughput, RMSE 0.0018, max error 0.0035.
inline constexpr PowerCapCurve kZeusV100Throughput{0.4346, 1.605, 0.505, 1.2843};
/// Zeus V100 medians (default): relative average power, RMSE 0.0055, max error 0.0082.
inline constexpr PowerCapCurve kZeusV100Power{0.9106, 1.177, 0.0, 0.0};
/// All four Zeus GPUs (30 medians): relative throughput, RMSE 0.0446, max error 0.1458.
inline constexpr PowerCapCurve kZeusPooledThroughput{0.4356, 1.994, 0.515, 2.7679};
/// All four Zeus GPUs (30 medians): relative average power, RMSE 0.0636, max error 0.1649.
inline constexpr PowerCapCurve kZeusPooledPower{0.9821, 1.579, 0.0, 0.0};

/// The curve at cap fraction `cap_fraction` (0 < c <= 1; asserted), clamped to [kMinRelative, 1].
[[nodiscard]] double evaluate_power_cap_curve(const PowerCapCurve& curve, double cap_fraction);

/// Relative throughput (work per second, 1 uncapped) at a power cap of `cap_fraction` of TDP, by
/// the default (V100) fit. Time for a fixed amount of work scales by 1 / relative_throughput.
[[nodiscard]] double relative_throughput(double cap_fraction);
/// Relative average power drawn (1 uncapped) at a power cap of `cap_fraction` of TDP, by the
/// default (V100) fit.
[[nodiscard]] double relative_power(double cap_fraction);

/// Power of one busy GPU, W: idle + (cap - idle) * activity, cap = cap_fraction * TDP (at least
/// the idle power). activity and cap_fraction in [0, 1] (asserted).
[[nodiscard]] double busy_gpu_power_w(const GpuType& type, double activity, double cap_fraction);

/// IT power of a pool of `gpus_total` identical GPUs, `gpus_busy` of them busy (0 <= busy <=
/// total; fractional counts allowed for averages), kW, including node overhead and the network and
/// storage share. `type` must be valid (validate_gpu_type); arguments are asserted.
[[nodiscard]] double pool_it_power_kw(const GpuType& type, double gpus_total, double gpus_busy,
                                      double activity, double power_cap_fraction);

}  // namespace stargate
