// Module optics of the PVWatts v8 model: transmission of the plane-of-array irradiance through
// the module cover (angle of incidence) and the spectral (air mass) modifier.
//
// Cover (De Soto, Klein & Beckman 2006, after Duffie & Beckman ch. 5.3): a slab of index n2 lit
// from a medium of index n1 at angle t1 refracts to t2 = asin(n1 sin t1 / n2) and transmits
//   tau(t1) = [1 - (r_s + r_p) / 2] exp(-K L / cos t2),
//   r_s = sin^2(t2 - t1) / sin^2(t2 + t1),  r_p = tan^2(t2 - t1) / tan^2(t2 + t1)
// (Fresnel reflection of unpolarised light, Bouguer absorption). Glass: n 1.526, K 4 /m,
// L 2 mm; an anti-reflective coating (as PVWatts v8 assumes for every module type): n 1.3, K 4
// /m, L 0.02 mm over the glass. Beam goes through the coating then the glass at the angle of
// incidence; sky and ground diffuse go through the glass at the effective angles of Brandemuehl
// & Beckman (1980): t_sky = 59.7 - 0.1388 b + 0.001497 b^2, t_gnd = 90 - 0.5788 b + 0.002693 b^2
// (b the tilt, degrees). Each is divided by the transmittance at normal incidence (taken at 1
// deg) and capped at 1: K_beam, K_sky, K_gnd; angles are kept in 1..89 deg.
//   transmitted POA = K_beam beam + K_sky sky + K_gnd ground.
//
// Spectral modifier (De Soto et al. 2006, eq. 14; coefficients of King et al.): M = sum a_i
// AMa^i, i = 0..4, a = {0.918093, 0.086257, -0.024459, 0.002816, -0.000126}, AMa the
// Kasten & Young (1989) air mass times exp(-0.0001184 h) for a site at h metres (the pressure
// ratio of the standard atmosphere, as in the Sandia model); M >= 0.
//
// The normalising transmittance is PVWatts v8's: the coating at 1 deg followed by the glass lit
// from air, which is lower than the coated cover's own near-normal transmittance, so K_beam is
// capped at 1 up to about 57 deg.
//
// Worked numbers: coated K_beam(60 deg) = 0.9961, K_beam(70 deg) = 0.9196; uncoated K_beam(60
// deg) = 0.9460; K_sky(tilt 30) = 0.9768 (t_sky 56.88 deg), K_gnd(tilt 30) = 0.7862 (t_gnd 75.06
// deg); M(AM 1.5: zenith 48.26 deg at sea level) = 1.0013.
//
// Sources: W. De Soto, S.A. Klein, W.A. Beckman, "Improvement and validation of a model for
// photovoltaic array performance", Solar Energy 80(1), 2006, 78-88; J.A. Duffie, W.A. Beckman,
// "Solar Engineering of Thermal Processes", 4th ed., 2013, sec. 5.1-5.4; M.J. Brandemuehl,
// W.A. Beckman, "Transmission of diffuse radiation through CPC and flat plate collector
// glazings", Solar Energy 24(5), 1980; D.L. King, W.E. Boyson, J.A. Kratochvil, "Photovoltaic
// array performance model", SAND2004-3535; F. Kasten, A.T. Young, Applied Optics 28(22), 1989.
#pragma once

#include <array>

namespace stargate::pv {

/// Transmittance of a slab (Fresnel + Bouguer) for light arriving at t1 (given as sine and
/// cosine) from a medium of index `n_incoming`; writes the sine and cosine of the refracted angle.
[[nodiscard]] double slab_transmittance(double sin_incidence, double cos_incidence,
                                        double n_incoming, double n_cover, double extinction_per_m,
                                        double thickness_m, double& sin_refracted,
                                        double& cos_refracted);

/// Incidence-angle modifiers of a module cover relative to normal incidence.
class CoverOptics {
 public:
  explicit CoverOptics(bool anti_reflective_coating);

  /// Beam modifier K_beam at an angle of incidence (deg), 0..1.
  [[nodiscard]] double beam_modifier(double aoi_deg) const;
  /// K_beam from the cosine of the angle of incidence (faster: no trigonometric function).
  [[nodiscard]] double beam_modifier_from_cos(double cos_aoi) const;
  /// Sky-diffuse modifier K_sky for a surface tilt (deg), 0..1.
  [[nodiscard]] double sky_modifier(double surface_tilt_deg) const;
  /// Ground-diffuse modifier K_gnd for a surface tilt (deg), 0..1.
  [[nodiscard]] double ground_modifier(double surface_tilt_deg) const;
  struct DiffuseModifiers {
    double sky;
    double ground;
  };
  /// K_sky and K_gnd together (they depend on the tilt only), from a table at 0.25 deg steps with
  /// cubic (Catmull-Rom) interpolation (within 1e-7 of sky_modifier and ground_modifier); tilts
  /// below 4 deg, where the ground angle reaches its clamp, are evaluated directly.
  [[nodiscard]] DiffuseModifiers diffuse_modifiers(double surface_tilt_deg) const;
  /// Transmitted POA, W/m2 (>= 0).
  [[nodiscard]] double transmitted_w_m2(double aoi_deg, double surface_tilt_deg, double beam_w_m2,
                                        double sky_w_m2, double ground_w_m2) const;

 private:
  // Transmittance through the whole cover (coating if any, then glass) at an angle given by its
  // sine and cosine (already within 1..89 deg).
  [[nodiscard]] double cover_transmittance(double sin_angle, double cos_angle) const;
  // The normalising transmittance at (almost) normal incidence.
  [[nodiscard]] double normal_transmittance() const;
  // Transmittance through the bare glass from air at an angle.
  [[nodiscard]] double glass_transmittance(double angle_deg) const;

  static constexpr double kTableStepDeg = 0.25;
  static constexpr int kTableSize = 724;  // tilts -0.25..180.5 deg

  bool coated_;
  double tau_normal_;  // cover transmittance at (almost) normal incidence
  std::array<double, kTableSize> sky_table_{};
  std::array<double, kTableSize> ground_table_{};
};

/// Spectral (air mass) modifier M for a sun at `zenith_deg` and a site at `elevation_m`, >= 0.
[[nodiscard]] double spectral_modifier(double zenith_deg, double elevation_m);

/// The same with the site's pressure ratio exp(-0.0001184 h) computed once by the caller.
[[nodiscard]] double spectral_modifier_at_pressure_ratio(double zenith_deg, double pressure_ratio);
/// The same with cos(zenith_deg) supplied by the caller.
[[nodiscard]] double spectral_modifier_at_pressure_ratio(double zenith_deg, double cos_zenith,
                                                         double pressure_ratio);

/// exp(-0.0001184 h): the standard-atmosphere pressure ratio at `elevation_m`.
[[nodiscard]] double pressure_ratio_at(double elevation_m);

}  // namespace stargate::pv
