// Power usage effectiveness of a liquid-cooled campus as a function of the outdoor air
// temperature: direct-to-chip warm-water cooling rejected through dry coolers, chiller trim on hot
// hours, and a chilled-water air side for the heat the cold plates do not capture.
//
//   PUE(T) = 1 + f_dist + f_light + f_pump                      (fixed overheads)
//              + phi       * [fan_dc(T, liquid loop) + chiller(T, liquid loop)]
//              + (1 - phi) * [fan_dc(T, air loop) + chiller(T, air loop) + f_ahu]
// per unit of IT heat, phi = share of IT heat captured by the cold plates. For each water loop
// (supply T_s, return T_r; dry-cooler approach dT_a; all temperatures C):
//   dry-cooler outlet at full fan speed   T_dc = T + dT_a
//   T_dc <= T_s: no chiller; fan speed x = clamp(dT_a / (T_s - T), x_min, 1) (air flow needed
//                scales inversely with the temperature difference available),
//                fan_dc = f_fan * x^3 (fan affinity law)
//   T_dc >  T_s: fans at full speed, fan_dc = f_fan; the chiller trims the share
//                tau = clamp((T_dc - T_s) / (T_r - T_s), 0, 1) of the loop's heat, drawing
//                chiller = tau / COP(T),
//                COP(T) = min(COP_max, eta_carnot * (T_s - dT_evap + 273.15)
//                                                  / ((T + dT_cond) - (T_s - dT_evap)))
// Cooling (facility overhead) power: P_cool = (PUE - 1) * P_IT; facility power PUE * P_IT
// (The Green Grid, "PUE: A Comprehensive Examination of the Metric", WP #49, 2012). The fixed
// overheads (distribution losses, lighting) are counted in PUE - 1 as the metric defines them.
//
// Defaults and their sources/assumptions (docs/compute-power.md has the table):
//   liquid loop supply 32 C, return 42 C: ASHRAE TC 9.9 liquid-cooling class W32 (facility supply
//     <= 32 C; "Water-Cooled Servers" / liquid cooling guidelines); Blackwell cold plates accept
//     warm water.
//   air loop supply 18 C, return 26 C: chilled water for air handlers delivering ASHRAE
//     recommended inlet air (18-27 C, "Thermal Guidelines for Data Processing Environments").
//   dry-cooler approach 7 K (ASHRAE/vendor practice 5-8 K); fan power 3 % of heat at full speed,
//     minimum speed 20 % (assumptions, L).
//   chiller: 45 % of Carnot (air-cooled chillers reach 40-55 %), evaporator 5 K below supply,
//     condenser 10 K above ambient, COP capped at 12 (assumptions, M).
//   phi = 0.80 of IT heat captured by cold plates (NVL72 racks are mostly liquid-cooled; the rest,
//     power supplies, NICs, memory, goes to air; assumption, M); air-handler fans 5 % of the
//     air-side heat (L).
//   fixed: power distribution losses 8 % of IT (medium-voltage transformers, UPS, PDUs; The Green
//     Grid WP #49 counts them in PUE), lighting and offices 0.5 %, CDU and facility pumps 2 %.
// Calibration: the distribution-loss share (the least constrained term) was set to 8 % so that a
// synthetic Abilene year (generate_weather at 32.45 N, -99.73 E, 524 m, UTC-6, abilene_climate(),
// 2026, seeds 1, 2, 7, 42) gives an energy-weighted annual PUE of 1.164 at constant IT load,
// within FACTS.md's 1.15-1.20 (liquid-cooled, West Texas); 6 % gives 1.144, 10 % gives 1.184.
// Worked numbers (defaults): PUE(10 C) = 1 + 0.105 (fixed) + 0.8 * 0.03 * (7/22)^3 (liquid-loop
//   fans) + 0.2 * (0.03 * (7/8)^3 + 0.05) (air loop, free cooling) = 1.1198. PUE(40 C): both
//   loops on chillers, COP 0.45 * 300.15 / 23 = 5.87 (liquid) and 0.45 * 286.15 / 37 = 3.48
//   (air): 1 + 0.105 + 0.04 + 0.8 / 5.87 + 0.2 / 3.48 = 1.3387. All functions are pure and
//   thread-safe.
#pragma once

#include <span>

namespace stargate {

/// Immutable parameters of the cooling and facility-overhead model (defaults: file comment).
struct CoolingParams {
  double distribution_loss_fraction = 0.08;  ///< transformers, UPS, PDUs, fraction of IT power
  double lighting_misc_fraction = 0.005;     ///< lighting, offices, security, fraction of IT power
  double pump_fraction = 0.02;               ///< CDU and facility water pumps, fraction of IT power
  double liquid_capture_fraction = 0.80;     ///< phi: IT heat into the cold-plate loop, 0..1
  double liquid_supply_c = 32.0;             ///< warm-water supply setpoint (ASHRAE W32)
  double liquid_return_c = 42.0;             ///< warm-water return temperature (> supply)
  double air_loop_supply_c = 18.0;           ///< chilled-water supply of the air handlers
  double air_loop_return_c = 26.0;           ///< chilled-water return (> supply)
  double air_handler_fan_fraction = 0.05;    ///< air-handler fans per unit of air-side heat
  double dry_cooler_approach_k = 7.0;        ///< dry-cooler outlet minus ambient at full speed
  double dry_cooler_fan_fraction = 0.03;     ///< dry-cooler fans at full speed per unit heat
  double dry_cooler_min_speed = 0.2;         ///< lowest fan speed fraction, 0..1
  double chiller_carnot_fraction = 0.45;     ///< chiller COP / Carnot COP, 0..1
  double chiller_evaporator_approach_k = 5.0;  ///< refrigerant below the water supply
  double chiller_condenser_approach_k = 10.0;  ///< condensing above the ambient air
  double chiller_max_cop = 12.0;               ///< cap on COP at small lifts
};

/// Throws std::invalid_argument naming the field when a parameter is out of range or not finite.
void validate_cooling_params(const CoolingParams& params);

/// The parts of PUE - 1 at one ambient temperature, each per unit of IT power.
struct PueBreakdown {
  double fixed = 0.0;    ///< distribution losses + lighting + pumps
  double fans = 0.0;     ///< dry-cooler and air-handler fans
  double chiller = 0.0;  ///< chiller compressors
  [[nodiscard]] double pue() const { return 1.0 + fixed + fans + chiller; }
};

/// PUE - 1 split by cause at outdoor dry-bulb `ambient_c`. Params assumed valid.
[[nodiscard]] PueBreakdown pue_breakdown(const CoolingParams& params, double ambient_c);
/// PUE at outdoor dry-bulb `ambient_c` (>= 1; non-decreasing in ambient_c).
[[nodiscard]] double pue_at(const CoolingParams& params, double ambient_c);
/// Facility overhead (cooling, distribution losses, lighting) for `it_kw` of IT: (PUE - 1) * it_kw.
[[nodiscard]] double cooling_kw(const CoolingParams& params, double it_kw, double ambient_c);
/// Energy-weighted PUE over a series: sum(PUE_i * it_i) / sum(it_i); spans of equal length (1 if
/// the IT energy is zero). Throws std::invalid_argument for unequal lengths.
[[nodiscard]] double energy_weighted_pue(const CoolingParams& params,
                                         std::span<const double> ambient_c,
                                         std::span<const double> it_kw);

/// The model as an object, the drop-in successor of ConstantPue: validates once.
class CoolingModel {
 public:
  /// Validates (throws std::invalid_argument).
  explicit CoolingModel(CoolingParams params);

  [[nodiscard]] double pue(double ambient_c) const { return pue_at(params_, ambient_c); }
  [[nodiscard]] double cooling_kw(double it_kw, double ambient_c) const {
    return stargate::cooling_kw(params_, it_kw, ambient_c);
  }
  [[nodiscard]] double facility_kw(double it_kw, double ambient_c) const {
    return pue(ambient_c) * it_kw;
  }
  [[nodiscard]] const CoolingParams& params() const { return params_; }

 private:
  CoolingParams params_;
};

}  // namespace stargate
