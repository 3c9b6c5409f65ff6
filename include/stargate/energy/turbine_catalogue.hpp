// Built-in turbine power curves from published reference-turbine data (each entry names its
// source). Curves are at standard air density (1.225 kg/m3); the farm model corrects for density.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/wind_resource.hpp"

namespace stargate {

/// Names of the built-in turbines: "nrel-5mw-126", "nrel-atb-7mw-200", "bar-3.3mw-156".
[[nodiscard]] std::vector<std::string_view> turbine_names();

/// The named turbine's curve (with source, rotor diameter and rating). Throws
/// std::invalid_argument naming the known turbines (and the closest one) for an unknown name.
[[nodiscard]] PowerCurve catalogue_turbine(std::string_view name);

}  // namespace stargate
