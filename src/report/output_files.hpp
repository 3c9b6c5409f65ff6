// Writing output files: one place for creating the output folder, for the failure of a file that
// cannot be written (std::runtime_error: a run failure, exit code 1), and for the summary.json
// document of a run.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate::report {

using Json = nlohmann::ordered_json;

/// Creates `directory` and its parents; std::runtime_error when it cannot.
void create_output_folder(const std::filesystem::path& directory);

/// Opens `path` for writing, calls `writer` on it; std::runtime_error when it cannot be written.
void write_output_file(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& writer);

/// {"<group>": {"<key>": value}} in the order of the KPIs.
[[nodiscard]] Json kpi_groups(const std::vector<Kpi>& kpis);
/// The "parties.<name>" KPI groups as {name: {key: value}} (empty when there are none).
[[nodiscard]] Json party_groups(const std::vector<Kpi>& kpis);

/// The summary.json document of a run (docs/outputs.md).
[[nodiscard]] Json run_summary(const Scenario& scenario, const Results& results);

/// DIR/summary.json (the given document), DIR/timeseries.csv and DIR/<table>.csv.
void write_run_files(const Json& summary, const Results& results,
                     const std::filesystem::path& directory);

}  // namespace stargate::report
