// Ineichen-Perez clear-sky model.
//
// Sources: P. Ineichen and R. Perez, Solar Energy 73(3), 151-157 (2002); air mass: F. Kasten and
// A. T. Young, Applied Optics 28(22), 4735-4738 (1989).
//
//   AM   = 1 / (cos z + 0.50572 (96.07995 - z)^-1.6364)      relative air mass, z apparent, deg
//   fh1  = exp(-h / 8000),  fh2 = exp(-h / 1250)              h: site altitude, m
//   cg1  = 5.09e-5 h + 0.868,  cg2 = 3.92e-5 h + 0.0387
//   GHI  = cg1 I0 cos z exp(-cg2 AM (fh1 + fh2 (TL - 1))) exp(0.01 AM^1.8)
//   b    = 0.664 + 0.163 / fh1
//   DNI  = min(b I0 exp(-0.09 AM (TL - 1)),
//              GHI (1 - (0.1 - 0.2 exp(-TL)) / (0.1 + 0.882 / fh1)) / cos z)
//   DHI  = GHI - DNI cos z
//
// I0 is the extraterrestrial normal irradiance and TL the Linke turbidity. The altitude enters
// through fh1, fh2, cg1 and cg2, so AM is the relative (not pressure-corrected) air mass.
//
// Low sun: the factor exp(0.01 AM^1.8) makes the GHI exponent f(AM) = -c AM + 0.01 AM^1.8 (with
// c = cg2 (fh1 + fh2 (TL - 1))) turn upwards beyond its minimum, where f'(AM) = -c + 0.018 AM^0.8
// = 0, i.e. AM* = (c / 0.018)^1.25 (about 10, a solar elevation near 5 deg, for TL = 3 at sea
// level). The model was fitted to data above that elevation, and past AM* it would make the
// clear-sky index of the low sun rise again; AM is therefore held at AM* in the GHI formula.
// This only affects solar elevations of a few degrees, where GHI is a few tens of W/m2.
#include "stargate/weather/clear_sky.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stargate/core/units.hpp"
#include "stargate/weather/irradiance.hpp"

namespace stargate {
namespace {}  // namespace

ClearSkyIrradiance ineichen_perez_clear_sky(double apparent_zenith_deg, double dni_extra_w_m2,
                                            double linke_turbidity, double altitude_m) {
  ClearSkyIrradiance out;
  if (!(apparent_zenith_deg < 90.0)) {
    return out;
  }
  const double cos_z = std::cos(apparent_zenith_deg * kDegToRad);
  const double air_mass = kasten_young_air_mass(apparent_zenith_deg);
  const double fh1 = std::exp(-altitude_m / 8000.0);
  const double fh2 = std::exp(-altitude_m / 1250.0);
  const double cg1 = 5.09e-5 * altitude_m + 0.868;
  const double cg2 = 3.92e-5 * altitude_m + 0.0387;
  const double c = cg2 * (fh1 + fh2 * (linke_turbidity - 1.0));
  const double am_ghi = std::min(air_mass, std::pow(c / 0.018, 1.25));
  out.ghi_w_m2 =
      cg1 * dni_extra_w_m2 * cos_z * std::exp(-c * am_ghi + 0.01 * std::pow(am_ghi, 1.8));

  const double b = 0.664 + 0.163 / fh1;
  const double dni_beam = b * dni_extra_w_m2 * std::exp(-0.09 * air_mass * (linke_turbidity - 1.0));
  const double dni_limit =
      out.ghi_w_m2 * (1.0 - (0.1 - 0.2 * std::exp(-linke_turbidity)) / (0.1 + 0.882 / fh1)) / cos_z;
  out.dni_w_m2 = std::max(0.0, std::min(dni_beam, dni_limit));
  out.dhi_w_m2 = std::max(0.0, out.ghi_w_m2 - out.dni_w_m2 * cos_z);
  return out;
}

}  // namespace stargate
