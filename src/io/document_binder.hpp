// The schema binder shared by every file type read through the declarative schema: scenario
// files (scenario_loader.cpp) and programme files (programme_loader.cpp). Defined in
// scenario_loader.cpp, which holds the binder itself.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/errors.hpp"
#include "stargate/io/schema.hpp"

namespace stargate {

/// Parses TOML text; InputError located at the syntax error otherwise.
[[nodiscard]] toml::table parse_toml_document(std::string_view text,
                                              const std::string& source_name);

/// Binds a parsed file to `document` (the object the schema's tables point into) against
/// `schema`: unknown tables and keys with a suggestion, types, units, bounds, defaults, required
/// fields, unique names. Records where each field was written in `sources`; returns the problems.
[[nodiscard]] std::vector<Diagnostic> bind_document(const Schema& schema, const toml::table& root,
                                                    void* document, SourceIndex& sources,
                                                    const std::string& source_name);

/// Orders diagnostics by file position (command-line ones last).
void sort_by_location(std::vector<Diagnostic>& diagnostics);

}  // namespace stargate
