// Wind resource as columns, and the turbine power curve: the data the wind farm model reads.
//
// A WindResource holds one entry per row of the source (an SRW file or the synthetic generator)
// for each measurement height, struct-of-arrays: temperature degC, pressure atm (the unit of SAM's
// SRW files and of NREL ssc's windpower module; kPascalPerAtm converts), speed m/s and direction
// deg (where the wind comes from, clockwise from north). A field the source does not give at a
// height is an empty vector at that height (never zeros). Rows are interval averages stamped at
// the start of their interval in the site's standard time (SRW rows are hour averages; ssc reads
// them as hours 0..8759 of the year with no time zone, see docs/wind.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/core/weather_series.hpp"

namespace stargate {

/// Site metadata as stated by the resource (SRW header line 1 and 2).
struct WindSite {
  std::string location_id;
  std::string city;
  std::string state;
  std::string country;
  std::string description;  ///< SRW line 2
  int year = 0;
  double latitude_deg = std::numeric_limits<double>::quiet_NaN();   ///< north positive
  double longitude_deg = std::numeric_limits<double>::quiet_NaN();  ///< east positive
  double elevation_m = std::numeric_limits<double>::quiet_NaN();    ///< NaN when not given
  double utc_offset_h = std::numeric_limits<double>::quiet_NaN();   ///< NaN: SRW gives none
};

/// The quantities an SRW file may give at each height.
enum class WindField { kTemperature, kPressure, kSpeed, kDirection };

/// Name of a field as SRW line 3 writes it: "Temperature", "Pressure", "Speed", "Direction".
[[nodiscard]] const char* wind_field_name(WindField field);

/// The measurements at one height; a field not measured there is empty.
struct WindMeasurementHeight {
  double height_m = 0.0;
  std::vector<double> temperature_c;
  std::vector<double> pressure_atm;
  std::vector<double> speed_m_s;
  std::vector<double> direction_deg;  ///< where the wind comes from, clockwise from north

  [[nodiscard]] const std::vector<double>& column(WindField field) const;
  [[nodiscard]] std::vector<double>& column(WindField field);
  [[nodiscard]] bool has(WindField field) const { return !column(field).empty(); }
};

struct WindResource {
  WindSite site;
  std::string source;  ///< file path, or "synthetic (...)"
  std::int64_t interval_s = 3600;
  RowTiming timing = RowTiming::kIntervalAverage;
  std::vector<LocalTime> time;                 ///< row stamps, site standard time
  std::vector<WindMeasurementHeight> heights;  ///< ascending, distinct heights
  std::vector<std::string> warnings;           ///< documented repairs, each with a count

  [[nodiscard]] std::size_t size() const { return time.size(); }
  /// The entry at exactly `height_m`, inserted in height order (empty columns) when absent.
  WindMeasurementHeight& at_height(double height_m);
};

/// Stamps of `rows` consecutive intervals of `interval_s` from 1 January of `year` 00:00. When
/// `year` is a leap year and `rows` is exactly one 365-day year of intervals, 29 February is
/// skipped (files written that way, as NSRDB and WIND Toolkit exports are, keep calendar dates).
[[nodiscard]] std::vector<LocalTime> wind_row_stamps(int year, std::int64_t interval_s,
                                                     std::size_t rows);

/// A turbine's power curve: electrical output at standard air density (1.225 kg/m3) against
/// hub-height wind speed, piecewise linear between points, zero below the first and above the
/// last point (the last point is the cut-out).
struct PowerCurve {
  std::string name;
  std::string source;             ///< where the numbers come from
  double rotor_diameter_m = 0.0;  ///< 0 when unknown (then no wake model)
  double rated_kw = 0.0;          ///< nameplate; the largest curve value when not stated
  std::vector<double> wind_speed_m_s;
  std::vector<double> power_kw;

  /// Highest speed with zero output below the first non-zero point (0 when none).
  [[nodiscard]] double cut_in_m_s() const;
  /// Last speed with non-zero output.
  [[nodiscard]] double cut_out_m_s() const;
  /// Throws std::invalid_argument unless there are >= 3 points, speeds are finite, >= 0 and
  /// strictly increasing, powers finite and >= 0, some power > 0, rated_kw > 0 and the rotor
  /// diameter >= 0.
  void validate() const;
};

}  // namespace stargate
