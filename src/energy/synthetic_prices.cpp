// Synthetic ERCOT-like hourly prices. Model and calibration (docs/market.md, "Synthetic prices"):
//
// 1. Base price of hour t (standard time, month m, hour of day h, day d):
//      b_t = L * S_m * D_s(m)(h) * W(d) * exp(y_d + x_t - c * w_t - (sd_y^2 + sd_x^2) / 2)
//    S_m monthly level, D diurnal shape of the season (winter Dec-Feb: morning and evening peaks;
//    shoulder Mar-May, Oct-Nov: midday solar dip, evening peak; summer Jun-Sep: afternoon peak),
//    W = 0.9 on weekends. y_d: daily AR(1), x_t: hourly AR(1) (an Ornstein-Uhlenbeck process
//    sampled hourly), both Gaussian with stationary std sd_y, sd_x; w_t the renewable-surplus
//    noise below, c = kSurplusPriceCoupling (windy hours are cheaper).
// 2. Negative regime: surplus score s_t = P_m * (N(h) or M(h)) + kSurplusNoiseWeight * w_t with
//    w_t = (daily AR(1) + hourly AR(1)) / sqrt(2) standard normal; N night-wind and M
//    midday-solar propensities, P_m a month weight shaped on LZ_WEST 2023 (negative hours by
//    month: Jan 95, Feb 143, Mar 167, Apr 121, May 0, Jun 6, Jul 3, Aug 0, Sep 5, Oct 26, Nov 29,
//    Dec 77; by hour: 09-16 and 22-04 CPT most). The round(share * n) hours of highest score
//    (outside scarcity events) are negative: p = max(floor, -(1 + 12 z + 3 |e|)), z the score's
//    excess over the threshold in score standard deviations, e a normal draw.
// 3. Scarcity events on summer days (Jun 15 %, Jul 15 %, Aug 50 %, Sep 20 %; weekdays 2.5x
//    weekends), LZ_WEST 2023: 66 h above 1,000 USD/MWh, 44 of them in August, 14:00-20:00 CPT.
//    Each event: 1-4 consecutive hours starting 15:00-18:00 standard time (16:00-19:00 CDT) at
//    threshold * (cap / threshold)^(u^2) (u uniform; mean ~1.9 x threshold), one hour at the cap
//    with probability 0.2, and a shoulder hour either side at 10-50 % of the threshold. Events
//    are added until exactly `scarcity_hours` hours are at or above the threshold.
// 4. Calibration: negative and event hours are fixed; the other hours are a * b_t with
//    a = (mean * n - sum(fixed)) / sum(b), capped below 0.9 x threshold (re-solved when a cap
//    binds), so the annual mean equals the target to rounding for every seed.
#include "stargate/energy/synthetic_prices.hpp"
#include "stargate/core/random.hpp"
#include "stargate/core/units.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "stargate/core/time_grid.hpp"

namespace stargate {
namespace {

// Monthly level S_m (January first): spring low (wind and solar), August high.
constexpr std::array<double, 12> kMonthLevel = {0.90, 0.52, 1.22, 0.97, 1.65, 0.62,
                                                0.83, 1.24, 1.07, 1.37, 0.94, 0.68};
// Diurnal shapes D by hour of standard time.
constexpr std::array<double, 24> kWinterShape = {0.80, 0.76, 0.74, 0.74, 0.78, 0.88, 1.05, 1.18,
                                                 1.12, 1.00, 0.92, 0.88, 0.85, 0.84, 0.85, 0.90,
                                                 1.02, 1.22, 1.30, 1.25, 1.15, 1.05, 0.95, 0.86};
constexpr std::array<double, 24> kShoulderShape = {0.85, 0.80, 0.78, 0.78, 0.82, 0.92, 1.08, 1.15,
                                                   0.95, 0.75, 0.62, 0.55, 0.52, 0.52, 0.56, 0.68,
                                                   0.92, 1.30, 1.60, 1.55, 1.35, 1.15, 1.00, 0.90};
constexpr std::array<double, 24> kSummerShape = {0.75, 0.70, 0.67, 0.66, 0.68, 0.72, 0.78, 0.80,
                                                 0.78, 0.78, 0.82, 0.90, 1.00, 1.12, 1.28, 1.48,
                                                 1.70, 1.85, 1.80, 1.55, 1.30, 1.10, 0.95, 0.84};
constexpr double kWeekendFactor = 0.9;
// Negative-price propensities: month weight P_m, night wind N(h), midday solar M(h).
constexpr std::array<double, 12> kNegativeMonthWeight = {0.9, 1.1, 1.2, 1.0, 0.5, 0.1,
                                                         0.0, 0.0, 0.1, 0.5, 0.6, 0.8};
constexpr std::array<double, 24> kSurplusShape = {0.9, 0.9, 0.9, 0.9, 0.7, 0.5, 0.3, 0.3,
                                                  0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9,
                                                  0.6, 0.4, 0.3, 0.3, 0.4, 0.6, 0.8, 0.9};
constexpr double kSurplusNoiseWeight = 0.45;
constexpr double kSurplusHourlyPersistence = 0.90;
constexpr double kSurplusDailyPersistence = 0.60;
constexpr double kSurplusPriceCoupling = 0.15;
// Negative price depth: -(1 + 4 z + 1.5 |e|) USD/MWh.
constexpr double kNegativeBaseUsdPerMwh = 1.0;
constexpr double kNegativePerScoreStdUsdPerMwh = 4.0;
constexpr double kNegativeNoiseUsdPerMwh = 1.5;
// Scarcity events.
constexpr std::array<double, 12> kScarcityMonthWeight = {0,    0,    0,    0, 0, 0.15,
                                                         0.15, 0.50, 0.20, 0, 0, 0};
constexpr double kScarcityWeekendWeight = 0.4;
constexpr int kScarcityFirstStartHour = 15;  // standard time
constexpr int kScarcityStartHours = 4;       // 15, 16, 17, 18
constexpr int kScarcityMaxHours = 4;         // per event
constexpr double kScarcityCapProbability = 0.2;
constexpr double kShoulderLowFraction = 0.15;
constexpr double kShoulderSpanFraction = 0.85;
constexpr int kShoulderHours = 2;  // each side of an event
constexpr int kMaxScarcityHours = 400;
// Ordinary hours stay below this fraction of the threshold.
constexpr double kOrdinaryCapFraction = 0.9;
constexpr int kCalibrationRounds = 20;

/// AR(1) with unit stationary variance: z' = phi z + sqrt(1 - phi^2) e.
double ar1(double previous, double phi, double innovation) {
  return phi * previous + std::sqrt(1.0 - phi * phi) * innovation;
}

const std::array<double, 24>& season_shape(int month) {
  if (month == 12 || month <= 2) {
    return kWinterShape;
  }
  if (month >= 6 && month <= 9) {
    return kSummerShape;
  }
  return kShoulderShape;
}

void check(const SyntheticPriceParams& p) {
  const auto fail = [](const char* what) {
    throw std::invalid_argument(fmt::format("synthetic prices: {}", what));
  };
  if (!(p.mean_usd_per_mwh > 0.0) || !std::isfinite(p.mean_usd_per_mwh)) {
    fail("the mean price must be positive and finite");
  }
  if (!(p.negative_hour_share >= 0.0 && p.negative_hour_share < 0.5)) {
    fail("the negative-hour share must be in [0, 0.5)");
  }
  if (p.scarcity_hours < 0 || p.scarcity_hours > kMaxScarcityHours) {
    fail("scarcity hours must be in [0, 400]");
  }
  if (!(p.scarcity_threshold_usd_per_mwh > 0.0 &&
        p.scarcity_threshold_usd_per_mwh < p.offer_cap_usd_per_mwh) ||
      !std::isfinite(p.offer_cap_usd_per_mwh)) {
    fail("the scarcity threshold must be positive and below the offer cap");
  }
  if (!(p.negative_floor_usd_per_mwh < 0.0) || !std::isfinite(p.negative_floor_usd_per_mwh)) {
    fail("the negative floor must be below 0");
  }
  if (!(p.hourly_log_std >= 0.0) || !(p.daily_log_std >= 0.0) || !std::isfinite(p.hourly_log_std) ||
      !std::isfinite(p.daily_log_std)) {
    fail("the log standard deviations must be >= 0");
  }
  if (!(p.hourly_persistence >= 0.0 && p.hourly_persistence < 1.0) ||
      !(p.daily_persistence >= 0.0 && p.daily_persistence < 1.0)) {
    fail("the persistences must be in [0, 1)");
  }
}

// The year's days: the first (days since 1970-01-01) and how many.
struct PriceYear {
  int year = 0;
  std::int64_t first_day = 0;
  std::int64_t days = 0;
  std::size_t hours = 0;

  explicit PriceYear(int y)
      : year(y),
        first_day(days_from_civil(y, 1, 1)),
        days(days_from_civil(y + 1, 1, 1) - first_day),
        hours(static_cast<std::size_t>(days * kHoursPerDayInt)) {}

  [[nodiscard]] CivilTime date(std::int64_t d) const {
    return civil_from_local(LocalTime{(first_day + d) * kSecondsPerDayInt});
  }
  // 1970-01-01 was a Thursday: (days + 4) % 7 is 0 on Sunday, 6 on Saturday.
  [[nodiscard]] bool weekend(std::int64_t d) const {
    const std::int64_t weekday = (first_day + d + 4) % kDaysPerWeek;
    return weekday == 0 || weekday == 6;
  }
};

// Steps 1-2: the base price of every hour (seasonal and diurnal shape, weekend factor, two AR(1)
// log-normal factors, lowered by the wind surplus) and the surplus score that ranks the
// candidates for negative prices, with the draw of each hour's negative depth.
struct HourlyDraws {
  std::vector<double> base;
  std::vector<double> score;
  std::vector<double> noise;  ///< the draw e of a negative hour's depth
};

HourlyDraws base_prices(const SyntheticPriceParams& params, const PriceYear& year,
                        DeterministicRandom& draws) {
  HourlyDraws out{std::vector<double>(year.hours), std::vector<double>(year.hours),
                  std::vector<double>(year.hours)};
  const double log_variance =
      params.hourly_log_std * params.hourly_log_std + params.daily_log_std * params.daily_log_std;
  double x = draws.normal();
  double y = draws.normal();
  double wind_hourly = draws.normal();
  double wind_daily = draws.normal();
  for (std::int64_t d = 0; d < year.days; ++d) {
    if (d > 0) {
      y = ar1(y, params.daily_persistence, draws.normal());
      wind_daily = ar1(wind_daily, kSurplusDailyPersistence, draws.normal());
    }
    const CivilTime date = year.date(d);
    const double week_factor = year.weekend(d) ? kWeekendFactor : 1.0;
    const auto m = static_cast<std::size_t>(date.month - 1);
    const auto& shape = season_shape(date.month);
    for (int h = 0; h < kHoursPerDayInt; ++h) {
      const auto t = static_cast<std::size_t>(d * kHoursPerDayInt + h);
      if (t > 0) {
        x = ar1(x, params.hourly_persistence, draws.normal());
        wind_hourly = ar1(wind_hourly, kSurplusHourlyPersistence, draws.normal());
      }
      const double wind = (wind_daily + wind_hourly) / std::numbers::sqrt2;
      const auto hh = static_cast<std::size_t>(h);
      out.base[t] = params.mean_usd_per_mwh * kMonthLevel[m] * shape[hh] * week_factor *
                    std::exp(params.daily_log_std * y + params.hourly_log_std * x -
                             kSurplusPriceCoupling * wind - 0.5 * log_variance);
      out.score[t] = kNegativeMonthWeight[m] * kSurplusShape[hh] + kSurplusNoiseWeight * wind;
      out.noise[t] = draws.normal();
    }
  }
  return out;
}

// Prices set by an event (scarcity, its shoulders, negative hours); the rest are ordinary.
struct SetPrices {
  std::vector<double> price;
  std::vector<char> fixed;
};

// Step 3: scarcity events on summer afternoons (rejection sampling of the day by month and
// weekday weights), each a few hours at or near the offer cap with a shoulder hour either side.
void add_scarcity_events(const SyntheticPriceParams& params, const PriceYear& year,
                         DeterministicRandom& draws, SetPrices& set) {
  std::vector<char> day_used(static_cast<std::size_t>(year.days), 0);
  const double threshold = params.scarcity_threshold_usd_per_mwh;
  const double cap = params.offer_cap_usd_per_mwh;
  const double log_ratio = std::log(cap / threshold);
  const std::int64_t summer_first = days_from_civil(year.year, 6, 1) - year.first_day;
  const std::int64_t summer_days =
      days_from_civil(year.year, 10, 1) - year.first_day - summer_first;
  const double max_month_weight =
      *std::max_element(kScarcityMonthWeight.begin(), kScarcityMonthWeight.end());
  int remaining = params.scarcity_hours;
  while (remaining > 0) {
    const auto pick = static_cast<std::int64_t>(draws.uniform() * static_cast<double>(summer_days));
    const std::int64_t d = summer_first + std::min(pick, summer_days - 1);
    const auto du = static_cast<std::size_t>(d);
    const double weight = kScarcityMonthWeight[static_cast<std::size_t>(year.date(d).month - 1)] *
                          (year.weekend(d) ? kScarcityWeekendWeight : 1.0);
    if (day_used[du] || draws.uniform() * max_month_weight > weight) {
      continue;  // rejection sampling of the event day
    }
    day_used[du] = 1;
    const int length = std::min(
        remaining,
        1 + std::min(kScarcityMaxHours - 1, static_cast<int>(draws.uniform() * kScarcityMaxHours)));
    const int start =
        kScarcityFirstStartHour +
        std::min(kScarcityStartHours - 1, static_cast<int>(draws.uniform() * kScarcityStartHours));
    const int at_cap = draws.uniform() < kScarcityCapProbability
                           ? std::min(length - 1, static_cast<int>(draws.uniform() * length))
                           : -1;
    const auto first_hour = static_cast<std::size_t>(d * kHoursPerDayInt + start);
    for (int k = 0; k < length; ++k) {
      const double u = draws.uniform();
      const auto t = first_hour + static_cast<std::size_t>(k);
      set.price[t] = k == at_cap ? cap : std::min(cap, threshold * std::exp(log_ratio * u * u));
      set.fixed[t] = 1;
    }
    for (int k = 1; k <= kShoulderHours; ++k) {
      for (const std::size_t t : {first_hour - static_cast<std::size_t>(k),
                                  first_hour + static_cast<std::size_t>(length + k - 1)}) {
        const double u = draws.uniform();
        set.price[t] = threshold * (kShoulderLowFraction + kShoulderSpanFraction * u * u);
        set.fixed[t] = 1;
      }
    }
    remaining -= length;
  }
}

// Step 2 (cont.): the hours of the highest surplus score (not set by an event) are negative,
// deeper the further their score is above the threshold score.
void add_negative_hours(const SyntheticPriceParams& params, const HourlyDraws& hourly,
                        SetPrices& set) {
  const std::size_t hours = hourly.score.size();
  const auto negative_hours = static_cast<std::size_t>(
      std::lround(params.negative_hour_share * static_cast<double>(hours)));
  if (negative_hours == 0) {
    return;
  }
  const std::vector<double>& score = hourly.score;
  std::vector<std::size_t> order;
  order.reserve(hours);
  for (std::size_t t = 0; t < hours; ++t) {
    if (!set.fixed[t]) {
      order.push_back(t);
    }
  }
  // Highest score first; ties (practically absent) by time, so the order is total.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  });
  const double mean_score =
      std::accumulate(score.begin(), score.end(), 0.0) / static_cast<double>(hours);
  double variance = 0.0;
  for (const double s : score) {
    variance += (s - mean_score) * (s - mean_score);
  }
  const double score_std = std::sqrt(variance / static_cast<double>(hours));
  const double threshold_score = score[order[negative_hours - 1]];
  for (std::size_t k = 0; k < negative_hours; ++k) {
    const std::size_t t = order[k];
    const double z = (score[t] - threshold_score) / score_std;
    const double depth = kNegativeBaseUsdPerMwh + kNegativePerScoreStdUsdPerMwh * z +
                         kNegativeNoiseUsdPerMwh * std::abs(hourly.noise[t]);
    set.price[t] = std::max(params.negative_floor_usd_per_mwh, -depth);
    set.fixed[t] = 1;
  }
}

// Step 4: the ordinary hours are the base prices scaled so that the year averages the mean, each
// at most a share of the scarcity threshold (iterated: capping moves the scale).
void calibrate_ordinary_hours(const SyntheticPriceParams& params, const std::vector<double>& base,
                              SetPrices& set) {
  const std::size_t hours = base.size();
  const double ordinary_cap = kOrdinaryCapFraction * params.scarcity_threshold_usd_per_mwh;
  double fixed_sum = 0.0;
  for (std::size_t t = 0; t < hours; ++t) {
    if (set.fixed[t]) {
      fixed_sum += set.price[t];
    }
  }
  const double target_sum = params.mean_usd_per_mwh * static_cast<double>(hours);
  double scale = 0.0;
  for (int round = 0; round < kCalibrationRounds; ++round) {
    double capped_sum = 0.0;
    double free_sum = 0.0;
    for (std::size_t t = 0; t < hours; ++t) {
      if (set.fixed[t]) {
        continue;
      }
      if (scale > 0.0 && scale * base[t] >= ordinary_cap) {
        capped_sum += ordinary_cap;
      } else {
        free_sum += base[t];
      }
    }
    const double next = (target_sum - fixed_sum - capped_sum) / free_sum;
    if (!(next > 0.0)) {
      throw std::invalid_argument(fmt::format(
          "synthetic prices: a mean of {} USD/MWh is too low for {} scarcity hours and {:.1f} % "
          "negative hours (they alone average {:.2f} USD/MWh); raise the mean or lower the "
          "scarcity hours",
          params.mean_usd_per_mwh, params.scarcity_hours, 100.0 * params.negative_hour_share,
          fixed_sum / static_cast<double>(hours)));
    }
    if (next == scale) {
      break;
    }
    scale = next;
  }
  for (std::size_t t = 0; t < hours; ++t) {
    if (!set.fixed[t]) {
      set.price[t] = std::min(ordinary_cap, scale * base[t]);
    }
  }
}

}  // namespace

MarketSeries generate_prices(const SyntheticPriceParams& params, int year, std::uint64_t seed) {
  check(params);
  const PriceYear calendar(year);
  constexpr std::uint64_t kPriceStream = 3;  // independent of the weather and wind streams
  DeterministicRandom draws(seed, year, kPriceStream);
  const HourlyDraws hourly = base_prices(params, calendar, draws);
  SetPrices set{std::vector<double>(calendar.hours, 0.0), std::vector<char>(calendar.hours, 0)};
  add_scarcity_events(params, calendar, draws, set);
  add_negative_hours(params, hourly, set);
  calibrate_ordinary_hours(params, hourly.base, set);

  MarketSeries series;
  series.quantity = MarketQuantity::kPrice;
  series.source = fmt::format(
      "synthetic ERCOT-like prices (year {}, seed {}, mean {} USD/MWh, {} % negative hours, {} "
      "scarcity hours)",
      year, seed, params.mean_usd_per_mwh, 100.0 * params.negative_hour_share,
      params.scarcity_hours);
  series.name = "synthetic";
  series.interval_s = kSecondsPerHourInt;
  series.utc_offset_s = params.utc_offset_s;
  series.time.resize(calendar.hours);
  for (std::size_t t = 0; t < calendar.hours; ++t) {
    series.time[t] = LocalTime{calendar.first_day * kSecondsPerDayInt +
                               static_cast<std::int64_t>(t) * kSecondsPerHourInt};
  }
  series.value = std::move(set.price);
  return series;
}

}  // namespace stargate
