// Synthetic hourly weather from monthly climate means, for offline runs.
//
// Daily clearness index: Aguiar, Collares-Pereira and Conde (1988), "Simple procedure for
// generating sequences of daily radiation values using a library of Markov transition
// matrices", Solar Energy 40(3). Hourly clearness: Graham and Hollands (1990), "A method to
// generate synthetic hourly solar radiation globally", Solar Energy 44(6). Clear sky: Ineichen
// and Perez (2002), see clear_sky.hpp. Direct/diffuse split: DISC (Maxwell 1987). Temperature
// and wind: diurnal cycles around the monthly means with day-to-day noise. Identical inputs and
// seed give identical output on every platform (own normal draws from std::mt19937_64, no std
// distributions). docs/synthetic-weather.md describes the models and their calibration.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "stargate/core/weather_series.hpp"

namespace stargate {

/// Monthly means of a site's climate, January first.
struct MonthlyClimate {
  std::string source;                           ///< where the numbers come from
  std::array<double, 12> ghi_kwh_m2_day{};      ///< mean daily global horizontal irradiation
  std::array<double, 12> temp_mean_c{};         ///< mean air temperature
  std::array<double, 12> temp_daily_range_c{};  ///< mean daily max - min
  std::array<double, 12> wind_speed_m_s{};      ///< mean wind speed at 10 m
  /// Linke turbidity of the clear-sky model (Ineichen and Perez 2002); an entry <= 0 means "not
  /// known": the generator then uses kDefaultLinkeTurbidity for that month and says so in the
  /// series' warnings.
  std::array<double, 12> linke_turbidity{};
};

/// Linke turbidity used for a month whose climate gives none: a typical rural mid-latitude sky.
inline constexpr double kDefaultLinkeTurbidity = 3.0;

/// Monthly climate of Abilene, TX (with its source in `source`).
[[nodiscard]] const MonthlyClimate& abilene_climate();

/// One calendar year of hourly weather (interval averages, 8760 or 8784 rows) at `site`.
/// Stamps are the start of each hour in site standard time; the sun position of a row is taken
/// at mid-hour. Each month's mean daily GHI equals climate.ghi_kwh_m2_day (unless it exceeds the
/// clear-sky total, which is then reached and a warning added), hourly GHI never exceeds
/// kClearSkyCap times the clear-sky GHI, and monthly mean temperature and wind speed equal the
/// climate's. Pressure is the standard atmosphere at the site's elevation; albedo is NaN.
/// Throws std::invalid_argument for a non-finite or negative climate value or a latitude outside
/// -90..90.
[[nodiscard]] WeatherSeries generate_weather(const WeatherSite& site, const MonthlyClimate& climate,
                                             int year, std::uint64_t seed);

/// Hourly GHI never exceeds this multiple of the Ineichen-Perez clear-sky GHI (cloud enhancement
/// above clear sky is real but rare and short in hourly averages).
inline constexpr double kClearSkyCap = 1.1;

/// Direct normal irradiance from GHI by the DISC model: E. L. Maxwell, "A quasi-physical model for
/// converting hourly global horizontal to direct normal insolation", SERI/TR-215-3087 (1987).
/// `zenith_deg` is the apparent zenith, `dni_extra_w_m2` the extraterrestrial normal irradiance.
/// 0 when GHI <= 0 or the zenith exceeds 87 deg; never above GHI / cos z (so DHI >= 0).
[[nodiscard]] double disc_dni_w_m2(double ghi_w_m2, double zenith_deg, double dni_extra_w_m2);

}  // namespace stargate
