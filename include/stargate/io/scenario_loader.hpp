// Loading a scenario file: TOML -> validated, defaulted, typed Scenario in internal units.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "stargate/core/scenario.hpp"

namespace stargate {

/// Reads, overrides, validates and binds a scenario file.
///
/// `overrides` are "PATH=VALUE" assignments (`--set` on the command line) applied to the parsed
/// file before validation, so they pass the same checks: PATH is a field path such as
/// "scenario.step" or "building[0].it_capacity" (array entries counted from 0); VALUE is read as
/// a TOML value, and as a string when it is not one ("5min" and "\"5 min\"" are the same).
///
/// Throws InputError listing every problem found, each with file, line, column and field:
/// TOML syntax, empty or binary files, unknown tables and keys (with a suggestion), wrong types
/// and units, values out of bounds, missing required fields, duplicate names, dates outside the
/// run and a step or duration the time grid cannot take.
[[nodiscard]] Scenario load_scenario(const std::filesystem::path& file,
                                     std::span<const std::string> overrides = {});

/// The same from text in memory; `source_name` is used as the file name in diagnostics.
[[nodiscard]] Scenario load_scenario_text(std::string_view text, const std::string& source_name,
                                          std::span<const std::string> overrides = {});

}  // namespace stargate
