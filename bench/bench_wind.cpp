// Wind farm model, one hourly year (the Texas 2012 SRW file when ../shared/data is present, else
// a synthetic year): target <= 2 ms (docs/wind.md). Checks the annual energy so a broken build
// cannot look fast.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "stargate/energy/turbine_catalogue.hpp"
#include "stargate/energy/wind_farm.hpp"
#include "stargate/io/power_curve_reader.hpp"
#include "stargate/io/wind_resource_reader.hpp"
#include "stargate/weather/synthetic_wind.hpp"

namespace {

const std::filesystem::path kData = STARGATE_SHARED_DATA_DIR;

struct Case {
  stargate::WindFarmParams params;
  stargate::WindResource resource;
  double expected_kwh = 0.0;  ///< 0: check only that the energy is positive
};

Case make_case() {
  Case c;
  const auto srw = kData / "wind" / "35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw";
  if (std::filesystem::exists(srw)) {
    c.resource = stargate::read_wind_resource_file(srw);
    c.params.curve =
        stargate::read_power_curve_file(kData / "reference" / "turbine_1p5mw_curve.csv", 77.0);
    c.params.hub_height_m = 90.0;
    c.expected_kwh = 6299918.163;  // ssc windpower reference
  } else {
    c.resource = stargate::generate_wind(stargate::SyntheticWindParams{}, 2023, 1);
    c.params.curve = stargate::catalogue_turbine("nrel-5mw-126");
    c.params.hub_height_m = 100.0;
  }
  return c;
}

void check(const Case& c, double energy_kwh) {
  const bool ok =
      c.expected_kwh > 0.0 ? std::abs(energy_kwh / c.expected_kwh - 1.0) < 0.01 : energy_kwh > 0.0;
  if (!ok) {
    std::cerr << "bench_wind: wrong annual energy " << energy_kwh << " kWh\n";
    std::exit(1);
  }
}

void BM_WindFarmYear(benchmark::State& state) {
  const Case c = make_case();
  double energy = 0.0;
  for (auto _ : state) {
    const auto out = stargate::simulate_wind_farm(c.params, c.resource);
    energy = out.annual_energy_kwh;
    benchmark::DoNotOptimize(out.power_kw.data());
  }
  check(c, energy);
}
BENCHMARK(BM_WindFarmYear)->Unit(benchmark::kMillisecond);

void BM_WindFarmYearWake25(benchmark::State& state) {
  Case c = make_case();
  c.params.turbines = 25;
  c.params.wake = true;
  c.params.layout = stargate::WindFarmLayout{5, 5, 7.0, 4.0};
  double energy = 0.0;
  for (auto _ : state) {
    const auto out = stargate::simulate_wind_farm(c.params, c.resource);
    energy = out.annual_energy_kwh;
    benchmark::DoNotOptimize(out.power_kw.data());
  }
  if (!(energy > 0.0)) {
    std::exit(1);
  }
}
BENCHMARK(BM_WindFarmYearWake25)->Unit(benchmark::kMillisecond);

}  // namespace
