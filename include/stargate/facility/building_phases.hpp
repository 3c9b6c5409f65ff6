// Building phases: which buildings carry load at each step of the run.
//
// A building is online from the first step whose start is at or after its online date (a
// building online before the run starts is online from step 0) and stays online to the end.
#pragma once

#include <span>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {

/// Fills, for every step of `grid`, the IT capacity and the GPUs of the buildings online.
/// Both spans must have grid.size() values.
void fill_online_capacity(std::span<const BuildingSection> buildings, const TimeGrid& grid,
                          std::span<double> online_it_capacity_kw, std::span<double> online_gpus);

}  // namespace stargate
