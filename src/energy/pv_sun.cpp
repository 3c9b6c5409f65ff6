// Sun position per weather row with PVWatts' sunrise/sunset conventions: equations,
// assumptions, worked number and sources are in src/energy/pv_sun.hpp.
#include "pv_sun.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>
#include <vector>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"
#include "stargate/weather/solar_position.hpp"

namespace stargate::pv {
namespace {

constexpr double kSunriseElevationDeg = -0.8333;  // SPA appendix A.2: h0' = -0.8333 deg
constexpr double kReferenceElevationDeg = 3.0;    // reference rows: refraction below 0.25 deg
constexpr double kSunRadiusDeg = 0.26667;         // SPA eq. 42 limit
constexpr double kAtmosRefractDeg = 0.5667;       // SPA default refraction at sunrise
constexpr double kHourAngleDegPerHour = 15.0;
constexpr double kNoSunriseH = 100.0;  // PVWatts' markers for polar days and nights
// PVWatts uses the weather pressure only above this value, and else the standard atmosphere.
constexpr double kMinWeatherPressureMbar = 800.0;
constexpr double kStandardPressureMbar = 1013.25;
constexpr double kStandardTemperatureC = 15.0;
// Instants further apart than this start a new block of sun positions (SPA's fast path tables
// one day at a time, so a typical-year file mixing years is split into its contiguous months).
constexpr std::int64_t kMaxBlockGapS = 2 * kSecondsPerDayInt;

// spa_positions over runs of ascending, closely spaced instants.
void positions_in_blocks(const WeatherSite& site, std::span<const LocalTime> instants,
                         std::span<const double> pressure_mbar,
                         std::span<const double> temperature_c, std::span<SolarPosition> out) {
  std::size_t begin = 0;
  const std::size_t count = instants.size();
  for (std::size_t i = 1; i <= count; ++i) {
    const bool block_ends = i == count || instants[i].seconds < instants[i - 1].seconds ||
                            instants[i].seconds - instants[i - 1].seconds > kMaxBlockGapS;
    if (block_ends) {
      const std::size_t length = i - begin;
      spa_positions(site, instants.subspan(begin, length), pressure_mbar.subspan(begin, length),
                    temperature_c.subspan(begin, length), out.subspan(begin, length));
      begin = i;
    }
  }
}

}  // namespace

double spa_refraction_deg(double true_elevation_deg, double pressure_mbar, double temperature_c) {
  if (true_elevation_deg < -(kSunRadiusDeg + kAtmosRefractDeg)) return 0.0;
  const double e0 = true_elevation_deg;
  return (pressure_mbar / 1010.0) * (283.0 / (273.0 + temperature_c)) * 1.02 /
         (60.0 * std::tan((e0 + 10.3 / (e0 + 5.11)) * kDegToRad));
}

double unrefracted_elevation_deg(double apparent_elevation_deg, double pressure_mbar,
                                 double temperature_c) {
  const double limit_deg = -(kSunRadiusDeg + kAtmosRefractDeg);
  if (apparent_elevation_deg < limit_deg) return apparent_elevation_deg;  // not refracted
  // e = e0 + r(e0) with |dr/de0| < 0.2 above the limit: fixed-point iteration converges.
  double e0 = apparent_elevation_deg;
  for (int pass = 0; pass < 30; ++pass) {
    const double next =
        apparent_elevation_deg - spa_refraction_deg(e0, pressure_mbar, temperature_c);
    const bool converged = std::abs(next - e0) < 1e-10;
    e0 = next;
    if (converged) break;
  }
  return std::max(e0, limit_deg);
}

SunriseSunset sunrise_sunset_from(double reference_hour, double elevation_deg, double azimuth_deg,
                                  double declination_deg, double latitude_deg) {
  const double sin_phi = std::sin(latitude_deg * kDegToRad);
  const double cos_phi = std::cos(latitude_deg * kDegToRad);
  const double sin_delta = std::sin(declination_deg * kDegToRad);
  const double cos_delta = std::cos(declination_deg * kDegToRad);
  const double denominator = cos_phi * cos_delta;
  SunriseSunset day;
  const double cos_h0 =
      (std::sin(kSunriseElevationDeg * kDegToRad) - sin_phi * sin_delta) / denominator;
  if (!(cos_h0 < 1.0)) {  // polar night (or a pole in winter)
    day.sunrise_h = kNoSunriseH;
    day.sunset_h = -kNoSunriseH;
    return day;
  }
  if (!(cos_h0 > -1.0)) {  // midnight sun
    day.sunrise_h = -kNoSunriseH;
    day.sunset_h = kNoSunriseH;
    return day;
  }
  const double h0_deg = std::acos(cos_h0) * kRadToDeg;
  const double cos_h = std::clamp(
      (std::sin(elevation_deg * kDegToRad) - sin_phi * sin_delta) / denominator, -1.0, 1.0);
  double h_deg = std::acos(cos_h) * kRadToDeg;
  if (std::sin(azimuth_deg * kDegToRad) > 0.0) h_deg = -h_deg;  // sun in the east: morning
  day.sunrise_h = reference_hour + (-h0_deg - h_deg) / kHourAngleDegPerHour;
  day.sunset_h = reference_hour + (h0_deg - h_deg) / kHourAngleDegPerHour;
  return day;
}

SunUp classify_row(double hour, double interval_h, const SunriseSunset& day, double& sun_hour) {
  const double sunrise = day.sunrise_h;
  const double sunset = day.sunset_h;
  if (interval_h > 0.0) {
    const double half = interval_h / 2.0;
    if (hour >= sunrise - half && hour < sunrise + half) {
      sun_hour = (sunrise + (hour + half)) / 2.0;  // middle of sunrise .. end of the row
      return SunUp::kSunrise;
    }
    if (hour > sunset - half && hour <= sunset + half) {
      sun_hour = ((hour - half) + sunset) / 2.0;  // middle of start of the row .. sunset
      return SunUp::kSunset;
    }
  }
  sun_hour = hour;
  const bool up = (sunrise < sunset && hour >= sunrise && hour <= sunset) ||
                  (sunrise > sunset && (hour <= sunset || hour >= sunrise));
  return up ? SunUp::kUp : SunUp::kDown;
}

SunColumns pvwatts_sun(const WeatherSeries& weather) {
  const std::size_t n = weather.size();
  SunColumns sun;
  sun.zenith_deg.resize(n);
  sun.azimuth_deg.resize(n);
  sun.sun_up.resize(n, SunUp::kDown);
  if (n == 0) return sun;

  const std::int64_t offset_s = weather.sun_offset_s();
  std::vector<LocalTime> instants(n);
  std::vector<double> pressure(n);
  std::vector<double> temperature(n);
  for (std::size_t i = 0; i < n; ++i) {
    instants[i].seconds = weather.time[i].seconds + offset_s;
    const double p = weather.pressure_mbar[i];
    pressure[i] = std::isfinite(p) && p > kMinWeatherPressureMbar ? p : kStandardPressureMbar;
    const double t = weather.temp_air_c[i];
    temperature[i] = std::isfinite(t) ? t : kStandardTemperatureC;
  }
  std::vector<SolarPosition> positions(n);
  positions_in_blocks(weather.site, instants, pressure, temperature, positions);

  const double interval_h = weather.timing == RowTiming::kIntervalAverage
                                ? static_cast<double>(weather.interval_s) / kSecondsPerHour
                                : 0.0;
  std::vector<std::size_t> moved_rows;
  std::vector<LocalTime> moved_instants;
  std::vector<double> moved_pressure;
  std::vector<double> moved_temperature;

  std::size_t begin = 0;
  while (begin < n) {
    // One local calendar day of rows (by their stamps, as PVWatts reads month, day and hour).
    const std::int64_t day = floor_div(weather.time[begin].seconds, kSecondsPerDayInt);
    std::size_t end = begin + 1;
    while (end < n && floor_div(weather.time[end].seconds, kSecondsPerDayInt) == day) ++end;
    const std::int64_t midnight_s = day * kSecondsPerDayInt;
    auto hour_of = [&](std::int64_t seconds) {
      return static_cast<double>(seconds - midnight_s) / kSecondsPerHour;
    };
    auto true_elevation = [&](std::size_t i) {
      return unrefracted_elevation_deg(90.0 - positions[i].zenith_deg, pressure[i], temperature[i]);
    };
    // Reference rows: the first and last with the sun at least 3 deg up (apparent elevation;
    // refraction is below 0.25 deg there), else the highest.
    std::size_t morning = n;
    std::size_t evening = n;
    std::size_t highest = begin;
    double highest_deg = -90.0;
    for (std::size_t i = begin; i < end; ++i) {
      const double elevation_deg = 90.0 - positions[i].zenith_deg;
      if (elevation_deg >= kReferenceElevationDeg) {
        if (morning == n) morning = i;
        evening = i;
      }
      if (elevation_deg > highest_deg) {
        highest_deg = elevation_deg;
        highest = i;
      }
    }
    if (morning == n) morning = evening = highest;
    auto from_row = [&](std::size_t i) {
      return sunrise_sunset_from(hour_of(instants[i].seconds), true_elevation(i),
                                 positions[i].azimuth_deg, positions[i].declination_deg,
                                 weather.site.latitude_deg);
    };
    const SunriseSunset morning_day = from_row(morning);
    SunriseSunset sun_day = morning_day;
    if (evening != morning && std::abs(morning_day.sunrise_h) != kNoSunriseH) {
      sun_day.sunset_h = from_row(evening).sunset_h;
    }

    for (std::size_t i = begin; i < end; ++i) {
      double sun_hour = 0.0;
      const SunUp up = classify_row(hour_of(instants[i].seconds), interval_h, sun_day, sun_hour);
      sun.sun_up[i] = up;
      if (up == SunUp::kSunrise || up == SunUp::kSunset) {
        moved_rows.push_back(i);
        // PVWatts evaluates this sun position at the start of the minute that contains it.
        const auto minute = static_cast<std::int64_t>(std::floor(sun_hour * kMinutesPerHour));
        moved_instants.push_back(LocalTime{midnight_s + minute * kSecondsPerMinuteInt});
        moved_pressure.push_back(pressure[i]);
        moved_temperature.push_back(temperature[i]);
      }
    }
    begin = end;
  }

  for (std::size_t i = 0; i < n; ++i) {
    sun.zenith_deg[i] = positions[i].zenith_deg;
    sun.azimuth_deg[i] = positions[i].azimuth_deg;
  }
  if (!moved_rows.empty()) {
    std::vector<SolarPosition> moved(moved_rows.size());
    positions_in_blocks(weather.site, moved_instants, moved_pressure, moved_temperature, moved);
    for (std::size_t k = 0; k < moved_rows.size(); ++k) {
      sun.zenith_deg[moved_rows[k]] = moved[k].zenith_deg;
      sun.azimuth_deg[moved_rows[k]] = moved[k].azimuth_deg;
    }
  }
  return sun;
}

}  // namespace stargate::pv
