#include "stargate/io/wind_resource_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

const std::string kFixtureDir = std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/wind/";

constexpr const char* kHeader =
    "7,City,ST,Land,2021,35.0,-101.5,Not Available,1,3\n"
    "description\n"
    "Temperature,Pressure,Speed,Direction\n"
    "C,atm,m/s,Degrees\n"
    "80,80,80,80\n";

/// The first diagnostic of the InputError thrown by reading `text`.
Diagnostic first_error(const std::string& text) {
  try {
    (void)read_wind_resource_text(text, "t.srw");
  } catch (const InputError& error) {
    return error.diagnostics().front();
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return {};
}

TEST(WindResourceReader, ReadsFixtureWithFieldsMissingAtSomeHeights) {
  const WindResource r = read_wind_resource_file(kFixtureDir + "three_heights.srw");
  EXPECT_EQ(r.site.year, 2021);
  EXPECT_EQ(r.site.city, "Testville");
  EXPECT_DOUBLE_EQ(r.site.latitude_deg, 35.0);
  EXPECT_DOUBLE_EQ(r.site.elevation_m, 1000.0);
  EXPECT_EQ(r.interval_s, 3600);
  ASSERT_EQ(r.size(), 4U);
  ASSERT_EQ(r.heights.size(), 4U);  // 2, 50, 80, 100 m in ascending order
  EXPECT_DOUBLE_EQ(r.heights[0].height_m, 2.0);
  EXPECT_TRUE(r.heights[0].has(WindField::kTemperature));
  EXPECT_FALSE(r.heights[0].has(WindField::kSpeed));
  EXPECT_DOUBLE_EQ(r.heights[1].height_m, 50.0);
  EXPECT_FALSE(r.heights[1].has(WindField::kTemperature));
  EXPECT_DOUBLE_EQ(r.heights[3].speed_m_s[1], 7.5);
  EXPECT_DOUBLE_EQ(r.heights[3].pressure_atm[0], 0.89);
  // 365 deg wrapped to 5 deg, with a counted warning.
  EXPECT_DOUBLE_EQ(r.heights[2].direction_deg[2], 5.0);
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_NE(r.warnings[0].find("1 wind directions"), std::string::npos);
  // Stamps: hours from 2021-01-01T00:00.
  EXPECT_EQ(r.time[1].seconds - r.time[0].seconds, 3600);
}

TEST(WindResourceReader, ConvertsUnitsAndWarnsOnMissingElevation) {
  const std::string text =
      "7,City,ST,Land,2021,35.0,-101.5,Not Available,1,1\n"
      "d\n"
      "Temperature,Pressure,Speed,Direction\n"
      "K,Pa,m/s,deg\n"
      "80,80,80,80\n"
      "283.15,101325,5,90\n";
  const WindResource r = read_wind_resource_text(text, "t.srw");
  EXPECT_NEAR(r.heights[0].temperature_c[0], 10.0, 1e-12);
  EXPECT_NEAR(r.heights[0].pressure_atm[0], 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(r.site.elevation_m));
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_NE(r.warnings[0].find("elevation"), std::string::npos);
}

TEST(WindResourceReader, LeapYearWith8760RowsSkipsTheLeapDay) {
  const auto stamps = wind_row_stamps(2012, 3600, 8760);
  const CivilTime c = civil_from_local(stamps[59 * 24]);  // 60th day of the file
  EXPECT_EQ(c.month, 3);
  EXPECT_EQ(c.day, 1);
}

TEST(WindResourceReader, NonNumericCellNamesLineColumnAndField) {
  const Diagnostic d = first_error(std::string(kHeader) + "1,0.9,5,10\n1,0.9,abc,10\n1,0.9,5,10\n");
  EXPECT_EQ(d.where.file, "t.srw");
  EXPECT_EQ(d.where.line, 7);
  EXPECT_EQ(d.where.column, 7);
  EXPECT_EQ(d.field, "Speed@80m");
}

TEST(WindResourceReader, NegativeSpeedIsAnError) {
  const Diagnostic d = first_error(std::string(kHeader) + "1,0.9,5,10\n1,0.9,-2,10\n1,0.9,5,10\n");
  EXPECT_EQ(d.where.line, 7);
  EXPECT_EQ(d.field, "Speed@80m");
  EXPECT_NE(d.message.find("outside"), std::string::npos);
}

TEST(WindResourceReader, WrongRowCountIsAnError) {
  const Diagnostic d = first_error(std::string(kHeader) + "1,0.9,5,10\n1,0.9,5,10\n");
  EXPECT_EQ(d.field, "rows");
  EXPECT_NE(d.message.find("states 3 rows"), std::string::npos);
}

TEST(WindResourceReader, MissingSpeedFieldIsAnError) {
  const Diagnostic d = first_error(
      "7,City,ST,Land,2021,35,-101,1000,1,1\nd\nTemperature,Pressure\nC,atm\n80,80\n1,0.9\n");
  EXPECT_EQ(d.field, "Speed");
  EXPECT_EQ(d.where.line, 3);
}

TEST(WindResourceReader, UnknownFieldAndUnitAndShortRowAreErrors) {
  Diagnostic d =
      first_error("7,City,ST,Land,2021,35,-101,1000,1,1\nd\nSpeed,Humidity\nm/s,%\n80,80\n1,0.9\n");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 7);
  d = first_error("7,City,ST,Land,2021,35,-101,1000,1,1\nd\nSpeed\nknots\n80\n1\n");
  EXPECT_EQ(d.where.line, 4);
  EXPECT_EQ(d.field, "Speed");
  d = first_error(std::string(kHeader) + "1,0.9,5,10\n1,0.9\n1,0.9,5,10\n");
  EXPECT_EQ(d.where.line, 7);
  EXPECT_EQ(d.field, "Speed@80m");
}

TEST(WindResourceReader, BadHeaderLinesAreErrors) {
  EXPECT_EQ(first_error("7,City,ST\n").where.line, 1);
  EXPECT_EQ(first_error("7,City,ST,Land,20x1,35,-101,1000,1,1\n").field, "year");
  EXPECT_EQ(first_error("7,City,ST,Land,2021,35,-101,1000,1,1\nd\nSpeed\nm/s\n").where.line, 5);
  EXPECT_EQ(
      first_error("7,City,ST,Land,2021,35,-101,1000,1,1\nd\nSpeed,Speed\nm/s,m/s\n80,80\n").field,
      "Speed@80m");
  EXPECT_EQ(first_error("7,City,ST,Land,2021,35,-101,1000,1,1\nd\nSpeed\nm/s\n0\n1\n").where.line,
            5);
}

}  // namespace
}  // namespace stargate
