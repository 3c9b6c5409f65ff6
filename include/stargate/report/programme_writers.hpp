// Output of `stargate programme`: DIR/summary.json (programme KPIs, per-site KPIs, the funding
// verdict), DIR/cashflow.csv (the programme's quarterly cash flows and funding position) and
// DIR/sites/<campus>/ (each campus's own run outputs, as `stargate run` writes them).
//
// summary.json (docs/programme.md):
//   {"format": "stargate-programme-summary", "format_version": 1, "stargate_version": "...",
//    "programme": {name, file, description, window_start, window_end, quarters,
//                  count_only_committed, money_runs_out (quarter label or null)},
//    "kpis": {"programme": {...}, "funding": {...}},
//    "sites": [{name, file, start_shift_months, output, kpis: {<group>: {...}}, findings}],
//    "findings": [...]}
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "stargate/core/programme.hpp"
#include "stargate/sim/programme_finance.hpp"

namespace stargate {

/// The folder name of a campus under DIR/sites: lower case, letters and digits, others "-".
[[nodiscard]] std::string site_folder_name(const std::string& campus_name);

void write_programme_summary_json(const Programme& programme, const ProgrammeOutcome& outcome,
                                  std::ostream& out);

/// The programme's console summary: KPIs per site and in total, and the verdict.
void write_programme_console_summary(const Programme& programme, const ProgrammeOutcome& outcome,
                                     std::ostream& out);

/// Writes DIR/summary.json, DIR/cashflow.csv and DIR/sites/<campus>/ for every campus, creating
/// the folders. std::runtime_error when a file cannot be written (exit code 1).
void write_programme_outputs(const Programme& programme, const ProgrammeOutcome& outcome,
                             const std::filesystem::path& directory);

}  // namespace stargate
