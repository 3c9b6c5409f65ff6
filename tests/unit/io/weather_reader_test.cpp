// Weather reader: every supported format from small fixtures, every repair with its warning, and
// every error pinned at file:line:column with its message.
#include "stargate/io/weather_reader.hpp"
#include "stargate/core/units.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

std::string fixture(const std::string& name) {
  return std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/weather/" + name;
}

LocalTime at(int year, int month, int day, int hour, int minute = 0) {
  return local_from_civil(CivilTime{year, month, day, hour, minute, 0});
}

// The formatted InputError for `text`, or "" when it reads.
std::string error_of(const std::string& text, const std::string& name = "w.csv") {
  try {
    (void)read_weather_text(text, name);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string file_error_of(const std::string& name) {
  try {
    (void)read_weather_file(fixture(name));
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// Replaces 1-based line `line` of `text`.
std::string with_line(const std::string& text, int line, const std::string& replacement) {
  std::size_t begin = 0;
  for (int i = 1; i < line; ++i) {
    begin = text.find('\n', begin);
    EXPECT_NE(begin, std::string::npos) << "no line " << line;
    ++begin;
  }
  const std::size_t end = text.find('\n', begin);
  return text.substr(0, begin) + replacement + text.substr(end);
}

// ---- NSRDB-style text builder: line 1 site names, line 2 values, line 3 columns, then rows ------

constexpr std::string_view kPsmSite =
    "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n"
    "NSRDB,1,Austin,TX,USA,30.27,-97.74,-6,150\n";
constexpr std::string_view kPsmColumns =
    "Year,Month,Day,Hour,Minute,GHI,DNI,DHI,Temperature,Wind Speed";

// Whole days of rows every `step_min` minutes from year-month-day; values after the time cells.
std::string psm_text(int days = 1, int step_min = 60, const std::string& values = "0,0,0,20,3",
                     int year = 2021, int month = 5, int day = 1,
                     std::string_view columns = kPsmColumns) {
  std::string text = fmt::format("{}{}\n", kPsmSite, columns);
  LocalTime time = at(year, month, day, 0);
  for (int i = 0; i < days * 24 * 60 / step_min; ++i) {
    const CivilTime c = civil_from_local(time);
    text += fmt::format("{},{},{},{},{},{}\n", c.year, c.month, c.day, c.hour, c.minute, values);
    time.seconds += static_cast<std::int64_t>(step_min) * 60;
  }
  return text;
}

// ---- EPW text builder -------------------------------------------------------------------------

constexpr std::string_view kEpwHeader =
    "LOCATION,Testville,-,USA,Fixture,000001,30.5,-97.25,-6.0,150.0\n"
    "DESIGN CONDITIONS,0\n"
    "TYPICAL/EXTREME PERIODS,0\n"
    "GROUND TEMPERATURES,0\n"
    "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n"
    "COMMENTS 1,test\n"
    "COMMENTS 2,test\n"
    "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n";

// One EPW data line; `fields` overrides 1-based fields.
std::string epw_row(int month, int day, int hour, int minute,
                    const std::map<int, std::string>& fields = {}) {
  std::vector<std::string> cells = {"2001",
                                    std::to_string(month),
                                    std::to_string(day),
                                    std::to_string(hour),
                                    std::to_string(minute),
                                    "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
                                    "10.0",
                                    "0.0",
                                    "50",
                                    "100000",
                                    "0",
                                    "0",
                                    "250",
                                    "100",
                                    "200",
                                    "50",
                                    "0",
                                    "0",
                                    "0",
                                    "0",
                                    "180",
                                    "2.5",
                                    "0",
                                    "0",
                                    "16.1",
                                    "77777",
                                    "9",
                                    "999999999",
                                    "4",
                                    "0.04",
                                    "0",
                                    "88",
                                    "0.25",
                                    "0",
                                    "1"};
  for (const auto& [field, value] : fields) {
    cells.at(static_cast<std::size_t>(field - 1)) = value;
  }
  std::string line;
  for (const auto& cell : cells) {
    line += line.empty() ? cell : "," + cell;
  }
  return line;
}

std::string epw_day(int day = 1) {
  std::string text(kEpwHeader);
  for (int hour = 1; hour <= 24; ++hour) {
    text += epw_row(1, day, hour, 0) + "\n";
  }
  return text;
}

// ================================================================================================
// Formats, from fixture files
// ================================================================================================

TEST(WeatherReader, NsrdbV3WithMinute30IsInstantaneousAtHalfPast) {
  const std::string path = fixture("nsrdb_v3_minute30.csv");
  const WeatherSeries w = read_weather_file(path);
  EXPECT_EQ(w.source, path);
  EXPECT_EQ(w.site.name, "NSRDB 123456");  // City is "-": source and location id instead
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 32.21);
  EXPECT_DOUBLE_EQ(w.site.longitude_deg, -110.95);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -7.0);
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 728.0);
  ASSERT_EQ(w.size(), 24U);
  EXPECT_EQ(w.interval_s, 3600);
  EXPECT_EQ(w.timing, RowTiming::kInstantaneous);
  EXPECT_EQ(w.sun_offset_s(), 0);
  EXPECT_EQ(w.time[0], at(2019, 6, 21, 0, 30));
  EXPECT_EQ(w.time[23], at(2019, 6, 21, 23, 30));
  // Line 16: 2019,6,21,12,30,991,109,892,3.7,31.9,10.68,925,0.21,2 (GHI, DHI, DNI in that order).
  EXPECT_EQ(w.ghi_w_m2[12], 991.0);
  EXPECT_EQ(w.dhi_w_m2[12], 109.0);
  EXPECT_EQ(w.dni_w_m2[12], 892.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[12], 3.7);
  EXPECT_DOUBLE_EQ(w.temp_air_c[12], 31.9);
  EXPECT_EQ(w.pressure_mbar[12], 925.0);
  EXPECT_DOUBLE_EQ(w.albedo[12], 0.21);
  EXPECT_TRUE(w.warnings.empty()) << w.warnings.front();
}

TEST(WeatherReader, NsrdbV2ReorderedWithTrailingEmptyColumnsDerivesGhi) {
  const WeatherSeries w = read_weather_file(fixture("nsrdb_v2_no_ghi.csv"));  // CRLF line ends
  EXPECT_EQ(w.site.name, "Boulder, CO");
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 1634.0);
  ASSERT_EQ(w.size(), 24U);
  EXPECT_EQ(w.timing, RowTiming::kInstantaneous);  // a Minute column (all 0)
  EXPECT_EQ(w.time[12], at(2004, 3, 15, 12));
  // Line 16: Minute 0, Hour 12, ..., Temperature 15.0, DNI 800, DHI 100, zenith 15.0, wind 5.4.
  EXPECT_DOUBLE_EQ(w.ghi_w_m2[12], 800.0 * std::cos(15.0 * kDegToRad) + 100.0);
  EXPECT_EQ(w.dni_w_m2[12], 800.0);
  EXPECT_EQ(w.dhi_w_m2[12], 100.0);
  EXPECT_DOUBLE_EQ(w.temp_air_c[12], 15.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[12], 5.4);
  EXPECT_EQ(w.pressure_mbar[12], 840.0);
  EXPECT_TRUE(std::isnan(w.albedo[12]));  // no albedo column: NaN, never zero
  EXPECT_EQ(w.ghi_w_m2[0], 0.0);          // night: zenith 110.5 gives no direct share
  ASSERT_EQ(w.warnings.size(), 1U);
  EXPECT_EQ(w.warnings[0],
            "GHI: no GHI column; derived as DNI*cos(zenith) + DHI from 'Solar Zenith Angle' for "
            "all 24 rows");
}

TEST(WeatherReader, SamTmy3CsvIsIntervalAverageAndKeepsEachMonthsYear) {
  const WeatherSeries w = read_weather_file(fixture("sam_tmy3.csv"));
  EXPECT_EQ(w.site.name, "Golden, CO");
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 39.742);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -7.0);
  ASSERT_EQ(w.size(), 48U);
  EXPECT_EQ(w.timing, RowTiming::kIntervalAverage);
  EXPECT_EQ(w.sun_offset_s(), 1800);
  EXPECT_EQ(w.time[0], at(1991, 1, 31, 0));
  EXPECT_EQ(w.time[23], at(1991, 1, 31, 23));
  EXPECT_EQ(w.time[24], at(1985, 2, 1, 0));  // the typical February comes from another year
  // Line 16: 1991,1,31,12,476,635,71,1.3,-12,45,815,2.7,270,0.18 (Tdry, Pres, Wspd, Albedo).
  EXPECT_EQ(w.ghi_w_m2[12], 476.0);
  EXPECT_EQ(w.dni_w_m2[12], 635.0);
  EXPECT_EQ(w.dhi_w_m2[12], 71.0);
  EXPECT_DOUBLE_EQ(w.temp_air_c[12], 1.3);
  EXPECT_EQ(w.pressure_mbar[12], 815.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[12], 2.7);
  EXPECT_DOUBLE_EQ(w.albedo[12], 0.18);
  EXPECT_TRUE(w.warnings.empty());
}

TEST(WeatherReader, NativeTmy3TimesMarkTheEndOfTheHour) {
  const WeatherSeries w = read_weather_file(fixture("tmy3_native.csv"));
  EXPECT_EQ(w.site.name, "DENVER/CENTENNIAL [GOLDEN - NREL], CO");  // quoted in the file
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 39.742);
  EXPECT_DOUBLE_EQ(w.site.longitude_deg, -105.179);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -7.0);
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 1829.0);
  ASSERT_EQ(w.size(), 24U);
  EXPECT_EQ(w.interval_s, 3600);
  EXPECT_EQ(w.timing, RowTiming::kIntervalAverage);
  EXPECT_EQ(w.time[0], at(1996, 7, 4, 0));    // the row at 01:00 covers 00:00-01:00
  EXPECT_EQ(w.time[23], at(1996, 7, 4, 23));  // the row at 24:00 covers 23:00-24:00
  // Line 15 (13:00, so stamp 12:00): GHI 625, DNI 758, DHI 85, Dry-bulb 28.7, Wspd 3.3.
  EXPECT_EQ(w.ghi_w_m2[12], 625.0);
  EXPECT_EQ(w.dni_w_m2[12], 758.0);
  EXPECT_EQ(w.dhi_w_m2[12], 85.0);
  EXPECT_DOUBLE_EQ(w.temp_air_c[12], 28.7);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[12], 3.3);
  EXPECT_EQ(w.pressure_mbar[12], 820.0);
  EXPECT_DOUBLE_EQ(w.albedo[12], 0.17);
  EXPECT_TRUE(w.warnings.empty());
}

TEST(WeatherReader, EpwHourEndsTheIntervalAndPressureIsConvertedFromPa) {
  const WeatherSeries w = read_weather_file(fixture("epw_two_days.epw"));
  EXPECT_EQ(w.site.name, "Golden, CO");
  EXPECT_DOUBLE_EQ(w.site.latitude_deg, 39.74);
  EXPECT_DOUBLE_EQ(w.site.longitude_deg, -105.18);
  EXPECT_DOUBLE_EQ(w.site.utc_offset_h, -7.0);
  EXPECT_DOUBLE_EQ(w.site.elevation_m, 1829.0);
  ASSERT_EQ(w.size(), 48U);  // a partial year of whole days is accepted
  EXPECT_EQ(w.interval_s, 3600);
  EXPECT_EQ(w.timing, RowTiming::kIntervalAverage);
  EXPECT_EQ(w.time[0], at(1988, 1, 1, 0));
  EXPECT_EQ(w.time[47], at(1988, 1, 2, 23));
  // Line 21 (hour 13, stamp 12:00): dry bulb 2.4, 81501 Pa, GHI 297, DNI 416, DHI 48, wind 2.3.
  EXPECT_DOUBLE_EQ(w.temp_air_c[12], 2.4);
  EXPECT_DOUBLE_EQ(w.pressure_mbar[12], 815.01);
  EXPECT_EQ(w.ghi_w_m2[12], 297.0);
  EXPECT_EQ(w.dni_w_m2[12], 416.0);
  EXPECT_EQ(w.dhi_w_m2[12], 48.0);
  EXPECT_DOUBLE_EQ(w.wind_speed_m_s[12], 2.3);
  EXPECT_DOUBLE_EQ(w.albedo[12], 0.2);
  EXPECT_DOUBLE_EQ(w.pressure_mbar[47], 815.02);
  EXPECT_TRUE(w.warnings.empty());
}

// ================================================================================================
// Columns, timing and calendar
// ================================================================================================

TEST(WeatherReader, ColumnsAreFoundByNameWithSynonymsInAnyCase) {
  const std::string columns = "year,month,day,hour,wspd,Pres,DHI,dni,ghi,TDRY,alb";
  std::string text = fmt::format("{}{}\n", kPsmSite, columns);
  for (int hour = 0; hour < 24; ++hour) {
    text += fmt::format("2021,5,1,{},4.5,1001,50,300,400,21.5,0.3\n", hour);
  }
  const WeatherSeries w = read_weather_text(text, "syn.csv");
  EXPECT_EQ(w.timing, RowTiming::kIntervalAverage);  // no Minute column
  EXPECT_EQ(w.ghi_w_m2[5], 400.0);
  EXPECT_EQ(w.dni_w_m2[5], 300.0);
  EXPECT_EQ(w.dhi_w_m2[5], 50.0);
  EXPECT_EQ(w.temp_air_c[5], 21.5);
  EXPECT_EQ(w.wind_speed_m_s[5], 4.5);
  EXPECT_EQ(w.pressure_mbar[5], 1001.0);
  EXPECT_EQ(w.albedo[5], 0.3);
  EXPECT_TRUE(std::isnan(read_weather_text(psm_text(), "p.csv").pressure_mbar[0]));
}

TEST(WeatherReader, UnitsInParenthesesAndUtf8BomAreIgnored) {
  const std::string columns =
      "Year,Month,Day,Hour,Minute,GHI (W/m2),DNI (W/m2),DHI (W/m2),Temperature (C),Wind Speed "
      "(m/s)";
  const WeatherSeries w =
      read_weather_text("\xEF\xBB\xBF" + psm_text(1, 60, "1,2,0,20,3", 2021, 5, 1, columns), "u");
  EXPECT_EQ(w.ghi_w_m2[0], 1.0);
  EXPECT_EQ(w.dni_w_m2[0], 2.0);
}

TEST(WeatherReader, SubHourlyIntervalsAreFoundFromTheStamps) {
  for (const int step_min : {30, 15, 5, 1}) {
    const WeatherSeries w = read_weather_text(psm_text(1, step_min), "s.csv");
    EXPECT_EQ(w.interval_s, step_min * 60);
    EXPECT_EQ(w.size(), static_cast<std::size_t>(24 * 60 / step_min));
    EXPECT_EQ(w.time[1], at(2021, 5, 1, 0, step_min));
  }
}

TEST(WeatherReader, LeapYearWithTheLeapDayAbsentOrPresentIsAccepted) {
  // 28 February then 1 March 2012: the leap day left out, as NSRDB writes its files.
  std::string text = psm_text(1, 60, "0,0,0,20,3", 2012, 2, 28);
  const std::string march = psm_text(1, 60, "0,0,0,20,3", 2012, 3, 1);
  text += march.substr(march.find("2012,3,1"));
  const WeatherSeries absent = read_weather_text(text, "leap.csv");
  ASSERT_EQ(absent.size(), 48U);
  EXPECT_EQ(absent.time[24], at(2012, 3, 1, 0));
  // With the leap day present.
  const WeatherSeries present =
      read_weather_text(psm_text(3, 60, "0,0,0,20,3", 2012, 2, 28), "leap.csv");
  ASSERT_EQ(present.size(), 72U);
  EXPECT_EQ(present.time[24], at(2012, 2, 29, 0));
  // 29 February of a common year does not exist.
  const std::string bad =
      with_line(psm_text(1, 60, "0,0,0,20,3", 2013, 2, 28), 4, "2013,2,29,0,0,0,0,0,20,3");
  EXPECT_EQ(error_of(bad), "w.csv:4:8: error: Day: 2013-02 has no day 29");
}

TEST(WeatherReader, DataMayRunAcrossNewYear) {
  std::string text = psm_text(1, 60, "0,0,0,20,3", 2020, 12, 31);
  const std::string january = psm_text(1, 60, "0,0,0,20,3", 2021, 1, 1);
  text += january.substr(january.find("2021,1,1"));
  const WeatherSeries w = read_weather_text(text, "ny.csv");
  EXPECT_EQ(w.time[24], at(2021, 1, 1, 0));
}

TEST(WeatherReader, EpwSubHourlyMinutesMarkTheEndOfEachInterval) {
  std::string text(kEpwHeader);
  for (int hour = 1; hour <= 24; ++hour) {
    for (const int minute : {15, 30, 45, 60}) {
      text += epw_row(1, 1, hour, minute) + "\n";
    }
  }
  const WeatherSeries w = read_weather_text(text, "q.epw");
  EXPECT_EQ(w.interval_s, 900);
  ASSERT_EQ(w.size(), 96U);
  EXPECT_EQ(w.time[0], at(2001, 1, 1, 0, 0));
  EXPECT_EQ(w.time[95], at(2001, 1, 1, 23, 45));
  EXPECT_EQ(w.site.name, "Testville");  // state "-" is left out
}

// ================================================================================================
// Repairs, each counted in a warning
// ================================================================================================

TEST(WeatherReader, SmallNegativeIrradianceIsSetToZeroAndCounted) {
  std::string text = psm_text();
  text = with_line(text, 4, "2021,5,1,0,0,-3,-0.5,-9.9,20,3");
  text = with_line(text, 5, "2021,5,1,1,0,-1,0,0,20,3");
  const WeatherSeries w = read_weather_text(text, "n.csv");
  EXPECT_EQ(w.ghi_w_m2[0], 0.0);
  EXPECT_EQ(w.dni_w_m2[0], 0.0);
  EXPECT_EQ(w.dhi_w_m2[0], 0.0);
  ASSERT_EQ(w.warnings.size(), 3U);
  EXPECT_EQ(w.warnings[0], "GHI: 2 small negative values (-10 to 0 W/m2) set to 0");
  EXPECT_EQ(w.warnings[1], "DNI: 1 small negative value (-10 to 0 W/m2) set to 0");
  EXPECT_EQ(w.warnings[2], "DHI: 1 small negative value (-10 to 0 W/m2) set to 0");
}

TEST(WeatherReader, DiffuseAboveGlobalIsCountedAndKept) {
  std::string text = psm_text();
  text = with_line(text, 16, "2021,5,1,12,0,100,0,130,20,3");  // DHI 130 > GHI 100 + 10
  text = with_line(text, 17, "2021,5,1,13,0,100,0,109,20,3");  // within the tolerance
  const WeatherSeries w = read_weather_text(text, "d.csv");
  EXPECT_EQ(w.dhi_w_m2[12], 130.0);
  ASSERT_EQ(w.warnings.size(), 1U);
  EXPECT_EQ(w.warnings[0], "DHI: exceeds GHI by more than 10 W/m2 in 1 row (kept as read)");
}

TEST(WeatherReader, EpwMissingAlbedoAndPressureBecomeNaN) {
  std::string text = epw_day();
  text = with_line(text, 9, epw_row(1, 1, 1, 0, {{33, "999"}, {10, "999999"}}));
  const WeatherSeries w = read_weather_text(text, "m.epw");
  EXPECT_TRUE(std::isnan(w.albedo[0]));
  EXPECT_TRUE(std::isnan(w.pressure_mbar[0]));
  EXPECT_EQ(w.albedo[1], 0.25);
  EXPECT_EQ(w.pressure_mbar[1], 1000.0);
  ASSERT_EQ(w.warnings.size(), 2U);
  EXPECT_EQ(w.warnings[0], "Albedo (field 33): 1 missing value (999) left as NaN");
  EXPECT_EQ(w.warnings[1],
            "Atmospheric Station Pressure (field 10): 1 missing value (999999) left as NaN");
  // A file with no albedo at all (999 everywhere, or rows that stop before field 33): NaN, and no
  // warning, as for a CSV without an albedo column.
  std::string none(kEpwHeader);
  for (int hour = 1; hour <= 24; ++hour) {
    const std::string row = epw_row(1, 1, hour, 0);
    none += row.substr(0, row.find(",0.25,")) + "\n";  // fields 1..32
  }
  const WeatherSeries n = read_weather_text(none, "n.epw");
  EXPECT_TRUE(std::isnan(n.albedo[3]));
  EXPECT_TRUE(n.warnings.empty());
}

// ================================================================================================
// Errors in cells, each at file:line:column
// ================================================================================================

TEST(WeatherReader, BadCellsAreLocated) {
  const std::string text = psm_text();
  // Line 6 is "2021,5,1,2,0,0,0,0,20,3": GHI starts at column 14, Wind Speed at 23.
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,abc,0,0,20,3")),
            "w.csv:6:14: error: GHI: expected a number, got \"abc\"");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,NaN,0,0,20,3")),
            "w.csv:6:14: error: GHI: expected a finite number, got \"NaN\"");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,0,0,0,20,")),
            "w.csv:6:23: error: Wind Speed: empty cell, expected a number");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,0,0,0,20")),
            "w.csv:6:22: error: Wind Speed: the row ends after 9 cells; expected Wind Speed in "
            "cell 10");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2.5,0,0,0,0,20,3")),
            "w.csv:6:10: error: Hour: expected a whole number from 0 to 23, got 2.5");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,13,1,2,0,0,0,0,20,3")),
            "w.csv:6:6: error: Month: expected a whole number from 1 to 12, got 13");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,0,0,0,99.9,3")),
            "w.csv:6:20: error: Temperature: 99.9 degC is outside the accepted range -95 to 65 "
            "degC");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,0,0,0,20,-1")),
            "w.csv:6:23: error: Wind Speed: -1 m/s is outside the accepted range 0 to 100 m/s");
}

TEST(WeatherReader, NegativeOrImpossibleIrradianceIsAnError) {
  const std::string text = psm_text();
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,-10.5,0,0,20,3")),
            "w.csv:6:14: error: GHI: -10.5 W/m2 is negative beyond the tolerance of -10 W/m2 (a "
            "missing-value marker?)");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,0,1501,0,20,3")),
            "w.csv:6:16: error: DNI: 1501 W/m2 is above the physical limit of 1500 W/m2 (a "
            "missing-value marker?)");
  EXPECT_EQ(error_of(with_line(text, 6, "2021,5,1,2,0,9999,0,0,20,3")),
            "w.csv:6:14: error: GHI: 9999 W/m2 is above the physical limit of 1500 W/m2 (a "
            "missing-value marker?)");
}

TEST(WeatherReader, FixtureFilesWithBadCellsAreLocated) {
  EXPECT_EQ(
      file_error_of("bad_pressure_text.csv"),
      fixture("bad_pressure_text.csv") + ":11:36: error: Pres: expected a number, got \"n/a\"");
}

// ================================================================================================
// Errors in the rows' timing and count
// ================================================================================================

TEST(WeatherReader, MissingOrUnorderedRowsAreErrorsAtTheirLine) {
  EXPECT_EQ(file_error_of("bad_missing_hour.csv"),
            fixture("bad_missing_hour.csv") +
                ":9:11: error: time: found 1991-01-31 06:00 after 1991-01-31 04:00 (line 8); rows "
                "must be consecutive intervals of 1 h in time order (29 February may be absent)");
  // Two rows swapped.
  std::string text = psm_text();
  text = with_line(text, 8, "2021,5,1,5,0,0,0,0,20,3");
  text = with_line(text, 9, "2021,5,1,4,0,0,0,0,20,3");
  EXPECT_EQ(error_of(text),
            "w.csv:8:10: error: time: found 2021-05-01 05:00 after 2021-05-01 03:00 (line 7); "
            "rows must be consecutive intervals of 1 h in time order (29 February may be absent)");
  // A repeated row.
  EXPECT_EQ(error_of(with_line(psm_text(), 5, "2021,5,1,0,0,0,0,0,20,3")),
            "w.csv:5:10: error: time: the first two rows are 2021-05-01 00:00 and 2021-05-01 "
            "00:00: rows must be evenly spaced in time order by a whole number of minutes that "
            "divides one hour (1 to 60 min)");
}

TEST(WeatherReader, IntervalsMustDivideOneHour) {
  EXPECT_EQ(error_of(psm_text(1, 120)),
            "w.csv:5:10: error: time: the first two rows are 2021-05-01 00:00 and 2021-05-01 "
            "02:00: rows must be evenly spaced in time order by a whole number of minutes that "
            "divides one hour (1 to 60 min)");
  EXPECT_NE(error_of(psm_text(1, 7)), "");
}

TEST(WeatherReader, DataMustCoverWholeDays) {
  // 23 rows: the day stops at 22:00.
  std::string text = psm_text();
  text = text.substr(0, text.rfind("2021,5,1,23"));
  EXPECT_EQ(error_of(text),
            "w.csv:26:10: error: time: the data end at 2021-05-01 22:00 after 23 rows of 1 h, not "
            "at the end of a day: a weather file must cover whole days");
  // Starting at 01:00.
  std::string late = psm_text(2);
  late = late.substr(0, late.find("2021,5,1,0,")) + late.substr(late.find("2021,5,1,1,"));
  late = late.substr(0, late.rfind("2021,5,2,23"));
  EXPECT_EQ(error_of(late),
            "w.csv:4:10: error: time: the data start at 2021-05-01 01:00; they must start with "
            "the first 1 h of a day (the one from 00:00) and cover whole days");
  // No data rows, or a single one.
  EXPECT_EQ(error_of(fmt::format("{}{}\n", kPsmSite, kPsmColumns)),
            "w.csv:3:1: error: the file has 0 data rows; expected whole days of evenly spaced "
            "rows");
  EXPECT_EQ(error_of(fmt::format("{}{}\n2021,5,1,0,0,0,0,0,20,3\n", kPsmSite, kPsmColumns)),
            "w.csv:4:1: error: the file has 1 data row; expected whole days of evenly spaced rows");
}

TEST(WeatherReader, BlankLinesAreSkipped) {
  std::string text = psm_text();
  text = with_line(text, 10, "\n2021,5,1,6,0,0,0,0,20,3\n  ");
  EXPECT_EQ(read_weather_text(text, "b.csv").size(), 24U);
}

// ================================================================================================
// Errors in the header
// ================================================================================================

TEST(WeatherReader, MissingColumnSuggestsTheClosestName) {
  EXPECT_EQ(file_error_of("bad_missing_wind.csv"),
            fixture("bad_missing_wind.csv") +
                ":3:1: error: Wind Speed: missing required column 'Wind Speed' (names accepted, "
                "ignoring case and a trailing unit in parentheses: wind speed, wspd, windspeed); "
                "did you mean 'Wind Sped'?; columns found: Year, Month, Day, Hour, GHI, DNI, "
                "DHI, Tdry, Tdew, RH, Pres, Wind Sped, Wdir, Albedo");
  const std::string columns = "Year,Month,Day,Hour,Minute,GHI,DNI,DHI,Wind Speed";
  EXPECT_EQ(error_of(fmt::format("{}{}\n", kPsmSite, columns)),
            "w.csv:3:1: error: Temperature: missing required column 'Temperature' (names "
            "accepted, ignoring case and a trailing unit in parentheses: temperature, tdry, "
            "temp, dry-bulb, dry bulb, air temperature); columns found: Year, Month, Day, Hour, "
            "Minute, GHI, DNI, DHI, Wind Speed");
}

TEST(WeatherReader, NoGhiAndNoZenithIsAnError) {
  const std::string columns = "Year,Month,Day,Hour,Minute,DNI,DHI,Temperature,Wind Speed";
  EXPECT_EQ(error_of(fmt::format("{}{}\n", kPsmSite, columns)),
            "w.csv:3:1: error: GHI: missing column 'GHI', and no 'Solar Zenith Angle' column to "
            "derive it from (GHI = DNI*cos(zenith) + DHI); columns found: Year, Month, Day, Hour, "
            "Minute, DNI, DHI, Temperature, Wind Speed");
}

TEST(WeatherReader, DuplicateColumnIsAnError) {
  const std::string columns = "Year,Month,Day,Hour,GHI,DNI,DHI,Tdry,Temperature,Wind Speed";
  EXPECT_EQ(error_of(fmt::format("{}{}\n", kPsmSite, columns)),
            "w.csv:3:38: error: Temperature: a second column for Temperature (the first is 'Tdry' "
            "in cell 8)");
}

TEST(WeatherReader, SiteHeaderErrorsAreLocated) {
  const std::string no_latitude =
      "Source,Location ID,City,State,Country,Lattitude,Longitude,Time Zone,Elevation\n"
      "NSRDB,1,Austin,TX,USA,30.27,-97.74,-6,150\n" +
      std::string(kPsmColumns) + "\n";
  EXPECT_EQ(error_of(no_latitude),
            "w.csv:1:1: error: Latitude: the site header (line 1) has no 'Latitude' field; did you "
            "mean 'Lattitude'?; fields found: Source, Location ID, City, State, Country, "
            "Lattitude, Longitude, Time Zone, Elevation");
  const std::string bad_latitude =
      with_line(psm_text(), 2, "NSRDB,1,Austin,TX,USA,95,-97.74,-6,150");
  EXPECT_EQ(error_of(bad_latitude),
            "w.csv:2:23: error: Latitude: 95 deg is outside the accepted range -90 to 90 deg");
  EXPECT_EQ(error_of(with_line(psm_text(), 2, "NSRDB,1,Austin,TX,USA,30.27,-97.74,x,150")),
            "w.csv:2:36: error: Time Zone: expected a number, got \"x\"");
  EXPECT_EQ(error_of(std::string(kPsmSite)),
            "w.csv:2:42: error: the file ends after line 2; expected the "
            "column names on line 3");
}

TEST(WeatherReader, UnknownFormatIsAnErrorAtTheStart) {
  EXPECT_EQ(error_of("time,ghi\n2021-01-01T00:00,0\n"),
            "w.csv:1:1: error: unrecognised weather file format (line 1 is \"time,ghi\"); "
            "accepted: NSRDB PSM CSV or SAM CSV (line 1 names site fields such as Source, "
            "Latitude, Longitude, Time Zone, Elevation; line 2 their values; line 3 the column "
            "names), NREL TMY3 CSV (line 1 USAF,Name,State,TZ,lat,lon,elev; line 2 the columns "
            "Date (MM/DD/YYYY),Time (HH:MM),...), or EPW (line 1 "
            "LOCATION,city,state,country,source,WMO,lat,lon,tz,elev)");
  EXPECT_EQ(error_of(""), "w.csv:1:1: error: the file is empty");
}

TEST(WeatherReader, MissingOrEmptyFilesAreInputErrors) {
  EXPECT_THROW((void)read_weather_file(fixture("no_such_file.csv")), InputError);
  EXPECT_THROW((void)read_weather_file(fixture("")), InputError);  // a directory
}

TEST(WeatherReader, NativeTmy3DateAndTimeErrorsAreLocated) {
  const std::string site = "724666,Golden,CO,-7.0,39.742,-105.179,1829\n";
  const std::string columns =
      "Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),Dry-bulb (C),Wspd "
      "(m/s)\n";
  std::string text = site + columns;
  for (int hour = 1; hour <= 24; ++hour) {
    text += fmt::format("01/02/2001,{:02}:00,0,0,0,5,2\n", hour);
  }
  EXPECT_EQ(read_weather_text(text, "t.csv").time[0], at(2001, 1, 2, 0));
  EXPECT_EQ(error_of(with_line(text, 3, "01/02/2001,00:00,0,0,0,5,2"), "t.csv"),
            "t.csv:3:12: error: Time (HH:MM): expected the end of the hour as HH:MM from 01:00 to "
            "24:00, got \"00:00\"");
  EXPECT_EQ(error_of(with_line(text, 3, "2001-01-02,01:00,0,0,0,5,2"), "t.csv"),
            "t.csv:3:1: error: Date (MM/DD/YYYY): expected a date MM/DD/YYYY, got \"2001-01-02\"");
  EXPECT_EQ(error_of(with_line(text, 1, "724666,Golden,CO,-7.0"), "t.csv"),
            "t.csv:1:22: error: site: the TMY3 site line has 4 fields; expected 7: USAF, Name, "
            "State, TZ, latitude, longitude, elevation");
  EXPECT_EQ(error_of(with_line(text, 1, "724666,Golden,CO,-7.0,39.742,-105.179,high"), "t.csv"),
            "t.csv:1:39: error: TMY3 elevation: expected a number, got \"high\"");
}

TEST(WeatherReader, EpwErrorsAreLocated) {
  const std::string text = epw_day();
  EXPECT_EQ(error_of(with_line(text, 9, epw_row(1, 1, 0, 0)), "e.epw"),
            "e.epw:9:10: error: Hour (field 4): expected a whole number from 1 to 24, got 0");
  EXPECT_EQ(error_of(with_line(text, 9, epw_row(1, 1, 1, 0, {{7, "99.9"}})), "e.epw"),
            "e.epw:9:63: error: Dry Bulb Temperature (field 7): 99.9 degC is outside the accepted "
            "range -95 to 65 degC");
  EXPECT_EQ(error_of(with_line(text, 9, epw_row(1, 1, 1, 0, {{14, "9999"}})), "e.epw"),
            "e.epw:9:90: error: Global Horizontal Radiation (field 14): 9999 W/m2 is above the "
            "physical limit of 1500 W/m2 (a missing-value marker?)");
  EXPECT_EQ(error_of(with_line(text, 9, epw_row(1, 1, 1, 0, {{10, "5000"}})), "e.epw"),
            "e.epw:9:75: error: Atmospheric Station Pressure (field 10): 5000 Pa is outside the "
            "accepted range 30000 to 120000 Pa");
  const std::string row = epw_row(1, 1, 1, 0);
  const std::string short_row = row.substr(0, row.find(",180,"));  // fields 1..20
  EXPECT_EQ(error_of(with_line(text, 9, short_row), "e.epw"),
            fmt::format("e.epw:9:{}: error: Wind Speed (field 22): the row ends after 20 cells; "
                        "expected Wind Speed (field 22) in cell 22",
                        short_row.size() + 1));
  EXPECT_EQ(error_of(with_line(text, 8, "COMMENTS 3,extra"), "e.epw"),
            "e.epw:8:1: error: expected the EPW header line DATA PERIODS at line 8, got "
            "\"COMMENTS 3,extra\"");
  EXPECT_EQ(error_of("LOCATION,Testville,-,USA,Fixture,000001,30.5,-97.25,-6.0,150.0\n"
                     "DESIGN CONDITIONS,0\n",
                     "e.epw"),
            "e.epw:2:1: error: the file ends at line 2; an EPW file has 8 header lines (LOCATION "
            "... DATA PERIODS) before the data");
  EXPECT_EQ(error_of("LOCATION,Testville,-,USA\n", "e.epw"),
            "e.epw:1:25: error: LOCATION: the LOCATION line has 4 fields; expected 10: LOCATION, "
            "city, state, country, source, WMO, latitude, longitude, time zone, elevation");
}

}  // namespace
}  // namespace stargate
