// Grid prices and carbon intensity on the run's grid: a year of values from the input stage
// placed by calendar position (weather_to_grid.hpp), or the flat value of [grid].
#pragma once

#include <optional>
#include <span>

#include "stargate/core/market_series.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {

/// out[i] = the year's value over step i, or `flat` at every step when there is no year.
void place_market_values(const std::optional<MarketSeries>& year, double flat, const TimeGrid& grid,
                         std::span<double> out);

}  // namespace stargate
