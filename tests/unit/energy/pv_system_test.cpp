// Tests of src/energy/pv_system.cpp: parameter checks, the chain recomputed by hand for one
// hour, energy bookkeeping over a synthetic year, and the model options.
#include "stargate/energy/pv_system.hpp"
#include "stargate/core/units.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "stargate/core/time_grid.hpp"
#include "stargate/weather/synthetic_weather.hpp"

namespace stargate {
namespace {

const WeatherSite kSite{"Abilene, TX", 32.41, -99.68, 546.0, -6.0};

PvSystemParams utility_params(ArrayType array) {
  PvSystemParams p;
  p.dc_capacity_kw = 100000.0;
  p.dc_ac_ratio = 1.3;
  p.array_type = array;
  p.tilt_deg = array == ArrayType::kFixedOpenRack || array == ArrayType::kFixedRoof ? 30.0 : 0.0;
  p.gcr = 0.35;
  return p;
}

const WeatherSeries& synthetic_year() {
  static const WeatherSeries weather = generate_weather(kSite, abilene_climate(), 2023, 7);
  return weather;
}

// One interval-average hour at noon on 15 May with the given beam and diffuse.
WeatherSeries noon_hour(double dni, double dhi) {
  WeatherSeries w;
  w.site = kSite;
  w.interval_s = 3600;
  w.timing = RowTiming::kIntervalAverage;
  w.resize(1);
  w.time[0] = local_from_civil({2023, 5, 15, 12, 0, 0});
  w.dni_w_m2[0] = dni;
  w.dhi_w_m2[0] = dhi;
  w.ghi_w_m2[0] = dhi + dni * 0.9;
  w.temp_air_c[0] = 28.0;
  w.wind_speed_m_s[0] = 3.0;
  w.pressure_mbar[0] = 950.0;
  return w;
}

TEST(SimulatePv, RejectsParametersOutOfRange) {
  const WeatherSeries w = noon_hour(800.0, 100.0);
  auto expect_throw = [&](auto change) {
    PvSystemParams p = utility_params(ArrayType::kFixedOpenRack);
    change(p);
    EXPECT_THROW((void)simulate_pv(p, w), std::invalid_argument);
  };
  expect_throw([](PvSystemParams& p) { p.dc_capacity_kw = 0.0; });
  expect_throw([](PvSystemParams& p) { p.dc_ac_ratio = -1.0; });
  expect_throw([](PvSystemParams& p) { p.tilt_deg = 91.0; });
  expect_throw([](PvSystemParams& p) { p.azimuth_deg = 361.0; });
  expect_throw([](PvSystemParams& p) { p.gcr = 1.0; });
  expect_throw([](PvSystemParams& p) { p.rotation_limit_deg = 95.0; });
  expect_throw([](PvSystemParams& p) { p.losses_fraction = 1.2; });
  expect_throw([](PvSystemParams& p) { p.inverter_efficiency = 0.5; });
  expect_throw([](PvSystemParams& p) { p.albedo = -0.1; });
  expect_throw([](PvSystemParams& p) { p.tilt_deg = std::nan(""); });
  WeatherSeries broken = w;
  broken.dni_w_m2.push_back(1.0);
  EXPECT_THROW((void)simulate_pv(utility_params(ArrayType::kTwoAxis), broken),
               std::invalid_argument);
}

TEST(SimulatePv, OneHourByHand) {
  // Two-axis tracker (aoi 0: no cover loss on the PVWatts v5-style path), isotropic sky, no
  // ground reflection, linear DC model, NOCT cell temperature, PVWatts v5 inverter.
  PvSystemParams p = utility_params(ArrayType::kTwoAxis);
  p.sky_model = SkyModel::kIsotropic;
  p.albedo = 0.0;
  p.dc_model = PvDcModel::kLinear;
  p.thermal_model = PvThermalModel::kNoct;
  p.inverter_model = PvInverterModel::kPvwattsV5;
  const WeatherSeries w = noon_hour(800.0, 100.0);
  const PvOutput out = simulate_pv(p, w);
  ASSERT_EQ(out.sun_up[0], 1);
  const double z = out.sun_zenith_deg[0];
  EXPECT_GT(z, 5.0);
  EXPECT_LT(z, 20.0);
  // POA = DNI + DHI (1 + cos z) / 2 on a plane tilted by the zenith.
  const double poa = 800.0 + 100.0 * (1.0 + std::cos(z * kDegToRad)) / 2.0;
  EXPECT_NEAR(out.poa_w_m2[0], poa, 1e-9);
  EXPECT_DOUBLE_EQ(out.aoi_deg[0], 0.0);
  EXPECT_DOUBLE_EQ(out.tpoa_w_m2[0], 0.0);  // PVWatts reports no transmitted POA at aoi 0
  // Spectral modifier at the Kasten-Young air mass times exp(-0.0001184 * 546).
  const double air_mass = 1.0 /
                          (std::cos(z * kDegToRad) + 0.50572 * std::pow(96.07995 - z, -1.6364)) *
                          std::exp(-0.0001184 * 546.0);
  const double m =
      0.918093 +
      air_mass * (0.086257 + air_mass * (-0.024459 + air_mass * (0.002816 - 0.000126 * air_mass)));
  const double absorbed = poa * m;
  // NOCT model with the standard CEC module's efficiency 0.191270.
  const double eta = 9.01 * 35.8 / (1000.0 * 1.6864);
  const double cell =
      28.0 + absorbed / 800.0 * 25.0 * (1.0 - eta / 0.9) * 9.5 / (5.7 + 3.8 * 0.51 * 3.0);
  EXPECT_NEAR(out.tcell_c[0], cell, 1e-9);
  const double dc = 100000.0 * absorbed / 1000.0 * (1.0 - 0.0037 * (cell - 25.0)) * (1.0 - 0.1408);
  EXPECT_NEAR(out.dc_kw[0], dc, 1e-6);
  const double dc_rating = 100000.0 / 1.3 / 0.96;
  const double x = dc / dc_rating;
  const double ac =
      std::min(dc * 0.96 / 0.9637 * (-0.0162 * x - 0.0059 / x + 0.9858), 100000.0 / 1.3);
  EXPECT_NEAR(out.ac_kw[0], ac, 1e-6);
  EXPECT_NEAR(out.annual_ac_kwh, ac, 1e-6);
}

TEST(SimulatePv, BeamAboveExtraterrestrialIsRejected) {
  // A beam above the solar constant is bad data: PVWatts gives the hour no irradiance.
  const PvOutput out = simulate_pv(utility_params(ArrayType::kTwoAxis), noon_hour(1400.0, 50.0));
  EXPECT_EQ(out.sun_up[0], 1);
  EXPECT_DOUBLE_EQ(out.poa_w_m2[0], 0.0);
  EXPECT_DOUBLE_EQ(out.ac_kw[0], 0.0);
  EXPECT_DOUBLE_EQ(out.tcell_c[0], 28.0);
}

TEST(SimulatePv, YearBookkeeping) {
  const WeatherSeries& w = synthetic_year();
  for (const ArrayType array :
       {ArrayType::kFixedOpenRack, ArrayType::kFixedRoof, ArrayType::kOneAxis,
        ArrayType::kOneAxisBacktracking, ArrayType::kTwoAxis}) {
    const PvSystemParams p = utility_params(array);
    const PvOutput out = simulate_pv(p, w);
    const double ac_rating = p.dc_capacity_kw / p.dc_ac_ratio;
    ASSERT_EQ(out.ac_kw.size(), w.size());
    double energy = 0.0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      EXPECT_GE(out.ac_kw[i], 0.0);
      EXPECT_LE(out.ac_kw[i], ac_rating * (1.0 + 1e-12));
      EXPECT_GE(out.dc_kw[i], 0.0);
      if (out.sun_up[i] == 0) {
        EXPECT_DOUBLE_EQ(out.ac_kw[i], 0.0);
        EXPECT_DOUBLE_EQ(out.tcell_c[i], w.temp_air_c[i]);
      }
      energy += out.ac_kw[i];
    }
    EXPECT_NEAR(out.annual_ac_kwh, energy, 1e-6 * energy);
    EXPECT_NEAR(out.capacity_factor_ac, energy / (ac_rating * 8760.0), 1e-12);
    EXPECT_GT(out.capacity_factor_ac, 0.15);
    EXPECT_LT(out.capacity_factor_ac, 0.45);
    const PvLossBreakdown& l = out.losses;
    EXPECT_NEAR(l.ac_delivered_kwh, energy, 1e-6 * energy);
    EXPECT_NEAR(l.ac_nominal_kwh - l.ac_efficiency_kwh - l.ac_clipping_kwh, l.ac_delivered_kwh,
                1e-6 * energy);
    EXPECT_NEAR(
        l.dc_nominal_kwh - l.dc_cover_kwh - l.dc_spectral_kwh - l.dc_thermal_kwh - l.dc_other_kwh,
        l.ac_nominal_kwh, 1e-6 * l.dc_nominal_kwh);
    EXPECT_GE(l.poa_shading_kwh, 0.0);
    if (array == ArrayType::kFixedRoof || array == ArrayType::kTwoAxis) {
      EXPECT_DOUBLE_EQ(l.poa_shading_kwh, 0.0);
    }
  }
}

TEST(SimulatePv, TwoAxisScalesWithSize) {
  PvSystemParams small = utility_params(ArrayType::kTwoAxis);
  small.dc_capacity_kw = 1000.0;
  const PvOutput a = simulate_pv(small, synthetic_year());
  const PvOutput b = simulate_pv(utility_params(ArrayType::kTwoAxis), synthetic_year());
  EXPECT_NEAR(b.annual_ac_kwh / a.annual_ac_kwh, 100.0, 1e-9);
}

TEST(SimulatePv, OptionsChangeTheResult) {
  const WeatherSeries& w = synthetic_year();
  const PvSystemParams base = utility_params(ArrayType::kFixedOpenRack);
  const double perez = simulate_pv(base, w).annual_ac_kwh;
  PvSystemParams iso = base;
  iso.sky_model = SkyModel::kIsotropic;
  PvSystemParams hay = base;
  hay.sky_model = SkyModel::kHayDavies;
  // The anisotropic skies bring more diffuse to a south-facing tilt than the isotropic one.
  EXPECT_LT(simulate_pv(iso, w).annual_ac_kwh, perez);
  EXPECT_LT(simulate_pv(iso, w).annual_ac_kwh, simulate_pv(hay, w).annual_ac_kwh);
  // PVWatts v5-style models stay within a few percent of v8's.
  PvSystemParams v5 = base;
  v5.dc_model = PvDcModel::kLinear;
  v5.thermal_model = PvThermalModel::kFuentes;
  v5.inverter_model = PvInverterModel::kPvwattsV5;
  EXPECT_NEAR(simulate_pv(v5, w).annual_ac_kwh / perez, 1.0, 0.03);
  // A roof mount runs hotter.
  PvSystemParams roof = utility_params(ArrayType::kFixedRoof);
  const PvOutput roof_out = simulate_pv(roof, w);
  const PvOutput rack_out = simulate_pv(base, w);
  double hotter = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i) hotter += roof_out.tcell_c[i] - rack_out.tcell_c[i];
  EXPECT_GT(hotter, 0.0);
}

TEST(SimulatePv, WeatherAlbedo) {
  WeatherSeries w = synthetic_year();
  PvSystemParams p = utility_params(ArrayType::kTwoAxis);
  const double plain = simulate_pv(p, w).annual_ac_kwh;
  std::fill(w.albedo.begin(), w.albedo.end(), 0.6);  // snow-like ground in the weather
  EXPECT_GT(simulate_pv(p, w).annual_ac_kwh, plain);
  p.albedo_from_weather = false;
  EXPECT_DOUBLE_EQ(simulate_pv(p, w).annual_ac_kwh, plain);
}

}  // namespace
}  // namespace stargate
