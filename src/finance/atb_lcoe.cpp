// NREL ATB levelised cost: see include/stargate/finance/atb_lcoe.hpp.
#include "stargate/finance/atb_lcoe.hpp"

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"

namespace stargate {
namespace {

void check(const AtbLcoeInputs& in) {
  if (!(in.capacity_factor > 0.0 && in.capacity_factor <= 1.0) ||
      !(in.tax_rate >= 0.0 && in.tax_rate < 1.0) || !(in.real_wacc > -1.0) ||
      !(in.inflation > -1.0) || !(in.recovery_years > 0.0)) {
    throw std::invalid_argument(
        "ATB LCOE: capacity factor in (0, 1], tax rate in [0, 1), WACC and inflation above "
        "-100 %, recovery period > 0");
  }
}

}  // namespace

double depreciation_present_value(const AtbLcoeInputs& in) {
  const std::vector<double> rates = macrs_rates(in.macrs);
  const double discount = (1.0 + in.real_wacc) * (1.0 + in.inflation);
  double pvd = 0.0;
  for (std::size_t y = 0; y < rates.size(); ++y) {
    pvd += rates[y] / std::pow(discount, static_cast<double>(y + 1));
  }
  return pvd;
}

double project_finance_factor(const AtbLcoeInputs& in) {
  const double t = in.tax_rate;
  return (1.0 - t * depreciation_present_value(in) * (1.0 - in.itc_fraction / 2.0) -
          in.itc_fraction) /
         (1.0 - t);
}

double fixed_charge_rate(const AtbLcoeInputs& in) {
  return capital_recovery_factor(in.real_wacc, in.recovery_years) * project_finance_factor(in);
}

double atb_lcoe_usd_per_mwh(const AtbLcoeInputs& in) {
  check(in);
  const double mwh_per_kw_yr = in.capacity_factor * kHoursPerYear / kKwhPerMwh;
  return (fixed_charge_rate(in) * in.capex_usd_per_kw + in.fixed_om_usd_per_kw_yr) / mwh_per_kw_yr +
         in.variable_om_usd_per_mwh - in.ptc_usd_per_mwh;
}

}  // namespace stargate
