#include "stargate/core/time_grid.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr std::int64_t kMaxUtcOffsetS = 14 * kSecondsPerHourInt;

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    throw std::invalid_argument(fmt::format("month {} is not in 1..12", month));
  }
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return kDays[month - 1];
}

std::int64_t days_from_civil(int year, int month, int day) {
  // Hinnant: shift the year to start in March so the leap day is the last day of the year.
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t year_of_era = y - era * 400;                               // [0, 399]
  const std::int64_t month_from_march = (month + 9) % 12;                       // [0, 11]
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return era * 146097 + day_of_era - 719468;
}

CivilTime civil_from_local(LocalTime time) {
  const std::int64_t days = floor_div(time.seconds, kSecondsPerDayInt);
  const std::int64_t second_of_day = time.seconds - days * kSecondsPerDayInt;
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  CivilTime civil;
  civil.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  civil.month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  civil.year = static_cast<int>(year_of_era + era * 400 + (civil.month <= 2 ? 1 : 0));
  civil.hour = static_cast<int>(second_of_day / kSecondsPerHourInt);
  civil.minute = static_cast<int>((second_of_day % kSecondsPerHourInt) / kSecondsPerMinuteInt);
  civil.second = static_cast<int>(second_of_day % kSecondsPerMinuteInt);
  return civil;
}

LocalTime local_from_civil(const CivilTime& civil) {
  return LocalTime{days_from_civil(civil.year, civil.month, civil.day) * kSecondsPerDayInt +
                   civil.hour * kSecondsPerHourInt + civil.minute * kSecondsPerMinuteInt +
                   civil.second};
}

LocalTime add_calendar_years(LocalTime time, int years) {
  CivilTime civil = civil_from_local(time);
  civil.year += years;
  if (civil.month == 2 && civil.day == 29 && !is_leap_year(civil.year)) {
    civil.day = 28;
  }
  return local_from_civil(civil);
}

LocalTime add_calendar_months(LocalTime time, int months) {
  CivilTime civil = civil_from_local(time);
  const int month_index = civil.year * kMonthsPerYear + (civil.month - 1) + months;
  // Floor division so that negative offsets land in the right year.
  int year = month_index / kMonthsPerYear;
  int month0 = month_index % kMonthsPerYear;
  if (month0 < 0) {
    month0 += kMonthsPerYear;
    --year;
  }
  civil.year = year;
  civil.month = month0 + 1;
  const int last_day = days_in_month(civil.year, civil.month);
  if (civil.day > last_day) {
    civil.day = last_day;
  }
  return local_from_civil(civil);
}

std::string format_iso8601(LocalTime time, std::int64_t utc_offset_s) {
  const CivilTime c = civil_from_local(time);
  const char sign = utc_offset_s < 0 ? '-' : '+';
  const std::int64_t offset = std::abs(utc_offset_s);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", c.year, c.month, c.day,
                     c.hour, c.minute, c.second, sign, offset / kSecondsPerHourInt,
                     (offset % kSecondsPerHourInt) / kSecondsPerMinuteInt);
}

std::string format_date(LocalTime time) {
  const CivilTime c = civil_from_local(time);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

TimeGrid::TimeGrid(LocalTime start, std::int64_t step_s, std::size_t steps,
                   std::int64_t utc_offset_s)
    : start_(start), step_s_(step_s), steps_(steps), utc_offset_s_(utc_offset_s) {
  if (step_s < kMinStepS || step_s > kMaxStepS || kSecondsPerHourInt % step_s != 0) {
    throw std::invalid_argument(
        fmt::format("time step must divide one hour and lie in 1 min..1 h, got {} s", step_s));
  }
  if (steps == 0) {
    throw std::invalid_argument("a time grid needs at least one step");
  }
  if (std::abs(utc_offset_s) > kMaxUtcOffsetS || utc_offset_s % kSecondsPerMinuteInt != 0) {
    throw std::invalid_argument(
        fmt::format("UTC offset must be whole minutes within 14 h of UTC, got {} s", utc_offset_s));
  }
}

TimeGrid TimeGrid::covering(LocalTime start, const RunLength& length, std::int64_t step_s,
                            std::int64_t utc_offset_s) {
  std::int64_t length_s = 0;
  if (length.calendar_years < 0 || !std::isfinite(length.seconds)) {
    throw std::invalid_argument("run length must be a finite, positive duration");
  }
  if (length.calendar_years > 0) {
    length_s = add_calendar_years(start, length.calendar_years).seconds - start.seconds;
  } else {
    length_s = std::llround(length.seconds);
    if (std::abs(static_cast<double>(length_s) - length.seconds) > 1e-6) {
      throw std::invalid_argument(
          fmt::format("run length {} s is not a whole number of seconds", length.seconds));
    }
  }
  if (step_s <= 0 || length_s <= 0 || length_s % step_s != 0) {
    throw std::invalid_argument(
        fmt::format("run length {} is not a whole number of {} steps",
                    format_quantity(static_cast<double>(length_s), UnitKind::kDuration),
                    format_quantity(static_cast<double>(step_s), UnitKind::kDuration)));
  }
  return TimeGrid(start, step_s, static_cast<std::size_t>(length_s / step_s), utc_offset_s);
}

double TimeGrid::step_h() const {
  return static_cast<double>(step_s_) / kSecondsPerHour;
}

LocalTime TimeGrid::end() const {
  return LocalTime{start_.seconds + static_cast<std::int64_t>(steps_) * step_s_};
}

LocalTime TimeGrid::time(std::size_t step) const {
  return LocalTime{start_.seconds + static_cast<std::int64_t>(step) * step_s_};
}

std::int64_t TimeGrid::utc_seconds(std::size_t step) const {
  return time(step).seconds - utc_offset_s_;
}

std::size_t TimeGrid::first_step_at_or_after(LocalTime time_point) const {
  if (time_point <= start_) {
    return 0;
  }
  const std::int64_t offset = time_point.seconds - start_.seconds;
  const auto step = static_cast<std::size_t>((offset + step_s_ - 1) / step_s_);
  return step < steps_ ? step : steps_;
}

std::string TimeGrid::iso8601(std::size_t step) const {
  return format_iso8601(time(step), utc_offset_s_);
}

double TimeGrid::duration_h() const {
  return static_cast<double>(steps_) * step_h();
}

double TimeGrid::duration_years() const {
  return duration_h() / kHoursPerYear;
}

}  // namespace stargate
