// Tests of src/energy/pv_optics.cpp: Fresnel-Bouguer transmittance of the module cover, the
// incidence-angle modifiers and the air-mass spectral modifier, against hand-worked numbers.
#include "energy/pv_optics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "stargate/core/units.hpp"

namespace stargate::pv {
namespace {

TEST(Slab, NearNormalIncidence) {
  // Reflection at normal incidence ((n - 1) / (n + 1))^2 = 0.043362 for n = 1.526 and absorption
  // exp(-4 * 0.002) = 0.992032: tau = 0.956638 * 0.992032 = 0.949016 (at 0.01 deg).
  double s2 = 0.0;
  double c2 = 0.0;
  const double angle = 0.01 * kDegToRad;
  EXPECT_NEAR(slab_transmittance(std::sin(angle), std::cos(angle), 1.0, 1.526, 4.0, 0.002, s2, c2),
              0.949016, 1e-6);
  EXPECT_NEAR(s2, std::sin(angle) / 1.526, 1e-15);  // Snell
  EXPECT_NEAR(s2 * s2 + c2 * c2, 1.0, 1e-15);
}

TEST(Cover, BeamModifier) {
  const CoverOptics coated(true);
  const CoverOptics bare(false);
  // PVWatts v8's normalisation caps the coated modifier at 1 up to about 57 deg.
  EXPECT_DOUBLE_EQ(coated.beam_modifier(30.0), 1.0);
  EXPECT_DOUBLE_EQ(coated.beam_modifier(55.0), 1.0);
  EXPECT_NEAR(coated.beam_modifier(60.0), 0.996060, 1e-6);
  EXPECT_NEAR(coated.beam_modifier(70.0), 0.919565, 1e-6);
  EXPECT_NEAR(coated.beam_modifier(80.0), 0.695486, 1e-6);
  EXPECT_NEAR(bare.beam_modifier(30.0), 0.997887, 1e-6);
  EXPECT_NEAR(bare.beam_modifier(60.0), 0.946003, 1e-6);
  // Angles are kept in 1..89 deg.
  EXPECT_DOUBLE_EQ(bare.beam_modifier(0.0), bare.beam_modifier(1.0));
  EXPECT_DOUBLE_EQ(bare.beam_modifier(95.0), bare.beam_modifier(89.0));
  // From the cosine: the same values.
  for (const double aoi : {0.0, 12.0, 58.0, 75.0, 88.0, 91.0}) {
    EXPECT_NEAR(coated.beam_modifier_from_cos(std::cos(aoi * kDegToRad)), coated.beam_modifier(aoi),
                1e-12)
        << aoi;
  }
}

TEST(Cover, DiffuseModifiers) {
  const CoverOptics coated(true);
  // Tilt 30: sky at 59.7 - 4.164 + 1.3473 = 56.883 deg, ground at 90 - 17.364 + 2.4237 = 75.060 deg
  // (Brandemuehl & Beckman), through bare glass, over the coated normal reference.
  EXPECT_NEAR(coated.sky_modifier(30.0), 0.976776, 1e-6);
  EXPECT_NEAR(coated.ground_modifier(30.0), 0.786204, 1e-6);
  // The interpolated table agrees with the direct evaluation.
  for (double tilt = 0.0; tilt <= 180.0; tilt += 0.37) {
    const CoverOptics::DiffuseModifiers m = coated.diffuse_modifiers(tilt);
    EXPECT_NEAR(m.sky, coated.sky_modifier(tilt), 1e-7) << tilt;
    EXPECT_NEAR(m.ground, coated.ground_modifier(tilt), 1e-7) << tilt;
  }
  // Transmitted POA: components times their modifiers.
  EXPECT_NEAR(coated.transmitted_w_m2(60.0, 30.0, 500.0, 100.0, 10.0),
              500.0 * 0.996060 + 100.0 * 0.976776 + 10.0 * 0.786204, 1e-3);
}

TEST(Spectral, AirMassModifier) {
  // At AM 1.5 the De Soto polynomial gives 1.001312; AM 1.5 is zenith 48.259 deg (Kasten-Young).
  EXPECT_NEAR(spectral_modifier(48.25901, 0.0), 1.001312, 1e-5);
  // Higher sites see a lower air mass: exp(-0.0001184 * 1000) = 0.888341.
  EXPECT_NEAR(pressure_ratio_at(1000.0), 0.888341, 1e-6);
  EXPECT_DOUBLE_EQ(spectral_modifier(30.0, 339.0),
                   spectral_modifier_at_pressure_ratio(30.0, pressure_ratio_at(339.0)));
  EXPECT_DOUBLE_EQ(spectral_modifier_at_pressure_ratio(30.0, std::cos(30.0 * kDegToRad), 0.95),
                   spectral_modifier_at_pressure_ratio(30.0, 0.95));
  // Never negative.
  EXPECT_GE(spectral_modifier(95.0, 0.0), 0.0);
}

}  // namespace
}  // namespace stargate::pv
