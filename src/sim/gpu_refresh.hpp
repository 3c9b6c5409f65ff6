// The GPUs each building holds over a finance horizon: the first purchase at its online date,
// then a refresh every finance.gpu_life years, buying the generation of its year when
// finance.gpu_roadmap is on (stargate/compute/gpu_roadmap.hpp), else the same GPUs at the same
// price. Used by the capital assets (what each refresh costs) and by the operating years (which
// GPUs run in a year). Docs: docs/finance.md, "Refreshes".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "stargate/compute/gpu_roadmap.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/inputs/run_inputs.hpp"

namespace stargate {

/// One purchase of a building's GPUs.
struct GpuPurchase {
  LocalTime online;
  double years_after_first = 0.0;  ///< t of gpu_roadmap.hpp
  GpuType type;
  std::int64_t gpus = 0;
  double price_usd = 0.0;              ///< gpus x type.price_usd
  double gpu_hour_price_factor = 1.0;  ///< on finance.gpu_hour_price
};

/// The trends of finance.gpu_* and compute_price_trend.
[[nodiscard]] GpuTrend gpu_trend(const FinanceSection& finance);

/// Building `b`'s purchases before `until` (at least the first).
[[nodiscard]] std::vector<GpuPurchase> building_gpu_purchases(const Scenario& scenario,
                                                              const RunInputs& inputs,
                                                              std::size_t b, LocalTime until);

/// The index of the purchase in service at `time` (none before the first).
[[nodiscard]] std::optional<std::size_t> purchase_in_service(
    const std::vector<GpuPurchase>& purchases, LocalTime time);

/// The scenario and inputs of a year whose buildings run the purchases in service at `time`:
/// each refreshed building's GPU count and type, and the GPUs of the services it hosts scaled
/// by the same ratio. Also returns the GPU-hour price factor of that fleet (weighted by GPUs).
struct RefreshedFleet {
  Scenario scenario;
  RunInputs inputs;
  double gpu_hour_price_factor = 1.0;
};
[[nodiscard]] std::optional<RefreshedFleet> refreshed_fleet(const Scenario& scenario,
                                                            const RunInputs& inputs,
                                                            LocalTime time);

}  // namespace stargate
