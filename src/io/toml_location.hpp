// Source locations of toml++ nodes, shared by the loader and the override parser.
#pragma once

#include <toml++/toml.h>

#include <string>

#include "stargate/core/errors.hpp"

namespace stargate {

/// Prefix of the source path given to values that come from `--set` on the command line.
inline constexpr std::string_view kOverrideSourcePrefix = "--set ";

/// The location of a toml++ source region; `fallback_file` when the region has no path.
[[nodiscard]] inline SourceLocation location_of(const toml::source_region& region,
                                                const std::string& fallback_file) {
  const std::string file = region.path ? *region.path : fallback_file;
  if (file.starts_with(kOverrideSourcePrefix)) {
    return SourceLocation{file, 0, 0, true};
  }
  return SourceLocation{file, static_cast<int>(region.begin.line),
                        static_cast<int>(region.begin.column)};
}

}  // namespace stargate
