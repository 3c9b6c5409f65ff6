#include "stargate/energy/grid_connection.hpp"

#include <algorithm>
#include <cassert>

#include "stargate/core/units.hpp"

namespace stargate {

GridConnection::GridConnection(double import_limit_kw, double price_usd_per_mwh)
    : import_limit_kw_(import_limit_kw), price_usd_per_mwh_(price_usd_per_mwh) {
  assert(import_limit_kw >= 0.0);
}

GridFlow GridConnection::serve(double demand_kw, double step_h) const {
  assert(demand_kw >= 0.0 && step_h > 0.0);
  GridFlow flow;
  flow.import_kw = std::min(demand_kw, import_limit_kw_);
  flow.unserved_kw = demand_kw - flow.import_kw;
  flow.cost_usd = flow.import_kw * step_h * price_usd_per_mwh_ / kKwhPerMwh;
  return flow;
}

}  // namespace stargate
