// The IT and facility load of one step: the GPU fleet under a power budget, or a constant
// utilisation of the online IT capacity; facility power = PUE x IT power, with the PUE from the
// outdoor temperature (liquid cooling with dry coolers) or constant.
#pragma once

#include <cstddef>
#include <optional>

#include "sim/compute_fleet.hpp"
#include "stargate/compute/constant_utilisation.hpp"
#include "stargate/facility/constant_pue.hpp"
#include "stargate/facility/cooling.hpp"
#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/run_series.hpp"

namespace stargate {

class LoadModel {
 public:
  LoadModel(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid);

  [[nodiscard]] double pue(const RunSeries& series, std::size_t step) const;
  /// Whether the load is the GPU fleet (which takes a power budget).
  [[nodiscard]] bool fleet() const { return fleet_.has_value(); }
  /// The step whose renewables the power budget sees (the last one under persistence).
  [[nodiscard]] std::size_t seen(std::size_t step) const {
    return persistence_ && step > 0 ? step - 1 : step;
  }

  /// The load of `step` at `pue` into the series; `supply_kw` (fleet only) is what the supply
  /// can deliver.
  void step(RunSeries& series, std::size_t step, double pue, double supply_kw);

  [[nodiscard]] std::optional<ScheduleMetrics> metrics() const;
  [[nodiscard]] std::optional<ComputeThroughput> throughput() const;

 private:
  ConstantUtilisation constant_load_;
  ConstantPue constant_pue_;
  CoolingModel cooling_;
  bool weather_cooling_;
  bool persistence_;
  std::optional<ComputeFleet> fleet_;
};

}  // namespace stargate
