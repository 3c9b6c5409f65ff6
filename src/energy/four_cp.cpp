// 4CP peaks and charges; definitions and sources in four_cp.hpp and docs/market.md.
#include "stargate/energy/four_cp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// Synthetic system load (see the header).
constexpr double kBaseLoadMw = 45000.0;
constexpr double kSummerBulge = 0.55;           // fraction of base at the summer peak
constexpr double kSummerPeakDayOfYear = 215.0;  // ~3 August
constexpr double kSummerWidthDays = 45.0;       // Gaussian width of the bulge
constexpr double kWinterBulge = 0.12;           // mid-January heating bump
constexpr double kWinterPeakDayOfYear = 15.0;
constexpr double kWinterWidthDays = 25.0;
constexpr double kHeatAnomalyStd = 0.04;
constexpr double kHeatAnomalyPersistence = 0.7;  // day to day
constexpr double kWeekendFactor = 0.93;
constexpr double kNightFraction = 0.78;  // diurnal minimum relative to the peak
constexpr double kPeakHour = 16.375;     // 16:22:30 standard time
constexpr double kPeakWidthH = 3.0;

void require(bool ok, const std::string& message) {
  if (!ok) {
    throw std::invalid_argument(message);
  }
}

/// [first, last) steps of the grid inside [begin, end); throws unless the grid covers it all.
std::pair<std::size_t, std::size_t> steps_within(const TimeGrid& grid, LocalTime begin,
                                                 LocalTime end, const char* what) {
  require(begin >= grid.start() && end <= grid.end(),
          fmt::format("{} ({} to {}) is not inside the grid ({} to {})", what, format_date(begin),
                      format_date(end), format_date(grid.start()), format_date(grid.end())));
  return {grid.first_step_at_or_after(begin), grid.first_step_at_or_after(end)};
}

// Calls visit(step, share) for each grid step overlapping [begin, end), share = overlap /
// (end - begin); the caller has checked that the interval lies in the grid.
template <typename Visit>
void for_each_overlap(const TimeGrid& grid, LocalTime begin, LocalTime end, Visit visit) {
  std::size_t i = grid.first_step_at_or_after(begin);
  if (i == grid.size() || grid.time(i) > begin) {
    --i;  // the step containing begin
  }
  const auto length = static_cast<double>(end.seconds - begin.seconds);
  for (; i < grid.size() && grid.time(i) < end; ++i) {
    const std::int64_t step_begin = grid.time(i).seconds;
    const std::int64_t overlap =
        std::min(end.seconds, step_begin + grid.step_s()) - std::max(begin.seconds, step_begin);
    visit(i, static_cast<double>(overlap) / length);
  }
}

LocalTime month_start(int year, int month) {
  return local_from_civil(CivilTime{year, month, 1, 0, 0, 0});
}

}  // namespace

FourCpPeaks find_four_cp_peaks(const TimeGrid& grid, std::span<const double> system_load_mw,
                               int year) {
  require(system_load_mw.size() == grid.size(),
          fmt::format("system load has {} values for a grid of {} steps", system_load_mw.size(),
                      grid.size()));
  FourCpPeaks peaks;
  peaks.year = year;
  peaks.interval_s = grid.step_s();
  for (std::size_t k = 0; k < kFourCpMonths.size(); ++k) {
    const int month = kFourCpMonths[k];
    const auto [first, last] =
        steps_within(grid, month_start(year, month), month_start(year, month + 1), "a 4CP month");
    require(first < last, "a 4CP month has no grid step");
    std::size_t best = first;
    for (std::size_t i = first + 1; i < last; ++i) {
      if (system_load_mw[i] > system_load_mw[best]) {
        best = i;
      }
    }
    peaks.start[k] = grid.time(best);
  }
  return peaks;
}

FourCpCharge four_cp_charge(const TimeGrid& grid, std::span<const double> campus_load_kw,
                            const FourCpPeaks& peaks, double rate_usd_per_kw_yr) {
  require(campus_load_kw.size() == grid.size(),
          fmt::format("campus load has {} values for a grid of {} steps", campus_load_kw.size(),
                      grid.size()));
  require(std::isfinite(rate_usd_per_kw_yr) && rate_usd_per_kw_yr >= 0.0,
          "the 4CP rate must be a finite number >= 0 USD/kW-yr");
  require(peaks.interval_s > 0, "the 4CP interval must be positive");
  FourCpCharge charge;
  charge.peaks = peaks;
  double sum_kw = 0.0;
  for (std::size_t k = 0; k < peaks.start.size(); ++k) {
    const LocalTime begin = peaks.start[k];
    const LocalTime end{begin.seconds + peaks.interval_s};
    require(begin >= grid.start() && end <= grid.end(),
            fmt::format("the 4CP interval starting {} is outside the grid",
                        format_iso8601(begin, grid.utc_offset_s())));
    double mean_kw = 0.0;
    for_each_overlap(grid, begin, end,
                     [&](std::size_t i, double share) { mean_kw += campus_load_kw[i] * share; });
    charge.peak_load_kw[k] = mean_kw;
    sum_kw += charge.peak_load_kw[k];
  }
  charge.demand_kw = sum_kw / static_cast<double>(peaks.start.size());
  charge.charge_usd_per_yr = charge.demand_kw * rate_usd_per_kw_yr;
  return charge;
}

std::vector<FourCpCharge> four_cp_by_year(const TimeGrid& grid,
                                          std::span<const double> system_load_mw,
                                          std::span<const double> campus_load_kw,
                                          double rate_usd_per_kw_yr) {
  std::vector<FourCpCharge> charges;
  const int first_year = civil_from_local(grid.start()).year;
  const int last_year = civil_from_local(grid.end()).year;
  for (int year = first_year; year <= last_year; ++year) {
    if (month_start(year, kFourCpMonths.front()) >= grid.start() &&
        month_start(year, kFourCpMonths.back() + 1) <= grid.end()) {
      charges.push_back(four_cp_charge(grid, campus_load_kw,
                                       find_four_cp_peaks(grid, system_load_mw, year),
                                       rate_usd_per_kw_yr));
    }
  }
  return charges;
}

std::vector<double> four_cp_step_prices_usd_per_kw(const TimeGrid& grid,
                                                   std::span<const double> system_load_mw,
                                                   double rate_usd_per_kw_yr) {
  std::vector<double> price(grid.size(), 0.0);
  if (rate_usd_per_kw_yr == 0.0) {
    return price;
  }
  const std::vector<double> no_load(grid.size(), 0.0);
  const double per_peak = rate_usd_per_kw_yr / static_cast<double>(kFourCpMonths.size());
  for (const FourCpCharge& year :
       four_cp_by_year(grid, system_load_mw, no_load, rate_usd_per_kw_yr)) {
    for (const LocalTime begin : year.peaks.start) {
      for_each_overlap(grid, begin, LocalTime{begin.seconds + year.peaks.interval_s},
                       [&](std::size_t i, double share) { price[i] += per_peak * share; });
    }
  }
  return price;
}

std::vector<double> synthetic_ercot_system_load_mw(const TimeGrid& grid, std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  const auto uniform = [&engine]() {
    constexpr double kScale = 1.0 / 9007199254740992.0;  // 2^-53
    return (static_cast<double>(engine() >> 11U) + 0.5) * kScale;
  };
  const auto normal = [&uniform]() {  // Box-Muller, one value per pair of draws
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
  };
  std::vector<double> load(grid.size());
  std::int64_t day = std::numeric_limits<std::int64_t>::min();
  double anomaly = normal();
  double day_factor = 1.0;
  const double half_step_s = 0.5 * static_cast<double>(grid.step_s());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const std::int64_t seconds = grid.time(i).seconds;
    const std::int64_t today = seconds >= 0 ? seconds / kSecondsPerDayInt
                                            : (seconds - kSecondsPerDayInt + 1) / kSecondsPerDayInt;
    if (today != day) {
      if (day != std::numeric_limits<std::int64_t>::min()) {
        anomaly = kHeatAnomalyPersistence * anomaly +
                  std::sqrt(1.0 - kHeatAnomalyPersistence * kHeatAnomalyPersistence) * normal();
      }
      day = today;
      const CivilTime civil = civil_from_local(LocalTime{today * kSecondsPerDayInt});
      const double day_of_year = static_cast<double>(today - days_from_civil(civil.year, 1, 1));
      const double summer =
          std::exp(-std::pow((day_of_year - kSummerPeakDayOfYear) / kSummerWidthDays, 2));
      const double winter =
          std::exp(-std::pow((day_of_year - kWinterPeakDayOfYear) / kWinterWidthDays, 2));
      const std::int64_t weekday = ((today + 4) % kDaysPerWeek + kDaysPerWeek) % kDaysPerWeek;
      const double week = weekday == 0 || weekday == 6 ? kWeekendFactor : 1.0;
      day_factor = kBaseLoadMw * (1.0 + kSummerBulge * summer + kWinterBulge * winter) *
                   (1.0 + kHeatAnomalyStd * anomaly) * week;
    }
    const double hour =
        (static_cast<double>(seconds - today * kSecondsPerDayInt) + half_step_s) / kSecondsPerHour;
    const double diurnal =
        kNightFraction +
        (1.0 - kNightFraction) * std::exp(-0.5 * std::pow((hour - kPeakHour) / kPeakWidthH, 2));
    load[i] = day_factor * diurnal;
  }
  return load;
}

}  // namespace stargate
