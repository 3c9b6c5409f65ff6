// PUE from the outdoor temperature. Equations, defaults, sources, calibration and worked numbers
// are at the top of include/stargate/facility/cooling.hpp and in docs/compute-power.md.
#include "stargate/facility/cooling.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

void require(bool ok, const char* field, const char* expected) {
  if (!ok) {
    throw std::invalid_argument(std::string("cooling ") + field + ": expected " + expected);
  }
}
bool fraction(double value) {
  return std::isfinite(value) && value >= 0.0 && value <= 1.0;
}
bool finite_at_least(double value, double low) {
  return std::isfinite(value) && value >= low;
}

struct LoopPower {
  double fans = 0.0;
  double chiller = 0.0;
};

// Heat-rejection power of one water loop per unit of its heat (see the header's equations).
LoopPower loop_power(const CoolingParams& p, double supply_c, double return_c, double ambient_c) {
  LoopPower out;
  const double outlet_c = ambient_c + p.dry_cooler_approach_k;
  if (outlet_c <= supply_c) {
    const double headroom_k = supply_c - ambient_c;  // >= approach > 0 here
    const double speed =
        std::clamp(p.dry_cooler_approach_k / headroom_k, p.dry_cooler_min_speed, 1.0);
    out.fans = p.dry_cooler_fan_fraction * speed * speed * speed;
    return out;
  }
  out.fans = p.dry_cooler_fan_fraction;
  const double trim = std::clamp((outlet_c - supply_c) / (return_c - supply_c), 0.0, 1.0);
  const double evaporator_c = supply_c - p.chiller_evaporator_approach_k;
  const double condenser_c = ambient_c + p.chiller_condenser_approach_k;
  const double lift_k = condenser_c - evaporator_c;
  const double cop = lift_k > 0.0
                         ? std::min(p.chiller_max_cop, p.chiller_carnot_fraction *
                                                           (evaporator_c + kZeroCelsiusK) / lift_k)
                         : p.chiller_max_cop;
  out.chiller = trim / cop;
  return out;
}

}  // namespace

void validate_cooling_params(const CoolingParams& p) {
  require(fraction(p.distribution_loss_fraction), "distribution_loss_fraction",
          "a fraction in [0, 1]");
  require(fraction(p.lighting_misc_fraction), "lighting_misc_fraction", "a fraction in [0, 1]");
  require(fraction(p.pump_fraction), "pump_fraction", "a fraction in [0, 1]");
  require(fraction(p.liquid_capture_fraction), "liquid_capture_fraction", "a fraction in [0, 1]");
  require(std::isfinite(p.liquid_supply_c), "liquid_supply_c", "a finite temperature");
  require(std::isfinite(p.liquid_return_c) && p.liquid_return_c > p.liquid_supply_c,
          "liquid_return_c", "a finite temperature above liquid_supply_c");
  require(std::isfinite(p.air_loop_supply_c), "air_loop_supply_c", "a finite temperature");
  require(std::isfinite(p.air_loop_return_c) && p.air_loop_return_c > p.air_loop_supply_c,
          "air_loop_return_c", "a finite temperature above air_loop_supply_c");
  require(fraction(p.air_handler_fan_fraction), "air_handler_fan_fraction", "a fraction in [0, 1]");
  require(std::isfinite(p.dry_cooler_approach_k) && p.dry_cooler_approach_k > 0.0,
          "dry_cooler_approach_k", "a finite temperature difference > 0 K");
  require(fraction(p.dry_cooler_fan_fraction), "dry_cooler_fan_fraction", "a fraction in [0, 1]");
  require(fraction(p.dry_cooler_min_speed), "dry_cooler_min_speed", "a fraction in [0, 1]");
  require(fraction(p.chiller_carnot_fraction) && p.chiller_carnot_fraction > 0.0,
          "chiller_carnot_fraction", "a fraction in (0, 1]");
  require(finite_at_least(p.chiller_evaporator_approach_k, 0.0), "chiller_evaporator_approach_k",
          "a finite temperature difference >= 0 K");
  require(finite_at_least(p.chiller_condenser_approach_k, 0.0), "chiller_condenser_approach_k",
          "a finite temperature difference >= 0 K");
  require(std::isfinite(p.chiller_max_cop) && p.chiller_max_cop > 0.0, "chiller_max_cop",
          "a finite COP > 0");
}

PueBreakdown pue_breakdown(const CoolingParams& p, double ambient_c) {
  const double phi = p.liquid_capture_fraction;
  const LoopPower liquid = loop_power(p, p.liquid_supply_c, p.liquid_return_c, ambient_c);
  const LoopPower air = loop_power(p, p.air_loop_supply_c, p.air_loop_return_c, ambient_c);
  PueBreakdown out;
  out.fixed = p.distribution_loss_fraction + p.lighting_misc_fraction + p.pump_fraction;
  out.fans = phi * liquid.fans + (1.0 - phi) * (air.fans + p.air_handler_fan_fraction);
  out.chiller = phi * liquid.chiller + (1.0 - phi) * air.chiller;
  return out;
}

double pue_at(const CoolingParams& params, double ambient_c) {
  return pue_breakdown(params, ambient_c).pue();
}

double cooling_kw(const CoolingParams& params, double it_kw, double ambient_c) {
  return (pue_at(params, ambient_c) - 1.0) * it_kw;
}

double energy_weighted_pue(const CoolingParams& params, std::span<const double> ambient_c,
                           std::span<const double> it_kw) {
  if (ambient_c.size() != it_kw.size()) {
    throw std::invalid_argument("energy_weighted_pue: ambient_c and it_kw differ in length");
  }
  double facility = 0.0;
  double it = 0.0;
  for (std::size_t i = 0; i < it_kw.size(); ++i) {
    facility += pue_at(params, ambient_c[i]) * it_kw[i];
    it += it_kw[i];
  }
  return it > 0.0 ? facility / it : 1.0;
}

CoolingModel::CoolingModel(CoolingParams params) : params_(params) {
  validate_cooling_params(params_);
}

}  // namespace stargate
