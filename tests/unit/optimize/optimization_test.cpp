// Tests of src/optimize/optimization.cpp: the whole `stargate optimize` flow on inputs read once.
#include "stargate/optimize/optimization.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "stargate/core/units.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/weather/synthetic_weather.hpp"
#include "stargate/weather/synthetic_wind.hpp"

namespace stargate {
namespace {

namespace fs = std::filesystem;

// A year of input files for the week campus, written from the synthetic generators: an NSRDB
// weather CSV, a one-height SRW wind resource, an hourly price CSV and a turbine power curve.
struct YearFiles {
  explicit YearFiles(const fs::path& where) : folder(where) {
    fs::create_directories(folder);
    const WeatherSite site{"Abilene", 32.45, -99.73, 524.0, -6.0};
    const WeatherSeries weather = generate_weather(site, abilene_climate(), 2026, 3);
    std::ofstream nsrdb(folder / "weather.csv");
    nsrdb << "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Local "
             "Time Zone\nNSRDB,1,-,-,-,32.45,-99.73,-6,524,-6\n"
             "Year,Month,Day,Hour,Minute,GHI,DHI,DNI,Wind Speed,Temperature,Pressure\n";
    for (std::size_t row = 0; row < weather.size(); ++row) {
      const CivilTime t = civil_from_local(weather.time[row]);
      nsrdb << fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", t.year, t.month, t.day, t.hour,
                           t.minute, weather.ghi_w_m2[row], weather.dhi_w_m2[row],
                           weather.dni_w_m2[row], weather.wind_speed_m_s[row],
                           weather.temp_air_c[row], 950.0);
    }
    SyntheticWindParams params;
    params.mean_speed_m_s = 8.5;
    const WindResource wind = generate_wind(params, 2026, 3);
    const WindMeasurementHeight& h = wind.heights.front();
    std::ofstream srw(folder / "wind.srw");
    srw << "1,Abilene,TX,USA,2026,32.45,-99.73,524,1,8760\nsynthetic\n"
           "Temperature,Pressure,Speed,Direction\nC,atm,m/s,Degrees\n";
    srw << fmt::format("{},{},{},{}\n", h.height_m, h.height_m, h.height_m, h.height_m);
    for (std::size_t row = 0; row < wind.size(); ++row) {
      srw << fmt::format("{},{},{},{}\n", h.temperature_c[row], h.pressure_atm[row],
                         h.speed_m_s[row], h.direction_deg[row]);
    }
    std::ofstream prices(folder / "prices.csv");
    prices << "time,price\n";
    for (std::size_t row = 0; row < weather.size(); ++row) {
      const CivilTime t = civil_from_local(weather.time[row]);
      prices << fmt::format("{:04}-{:02}-{:02}T{:02}:00,{}\n", t.year, t.month, t.day, t.hour,
                            20.0 + static_cast<double>(t.hour));
    }
    fs::copy_file(STARGATE_SOURCE_DIR "/tests/fixtures/wind/ramp_curve.csv", folder / "curve.csv",
                  fs::copy_options::overwrite_existing);
  }
  fs::path folder;
};

TEST(Optimization, ReadsEachInputFileOnce) {
  // The baseline run, every solar and wind candidate, and the design's simulation all use the
  // weather, the wind resource, the prices and the power curve: from one set of inputs.
  const YearFiles files(fs::path(::testing::TempDir()) / "stargate_optimize_inputs");
  const Scenario scenario = load_scenario(
      STARGATE_SOURCE_DIR "/tests/fixtures/optimize/week.toml",
      std::vector<std::string>{
          fmt::format("site.weather.file=\"{}\"", (files.folder / "weather.csv").string()),
          fmt::format("site.wind.file=\"{}\"", (files.folder / "wind.srw").string()),
          "grid.market.prices=\"file\"",
          fmt::format("grid.market.price_file=\"{}\"", (files.folder / "prices.csv").string()),
          fmt::format("wind[0].power_curve=\"{}\"", (files.folder / "curve.csv").string())});
  InputFiles reads;
  const RunInputs inputs = load_run_inputs(scenario, reads, expansion_needs(scenario));
  const Optimization optimization = optimize_campus(scenario, inputs, std::nullopt);
  ASSERT_EQ(optimization.result.status, lp::Status::kOptimal);
  ASSERT_TRUE(optimization.simulated.has_value());
  EXPECT_GT(optimization.simulated->kpi("wind_available_mwh"), 0.0);
  ASSERT_EQ(reads.reads().size(), 4U);
  for (const auto& [path, count] : reads.reads()) {
    EXPECT_EQ(count, 1) << path;
  }
}

}  // namespace
}  // namespace stargate
