// Synthetic ERCOT-like hourly wholesale prices for offline runs (docs/market.md, "Synthetic
// prices", gives the model, every calibration target and its source).
//
// Price = calibrated base (seasonal x diurnal x weekday shape, log-normal daily and hourly AR(1)
// deviations) in ordinary hours, a negative-price regime in the hours of highest renewable surplus
// (windy nights, sunny spring and autumn middays), and scarcity events on summer evenings with
// prices from the scarcity threshold up to the offer cap. The counts of negative and scarcity
// hours are exact (set by the parameters); the base is scaled so that the annual mean equals
// `mean_usd_per_mwh` (to rounding). Identical parameters, year and seed give identical prices on
// every platform (own uniform and normal draws from std::mt19937_64, no std distributions).
#pragma once

#include <cstdint>

#include "stargate/core/market_series.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

struct SyntheticPriceParams {
  /// Annual mean. ERCOT LZ_WEST averaged ~30 USD/MWh in 2024 (../shared/FACTS.md; range 20-60);
  /// 59.81 USD/MWh in 2023 (../shared/data README, ERCOT real-time LZ_WEST).
  double mean_usd_per_mwh = 30.0;
  /// Share of hours with a negative price. LZ_WEST 2023: 671 of 8,759 h = 7.7 %; default 6 %.
  double negative_hour_share = 0.06;
  /// Hours at or above `scarcity_threshold_usd_per_mwh`. LZ_WEST 2023: 66 h above 1,000;
  /// FACTS.md: scarcity concentrated in ~50 hours a year.
  int scarcity_hours = 50;
  double scarcity_threshold_usd_per_mwh = 1000.0;
  /// ERCOT's system-wide offer cap (FACTS.md: 5,000 USD/MWh); no price exceeds it.
  double offer_cap_usd_per_mwh = 5000.0;
  /// Lowest negative price. LZ_WEST 2023 minimum: -30.36 USD/MWh.
  double negative_floor_usd_per_mwh = -40.0;
  /// Stationary standard deviation of the hourly log-price deviation and its lag-1 (hour)
  /// autocorrelation (Ornstein-Uhlenbeck sampled hourly: phi = exp(-1 h / tau), tau ~ 6 h).
  /// The standard deviations are fitted to LZ_WEST 2023's percentiles (docs/market.md; tested
  /// against the real year in tests/validation/synthetic_prices_ercot_test.cpp).
  double hourly_log_std = 0.5;
  double hourly_persistence = 0.85;
  /// Day-to-day (weather regime) log deviation: stationary std and lag-1 (day) autocorrelation.
  double daily_log_std = 0.65;
  double daily_persistence = 0.70;
  /// Standard-time UTC offset of the stamps (ERCOT: Central, UTC-6).
  std::int64_t utc_offset_s = -6 * kSecondsPerHourInt;
};

/// One calendar year of hourly prices (8,760 or 8,784 values, stamps at the start of each hour in
/// standard time from 1 January 00:00), quantity kPrice. Throws std::invalid_argument for
/// parameters outside their ranges: mean <= 0, negative share outside [0, 0.5), scarcity hours
/// outside [0, 400], threshold >= cap, floor >= 0, a std < 0 or a persistence outside [0, 1), or a
/// mean too low to pay for the scarcity hours (the base would have to be negative).
[[nodiscard]] MarketSeries generate_prices(const SyntheticPriceParams& params, int year,
                                           std::uint64_t seed);

}  // namespace stargate
