// Output writers: summary.json, timeseries.csv and the console summary.
//
// summary.json (format documented in docs/outputs.md):
//   {"format": "stargate-summary", "format_version": 1, "stargate_version": "...",
//    "scenario": {...run identity and grid...}, "kpis": {"<group>": {"<key_unit>": number}},
//    "warnings": [...]}
// Every number's key ends in its unit. timeseries.csv: a header row, then one row per step;
// first column `time` (ISO 8601 with the site's UTC offset, the start of the step), then one
// column per series named `<quantity>_<unit>`. Numbers are written in the shortest form that
// reads back to the same double.
#pragma once

#include <filesystem>
#include <ostream>

#include "stargate/core/results.hpp"
#include "stargate/core/scenario.hpp"

namespace stargate {

void write_summary_json(const Scenario& scenario, const Results& results, std::ostream& out);
void write_timeseries_csv(const Results& results, std::ostream& out);
/// A results table: a header row, then one row per key.
void write_table_csv(const Table& table, std::ostream& out);
/// The readable summary printed by `stargate run`.
void write_console_summary(const Scenario& scenario, const Results& results, std::ostream& out);

/// Writes DIR/summary.json, DIR/timeseries.csv and DIR/<table>.csv for each results table
/// (cashflow.csv), creating DIR. Throws std::runtime_error when
/// a file cannot be written (a run failure, exit code 1).
void write_run_outputs(const Scenario& scenario, const Results& results,
                       const std::filesystem::path& directory);

}  // namespace stargate
