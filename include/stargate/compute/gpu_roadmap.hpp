// The GPU a refresh buys: the installed type moved along published hardware trends
// (docs/finance.md, "Refreshes").
//
// A generation bought t years after the installed one (t = years between their purchases):
//   dense FLOP/s        x (1 + p)^t     p = performance per GPU, +35 %/yr: Epoch AI, "Trends in
//                                       Machine Learning Hardware" (2023), FLOP/s of ML GPUs
//                                       doubling about every 2.3 years (M);
//   TDP and idle power  x (1 + w)^t     w = power per GPU, +10 %/yr (L: H100 700 W in 2023 to
//                                       GB300 1,400 W in 2026 was +26 %/yr; rack power and
//                                       cooling limits slow it);
//   price per GPU       x ((1 + p)(1 + c))^t   c = price of compute, -24.2 %/yr: Epoch AI, FLOP/s
//                                       per dollar of ML GPUs doubling about every 2.5 years
//                                       (1 / 2^(1/2.5) - 1) (M).
// The contract's price of a GPU-hour moves with the compute it delivers at the same market price
// of compute: x ((1 + p)(1 + c))^t, so the tenant's margin per unit of compute holds while
// buildings hold fewer, stronger GPUs. A building keeps its IT capacity: it holds
//   floor(it_capacity / full-load IT power per GPU) GPUs of a generation, at most as many as the
// first fit when its power per GPU is not higher.
// Worked numbers (tests): from GB200 (2025), t = 5 gives 1.35^5 = 4.48x the dense BF16 (11.2
// PFLOP/s), 1.61x the power (1,933 W) and 1.122x the price per GPU (112.2 k$); a 90.3 MW
// building then holds 31,046 GPUs instead of 50,000. Check: NVIDIA's Vera Rubin NVL144 (GTC 2025,
// for 2026-27) is announced at 3.3x the FP8 of GB300, in line with 1.35^4 = 3.3. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>

#include "stargate/compute/gpu_catalogue.hpp"

namespace stargate {

struct GpuTrend {
  double performance_per_year = 0.35;      ///< p, dense FLOP/s per GPU
  double power_per_year = 0.10;            ///< w, TDP per GPU
  double compute_price_per_year = -0.242;  ///< c, price per unit of compute (> -1)
};

/// The generation bought `years` after `installed` (see above), named "<name>+<years>y".
/// Throws std::invalid_argument for rates at or below -100 % or a negative `years`.
[[nodiscard]] GpuType gpu_generation(const GpuType& installed, double years, const GpuTrend& trend);

/// ((1 + p)(1 + c))^years: the price per GPU and per GPU-hour of that generation over the
/// installed one's.
[[nodiscard]] double generation_price_factor(double years, const GpuTrend& trend);

/// GPUs of `type` a building of `it_kw` holds, at most `installed_gpus`:
/// min(installed_gpus, floor(it_kw / type.full_load_it_kw_per_gpu())).
[[nodiscard]] std::int64_t gpus_in_building(double it_kw, const GpuType& type,
                                            std::int64_t installed_gpus);

}  // namespace stargate
