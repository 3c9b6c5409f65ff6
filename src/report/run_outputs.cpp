#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "stargate/report/writers.hpp"

namespace stargate {

void write_run_outputs(const Scenario& scenario, const Results& results,
                       const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    throw std::runtime_error(
        fmt::format("cannot create the output folder {}: {}", directory.string(), error.message()));
  }
  const auto write = [&](const char* name, auto&& writer) {
    const std::filesystem::path path = directory / name;
    std::ofstream file(path, std::ios::binary);
    if (file) {
      writer(file);
    }
    if (!file) {
      throw std::runtime_error(fmt::format("cannot write {}", path.string()));
    }
  };
  write("summary.json", [&](std::ostream& out) { write_summary_json(scenario, results, out); });
  write("timeseries.csv", [&](std::ostream& out) { write_timeseries_csv(results, out); });
  for (const Table& table : results.tables()) {
    const std::string name = table.name + ".csv";
    write(name.c_str(), [&](std::ostream& out) { write_table_csv(table, out); });
  }
}

}  // namespace stargate
