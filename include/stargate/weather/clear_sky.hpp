// Clear-sky irradiance: the Ineichen and Perez (2002) model with the Linke turbidity.
//
// Source: P. Ineichen and R. Perez, "A new airmass independent formulation for the Linke
// turbidity coefficient", Solar Energy 73(3), 151-157 (2002), with the air mass of F. Kasten and
// A. T. Young, "Revised optical air mass tables and approximation formula", Applied Optics 28(22),
// 4735-4738 (1989) (kasten_young_air_mass of irradiance.hpp). The equations are in the comment
// block of src/weather/clear_sky.cpp. Angles in degrees, irradiance in W/m2, altitude in m.
#pragma once

namespace stargate {

/// Clear-sky irradiance components at one instant.
struct ClearSkyIrradiance {
  double ghi_w_m2 = 0.0;  ///< global horizontal
  double dni_w_m2 = 0.0;  ///< direct normal
  double dhi_w_m2 = 0.0;  ///< diffuse horizontal, ghi - dni cos(zenith)
};

/// Ineichen-Perez clear sky at one instant: zero when the sun is at or below the horizon.
/// `dni_extra_w_m2` is the extraterrestrial normal irradiance I0 of the instant.
/// `linke_turbidity` is the air-mass-independent Linke turbidity TL (about 2 for a very clean dry
/// sky, 3 to 4 for typical rural sites, 5 to 7 for hazy or polluted skies).
[[nodiscard]] ClearSkyIrradiance ineichen_perez_clear_sky(double apparent_zenith_deg,
                                                          double dni_extra_w_m2,
                                                          double linke_turbidity,
                                                          double altitude_m);

}  // namespace stargate
