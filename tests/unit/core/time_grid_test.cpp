// Tests of src/core/time_grid.cpp: the proleptic Gregorian calendar, ISO 8601 stamps and the
// fixed simulation grid.
#include "stargate/core/time_grid.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>

namespace stargate {

// Prints times in failure messages as seconds and ISO 8601 (found by argument-dependent lookup).
static void PrintTo(const LocalTime& time, std::ostream* out) {
  *out << time.seconds << " s (" << format_iso8601(time, 0) << ")";
}

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kMinute = 60;

// 2026-01-01 is day 20454 since 1970-01-01: 56 years of 365 days plus the 14 leap days of
// 1972, 1976, ..., 2024 (56 * 365 + 14 = 20454), i.e. 1 767 225 600 s.
constexpr std::int64_t kJan1st2026 = 20454 * kDay;

LocalTime at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
  return local_from_civil(CivilTime{year, month, day, hour, minute, second});
}

void expect_civil(const CivilTime& actual, const CivilTime& expected) {
  EXPECT_EQ(actual.year, expected.year);
  EXPECT_EQ(actual.month, expected.month);
  EXPECT_EQ(actual.day, expected.day);
  EXPECT_EQ(actual.hour, expected.hour);
  EXPECT_EQ(actual.minute, expected.minute);
  EXPECT_EQ(actual.second, expected.second);
}

// ---------------------------------------------------------------------------------------------
// Calendar

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));  // divisible by 4
  EXPECT_TRUE(is_leap_year(2028));
  EXPECT_TRUE(is_leap_year(2000));  // century divisible by 400
  EXPECT_TRUE(is_leap_year(1600));
  EXPECT_FALSE(is_leap_year(1900));  // century not divisible by 400
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_FALSE(is_leap_year(2026));  // not divisible by 4
  EXPECT_FALSE(is_leap_year(2025));
}

TEST(Calendar, DaysInMonth) {
  const int common[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    SCOPED_TRACE("month " + std::to_string(month));
    EXPECT_EQ(days_in_month(2026, month), common[month - 1]);
    const int leap_days = month == 2 ? 29 : common[month - 1];
    EXPECT_EQ(days_in_month(2024, month), leap_days);
    EXPECT_EQ(days_in_month(2000, month), leap_days);
  }
  EXPECT_EQ(days_in_month(1900, 2), 28);
  // The months add up to the year: 365 days, 366 in a leap year.
  int days_2026 = 0;
  int days_2028 = 0;
  for (int month = 1; month <= 12; ++month) {
    days_2026 += days_in_month(2026, month);
    days_2028 += days_in_month(2028, month);
  }
  EXPECT_EQ(days_2026, 365);
  EXPECT_EQ(days_2028, 366);
}

TEST(Calendar, DaysFromCivilKnownValues) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1970, 1, 2), 1);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  // 2000-01-01 is day 10957 (30 years, 7 leap days 1972..1996: 30 * 365 + 7); then January's 31
  // days and leap February's 29: 10957 + 31 + 29 = 11017.
  EXPECT_EQ(days_from_civil(2000, 1, 1), 10957);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2026, 1, 1), 20454);
  // 1900-01-01: 70 years back with 17 leap days (1904..1968; 1900 is not one): 70 * 365 + 17.
  EXPECT_EQ(days_from_civil(1900, 1, 1), -25567);
  EXPECT_EQ(days_from_civil(1600, 3, 1), -135080);
  // 0001-01-01 of the proleptic Gregorian calendar (as Python's date.toordinal counts it).
  EXPECT_EQ(days_from_civil(1, 1, 1), -719162);
}

TEST(Calendar, ConsecutiveDaysFollowTheCalendar) {
  // Walks day by day from 1600-01-01 to 2400-12-31 and checks that each day number is one more
  // than the previous and that civil_from_local agrees, which checks every month length and
  // every leap rule (1600, 2000, 2400 leap; 1700, 1800, 1900, 2100, 2200, 2300 not).
  int year = 1600;
  int month = 1;
  int day = 1;
  std::int64_t expected = days_from_civil(year, month, day);
  while (year <= 2400) {
    const std::int64_t number = days_from_civil(year, month, day);
    ASSERT_EQ(number, expected) << year << '-' << month << '-' << day;
    const CivilTime civil = civil_from_local(LocalTime{number * kDay});
    ASSERT_EQ(civil.year, year) << "day " << number;
    ASSERT_EQ(civil.month, month) << "day " << number;
    ASSERT_EQ(civil.day, day) << "day " << number;
    ++expected;
    if (++day > days_in_month(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
}

TEST(Calendar, CivilFromLocalKnownValues) {
  expect_civil(civil_from_local(LocalTime{0}), {1970, 1, 1, 0, 0, 0});
  expect_civil(civil_from_local(LocalTime{-1}), {1969, 12, 31, 23, 59, 59});
  // 2026-01-01T00:15:00 is 900 s into 2026.
  expect_civil(civil_from_local(LocalTime{kJan1st2026 + 900}), {2026, 1, 1, 0, 15, 0});
  // 2024-02-29T12:34:56: day 19782 (2024-01-01 is 54 * 365 + 13 = 19723, + 31 + 28 = 19782).
  expect_civil(civil_from_local(LocalTime{19782 * kDay + 12 * kHour + 34 * kMinute + 56}),
               {2024, 2, 29, 12, 34, 56});
  // 1900-01-01T06:00:00 is before the epoch.
  expect_civil(civil_from_local(LocalTime{-25567 * kDay + 6 * kHour}), {1900, 1, 1, 6, 0, 0});
}

TEST(Calendar, CivilRoundTripIncludingBeforeTheEpoch) {
  // Times from 0001-01-01 to about year 2900 in strides of 97 days and 7919 + 97 * 13 s (about
  // 2.5 h), so that all times of day, both signs and many day numbers are visited (~10 900 times,
  // ~7400 of them before 1970).
  const std::int64_t first = -719162 * kDay;
  const std::int64_t last = 340000 * kDay;
  const std::int64_t stride = 86413 * 97 + 7919;
  int visited_before_epoch = 0;
  for (std::int64_t seconds = first; seconds <= last; seconds += stride) {
    const LocalTime time{seconds};
    const CivilTime civil = civil_from_local(time);
    ASSERT_EQ(local_from_civil(civil).seconds, seconds)
        << format_iso8601(time, 0) << " from " << seconds << " s";
    ASSERT_GE(civil.month, 1);
    ASSERT_LE(civil.month, 12);
    ASSERT_GE(civil.day, 1);
    ASSERT_LE(civil.day, days_in_month(civil.year, civil.month));
    ASSERT_GE(civil.hour, 0);
    ASSERT_LT(civil.hour, 24);
    ASSERT_GE(civil.minute, 0);
    ASSERT_LT(civil.minute, 60);
    ASSERT_GE(civil.second, 0);
    ASSERT_LT(civil.second, 60);
    visited_before_epoch += seconds < 0 ? 1 : 0;
  }
  EXPECT_GT(visited_before_epoch, 1000);
  // Every second around the epoch, where floor division matters most.
  for (std::int64_t seconds = -2 * kDay; seconds <= 2 * kDay; ++seconds) {
    ASSERT_EQ(local_from_civil(civil_from_local(LocalTime{seconds})).seconds, seconds);
  }
}

TEST(Calendar, AddCalendarYears) {
  // 29 February maps to 28 February in a common year.
  EXPECT_EQ(add_calendar_years(at(2024, 2, 29), 1), at(2025, 2, 28));
  EXPECT_EQ(add_calendar_years(at(2024, 2, 29), -1), at(2023, 2, 28));
  EXPECT_EQ(add_calendar_years(at(2024, 2, 29), 4), at(2028, 2, 29));
  // The time of day is kept.
  EXPECT_EQ(add_calendar_years(at(2024, 2, 29, 12, 34, 56), 1), at(2025, 2, 28, 12, 34, 56));
  EXPECT_EQ(add_calendar_years(at(2026, 7, 4, 18, 0, 0), 2), at(2028, 7, 4, 18, 0, 0));
  EXPECT_EQ(add_calendar_years(at(2026, 1, 1), 0), at(2026, 1, 1));
  // 2028 is a leap year, so 2028-01-01 + 1 y is 366 days later; 2026 is not: 365 days.
  EXPECT_EQ(add_calendar_years(at(2028, 1, 1), 1).seconds - at(2028, 1, 1).seconds, 366 * kDay);
  EXPECT_EQ(add_calendar_years(at(2026, 1, 1), 1).seconds - at(2026, 1, 1).seconds, 365 * kDay);
  // Across the epoch.
  EXPECT_EQ(add_calendar_years(at(1969, 6, 1), 2), at(1971, 6, 1));
}

TEST(Calendar, FormatDateAndIso8601) {
  EXPECT_EQ(format_date(LocalTime{kJan1st2026}), "2026-01-01");
  EXPECT_EQ(format_date(LocalTime{-1}), "1969-12-31");
  EXPECT_EQ(format_iso8601(LocalTime{kJan1st2026 + 900}, -6 * kHour), "2026-01-01T00:15:00-06:00");
  EXPECT_EQ(format_iso8601(LocalTime{0}, 0), "1970-01-01T00:00:00+00:00");
  // India: +5:30. Newfoundland: -3:30 (the minutes keep their sign with the hours).
  EXPECT_EQ(format_iso8601(LocalTime{kJan1st2026}, 5 * kHour + 30 * kMinute),
            "2026-01-01T00:00:00+05:30");
  EXPECT_EQ(format_iso8601(LocalTime{kJan1st2026}, -(3 * kHour + 30 * kMinute)),
            "2026-01-01T00:00:00-03:30");
}

// ---------------------------------------------------------------------------------------------
// TimeGrid

TEST(TimeGrid, CoveringCalendarYears) {
  // 2026 has 365 days of 96 quarter hours: 365 * 96 = 35 040 steps.
  const TimeGrid quarter_hourly =
      TimeGrid::covering(at(2026, 1, 1), RunLength{1, 0.0}, 15 * kMinute, -6 * kHour);
  EXPECT_EQ(quarter_hourly.size(), 35040u);
  EXPECT_EQ(quarter_hourly.step_s(), 900);
  EXPECT_DOUBLE_EQ(quarter_hourly.step_h(), 0.25);
  EXPECT_EQ(quarter_hourly.start(), at(2026, 1, 1));
  EXPECT_EQ(quarter_hourly.end(), at(2027, 1, 1));
  EXPECT_DOUBLE_EQ(quarter_hourly.duration_h(), 8760.0);  // 35 040 * 0.25 h
  EXPECT_EQ(quarter_hourly.utc_offset_s(), -6 * kHour);

  // 2028 is a leap year: 366 * 24 = 8784 hourly steps.
  const TimeGrid hourly = TimeGrid::covering(at(2028, 1, 1), RunLength{1, 0.0}, kHour, 0);
  EXPECT_EQ(hourly.size(), 8784u);
  EXPECT_EQ(hourly.end(), at(2029, 1, 1));
  EXPECT_DOUBLE_EQ(hourly.duration_h(), 8784.0);

  // Two calendar years from 2027-03-01 include 2028-02-29: 365 + 366 = 731 days.
  const TimeGrid two_years = TimeGrid::covering(at(2027, 3, 1), RunLength{2, 0.0}, kHour, 0);
  EXPECT_EQ(two_years.size(), 731u * 24u);
}

TEST(TimeGrid, CoveringFixedSeconds) {
  // "1 y" as seconds is 365 days: 31 536 000 s / 60 s = 525 600 one-minute steps.
  const TimeGrid minutely =
      TimeGrid::covering(at(2028, 1, 1), RunLength{0, 31536000.0}, kMinute, 0);
  EXPECT_EQ(minutely.size(), 525600u);
  // Even in a leap year it stops one day short of the calendar year.
  EXPECT_EQ(minutely.end(), at(2028, 12, 31));

  const TimeGrid one_day = TimeGrid::covering(at(2026, 1, 1), RunLength{0, 86400.0}, 300, 0);
  EXPECT_EQ(one_day.size(), 288u);  // 86 400 / 300
  EXPECT_DOUBLE_EQ(one_day.duration_h(), 24.0);
}

TEST(TimeGrid, CoveringRejectsLengthsThatAreNotWholeSteps) {
  const LocalTime start = at(2026, 1, 1);
  // 1000 s is 1.11 quarter hours.
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, 1000.0}, 900, 0)),
               std::invalid_argument);
  // 901.5 s is not even a whole number of seconds.
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, 901.5}, 900, 0)),
               std::invalid_argument);
  // Zero and negative lengths.
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, 0.0}, 900, 0)),
               std::invalid_argument);
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, -3600.0}, 900, 0)),
               std::invalid_argument);
  // A step the grid does not allow, even though the length is a whole number of them.
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, 7200.0}, 7200, 0)),
               std::invalid_argument);
  EXPECT_THROW(static_cast<void>(TimeGrid::covering(start, RunLength{0, 3600.0}, 0, 0)),
               std::invalid_argument);
  // The message names both in readable units.
  try {
    static_cast<void>(TimeGrid::covering(start, RunLength{0, 1000.0}, 900, 0));
    FAIL() << "1000 s in 15 min steps was accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "run length 16.6667 min is not a whole number of 15 min steps");
  }
}

TEST(TimeGrid, AllowedAndRejectedSteps) {
  const LocalTime start = at(2026, 1, 1);
  for (const std::int64_t step : {60, 120, 300, 600, 900, 1200, 1800, 3600}) {
    SCOPED_TRACE("step " + std::to_string(step) + " s");
    EXPECT_NO_THROW(static_cast<void>(TimeGrid(start, step, 4, 0)));
  }
  // 30 s is below 1 min, 7200 s above 1 h, and 420 s (7 min) does not divide an hour
  // (3600 / 420 = 8.57); 0 and negative steps make no grid.
  for (const std::int64_t step : {30, 59, 7200, 3601, 420, 0, -900}) {
    SCOPED_TRACE("step " + std::to_string(step) + " s");
    EXPECT_THROW(static_cast<void>(TimeGrid(start, step, 4, 0)), std::invalid_argument);
  }
}

TEST(TimeGrid, RejectsNoStepsAndOffsetsBeyond14Hours) {
  const LocalTime start = at(2026, 1, 1);
  EXPECT_THROW(static_cast<void>(TimeGrid(start, 900, 0, 0)), std::invalid_argument);
  EXPECT_NO_THROW(static_cast<void>(TimeGrid(start, 900, 1, 14 * kHour)));
  EXPECT_NO_THROW(static_cast<void>(TimeGrid(start, 900, 1, -14 * kHour)));
  EXPECT_THROW(static_cast<void>(TimeGrid(start, 900, 1, 14 * kHour + 1)), std::invalid_argument);
  EXPECT_THROW(static_cast<void>(TimeGrid(start, 900, 1, -14 * kHour - 1)), std::invalid_argument);
}

TEST(TimeGrid, StampsWithOffsets) {
  // UTC-6 (e.g. Texas standard time).
  const TimeGrid central(LocalTime{kJan1st2026}, 900, 96, -6 * kHour);
  EXPECT_EQ(central.iso8601(0), "2026-01-01T00:00:00-06:00");
  EXPECT_EQ(central.iso8601(1), "2026-01-01T00:15:00-06:00");
  EXPECT_EQ(central.iso8601(95), "2026-01-01T23:45:00-06:00");
  // Local 00:15 at UTC-6 is 06:15 UTC: utc = local - offset = local + 6 h.
  EXPECT_EQ(central.time(1).seconds, kJan1st2026 + 900);
  EXPECT_EQ(central.utc_seconds(1), kJan1st2026 + 900 + 6 * kHour);
  EXPECT_EQ(central.utc_seconds(1), 1767248100);  // 2026-01-01T06:15:00Z

  // UTC+5:30: local midnight is 18:30 UTC the day before.
  const std::int64_t india_offset = 5 * kHour + 30 * kMinute;
  const TimeGrid india(LocalTime{kJan1st2026}, kHour, 24, india_offset);
  EXPECT_EQ(india.iso8601(0), "2026-01-01T00:00:00+05:30");
  EXPECT_EQ(india.iso8601(13), "2026-01-01T13:00:00+05:30");
  EXPECT_EQ(india.utc_seconds(0), kJan1st2026 - india_offset);
  EXPECT_EQ(format_iso8601(LocalTime{india.utc_seconds(0)}, 0), "2025-12-31T18:30:00+00:00");

  // UTC itself is written "+00:00" and local equals UTC.
  const TimeGrid utc(LocalTime{kJan1st2026}, kHour, 24, 0);
  EXPECT_EQ(utc.iso8601(2), "2026-01-01T02:00:00+00:00");
  EXPECT_EQ(utc.utc_seconds(2), utc.time(2).seconds);
}

TEST(TimeGrid, FirstStepAtOrAfter) {
  // Four quarter-hour steps from 2026-01-01T00:00: stamps at 0, 900, 1800, 2700 s; end 3600 s.
  const LocalTime start{kJan1st2026};
  const TimeGrid grid(start, 900, 4, 0);
  const auto plus = [&](std::int64_t seconds) { return LocalTime{start.seconds + seconds}; };
  EXPECT_EQ(grid.first_step_at_or_after(plus(-kDay)), 0u);  // before the start
  EXPECT_EQ(grid.first_step_at_or_after(plus(-1)), 0u);
  EXPECT_EQ(grid.first_step_at_or_after(start), 0u);       // exactly on step 0
  EXPECT_EQ(grid.first_step_at_or_after(plus(1)), 1u);     // just after step 0 starts
  EXPECT_EQ(grid.first_step_at_or_after(plus(900)), 1u);   // exactly on step 1
  EXPECT_EQ(grid.first_step_at_or_after(plus(1000)), 2u);  // between steps 1 and 2
  EXPECT_EQ(grid.first_step_at_or_after(plus(2700)), 3u);  // exactly on the last step
  EXPECT_EQ(grid.first_step_at_or_after(plus(2701)), 4u);  // after the last stamp: size()
  EXPECT_EQ(grid.first_step_at_or_after(grid.end()), 4u);  // at the end: size()
  EXPECT_EQ(grid.first_step_at_or_after(plus(kDay)), 4u);  // long after the end: size()

  // The same on a grid before the epoch, where times are negative.
  const TimeGrid old(at(1960, 1, 1), kHour, 24, 0);
  EXPECT_EQ(old.first_step_at_or_after(at(1960, 1, 1, 5, 30)), 6u);
  EXPECT_EQ(old.first_step_at_or_after(at(1960, 1, 1, 5)), 5u);
}

TEST(TimeGrid, EndTimeAndDuration) {
  const TimeGrid grid(LocalTime{kJan1st2026}, 300, 12, 0);
  // 12 steps of 5 min: the end is 1 h after the start; step i starts i * 5 min in.
  EXPECT_EQ(grid.end().seconds, kJan1st2026 + kHour);
  EXPECT_EQ(grid.time(0), grid.start());
  EXPECT_EQ(grid.time(11).seconds, kJan1st2026 + 11 * 300);
  EXPECT_EQ(grid.time(grid.size()), grid.end());
  EXPECT_DOUBLE_EQ(grid.step_h(), 300.0 / 3600.0);
  EXPECT_DOUBLE_EQ(grid.duration_h(), 1.0);
}

TEST(TimeGrid, IsCheapToCopy) {
  const TimeGrid grid(LocalTime{kJan1st2026}, 900, 8, -6 * kHour);
  const TimeGrid copy = grid;
  EXPECT_EQ(copy.size(), grid.size());
  EXPECT_EQ(copy.start(), grid.start());
  EXPECT_EQ(copy.step_s(), grid.step_s());
  EXPECT_EQ(copy.utc_offset_s(), grid.utc_offset_s());
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(TimeGridFixes, RejectsOffsetsInSecondsAndBadLengthsAndMonths) {
  const LocalTime start = local_from_civil(CivilTime{2026, 1, 1});
  EXPECT_THROW(TimeGrid(start, 3600, 1, 30), std::invalid_argument);
  EXPECT_THROW(TimeGrid::covering(start, RunLength{0, std::nan("")}, 900, 0),
               std::invalid_argument);
  EXPECT_THROW(TimeGrid::covering(start, RunLength{-1, 0.0}, 900, 0), std::invalid_argument);
  EXPECT_THROW((void)days_in_month(2026, 13), std::invalid_argument);
  EXPECT_THROW((void)days_in_month(2026, 0), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
