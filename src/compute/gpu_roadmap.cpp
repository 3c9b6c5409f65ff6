// The generation a refresh buys: see include/stargate/compute/gpu_roadmap.hpp.
#include "stargate/compute/gpu_roadmap.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace stargate {

double generation_price_factor(double years, const GpuTrend& trend) {
  return std::pow((1.0 + trend.performance_per_year) * (1.0 + trend.compute_price_per_year), years);
}

GpuType gpu_generation(const GpuType& installed, double years, const GpuTrend& trend) {
  if (!(trend.performance_per_year > -1.0 && trend.power_per_year > -1.0 &&
        trend.compute_price_per_year > -1.0 && years >= 0.0)) {
    throw std::invalid_argument("gpu_generation: trends must be above -100 % and years >= 0");
  }
  if (years == 0.0) return installed;
  GpuType next = installed;
  next.name = fmt::format("{}+{:g}y", installed.name, years);
  const double performance = std::pow(1.0 + trend.performance_per_year, years);
  const double power = std::pow(1.0 + trend.power_per_year, years);
  next.dense_bf16_flops *= performance;
  next.dense_fp8_flops *= performance;
  next.tdp_w *= power;
  next.idle_w *= power;
  next.rack_it_kw *= power;
  next.price_usd *= generation_price_factor(years, trend);
  next.source = fmt::format("{} moved {:g} years along the GPU trends (docs/finance.md)",
                            installed.name, years);
  return next;
}

std::int64_t gpus_in_building(double it_kw, const GpuType& type, std::int64_t installed_gpus) {
  const double per_gpu_kw = type.full_load_it_kw_per_gpu();
  if (!(per_gpu_kw > 0.0)) return installed_gpus;
  // A hair of tolerance: a building sized exactly for its GPUs keeps them all at t = 0.
  const auto fit = static_cast<std::int64_t>(std::floor(it_kw / per_gpu_kw * (1.0 + 1e-12)));
  return std::min(installed_gpus, fit);
}

}  // namespace stargate
