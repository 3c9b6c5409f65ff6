// Results of a run as outputs (summary.json, timeseries.csv, <table>.csv, the console summary):
// time series as columns on the run's TimeGrid, key performance indicators, findings, tables and
// warnings. Modules exchange typed data (stargate/sim/campus_run.hpp); this is what is written.
//
// Series are struct-of-arrays: one contiguous std::vector<double> per quantity, all of
// grid.size() values. Names carry their unit: "<quantity>_<unit>", e.g. "facility_load_kw".
// KPIs are grouped (energy, cost, compute, ...) and their keys end in their unit too
// ("grid_import_mwh", "energy_cost_usd").
#pragma once

#include <span>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {

/// One column of the time series.
struct Series {
  std::string name;         ///< "<quantity>_<unit>"
  std::string description;  ///< one line, for docs and the CSV header comment
  std::vector<double> values;
};

/// One key performance indicator.
struct Kpi {
  std::string group;  ///< "energy", "cost", "compute", ...
  std::string key;    ///< unit-suffixed key, e.g. "facility_energy_mwh"
  double value = 0.0;
  std::string unit;         ///< unit as shown to people ("MWh", "USD", "" for pure numbers)
  std::string description;  ///< human label for the console summary
};

/// A table on its own rows (for example quarterly cash flows): one key column of labels and
/// numeric columns named `<quantity>_<unit>`. Written as `<name>.csv`.
struct Table {
  std::string name;        ///< file stem, e.g. "cashflow"
  std::string key_column;  ///< header of the label column, e.g. "quarter"
  std::vector<std::string> keys;
  std::vector<Series> columns;  ///< each with keys.size() values
};

/// Everything a run produces. Owns its data; cheap to move.
class Results {
 public:
  explicit Results(TimeGrid grid) : grid_(grid) {}

  [[nodiscard]] const TimeGrid& grid() const { return grid_; }

  /// Adds a column of grid().size() values (asserted).
  void add_series(std::string name, std::string description, std::vector<double> values);
  [[nodiscard]] const std::vector<Series>& series() const { return series_; }
  /// The column named `name`; throws std::out_of_range when there is none.
  [[nodiscard]] std::span<const double> column(std::string_view name) const;

  void add_kpi(std::string group, std::string key, double value, std::string unit,
               std::string description);
  [[nodiscard]] const std::vector<Kpi>& kpis() const { return kpis_; }
  /// The KPI with this key; throws std::out_of_range when there is none.
  [[nodiscard]] double kpi(std::string_view key) const;

  void add_warning(std::string warning) { warnings_.push_back(std::move(warning)); }
  /// A plain-language conclusion for the reader ("committed funding covers 62 % of the build").
  void add_finding(std::string finding) { findings_.push_back(std::move(finding)); }
  [[nodiscard]] const std::vector<std::string>& findings() const { return findings_; }
  void add_table(Table table) { tables_.push_back(std::move(table)); }
  [[nodiscard]] const std::vector<Table>& tables() const { return tables_; }
  [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  TimeGrid grid_;
  std::vector<Series> series_;
  std::vector<Kpi> kpis_;
  std::vector<std::string> warnings_;
  std::vector<std::string> findings_;
  std::vector<Table> tables_;
};

}  // namespace stargate
