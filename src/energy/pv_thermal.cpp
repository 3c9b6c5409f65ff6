// Fuentes (1987) transient cell-temperature model: equations, assumptions and sources are in
// src/energy/pv_thermal.hpp.
//
// Exact step solution: with h = h_c + h_s + h_g held over the step, S0 and S1 the absorbed
// irradiance at its start and end (linear in between), lambda = -h dt / C and e = exp(lambda):
//   Tm1 = Tm0 e + [(1 - e)(h_c Ta + h_s Tsky + h_g Tg + S0 + (S1 - S0) / lambda) + S1 - S0] / h.
#include "pv_thermal.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate::pv {
namespace {

constexpr double kStefanBoltzmann = 5.669e-8;  // W/m2K4, the value of Fuentes' report
constexpr double kAbsorptance = 0.83;
constexpr double kEmissivity = 0.84;
constexpr double kLengthM = 0.5;               // characteristic length of the module
constexpr double kBaseCapacityJM2K = 11000.0;  // heat capacity per area of a glass module
constexpr double kPrandtl = 0.71;
constexpr double kAirCpJKgK = 1007.0;
constexpr double kGravityM_s2 = 9.8;
constexpr double kAtmospherePa = 101325.0;
constexpr double kWindMeasurementHeightM = 9.144;  // 30 ft
constexpr double kMinWindM_s = 0.0001;
constexpr int kMaxIterations = 10;
constexpr double kConvergenceK = 1e-7;

// NOCT test conditions.
constexpr double kNoctIrradianceW_m2 = 800.0;
constexpr double kNoctAirK = 293.15;
constexpr double kNoctSkyK = 282.21;
constexpr double kNoctWindM_s = 1.0;
constexpr double kCapacityNoctK = 321.15;  // above this NOCT the module is heavier (roof mounts)

struct AirProperties {
  double density_kg_m3;
  double kinematic_viscosity_m2_s;
  double conductivity_w_mk;
};

AirProperties air_at(double film_k) {
  const double log_t = std::log(film_k);
  AirProperties air{};
  air.density_kg_m3 = 0.003484 * kAtmospherePa / film_k;
  air.kinematic_viscosity_m2_s = 0.24237e-6 * std::exp(0.76 * log_t) / air.density_kg_m3;
  air.conductivity_w_mk = 2.1695e-4 * std::exp(0.84 * log_t);
  return air;
}

double forced_convection(const AirProperties& air, double wind_m_s) {
  const double reynolds = wind_m_s * kLengthM / air.kinematic_viscosity_m2_s;
  if (reynolds > 1.2e5) {  // turbulent
    return 0.0282 / std::pow(reynolds, 0.2) * air.density_kg_m3 * wind_m_s * kAirCpJKgK /
           std::pow(kPrandtl, 0.4);
  }
  return 0.8600 / std::sqrt(reynolds) * air.density_kg_m3 * wind_m_s * kAirCpJKgK /
         std::pow(kPrandtl, 0.67);
}

double free_convection(const AirProperties& air, double film_k, double delta_k) {
  const double grashof = kGravityM_s2 / film_k * std::abs(delta_k) * kLengthM * kLengthM *
                         kLengthM / (air.kinematic_viscosity_m2_s * air.kinematic_viscosity_m2_s) *
                         0.5;
  return 0.21 * std::pow(grashof * kPrandtl, 0.32) * air.conductivity_w_mk / kLengthM;
}

// Linearised radiative exchange coefficient between surfaces at t1 and t2 (K).
double radiative(double t1, double t2) {
  return kEmissivity * kStefanBoltzmann * (t1 * t1 + t2 * t2) * (t1 + t2);
}

// NOCT model constants.
constexpr double kNoctModelIrradianceW_m2 = 800.0;
constexpr double kNoctModelAirC = 20.0;
constexpr double kTauAlpha = 0.9;
constexpr double kWindHeightFactor = 0.51;  // SAM: mounting below 22 ft
constexpr double kMinNoctWindM_s = 0.001;

}  // namespace

double noct_cell_temperature_c(double absorbed_w_m2, double wind_speed_m_s,
                               double air_temperature_c, double noct_c, double stc_efficiency) {
  if (!(absorbed_w_m2 > 0.0)) return air_temperature_c;
  const double wind_m_s = std::max(wind_speed_m_s * kWindHeightFactor, kMinNoctWindM_s);
  return air_temperature_c + absorbed_w_m2 / kNoctModelIrradianceW_m2 * (noct_c - kNoctModelAirC) *
                                 (1.0 - stc_efficiency / kTauAlpha) * 9.5 / (5.7 + 3.8 * wind_m_s);
}

FuentesThermalModel::FuentesThermalModel(double noct_c, double module_height_m, double step_h)
    : noct_k_(noct_c + kZeroCelsiusK),
      height_m_(module_height_m),
      step_s_(step_h * kSecondsPerHour),
      capacity_j_m2k_(kBaseCapacityJM2K),
      ground_ratio_(0.0),
      convection_ratio_(1.0) {
  if (!(noct_c > 25.0 && noct_c <= 100.0)) {
    throw std::invalid_argument("NOCT must be in (25, 100] C, got " + std::to_string(noct_c));
  }
  if (!(module_height_m > 0.0) || !(step_h > 0.0)) {
    throw std::invalid_argument("module height and time step must be positive");
  }
  // Convection at NOCT conditions (film temperature between the module and the air).
  const double film_k = (noct_k_ + kNoctAirK) / 2.0;
  const AirProperties air = air_at(film_k);
  const double h_forced = forced_convection(air, kNoctWindM_s);
  const double h_free = free_convection(air, film_k, noct_k_ - kNoctAirK);
  const double h_conv = std::cbrt(h_free * h_free * h_free + h_forced * h_forced * h_forced);
  const double rise_k = noct_k_ - kNoctAirK;
  const double noct4 = std::pow(noct_k_, 4.0);
  // Ground temperature ratio from the back-side balance, then the convection ratio.
  const double h_ground = radiative(noct_k_, kNoctAirK);
  const double back_ratio =
      (kAbsorptance * kNoctIrradianceW_m2 -
       kEmissivity * kStefanBoltzmann * (noct4 - std::pow(kNoctSkyK, 4.0)) - h_conv * rise_k) /
      ((h_ground + h_conv) * rise_k);
  double ground_k = std::pow(noct4 - back_ratio * (noct4 - std::pow(kNoctAirK, 4.0)), 0.25);
  if (ground_k > noct_k_) ground_k = noct_k_;
  if (ground_k < kNoctAirK) ground_k = kNoctAirK;
  ground_ratio_ = (ground_k - kNoctAirK) / rise_k;
  convection_ratio_ = (kAbsorptance * kNoctIrradianceW_m2 -
                       kEmissivity * kStefanBoltzmann *
                           (2.0 * noct4 - std::pow(kNoctSkyK, 4.0) - std::pow(ground_k, 4.0))) /
                      (h_conv * rise_k);
  if (noct_k_ > kCapacityNoctK) {
    capacity_j_m2k_ *= 1.0 + (noct_k_ - kCapacityNoctK) / 12.0;
  }
}

double FuentesThermalModel::step(double poa_w_m2, double wind_speed_m_s, double air_temperature_c) {
  const double air_k = air_temperature_c + kZeroCelsiusK;
  if (!(poa_w_m2 > 0.0)) {  // no sun: the module follows the air
    module_k_ = air_k;
    absorbed_w_m2_ = 0.0;
    return air_temperature_c;
  }
  const double absorbed = poa_w_m2 * kAbsorptance;
  const double sky_k = 0.68 * (0.0552 * air_k * std::sqrt(air_k)) + 0.32 * air_k;
  const double wind_m_s =
      wind_speed_m_s * std::pow(height_m_ / kWindMeasurementHeightM, 0.2) + kMinWindM_s;
  double module_k = module_k_;
  for (int pass = 0; pass < kMaxIterations; ++pass) {
    const double film_k = (module_k + air_k) / 2.0;
    const AirProperties air = air_at(film_k);
    const double h_forced = forced_convection(air, wind_m_s);
    const double h_free = free_convection(air, film_k, module_k - air_k);
    const double h_conv =
        convection_ratio_ * std::cbrt(h_free * h_free * h_free + h_forced * h_forced * h_forced);
    const double h_sky = radiative(module_k, sky_k);
    const double ground_k = air_k + ground_ratio_ * (module_k - air_k);
    const double h_ground = radiative(module_k, ground_k);
    const double h_total = h_conv + h_sky + h_ground;
    const double eigen = -h_total / capacity_j_m2k_ * step_s_;
    const double decay = eigen > -10.0 ? std::exp(eigen) : 0.0;
    const double next_k = module_k_ * decay +
                          ((1.0 - decay) * (h_conv * air_k + h_sky * sky_k + h_ground * ground_k +
                                            absorbed_w_m2_ + (absorbed - absorbed_w_m2_) / eigen) +
                           absorbed - absorbed_w_m2_) /
                              h_total;
    const bool converged = std::abs(next_k - module_k) < kConvergenceK;
    module_k = next_k;
    if (converged) break;
  }
  module_k_ = module_k;
  absorbed_w_m2_ = absorbed;
  return module_k - kZeroCelsiusK;
}

double FuentesThermalModel::steady_state_c(double poa_w_m2, double wind_speed_m_s,
                                           double air_temperature_c) const {
  FuentesThermalModel copy = *this;
  double cell_c = air_temperature_c;
  for (int i = 0; i < 100; ++i) cell_c = copy.step(poa_w_m2, wind_speed_m_s, air_temperature_c);
  return cell_c;
}

}  // namespace stargate::pv
