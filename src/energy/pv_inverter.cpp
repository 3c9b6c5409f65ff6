// PVWatts inverter part-load curve and clipping: equations, worked number and source are in
// src/energy/pv_inverter.hpp.
#include "pv_inverter.hpp"

#include <stdexcept>
#include <string>

namespace stargate::pv {
namespace {

constexpr double kReferenceEfficiency = 0.9637;
constexpr double kCoefficientA = -0.0162;
constexpr double kCoefficientB = -0.0059;
constexpr double kCoefficientC = 0.9858;

}  // namespace

PvwattsInverter::PvwattsInverter(double ac_rating_kw, double nominal_efficiency)
    : ac_rating_kw_(ac_rating_kw),
      nominal_efficiency_(nominal_efficiency),
      dc_rating_kw_(ac_rating_kw / nominal_efficiency) {
  if (!(ac_rating_kw > 0.0)) {
    throw std::invalid_argument("inverter AC rating must be positive, got " +
                                std::to_string(ac_rating_kw) + " kW");
  }
  if (!(nominal_efficiency > 0.0 && nominal_efficiency <= 1.0)) {
    throw std::invalid_argument("inverter efficiency must be in (0, 1], got " +
                                std::to_string(nominal_efficiency));
  }
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
