// Synthetic hourly wind resource for a year, for offline runs and tests.
//
// Hourly speeds are Weibull-distributed with persistence: a Gaussian AR(1) process mapped through
// the normal CDF and the inverse Weibull CDF (a Gaussian copula; Brown, Katz and Murphy 1984,
// "Time series models to simulate and forecast wind speed and wind power", J. Climate Appl.
// Meteor. 23), times seasonal and diurnal factors, scaled so the year's mean speed equals the
// requested one exactly. Temperature follows seasonal and diurnal cosines, pressure the standard
// atmosphere; direction is a prevailing direction with AR(1) wander. Identical inputs and seed
// give identical output on every platform (std::mt19937_64 and own normal draws; no std
// distributions). docs/wind.md describes the method.
#pragma once

#include <cstdint>

#include "stargate/core/wind_resource.hpp"

namespace stargate {

struct SyntheticWindParams {
  double mean_speed_m_s = 7.5;  ///< annual mean at height_m (matched exactly)
  double height_m = 100.0;
  double weibull_k = 2.0;            ///< shape of the hourly distribution before modulation
  double lag1_correlation = 0.9;     ///< hour-to-hour correlation of the Gaussian process, 0..<1
  double seasonal_amplitude = 0.15;  ///< relative amplitude of the annual cycle, 0..<1
  int windiest_month = 4;            ///< month of the annual maximum (1..12; April: US plains)
  double diurnal_amplitude = 0.10;   ///< relative amplitude of the daily cycle, 0..<1
  int windiest_hour = 0;             ///< local hour of the daily maximum (0..23; night at hub
                                     ///< height in the plains: the low-level jet)
  double prevailing_direction_deg = 180.0;
  double direction_spread_deg = 40.0;  ///< standard deviation of the wander around it
  double temperature_mean_c = 15.0;
  double temperature_seasonal_amplitude_c = 10.0;  ///< warmest mid-July
  double temperature_diurnal_amplitude_c = 5.0;    ///< warmest 15:00
  double elevation_m = 0.0;  ///< site elevation for the standard-atmosphere pressure
  double latitude_deg = 0.0;
  double longitude_deg = 0.0;
};

/// One calendar year of hourly rows (8760, or 8784 in a leap year) at one height. Throws
/// std::invalid_argument for parameters out of range.
[[nodiscard]] WindResource generate_wind(const SyntheticWindParams& params, int year,
                                         std::uint64_t seed);

}  // namespace stargate
