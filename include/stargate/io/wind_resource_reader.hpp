// SAM wind resource files (SRW): the format of NREL's WIND Toolkit downloads and of SAM/ssc.
//
// Layout (docs/wind.md gives every rule): line 1 location "id,city,state,country,year,lat,lon,
// elevation[,interval_h,rows]"; line 2 a free description; line 3 field names per column
// (Temperature|Temp, Pressure|Pres, Speed|Velocity, Direction|Dir, any case); line 4 units per
// column; line 5 measurement heights in m per column; then one row per interval. Columns are found
// by field name and height, in any order; any number of heights, and a field may be absent at
// some heights (a speed column is required). Rows are interval averages from 1 January 00:00 of
// the stated year in the site's standard time (ssc assumes hours 0..8759 of the year); a file of
// 8760 hourly rows for a leap year has no 29 February.
//
// Units converted on read: temperature C, F or K -> degC; pressure atm, Pa, kPa, hPa, mbar, bar
// -> atm; speed m/s (or mph, km/h) -> m/s; direction degrees. Errors (InputError with file, line,
// column and field "Speed@80m"): unreadable header lines, unknown field names or units,
// non-numeric or non-positive heights, duplicate field/height, no speed column, non-numeric or
// non-finite cells, negative or implausible speeds (> 120 m/s as ssc), implausible temperature
// or pressure, a short row, and a row count other than the one line 1 states. Repairs, each
// counted in a warning: elevation not given ("Not Available") -> NaN; direction outside
// [0, 360) -> wrapped; blank lines after the data -> ignored; an empty unit cell -> the SRW default
// unit of the field.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "stargate/core/wind_resource.hpp"

namespace stargate {

/// Reads an SRW file; `source` is the path as given.
[[nodiscard]] WindResource read_wind_resource_file(const std::filesystem::path& path);

/// Reads SRW text already in memory; `name` is used as the file name in diagnostics and `source`.
[[nodiscard]] WindResource read_wind_resource_text(std::string_view text, const std::string& name);

}  // namespace stargate
