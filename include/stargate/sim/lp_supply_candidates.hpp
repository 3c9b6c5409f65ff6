// The scenario's batteries and gas plants as the aggregate assets of the supply LP
// (stargate/dispatch/supply_lp.hpp): one battery and one gas plant, capacities fixed at the
// scenario's totals, with the share of each online per step.
#pragma once

#include <optional>
#include <span>

#include "stargate/core/scenario.hpp"
#include "stargate/dispatch/supply_lp.hpp"

namespace stargate {

/// The batteries as one: power and energy summed; efficiencies, SOC limits and self-discharge
/// energy-weighted; `available` = online energy share on steps [first, first + steps) of `grid`;
/// charging from the grid as dispatch.battery_charge_from_grid. std::nullopt when there is none.
[[nodiscard]] std::optional<BatteryCandidate> lp_battery(std::span<const BatterySection> batteries,
                                                         bool charge_from_grid,
                                                         const TimeGrid& grid, std::size_t first,
                                                         std::size_t steps);

/// The gas plants as one: capacity summed; cost = full-load heat rate x fuel price + VOM and
/// CO2 = heat rate x 53.07 kg/MMBtu, capacity-weighted; ramp per step of the slowest plant;
/// `available` as for batteries. std::nullopt when there is none.
[[nodiscard]] std::optional<GasCandidate> lp_gas(std::span<const GasSection> plants,
                                                 const TimeGrid& grid, std::size_t first,
                                                 std::size_t steps);

}  // namespace stargate
