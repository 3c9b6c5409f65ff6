// The campus's wind farms as one supply: the run's wind resource through each [[wind]] farm,
// onto the grid.
#pragma once

#include <span>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/wind_resource.hpp"

namespace stargate {

struct WindFleet {
  double capacity_kw = 0.0;     ///< turbines x rating, all farms
  double capacity_hours = 0.0;  ///< sum over farms of capacity x hours online in the run
  double wake_loss_kwh = 0.0;   ///< over one resource year, all farms
};

/// Capacity of a farm: turbines x the rating of its curve (the one place it is derived).
[[nodiscard]] double farm_capacity_kw(const WindSection& farm, const PowerCurve& curve);

/// Adds every farm's power (zero before its online date) into `wind_kw` (not cleared first);
/// `curves` has one power curve per farm (RunInputs::farm_curves).
WindFleet add_wind_fleet(const Scenario& scenario, const std::vector<PowerCurve>& curves,
                         const WindResource& resource, const TimeGrid& grid,
                         std::span<double> wind_kw);

}  // namespace stargate
