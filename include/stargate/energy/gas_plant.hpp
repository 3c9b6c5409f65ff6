// A simple-cycle gas plant of identical turbines: part-load heat rate, minimum stable load, ramp
// limits, start costs, fuel, CO2 and marginal cost.
//
// Heat rate: the heat-rate curve gives the average heat rate HR_k (Btu/kWh) at load fractions L_k
// of one unit. Fuel input is linear between the points (the piecewise-linear input-output curve of
// production-cost models): F(L) = F_k + IHR_k (L - L_k) C with F_k = HR_k L_k C, so the
// incremental heat rate IHR_k = (F_k+1 - F_k) / ((L_k+1 - L_k) C) is constant on a segment and
// HR(L) = F(L) / (L C) falls towards full load. Below the first point the first segment extends.
// Default shape: the 55 MW gas combustion turbine of the IEEE RTS-GMLC (Barrows et al., "The IEEE
// Reliability Test System: a proposed 2019 update", IEEE Trans. Power Systems 35(1), 2020; data
// file RTS_Data/SourceData/gen.csv, unit 113_CT_1: 13,125 Btu/kWh at 40 %, incremental 6,899 /
// 7,602 / 7,797 Btu/kWh to 60 / 80 / 100 %) scaled to the aeroderivative full-load heat rate of
// 9,300 Btu/kWh (../shared/FACTS.md): 12,571 / 10,584 / 9,758 / 9,300 Btu/kWh at 40 / 60 / 80 /
// 100 % load.
//
// Per step (dt hours, request R kW, n units on sharing the output P equally at L = P / (n C)):
//   fuel [MMBtu] = n F(L) dt / 1e6,   CO2 [kg] = fuel * 53.07 (EPA, FACTS.md),
//   cost [USD] = fuel * price + P dt / 1000 * VOM + starts * start cost.
// Commitment: each unit count n = 0..N has a feasible output window from the
// previous step (units that stay on move at most ramp * dt and stay within [m C, C]; a starting
// unit reaches [m C, max(m C, ramp * dt)], capped at C; a unit may stop only from at most
// max(m C, ramp * dt) and after min_up_time_h since the last start). The output is R clamped to
// the window (the scan over n stops early: the window only grows with n). Without overproduction
// the largest output <= R wins (ties: fewer units), so a request below one unit's minimum stable
// load gives 0; with allow_overproduction the smallest output >= R wins (one unit at minimum stable
// load for a small request). A ramp limit can still force output above R (surplus) or below it
// (shortfall); both are reported. Marginal cost at output P: IHR(L) * (fuel price + CO2 * carbon
// price / 1000) / 1000 + VOM.
//
// Worked numbers: 100 MWh at 9,300 Btu/kWh burns 930 MMBtu and emits 930 * 53.07 = 49,355 kg
// CO2; at 2.00 USD/MMBtu (Waha, FACTS.md) the fuel costs 1,860 USD. The default unit's last
// incremental heat rate is 7,797 * 9,300 / 9,709.6 = 7,468 Btu/kWh: marginal cost at full load
// 7,468 * 2.00 / 1000 + 4.7 = 19.6 USD/MWh.
// No member function allocates. Not thread-safe; one object per simulated plant.
#pragma once

#include <cstddef>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {

/// CO2 from burning natural gas, kg per MMBtu (US EPA emission factors; ../shared/FACTS.md).
inline constexpr double kNaturalGasCo2KgPerMmbtu = 53.07;
/// Full-load heat rate of a simple-cycle aeroderivative turbine, Btu/kWh (../shared/FACTS.md).
inline constexpr double kAeroderivativeHeatRateBtuPerKwh = 9300.0;

/// One point of a unit's part-load curve: the average heat rate at a load fraction of the unit.
struct HeatRatePoint {
  double load_fraction = 1.0;          ///< output / unit capacity, (0, 1]
  double heat_rate_btu_per_kwh = 0.0;  ///< fuel input / output at that load (HHV)
};

/// The RTS-GMLC gas combustion-turbine part-load shape (see the top of this file) scaled to
/// `full_load_btu_per_kwh` at 100 % load: points at 40, 60, 80 and 100 % load.
[[nodiscard]] std::vector<HeatRatePoint> aeroderivative_heat_rate_curve(
    double full_load_btu_per_kwh = kAeroderivativeHeatRateBtuPerKwh);

/// Immutable parameters. The defaults describe a 360 MW plant of eight 45 MW aeroderivative units
/// (FACTS.md: Abilene's ~360 MW on-site simple-cycle plant); see docs/storage-and-gas.md.
struct GasPlantParams {
  int units = 8;                       ///< identical turbines, >= 1
  double unit_capacity_kw = 45'000.0;  ///< rating of one unit
  double min_stable_fraction = 0.4;    ///< minimum stable load of a unit, of its capacity
  double ramp_kw_per_min = 20'000.0;   ///< up and down ramp of one running unit
  std::vector<HeatRatePoint> heat_rate_curve = aeroderivative_heat_rate_curve();
  double start_cost_usd = 1500.0;          ///< per unit start (wear, start fuel, staff)
  double fuel_price_usd_per_mmbtu = 2.00;  ///< default price when the caller gives none
  double co2_kg_per_mmbtu = kNaturalGasCo2KgPerMmbtu;
  double vom_usd_per_mwh = 4.7;       ///< variable O&M per MWh generated
  double min_up_time_h = 0.0;         ///< no unit stops until this long after the last start
  bool allow_overproduction = false;  ///< may output exceed the request to run at min load?

  /// Nameplate of the plant: units x unit_capacity_kw.
  [[nodiscard]] double capacity_kw() const { return units * unit_capacity_kw; }
};

/// Throws std::invalid_argument naming the field when a parameter is out of range: units < 1,
/// capacities <= 0, fractions outside [0, 1], negative ramps, costs or times, a heat-rate curve
/// that is empty, not strictly increasing in load, does not end at load 1, has heat rates <= 0 or
/// a falling fuel input.
void validate_gas_plant_params(const GasPlantParams& params);

/// The small mutable state at the end of the last step.
struct GasPlantState {
  int units_on = 0;
  double output_kw = 0.0;            ///< plant output, shared equally by the units on
  double hours_since_start = 1.0e9;  ///< since the latest unit start (large before any start)
};

/// The flows and costs of one step.
struct GasStep {
  double output_kw = 0.0;
  double fuel_mmbtu = 0.0;
  double co2_kg = 0.0;
  double fuel_cost_usd = 0.0;
  double vom_usd = 0.0;
  double start_cost_usd = 0.0;
  int starts = 0;  ///< units started this step
  int units_on = 0;
  double shortfall_kw = 0.0;  ///< request - output where positive
  double surplus_kw = 0.0;    ///< output - request where positive
};

class GasPlant {
 public:
  /// Validates `params` (throws std::invalid_argument); `initial` must be consistent with them.
  explicit GasPlant(GasPlantParams params, GasPlantState initial = {});

  /// One step of `step_h` hours (> 0) serving `request_kw` (negative counts as 0) at the
  /// parameters' fuel price, or at `fuel_price_usd_per_mmbtu` (may be negative, as at Waha).
  GasStep dispatch(double request_kw, double step_h);
  GasStep dispatch(double request_kw, double step_h, double fuel_price_usd_per_mmbtu);

  /// Highest output the next step of `step_h` hours can reach (ramps of running units included).
  [[nodiscard]] double max_output_kw(double step_h) const;
  /// Nameplate of the plant: units * unit capacity.
  [[nodiscard]] double capacity_kw() const;

  /// Average heat rate of one unit at `load_fraction` (> 0) of its capacity, Btu/kWh.
  [[nodiscard]] double heat_rate_btu_per_kwh(double load_fraction) const;
  /// Incremental heat rate dF/dP of one unit at `load_fraction`, Btu/kWh: the slope of the
  /// segment above the load (the last segment at full load).
  [[nodiscard]] double incremental_heat_rate_btu_per_kwh(double load_fraction) const;
  /// Fuel input rate of `units_on` units sharing `output_kw` equally, MMBtu/h.
  [[nodiscard]] double fuel_mmbtu_per_h(double output_kw, int units_on) const;
  /// Cost of one more MWh at plant output `output_kw` with the fewest units that carry it (one
  /// unit at minimum stable load when output_kw <= 0): IHR * (fuel price + CO2 * carbon price /
  /// 1000) / 1000 + VOM, USD/MWh.
  [[nodiscard]] double marginal_cost_usd_per_mwh(double output_kw, double fuel_price_usd_per_mmbtu,
                                                 double carbon_price_usd_per_t = 0.0) const;
  /// What serving `request_kw` from the present state really costs, USD/MWh of output: the
  /// fewest units that carry it (at least one, each at or above minimum stable load), their fuel
  /// at the average heat rate x (fuel price + CO2 x carbon price / 1000), VOM, and the start cost
  /// of each unit not yet on spread over max(run_h, min_up_time_h, 1 h) of that output:
  ///   (F(P, n) (p_f + e p_c / 1000) + P/1000 VOM + s C_start / max(t, t_up, 1 h)) / (P / 1000).
  /// The rules rank the plant by it (docs/dispatch.md), with `run_h` the hours it would run.
  [[nodiscard]] double full_cost_usd_per_mwh(double request_kw, double fuel_price_usd_per_mmbtu,
                                             double carbon_price_usd_per_t = 0.0,
                                             double run_h = 0.0) const;
  /// The same with every unit already on at full load (no start): the plant's cheapest cost.
  [[nodiscard]] double warm_full_load_cost_usd_per_mwh(double fuel_price_usd_per_mmbtu,
                                                       double carbon_price_usd_per_t = 0.0) const;

  [[nodiscard]] const GasPlantParams& params() const { return params_; }
  [[nodiscard]] const GasPlantState& state() const { return state_; }

 private:
  [[nodiscard]] std::size_t segment(double load_fraction) const;
  [[nodiscard]] double serving_cost_usd_per_mwh(double request_kw, int units_on_before,
                                                double fuel_price_usd_per_mmbtu,
                                                double carbon_price_usd_per_t, double run_h) const;
  [[nodiscard]] double unit_fuel_btu_per_h(double load_fraction) const;

  GasPlantParams params_;
  GasPlantState state_;
  // The input-output curve of one unit: loads, fuel input (Btu/h) and segment slopes (Btu/kWh).
  std::vector<double> load_fraction_;
  std::vector<double> fuel_btu_per_h_;
  std::vector<double> incremental_btu_per_kwh_;
};

}  // namespace stargate
