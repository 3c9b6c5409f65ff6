// Sun positions for a year at Phoenix: 8760 hourly instants through the fast spa_positions and
// through the full spa_position in a loop, and 525,600 one-minute instants through the fast path.
// Target: the hourly year well under 1 ms on one core. Each benchmark checks its result (the
// summer-solstice noon zenith and the range of every value) and throws if it is wrong.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/weather/solar_position.hpp"

namespace {

constexpr std::int64_t kMinuteS = 60;
constexpr std::int64_t kHourS = 3600;
constexpr std::size_t kHourlySteps = 8760;
constexpr std::size_t kMinuteSteps = 525600;
constexpr int kYear = 2025;
constexpr double kObliquityDeg = 23.44;
constexpr double kNoonCheckToleranceDeg = 0.1;

const stargate::WeatherSite kPhoenix{"Phoenix, AZ", 33.43, -112.02, 331.0, -7.0};

/// Mid-interval instants from 1 January of kYear.
std::vector<stargate::LocalTime> year_instants(std::size_t count, std::int64_t step_s) {
  const stargate::LocalTime start = stargate::local_from_civil({kYear, 1, 1, 0, 0, 0});
  std::vector<stargate::LocalTime> times(count);
  for (std::size_t i = 0; i < count; ++i) {
    times[i].seconds = start.seconds + step_s / 2 + static_cast<std::int64_t>(i) * step_s;
  }
  return times;
}

/// Throws unless every position is in range and the zenith near solar noon of the June
/// solstice is latitude - obliquity (the instant closest to 12:30 local standard time).
void check(const std::vector<stargate::LocalTime>& times,
           const std::vector<stargate::SolarPosition>& out) {
  for (const stargate::SolarPosition& p : out) {
    if (!(p.zenith_deg >= 0.0 && p.zenith_deg <= 180.0 && p.azimuth_deg >= 0.0 &&
          p.azimuth_deg < 360.0 && std::fabs(p.declination_deg) <= kObliquityDeg + 0.01)) {
      throw std::logic_error("solar position out of range");
    }
  }
  const stargate::LocalTime noon = stargate::local_from_civil({kYear, 6, 21, 12, 30, 0});
  double best_zenith_deg = 180.0;
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (std::llabs(times[i].seconds - noon.seconds) <= kHourS) {
      best_zenith_deg = std::fmin(best_zenith_deg, out[i].zenith_deg);
    }
  }
  const double expected_deg = kPhoenix.latitude_deg - kObliquityDeg;
  if (std::fabs(best_zenith_deg - expected_deg) > kNoonCheckToleranceDeg) {
    throw std::logic_error("unexpected solstice noon zenith");
  }
}

void BM_SpaPositionsYear(benchmark::State& state) {
  const auto step_s = static_cast<std::int64_t>(state.range(0));
  const std::size_t count = step_s == kHourS ? kHourlySteps : kMinuteSteps;
  const std::vector<stargate::LocalTime> times = year_instants(count, step_s);
  std::vector<stargate::SolarPosition> out(times.size());
  for (auto _ : state) {
    stargate::spa_positions(kPhoenix, times, {}, {}, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  check(times, out);
  state.counters["instants"] = static_cast<double>(count);
  state.counters["ns_per_instant"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}
BENCHMARK(BM_SpaPositionsYear)->Arg(kHourS)->Arg(kMinuteS)->Unit(benchmark::kMicrosecond);

void BM_SpaPositionLoopYearHourly(benchmark::State& state) {
  const std::vector<stargate::LocalTime> times = year_instants(kHourlySteps, kHourS);
  std::vector<stargate::SolarPosition> out(times.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < times.size(); ++i) {
      const stargate::CivilTime civil = stargate::civil_from_local(times[i]);
      stargate::SpaInput input;
      input.year = civil.year;
      input.month = civil.month;
      input.day = civil.day;
      input.hour = civil.hour;
      input.minute = civil.minute;
      input.second = civil.second;
      input.timezone_h = kPhoenix.utc_offset_h;
      input.latitude_deg = kPhoenix.latitude_deg;
      input.longitude_deg = kPhoenix.longitude_deg;
      input.elevation_m = kPhoenix.elevation_m;
      out[i] = stargate::spa_position(input);
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  check(times, out);
  state.counters["instants"] = static_cast<double>(kHourlySteps);
}
BENCHMARK(BM_SpaPositionLoopYearHourly)->Unit(benchmark::kMicrosecond);

}  // namespace
