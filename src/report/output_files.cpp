#include "report/output_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "stargate/core/units.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/version.hpp"

namespace stargate::report {

void create_output_folder(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw std::runtime_error(
        fmt::format("cannot create the output folder {}: {}", directory.string(), error.message()));
  }
}

void write_output_file(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& writer) {
  std::ofstream file(path, std::ios::binary);
  if (file) {
    writer(file);
  }
  if (!file) {
    throw std::runtime_error(fmt::format("cannot write {}", path.string()));
  }
}

// KPI groups by name; a group "parties.<name>" goes to the summary's "parties" object instead.
constexpr std::string_view kPartyGroupPrefix = "parties.";

Json kpi_groups(const std::vector<Kpi>& kpis) {
  Json groups = Json::object();
  for (const Kpi& kpi : kpis) {
    if (!kpi.group.starts_with(kPartyGroupPrefix)) groups[kpi.group][kpi.key] = kpi.value;
  }
  return groups;
}

Json party_groups(const std::vector<Kpi>& kpis) {
  Json parties = Json::object();
  for (const Kpi& kpi : kpis) {
    if (kpi.group.starts_with(kPartyGroupPrefix)) {
      parties[kpi.group.substr(kPartyGroupPrefix.size())][kpi.key] = kpi.value;
    }
  }
  return parties;
}

Json run_summary(const Scenario& scenario, const Results& results) {
  const TimeGrid& grid = results.grid();
  Json summary;
  summary["format"] = "stargate-summary";
  summary["format_version"] = 1;
  summary["stargate_version"] = kVersion;
  summary["scenario"] = {
      {"name", scenario.run.name},
      {"file", scenario.source_file},
      {"site", scenario.site.name},
      {"start", grid.iso8601(0)},
      {"end", format_iso8601(grid.end(), grid.utc_offset_s())},
      {"step_s", grid.step_s()},
      {"steps", grid.size()},
      {"duration_h", grid.duration_h()},
      {"utc_offset_h", static_cast<double>(grid.utc_offset_s()) / kSecondsPerHour},
      {"seed", scenario.run.seed},
  };
  summary["kpis"] = kpi_groups(results.kpis());
  if (Json parties = party_groups(results.kpis()); !parties.empty()) {
    summary["parties"] = std::move(parties);
  }
  summary["findings"] = results.findings();
  summary["warnings"] = results.warnings();
  return summary;
}

void write_run_files(const Json& summary, const Results& results,
                     const std::filesystem::path& directory) {
  create_output_folder(directory);
  write_output_file(directory / "summary.json",
                    [&](std::ostream& out) { out << summary.dump(2) << '\n'; });
  write_output_file(directory / "timeseries.csv",
                    [&](std::ostream& out) { write_timeseries_csv(results, out); });
  for (const Table& table : results.tables()) {
    write_output_file(directory / (table.name + ".csv"),
                      [&](std::ostream& out) { write_table_csv(table, out); });
  }
}

}  // namespace stargate::report
