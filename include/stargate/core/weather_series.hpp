// Weather as columns: the resource every solar, wind and cooling model reads.
//
// One entry per row of the source (a file or the synthetic generator), struct-of-arrays, in
// internal units: irradiance W/m2, temperature degC, wind m/s, pressure mbar, albedo 0..1.
// Missing optional quantities are NaN columns (never silently zero).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {

/// Site metadata as stated by the weather source.
struct WeatherSite {
  std::string name;
  double latitude_deg = 0.0;   ///< north positive
  double longitude_deg = 0.0;  ///< east positive
  double elevation_m = 0.0;
  double utc_offset_h = 0.0;  ///< standard-time offset of the stamps
};

/// What instant a row's values stand for.
enum class RowTiming {
  kIntervalAverage,  ///< average over [stamp, stamp + interval): sun position at mid-interval
  kInstantaneous,    ///< value at the stamp itself: sun position at the stamp
};

struct WeatherSeries {
  WeatherSite site;
  std::string source;  ///< file path, or "synthetic (...)"
  std::int64_t interval_s = 3600;
  RowTiming timing = RowTiming::kIntervalAverage;

  std::vector<LocalTime> time;  ///< row stamps, site standard time
  std::vector<double> ghi_w_m2;
  std::vector<double> dni_w_m2;
  std::vector<double> dhi_w_m2;
  std::vector<double> temp_air_c;
  std::vector<double> wind_speed_m_s;
  std::vector<double> pressure_mbar;  ///< NaN when the source has none
  std::vector<double> albedo;         ///< NaN when the source has none
  std::vector<std::string> warnings;  ///< documented repairs, each with a count

  [[nodiscard]] std::size_t size() const { return time.size(); }
  /// Seconds from a row's stamp to the instant its sun position belongs to: half an interval for
  /// interval averages, 0 for instantaneous rows.
  [[nodiscard]] std::int64_t sun_offset_s() const {
    return timing == RowTiming::kIntervalAverage ? interval_s / 2 : 0;
  }
  /// Resizes every column to `rows` (NaN-filled for the optional ones).
  void resize(std::size_t rows);
};

}  // namespace stargate
