// Price readers: the generic CSV, ERCOT's long format across both daylight-saving changes, gap
// filling, stamp parsing, and every error pinned at file:line:column with its message.
#include "stargate/io/price_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stargate/core/errors.hpp"

namespace stargate {
namespace {

std::string fixture(const std::string& name) {
  return std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/market/" + name;
}

LocalTime at(int year, int month, int day, int hour, int minute = 0) {
  return local_from_civil(CivilTime{year, month, day, hour, minute, 0});
}

std::string error_of(const std::string& text, const MarketCsvOptions& options) {
  try {
    (void)read_price_csv_text(text, "p.csv", options);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string ercot_error_of(const std::string& path, const std::string& zone) {
  try {
    (void)read_ercot_prices(path, zone);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(PriceReader, GenericIsoCsv) {
  MarketCsvOptions options;
  options.value_column = "Price_USD_per_MWh";  // compared ignoring case and '_'
  const MarketSeries s = read_price_csv(fixture("generic_prices.csv"), options);
  EXPECT_EQ(s.quantity, MarketQuantity::kPrice);
  EXPECT_EQ(s.name, "price_usd_per_mwh");
  EXPECT_EQ(s.interval_s, 3600);
  ASSERT_EQ(s.size(), 6U);
  EXPECT_EQ(s.time.front(), at(2024, 7, 1, 0));
  EXPECT_EQ(s.time.back(), at(2024, 7, 1, 5));
  const std::vector<double> expected = {25.0, 22.5, -4.0, 19.0, 30.0, 45.5};
  EXPECT_EQ(s.value, expected);  // negative prices are valid
  EXPECT_TRUE(s.warnings.empty());
  // mean = (25 + 22.5 - 4 + 19 + 30 + 45.5) / 6 = 138 / 6 = 23
  EXPECT_DOUBLE_EQ(s.mean(), 23.0);
}

TEST(PriceReader, SpaceSeparatorOffsetsAndQuarterHours) {
  MarketCsvOptions options;
  // 2024-07-01T01:00-05:00 is 06:00 UTC = 00:00 at UTC-6; the Z row is 06:15 UTC = 00:15.
  const std::string text =
      "Time,Price\n"
      "2024-07-01T01:00-05:00,10\n"
      "2024-07-01 06:15Z,11\n"
      "2024-07-01T00:30:00-0600,12\n"
      "2024-07-01 00:45:00.000,13\n";
  const MarketSeries s = read_price_csv_text(text, "q.csv", options);
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s.interval_s, 900);
  EXPECT_EQ(s.time[0], at(2024, 7, 1, 0));
  EXPECT_EQ(s.time[3], at(2024, 7, 1, 0, 45));
}

TEST(PriceReader, DateAndHourEndingColumns) {
  MarketCsvOptions options;
  options.time_column.clear();
  options.date_column = "Delivery Date";
  options.hour_column = "Hour Ending";
  options.value_column = "Settlement Point Price";
  const std::string text =
      "Delivery Date,Hour Ending,Settlement Point Price\n"
      "01/01/2023,01:00,5\n"
      "01/01/2023,2,6\n"
      "2023-01-01,24:00,7\n";
  // Hour ending 1 is 00:00-01:00; a gap from HE 2 to HE 24 is 21 missing hours: too long.
  EXPECT_NE(error_of(text, options).find("21 intervals are missing"), std::string::npos);
  const std::string ok =
      "Delivery Date,Hour Ending,Settlement Point Price\n"
      "12/31/2022,23:00,4\n"
      "12/31/2022,24:00,5\n"
      "1/1/2023,1,6\n";
  const MarketSeries s = read_price_csv_text(ok, "he.csv", options);
  ASSERT_EQ(s.size(), 3U);
  EXPECT_EQ(s.time[0], at(2022, 12, 31, 22));
  EXPECT_EQ(s.time[2], at(2023, 1, 1, 0));
}

TEST(PriceReader, ErcotSpringForwardLeavesNoGapInStandardTime) {
  // Local 3/12/2023 01:00 CST is followed by 03:00 CDT = 02:00 CST: contiguous in standard time.
  const MarketSeries s = read_ercot_prices(fixture("ercot_spring.csv"), "lz_west");
  EXPECT_EQ(s.name, "LZ_WEST");
  EXPECT_EQ(s.utc_offset_s, -6 * 3600);
  ASSERT_EQ(s.size(), 7U);
  EXPECT_EQ(s.time.front(), at(2023, 3, 11, 22));
  for (std::size_t i = 0; i < s.size(); ++i) {
    EXPECT_EQ(s.time[i],
              LocalTime{at(2023, 3, 11, 22).seconds + static_cast<std::int64_t>(i) * 3600});
  }
  const std::vector<double> expected = {21.5, 19.25, -0.5, -2.0, 23.75, 41.0, 56.5};
  EXPECT_EQ(s.value, expected);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(PriceReader, ErcotFallBackFirstReadingIsDaylightSecondStandard) {
  // 11/4 22:00 CDT = 21:00 CST ... first 1:00 AM (CDT) = 00:00 CST, second (CST) = 01:00 CST.
  const MarketSeries s = read_ercot_prices(fixture("ercot_fall.csv"), "LZ_WEST");
  ASSERT_EQ(s.size(), 7U);
  EXPECT_EQ(s.time.front(), at(2023, 11, 4, 21));
  EXPECT_EQ(s.time[3], at(2023, 11, 5, 0));
  EXPECT_EQ(s.time[4], at(2023, 11, 5, 1));
  EXPECT_EQ(s.time.back(), at(2023, 11, 5, 3));
  const std::vector<double> expected = {30, 28, 26, 24, 22, 21, 25};
  EXPECT_EQ(s.value, expected);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(PriceReader, ErcotLoneFallBackHourFillsTheStandardHourByInterpolation) {
  // As in the shared 2023 file: 1:00 AM once. It is read as daylight time (00:00 CST); 01:00 CST
  // is then missing and filled with (24 + 21) / 2 = 22.5, counted in a warning.
  const MarketSeries s = read_ercot_prices(fixture("ercot_fall_single.csv"), "LZ_WEST");
  ASSERT_EQ(s.size(), 7U);
  EXPECT_EQ(s.time[4], at(2023, 11, 5, 1));
  EXPECT_DOUBLE_EQ(s.value[4], 22.5);
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_EQ(s.warnings[0],
            "LZ_WEST: 1 missing interval filled by linear interpolation (starting "
            "2023-11-05T01:00:00-06:00)");
}

TEST(PriceReader, ErcotDstFlagMarksTheRepeatedHour) {
  const std::string text =
      "Date,Price,Zone,DSTFlag\n"
      "11/5/2023 12:00:00 AM,1,LZ_WEST,N\n"
      "11/5/2023 1:00:00 AM,3,LZ_WEST,Y\n"  // flagged: the repeated (standard) hour
      "11/5/2023 2:00:00 AM,4,LZ_WEST,N\n";
  const MarketSeries s = read_ercot_prices_text(text, "f.csv", "LZ_WEST");
  // 00:00 CDT = 23:00 CST (11/4); the flagged 01:00 = 01:00 CST; 00:00 CST missing -> filled.
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s.time[0], at(2023, 11, 4, 23));
  EXPECT_EQ(s.time[2], at(2023, 11, 5, 1));
  EXPECT_DOUBLE_EQ(s.value[1], 2.0);
}

TEST(PriceReader, UnknownZoneListsZonesAndSuggests) {
  const std::string path = fixture("ercot_spring.csv");
  EXPECT_EQ(ercot_error_of(path, "LZ_WESTT"),
            path +
                ":1:12: error: zone: zone 'LZ_WESTT' is not in the file; zones found in column "
                "'Zone': LZ_HOUSTON, LZ_WEST; did you mean 'LZ_WEST'?");
}

TEST(PriceReader, NonNumericPricePinsTheCell) {
  const std::string path = fixture("ercot_bad_price.csv");
  EXPECT_EQ(ercot_error_of(path, "LZ_WEST"),
            path + ":3:21: error: Price: expected a number (USD/MWh), got \"n/a\"");
}

TEST(PriceReader, MissingColumnNamesTheColumnsFound) {
  const std::string path = fixture("generic_missing_column.csv");
  try {
    (void)read_price_csv(path, MarketCsvOptions{});
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              path +
                  ":1:1: error: price: no column 'price' in the header; columns found: time, "
                  "lmp");
  }
  EXPECT_EQ(error_of("Time,Prise\n2024-01-01T00:00,1\n2024-01-01T01:00,2\n", MarketCsvOptions{}),
            "p.csv:1:1: error: price: no column 'price' in the header; columns found: Time, "
            "Prise; did you mean 'Prise'?");
  EXPECT_EQ(error_of("Date,Price,Zone\n", MarketCsvOptions{}).substr(0, 30),
            "p.csv:1:1: error: time: no col");
}

TEST(PriceReader, BadStampsAndOrder) {
  const MarketCsvOptions options;
  EXPECT_EQ(error_of("time,price\n2024-01-01T00:00,1\n2024-13-01T01:00,2\n", options),
            "p.csv:3:1: error: time: expected a date and time such as 2023-01-01T00:00, "
            "2023-01-01 00:00-06:00 or 1/1/2023 12:00:00 AM, got \"2024-13-01T01:00\"");
  EXPECT_EQ(error_of("time,price\n2024-01-01T01:00,1\n2024-01-01T01:00,2\n", options),
            "p.csv:3:1: error: time: this row is at 2024-01-01T01:00:00-06:00 standard time, the "
            "same as the row on line 2 (2024-01-01T01:00:00-06:00): rows must be in time order "
            "without repeats");
  EXPECT_EQ(error_of("time,price\n2024-01-01T00:00,1\n2024-01-01T01:00,\n", options),
            "p.csv:3:18: error: price: empty cell, expected a number (USD/MWh)");
  EXPECT_EQ(error_of("time,price\n2024-01-01T00:00,1\n", options),
            "p.csv:2:1: error: the file has 1 data row; expected evenly spaced rows");
  EXPECT_NE(error_of("time,price\n2024-01-01T00:00,1\n2024-01-01T00:07,2\n", options)
                .find("rows 420 s apart"),
            std::string::npos);
}

TEST(PriceReader, GapsUpToThreeIntervalsAreFilled) {
  const MarketCsvOptions options;
  const MarketSeries s = read_price_csv_text(
      "time,price\n2024-01-01T00:00,0\n2024-01-01T01:00,10\n2024-01-01T05:00,50\n", "g.csv",
      options);
  // 02:00, 03:00, 04:00 are filled on the line from 10 to 50: 20, 30, 40.
  ASSERT_EQ(s.size(), 6U);
  EXPECT_DOUBLE_EQ(s.value[2], 20.0);
  EXPECT_DOUBLE_EQ(s.value[4], 40.0);
  ASSERT_EQ(s.warnings.size(), 1U);
  EXPECT_NE(s.warnings[0].find("3 missing intervals"), std::string::npos);
  EXPECT_EQ(
      error_of("time,price\n2024-01-01T00:00,0\n2024-01-01T01:00,1\n2024-01-01T06:00,2\n", options),
      "p.csv:4:1: error: time: 4 intervals are missing between 2024-01-01T01:00:00-06:00 "
      "(line 3) and 2024-01-01T06:00:00-06:00 standard time; at most 3 consecutive missing "
      "intervals are filled");
}

TEST(PriceReader, PrevailingClockInGenericFiles) {
  MarketCsvOptions options;
  options.clock = ClockTime::kUsPrevailing;
  // 2024: DST from 10 March 02:00 to 3 November 02:00. 12:00 CDT in July = 11:00 CST.
  const MarketSeries s =
      read_price_csv_text("time,price\n2024-07-01T12:00,1\n2024-07-01T13:00,2\n", "p.csv", options);
  EXPECT_EQ(s.time[0], at(2024, 7, 1, 11));
  EXPECT_EQ(error_of("time,price\n2024-03-10T01:00,1\n2024-03-10T02:00,2\n", options),
            "p.csv:3:1: error: time: 02:00 on 2024-03-10 does not exist in US prevailing time "
            "(clocks jump from 02:00 to 03:00)");
  // Hour ending across spring forward: HE 03:00 CDT ends at 02:00 CST (the hour 01:00-02:00).
  options.stamp = StampPosition::kIntervalEnd;
  const MarketSeries e = read_price_csv_text(
      "time,price\n2024-03-10T01:00,1\n2024-03-10T02:00,2\n2024-03-10T04:00,3\n", "p.csv", options);
  ASSERT_EQ(e.size(), 3U);
  EXPECT_EQ(e.time[0], at(2024, 3, 10, 0));
  EXPECT_EQ(e.time[2], at(2024, 3, 10, 2));
}

TEST(PriceReader, ParsesStampForms) {
  MarketStamp s;
  ASSERT_TRUE(parse_market_stamp("1/1/2023 12:00:00 AM", s));
  EXPECT_EQ(s.second_of_day, 0);
  ASSERT_TRUE(parse_market_stamp("12/31/2023 11:00:00 PM", s));
  EXPECT_EQ(s.second_of_day, 23 * 3600);
  ASSERT_TRUE(parse_market_stamp("7/4/2023 12:30 pm", s));
  EXPECT_EQ(s.second_of_day, 12 * 3600 + 1800);
  ASSERT_TRUE(parse_market_stamp("2023-01-01T24:00", s));
  EXPECT_EQ(s.second_of_day, 86400);
  ASSERT_TRUE(parse_market_stamp("2023-06-01T00:00+05:30", s));
  EXPECT_EQ(s.utc_offset_s, 5 * 3600 + 1800);
  EXPECT_FALSE(parse_market_stamp("2023-02-29T00:00", s));  // not a leap year
  EXPECT_FALSE(parse_market_stamp("1/1/2023 13:00:00 PM", s));
  EXPECT_FALSE(parse_market_stamp("2023-01-01", s));
  EXPECT_FALSE(parse_market_stamp("2023-01-01T00:00 AM", s));
  EXPECT_TRUE(parse_market_date("2023-01-31", s));
  EXPECT_TRUE(parse_market_date("1/31/2023", s));
  EXPECT_FALSE(parse_market_date("31/1/2023", s));
}

TEST(MarketSeries, UsDaylightSavingDates) {
  // 2023: 12 March 02:00 CST to 5 November 01:00 CST (02:00 CDT). 2006 (old rule): 2 April to
  // 29 October.
  const DaylightSavingPeriod d = us_daylight_saving(2023);
  EXPECT_EQ(d.start_standard, at(2023, 3, 12, 2));
  EXPECT_EQ(d.end_standard, at(2023, 11, 5, 1));
  const DaylightSavingPeriod old = us_daylight_saving(2006);
  EXPECT_EQ(old.start_standard, at(2006, 4, 2, 2));
  EXPECT_EQ(old.end_standard, at(2006, 10, 29, 1));
}

}  // namespace
}  // namespace stargate
