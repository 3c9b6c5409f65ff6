// DC power of a PV module: the CEC five-parameter single-diode model (PVWatts v8) and the PVWatts
// linear model (PVWatts v5).
//
// Single diode (De Soto, Klein & Beckman 2006): I = I_L - I_0 (exp((V + I R_s) / a) - 1) -
// (V + I R_s) / R_sh, with the reference parameters translated to the operating absorbed
// irradiance S (W/m2, after the cover and the spectral modifier) and cell temperature T (K):
//   I_L = S / 1000 (I_L,ref + mu (T - T_ref)),  mu = alpha_Isc (1 - Adj / 100)  (Dobos 2012),
//   I_0 = I_0,ref (T / T_ref)^3 exp[(E_g,ref / T_ref - E_g / T) / k],
//   E_g = 1.12 eV (1 - 0.0002677 (T - T_ref)),  k = 8.618e-5 eV/K,
//   a = a_ref T / T_ref,  R_sh = R_sh,ref 1000 / S,  R_s constant;
// no power below S = 1 W/m2. The maximum power point is found with the diode voltage Vd as the
// variable (Bishop 1988): I(Vd) = I_L - I_0 (exp(Vd / a) - 1) - Vd / R_sh, V = Vd - I R_s, and
// Newton's method on dP/dVd = 0 (P is concave in Vd about the maximum). The array's DC power is
// the module's P_mp times P_dc0 / (V_mp,ref I_mp,ref).
//
// The representative modules of PVWatts v8 (CEC database, parameters by SAM's coefficient
// generator): standard Canadian Solar CS1H-320MS, premium SunPower SPR-E20-327, thin film First
// Solar FS-6435A.
//
// Linear (PVWatts v5, Dobos 2014 eq. 12): P = P_dc0 (S / 1000) (1 + gamma (T - 25)).
//
// Worked number: the standard module at S = 1000 W/m2, 25 C gives P_mp = 322.559 W (its rating
// V_mp I_mp = 35.8 V * 9.01 A = 322.558 W); at S = 200 W/m2, 25 C, 63.24 W (0.980 of linear).
//
// Sources: W. De Soto, S.A. Klein, W.A. Beckman, "Improvement and validation of a model for
// photovoltaic array performance", Solar Energy 80(1), 2006; A.P. Dobos, "An Improved Coefficient
// Calculator for the California Energy Commission 6 Parameter Photovoltaic Module Model", J. Sol.
// Energy Eng. 134(2), 2012; J.W. Bishop, "Computer simulation of the effects of electrical
// mismatches in photovoltaic cell interconnection circuits", Solar Cells 25, 1988; A.P. Dobos,
// "PVWatts Version 5 Manual", NREL/TP-6A20-62641, 2014.
#pragma once

#include "stargate/core/solar_types.hpp"

namespace stargate::pv {

/// Reference parameters of the CEC model for one module.
struct CecModule {
  double area_m2;
  double v_mp_ref;       ///< V
  double i_mp_ref;       ///< A
  double alpha_isc_a_k;  ///< temperature coefficient of I_sc, A/K
  double a_ref_v;        ///< modified ideality factor n Ns k T / q at reference, V
  double i_l_ref_a;      ///< light current
  double i_0_ref_a;      ///< diode saturation current
  double r_s_ohm;
  double r_sh_ref_ohm;
  double adjust_percent;  ///< Adj of the 6-parameter fit

  /// STC efficiency V_mp I_mp / (1000 W/m2 * area).
  [[nodiscard]] double stc_efficiency() const;
  /// Reference power V_mp I_mp, W.
  [[nodiscard]] double p_mp_ref_w() const { return v_mp_ref * i_mp_ref; }
};

/// PVWatts v8's representative module of a type.
[[nodiscard]] const CecModule& cec_module(ModuleType type);

/// Operating-point parameters of the single-diode equation.
struct DiodeParameters {
  double i_l_a = 0.0;
  double i_0_a = 0.0;
  double a_v = 1.0;
  double r_s_ohm = 0.0;
  double r_sh_ohm = 1.0;
};

/// The CEC translation to absorbed irradiance (W/m2, > 0) and cell temperature (C).
[[nodiscard]] DiodeParameters cec_operating_parameters(const CecModule& module,
                                                       double absorbed_w_m2, double cell_c);

/// Maximum power of a single-diode curve, W (0 when I_L is 0).
[[nodiscard]] double single_diode_max_power_w(const DiodeParameters& p);

/// Module maximum power with the CEC model; 0 below 1 W/m2 absorbed.
[[nodiscard]] double cec_module_power_w(const CecModule& module, double absorbed_w_m2,
                                        double cell_c);

}  // namespace stargate::pv
