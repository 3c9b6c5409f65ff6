#include <fmt/format.h>

#include <iterator>

#include "stargate/report/writers.hpp"

namespace stargate {

void write_timeseries_csv(const Results& results, std::ostream& out) {
  const TimeGrid& grid = results.grid();
  fmt::memory_buffer buffer;
  auto sink = std::back_inserter(buffer);
  fmt::format_to(sink, "time");
  for (const auto& series : results.series()) {
    fmt::format_to(sink, ",{}", series.name);
  }
  fmt::format_to(sink, "\n");
  constexpr std::size_t kFlushBytes = 1 << 20;
  for (std::size_t step = 0; step < grid.size(); ++step) {
    fmt::format_to(sink, "{}", grid.iso8601(step));
    for (const auto& series : results.series()) {
      fmt::format_to(sink, ",{}", series.values[step]);
    }
    fmt::format_to(sink, "\n");
    if (buffer.size() > kFlushBytes) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

void write_table_csv(const Table& table, std::ostream& out) {
  fmt::memory_buffer buffer;
  auto sink = std::back_inserter(buffer);
  fmt::format_to(sink, "{}", table.key_column);
  for (const auto& column : table.columns) {
    fmt::format_to(sink, ",{}", column.name);
  }
  fmt::format_to(sink, "\n");
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    fmt::format_to(sink, "{}", table.keys[row]);
    for (const auto& column : table.columns) {
      fmt::format_to(sink, ",{}", column.values[row]);
    }
    fmt::format_to(sink, "\n");
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace stargate
