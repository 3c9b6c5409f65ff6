// Grid prices and carbon intensity on the run's grid, from [grid] and [grid.market].
#pragma once

#include <span>
#include <string>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {

/// Energy price (USD/MWh) at every step: flat, synthetic ERCOT-like prices (mean grid.price,
/// the run's seed, the start year's calendar reused every year), a generic CSV or ERCOT's long
/// format. Appends reader repairs to `warnings`; InputError for a bad or partial-year file.
void fill_prices(const Scenario& scenario, const TimeGrid& grid,
                 std::span<double> price_usd_per_mwh, std::vector<std::string>& warnings);

/// Grid carbon intensity (kg CO2/MWh) at every step: grid.carbon_intensity, or an hourly file.
void fill_carbon_intensity(const Scenario& scenario, const TimeGrid& grid,
                           std::span<double> carbon_kg_per_mwh, std::vector<std::string>& warnings);

}  // namespace stargate
