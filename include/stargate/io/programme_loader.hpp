// Loading a programme file: TOML -> validated Programme plus each campus's validated Scenario.
//
// The programme file is bound through the same declarative schema machinery as scenario files
// (src/io/schema_programme_tables.cpp), so it gets the same checks and messages: unknown tables
// and keys with a suggestion, types, units, bounds, required fields, duplicate names, each as
// `FILE:LINE:COL: error: field: message`. Campus files are resolved relative to the programme
// file; a missing one is an error located at its `file` key. Each campus file is then loaded as
// a scenario (its own errors name the campus file) and shifted by start_shift_months.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/finance_window.hpp"
#include "stargate/core/programme.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/io/schema.hpp"

namespace stargate {

struct LoadedProgramme {
  Programme programme;
  std::vector<Scenario> sites;  ///< one per [[campus]], in order, dates already shifted
  FinanceWindow window;         ///< the programme's quarters (see programme.analysis_years)
};

/// The programme file's schema (immutable, built on first use).
[[nodiscard]] const Schema& programme_schema();

/// Reads and validates a programme file and every campus file it lists. Throws InputError with
/// every problem found, each located in the file it is in.
[[nodiscard]] LoadedProgramme load_programme(const std::filesystem::path& file);

/// The same from text in memory; campus files are resolved against `base_directory`.
[[nodiscard]] LoadedProgramme load_programme_text(std::string_view text,
                                                  const std::string& source_name,
                                                  const std::filesystem::path& base_directory);

/// Whether a file looks like a programme (it has a [programme] or [[campus]] table); false for
/// anything that does not parse.
[[nodiscard]] bool is_programme_file(const std::filesystem::path& file);

/// Every date of a scenario (run start, online dates, funding) moved by whole calendar months.
void shift_scenario_dates(Scenario& scenario, int months);

}  // namespace stargate
