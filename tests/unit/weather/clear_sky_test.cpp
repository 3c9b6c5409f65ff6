// Tests of src/weather/clear_sky.cpp: the Ineichen-Perez (2002) clear-sky model, checked against
// values worked by hand from the published equations.
#include "stargate/weather/clear_sky.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace stargate {
namespace {

// Sun at the zenith, sea level, TL = 3, I0 = 1367 W/m2.
//   Kasten-Young: (96.07995 - 0)^-1.6364 = 5.69665e-4; AM = 1 / (1 + 0.50572 * 5.69665e-4)
//                 = 1 / 1.000288091 = 0.999712
//   h = 0: fh1 = fh2 = 1, cg1 = 0.868, cg2 = 0.0387; c = 0.0387 (1 + 1 * 2) = 0.1161
//   exponent = -0.1161 * 0.999712 + 0.01 * 0.999712^1.8 = -0.116067 + 0.009995 = -0.106072
//   GHI = 0.868 * 1367 * exp(-0.106072) = 1186.556 * 0.899360 = 1067.14 W/m2
//   DNI = min(b I0 exp(-0.09 AM (TL - 1)), GHI (1 - (0.1 - 0.2 e^-3) / (0.1 + 0.882)) / cos z)
//       with b = 0.664 + 0.163 = 0.827: min(1130.51 * exp(-0.179948) = 944.33, 969.29)
//       = 944.33 W/m2; DHI = 1067.14 - 944.33 = 122.81 W/m2.
TEST(ClearSky, IneichenPerezAtZenithAtSeaLevel) {
  const ClearSkyIrradiance cs = ineichen_perez_clear_sky(0.0, 1367.0, 3.0, 0.0);
  EXPECT_NEAR(cs.ghi_w_m2, 1067.14, 0.01);
  EXPECT_NEAR(cs.dni_w_m2, 944.33, 0.01);
  EXPECT_NEAR(cs.dhi_w_m2, 122.81, 0.01);
}

// Zenith 60 deg (cos z = 0.5), altitude 500 m, TL = 4, I0 = 1361 W/m2.
//   (96.07995 - 60)^-1.6364 = 2.829372e-3; AM = 1 / (0.5 + 0.50572 * 2.829372e-3) = 1.994293
//   fh1 = exp(-500/8000) = 0.939413, fh2 = exp(-500/1250) = 0.670320
//   cg1 = 0.868 + 0.02545 = 0.89345, cg2 = 0.0387 + 0.0196 = 0.0583
//   c = 0.0583 (0.939413 + 0.670320 * 3) = 0.172007
//   exponent = -0.172007 * 1.994293 + 0.01 * 1.994293^1.8 = -0.343032 + 0.034644 = -0.308388
//   GHI = 0.89345 * 1361 * 0.5 * exp(-0.308388) = 607.99 * 0.734656 = 446.65 W/m2
//   b = 0.664 + 0.163 / 0.939413 = 0.837513; beam = 0.837513 * 1361 * exp(-0.09 * 1.994293 * 3)
//   = 1139.85 * 0.583648 = 665.27; limit = 446.65 (1 - (0.1 - 0.2 e^-4) / (0.1 + 0.882 /
//   0.939413)) / 0.5 = 810.46; DNI = 665.27, DHI = 446.65 - 332.64 = 114.01 W/m2.
TEST(ClearSky, IneichenPerezAtSixtyDegreesAndAltitude) {
  const ClearSkyIrradiance cs = ineichen_perez_clear_sky(60.0, 1361.0, 4.0, 500.0);
  EXPECT_NEAR(cs.ghi_w_m2, 446.65, 0.01);
  EXPECT_NEAR(cs.dni_w_m2, 665.27, 0.01);
  EXPECT_NEAR(cs.dhi_w_m2, 114.01, 0.01);
}

TEST(ClearSky, ZeroWithTheSunDown) {
  for (double zenith : {90.0, 95.0, 150.0}) {
    const ClearSkyIrradiance cs = ineichen_perez_clear_sky(zenith, 1361.0, 3.0, 0.0);
    EXPECT_EQ(cs.ghi_w_m2, 0.0);
    EXPECT_EQ(cs.dni_w_m2, 0.0);
    EXPECT_EQ(cs.dhi_w_m2, 0.0);
  }
}

TEST(ClearSky, HazierSkyIsDarkerAndHigherSiteBrighter) {
  for (double zenith = 0.0; zenith < 89.5; zenith += 5.0) {
    const double clean = ineichen_perez_clear_sky(zenith, 1361.0, 2.0, 0.0).ghi_w_m2;
    const double hazy = ineichen_perez_clear_sky(zenith, 1361.0, 5.0, 0.0).ghi_w_m2;
    const double high = ineichen_perez_clear_sky(zenith, 1361.0, 5.0, 2000.0).ghi_w_m2;
    EXPECT_LT(hazy, clean) << zenith;
    EXPECT_GT(high, hazy) << zenith;
  }
}

// The clear-sky index of the low sun keeps falling towards the horizon (the air mass is held at
// the exponent's minimum, so exp(0.01 AM^1.8) cannot turn it up), and stays positive.
TEST(ClearSky, LowSunHasNoUpturn) {
  double previous_ratio = 1.0;
  for (double zenith = 60.0; zenith < 89.95; zenith += 0.1) {
    const double cos_z = std::cos(zenith * 3.14159265358979323846 / 180.0);
    const ClearSkyIrradiance cs = ineichen_perez_clear_sky(zenith, 1361.0, 3.0, 0.0);
    const double ratio = cs.ghi_w_m2 / (1361.0 * cos_z);
    EXPECT_GT(ratio, 0.0) << zenith;
    EXPECT_LE(ratio, previous_ratio + 1e-12) << zenith;
    EXPECT_GE(cs.dni_w_m2, 0.0) << zenith;
    EXPECT_GE(cs.dhi_w_m2, 0.0) << zenith;
    previous_ratio = ratio;
  }
}

}  // namespace
}  // namespace stargate
