// Solar position: NREL's Solar Position Algorithm (SPA).
//
// Source: I. Reda and A. Andreas, "Solar Position Algorithm for Solar Radiation Applications",
// NREL/TP-560-34302 (2003, revised 2008); uncertainty +/-0.0003 deg over -2000..6000.
// Angles in degrees. Azimuth is measured eastward from north (180 = due south).
//
// Time scales: UTC is the local standard time minus the timezone; UT1 = UTC + delta_ut1
// (|delta_ut1| < 0.9 s, published by the IERS; 0 by default, an error of at most 0.004 deg in the
// hour angle) and TT = UT1 + delta_t. Delta T defaults to kSpaDefaultDeltaTS = 69 s, close to
// the observed values since 2017 (69.0-69.4 s; 63.8 s in 2000, 67 s in the paper's 2003
// example). For 2000-2030 the constant is off by at most about 6 s, in which the sun moves by
// under 7e-5 deg (Delta T only shifts the ephemeris, not the hour angle).
#pragma once

#include <cstddef>
#include <span>

#include "stargate/core/weather_series.hpp"

namespace stargate {

/// Delta T = TT - UT1 (s) used by default and by spa_positions (see above).
inline constexpr double kSpaDefaultDeltaTS = 69.0;
/// Standard atmosphere used by default and for missing pressures and temperatures.
inline constexpr double kSpaStandardPressureMbar = 1013.25;
inline constexpr double kSpaStandardTemperatureC = 15.0;
/// Refraction at sunrise and sunset (deg) used by default and by spa_positions.
inline constexpr double kSpaDefaultAtmosRefractDeg = 0.5667;

/// Inputs of one SPA evaluation (the paper's notation in comments).
struct SpaInput {
  int year = 2000;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  double second = 0.0;
  double timezone_h = 0.0;                ///< local standard time offset from UTC
  double delta_ut1_s = 0.0;               ///< UT1 - UTC
  double delta_t_s = kSpaDefaultDeltaTS;  ///< TT - UT1 (Delta T)
  double latitude_deg = 0.0;              ///< phi
  double longitude_deg = 0.0;             ///< sigma, east positive
  double elevation_m = 0.0;               ///< E
  double pressure_mbar = kSpaStandardPressureMbar;
  double temperature_c = kSpaStandardTemperatureC;
  double atmos_refract_deg = kSpaDefaultAtmosRefractDeg;  ///< refraction at sunrise/sunset
};

struct SolarPosition {
  double zenith_deg = 0.0;       ///< topocentric zenith, corrected for refraction
  double azimuth_deg = 0.0;      ///< topocentric, eastward from north
  double elevation_deg = 0.0;    ///< 90 - zenith
  double declination_deg = 0.0;  ///< geocentric declination
  double earth_sun_distance_au = 1.0;
};

/// Every intermediate quantity of one SPA evaluation, in the paper's symbols (degrees unless
/// named otherwise), for checks and diagnostics.
struct SpaDetails {
  double jd = 0.0;                 ///< Julian day (UT1)
  double jde = 0.0;                ///< Julian ephemeris day (TT)
  double jc = 0.0;                 ///< Julian century
  double jce = 0.0;                ///< Julian ephemeris century
  double jme = 0.0;                ///< Julian ephemeris millennium
  double l_deg = 0.0;              ///< L, Earth heliocentric longitude
  double b_deg = 0.0;              ///< B, Earth heliocentric latitude
  double r_au = 0.0;               ///< R, Earth radius vector
  double theta_deg = 0.0;          ///< Theta, geocentric longitude
  double beta_deg = 0.0;           ///< beta, geocentric latitude
  double delta_psi_deg = 0.0;      ///< nutation in longitude
  double delta_epsilon_deg = 0.0;  ///< nutation in obliquity
  double epsilon0_arcsec = 0.0;    ///< mean obliquity of the ecliptic
  double epsilon_deg = 0.0;        ///< true obliquity of the ecliptic
  double delta_tau_deg = 0.0;      ///< aberration correction
  double lambda_deg = 0.0;         ///< apparent sun longitude
  double nu0_deg = 0.0;            ///< Greenwich mean sidereal time
  double nu_deg = 0.0;             ///< Greenwich apparent sidereal time
  double alpha_deg = 0.0;          ///< geocentric right ascension
  double delta_deg = 0.0;          ///< geocentric declination
  double h_deg = 0.0;              ///< observer local hour angle
  double xi_deg = 0.0;             ///< equatorial horizontal parallax of the sun
  double delta_alpha_deg = 0.0;    ///< parallax in right ascension
  double alpha_prime_deg = 0.0;    ///< topocentric right ascension
  double delta_prime_deg = 0.0;    ///< topocentric declination
  double h_prime_deg = 0.0;        ///< topocentric local hour angle
  double e0_deg = 0.0;             ///< topocentric elevation without refraction
  double delta_e_deg = 0.0;        ///< refraction correction
  double e_deg = 0.0;              ///< topocentric elevation
  double zenith_deg = 0.0;         ///< topocentric zenith
  double gamma_deg = 0.0;          ///< topocentric astronomers' azimuth (westward from south)
  double azimuth_deg = 0.0;        ///< topocentric azimuth, eastward from north
};

/// Julian day of a calendar date (the paper's equation 4), `day` carrying the fraction of the
/// day (UT): Gregorian calendar from 1582-10-15, Julian calendar before.
[[nodiscard]] double julian_day(int year, int month, double day);

/// The full SPA for one instant with every intermediate quantity. Throws std::invalid_argument
/// for an input out of range (year outside -2000..6000, month, day, time of day, |timezone| >
/// 18 h, |delta_ut1| > 1 s, |delta_t| > 8000 s, latitude, longitude, pressure 0..5000 mbar,
/// temperature above -273 up to 6000 C, |atmos_refract| > 5 deg), NaN included. Dates before
/// 1582-10-15 are Julian-calendar dates, as in the paper.
[[nodiscard]] SpaDetails spa_details(const SpaInput& input);

/// The full SPA for one instant (reference implementation; a few microseconds each). Throws as
/// spa_details.
[[nodiscard]] SolarPosition spa_position(const SpaInput& input);

/// Sun positions for many instants at one site, agreeing with the full SPA within 1e-6 deg
/// (tests require 1e-4). Fast (about 40 ns an instant): the slowly varying heliocentric and
/// nutation terms are evaluated at 0 h UT of each day and interpolated by cubics through four
/// days; only the sidereal time, hour angle, parallax and refraction are computed per instant.
/// `local_times` are site standard times at `utc_offset_h`; `pressure_mbar` and
/// `temperature_c` may be empty (standard atmosphere 1013.25 mbar, 15 C) or one per instant
/// (NaN entries take the standard value). `out` has one entry per instant. Uses delta_ut1 = 0,
/// delta_t = kSpaDefaultDeltaTS and atmos_refract = kSpaDefaultAtmosRefractDeg; times are
/// proleptic Gregorian. The only allocation is a table of the days spanned (when there are more
/// days than instants, each instant is evaluated by the full SPA instead). Throws
/// std::invalid_argument when a span's size does not match, the site is out of range or an
/// instant lies outside the years -2000..6000.
void spa_positions(const WeatherSite& site, std::span<const LocalTime> local_times,
                   std::span<const double> pressure_mbar, std::span<const double> temperature_c,
                   std::span<SolarPosition> out);

}  // namespace stargate
