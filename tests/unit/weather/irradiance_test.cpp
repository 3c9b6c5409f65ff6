// Tests of src/weather/irradiance.cpp: extraterrestrial irradiance, air mass, the Perez
// coefficient bins and the three sky models, against numbers worked by hand.
#include "stargate/weather/irradiance.hpp"
#include "stargate/core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace stargate {
namespace {

// The geometry of the worked examples: zenith 30, aoi 10, tilt 30 deg; DNI 800, DHI 100 W/m2.
SkyGeometry worked_geometry() {
  return SkyGeometry{30.0, std::cos(10.0 * kDegToRad), 30.0};
}
HorizontalIrradiance worked_horizontal() {
  return HorizontalIrradiance{800.0, 100.0, 0.2};
}

TEST(Extraterrestrial, DuffieBeckmanEquation) {
  // 1367 (1 + 0.033 cos(360 n / 365)): perihelion early January, aphelion early July.
  EXPECT_NEAR(extraterrestrial_normal_w_m2(1), 1412.104, 1e-3);
  EXPECT_NEAR(extraterrestrial_normal_w_m2(183), 1321.891, 1e-3);
}

TEST(AirMass, KastenAndKastenYoung) {
  EXPECT_NEAR(kasten_air_mass(0.0), 0.99949, 1e-5);
  EXPECT_NEAR(kasten_air_mass(60.0), 1.99276, 1e-5);
  EXPECT_NEAR(kasten_air_mass(80.0), 5.58034, 1e-5);
  EXPECT_NEAR(kasten_young_air_mass(0.0), 0.99971, 1e-5);
  EXPECT_NEAR(kasten_young_air_mass(60.0), 1.99429, 1e-5);
  EXPECT_NEAR(kasten_young_air_mass(80.0), 5.58604, 1e-5);
  // The overloads taking the cosine agree.
  EXPECT_DOUBLE_EQ(kasten_young_air_mass(45.0, std::cos(45.0 * kDegToRad)),
                   kasten_young_air_mass(45.0));
  EXPECT_DOUBLE_EQ(kasten_air_mass(45.0, std::cos(45.0 * kDegToRad)), kasten_air_mass(45.0));
}

TEST(Perez, ClearnessBins) {
  // Upper bounds 1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2: a value on a bound stays in the lower bin.
  EXPECT_EQ(perez_clearness_bin(1.0), 0);
  EXPECT_EQ(perez_clearness_bin(1.065), 0);
  EXPECT_EQ(perez_clearness_bin(1.0651), 1);
  EXPECT_EQ(perez_clearness_bin(1.4), 2);
  EXPECT_EQ(perez_clearness_bin(2.0), 4);
  EXPECT_EQ(perez_clearness_bin(6.2), 6);
  EXPECT_EQ(perez_clearness_bin(7.96), 7);
  // Overcast sky (no beam): eps = 1 whatever the zenith.
  EXPECT_DOUBLE_EQ(perez_sky_clearness(0.0, 150.0, 70.0), 1.0);
  // Worked example: (900 / 100 + 5.535e-6 * 30^3) / (1 + 5.535e-6 * 30^3) = 7.9599.
  EXPECT_NEAR(perez_sky_clearness(800.0, 100.0, 30.0), 7.95988, 1e-4);
}

TEST(Perez, CoefficientTable) {
  // Perez et al. (1990) Table 6, all-sites composite: first (overcast) and last (clear) bins.
  EXPECT_DOUBLE_EQ(perez_coefficients(0).f11, -0.0083117);
  EXPECT_DOUBLE_EQ(perez_coefficients(0).f22, 0.0721249);
  EXPECT_DOUBLE_EQ(perez_coefficients(7).f11, 0.6777470);
  EXPECT_DOUBLE_EQ(perez_coefficients(7).f23, 0.2506212);
  EXPECT_THROW((void)perez_coefficients(8), std::invalid_argument);
  EXPECT_THROW((void)perez_coefficients(-1), std::invalid_argument);
}

TEST(Perez, WorkedExample) {
  // Air mass 1.1536, Delta 0.08439, bin 7: F1 = 0.51901, F2 = 0.17119;
  // sky = 100 (0.48099 * 0.93301 + 0.51901 * 0.98481 / 0.86603 + 0.17119 * 0.5) = 112.456.
  const PoaIrradiance poa = perez_poa(worked_horizontal(), worked_geometry());
  EXPECT_NEAR(poa.beam_w_m2, 787.846, 1e-3);
  EXPECT_NEAR(poa.sky_diffuse_w_m2, 112.456, 2e-3);
  EXPECT_NEAR(poa.ground_diffuse_w_m2, 10.6218, 1e-4);
  EXPECT_NEAR(poa.total_w_m2(), 787.846 + 112.456 + 10.6218, 4e-3);
}

TEST(Perez, HorizontalPlaneReceivesTheDiffuseHorizontal) {
  // On a horizontal plane aoi = zenith, the horizon term vanishes and the circumsolar and
  // isotropic parts add back to DHI (for zenith below 85 deg).
  for (const double zenith : {10.0, 40.0, 70.0, 84.0}) {
    const SkyGeometry flat{zenith, std::cos(zenith * kDegToRad), 0.0};
    const PoaIrradiance poa = perez_poa(HorizontalIrradiance{500.0, 120.0, 0.2}, flat);
    EXPECT_NEAR(poa.sky_diffuse_w_m2, 120.0, 1e-9) << zenith;
    EXPECT_DOUBLE_EQ(poa.ground_diffuse_w_m2, 0.0);
  }
}

TEST(Perez, PvwattsConventionsNearTheHorizonAndWithoutDiffuse) {
  // Beyond 87.5 deg zenith: isotropic sky, no ground term.
  const SkyGeometry low{88.0, std::cos(60.0 * kDegToRad), 30.0};
  const PoaIrradiance poa = perez_poa(HorizontalIrradiance{100.0, 20.0, 0.2}, low);
  EXPECT_NEAR(poa.sky_diffuse_w_m2, 20.0 * (1.0 + std::cos(30.0 * kDegToRad)) / 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(poa.ground_diffuse_w_m2, 0.0);
  EXPECT_NEAR(poa.beam_w_m2, 50.0, 1e-12);
  // No diffuse: beam only.
  const PoaIrradiance clear = perez_poa(HorizontalIrradiance{800.0, 0.0, 0.2}, worked_geometry());
  EXPECT_NEAR(clear.beam_w_m2, 787.846, 1e-3);
  EXPECT_DOUBLE_EQ(clear.sky_diffuse_w_m2, 0.0);
  EXPECT_DOUBLE_EQ(clear.ground_diffuse_w_m2, 0.0);
  // Sun behind the plane: no beam.
  const SkyGeometry behind{30.0, -0.2, 90.0};
  EXPECT_DOUBLE_EQ(perez_poa(worked_horizontal(), behind).beam_w_m2, 0.0);
}

TEST(Isotropic, WorkedExample) {
  // beam 800 cos 10 = 787.846; sky 100 (1 + cos 30) / 2 = 93.301;
  // ground 0.2 (800 cos 30 + 100) (1 - cos 30) / 2 = 10.622.
  const PoaIrradiance poa = isotropic_poa(worked_horizontal(), worked_geometry());
  EXPECT_NEAR(poa.beam_w_m2, 787.846, 1e-3);
  EXPECT_NEAR(poa.sky_diffuse_w_m2, 93.3013, 1e-4);
  EXPECT_NEAR(poa.ground_diffuse_w_m2, 10.6218, 1e-4);
}

TEST(HayDavies, WorkedExampleAndLimits) {
  // Ai = 800 / 1412.104 = 0.56653, Rb = cos 10 / cos 30 = 1.13716:
  // sky = 100 (0.43347 * 0.93301 + 0.56653 * 1.13716) = 104.867.
  const double gon = extraterrestrial_normal_w_m2(1);
  const PoaIrradiance poa = hay_davies_poa(worked_horizontal(), worked_geometry(), gon);
  EXPECT_NEAR(poa.sky_diffuse_w_m2, 104.867, 1e-3);
  EXPECT_NEAR(poa.ground_diffuse_w_m2, 10.6218, 1e-4);
  // Without beam the sky is isotropic.
  const HorizontalIrradiance overcast{0.0, 100.0, 0.2};
  EXPECT_NEAR(hay_davies_poa(overcast, worked_geometry(), gon).sky_diffuse_w_m2,
              isotropic_poa(overcast, worked_geometry()).sky_diffuse_w_m2, 1e-12);
}

}  // namespace
}  // namespace stargate
