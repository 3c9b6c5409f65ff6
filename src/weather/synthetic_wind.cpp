// Synthetic hourly wind.
//
// Speed (hour t of the year, d its day of year, h its local hour):
//   z_t = phi z_{t-1} + sqrt(1 - phi^2) n_t,  n_t ~ N(0, 1), z_0 = n_0      (stationary AR(1))
//   u_t = Phi(z_t) = erfc(-z_t / sqrt 2) / 2                                   (Gaussian copula)
//   x_t = (-ln(1 - u_t))^(1/k)                                 (unit-scale Weibull quantile)
//   m_t = (1 + A_s cos(2 pi (d - d_peak) / 365.25)) (1 + A_d cos(2 pi (h + 0.5 - h_peak) / 24))
//   v_t = c m_t x_t,  c = V_mean / mean_t(m_t x_t)                         (exact annual mean)
// Brown, Katz and Murphy (1984) transform hourly wind to a Gaussian AR process in the same way;
// the Weibull marginal with k ~ 2 is the standard description of hourly wind-speed distributions
// (Justus et al. 1978, "Methods for estimating wind speed frequency distributions", J. Appl.
// Meteor. 17). Lag-1 autocorrelation of hourly speeds is typically 0.85-0.95 (Brown et al.).
// Worked number: u = 0.5 (z = 0), k = 2 -> x = sqrt(ln 2) = 0.8326; the unit Weibull mean is
// Gamma(1 + 1/2) = 0.8862, so with no modulation c ~ V_mean / 0.8862.
// Direction: prevailing + spread x an AR(1) Gaussian with the same phi, wrapped to [0, 360).
// Temperature: T_mean + A_T,s cos(2 pi (d - 196) / 365.25) + A_T,d cos(2 pi (h + 0.5 - 15) / 24).
// Pressure: ICAO standard atmosphere at elevation + height, in atm.
// Random numbers: std::mt19937_64 seeded by SplitMix64 mixes of (seed, year, stream) for two
// streams (speed, direction); uniforms from the top 53 bits; normals by Box-Muller.
#include "stargate/weather/synthetic_wind.hpp"
#include "stargate/core/random.hpp"
#include "stargate/core/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace stargate {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kMidInterval = 0.5;
constexpr double kWarmestDayOfYear = 196.0;  // mid-July
constexpr double kWarmestHour = 15.0;
constexpr std::uint64_t kSpeedStream = 1;
constexpr std::uint64_t kDirectionStream = 2;
// Mid-month day of year (non-leap) to place the seasonal peak.
constexpr double kMidMonthDay[12] = {15.5,  45.0,  74.5,  105.0, 135.5, 166.0,
                                     196.5, 227.5, 258.0, 288.5, 319.0, 349.5};
// u is kept inside (0, 1) so that the Weibull quantile stays finite.
constexpr double kMaxUniform = 1.0 - 1e-15;
// ICAO standard atmosphere: p/p0 = (1 - L h / T0)^(g M / (R L)).
constexpr double kLapseOverT0PerM = 2.25577e-5;
constexpr double kBarometricExponent = 5.25588;

using Random = DeterministicRandom;

void check(const SyntheticWindParams& p) {
  auto fail = [](const std::string& message) { throw std::invalid_argument(message); };
  if (!(p.mean_speed_m_s > 0.0) || !std::isfinite(p.mean_speed_m_s)) {
    fail(fmt::format("mean wind speed must be above 0 m/s, got {}", p.mean_speed_m_s));
  }
  if (!(p.height_m > 0.0) || !std::isfinite(p.height_m)) {
    fail(fmt::format("height must be above 0 m, got {}", p.height_m));
  }
  if (!(p.weibull_k > 0.5 && p.weibull_k < 10.0)) {
    fail(fmt::format("Weibull shape must be within 0.5..10, got {}", p.weibull_k));
  }
  if (!(p.lag1_correlation >= 0.0 && p.lag1_correlation < 1.0)) {
    fail(fmt::format("lag-1 correlation must be within 0..<1, got {}", p.lag1_correlation));
  }
  if (!(p.seasonal_amplitude >= 0.0 && p.seasonal_amplitude < 1.0) ||
      !(p.diurnal_amplitude >= 0.0 && p.diurnal_amplitude < 1.0)) {
    fail("seasonal and diurnal amplitudes must be within 0..<1");
  }
  if (p.windiest_month < 1 || p.windiest_month > 12 || p.windiest_hour < 0 ||
      p.windiest_hour > 23) {
    fail("windiest month must be 1..12 and windiest hour 0..23");
  }
  if (!std::isfinite(p.prevailing_direction_deg) || !(p.direction_spread_deg >= 0.0) ||
      !std::isfinite(p.temperature_mean_c) || !std::isfinite(p.elevation_m)) {
    fail("direction, temperature and elevation must be finite (spread >= 0)");
  }
}

}  // namespace

WindResource generate_wind(const SyntheticWindParams& params, int year, std::uint64_t seed) {
  check(params);
  const std::size_t days = is_leap_year(year) ? 366 : 365;
  const std::size_t rows = days * static_cast<std::size_t>(kHoursPerDay);
  WindResource resource;
  resource.source = fmt::format("synthetic (mean {} m/s at {} m, k {}, seed {})",
                                params.mean_speed_m_s, params.height_m, params.weibull_k, seed);
  resource.site.year = year;
  resource.site.latitude_deg = params.latitude_deg;
  resource.site.longitude_deg = params.longitude_deg;
  resource.site.elevation_m = params.elevation_m;
  resource.site.description = resource.source;
  resource.interval_s = kSecondsPerHourInt;
  resource.timing = RowTiming::kIntervalAverage;
  resource.time = wind_row_stamps(year, kSecondsPerHourInt, rows);
  WindMeasurementHeight& at = resource.at_height(params.height_m);
  at.speed_m_s.resize(rows);
  at.direction_deg.resize(rows);
  at.temperature_c.resize(rows);
  at.pressure_atm.assign(rows,
                         std::pow(1.0 - kLapseOverT0PerM * (params.elevation_m + params.height_m),
                                  kBarometricExponent));

  Random speed_random(seed, year, kSpeedStream);
  Random direction_random(seed, year, kDirectionStream);
  const double phi = params.lag1_correlation;
  const double innovation = std::sqrt(1.0 - phi * phi);
  const double inverse_k = 1.0 / params.weibull_k;
  const double peak_day = kMidMonthDay[params.windiest_month - 1];
  const LocalTime year_start = local_from_civil(CivilTime{year, 1, 1, 0, 0, 0});
  double z = 0.0;
  double w = 0.0;
  double sum = 0.0;
  for (std::size_t t = 0; t < rows; ++t) {
    const std::int64_t elapsed_s = resource.time[t].seconds - year_start.seconds;
    const std::int64_t whole_days = elapsed_s / kSecondsPerDayInt;
    const std::int64_t whole_hours = elapsed_s % kSecondsPerDayInt / kSecondsPerHourInt;
    const double day_of_year = static_cast<double>(whole_days) + kMidInterval;
    const double hour = static_cast<double>(whole_hours) + kMidInterval;
    const double n = speed_random.normal();
    z = t == 0 ? n : phi * z + innovation * n;
    const double u = std::min(0.5 * std::erfc(-z / std::numbers::sqrt2), kMaxUniform);
    const double x = std::pow(-std::log1p(-u), inverse_k);
    const double seasonal =
        1.0 + params.seasonal_amplitude *
                  std::cos(kTwoPi * (day_of_year - peak_day) / kDaysPerJulianYear);
    const double diurnal =
        1.0 +
        params.diurnal_amplitude *
            std::cos(kTwoPi * (hour - static_cast<double>(params.windiest_hour)) / kHoursPerDay);
    at.speed_m_s[t] = seasonal * diurnal * x;
    sum += at.speed_m_s[t];

    const double m = direction_random.normal();
    w = t == 0 ? m : phi * w + innovation * m;
    double direction = std::fmod(params.prevailing_direction_deg + params.direction_spread_deg * w,
                                 kFullCircleDeg);
    if (direction < 0.0) {
      direction += kFullCircleDeg;
    }
    at.direction_deg[t] = direction;
    at.temperature_c[t] =
        params.temperature_mean_c +
        params.temperature_seasonal_amplitude_c *
            std::cos(kTwoPi * (day_of_year - kWarmestDayOfYear) / kDaysPerJulianYear) +
        params.temperature_diurnal_amplitude_c *
            std::cos(kTwoPi * (hour - kWarmestHour) / kHoursPerDay);
  }
  const double scale = params.mean_speed_m_s * static_cast<double>(rows) / sum;
  for (double& v : at.speed_m_s) {
    v *= scale;
  }
  return resource;
}

}  // namespace stargate
