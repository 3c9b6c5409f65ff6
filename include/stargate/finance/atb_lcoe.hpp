// Levelised cost of energy the way NREL's Annual Technology Baseline computes it, with tax and
// MACRS depreciation in a fixed charge rate (NREL ATB, "Financial Definitions"; the formulas of
// NREL's ATB-calc, github.com/NREL/ATB-calc, lcoe_calculator/base_processor.py):
//   LCOE = 1000 (FCR x CAPEX + FOM) / (CF x 8760) + VOM - PTC            [$/MWh]
//   FCR  = CRF x PFF
//   CRF  = r / (1 - (1 + r)^-n)                      r = real WACC, n = capital recovery years
//   PFF  = (1 - T x PVD x (1 - ITC / 2) - ITC) / (1 - T)   T = federal and state tax rate
//   PVD  = sum_y MACRS_y / ((1 + r)(1 + i))^y         i = inflation (the nominal WACC's discount)
// CAPEX in $/kW (with financing during construction), FOM in $/kW-yr, CF the net capacity factor.
// The ITC both lowers the cost and halves its share of the depreciable basis (IRC 50(c)(3)).
// Reproduced within 1e-6 (tests, docs/finance.md "A published worked example"): ATB utility PV,
// Class 1, Moderate, R&D case, 30-year recovery: 2022 39.051 $/MWh (CAPEX 1,482.68 $/kW, FOM
// 23.766 $/kW-yr, CF 31.50 %, real WACC 3.4277 %, inflation 2.5 %, tax 25.74 %, 5-year MACRS);
// 2030 29.685 $/MWh.
// Pure functions; thread-safe.
#pragma once

#include "stargate/finance/tax.hpp"

namespace stargate {

struct AtbLcoeInputs {
  double capex_usd_per_kw = 0.0;
  double fixed_om_usd_per_kw_yr = 0.0;
  double capacity_factor = 0.0;  ///< (0, 1]
  double real_wacc = 0.0;        ///< r
  double inflation = 0.025;      ///< i
  double tax_rate = 0.2574;      ///< T, federal and state combined
  double recovery_years = 30.0;  ///< n
  MacrsClass macrs = MacrsClass::k5Year;
  double itc_fraction = 0.0;
  double variable_om_usd_per_mwh = 0.0;
  double ptc_usd_per_mwh = 0.0;
};

/// PVD: present value of a dollar of MACRS depreciation.
[[nodiscard]] double depreciation_present_value(const AtbLcoeInputs& in);
/// PFF: project finance factor.
[[nodiscard]] double project_finance_factor(const AtbLcoeInputs& in);
/// FCR = CRF x PFF.
[[nodiscard]] double fixed_charge_rate(const AtbLcoeInputs& in);
/// LCOE in $/MWh. Throws std::invalid_argument for a capacity factor outside (0, 1], a tax rate
/// outside [0, 1), a WACC or inflation at or below -100 % or a recovery period <= 0.
[[nodiscard]] double atb_lcoe_usd_per_mwh(const AtbLcoeInputs& in);

}  // namespace stargate
