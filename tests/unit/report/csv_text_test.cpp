// Tests of src/report/csv_text.cpp: numbers and stamps exactly as fmt's "{}" and format_iso8601
// write them (the writers' text must not change with their speed), and the buffer's writes.
#include "stargate/report/csv_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>
#include <utility>

namespace stargate {
namespace {

TEST(CsvText, NumbersAsFmtWritesThem) {
  const double kInf = std::numeric_limits<double>::infinity();
  for (const double value : {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             0.1,
                             1.0 / 3.0,
                             1.5,
                             123456.0,
                             1e-4,
                             1e-5,
                             0.000123,
                             1e15,
                             1e16,
                             999999999999999.0,
                             1234567890123456.0,
                             12345678901234567.0,
                             -2.5e-7,
                             5e-324,
                             1.7e308,
                             std::nextafter(1.0, 2.0),
                             800.0,
                             -30.36,
                             5260.935,
                             kInf,
                             -kInf,
                             std::numeric_limits<double>::quiet_NaN()}) {
    EXPECT_EQ(shortest_text(value), fmt::format("{}", value)) << value;
  }
  // Random doubles over every magnitude, and random whole numbers.
  std::mt19937_64 random(20250121);
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::uniform_int_distribution<long long> whole(-2'000'000'000'000'000LL, 2'000'000'000'000'000LL);
  for (int i = 0; i < 100'000; ++i) {
    const double value = mantissa(random) * std::pow(10.0, exponent(random));
    ASSERT_EQ(shortest_text(value), fmt::format("{}", value)) << value;
    const auto integral = static_cast<double>(whole(random) >> (i % 60));
    ASSERT_EQ(shortest_text(integral), fmt::format("{}", integral)) << integral;
  }
}

TEST(CsvText, StampsAsFormatIso8601WritesThem) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<std::int64_t> seconds(-3'000'000'000LL, 4'000'000'000LL);
  for (const std::int64_t offset_s :
       {-6 * 3600LL, 0LL, 5 * 3600LL + 1800LL, -9 * 3600LL - 1800LL}) {
    std::ostringstream out;
    std::string expected;
    {
      CsvText csv(out);
      for (int i = 0; i < 2000; ++i) {
        const LocalTime time{seconds(random)};
        csv.stamp(time, offset_s);
        csv.end_row();
        expected += format_iso8601(time, offset_s) + "\n";
      }
    }
    EXPECT_EQ(out.str(), expected) << offset_s;
  }
}

// 100 rows "row,<n/2>" of 780 bytes in all, through a buffer of `flush_bytes`; returns what the
// stream held before the end and after it.
std::pair<std::string, std::string> hundred_rows(std::size_t flush_bytes) {
  std::ostringstream out;
  std::string before_end;
  {
    CsvText csv(out, flush_bytes);
    for (int row = 0; row < 100; ++row) {
      csv.text("row");
      csv.separator();
      csv.number(row * 0.5);
      csv.end_row();
      // Only whole rows reach the stream.
      EXPECT_TRUE(out.str().empty() || out.str().back() == '\n');
    }
    before_end = out.str();
  }
  return {before_end, out.str()};
}

TEST(CsvText, WritesWholeRowsInBlocksAndTheRestAtTheEnd) {
  const auto [small_before, small] = hundred_rows(64);
  EXPECT_EQ(small.size(), 780U);
  EXPECT_GE(small_before.size(), 780U - 64U);  // at most one buffer's worth waits for the end
  EXPECT_EQ(small.substr(0, 18), "row,0\nrow,0.5\nrow,");
  EXPECT_EQ(std::count(small.begin(), small.end(), '\n'), 100);
  const auto [large_before, large] = hundred_rows(4096);
  EXPECT_TRUE(large_before.empty());  // one write, at the end
  EXPECT_EQ(large, small);
}

}  // namespace
}  // namespace stargate
