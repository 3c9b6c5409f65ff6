// The output writers: timeseries.csv of a campus year at 1-minute steps (525,600 rows, the 23
// run columns) and at 15 minutes, and the per-row CSV of `stargate pv` (8,760 rows), each into a
// stream that keeps only the byte count. Target (issue 12): `stargate pv --out` on an hourly year
// under 25 ms as a whole process; the writers must not dominate it.
#include <benchmark/benchmark.h>

#include <cmath>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>

#include "stargate/core/results.hpp"
#include "stargate/energy/pv_system.hpp"
#include "stargate/report/pv_report.hpp"
#include "stargate/report/writers.hpp"
#include "stargate/sim/run_series.hpp"
#include "stargate/weather/synthetic_weather.hpp"

namespace {

// Counts the bytes written and keeps none.
class CountingBuffer : public std::streambuf {
 public:
  std::streamsize bytes = 0;

 protected:
  std::streamsize xsputn(const char* /*text*/, std::streamsize count) override {
    bytes += count;
    return count;
  }
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
};

// A year of run columns with values of the magnitudes a campus writes.
stargate::Results campus_year(std::int64_t step_s) {
  const std::size_t steps = static_cast<std::size_t>(365 * 86400 / step_s);
  const stargate::TimeGrid grid(stargate::local_from_civil(stargate::CivilTime{2026, 1, 1}), step_s,
                                steps, -6 * 3600);
  stargate::Results results(grid);
  for (std::size_t c = 0; c < stargate::kRunColumns.size(); ++c) {
    std::vector<double> values(steps);
    for (std::size_t i = 0; i < steps; ++i) {
      const double x = static_cast<double>(i) * 0.01 + static_cast<double>(c);
      values[i] = c % 3 == 0 ? std::floor(1e5 * (1.0 + std::sin(x))) : 4e5 * (1.0 + std::sin(x));
    }
    results.add_series(std::string(stargate::kRunColumns[c].name), "", std::move(values));
  }
  return results;
}

void BM_TimeseriesCsvYear(benchmark::State& state) {
  const stargate::Results results = campus_year(state.range(0) * 60);
  std::streamsize bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    stargate::write_timeseries_csv(results, out);
    bytes = buffer.bytes;
  }
  if (bytes < static_cast<std::streamsize>(results.grid().size()) * 25) {
    throw std::logic_error("timeseries.csv too short");
  }
  state.counters["rows"] = static_cast<double>(results.grid().size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_TimeseriesCsvYear)->Arg(15)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_PvCsvYear(benchmark::State& state) {
  const stargate::WeatherSeries weather =
      stargate::generate_weather(stargate::WeatherSite{"Abilene", 32.45, -99.73, 524.0, -6.0},
                                 stargate::abilene_climate(), 2026, 1);
  stargate::PvSystemParams params;
  params.dc_capacity_kw = 100'000.0;
  const stargate::PvOutput output = stargate::simulate_pv(params, weather);
  std::streamsize bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    stargate::write_pv_csv(weather, output, out);
    bytes = buffer.bytes;
  }
  if (bytes < 8760 * 50) {
    throw std::logic_error("pv csv too short");
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_PvCsvYear)->Unit(benchmark::kMillisecond);

}  // namespace
