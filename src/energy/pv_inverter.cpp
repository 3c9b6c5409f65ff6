// PVWatts inverter part-load curve and clipping: equations, worked number and source are in
// src/energy/pv_inverter.hpp.
#include "pv_inverter.hpp"

#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate::pv {
namespace {

constexpr double kReferenceEfficiency = 0.9637;
constexpr double kCoefficientA = -0.0162;
constexpr double kCoefficientB = -0.0059;
constexpr double kCoefficientC = 0.9858;

// PVWatts v8's self-consumption of the Sandia model, per unit of AC rating, by DC rating in W.
constexpr double kSelfConsumptionSmall = 0.002246;   // below 10 W
constexpr double kSelfConsumptionMedium = 0.002478;  // below 1000 W
constexpr double kSelfConsumptionLarge = 0.004931;
constexpr double kSmallDcW = 10.0;
constexpr double kMediumDcW = 1000.0;

void check_rating(double ac_rating_kw, double nominal_efficiency) {
  if (!(ac_rating_kw > 0.0)) {
    throw std::invalid_argument("inverter AC rating must be positive, got " +
                                std::to_string(ac_rating_kw) + " kW");
  }
  if (!(nominal_efficiency > 0.0 && nominal_efficiency <= 1.0)) {
    throw std::invalid_argument("inverter efficiency must be in (0, 1], got " +
                                std::to_string(nominal_efficiency));
  }
}

}  // namespace

SandiaInverter::SandiaInverter(double ac_rating_kw, double nominal_efficiency,
                               double dc_capacity_kw)
    : ac_rating_kw_(ac_rating_kw),
      dc_rating_kw_(ac_rating_kw / nominal_efficiency),
      self_consumption_kw_(0.0) {
  check_rating(ac_rating_kw, nominal_efficiency);
  const double dc_w = dc_capacity_kw * kWPerKw;
  const double fraction = dc_w < kSmallDcW    ? kSelfConsumptionSmall
                          : dc_w < kMediumDcW ? kSelfConsumptionMedium
                                              : kSelfConsumptionLarge;
  self_consumption_kw_ = fraction * ac_rating_kw;
}

InverterOutput SandiaInverter::convert(double dc_kw) const {
  InverterOutput out;
  if (!(dc_kw > self_consumption_kw_)) return out;
  const double ac_kw =
      ac_rating_kw_ * (dc_kw - self_consumption_kw_) / (dc_rating_kw_ - self_consumption_kw_);
  out.efficiency_loss_kw = dc_kw - ac_kw;
  out.clipping_loss_kw = ac_kw > ac_rating_kw_ ? ac_kw - ac_rating_kw_ : 0.0;
  out.ac_kw = ac_kw - out.clipping_loss_kw;
  return out;
}

PvwattsInverter::PvwattsInverter(double ac_rating_kw, double nominal_efficiency)
    : ac_rating_kw_(ac_rating_kw),
      nominal_efficiency_(nominal_efficiency),
      dc_rating_kw_(ac_rating_kw / nominal_efficiency) {
  check_rating(ac_rating_kw, nominal_efficiency);
}

double PvwattsInverter::efficiency(double dc_kw) const {
  const double load = dc_kw / dc_rating_kw_;
  return nominal_efficiency_ / kReferenceEfficiency *
         (kCoefficientA * load + kCoefficientB / load + kCoefficientC);
}

InverterOutput PvwattsInverter::convert(double dc_kw) const {
  InverterOutput out;
  if (!(dc_kw > 0.0)) return out;
  const double ac_kw = dc_kw * efficiency(dc_kw);
  out.efficiency_loss_kw = dc_kw - ac_kw;
  out.clipping_loss_kw = ac_kw > ac_rating_kw_ ? ac_kw - ac_rating_kw_ : 0.0;
  out.ac_kw = ac_kw - out.clipping_loss_kw;
  if (out.ac_kw < 0.0) out.ac_kw = 0.0;
  return out;
}

}  // namespace stargate::pv
