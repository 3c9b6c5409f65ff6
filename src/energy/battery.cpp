// Battery energy bookkeeping and degradation. Equations, worked numbers and sources are at the top
// of include/stargate/energy/battery.hpp and in docs/storage-and-gas.md.
#include "stargate/energy/battery.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

void require(bool ok, const char* field, const char* expected) {
  if (!ok) {
    throw std::invalid_argument(std::string("battery ") + field + ": expected " + expected);
  }
}

bool finite_at_least(double value, double low) {
  return std::isfinite(value) && value >= low;
}
bool fraction(double value) {
  return std::isfinite(value) && value >= 0.0 && value <= 1.0;
}

}  // namespace

void validate_battery_params(const BatteryParams& p) {
  require(finite_at_least(p.power_kw, 0.0), "power_kw", "a finite value >= 0");
  require(!p.charge_power_kw || finite_at_least(*p.charge_power_kw, 0.0), "charge_power_kw",
          "a finite value >= 0");
  require(!p.discharge_power_kw || finite_at_least(*p.discharge_power_kw, 0.0),
          "discharge_power_kw", "a finite value >= 0");
  require(finite_at_least(p.energy_kwh, 0.0), "energy_kwh", "a finite value >= 0");
  require(fraction(p.charge_efficiency) && p.charge_efficiency > 0.0, "charge_efficiency",
          "a fraction in (0, 1]");
  require(fraction(p.discharge_efficiency) && p.discharge_efficiency > 0.0, "discharge_efficiency",
          "a fraction in (0, 1]");
  require(fraction(p.soc_min_fraction), "soc_min_fraction", "a fraction in [0, 1]");
  require(fraction(p.soc_max_fraction) && p.soc_max_fraction >= p.soc_min_fraction,
          "soc_max_fraction", "a fraction in [soc_min_fraction, 1]");
  require(fraction(p.initial_soc_fraction) && p.initial_soc_fraction >= p.soc_min_fraction &&
              p.initial_soc_fraction <= p.soc_max_fraction,
          "initial_soc_fraction", "a fraction in [soc_min_fraction, soc_max_fraction]");
  require(fraction(p.self_discharge_per_day) && p.self_discharge_per_day < 1.0,
          "self_discharge_per_day", "a fraction in [0, 1)");
  require(fraction(p.calendar_fade_per_year) && p.calendar_fade_per_year < 1.0,
          "calendar_fade_per_year", "a fraction in [0, 1)");
  require(std::isfinite(p.cycle_life) && p.cycle_life > 0.0, "cycle_life",
          "a finite number of cycles > 0");
  require(fraction(p.cycle_life_dod) && p.cycle_life_dod > 0.0, "cycle_life_dod",
          "a fraction in (0, 1]");
  require(finite_at_least(p.dod_stress_exponent, 0.0), "dod_stress_exponent",
          "a finite value >= 0");
  require(fraction(p.end_of_life_capacity_fraction) && p.end_of_life_capacity_fraction < 1.0,
          "end_of_life_capacity_fraction", "a fraction in [0, 1)");
}

Battery::Battery(BatteryParams params) : params_(params) {
  validate_battery_params(params_);
  state_.capacity_kwh = params_.energy_kwh;
  state_.soc_kwh = params_.initial_soc_fraction * params_.energy_kwh;
  // (1 - s)^(dt / 24) = exp(dt * ln(1 - s) / 24): one exp per step, exact for any step length.
  self_discharge_log_per_h_ = std::log1p(-params_.self_discharge_per_day) / kHoursPerDay;
}

double Battery::self_discharge_kept(double step_h) const {
  if (step_h == cached_step_h_) {
    return cached_kept_;
  }
  return self_discharge_log_per_h_ == 0.0 ? 1.0 : std::exp(self_discharge_log_per_h_ * step_h);
}

void Battery::self_discharge(double step_h) {
  if (step_h != cached_step_h_) {  // a fixed step pays for one exp per run, not per step
    cached_kept_ = self_discharge_kept(step_h);
    cached_step_h_ = step_h;
  }
  const double kept = cached_kept_;
  if (kept < 1.0) {
    const double lost_kwh = state_.soc_kwh * (1.0 - kept);
    state_.soc_kwh -= lost_kwh;
    state_.loss_kwh += lost_kwh;
  }
}

double Battery::max_charge_kw(double step_h) const {
  assert(step_h > 0.0);
  const double soc_kwh = state_.soc_kwh * self_discharge_kept(step_h);
  const double headroom_kwh = std::max(0.0, soc_max_kwh() - soc_kwh);
  return std::min(params_.charge_limit_kw(), headroom_kwh / (params_.charge_efficiency * step_h));
}

double Battery::max_discharge_kw(double step_h) const {
  assert(step_h > 0.0);
  const double soc_kwh = state_.soc_kwh * self_discharge_kept(step_h);
  const double available_kwh = std::max(0.0, soc_kwh - soc_min_kwh());
  return std::min(params_.discharge_limit_kw(),
                  available_kwh * params_.discharge_efficiency / step_h);
}

double Battery::max_discharge_above_kw(double reserve_fraction, double step_h) const {
  assert(step_h > 0.0);
  const double soc_kwh = state_.soc_kwh * self_discharge_kept(step_h);
  const double floor_kwh = std::max(soc_min_kwh(), reserve_fraction * state_.capacity_kwh);
  const double available_kwh = std::max(0.0, soc_kwh - floor_kwh);
  return std::min(params_.discharge_limit_kw(),
                  available_kwh * params_.discharge_efficiency / step_h);
}

double Battery::charge(double power_kw, double step_h) {
  assert(step_h > 0.0 && power_kw >= 0.0);
  self_discharge(step_h);
  const double headroom_kwh = std::max(0.0, soc_max_kwh() - state_.soc_kwh);
  const double accepted_kw = std::min({std::max(0.0, power_kw), params_.charge_limit_kw(),
                                       headroom_kwh / (params_.charge_efficiency * step_h)});
  if (accepted_kw > 0.0) {
    const double ac_kwh = accepted_kw * step_h;
    const double stored_kwh = ac_kwh * params_.charge_efficiency;
    state_.soc_kwh = std::min(state_.soc_kwh + stored_kwh, soc_max_kwh());
    state_.throughput_kwh += stored_kwh;
    state_.loss_kwh += ac_kwh - stored_kwh;
  }
  return accepted_kw;
}

double Battery::discharge(double power_kw, double step_h) {
  assert(step_h > 0.0 && power_kw >= 0.0);
  self_discharge(step_h);
  const double available_kwh = std::max(0.0, state_.soc_kwh - soc_min_kwh());
  const double delivered_kw = std::min({std::max(0.0, power_kw), params_.discharge_limit_kw(),
                                        available_kwh * params_.discharge_efficiency / step_h});
  if (delivered_kw > 0.0) {
    const double ac_kwh = delivered_kw * step_h;
    const double drawn_kwh = ac_kwh / params_.discharge_efficiency;
    state_.soc_kwh = std::max(state_.soc_kwh - drawn_kwh, soc_min_kwh());
    state_.throughput_kwh += drawn_kwh;
    state_.loss_kwh += drawn_kwh - ac_kwh;
  }
  return delivered_kw;
}

void Battery::idle(double step_h) {
  assert(step_h > 0.0);
  self_discharge(step_h);
}

double Battery::step(double power_kw, double step_h) {
  if (power_kw > 0.0) {
    return discharge(power_kw, step_h);
  }
  if (power_kw < 0.0) {
    return -charge(-power_kw, step_h);
  }
  idle(step_h);
  return 0.0;
}

void Battery::apply_fade(double fade_fraction) {
  assert(fade_fraction >= 0.0);
  state_.capacity_kwh =
      std::max(0.0, state_.capacity_kwh - std::max(0.0, fade_fraction) * params_.energy_kwh);
  const double excess_kwh = state_.soc_kwh - soc_max_kwh();
  if (excess_kwh > 0.0) {
    state_.soc_kwh -= excess_kwh;
    state_.loss_kwh += excess_kwh;
  }
}

double Battery::soc_fraction() const {
  return state_.capacity_kwh > 0.0 ? state_.soc_kwh / state_.capacity_kwh : 0.0;
}

double Battery::capacity_fraction() const {
  return params_.energy_kwh > 0.0 ? state_.capacity_kwh / params_.energy_kwh : 1.0;
}

double cycles_to_end_of_life(const BatteryParams& params, double dod) {
  assert(dod > 0.0);
  return params.cycle_life * std::pow(dod / params.cycle_life_dod, -params.dod_stress_exponent);
}

double cycle_damage(const BatteryParams& params, std::span<const RainflowCycle> cycles) {
  double damage = 0.0;
  for (const RainflowCycle& cycle : cycles) {
    if (cycle.range > 0.0) {
      damage += cycle.count / cycles_to_end_of_life(params, cycle.range);
    }
  }
  return damage;
}

DegradationResult assess_degradation(const BatteryParams& params,
                                     std::span<const double> soc_history_fraction, double step_h,
                                     double years) {
  validate_battery_params(params);
  if (!(std::isfinite(step_h) && step_h > 0.0)) {
    throw std::invalid_argument("assess_degradation: step_h must be a finite value > 0");
  }
  if (!(std::isfinite(years) && years > 0.0)) {
    throw std::invalid_argument("assess_degradation: years must be a finite value > 0");
  }
  DegradationResult result;
  result.cycles = rainflow_count(soc_history_fraction);
  result.history_years = static_cast<double>(soc_history_fraction.size()) * step_h / kHoursPerYear;
  const double scale = result.history_years > 0.0 ? years / result.history_years : 0.0;

  double throughput_fraction = 0.0;  // sum of |delta SOC|: energy in plus out per capacity
  for (std::size_t i = 1; i < soc_history_fraction.size(); ++i) {
    throughput_fraction += std::abs(soc_history_fraction[i] - soc_history_fraction[i - 1]);
  }
  for (const RainflowCycle& cycle : result.cycles) {
    (cycle.count == 1.0 ? result.full_cycles : result.half_cycles) += 1.0;
  }
  result.cycle_damage = cycle_damage(params, result.cycles) * scale;
  result.equivalent_full_cycles = 0.5 * throughput_fraction * scale;
  result.cycle_fade_fraction = result.cycle_damage * (1.0 - params.end_of_life_capacity_fraction);
  result.calendar_fade_fraction = params.calendar_fade_per_year * years;
  result.capacity_fraction =
      std::max(0.0, 1.0 - result.cycle_fade_fraction - result.calendar_fade_fraction);
  return result;
}

}  // namespace stargate
