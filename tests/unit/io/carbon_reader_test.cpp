// Carbon reader: AVERT's hour-of-year layout with a byte-order mark, unit conversion, clamping of
// negative rates, a time-column CSV, and errors pinned at file:line:column.
#include "stargate/io/carbon_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

std::string fixture(const std::string& name) {
  return std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/market/" + name;
}

LocalTime at(int year, int month, int day, int hour) {
  return local_from_civil(CivilTime{year, month, day, hour, 0, 0});
}

std::string error_of(const std::string& text, const CarbonCsvOptions& options) {
  try {
    (void)read_carbon_csv_text(text, "c.csv", options);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

CarbonCsvOptions te_2023() {
  CarbonCsvOptions options;
  options.year = 2023;
  return options;
}

TEST(CarbonReader, AvertLayoutWithBomAndNegativeValue) {
  const MarketSeries s = read_carbon_csv(fixture("avert_like.csv"), te_2023());
  EXPECT_EQ(s.quantity, MarketQuantity::kCarbonIntensity);
  EXPECT_EQ(s.name, "TE");
  ASSERT_EQ(s.size(), 24U);
  EXPECT_EQ(s.interval_s, 3600);
  EXPECT_EQ(s.time.front(), at(2023, 1, 1, 0));
  EXPECT_EQ(s.time.back(), at(2023, 1, 1, 23));
  // 1.00 lb/kWh x 0.45359237 kg/lb x 1000 kWh/MWh = 453.59237 kg/MWh.
  EXPECT_DOUBLE_EQ(s.value[0], 453.59237);
  EXPECT_DOUBLE_EQ(s.value[23], 1.23 * 453.59237);
  EXPECT_EQ(s.value[5], 0.0);  // -0.04 lb/kWh clamped
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_EQ(s.warnings[0], "TE: 1 negative value set to 0");
}

TEST(CarbonReader, OtherColumnAndUnits) {
  CarbonCsvOptions options = te_2023();
  options.column = "ca";
  const MarketSeries s = read_carbon_csv(fixture("avert_like.csv"), options);
  EXPECT_EQ(s.name, "CA");
  EXPECT_DOUBLE_EQ(s.value[0], 0.80 * 453.59237);
  EXPECT_TRUE(s.warnings.empty());
  EXPECT_DOUBLE_EQ(kg_per_mwh_factor(CarbonUnit::kTonnePerMwh), 1000.0);
  EXPECT_DOUBLE_EQ(kg_per_mwh_factor(CarbonUnit::kGPerKwh), 1.0);
  EXPECT_DOUBLE_EQ(kKgPerPound * 1000.0, kKgPerMwhPerLbPerKwh);
}

TEST(CarbonReader, TimeColumnCsv) {
  CarbonCsvOptions options;
  options.column = "intensity";
  options.unit = CarbonUnit::kTonnePerMwh;
  options.time_column = "time";
  const MarketSeries s = read_carbon_csv_text(
      "time,intensity\n2024-01-01T00:00,0.4\n2024-01-01T01:00,-0.1\n2024-01-01T02:00,0.5\n",
      "c.csv", options);
  ASSERT_EQ(s.size(), 3U);
  EXPECT_DOUBLE_EQ(s.value[0], 400.0);
  EXPECT_EQ(s.value[1], 0.0);
  EXPECT_EQ(s.warnings.at(0), "intensity: 1 negative value set to 0");
}

TEST(CarbonReader, Errors) {
  CarbonCsvOptions options = te_2023();
  EXPECT_EQ(error_of("Month,Timestamp,TE\n1,0,1.0\n1,2,1.1\n", options),
            "c.csv:3:3: error: Timestamp: expected hour 1 of the year (rows are consecutive hours "
            "from 0), got 2");
  EXPECT_EQ(error_of("Month,Timestamp,TE\n1,0,abc\n", options),
            "c.csv:2:5: error: TE: expected a number (lb/kWh), got \"abc\"");
  EXPECT_EQ(error_of("Month,Timestamp,TX\n1,0,1\n", options),
            "c.csv:1:1: error: TE: no column 'TE' in the header; columns found: Month, Timestamp, "
            "TX; did you mean 'TX'?");
  EXPECT_EQ(error_of("Month,Timestamp,TE\n2,0,1\n", options),
            "c.csv:2:1: error: Month: hour 0 of 2023 in standard time is in month 1, but the row "
            "says 2 (a file for another year?)");
  options.year = 0;
  EXPECT_EQ(error_of("Month,Timestamp,TE\n1,0,1\n", options),
            "c.csv:1:7: error: year: rows are indexed by hour of the year, which does not name the "
            "year: give the year");
}

}  // namespace
}  // namespace stargate
