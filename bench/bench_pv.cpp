// The PVWatts v8 chain (simulate_pv) over one year of hourly weather: Phoenix TMY2 and Texas 2012
// from ../shared/data, each array type of the reference runs (100,000 kWdc, dc/ac 1.3, gcr 0.35).
// The weather is read once, outside the timed loop. Target: one year in at most 4 ms on one core.
// Each benchmark checks its result against the annual AC energy of NREL ssc's reference run (within
// 1 %) and throws if it is wrong, so a broken build cannot look fast.
#include <benchmark/benchmark.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "stargate/energy/pv_system.hpp"
#include "stargate/io/weather_reader.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kDataDir = STARGATE_SHARED_DATA_DIR;

struct Site {
  const char* weather_file;
  const char* reference_prefix;
};
constexpr Site kSites[] = {
    {"USA AZ Phoenix (TMY2).csv", "pvwattsv8_phoenix_tmy2_"},
    {"35.2018863_-101.945027_psmv3_60_2012.csv", "pvwattsv8_texas_2012_"},
};
struct Array {
  stargate::ArrayType type;
  double tilt_deg;
  const char* reference_suffix;
};
constexpr Array kArrays[] = {
    {stargate::ArrayType::kFixedOpenRack, 30.0, "fixed30"},
    {stargate::ArrayType::kOneAxis, 0.0, "1axis"},
    {stargate::ArrayType::kOneAxisBacktracking, 0.0, "1axis_backtrack"},
    {stargate::ArrayType::kTwoAxis, 0.0, "2axis"},
};

// annual_energy_kwh=... from the first line of a reference file.
double reference_annual_kwh(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  const std::string key = "annual_energy_kwh=";
  const std::size_t at = line.find(key);
  if (at == std::string::npos) throw std::runtime_error("no annual energy in " + path.string());
  return std::stod(line.substr(at + key.size()));
}

void BM_SimulatePvYear(benchmark::State& state) {
  const Site& site = kSites[state.range(0)];
  const Array& array = kArrays[state.range(1)];
  const fs::path weather_path = kDataDir / "weather" / site.weather_file;
  const fs::path reference_path =
      kDataDir / "reference" /
      (std::string(site.reference_prefix) + array.reference_suffix + ".csv");
  if (!fs::exists(weather_path) || !fs::exists(reference_path)) {
    state.SkipWithError("../shared/data not found");
    return;
  }
  const stargate::WeatherSeries weather = stargate::read_weather_file(weather_path);
  stargate::PvSystemParams params;
  params.dc_capacity_kw = 100000.0;
  params.dc_ac_ratio = 1.3;
  params.array_type = array.type;
  params.tilt_deg = array.tilt_deg;
  params.azimuth_deg = 180.0;
  params.gcr = 0.35;
  params.losses_fraction = 0.1408;
  params.inverter_efficiency = 0.96;
  // Check the result once (untimed), then time the chain.
  const double annual_kwh = stargate::simulate_pv(params, weather).annual_ac_kwh;
  const double expected = reference_annual_kwh(reference_path);
  if (!(std::abs(annual_kwh - expected) < 0.01 * expected)) {
    throw std::logic_error("simulate_pv annual energy " + std::to_string(annual_kwh) +
                           " kWh differs from the PVWatts reference " + std::to_string(expected) +
                           " kWh (" + reference_path.string() + ")");
  }
  for (auto _ : state) {
    const stargate::PvOutput out = stargate::simulate_pv(params, weather);
    benchmark::DoNotOptimize(out.ac_kw.data());
    benchmark::ClobberMemory();
  }
  state.SetLabel(std::string(site.reference_prefix) + array.reference_suffix);
  state.counters["rows"] = static_cast<double>(weather.size());
  state.counters["annual_GWh"] = annual_kwh / 1e6;
}
BENCHMARK(BM_SimulatePvYear)->ArgsProduct({{0, 1}, {0, 1, 2, 3}})->Unit(benchmark::kMillisecond);

}  // namespace
