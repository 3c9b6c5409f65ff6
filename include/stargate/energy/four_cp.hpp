// ERCOT four-coincident-peak (4CP) transmission charges (docs/market.md, "4CP").
//
// Definition (PUCT Substantive Rule 25.192, transmission service rates; ERCOT Nodal Protocols,
// Section 9, 4CP settlement): for each of June, July, August and September the 4CP interval is
// the 15-minute settlement interval with the highest ERCOT coincident system load (demand). A
// transmission customer's 4CP demand is the average of its own demand in those four intervals,
// and it pays that demand (kW) times the transmission rate (USD/kW-yr) for the following year:
//   demand_kw = (L(Jun) + L(Jul) + L(Aug) + L(Sep)) / 4,  charge_usd_per_yr = demand_kw x rate.
// Worked number: 1,000 MW of campus load in three peaks and 600 MW (curtailed) in one gives
// 900 MW = 900,000 kW; at 60 USD/kW-yr that is 54 M USD a year.
//
// Times are site standard time (as everywhere in the engine); ERCOT publishes the 4CP intervals
// in Central prevailing time (CDT in summer): 17:00 CDT is 16:00 standard time.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {

/// The 4CP months, June to September.
inline constexpr std::array<int, 4> kFourCpMonths = {6, 7, 8, 9};
/// ERCOT settles 4CP on 15-minute intervals.
inline constexpr std::int64_t kFourCpIntervalS = 900;

/// The four peak intervals of one summer: starts in site standard time, June first.
struct FourCpPeaks {
  int year = 0;
  std::array<LocalTime, 4> start{};
  std::int64_t interval_s = kFourCpIntervalS;
};

/// For each month of kFourCpMonths in `year`, the grid step with the highest system load (the
/// earliest on ties); interval_s is the grid's step (an hourly grid locates the peak hour).
/// Throws std::invalid_argument when system_load_mw.size() != grid.size() or the grid does not
/// cover all of June-September of `year`.
[[nodiscard]] FourCpPeaks find_four_cp_peaks(const TimeGrid& grid,
                                             std::span<const double> system_load_mw, int year);

struct FourCpCharge {
  FourCpPeaks peaks;
  std::array<double, 4> peak_load_kw{};  ///< campus load averaged over each peak interval
  double demand_kw = 0.0;                ///< 4CP demand: the mean of peak_load_kw
  double charge_usd_per_yr = 0.0;        ///< demand_kw x rate
};

/// The campus's 4CP demand and annual transmission charge for given peak intervals (found by
/// find_four_cp_peaks, or ERCOT's published ones converted to standard time). A peak interval's
/// load is the overlap-weighted mean of the grid steps it covers (a 15-minute peak inside an hourly
/// step takes that hour's mean). Throws std::invalid_argument when campus_load_kw.size() !=
/// grid.size(), a peak interval lies outside the grid, or the rate is negative or not finite.
[[nodiscard]] FourCpCharge four_cp_charge(const TimeGrid& grid,
                                          std::span<const double> campus_load_kw,
                                          const FourCpPeaks& peaks, double rate_usd_per_kw_yr);

/// Both steps for every calendar year whose June-September lies wholly in the grid.
[[nodiscard]] std::vector<FourCpCharge> four_cp_by_year(const TimeGrid& grid,
                                                        std::span<const double> system_load_mw,
                                                        std::span<const double> campus_load_kw,
                                                        double rate_usd_per_kw_yr);

/// The 4CP charge as a price on each step's campus load, for optimisation: USD per kW of mean
/// load in the step, rate / 4 x the step's share of each peak interval of every year that
/// four_cp_by_year covers. Sum over steps of price x campus_load_kw equals the sum of those
/// years' charges. Throws as four_cp_by_year.
[[nodiscard]] std::vector<double> four_cp_step_prices_usd_per_kw(
    const TimeGrid& grid, std::span<const double> system_load_mw, double rate_usd_per_kw_yr);

/// A synthetic ERCOT system load (MW) on the grid, for offline runs where only the *timing* of
/// the peaks matters: a base of 45 GW, a summer bulge (peak early August, +55 %), a day-to-day
/// heat anomaly (AR(1) per day from `seed`, +/-4 % std), weekends 7 % lower, and an afternoon
/// peak centred at 16:22 standard time (17:22 CDT). Each summer month's peak therefore falls on
/// its hottest weekday in the 15-minute interval 16:15-16:30 standard time (the hour 16:00-17:00
/// on an hourly grid), inside ERCOT's observed 4CP window of ~16:00-17:30 CDT (FACTS.md:
/// ~3-5:30 pm). The summer peak is ~80 GW (ERCOT record 85.5 GW, August 2023).
[[nodiscard]] std::vector<double> synthetic_ercot_system_load_mw(const TimeGrid& grid,
                                                                 std::uint64_t seed);

}  // namespace stargate
