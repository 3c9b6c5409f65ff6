// Grid carbon-intensity files: EPA AVERT's hourly marginal emission rates (one column per region,
// rows indexed by hour of the year) or any CSV with a time column (docs/market.md).
//
// AVERT layout (e.g. AVERT_2023_CO2_lb_per_kwh.csv): UTF-8 byte-order mark, header
// `Month,Timestamp,CA,CENT,...,TE,...`, then one row per hour; `Timestamp` is the 0-based hour of
// the year (0..8759) and row k is the hour starting k hours after 1 January 00:00 *local standard
// time* (AVERT is built from EPA CAMD hourly unit data, which are reported in local standard
// time; the file has exactly 24 x 365 rows with month boundaries at the standard-calendar hours,
// no daylight-saving gap or repeat). The year is not in the file: the caller gives it, and the
// `Month` column, when present, must agree with it (a wrong year's leap day shows as a mismatch).
//
// Values are converted to kg CO2/MWh (lb/kWh x 453.59237, exact by the definition of the pound).
// Negative rates (AVERT artefacts) are set to 0 and counted in a warning; empty, non-numeric or
// non-finite cells, a missing column and a wrong hour index raise InputError with file, line,
// column and field.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "stargate/core/market_series.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

/// 1 lb/kWh in kg/MWh: 0.45359237 kg/lb (exact, international pound of 1959) x 1000 kWh/MWh.
inline constexpr double kKgPerMwhPerLbPerKwh = kKgPerPound * kKwhPerMwh;

/// The unit of the values in a carbon file.
enum class CarbonUnit {
  kLbPerKwh,     ///< lb CO2/kWh (AVERT); x 453.59237
  kKgPerMwh,     ///< kg CO2/MWh (internal); x 1
  kGPerKwh,      ///< g CO2/kWh; x 1
  kTonnePerMwh,  ///< t CO2/MWh; x 1000
};

/// Factor from `unit` to kg CO2/MWh.
[[nodiscard]] double kg_per_mwh_factor(CarbonUnit unit);

struct CarbonCsvOptions {
  std::string column = "TE";  ///< the region / value column (AVERT TE = Texas, ERCOT)
  CarbonUnit unit = CarbonUnit::kLbPerKwh;
  /// Year of hour-of-year rows (required for them; 0 = not given). Ignored with time_column.
  int year = 0;
  /// Empty: rows are indexed by an hour-of-year column (`Timestamp`, `Hour of Year`, `HourOfYear`,
  /// 0-based). Otherwise the column of stamps, read as read_market_csv_text() does.
  std::string time_column;
  std::int64_t standard_utc_offset_s =
      -6 * kSecondsPerHourInt;  ///< stamps' standard time (TE: Central)
};

[[nodiscard]] MarketSeries read_carbon_csv(const std::filesystem::path& path,
                                           const CarbonCsvOptions& options);
[[nodiscard]] MarketSeries read_carbon_csv_text(std::string_view text, const std::string& name,
                                                const CarbonCsvOptions& options);

}  // namespace stargate
