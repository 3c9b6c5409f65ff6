// Row-to-row self-shading of large regular PV arrays: the shaded fraction of the beam on fixed
// racks and single-axis trackers, and the reduction of sky and ground-reflected diffuse by the
// neighbouring rows. Two-dimensional geometry across the rows (rows long compared with their
// height), slant height of a row taken as 1 and row pitch 1/gcr.
//
// Fixed rack (Appelbaum & Bany 1979, eqs. 11-12, A12-A13, as used by Deline et al. 2013): a row
// of tilt b shades the next one when the sun, at elevation a and azimuth g off the row normal
// (|g| < 90 deg), sees it over the front row: with py = cos b + cos g sin b / tan a the shaded
// height fraction is Hs = clamp(1 - 1 / (gcr py), 0, 1). Near the end of a finite row the
// shadow is offset along the row by px / py (px = sin b sin g / tan a, in pitches); with strings
// along the row this end effect g_row = (px / py) / gcr / (row length / height), clamped 0..1
// (afternoon only, as PVWatts does), scales the fraction to Hs (1 - g_row).
//
// Single-axis tracker (Lorenzo et al. 2011; Anderson & Mikofski 2020): rows of width w at
// rotation R with the sun at the true-tracking angle R_t shade fs = 1 - cos R_t / (gcr cos(R -
// R_t)) of the next row (clamped 0..1): the row's shadow across the rays, w cos(R - R_t), minus
// the gap between rows across the rays, (w / gcr) cos R_t.
//
// Sky diffuse (Deline et al. 2013; isotropic sky): a point at distance u (0..1) below the top
// edge of a row sees the sky above the front row's top edge at elevation psi(u), tan psi =
// u sin b / (1/gcr - u cos b); its view factor to the sky is (1 + cos(b + psi)) / 2 instead of
// (1 + cos b) / 2. Averaged over the row height this integrates in closed form to
//   F_sky = (1 + R - sqrt(1 + R^2 - 2 R cos b)) / (1 + cos b),  R = 1/gcr.
//
// Ground-reflected diffuse (Deline et al. 2013): with Fo = (1 - cos b) / 2 the view factor of
// a row to an open field, F(Y) = (1 + Y - sqrt(1 + Y^2 + 2 Y cos b)) / 2 the view factor (crossed
// strings) from a row to the strip of ground of length Y in front of it, Y1 = R - sin(180 - a -
// b) / sin a the sunlit part of that strip (sun elevation a), and N rows of which only the first
// sees an open field:
//   F_gnd = [Gbh (1 + (N-1) F(Y1) / Fo) + Gdh (1 + (N-1) F(R) / Fo)] / (N (Gbh + Gdh)),
// Gbh and Gdh the beam and diffuse irradiance on the horizontal.
//
// Worked numbers (gcr 0.35, tilt 30 deg): F_sky = (1 + 2.857 - 2.0528) / 1.8660 = 0.9669;
// diffuse-only ground derate of a large array F(R) / Fo = 0.0503 / 0.0670 = 0.7505; a sun
// due south at elevation 20 deg: py = 0.8660 + 0.5 / 0.3640 = 2.2397, Hs = 1 - 1 / 0.7839 =
// -0.276 -> 0 (no beam shading); at elevation 10 deg: py = 3.7017, Hs = 0.2281.
//
// Sources: J. Appelbaum, J. Bany, "Shadow effect of adjacent solar collectors in large scale
// systems", Solar Energy 23(6), 1979; C. Deline, A. Dobos, S. Janzou, J. Meydbray, M. Donovan,
// "A simplified model of uniform shading in large photovoltaic arrays", Solar Energy 96, 2013;
// E. Lorenzo, L. Narvarte, J. Munoz, "Tracking and back-tracking", Prog. Photovolt. 19(6), 2011;
// K.S. Anderson, M. Mikofski, NREL/TP-5K00-76626, 2020; H.C. Hottel's crossed-string rule
// (Modest, "Radiative Heat Transfer", 3rd ed., 2013, sec. 4.5).
#pragma once

#include <limits>

namespace stargate {

/// Shaded fraction (0..1) of a fixed-tilt row's area by the row in front, beam only.
/// `row_length_to_height` is the row length over its slant height (infinity: no end effect).
[[nodiscard]] double fixed_rack_shaded_fraction(
    double surface_tilt_deg, double surface_azimuth_deg, double sun_zenith_deg,
    double sun_azimuth_deg, double gcr,
    double row_length_to_height = std::numeric_limits<double>::infinity());

/// Shaded fraction (0..1) of a single-axis tracker row at `rotation_deg` when the sun is at the
/// true-tracking rotation `ideal_rotation_deg`.
[[nodiscard]] double single_axis_shaded_fraction(double ideal_rotation_deg, double rotation_deg,
                                                 double gcr);

/// Fraction (0..1] of the isotropic sky diffuse that reaches a row of the given tilt.
[[nodiscard]] double sky_diffuse_derate(double surface_tilt_deg, double gcr);

/// Fraction (0..1] of the isotropic ground-reflected diffuse that reaches a row of the given
/// tilt in an array of `rows` rows, for a sun at `sun_zenith_deg` and the horizontal beam and
/// diffuse irradiance (W/m2). 1 when there is nothing to reflect or the row is horizontal.
[[nodiscard]] double ground_diffuse_derate(double surface_tilt_deg, double sun_zenith_deg,
                                           double gcr, double rows, double beam_horizontal_w_m2,
                                           double diffuse_horizontal_w_m2);

}  // namespace stargate
