#include "stargate/report/csv_text.hpp"
#include "stargate/report/writers.hpp"

namespace stargate {

void write_timeseries_csv(const Results& results, std::ostream& out) {
  const TimeGrid& grid = results.grid();
  CsvText csv(out);
  csv.text("time");
  for (const Series& series : results.series()) {
    csv.separator();
    csv.text(series.name);
  }
  csv.end_row();
  for (std::size_t step = 0; step < grid.size(); ++step) {
    csv.stamp(grid.time(step), grid.utc_offset_s());
    for (const Series& series : results.series()) {
      csv.separator();
      csv.number(series.values[step]);
    }
    csv.end_row();
  }
}

void write_table_csv(const Table& table, std::ostream& out) {
  CsvText csv(out);
  csv.text(table.key_column);
  for (const Series& column : table.columns) {
    csv.separator();
    csv.text(column.name);
  }
  csv.end_row();
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    csv.text(table.keys[row]);
    for (const Series& column : table.columns) {
      csv.separator();
      csv.number(column.values[row]);
    }
    csv.end_row();
  }
}

}  // namespace stargate
