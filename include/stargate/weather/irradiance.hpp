// Irradiance on a tilted plane from direct-normal and diffuse-horizontal irradiance.
//
// Plane of array (POA) = beam + sky diffuse + ground-reflected diffuse:
//   beam   = DNI * max(cos(aoi), 0)
//   ground = albedo * (DNI * cos(zenith) + DHI) * (1 - cos(tilt)) / 2     (isotropic ground)
//   sky    = one of three models:
//     isotropic  (Liu & Jordan 1963):     DHI * (1 + cos(tilt)) / 2
//     Hay-Davies (Hay & Davies 1980):     DHI * [(1 - Ai) * (1 + cos(tilt)) / 2 + Ai * Rb],
//                                         Ai = DNI / Gon, Rb = max(cos(aoi), 0) /
//                                         max(cos(zenith), cos(85 deg))
//     Perez      (Perez et al. 1990):     DHI * [(1 - F1) * (1 + cos(tilt)) / 2
//                                                + F1 * a / b + F2 * sin(tilt)]
// with a = max(cos(aoi), 0), b = max(cos(zenith), cos(85 deg)), F1 = max(0, f11 + f12 * Delta +
// f13 * Z), F2 = f21 + f22 * Delta + f23 * Z, Z the zenith in radians, Delta = DHI * m / 1367 the
// sky brightness (m: Kasten 1966 air mass) and the coefficients taken from the bin of the sky
// clearness eps = ((DHI + DNI) / DHI + 1.041 Z^3) / (1 + 1.041 Z^3).
//
// The Perez model follows the conventions of NREL's PVWatts (Dobos 2014, PVWatts v5 manual, and
// PVWatts v8): a sun beyond 87.5 deg zenith gets isotropic sky diffuse and no ground-reflected
// part, a sky without diffuse gets beam only, and the "all sites composite" coefficients are
// used.
//
// Worked number (isotropic): DNI 800, DHI 100 W/m2, zenith 30 deg, aoi 10 deg, tilt 30 deg,
// albedo 0.2 -> beam 787.85, sky 93.30, ground 0.2 * 792.82 * 0.06699 = 10.62 W/m2.
//
// Sources: R. Perez, P. Ineichen, R. Seals, J. Michalsky, R. Stewart, "Modeling daylight
// availability and irradiance components from direct and global irradiance", Solar Energy 44(5),
// 1990, 271-289 (Table 6, all sites composite); J.E. Hay, J.A. Davies, "Calculation of the solar
// radiation incident on an inclined surface", Proc. First Canadian Solar Radiation Data Workshop,
// 1980; F. Kasten, "A new table and approximation formula for the relative optical air mass",
// Arch. Met. Geoph. Biokl. B14, 1966; F. Kasten, A.T. Young, "Revised optical air mass tables and
// approximation formula", Applied Optics 28(22), 1989; J.A. Duffie, W.A. Beckman, "Solar
// Engineering of Thermal Processes", 4th ed., Wiley 2013, eq. 1.4.1a; A.P. Dobos, "PVWatts Version
// 5 Manual", NREL/TP-6A20-62641, 2014.
#pragma once

#include <limits>

namespace stargate {

/// The solar constant used by the Perez brightness and the extraterrestrial irradiance, W/m2.
inline constexpr double kSolarConstantW_m2 = 1367.0;

/// Irradiance components on a plane, W/m2.
struct PoaIrradiance {
  double beam_w_m2 = 0.0;
  double sky_diffuse_w_m2 = 0.0;
  double ground_diffuse_w_m2 = 0.0;

  [[nodiscard]] double total_w_m2() const {
    return beam_w_m2 + sky_diffuse_w_m2 + ground_diffuse_w_m2;
  }
};

/// Sun and plane geometry of one instant, as the sky models need it.
struct SkyGeometry {
  double sun_zenith_deg = 0.0;    ///< refracted (apparent) zenith
  double cos_aoi = 1.0;           ///< cosine of the angle of incidence on the plane
  double surface_tilt_deg = 0.0;  ///< plane tilt from horizontal, 0..180
  /// cos(sun_zenith_deg) when the caller has it (saves a cosine); NaN: computed here.
  double cos_zenith = std::numeric_limits<double>::quiet_NaN();
};

/// Beam and diffuse irradiance on the horizontal, W/m2, and the ground reflectance.
struct HorizontalIrradiance {
  double dni_w_m2 = 0.0;  ///< direct normal
  double dhi_w_m2 = 0.0;  ///< diffuse horizontal
  double albedo = 0.2;    ///< ground reflectance 0..1
};

/// Extraterrestrial normal irradiance on day `day_of_year` (1..366), W/m2:
/// Gon = 1367 (1 + 0.033 cos(360 n / 365)) (Duffie & Beckman eq. 1.4.1a). Day 1: 1412.1 W/m2.
[[nodiscard]] double extraterrestrial_normal_w_m2(int day_of_year);

/// Relative optical air mass of Kasten (1966), m = 1 / (cos Z + 0.15 (93.885 - Z)^-1.253) with
/// Z the zenith in degrees (the form used by the Perez model); 0.9995 at the zenith, 5.580 at 80
/// deg.
/// Zenith must be below 93.9 deg.
[[nodiscard]] double kasten_air_mass(double zenith_deg);
/// The same with cos(zenith) supplied by the caller.
[[nodiscard]] double kasten_air_mass(double zenith_deg, double cos_zenith);

/// Relative optical air mass of Kasten & Young (1989), m = 1 / (cos Z + 0.50572 (96.07995 -
/// Z)^-1.6364), Z in degrees; 0.9997 at the zenith, 5.586 at 80 deg. Zenith must be below 96.07
/// deg.
[[nodiscard]] double kasten_young_air_mass(double zenith_deg);
/// The same with cos(zenith) supplied by the caller.
[[nodiscard]] double kasten_young_air_mass(double zenith_deg, double cos_zenith);

/// One row of the Perez et al. (1990) coefficient table (Table 6, all sites composite).
struct PerezCoefficients {
  double f11, f12, f13;  ///< circumsolar brightening: F1 = f11 + f12 Delta + f13 Z
  double f21, f22, f23;  ///< horizon brightening:    F2 = f21 + f22 Delta + f23 Z
};

/// Number of sky-clearness bins of the Perez model.
inline constexpr int kPerezBinCount = 8;

/// Sky clearness eps = ((DHI + DNI)/DHI + kappa Z^3) / (1 + kappa Z^3), kappa = 1.041 per rad^3
/// (5.535e-6 per deg^3); DHI must be positive.
[[nodiscard]] double perez_sky_clearness(double dni_w_m2, double dhi_w_m2, double zenith_deg);

/// The clearness bin 0..7 of eps: upper bounds 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2 (overcast
/// to clear); a value on a bound belongs to the lower bin.
[[nodiscard]] int perez_clearness_bin(double sky_clearness);

/// The coefficients of one clearness bin (0..7); throws std::invalid_argument for another bin.
[[nodiscard]] const PerezCoefficients& perez_coefficients(int bin);

/// POA components with the Perez sky (PVWatts conventions, see the file comment).
[[nodiscard]] PoaIrradiance perez_poa(const HorizontalIrradiance& horizontal,
                                      const SkyGeometry& geometry);

/// POA components with the Hay-Davies sky; `extraterrestrial_normal_w_m2` is Gon of the day.
[[nodiscard]] PoaIrradiance hay_davies_poa(const HorizontalIrradiance& horizontal,
                                           const SkyGeometry& geometry,
                                           double extraterrestrial_normal_w_m2);

/// POA components with the isotropic sky.
[[nodiscard]] PoaIrradiance isotropic_poa(const HorizontalIrradiance& horizontal,
                                          const SkyGeometry& geometry);

}  // namespace stargate
