// Battery price signals of the rules from the prices ahead (docs/dispatch.md, "Battery").
//
// Over the window [t, t + 24 h) of prices (shorter at the end of the run), with k = the steps a
// battery of `duration_h` (energy / power) needs to fill or empty, ceil(duration_h / step):
//   charge below   = the k-th lowest price of the window: the battery charges from the grid at or
//                    under it (the cheapest k steps of the day ahead);
//   value          = the k-th highest price of the window: what a stored MWh is worth later the
//                    same day, its cost in the merit order (it serves a deficit when the grid is
//                    dearer than that);
// and no grid charging at all when value x round-trip efficiency <= charge below (the spread
// does not pay for the losses). A day-ahead market publishes tomorrow's prices, so the rules see
// them as the `lp` policy does (docs/dispatch.md compares the two).
// Worked number (tests): hourly prices 10, 20, ..., 240 over one day and a 4-hour battery at 85 %:
// at the first hour, charge below 40 and value 210 (210 x 0.85 > 40: it arbitrages).
// Fixed mode ([dispatch] battery_prices = "fixed"): both are battery_charge_below every step.
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

namespace stargate {

struct BatteryPriceSignals {
  std::vector<double> charge_below_usd_per_mwh;  ///< one per step
  std::vector<double> value_usd_per_mwh;         ///< one per step
};

/// The rolling signals above. Throws std::invalid_argument for step_h, duration_h or window_h
/// <= 0 or an efficiency outside (0, 1].
[[nodiscard]] BatteryPriceSignals rolling_battery_prices(std::span<const double> prices_usd_per_mwh,
                                                         double step_h, double duration_h,
                                                         double round_trip_efficiency,
                                                         double window_h = 24.0);

/// Both signals at `usd_per_mwh` for `steps` steps (the fixed thresholds).
[[nodiscard]] BatteryPriceSignals fixed_battery_prices(std::size_t steps, double usd_per_mwh);

}  // namespace stargate
