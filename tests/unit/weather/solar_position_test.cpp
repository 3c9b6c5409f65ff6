// Tests of src/weather/solar_position.cpp: NREL's SPA against the worked example and the Julian
// day examples of the paper (NREL/TP-560-34302), and the fast many-instant path against the
// full algorithm over whole years.
#include "stargate/weather/solar_position.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {
namespace {

constexpr std::int64_t kHourS = 3600;
constexpr std::int64_t kMinuteS = 60;

// The paper's worked example (Table A5.1 inputs): Golden, Colorado.
SpaInput golden_example() {
  SpaInput input;
  input.year = 2003;
  input.month = 10;
  input.day = 17;
  input.hour = 12;
  input.minute = 30;
  input.second = 30.0;
  input.timezone_h = -7.0;
  input.delta_ut1_s = 0.0;
  input.delta_t_s = 67.0;
  input.latitude_deg = 39.742476;
  input.longitude_deg = -105.1786;
  input.elevation_m = 1830.14;
  input.pressure_mbar = 820.0;
  input.temperature_c = 11.0;
  input.atmos_refract_deg = 0.5667;
  return input;
}

TEST(SpaJulianDay, PaperExamples) {
  struct Example {
    int year;
    int month;
    double day;
    double jd;
  };
  // The paper's Table 4.1 (dates before 1582-10-15 are Julian-calendar dates).
  const Example examples[] = {
      {2000, 1, 1.5, 2451545.0},   {1999, 1, 1.0, 2451179.5},   {1987, 1, 27.0, 2446822.5},
      {1987, 6, 19.5, 2446966.0},  {1988, 1, 27.0, 2447187.5},  {1988, 6, 19.5, 2447332.0},
      {1900, 1, 1.0, 2415020.5},   {1600, 1, 1.0, 2305447.5},   {1600, 12, 31.0, 2305812.5},
      {837, 4, 10.3, 2026871.8},   {-123, 12, 31.0, 1676496.5}, {-122, 1, 1.0, 1676497.5},
      {-1000, 7, 12.5, 1356001.0}, {-1000, 2, 29.0, 1355866.5}, {-1001, 8, 17.9, 1355671.4},
      {-4712, 1, 1.5, 0.0},
  };
  for (const Example& e : examples) {
    EXPECT_NEAR(julian_day(e.year, e.month, e.day), e.jd, 1e-9)
        << e.year << "-" << e.month << "-" << e.day;
  }
  // The last day of the Julian calendar is followed by the first of the Gregorian one.
  EXPECT_DOUBLE_EQ(julian_day(1582, 10, 4.0) + 1.0, julian_day(1582, 10, 15.0));
}

TEST(SpaWorkedExample, IntermediateValues) {
  const SpaDetails d = spa_details(golden_example());
  EXPECT_NEAR(d.jd, 2452930.312847, 1e-6);
  EXPECT_NEAR(d.l_deg, 24.0182616917, 1e-9);
  EXPECT_NEAR(d.b_deg, -0.0001011219, 1e-10);
  EXPECT_NEAR(d.r_au, 0.9965422974, 1e-10);
  EXPECT_NEAR(d.theta_deg, 204.0182616917, 1e-9);
  EXPECT_NEAR(d.beta_deg, 0.0001011219, 1e-10);
  EXPECT_NEAR(d.delta_psi_deg, -0.00399840, 1e-8);
  EXPECT_NEAR(d.delta_epsilon_deg, 0.00166657, 1e-8);
  EXPECT_NEAR(d.epsilon_deg, 23.440465, 1e-6);
  EXPECT_NEAR(d.delta_tau_deg, -0.005711359, 1e-9);
  EXPECT_NEAR(d.lambda_deg, 204.0085519281, 1e-9);
  EXPECT_NEAR(d.nu_deg, 318.5119, 1e-4);
  EXPECT_NEAR(d.alpha_deg, 202.22741, 1e-5);
  EXPECT_NEAR(d.delta_deg, -9.31434, 1e-5);
  // The paper prints H = 11.105900; we get 11.1059020 (nu and alpha agree to its digits).
  EXPECT_NEAR(d.h_deg, 11.105900, 1e-5);
  EXPECT_NEAR(d.xi_deg, 0.002451, 1e-6);
  // H' = H - delta_alpha and alpha' = alpha + delta_alpha (equations 38, 40).
  EXPECT_NEAR(d.delta_alpha_deg, 202.22704 - 202.22741, 1e-5);
  EXPECT_DOUBLE_EQ(d.h_prime_deg, d.h_deg - d.delta_alpha_deg);
  EXPECT_NEAR(d.alpha_prime_deg, 202.22704, 1e-5);
  EXPECT_NEAR(d.delta_prime_deg, -9.316179, 1e-6);
  EXPECT_NEAR(d.e0_deg, 39.872046, 1e-6);
  EXPECT_NEAR(d.e_deg, 39.888378, 1e-6);
  EXPECT_NEAR(d.zenith_deg, 50.11162, 1e-5);
  EXPECT_NEAR(d.azimuth_deg, 194.34024, 1e-5);
  EXPECT_NEAR(d.gamma_deg, 14.34024, 1e-5);
}

TEST(SpaWorkedExample, Position) {
  const SolarPosition p = spa_position(golden_example());
  EXPECT_NEAR(p.zenith_deg, 50.11162, 1e-5);
  EXPECT_NEAR(p.azimuth_deg, 194.34024, 1e-5);
  EXPECT_NEAR(p.elevation_deg, 90.0 - 50.11162, 1e-5);
  EXPECT_NEAR(p.declination_deg, -9.31434, 1e-5);
  EXPECT_NEAR(p.earth_sun_distance_au, 0.9965422974, 1e-10);
}

TEST(SpaPosition, DefaultsAreStandardAtmosphereAndDeltaT) {
  const SpaInput input;
  EXPECT_EQ(input.delta_t_s, kSpaDefaultDeltaTS);
  EXPECT_EQ(input.delta_ut1_s, 0.0);
  EXPECT_EQ(input.pressure_mbar, 1013.25);
  EXPECT_EQ(input.temperature_c, 15.0);
  EXPECT_EQ(input.atmos_refract_deg, 0.5667);
}

TEST(SpaPosition, TimezoneAndDeltaUt1ShiftTheInstant) {
  SpaInput local = golden_example();
  SpaInput utc = local;
  utc.timezone_h = 0.0;
  utc.hour = 19;  // 12:30:30 at UTC-7
  EXPECT_DOUBLE_EQ(spa_details(local).jd, spa_details(utc).jd);
  SpaInput shifted = utc;
  shifted.delta_ut1_s = 0.5;
  EXPECT_NEAR((spa_details(shifted).jd - spa_details(utc).jd) * 86400.0, 0.5, 1e-4);
}

TEST(SpaPosition, RefractionOnlyAboveTheHorizonLimit) {
  SpaInput input = golden_example();
  input.hour = 23;  // night in Golden
  const SpaDetails night = spa_details(input);
  EXPECT_LT(night.e0_deg, -(0.26667 + input.atmos_refract_deg));
  EXPECT_EQ(night.delta_e_deg, 0.0);
  EXPECT_EQ(night.e_deg, night.e0_deg);
  // Refraction grows as the sun sinks and scales with pressure over temperature.
  const SpaDetails day = spa_details(golden_example());
  EXPECT_GT(day.delta_e_deg, 0.0);
  SpaInput denser = golden_example();
  denser.pressure_mbar *= 2.0;
  EXPECT_NEAR(spa_details(denser).delta_e_deg, 2.0 * day.delta_e_deg, 1e-12);
}

TEST(SpaPosition, AzimuthConventions) {
  // Equinox, local solar noon on the Greenwich meridian: south of a northern site, north of a
  // southern one; the sun rises in the east.
  SpaInput input;
  input.year = 2025;
  input.month = 3;
  input.day = 20;
  input.hour = 12;
  input.minute = 7;  // equation of time
  input.latitude_deg = 45.0;
  EXPECT_NEAR(spa_position(input).azimuth_deg, 180.0, 0.5);
  EXPECT_NEAR(spa_position(input).zenith_deg, 45.0, 0.5);
  input.latitude_deg = -45.0;
  const double southern_azimuth = spa_position(input).azimuth_deg;
  EXPECT_TRUE(southern_azimuth < 0.5 || southern_azimuth > 359.5) << southern_azimuth;
  input.hour = 6;
  input.minute = 7;
  EXPECT_NEAR(spa_position(input).azimuth_deg, 90.0, 1.0);
  EXPECT_NEAR(spa_position(input).zenith_deg, 90.0, 1.0);
}

TEST(SpaPosition, RejectsOutOfRangeInput) {
  const auto rejects = [](auto change) {
    SpaInput input = golden_example();
    change(input);
    EXPECT_THROW((void)spa_position(input), std::invalid_argument);
  };
  rejects([](SpaInput& in) { in.year = 6001; });
  rejects([](SpaInput& in) { in.month = 13; });
  rejects([](SpaInput& in) { in.day = 0; });
  rejects([](SpaInput& in) { in.minute = 60; });
  rejects([](SpaInput& in) { in.latitude_deg = 90.5; });
  rejects([](SpaInput& in) { in.longitude_deg = -181.0; });
  rejects([](SpaInput& in) { in.pressure_mbar = -1.0; });
  rejects([](SpaInput& in) { in.temperature_c = std::numeric_limits<double>::quiet_NaN(); });
  rejects([](SpaInput& in) { in.temperature_c = -273.0; });
  rejects([](SpaInput& in) { in.delta_ut1_s = 1.5; });
}

// The full SPA at a site's local standard time, with the defaults spa_positions uses.
SolarPosition full_at(const WeatherSite& site, LocalTime time, double pressure_mbar,
                      double temperature_c) {
  const CivilTime civil = civil_from_local(time);
  SpaInput input;
  input.year = civil.year;
  input.month = civil.month;
  input.day = civil.day;
  input.hour = civil.hour;
  input.minute = civil.minute;
  input.second = civil.second;
  input.timezone_h = site.utc_offset_h;
  input.latitude_deg = site.latitude_deg;
  input.longitude_deg = site.longitude_deg;
  input.elevation_m = site.elevation_m;
  input.pressure_mbar = pressure_mbar;
  input.temperature_c = temperature_c;
  return spa_position(input);
}

double angle_difference_deg(double a, double b) {
  const double d = std::fmod(std::fabs(a - b), 360.0);
  return std::min(d, 360.0 - d);
}

struct Agreement {
  double max_zenith_deg = 0.0;
  double max_azimuth_deg = 0.0;
  std::size_t compared = 0;
};

// Compares the fast path with the full SPA at every instant with the sun above the horizon
// (zenith < 90): the zenith and azimuth must agree within `tolerance_deg`.
Agreement compare_with_full(const WeatherSite& site, const std::vector<LocalTime>& times,
                            const std::vector<double>& pressure,
                            const std::vector<double>& temperature) {
  std::vector<SolarPosition> fast(times.size());
  spa_positions(site, times, pressure, temperature, fast);
  Agreement agreement;
  for (std::size_t i = 0; i < times.size(); ++i) {
    const double p = pressure.empty() || std::isnan(pressure[i]) ? 1013.25 : pressure[i];
    const double t = temperature.empty() || std::isnan(temperature[i]) ? 15.0 : temperature[i];
    const SolarPosition full = full_at(site, times[i], p, t);
    EXPECT_NEAR(fast[i].declination_deg, full.declination_deg, 1e-6) << i;
    EXPECT_NEAR(fast[i].earth_sun_distance_au, full.earth_sun_distance_au, 1e-8) << i;
    EXPECT_NEAR(fast[i].elevation_deg, 90.0 - fast[i].zenith_deg, 1e-12) << i;
    if (full.zenith_deg >= 90.0) {
      continue;
    }
    ++agreement.compared;
    agreement.max_zenith_deg =
        std::max(agreement.max_zenith_deg, std::fabs(fast[i].zenith_deg - full.zenith_deg));
    agreement.max_azimuth_deg = std::max(
        agreement.max_azimuth_deg, angle_difference_deg(fast[i].azimuth_deg, full.azimuth_deg));
  }
  return agreement;
}

std::vector<LocalTime> instants(int year, int month, int day, std::size_t count,
                                std::int64_t step_s, std::int64_t first_offset_s = 0) {
  std::vector<LocalTime> times(count);
  const LocalTime start = local_from_civil(CivilTime{year, month, day, 0, 0, 0});
  for (std::size_t i = 0; i < count; ++i) {
    times[i].seconds = start.seconds + first_offset_s + static_cast<std::int64_t>(i) * step_s;
  }
  return times;
}

WeatherSite golden() {
  return WeatherSite{"Golden, CO", 39.742476, -105.1786, 1830.14, -7.0};
}
WeatherSite phoenix() {
  return WeatherSite{"Phoenix, AZ", 33.43, -112.02, 331.0, -7.0};
}
WeatherSite melbourne() {
  return WeatherSite{"Melbourne", -37.81, 144.96, 31.0, 10.0};
}
WeatherSite tromso() {
  return WeatherSite{"Tromso", 69.65, 18.96, 10.0, 1.0};
}
WeatherSite mumbai() {
  return WeatherSite{"Mumbai", 19.08, 72.88, 14.0, 5.5};
}

TEST(SolarPositions, FastMatchesFullEveryHourOfAYear) {
  for (const WeatherSite& site : {golden(), phoenix(), melbourne()}) {
    for (const int year : {2024, 2025}) {
      const std::size_t hours = is_leap_year(year) ? 8784 : 8760;
      // Mid-hour instants, as for hourly interval averages.
      const std::vector<LocalTime> times = instants(year, 1, 1, hours, kHourS, 30 * kMinuteS);
      const Agreement a = compare_with_full(site, times, {}, {});
      EXPECT_GT(a.compared, hours / 3) << site.name;
      EXPECT_LT(a.max_zenith_deg, 1e-4) << site.name << " " << year;
      EXPECT_LT(a.max_azimuth_deg, 1e-4) << site.name << " " << year;
      RecordProperty(site.name + " " + std::to_string(year) + " max zenith diff",
                     std::to_string(a.max_zenith_deg));
      std::printf(
          "%s %d: %zu hours with sun up, max |fast - full| zenith %.3g deg, azimuth "
          "%.3g deg\n",
          site.name.c_str(), year, a.compared, a.max_zenith_deg, a.max_azimuth_deg);
    }
  }
}

TEST(SolarPositions, FastMatchesFullEveryMinuteAcrossDaysAndSites) {
  // One-minute instants over a few days around the solstices and equinoxes, at sites with a
  // fractional UTC offset, a polar day and a southern summer.
  for (const WeatherSite& site : {tromso(), mumbai(), melbourne(), golden()}) {
    for (const int month : {3, 6, 9, 12}) {
      const std::vector<LocalTime> times = instants(2026, month, 19, 3 * 24 * 60, kMinuteS);
      const Agreement a = compare_with_full(site, times, {}, {});
      EXPECT_LT(a.max_zenith_deg, 1e-4) << site.name << " month " << month;
      EXPECT_LT(a.max_azimuth_deg, 1e-4) << site.name << " month " << month;
    }
  }
}

TEST(SolarPositions, FastMatchesFullOverThirtyYears) {
  // Every 7 hours (all times of day) from 2000 to 2030: the daily table over 11,000 days.
  const std::size_t count = 30 * 365 * 24 / 7;
  const std::vector<LocalTime> times = instants(2000, 1, 1, count, 7 * kHourS);
  const Agreement a = compare_with_full(melbourne(), times, {}, {});
  EXPECT_GT(a.compared, count / 3);
  EXPECT_LT(a.max_zenith_deg, 1e-4);
  EXPECT_LT(a.max_azimuth_deg, 1e-4);
  std::printf("2000-2030 every 7 h: max |fast - full| zenith %.3g deg, azimuth %.3g deg\n",
              a.max_zenith_deg, a.max_azimuth_deg);
}

TEST(SolarPositions, UsesPressureAndTemperaturePerInstant) {
  const WeatherSite site = phoenix();
  const std::vector<LocalTime> times = instants(2025, 7, 1, 48, kHourS);
  std::vector<double> pressure(times.size());
  std::vector<double> temperature(times.size());
  for (std::size_t i = 0; i < times.size(); ++i) {
    pressure[i] =
        i % 5 == 0 ? std::numeric_limits<double>::quiet_NaN() : 950.0 + static_cast<double>(i);
    temperature[i] =
        i % 7 == 0 ? std::numeric_limits<double>::quiet_NaN() : 20.0 + 0.5 * static_cast<double>(i);
  }
  const Agreement a = compare_with_full(site, times, pressure, temperature);
  EXPECT_GT(a.compared, 20U);
  EXPECT_LT(a.max_zenith_deg, 1e-4);
  EXPECT_LT(a.max_azimuth_deg, 1e-4);
}

TEST(SolarPositions, UnsortedAndSparseInstants) {
  const WeatherSite site = golden();
  // Unsorted instants over a week go through the table.
  std::vector<LocalTime> times = instants(2025, 1, 1, 7 * 24, kHourS);
  std::reverse(times.begin(), times.end());
  std::rotate(times.begin(), times.begin() + 50, times.end());
  Agreement a = compare_with_full(site, times, {}, {});
  EXPECT_LT(a.max_zenith_deg, 1e-4);
  EXPECT_LT(a.max_azimuth_deg, 1e-4);
  // A few instants years apart are evaluated one by one, exactly as the full SPA.
  const std::vector<LocalTime> sparse{local_from_civil(CivilTime{2003, 10, 17, 12, 30, 30}),
                                      local_from_civil(CivilTime{2030, 6, 21, 12, 0, 0})};
  std::vector<SolarPosition> out(sparse.size());
  spa_positions(site, sparse, {}, {}, out);
  for (std::size_t i = 0; i < sparse.size(); ++i) {
    const SolarPosition full = full_at(site, sparse[i], 1013.25, 15.0);
    EXPECT_NEAR(out[i].zenith_deg, full.zenith_deg, 1e-9);
    EXPECT_NEAR(out[i].azimuth_deg, full.azimuth_deg, 1e-9);
  }
}

TEST(SolarPositions, WorkedExampleInstant) {
  // The paper's instant on an hourly-style series: fast path agrees with the published zenith
  // up to the delta T difference (67 s in the paper, kSpaDefaultDeltaTS here) and refraction at
  // the standard atmosphere instead of 820 mbar and 11 C.
  const WeatherSite site = golden();
  std::vector<LocalTime> times = instants(2003, 10, 16, 72, kHourS);
  const LocalTime example = local_from_civil(CivilTime{2003, 10, 17, 12, 30, 30});
  times[40] = example;
  std::vector<double> pressure(times.size(), 820.0);
  std::vector<double> temperature(times.size(), 11.0);
  std::vector<SolarPosition> out(times.size());
  spa_positions(site, times, pressure, temperature, out);
  EXPECT_NEAR(out[40].zenith_deg, 50.11162, 2e-4);
  EXPECT_NEAR(out[40].azimuth_deg, 194.34024, 2e-4);
}

TEST(SolarPositions, ChecksSizesAndRanges) {
  const WeatherSite site = golden();
  const std::vector<LocalTime> times = instants(2025, 1, 1, 24, kHourS);
  std::vector<SolarPosition> out(times.size());
  std::vector<SolarPosition> short_out(3);
  const std::vector<double> short_values(3, 1000.0);
  EXPECT_THROW(spa_positions(site, times, {}, {}, short_out), std::invalid_argument);
  EXPECT_THROW(spa_positions(site, times, short_values, {}, out), std::invalid_argument);
  EXPECT_THROW(spa_positions(site, times, {}, short_values, out), std::invalid_argument);
  WeatherSite bad = site;
  bad.latitude_deg = 95.0;
  EXPECT_THROW(spa_positions(bad, times, {}, {}, out), std::invalid_argument);
  const std::vector<double> cold(times.size(), -300.0);
  EXPECT_THROW(spa_positions(site, times, {}, cold, out), std::invalid_argument);
  const std::vector<LocalTime> far{LocalTime{std::numeric_limits<std::int64_t>::max()}};
  std::vector<SolarPosition> one(1);
  EXPECT_THROW(spa_positions(site, far, {}, {}, one), std::invalid_argument);
  spa_positions(site, {}, {}, {}, {});  // nothing to do
}

}  // namespace
}  // namespace stargate
