#include "stargate/finance/quarters.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

TEST(Quarters, BoundariesAndLabels) {
  const auto b = quarter_boundaries(QuarterHorizon{2026, 3, 4});
  ASSERT_EQ(b.size(), 5U);
  EXPECT_EQ(format_date(b[0]), "2026-07-01");
  EXPECT_EQ(format_date(b[2]), "2027-01-01");
  EXPECT_EQ(format_date(b[4]), "2027-07-01");
  EXPECT_EQ(quarter_label(b[0]), "2026-Q3");
  EXPECT_EQ(quarter_label(date(2027, 6, 30)), "2027-Q2");
}

TEST(Quarters, CalendarMonthsAndYears) {
  EXPECT_EQ(format_date(add_calendar_months(date(2027, 1, 1), -12)), "2026-01-01");
  EXPECT_EQ(format_date(add_calendar_months(date(2026, 3, 31), -1)), "2026-02-28");
  EXPECT_EQ(format_date(add_calendar_months(date(2026, 11, 15), 3)), "2027-02-15");
  EXPECT_EQ(format_date(add_years(date(2026, 1, 1), 5.0)), "2031-01-01");
  // 0.5 year = 182.5 days after 2026-01-01: 2026-07-02 12:00.
  EXPECT_EQ(format_date(add_years(date(2026, 1, 1), 0.5)), "2026-07-02");
}

TEST(Quarters, BadHorizonThrows) {
  EXPECT_THROW((void)quarter_boundaries(QuarterHorizon{2026, 0, 4}), std::invalid_argument);
  EXPECT_THROW((void)quarter_boundaries(QuarterHorizon{2026, 5, 4}), std::invalid_argument);
  EXPECT_THROW((void)quarter_boundaries(QuarterHorizon{2026, 1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
