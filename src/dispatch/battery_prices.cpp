// Battery price signals from the prices ahead: see include/stargate/dispatch/battery_prices.hpp.
#include "stargate/dispatch/battery_prices.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace stargate {

BatteryPriceSignals rolling_battery_prices(std::span<const double> prices_usd_per_mwh,
                                           double step_h, double duration_h,
                                           double round_trip_efficiency, double window_h) {
  if (!(step_h > 0.0) || !(duration_h > 0.0) || !(window_h > 0.0) ||
      !(round_trip_efficiency > 0.0 && round_trip_efficiency <= 1.0)) {
    throw std::invalid_argument(
        "battery prices: step, duration and window must be > 0, efficiency in (0, 1]");
  }
  const std::size_t n = prices_usd_per_mwh.size();
  const auto window =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(window_h / step_h)));
  const auto k =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(duration_h / step_h - 1e-9)));
  BatteryPriceSignals signals{std::vector<double>(n), std::vector<double>(n)};
  std::vector<double> ahead;
  ahead.reserve(window);
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t begin = t - t % window;
    const std::size_t end = std::min(n, begin + window);
    if (t != begin) {  // the same day: the same signals
      signals.value_usd_per_mwh[t] = signals.value_usd_per_mwh[begin];
      signals.charge_below_usd_per_mwh[t] = signals.charge_below_usd_per_mwh[begin];
      continue;
    }
    ahead.assign(prices_usd_per_mwh.begin() + static_cast<std::ptrdiff_t>(begin),
                 prices_usd_per_mwh.begin() + static_cast<std::ptrdiff_t>(end));
    const std::size_t m = ahead.size();
    const std::size_t low = std::min(k, m) - 1;
    const std::size_t high = m - std::min(k, m);
    std::nth_element(ahead.begin(), ahead.begin() + static_cast<std::ptrdiff_t>(low), ahead.end());
    const double charge_below = ahead[low];
    std::nth_element(ahead.begin(), ahead.begin() + static_cast<std::ptrdiff_t>(high), ahead.end());
    const double value = ahead[high];
    signals.value_usd_per_mwh[t] = value;
    signals.charge_below_usd_per_mwh[t] = value * round_trip_efficiency > charge_below
                                              ? charge_below
                                              : -std::numeric_limits<double>::infinity();
  }
  return signals;
}

BatteryPriceSignals fixed_battery_prices(std::size_t steps, double usd_per_mwh) {
  return BatteryPriceSignals{std::vector<double>(steps, usd_per_mwh),
                             std::vector<double>(steps, usd_per_mwh)};
}

}  // namespace stargate
