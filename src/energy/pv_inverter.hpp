// Inverters of the PVWatts models: the Sandia model with PVWatts v8's parameters, and the
// PVWatts v5 part-load efficiency curve; both clip at the AC rating.
//
// Sandia inverter model (King et al. 2007) with C0..C3 = 0, as PVWatts v8 sets it:
//   P_ac = P_ac0 (P_dc - P_so) / (P_dc0 - P_so) for P_dc > P_so, else 0,
// P_dc0 = P_ac0 / eta_nom and the self-consumption P_so = 0.004931 P_ac0 (PVWatts v8's
// "utility" value; its thresholds compare the DC rating in watts with 10 and 1000, so every
// array of 1 kW or more gets it). Worked number: P_ac0 = 76,923 kW, eta 0.96 -> P_dc0 = 80,128 kW,
// P_so = 379.3 kW; P_dc = 49,230 kW -> P_ac = 76,923 * 48,851 / 79,749 = 47,120 kW.
//
// PVWatts v5 curve:
//   P_dc0 = P_ac0 / eta_nom,  x = P_dc / P_dc0,
//   eta(x) = (eta_nom / eta_ref) (-0.0162 x - 0.0059 / x + 0.9858),  eta_ref = 0.9637,
//   P_ac = min(P_dc eta(x), P_ac0), and 0 when negative (no night-time consumption).
// The curve is a fit to the CEC efficiency measurements of inverters; eta(1) = eta_nom.
//
// Worked number: eta_nom 0.96 at half load (x 0.5): (0.96 / 0.9637) (-0.0081 - 0.0118 + 0.9858)
// = 0.99616 * 0.9659 = 0.96218.
//
// Sources: D.L. King, S. Gonzalez, G.M. Galbraith, W.E. Boyson, "Performance Model for
// Grid-Connected Photovoltaic Inverters", SAND2007-5036; A.P. Dobos, "PVWatts Version 5 Manual",
// NREL/TP-6A20-62641, 2014, sec. 9, eqs. 14-15.
#pragma once

namespace stargate::pv {

/// The inverter's output split into its losses, kW.
struct InverterOutput {
  double ac_kw = 0.0;  ///< delivered, after clipping
  double efficiency_loss_kw = 0.0;
  double clipping_loss_kw = 0.0;
};

class PvwattsInverter {
 public:
  /// `ac_rating_kw` > 0; `nominal_efficiency` in (0, 1]. Throws std::invalid_argument otherwise.
  PvwattsInverter(double ac_rating_kw, double nominal_efficiency);

  /// Part-load efficiency at a DC input power (kW > 0).
  [[nodiscard]] double efficiency(double dc_kw) const;
  /// AC output for a DC input (kW).
  [[nodiscard]] InverterOutput convert(double dc_kw) const;

  [[nodiscard]] double ac_rating_kw() const { return ac_rating_kw_; }
  [[nodiscard]] double dc_rating_kw() const { return dc_rating_kw_; }

 private:
  double ac_rating_kw_;
  double nominal_efficiency_;
  double dc_rating_kw_;
};

/// The Sandia inverter model with PVWatts v8's parameters.
class SandiaInverter {
 public:
  /// `ac_rating_kw` > 0; `nominal_efficiency` in (0, 1]; `dc_capacity_kw` selects P_so.
  SandiaInverter(double ac_rating_kw, double nominal_efficiency, double dc_capacity_kw);

  [[nodiscard]] InverterOutput convert(double dc_kw) const;
  [[nodiscard]] double self_consumption_kw() const { return self_consumption_kw_; }

 private:
  double ac_rating_kw_;
  double dc_rating_kw_;
  double self_consumption_kw_;
};

}  // namespace stargate::pv
