// A published worked example: NREL ATB's LCOE of utility-scale PV from ATB's own inputs
// (ATB-calc test data, github.com/NREL/ATB-calc, tests/data/Solar_-_Utility_PV: Class 1,
// Moderate, R&D financial case, 30-year capital recovery). docs/finance.md cites it.
#include "stargate/finance/atb_lcoe.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace stargate {
namespace {

AtbLcoeInputs utility_pv(double capex_usd_per_kw, double fom_usd_per_kw_yr, double cf) {
  AtbLcoeInputs in;
  in.capex_usd_per_kw = capex_usd_per_kw;
  in.fixed_om_usd_per_kw_yr = fom_usd_per_kw_yr;
  in.capacity_factor = cf;
  in.real_wacc = 0.03427744938402033;  // nominal 6.013 % at 2.5 % inflation
  in.inflation = 0.025;
  in.tax_rate = 0.2574;
  in.recovery_years = 30.0;
  in.macrs = MacrsClass::k5Year;
  return in;
}

TEST(AtbLcoe, ReproducesNrelAtbUtilityPv) {
  // 2022: ATB's LCOE 39.0513 $/MWh.
  const double lcoe_2022 =
      atb_lcoe_usd_per_mwh(utility_pv(1482.6832803021205, 23.76560345636052, 0.31495213903699626));
  EXPECT_NEAR(lcoe_2022 / 39.05132513035968, 1.0, 1e-6);
  // 2030: ATB's LCOE 29.6850 $/MWh.
  const double lcoe_2030 =
      atb_lcoe_usd_per_mwh(utility_pv(1193.4809439770536, 17.99068147455273, 0.3291298109304652));
  EXPECT_NEAR(lcoe_2030 / 29.684989467018415, 1.0, 1e-6);
  // The pieces: CRF(3.4277 %, 30 y) = 0.053880; PFF > 1 (tax on the return, less depreciation).
  const AtbLcoeInputs in = utility_pv(1000.0, 0.0, 0.25);
  EXPECT_NEAR(fixed_charge_rate(in) / project_finance_factor(in), 0.0538802, 1e-7);
  EXPECT_GT(project_finance_factor(in), 1.0);
}

TEST(AtbLcoe, AnInvestmentCreditLowersTheCost) {
  // A 30 % ITC: PFF = (1 - T PVD (1 - 0.15) - 0.3) / (1 - T), below the no-credit value.
  AtbLcoeInputs in = utility_pv(1000.0, 20.0, 0.25);
  const double without = atb_lcoe_usd_per_mwh(in);
  in.itc_fraction = 0.3;
  const double with_itc = atb_lcoe_usd_per_mwh(in);
  const double pvd = depreciation_present_value(in);
  EXPECT_NEAR(project_finance_factor(in), (1.0 - 0.2574 * pvd * 0.85 - 0.3) / (1.0 - 0.2574),
              1e-12);
  EXPECT_LT(with_itc, 0.8 * without);
  in.capacity_factor = 0.0;
  EXPECT_THROW((void)atb_lcoe_usd_per_mwh(in), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
