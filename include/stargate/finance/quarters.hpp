// Calendar quarters: the time axis of cash-flow and funding tables.
//
// A quarter starts on 1 January, 1 April, 1 July or 1 October at 00:00 site standard time and
// ends where the next begins (90 to 92 days). Quarter q of year y is labelled "y-Qq". Worked
// number: the horizon {2026, Q3, 4 quarters} has boundaries 2026-07-01, 2026-10-01, 2027-01-01,
// 2027-04-01, 2027-07-01. Civil dates come from stargate/core/time_grid.hpp (proleptic Gregorian).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {

/// A run of whole calendar quarters.
struct QuarterHorizon {
  int first_year = 2025;
  int first_quarter = 1;     ///< 1..4
  std::size_t quarters = 0;  ///< >= 1
};

/// Throws std::invalid_argument unless first_quarter is 1..4, quarters >= 1 and the years are
/// within 1900..2200.
void validate_quarter_horizon(const QuarterHorizon& horizon);

/// The quarters + 1 boundaries: boundaries[i] is the start of quarter i, the last the end of the
/// horizon. Validates the horizon.
[[nodiscard]] std::vector<LocalTime> quarter_boundaries(const QuarterHorizon& horizon);

/// "2026-Q3" for any time inside that quarter.
[[nodiscard]] std::string quarter_label(LocalTime time);

/// The quarter of a time counted from year 0: year x 4 + quarter - 1 (2026-Q3 -> 8106).
[[nodiscard]] int quarter_index(LocalTime time);

// add_calendar_months(time, months) is in stargate/core/time_grid.hpp.

/// Adds a possibly fractional number of years: whole years as calendar years (so five years after
/// 2026-01-01 is 2031-01-01), the fraction as fraction * 365 days.
[[nodiscard]] LocalTime add_years(LocalTime time, double years);

}  // namespace stargate
