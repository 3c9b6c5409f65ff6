// Cell temperature: the NOCT steady-state model (PVWatts v8) and the Fuentes (1987) transient
// thermal model (PVWatts v5).
//
// NOCT model (Duffie & Beckman 2013, eq. 23.3.3; De Soto et al. 2006): the cell rises above the
// air in proportion to the absorbed irradiance, scaled from the nominal operating cell
// temperature test (800 W/m2, 20 C air, 1 m/s wind) with the wind's convection coefficient:
//   T_c = T_a + (S / 800) (NOCT - 20) (1 - eta / (tau alpha)) 9.5 / (5.7 + 3.8 v'),
// S the irradiance absorbed by the cells (plane of array after the cover and spectral
// modifiers), eta the module's STC efficiency, tau alpha = 0.9, v' = max(0.51 v, 0.001) the wind
// at module height (one-storey mounting, SAM's factor for heights below 22 ft); NOCT 45 C for
// open racks and trackers, 49 C for roof mounts. This is the form PVWatts v8 evaluates (checked
// against its hourly cell temperatures to 0.002 C). Worked number: S 980 W/m2, eta 0.1913, 25 C
// air, 2 m/s: T_c = 25 + 1.225 * 25 * 0.78748 * 9.5 / 9.576 = 48.93 C.
//
// Fuentes model:
// A module of heat capacity C (11000 J/m2K, raised by (NOCT - 48 C)/12 for hotter mounts) gains
// alpha G (absorptance 0.83) and loses heat by convection to the air (h_c), radiation to the sky
// (h_s) and radiation to the ground (h_g):
//   C dTm/dt = alpha G - h_c (Tm - Ta) - h_s (Tm - Tsky) - h_g (Tm - Tg),
// with Tsky = 0.68 (0.0552 Ta^1.5) + 0.32 Ta (K), Tg = Ta + r_g (Tm - Ta), h_s and h_g
// linearised Stefan-Boltzmann coefficients (emissivity 0.84), and h_c = r_c (h_free^3 +
// h_forced^3)^(1/3): free convection 0.21 (Gr Pr)^0.32 k / L and forced convection
// 0.86 Re^-0.5 rho cp v / Pr^0.67 (laminar; 0.028 Re^-0.2 rho cp v / Pr^0.4 above Re 1.2e5) on a
// characteristic length L = 0.5 m, Pr 0.71, air properties at the film temperature, wind at the
// module height (5 m) from the 9.144 m (30 ft) measurement height with a 1/5 power law. The ratios
// r_g (ground temperature) and r_c (total to top-surface convection) are fixed by the module's
// installed NOCT: the energy balance at 800 W/m2, 20 C air, 1 m/s wind and a 282.21 K sky must
// give Tm = NOCT. The equation is integrated exactly over each step for a linear change of the
// absorbed irradiance, with the coefficients solved by fixed-point iteration (at most 10 passes).
//
// Assumptions: PVWatts' installed NOCT of 45 C (open rack) or 49 C (roof mount); module height
// 5 m; the state carries from one step to the next; with no irradiance the module is at air
// temperature. Worked number: NOCT 45 C, G 1000 W/m2, Ta 25 C, 1 m/s, steady state -> Tm about
// 55 C (see the unit test for the exact value).
//
// Source: M.K. Fuentes, "A simplified thermal model for flat-plate photovoltaic arrays",
// SAND85-0330, Sandia National Laboratories, 1987; A.P. Dobos, "PVWatts Version 5 Manual",
// NREL/TP-6A20-62641, 2014, sec. 7.
#pragma once

namespace stargate::pv {

/// NOCT-model cell temperature (C) for the irradiance absorbed by the cells (after the cover and
/// spectral modifiers), the wind at 10 m, the air temperature, the installed NOCT and the
/// module's STC efficiency. With nothing absorbed the cell is at air temperature.
[[nodiscard]] double noct_cell_temperature_c(double absorbed_w_m2, double wind_speed_m_s,
                                             double air_temperature_c, double noct_c,
                                             double stc_efficiency);

class FuentesThermalModel {
 public:
  /// `noct_c` installed nominal operating cell temperature (C), `module_height_m`, `step_h`
  /// the time step in hours. Throws std::invalid_argument for NOCT outside 25..100 C, a height
  /// not positive or a step not positive.
  FuentesThermalModel(double noct_c, double module_height_m, double step_h);

  /// Advances one step: POA irradiance (W/m2), wind at 9.144 m (m/s), air temperature (C);
  /// returns the cell temperature (C) at the end of the step.
  double step(double poa_w_m2, double wind_speed_m_s, double air_temperature_c);

  /// Steady-state cell temperature for constant conditions (C), from repeated steps.
  [[nodiscard]] double steady_state_c(double poa_w_m2, double wind_speed_m_s,
                                      double air_temperature_c) const;

 private:
  double noct_k_;
  double height_m_;
  double step_s_;
  double capacity_j_m2k_;
  double ground_ratio_;         // r_g
  double convection_ratio_;     // r_c
  double module_k_ = 293.15;    // module temperature at the end of the last step
  double absorbed_w_m2_ = 0.0;  // absorbed irradiance of the last step
};

}  // namespace stargate::pv
