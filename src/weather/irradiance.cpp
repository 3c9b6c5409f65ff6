// Sky-diffuse models and ground reflection on a tilted plane: equations, conventions and sources
// are in include/stargate/weather/irradiance.hpp.
//
// Worked number (Perez): DNI 800, DHI 100 W/m2, zenith 30 deg, aoi 10 deg, tilt 30 deg: air mass
// 1.1536, Delta = 100 * 1.1536 / 1367 = 0.08439, eps = (9 + 0.14945) / 1.14945 = 7.960 -> bin 7
// (clear), F1 = 0.6777 - 0.3273 * 0.08439 - 0.2504 * 0.5236 = 0.5190, F2 = 0.1561 - 1.3765 *
// 0.08439 + 0.2506 * 0.5236 = 0.1712; sky = 100 * (0.4810 * 0.9330 + 0.5190 * 0.98481 / 0.86603
// + 0.1712 * 0.5) = 112.46 W/m2.
#include "stargate/weather/irradiance.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// Perez et al. (1990), Table 6, "all sites composite" coefficients, given to the 7 digits of the
// model's reference code (the table prints 3 decimals); bins from overcast (0) to clear (7).
constexpr std::array<PerezCoefficients, kPerezBinCount> kPerezTable = {{
    {-0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216},
    {0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748},
    {0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542},
    {0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754},
    {0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448},
    {1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651},
    {1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694},
    {0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212},
}};

// Upper bounds of the clearness bins 0..6 (bin 7 is open above 6.2).
constexpr std::array<double, kPerezBinCount - 1> kPerezBinUpper = {1.065, 1.23, 1.5, 1.95,
                                                                   2.8,   4.5,  6.2};

// kappa = 1.041 rad^-3 expressed per deg^3: 1.041 * (pi/180)^3.
constexpr double kPerezKappaPerDeg3 = 5.535e-6;
// Below 87.5 deg zenith the Perez functions are used; above it the sky is taken isotropic.
constexpr double kPerezMaxZenithDeg = 87.5;
// cos(85 deg): floor of the circumsolar denominator.
constexpr double kCos85 = 0.0871557427476582;

double cos_zenith_of(const SkyGeometry& g) {
  return std::isnan(g.cos_zenith) ? std::cos(g.sun_zenith_deg * kDegToRad) : g.cos_zenith;
}

// Ground-reflected diffuse with an isotropic ground.
double ground_reflected(const HorizontalIrradiance& h, double cos_zenith, double cos_tilt) {
  return h.albedo * (h.dni_w_m2 * cos_zenith + h.dhi_w_m2) * (1.0 - cos_tilt) * 0.5;
}

}  // namespace

double extraterrestrial_normal_w_m2(int day_of_year) {
  return kSolarConstantW_m2 * (1.0 + 0.033 * std::cos(2.0 * std::numbers::pi *
                                                      static_cast<double>(day_of_year) / 365.0));
}

double kasten_air_mass(double zenith_deg) {
  return kasten_air_mass(zenith_deg, std::cos(zenith_deg * kDegToRad));
}

double kasten_air_mass(double zenith_deg, double cos_zenith) {
  return 1.0 / (cos_zenith + 0.15 * std::pow(93.885 - zenith_deg, -1.253));
}

double kasten_young_air_mass(double zenith_deg) {
  return kasten_young_air_mass(zenith_deg, std::cos(zenith_deg * kDegToRad));
}

double kasten_young_air_mass(double zenith_deg, double cos_zenith) {
  return 1.0 / (cos_zenith + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
}

double perez_sky_clearness(double dni_w_m2, double dhi_w_m2, double zenith_deg) {
  const double kappa_z3 = kPerezKappaPerDeg3 * zenith_deg * zenith_deg * zenith_deg;
  return ((dhi_w_m2 + dni_w_m2) / dhi_w_m2 + kappa_z3) / (1.0 + kappa_z3);
}

int perez_clearness_bin(double sky_clearness) {
  int bin = 0;
  while (bin < kPerezBinCount - 1 &&
         sky_clearness > kPerezBinUpper[static_cast<std::size_t>(bin)]) {
    ++bin;
  }
  return bin;
}

const PerezCoefficients& perez_coefficients(int bin) {
  if (bin < 0 || bin >= kPerezBinCount) {
    throw std::invalid_argument("Perez clearness bin must be 0..7, got " + std::to_string(bin));
  }
  return kPerezTable[static_cast<std::size_t>(bin)];
}

PoaIrradiance perez_poa(const HorizontalIrradiance& horizontal, const SkyGeometry& geometry) {
  HorizontalIrradiance h = horizontal;
  h.dni_w_m2 = std::max(h.dni_w_m2, 0.0);  // negative readings of a cloudy sky
  const double zenith_deg = geometry.sun_zenith_deg;
  const double tilt_rad = geometry.surface_tilt_deg * kDegToRad;
  const double cos_tilt = std::cos(tilt_rad);
  const double cos_aoi_front = std::max(geometry.cos_aoi, 0.0);
  PoaIrradiance poa;

  if (zenith_deg < 0.0 || zenith_deg > kPerezMaxZenithDeg) {
    // Sun at the horizon (or below): isotropic sky, no ground term; beam while the sun is up.
    const double dhi = std::max(h.dhi_w_m2, 0.0);
    poa.sky_diffuse_w_m2 = dhi * (1.0 + cos_tilt) * 0.5;
    if (geometry.cos_aoi > 0.0 && zenith_deg < 90.0) poa.beam_w_m2 = h.dni_w_m2 * geometry.cos_aoi;
    return poa;
  }
  if (h.dhi_w_m2 <= 0.0) {  // no diffuse: beam only
    poa.beam_w_m2 = h.dni_w_m2 * cos_aoi_front;
    return poa;
  }

  const double zenith_rad = zenith_deg * kDegToRad;
  const double cos_zenith = cos_zenith_of(geometry);
  const double brightness =
      h.dhi_w_m2 * kasten_air_mass(zenith_deg, cos_zenith) / kSolarConstantW_m2;
  const PerezCoefficients& c = kPerezTable[static_cast<std::size_t>(
      perez_clearness_bin(perez_sky_clearness(h.dni_w_m2, h.dhi_w_m2, zenith_deg)))];
  const double f1 = std::max(0.0, c.f11 + c.f12 * brightness + c.f13 * zenith_rad);
  const double f2 = c.f21 + c.f22 * brightness + c.f23 * zenith_rad;

  const double isotropic = h.dhi_w_m2 * (1.0 - f1) * (1.0 + cos_tilt) * 0.5;
  const double circumsolar = h.dhi_w_m2 * f1 * cos_aoi_front / std::max(cos_zenith, kCos85);
  const double horizon = h.dhi_w_m2 * f2 * std::sin(tilt_rad);
  poa.beam_w_m2 = h.dni_w_m2 * cos_aoi_front;
  poa.sky_diffuse_w_m2 = isotropic + circumsolar + horizon;
  poa.ground_diffuse_w_m2 = ground_reflected(h, cos_zenith, cos_tilt);
  return poa;
}

PoaIrradiance hay_davies_poa(const HorizontalIrradiance& horizontal, const SkyGeometry& geometry,
                             double extraterrestrial_normal_w_m2) {
  const double dni = std::max(horizontal.dni_w_m2, 0.0);
  const double dhi = std::max(horizontal.dhi_w_m2, 0.0);
  const double cos_zenith = cos_zenith_of(geometry);
  const double cos_tilt = std::cos(geometry.surface_tilt_deg * kDegToRad);
  const double cos_aoi_front = std::max(geometry.cos_aoi, 0.0);
  PoaIrradiance poa;
  if (cos_zenith <= 0.0) {  // sun down: isotropic diffuse only
    poa.sky_diffuse_w_m2 = dhi * (1.0 + cos_tilt) * 0.5;
    return poa;
  }
  // Anisotropy index Ai = DNI / Gon; Rb with the zenith cosine floored at cos(85 deg) as Perez.
  const double anisotropy = std::clamp(dni / extraterrestrial_normal_w_m2, 0.0, 1.0);
  const double rb = cos_aoi_front / std::max(cos_zenith, kCos85);
  poa.beam_w_m2 = dni * cos_aoi_front;
  poa.sky_diffuse_w_m2 = dhi * ((1.0 - anisotropy) * (1.0 + cos_tilt) * 0.5 + anisotropy * rb);
  poa.ground_diffuse_w_m2 =
      ground_reflected(HorizontalIrradiance{dni, dhi, horizontal.albedo}, cos_zenith, cos_tilt);
  return poa;
}

PoaIrradiance isotropic_poa(const HorizontalIrradiance& horizontal, const SkyGeometry& geometry) {
  const double dni = std::max(horizontal.dni_w_m2, 0.0);
  const double dhi = std::max(horizontal.dhi_w_m2, 0.0);
  const double cos_zenith = cos_zenith_of(geometry);
  const double cos_tilt = std::cos(geometry.surface_tilt_deg * kDegToRad);
  PoaIrradiance poa;
  poa.beam_w_m2 = cos_zenith > 0.0 ? dni * std::max(geometry.cos_aoi, 0.0) : 0.0;
  poa.sky_diffuse_w_m2 = dhi * (1.0 + cos_tilt) * 0.5;
  poa.ground_diffuse_w_m2 = ground_reflected(HorizontalIrradiance{dni, dhi, horizontal.albedo},
                                             std::max(cos_zenith, 0.0), cos_tilt);
  return poa;
}

}  // namespace stargate
