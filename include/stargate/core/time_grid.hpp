// Calendar arithmetic and the fixed time grid every simulation runs on.
//
// Times are kept as whole seconds since 1970-01-01T00:00 *in the site's standard time* (no
// daylight saving: a site at UTC-6 stays at UTC-6 all year, as weather files and solar geometry
// expect). The UTC offset is carried beside them to write ISO 8601 stamps and convert to UTC.
// Civil-date conversion uses the proleptic Gregorian calendar (leap years every 4 years, except
// centuries not divisible by 400), after H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms" (days_from_civil / civil_from_days).
#pragma once

#include <cstdint>
#include <string>

namespace stargate {

/// Seconds since 1970-01-01T00:00 in the site's standard time.
struct LocalTime {
  std::int64_t seconds = 0;
  friend auto operator<=>(const LocalTime&, const LocalTime&) = default;
};

/// A broken-down calendar date and time of day.
struct CivilTime {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
};

/// A run length: a whole number of calendar years (ending on the same date N years later, so a
/// leap year has 8784 hours), or else a fixed number of seconds.
struct RunLength {
  int calendar_years = 0;
  double seconds = 0.0;
  bool operator==(const RunLength&) const = default;
};

[[nodiscard]] bool is_leap_year(int year);
/// Days in a month (1..12); throws std::invalid_argument for another month.
/// Days in a month (1..12); throws std::invalid_argument for another month.
[[nodiscard]] int days_in_month(int year, int month);
/// Days since 1970-01-01 of a civil date.
[[nodiscard]] std::int64_t days_from_civil(int year, int month, int day);
[[nodiscard]] CivilTime civil_from_local(LocalTime time);
[[nodiscard]] LocalTime local_from_civil(const CivilTime& civil);
/// The same date and time `years` calendar years later (29 February maps to 28 February).
[[nodiscard]] LocalTime add_calendar_years(LocalTime time, int years);
/// The same day and time `months` calendar months later (or earlier when negative); a day past the
/// end of the target month is clamped to its last day (31 March - 1 month = 28/29 February).
[[nodiscard]] LocalTime add_calendar_months(LocalTime time, int months);
/// "2026-01-01T00:15:00-06:00" for a local time at the given UTC offset.
[[nodiscard]] std::string format_iso8601(LocalTime time, std::int64_t utc_offset_s);
/// "2026-01-01".
[[nodiscard]] std::string format_date(LocalTime time);

/// The fixed simulation grid: `steps` intervals of `step_s` seconds starting at `start`.
/// Step i covers [start + i*step, start + (i+1)*step); its stamp is the start of the interval.
/// Immutable and cheap to copy.
class TimeGrid {
 public:
  static constexpr std::int64_t kMinStepS = 60;
  static constexpr std::int64_t kMaxStepS = 3600;

  /// Throws std::invalid_argument unless 60 <= step_s <= 3600, step_s divides one hour,
  /// steps >= 1 and utc_offset_s is whole minutes within 14 h.
  TimeGrid(LocalTime start, std::int64_t step_s, std::size_t steps, std::int64_t utc_offset_s);

  /// The grid from `start` over `length`; throws std::invalid_argument when the length is not a
  /// whole number of steps.
  static TimeGrid covering(LocalTime start, const RunLength& length, std::int64_t step_s,
                           std::int64_t utc_offset_s);

  [[nodiscard]] std::size_t size() const { return steps_; }
  [[nodiscard]] std::int64_t step_s() const { return step_s_; }
  [[nodiscard]] double step_h() const;
  [[nodiscard]] LocalTime start() const { return start_; }
  /// The instant just after the last step.
  [[nodiscard]] LocalTime end() const;
  [[nodiscard]] std::int64_t utc_offset_s() const { return utc_offset_s_; }
  [[nodiscard]] LocalTime time(std::size_t step) const;
  /// Seconds since 1970-01-01T00:00 UTC of the start of a step.
  [[nodiscard]] std::int64_t utc_seconds(std::size_t step) const;
  /// First step whose start is at or after `time` (size() when none is).
  [[nodiscard]] std::size_t first_step_at_or_after(LocalTime time) const;
  [[nodiscard]] std::string iso8601(std::size_t step) const;
  /// Total simulated hours.
  [[nodiscard]] double duration_h() const;
  /// Total simulated time in 365-day years (the divisor of every per-year figure of a run).
  [[nodiscard]] double duration_years() const;

 private:
  LocalTime start_;
  std::int64_t step_s_;
  std::size_t steps_;
  std::int64_t utc_offset_s_;
};

}  // namespace stargate
