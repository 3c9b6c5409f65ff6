// Weather input: reading an hourly NSRDB year (target <= 5 ms), generating a synthetic year, and
// the whole `stargate pv` process on an hourly year (target <= 25 ms, process start included).
// The file benchmarks need ../shared/data and report an error state when it is absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "stargate/io/weather_reader.hpp"
#include "stargate/weather/synthetic_weather.hpp"

namespace {

const std::string kNsrdbFile =
    std::string(STARGATE_SHARED_DATA_DIR) + "/weather/35.2018863_-101.945027_psmv3_60_2012.csv";

void BM_ReadNsrdbYear(benchmark::State& state) {
  if (!std::filesystem::exists(kNsrdbFile)) {
    state.SkipWithError("../shared/data is absent");
    return;
  }
  for (auto _ : state) {
    const stargate::WeatherSeries weather = stargate::read_weather_file(kNsrdbFile);
    if (weather.size() != 8760) {
      throw std::logic_error("unexpected row count");
    }
    benchmark::DoNotOptimize(weather);
  }
}
BENCHMARK(BM_ReadNsrdbYear)->Unit(benchmark::kMillisecond);

void BM_SyntheticYear(benchmark::State& state) {
  const stargate::WeatherSite site{"Abilene", 32.45, -99.73, 524.0, -6.0};
  for (auto _ : state) {
    const stargate::WeatherSeries weather =
        stargate::generate_weather(site, stargate::abilene_climate(), 2026, 42);
    if (weather.size() != 8760) {
      throw std::logic_error("unexpected row count");
    }
    benchmark::DoNotOptimize(weather);
  }
}
BENCHMARK(BM_SyntheticYear)->Unit(benchmark::kMillisecond);

// The whole command as a user runs it: process start, reading, the PV chain, CSV and summary.
void BM_PvProcess(benchmark::State& state) {
  if (!std::filesystem::exists(kNsrdbFile)) {
    state.SkipWithError("../shared/data is absent");
    return;
  }
  const std::string out =
      (std::filesystem::temp_directory_path() / "stargate_bench_pv.csv").string();
  const std::string command = std::string("'") + STARGATE_EXE + "' pv --weather '" + kNsrdbFile +
                              "' --array 1axis-backtrack --dc-capacity '100 MW' --out '" + out +
                              "' > /dev/null 2>&1";
  for (auto _ : state) {
    if (std::system(command.c_str()) != 0) {
      throw std::runtime_error("stargate pv failed: " + command);
    }
  }
  std::filesystem::remove(out);
}
BENCHMARK(BM_PvProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
