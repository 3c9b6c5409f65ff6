#include <nlohmann/json.hpp>

#include "stargate/core/units.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/version.hpp"

namespace stargate {

void write_summary_json(const Scenario& scenario, const Results& results, std::ostream& out) {
  const TimeGrid& grid = results.grid();
  nlohmann::ordered_json summary;
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
  nlohmann::ordered_json kpis = nlohmann::ordered_json::object();
  for (const auto& kpi : results.kpis()) {
    kpis[kpi.group][kpi.key] = kpi.value;
  }
  summary["kpis"] = kpis;
  summary["findings"] = results.findings();
  summary["warnings"] = results.warnings();
  out << summary.dump(2) << '\n';
}

}  // namespace stargate
