// Turbine power curves from CSV: a header `wind_speed_m_s,power_kw` (also "wind speed", "ws",
// "Wind Speed [m/s]"; "power", "Power [kW]"; any order, other columns ignored), then one point per
// line. Lines starting with '#' are comments (the first comment, if any, becomes the curve's
// source text). Errors (InputError with file, line, column, field): missing columns, non-numeric
// or non-finite cells, negative speed or power, speeds not strictly increasing, fewer than 3
// points, no point with power above 0.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "stargate/core/wind_resource.hpp"

namespace stargate {

/// Reads a power-curve CSV. The curve is named after the file stem; rated_kw is the largest power
/// in the curve; rotor_diameter_m is `rotor_diameter_m` (0 when unknown: no wake model then).
[[nodiscard]] PowerCurve read_power_curve_file(const std::filesystem::path& path,
                                               double rotor_diameter_m = 0.0);

/// The same from text in memory; `name` is the file name in diagnostics.
[[nodiscard]] PowerCurve read_power_curve_text(std::string_view text, const std::string& name,
                                               double rotor_diameter_m = 0.0);

}  // namespace stargate
