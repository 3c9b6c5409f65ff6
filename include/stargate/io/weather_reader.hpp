// Weather files: NSRDB PSM CSV (any version), SAM TMY2/TMY3 CSV, NREL's native TMY3 CSV and EPW,
// detected from the header (docs/weather.md describes every rule).
//
// Columns are found by name in any order. Site metadata come from the header. Rows without a
// Minute column are interval averages (sun position at mid-interval); rows with Minute are
// instantaneous at their stamp. A file of 8760 rows for a leap year is accepted with the leap
// day absent (as NSRDB writes them). Bad cells, NaN, negative or impossible irradiance and wrong
// row counts raise InputError with file, line and column, or are repaired with a warning that
// counts them (documented per case in docs/weather.md).
//
// Typical years: a TMY file strings together months taken from different years (Phoenix TMY2:
// January 1988, April 1966, September 1963, ...). `WeatherSeries::time` keeps each row's year as
// written, so the stamps are not monotonic across months; the reader checks order and spacing on
// month, day and time of day only. A consumer that places a TMY on a simulation year must align
// rows by month/day/time of day, not by the stamps' years. (The reader does not flag typical years;
// a `typical_year` flag on WeatherSeries, set when the years differ between rows, would let
// consumers tell without scanning: not added yet.)
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "stargate/core/weather_series.hpp"

namespace stargate {

/// Reads a weather file of any supported format; `source` is the path as given.
[[nodiscard]] WeatherSeries read_weather_file(const std::filesystem::path& path);

/// Reads weather from text already in memory; `name` is used as the file name in diagnostics and
/// as `source`.
[[nodiscard]] WeatherSeries read_weather_text(std::string_view text, const std::string& name);

}  // namespace stargate
