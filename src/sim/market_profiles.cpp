#include "sim/market_profiles.hpp"

#include <algorithm>

#include "sim/weather_to_grid.hpp"

namespace stargate {

void place_market_values(const std::optional<MarketSeries>& year, double flat, const TimeGrid& grid,
                         std::span<double> out) {
  if (!year) {
    std::fill(out.begin(), out.end(), flat);
    return;
  }
  WeatherToGrid(year_rows(*year), grid).apply(year->value, out);
}

}  // namespace stargate
