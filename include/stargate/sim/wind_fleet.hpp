// The campus's wind farms as one supply: the run's wind resource through each [[wind]] farm,
// onto the grid.
#pragma once

#include <span>
#include <string>
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

/// The scenario's SRW file (relative to the scenario file), or synthetic wind for the run's
/// start year and seed calibrated to [site.wind] mean_speed at height. Appends repairs and
/// assumptions to `warnings`. InputError for a bad file or one that is not a whole year.
[[nodiscard]] WindResource load_run_wind(const Scenario& scenario,
                                         std::vector<std::string>& warnings);

/// The power curve of farm `index`: its power_curve file, or the catalogue turbine. InputError,
/// located at the farm's field, for an unknown turbine or a bad file.
[[nodiscard]] PowerCurve farm_power_curve(const Scenario& scenario, std::size_t index);

/// Adds every farm's power (zero before its online date) into `wind_kw` (not cleared first).
/// InputError, located at the farm's field, for an unknown turbine or a bad power-curve file.
WindFleet add_wind_fleet(const Scenario& scenario, const WindResource& resource,
                         const TimeGrid& grid, std::span<double> wind_kw);

}  // namespace stargate
