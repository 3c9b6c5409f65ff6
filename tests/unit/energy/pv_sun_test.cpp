// Tests of src/energy/pv_sun.cpp: refraction inversion, sunrise and sunset from a reference
// instant, the classification of rows and the sun position per weather row with PVWatts'
// conventions, checked against the full NREL SPA.
#include "energy/pv_sun.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>

#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/weather/solar_position.hpp"

namespace stargate::pv {
namespace {

const WeatherSite kPhoenix{"Phoenix, AZ", 33.433333, -112.016667, 339.0, -7.0};

SpaInput phoenix_input(int month, int day, double hour, double pressure_mbar) {
  SpaInput in;
  in.year = 2021;
  in.month = month;
  in.day = day;
  in.hour = static_cast<int>(hour);
  const double minutes = (hour - in.hour) * 60.0;
  in.minute = static_cast<int>(minutes);
  in.second = (minutes - in.minute) * 60.0;
  in.timezone_h = kPhoenix.utc_offset_h;
  in.latitude_deg = kPhoenix.latitude_deg;
  in.longitude_deg = kPhoenix.longitude_deg;
  in.elevation_m = kPhoenix.elevation_m;
  in.pressure_mbar = pressure_mbar;
  in.temperature_c = 10.0;
  return in;
}

// Sunrise (morning) or sunset by bisection on the geometric elevation (SPA without refraction).
double bisect_horizon_crossing(int month, int day, double low_h, double high_h) {
  const double rising = spa_position(phoenix_input(month, day, low_h, 0.0)).elevation_deg < -0.8333;
  for (int k = 0; k < 60; ++k) {
    const double mid = 0.5 * (low_h + high_h);
    const bool below = spa_position(phoenix_input(month, day, mid, 0.0)).elevation_deg < -0.8333;
    ((below == rising) ? low_h : high_h) = mid;
  }
  return 0.5 * (low_h + high_h);
}

WeatherSeries one_day(int month, int day, RowTiming timing) {
  WeatherSeries w;
  w.site = kPhoenix;
  w.interval_s = 3600;
  w.timing = timing;
  w.resize(24);
  const std::int64_t minute = timing == RowTiming::kInstantaneous ? 30 : 0;
  for (int h = 0; h < 24; ++h) {
    w.time[static_cast<std::size_t>(h)] =
        local_from_civil({2021, month, day, h, static_cast<int>(minute), 0});
    w.temp_air_c[static_cast<std::size_t>(h)] = 10.0;
    w.pressure_mbar[static_cast<std::size_t>(h)] = 983.0;
  }
  return w;
}

TEST(Refraction, InversionRoundTrip) {
  for (const double pressure : {700.0, 983.0, 1013.25}) {
    for (const double e0 : {-0.8, -0.5, 0.0, 0.5, 2.0, 5.0, 15.0, 45.0, 89.0}) {
      const double apparent = e0 + spa_refraction_deg(e0, pressure, 10.0);
      EXPECT_NEAR(unrefracted_elevation_deg(apparent, pressure, 10.0), e0, 1e-9) << e0;
    }
  }
  // Below the SPA limit (-0.8333 deg) there is no refraction.
  EXPECT_DOUBLE_EQ(spa_refraction_deg(-2.0, 1013.25, 15.0), 0.0);
  EXPECT_DOUBLE_EQ(unrefracted_elevation_deg(-2.0, 1013.25, 15.0), -2.0);
  // About 0.48 deg at the horizon in the standard atmosphere.
  EXPECT_NEAR(spa_refraction_deg(0.0, 1010.0, 10.0), 0.483, 1e-3);
}

TEST(SunriseSunset, EquatorAtEquinox) {
  // Latitude 0, declination 0: H0 = acos(sin(-0.8333 deg)) = 90.8333 deg, so the day lasts
  // 2 * 90.8333 / 15 = 12.111 h around solar noon.
  const SunriseSunset day = sunrise_sunset_from(12.0, 90.0, 180.0, 0.0, 0.0);
  EXPECT_NEAR(day.sunrise_h, 12.0 - 90.8333 / 15.0, 1e-6);
  EXPECT_NEAR(day.sunset_h, 12.0 + 90.8333 / 15.0, 1e-6);
  // The same from a morning reference: elevation 30 deg in the east is hour angle -60 deg.
  const SunriseSunset morning = sunrise_sunset_from(8.0, 30.0, 90.0, 0.0, 0.0);
  EXPECT_NEAR(morning.sunrise_h, 8.0 - (90.8333 - 60.0) / 15.0, 1e-6);
}

TEST(SunriseSunset, PolarDayAndNight) {
  const SunriseSunset night = sunrise_sunset_from(12.0, -10.0, 180.0, -23.0, 80.0);
  EXPECT_DOUBLE_EQ(night.sunrise_h, 100.0);
  EXPECT_DOUBLE_EQ(night.sunset_h, -100.0);
  const SunriseSunset day = sunrise_sunset_from(12.0, 30.0, 180.0, 23.0, 80.0);
  EXPECT_DOUBLE_EQ(day.sunrise_h, -100.0);
  EXPECT_DOUBLE_EQ(day.sunset_h, 100.0);
}

TEST(SunriseSunset, AgreesWithSpaWithinSeconds) {
  // Phoenix, 1 January 2021: reference at 10:30.
  const SolarPosition ref = spa_position(phoenix_input(1, 1, 10.5, 0.0));
  const SunriseSunset day = sunrise_sunset_from(10.5, ref.elevation_deg, ref.azimuth_deg,
                                                ref.declination_deg, kPhoenix.latitude_deg);
  const double sunrise = bisect_horizon_crossing(1, 1, 5.0, 10.0);
  const double sunset = bisect_horizon_crossing(1, 1, 15.0, 20.0);
  EXPECT_NEAR(day.sunrise_h, sunrise, 10.0 / 3600.0);
  EXPECT_NEAR(day.sunset_h, sunset, 20.0 / 3600.0);
  // 07:32 and 17:31 local standard time.
  EXPECT_NEAR(sunrise, 7.0 + 32.0 / 60.0, 1.0 / 60.0);
  EXPECT_NEAR(sunset, 17.0 + 31.0 / 60.0, 1.0 / 60.0);
}

TEST(ClassifyRow, IntervalAverages) {
  const SunriseSunset day{7.2, 17.4};
  double sun_hour = 0.0;
  EXPECT_EQ(classify_row(6.5, 1.0, day, sun_hour), SunUp::kDown);
  EXPECT_EQ(classify_row(7.5, 1.0, day, sun_hour), SunUp::kSunrise);
  EXPECT_DOUBLE_EQ(sun_hour, (7.2 + 8.0) / 2.0);
  EXPECT_EQ(classify_row(12.5, 1.0, day, sun_hour), SunUp::kUp);
  EXPECT_DOUBLE_EQ(sun_hour, 12.5);
  EXPECT_EQ(classify_row(17.5, 1.0, day, sun_hour), SunUp::kSunset);
  EXPECT_DOUBLE_EQ(sun_hour, (17.0 + 17.4) / 2.0);
  EXPECT_EQ(classify_row(18.5, 1.0, day, sun_hour), SunUp::kDown);
  // Instantaneous rows: only up or down.
  EXPECT_EQ(classify_row(7.1, 0.0, day, sun_hour), SunUp::kDown);
  EXPECT_EQ(classify_row(7.5, 0.0, day, sun_hour), SunUp::kUp);
  EXPECT_EQ(classify_row(17.5, 0.0, day, sun_hour), SunUp::kDown);
  // Polar cases.
  EXPECT_EQ(classify_row(3.5, 1.0, SunriseSunset{-100.0, 100.0}, sun_hour), SunUp::kUp);
  EXPECT_EQ(classify_row(12.5, 1.0, SunriseSunset{100.0, -100.0}, sun_hour), SunUp::kDown);
}

TEST(PvwattsSun, IntervalAveragesFollowPvwatts) {
  const WeatherSeries w = one_day(1, 1, RowTiming::kIntervalAverage);
  const SunColumns sun = pvwatts_sun(w);
  for (int h = 0; h < 24; ++h) {
    const auto i = static_cast<std::size_t>(h);
    const SunUp expected = h < 7 || h > 17 ? SunUp::kDown
                           : h == 7        ? SunUp::kSunrise
                           : h == 17       ? SunUp::kSunset
                                           : SunUp::kUp;
    EXPECT_EQ(sun.sun_up[i], expected) << h;
  }
  // A daytime row: the sun at mid-hour, with the row's pressure and temperature.
  EXPECT_NEAR(sun.zenith_deg[12], spa_position(phoenix_input(1, 1, 12.5, 983.0)).zenith_deg, 1e-5);
  EXPECT_NEAR(sun.azimuth_deg[12], spa_position(phoenix_input(1, 1, 12.5, 983.0)).azimuth_deg,
              1e-5);
  // The sunrise row: the sun at the start of the minute holding (sunrise + 08:00) / 2.
  const double sunrise = bisect_horizon_crossing(1, 1, 5.0, 10.0);
  const double t = (sunrise + 8.0) / 2.0;
  const double minute_start = std::floor(t * 60.0) / 60.0;
  const double expected = spa_position(phoenix_input(1, 1, minute_start, 983.0)).zenith_deg;
  EXPECT_NEAR(sun.zenith_deg[7], expected, 0.25);  // one minute of sun motion at most
  const double sunset = bisect_horizon_crossing(1, 1, 15.0, 20.0);
  const double t_set = std::floor((17.0 + sunset) / 2.0 * 60.0) / 60.0;
  EXPECT_NEAR(sun.zenith_deg[17], spa_position(phoenix_input(1, 1, t_set, 983.0)).zenith_deg, 0.25);
  EXPECT_LT(sun.zenith_deg[7], 90.0);
  EXPECT_LT(sun.zenith_deg[17], 90.0);
}

TEST(PvwattsSun, InstantaneousRowsUseTheirStamp) {
  const WeatherSeries w = one_day(6, 21, RowTiming::kInstantaneous);
  const SunColumns sun = pvwatts_sun(w);
  for (int h = 0; h < 24; ++h) {
    const auto i = static_cast<std::size_t>(h);
    const SolarPosition expected = spa_position(phoenix_input(6, 21, h + 0.5, 983.0));
    EXPECT_NEAR(sun.zenith_deg[i], expected.zenith_deg, 1e-5) << h;
    // Up exactly while the centre of the sun is above -0.8333 deg geometrically.
    const double geometric = spa_position(phoenix_input(6, 21, h + 0.5, 0.0)).elevation_deg;
    EXPECT_EQ(sun.sun_up[i] == SunUp::kUp, geometric > -0.8333) << h;
    EXPECT_NE(sun.sun_up[i], SunUp::kSunrise);
  }
}

}  // namespace
}  // namespace stargate::pv
