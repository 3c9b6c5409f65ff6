// The utility connection: imports up to a limit at a flat energy price.
//
//   import = min(demand, limit),   unserved = demand - import,
//   cost   = import * dt * price / 1000   [kW * h * USD/MWh / (kWh/MWh) = USD]
//
// Worked number: 1,000 MW demand, 800 MW limit, 15 min at 40 $/MWh: import 800 MW, unserved
// 200 MW, cost 800,000 kW * 0.25 h * 40 / 1000 = 8,000 USD.
// Market prices, export, 4CP charges and carbon come with the power-system issue.
#pragma once

namespace stargate {

/// The flows of one step.
struct GridFlow {
  double import_kw = 0.0;
  double unserved_kw = 0.0;
  double cost_usd = 0.0;
};

class GridConnection {
 public:
  /// Requires import_limit_kw >= 0.
  GridConnection(double import_limit_kw, double price_usd_per_mwh);

  /// Serves `demand_kw` (>= 0) for `step_h` hours.
  [[nodiscard]] GridFlow serve(double demand_kw, double step_h) const;

  [[nodiscard]] double price_usd_per_mwh() const { return price_usd_per_mwh_; }

 private:
  double import_limit_kw_;
  double price_usd_per_mwh_;
};

}  // namespace stargate
