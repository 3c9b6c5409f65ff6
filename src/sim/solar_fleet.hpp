// The campus's PV arrays as one supply: each [[solar]] array through the PV model, onto the grid.
#pragma once

#include <span>
#include <vector>

#include "sim/weather_to_grid.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/weather_series.hpp"
#include "stargate/energy/pv_system.hpp"

namespace stargate {

struct SolarFleet {
  double dc_capacity_kw = 0.0;
  double ac_capacity_kw = 0.0;
  double ac_capacity_hours = 0.0;  ///< sum over arrays of AC rating x hours online in the run
  PvLossBreakdown losses;          ///< summed over arrays for one weather year
};

/// Adds every array's available AC power (zero before its online date) into `solar_kw`
/// (grid.size() values, not cleared first).
SolarFleet add_solar_fleet(const std::vector<SolarSection>& arrays, const WeatherSeries& weather,
                           const WeatherToGrid& to_grid, const TimeGrid& grid,
                           std::span<double> solar_kw);

}  // namespace stargate
