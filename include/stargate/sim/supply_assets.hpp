// Model parameters of the scenario's batteries and gas plants.
#pragma once

#include "stargate/core/scenario.hpp"
#include "stargate/energy/battery.hpp"
#include "stargate/energy/gas_plant.hpp"

namespace stargate {

/// Round-trip efficiency split equally: charge = discharge = sqrt(round trip).
[[nodiscard]] BatteryParams battery_params(const BatterySection& battery);

/// The aeroderivative part-load curve scaled to the section's full-load heat rate.
[[nodiscard]] GasPlantParams gas_params(const GasSection& gas);

}  // namespace stargate
