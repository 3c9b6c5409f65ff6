// A battery energy store: energy bookkeeping with charge and discharge efficiencies, power and
// state-of-charge limits, self-discharge, and capacity fade from cycling and calendar ageing.
//
// Energy bookkeeping (power on the AC side, energy in the store; dt in hours):
//   charge p:     E += p * dt * eta_c,  p <= P_charge,    E <= soc_max * C
//   discharge p:  E -= p * dt / eta_d,  p <= P_discharge, E >= soc_min * C
//   every step:   E *= (1 - s)^(dt / 24)  (self-discharge s per day, applied before the flow)
// C is the present (faded) capacity, starting at the usable nameplate energy_kwh.
// Worked number: eta_c = eta_d = 0.922 (round trip 0.922^2 = 0.850, ../shared/FACTS.md "Battery
// round-trip efficiency 85 %"): charging 100 kW for 1 h stores 92.2 kWh; discharging it all
// delivers 92.2 * 0.922 = 85.0 kWh.
//
// Degradation (after Xu, Oudalov, Ulbig, Andersson and Kirschen, "Modeling of lithium-ion battery
// degradation for cell life assessment", IEEE Trans. Smart Grid 9(2), 2018: rainflow-counted
// cycles, a depth-of-discharge stress function, Miner's linear damage sum, plus calendar ageing):
//   cycles to end of life at depth d:  N(d) = N_ref * (d / d_ref)^-k   (Woehler power law)
//   cycle damage:      D = sum_i n_i / N(d_i)   (n_i = 1 full, 0.5 half cycle; ASTM E1049 rainflow)
//   cycle fade:        D * (1 - eol)   (D = 1 is end of life: eol = 80 % of nameplate left)
//   calendar fade:     f_cal * years
//   capacity left:     1 - cycle fade - calendar fade   (fraction of nameplate, >= 0)
// Worked number: N_ref = 6,000 cycles at d_ref = 0.8, k = 1.5: 365 cycles a year at 80 % depth
// give D = 365 / 6,000 = 0.0608, cycle fade 0.0122, calendar fade 0.015: 97.3 % left after a year.
// The DoD stress exponent k and cycle life are assumptions (confidence L, docs/storage-and-gas.md);
// a fit for an LMO cell is Phi(d) = 5.24e-4 d^2.03 (Xu, Zhao, Zheng, Litvinov and Kirschen,
// "Factoring the cycle aging cost of batteries participating in electricity markets", IEEE Trans.
// Power Systems 33(2), 2018), i.e. k ~ 2.
//
// Use in a simulation: call exactly one of step/charge/discharge/idle per time step (each call
// advances the clock by dt, so a battery can never charge and discharge in the same step); record
// soc_fraction() after each step into a column the caller owns; after a year call
// assess_degradation() on that column and apply_fade() with the fade it reports.
// No member function allocates. Not thread-safe; one object per simulated battery.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "stargate/energy/rainflow.hpp"

namespace stargate {

/// Immutable parameters. Defaults: FACTS.md round trip; degradation defaults are assumptions.
struct BatteryParams {
  double power_kw = 0.0;                       ///< AC charge and discharge limit
  std::optional<double> charge_power_kw;       ///< AC charge limit when it differs from power_kw
  std::optional<double> discharge_power_kw;    ///< AC discharge limit when it differs from power_kw
  double energy_kwh = 0.0;                     ///< usable nameplate energy (the capacity when new)
  double charge_efficiency = 0.922;            ///< AC -> store, 0..1 (0.922^2 = 0.85 round trip)
  double discharge_efficiency = 0.922;         ///< store -> AC, 0..1
  double soc_min_fraction = 0.0;               ///< lowest state of charge, fraction of capacity
  double soc_max_fraction = 1.0;               ///< highest state of charge, fraction of capacity
  double self_discharge_per_day = 0.0;         ///< fraction of stored energy lost per day
  double initial_soc_fraction = 0.5;           ///< within [soc_min, soc_max]
  double calendar_fade_per_year = 0.015;       ///< capacity lost per year at rest, of nameplate
  double cycle_life = 6000.0;                  ///< cycles of depth cycle_life_dod to end of life
  double cycle_life_dod = 0.8;                 ///< reference depth of discharge of cycle_life, 0..1
  double dod_stress_exponent = 1.5;            ///< k in N(d) = N_ref (d / d_ref)^-k
  double end_of_life_capacity_fraction = 0.8;  ///< capacity left when cycle life is used up

  [[nodiscard]] double charge_limit_kw() const { return charge_power_kw.value_or(power_kw); }
  [[nodiscard]] double discharge_limit_kw() const { return discharge_power_kw.value_or(power_kw); }
};

/// Throws std::invalid_argument naming the field when a parameter is out of range or not finite.
void validate_battery_params(const BatteryParams& params);

/// The small mutable state.
struct BatteryState {
  double soc_kwh = 0.0;         ///< energy in the store
  double capacity_kwh = 0.0;    ///< present capacity (nameplate less applied fade)
  double throughput_kwh = 0.0;  ///< store-side energy in plus energy out, since construction
  double loss_kwh = 0.0;        ///< conversion, self-discharge and fade losses, since construction
};

class Battery {
 public:
  /// Validates (throws std::invalid_argument) and starts at initial_soc_fraction of nameplate.
  explicit Battery(BatteryParams params);

  /// Largest AC charge power (kW) the next step of `step_h` hours would accept.
  [[nodiscard]] double max_charge_kw(double step_h) const;
  /// Largest AC discharge power (kW) the next step of `step_h` hours could deliver.
  [[nodiscard]] double max_discharge_kw(double step_h) const;
  /// The same, using only the energy above `reserve_fraction` of the present capacity (or above
  /// soc_min when that is higher): what a dispatcher holding a reserve may take.
  [[nodiscard]] double max_discharge_above_kw(double reserve_fraction, double step_h) const;

  /// One step of `step_h` hours (> 0) at `power_kw` on the AC side: positive discharges (delivers
  /// to the bus), negative charges (takes from the bus), zero idles. Returns the power that flowed,
  /// with the same sign convention, limited by power, efficiency and state of charge.
  double step(double power_kw, double step_h);
  /// One charging step: takes up to `power_kw` (>= 0); returns the AC power accepted.
  double charge(double power_kw, double step_h);
  /// One discharging step: delivers up to `power_kw` (>= 0); returns the AC power delivered.
  double discharge(double power_kw, double step_h);
  /// One idle step: self-discharge only.
  void idle(double step_h);

  /// Removes `fade_fraction` (>= 0) of the nameplate energy from the capacity (at least 0). Energy
  /// above the new upper SOC limit is lost (counted in loss_kwh). Call between steps, e.g. yearly
  /// with DegradationResult::cycle_fade_fraction + calendar_fade_fraction; power limits stay.
  void apply_fade(double fade_fraction);

  /// State of charge as a fraction of the present capacity (0 when the capacity is 0). Record this
  /// each step for assess_degradation().
  [[nodiscard]] double soc_fraction() const;
  /// Present capacity as a fraction of nameplate (1 when new; 1 for a zero-energy battery).
  [[nodiscard]] double capacity_fraction() const;
  [[nodiscard]] const BatteryParams& params() const { return params_; }
  [[nodiscard]] const BatteryState& state() const { return state_; }

 private:
  [[nodiscard]] double self_discharge_kept(double step_h) const;
  void self_discharge(double step_h);
  [[nodiscard]] double soc_max_kwh() const {
    return params_.soc_max_fraction * state_.capacity_kwh;
  }
  [[nodiscard]] double soc_min_kwh() const {
    return params_.soc_min_fraction * state_.capacity_kwh;
  }

  BatteryParams params_;
  BatteryState state_;
  double self_discharge_log_per_h_ = 0.0;  ///< ln(1 - s) / 24
  double cached_step_h_ = 0.0;             ///< step length of cached_kept_ (0: none yet)
  double cached_kept_ = 1.0;               ///< (1 - s)^(cached_step_h_ / 24)
};

/// Cycles of depth `dod` (fraction of capacity, > 0) to end of life: N_ref * (dod / d_ref)^-k.
[[nodiscard]] double cycles_to_end_of_life(const BatteryParams& params, double dod);

/// Miner's damage sum of counted cycles: sum of count / N(range), ranges as depth fractions.
[[nodiscard]] double cycle_damage(const BatteryParams& params,
                                  std::span<const RainflowCycle> cycles);

/// What a state-of-charge history does to the battery over a horizon.
struct DegradationResult {
  double capacity_fraction = 1.0;       ///< capacity left after `years`, fraction of nameplate
  double cycle_fade_fraction = 0.0;     ///< lost to cycling over `years`, fraction of nameplate
  double calendar_fade_fraction = 0.0;  ///< lost to calendar ageing over `years`
  double cycle_damage = 0.0;            ///< Miner sum over `years`; 1 = cycle life used up
  double equivalent_full_cycles = 0.0;  ///< throughput / (2 capacity) over `years`
  double full_cycles = 0.0;             ///< number of full cycles counted in the history
  double half_cycles = 0.0;             ///< number of half cycles counted in the history
  double history_years = 0.0;           ///< duration of the history: samples * step_h / 8760
  std::vector<RainflowCycle> cycles;    ///< the history's rainflow cycles (range = depth)
};

/// Degradation over `years` (> 0) of a battery whose state-of-charge fraction (0..1 of capacity)
/// was sampled every `step_h` hours (> 0) in `soc_history_fraction`. The history is taken as
/// representative: its cycle damage and equivalent full cycles are scaled by years /
/// history_years; calendar fade is calendar_fade_per_year * years. Validates `params` (throws
/// std::invalid_argument, also for step_h or years <= 0). Allocates: call after the step loop.
[[nodiscard]] DegradationResult assess_degradation(const BatteryParams& params,
                                                   std::span<const double> soc_history_fraction,
                                                   double step_h, double years);

}  // namespace stargate
