// Sun position of each weather row with the timing conventions of PVWatts v8.
//
// Rows that are interval averages (hourly files without a Minute column) get the sun at the
// middle of their interval, except the rows that contain sunrise or sunset: these get the sun at
// the middle of the part of the interval when the sun is up,
//   sunrise row: t = (t_sunrise + t_end) / 2,    sunset row: t = (t_start + t_sunset) / 2,
// a row contains sunrise when its mid-time lies in [t_sunrise - dt/2, t_sunrise + dt/2), sunset
// when in (t_sunset - dt/2, t_sunset + dt/2]; PVWatts evaluates these positions at the start of
// the minute containing t (it passes whole minutes to its solar position routine, which moves
// the sunrise and sunset positions 30 s earlier on average). Instantaneous rows get the sun at
// their stamp.
// A row produces only while the sun is up: sunrise and sunset rows, and rows whose time lies
// between sunrise and sunset.
//
// Sunrise and sunset: the instants when the centre of the sun is 0.8333 deg below the geometric
// horizon (34' of refraction plus the 16' solar radius: the NREL SPA's sunrise, Reda & Andreas
// 2008, appendix A.2). They are found from the hour angle: for a reference row of the day with
// unrefracted elevation e0 and declination d, cos H = (sin e0 - sin phi sin d) / (cos phi cos d),
// and the hour angle at sunrise is -H0 with cos H0 = (sin(-0.8333) - sin phi sin d) /
// (cos phi cos d); the hour angle advances 15 deg per hour, so t_sunrise = t_ref + (-H0 - H) / 15
// h. The reference is the first (last) row of the day with e0 >= 3 deg, where refraction is
// small and known (SPA eq. 42, inverted); the result agrees with SPA's sunrise to a few seconds.
// A day with cos H0 > 1 has no sunrise (polar night), cos H0 < -1 no sunset (midnight sun).
//
// Sun positions: NREL SPA (stargate/weather/solar_position.hpp) with the row's pressure when it
// is above 800 mbar (else 1013.25) and its air temperature, as PVWatts does.
//
// Worked number: Phoenix (33.43 N, -112.02 E, UTC-7) on 1 January: sunrise 07:32, sunset 17:31
// local standard time; the hour 07:00-08:00 takes the sun at 07:46, the hour 17:00-18:00 at 17:15.
//
// Sources: I. Reda, A. Andreas, "Solar Position Algorithm for Solar Radiation Applications",
// NREL/TP-560-34302, 2008; A.P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641, 2014
// (sec. 3, sunrise and sunset hours); NREL SAM/PVWatts v8 documentation (timestamps of hourly
// weather data).
#pragma once

#include <cstdint>
#include <vector>

#include "stargate/core/weather_series.hpp"

namespace stargate::pv {

/// Whether the sun is up during a row, with PVWatts' codes.
enum class SunUp : std::uint8_t {
  kDown = 0,     ///< sun down the whole row: no output
  kUp = 1,       ///< sun up the whole row
  kSunrise = 2,  ///< the row contains sunrise
  kSunset = 3,   ///< the row contains sunset
};

/// Sunrise and sunset of one day in hours of local standard time. A day without sunrise has
/// sunrise 100, sunset -100; a day without sunset has sunrise -100, sunset 100.
struct SunriseSunset {
  double sunrise_h = 6.0;
  double sunset_h = 18.0;
};

/// The sun of every row of a weather series.
struct SunColumns {
  std::vector<double> zenith_deg;   ///< apparent (refracted) zenith
  std::vector<double> azimuth_deg;  ///< eastward from north
  std::vector<SunUp> sun_up;
};

/// The SPA refraction correction (deg) for an unrefracted elevation, pressure and temperature
/// (SPA eq. 42; zero below -0.8333 deg).
[[nodiscard]] double spa_refraction_deg(double true_elevation_deg, double pressure_mbar,
                                        double temperature_c);

/// The unrefracted elevation whose refracted value is `apparent_elevation_deg`.
[[nodiscard]] double unrefracted_elevation_deg(double apparent_elevation_deg, double pressure_mbar,
                                               double temperature_c);

/// Sunrise and sunset from a reference instant: its hour of day (local standard), the sun's
/// unrefracted elevation, azimuth and declination then, and the site latitude (degrees).
[[nodiscard]] SunriseSunset sunrise_sunset_from(double reference_hour, double elevation_deg,
                                                double azimuth_deg, double declination_deg,
                                                double latitude_deg);

/// Classifies a row whose sun instant is `hour` (local standard hours of its day; the middle of
/// the interval for interval averages) and, for sunrise and sunset rows of interval averages,
/// writes the hour of the sun position to use. `interval_h` <= 0 means instantaneous rows.
[[nodiscard]] SunUp classify_row(double hour, double interval_h, const SunriseSunset& day,
                                 double& sun_hour);

/// Sun positions of every row of `weather` with the conventions above.
[[nodiscard]] SunColumns pvwatts_sun(const WeatherSeries& weather);

}  // namespace stargate::pv
