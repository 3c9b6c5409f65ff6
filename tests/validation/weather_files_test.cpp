// The weather reader on the two real files in ../shared/data/weather (see its README.md): NSRDB
// TMY2 Phoenix in SAM's CSV layout, and NSRDB PSM v3 Texas 2012 (a leap year, leap day removed).
// Skipped, with a message, when the shared data folder is absent.
//
// The expected annual sums were computed independently from the files with awk, e.g.
//   awk -F, 'NR>3{g+=$5} END{printf "%.12f\n", g/1000}' "USA AZ Phoenix (TMY2).csv"
// (columns 5-7 are GHI, DNI, DHI in the Phoenix file; 6-8 are GHI, DHI, DNI in the Texas file).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "stargate/io/weather_reader.hpp"

namespace stargate {
namespace {

std::filesystem::path weather_file(const char* name) {
  return std::filesystem::path(STARGATE_SHARED_DATA_DIR) / "weather" / name;
}

constexpr double kRelativeTolerance = 1e-9;

LocalTime at(int year, int month, int day, int hour, int minute = 0) {
  return local_from_civil(CivilTime{year, month, day, hour, minute, 0});
}

// Sum of an hourly W/m2 column in kWh/m2.
double annual_kwh_m2(const std::vector<double>& hourly_w_m2) {
  double sum_wh = 0.0;
  for (const double value : hourly_w_m2) {
    sum_wh += value;
  }
  return sum_wh / 1000.0;
}

std::string absent_message(const std::filesystem::path& path) {
  return "shared data absent: " + path.string() +
         " (the validation tests read ../shared/data next to the project root)";
}

TEST(WeatherFiles, PhoenixTmy2InSamCsvLayout) {
  const std::filesystem::path phoenix = weather_file("USA AZ Phoenix (TMY2).csv");
  if (!std::filesystem::exists(phoenix)) {
    GTEST_SKIP() << absent_message(phoenix);
  }
  const WeatherSeries w = read_weather_file(phoenix);
  EXPECT_EQ(w.source, phoenix.string());
  EXPECT_EQ(w.site.name, "Phoenix, AZ");
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 33.433333);
  EXPECT_DOUBLE_EQ(w.site.longitude_deg, -112.016667);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -7.0);
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 339.0);
  ASSERT_EQ(w.size(), 8760U);
  EXPECT_EQ(w.interval_s, 3600);
  EXPECT_EQ(w.timing, RowTiming::kIntervalAverage);  // no Minute column: hour averages
  EXPECT_EQ(w.sun_offset_s(), 1800);
  // A typical year: each month keeps the year it was taken from.
  EXPECT_EQ(w.time.front(), at(1988, 1, 1, 0));
  EXPECT_EQ(w.time.back(), at(1990, 12, 31, 23));

  EXPECT_NEAR(annual_kwh_m2(w.ghi_w_m2), 2116.976, 2116.976 * kRelativeTolerance);
  EXPECT_NEAR(annual_kwh_m2(w.dni_w_m2), 2518.615, 2518.615 * kRelativeTolerance);
  EXPECT_NEAR(annual_kwh_m2(w.dhi_w_m2), 565.682, 565.682 * kRelativeTolerance);
  // First row: 1988,1,1,0,0,0,0,5.6,-3.3,53,983,2.1,... (Tdry, Pres, Wspd).
  EXPECT_DOUBLE_EQ(w.temp_air_c[0], 5.6);
  EXPECT_DOUBLE_EQ(w.pressure_mbar[0], 983.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[0], 2.1);
  EXPECT_TRUE(std::isnan(w.albedo[0]));  // no albedo column

  // Four hours have DHI more than 10 W/m2 above GHI (e.g. 1966-04-21 09:00: GHI 379, DHI 394):
  // counted, kept as read.
  ASSERT_EQ(w.warnings.size(), 1U);
  EXPECT_EQ(w.warnings[0], "DHI: exceeds GHI by more than 10 W/m2 in 4 rows (kept as read)");
}

TEST(WeatherFiles, TexasPsmV3ActualLeapYearWithoutTheLeapDay) {
  const std::filesystem::path texas = weather_file("35.2018863_-101.945027_psmv3_60_2012.csv");
  if (!std::filesystem::exists(texas)) {
    GTEST_SKIP() << absent_message(texas);
  }
  const WeatherSeries w = read_weather_file(texas);
  EXPECT_EQ(w.site.name, "NSRDB 564277");  // City is "-"
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 35.21);
  EXPECT_DOUBLE_EQ(w.site.longitude_deg, -101.94);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -6.0);
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 1102.0);
  ASSERT_EQ(w.size(), 8760U);  // 2012 has 366 days; 29 February is absent
  EXPECT_EQ(w.interval_s, 3600);
  EXPECT_EQ(w.timing, RowTiming::kInstantaneous);  // Minute = 30
  EXPECT_EQ(w.sun_offset_s(), 0);
  EXPECT_EQ(w.time.front(), at(2012, 1, 1, 0, 30));
  constexpr std::size_t kFirstOfMarch =
      std::size_t{59} * 24;  // 31 + 28 days before 1 March in the file
  EXPECT_EQ(w.time[kFirstOfMarch - 1], at(2012, 2, 28, 23, 30));
  EXPECT_EQ(w.time[kFirstOfMarch], at(2012, 3, 1, 0, 30));
  EXPECT_EQ(w.time.back(), at(2012, 12, 31, 23, 30));
  for (std::size_t i = 1; i < w.size(); ++i) {
    ASSERT_LT(w.time[i - 1], w.time[i]) << "row " << i;
  }

  EXPECT_NEAR(annual_kwh_m2(w.ghi_w_m2), 2002.201, 2002.201 * kRelativeTolerance);
  EXPECT_NEAR(annual_kwh_m2(w.dni_w_m2), 2547.159, 2547.159 * kRelativeTolerance);
  EXPECT_NEAR(annual_kwh_m2(w.dhi_w_m2), 509.255, 509.255 * kRelativeTolerance);
  // First row: 2012,1,1,0,30,0,0,0,1.8,-1,167,900,-6 (Wind Speed, Temperature, Pressure).
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[0], 1.8);
  EXPECT_DOUBLE_EQ(w.temp_air_c[0], -1.0);
  EXPECT_DOUBLE_EQ(w.pressure_mbar[0], 900.0);
  EXPECT_TRUE(std::isnan(w.albedo[0]));
  EXPECT_TRUE(w.warnings.empty()) << w.warnings.front();
}

}  // namespace
}  // namespace stargate
