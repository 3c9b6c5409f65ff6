// `--set PATH=VALUE` overrides applied to a parsed TOML tree.
#pragma once

#include <toml++/toml.h>

#include <string_view>

namespace stargate {

/// Applies one "PATH=VALUE" assignment to `root`, creating missing tables. Throws InputError
/// (located at the argument) when the assignment has no '=', an empty or malformed path, or
/// indexes an array entry that does not exist. The value is not validated here: the scenario
/// loader validates it with the rest of the file.
void apply_override(toml::table& root, std::string_view assignment);

}  // namespace stargate
