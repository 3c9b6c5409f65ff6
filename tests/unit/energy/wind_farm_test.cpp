#include "stargate/energy/wind_farm.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "energy/wind_physics.hpp"
#include "energy/wind_wake.hpp"

namespace stargate {
namespace {

/// 0 below 3 m/s, linear 0..1000 kW from 3 to 13 m/s, 1000 kW to 25 m/s, cut-out after.
PowerCurve ramp_curve(double rotor_diameter_m = 100.0) {
  PowerCurve c;
  c.name = "ramp";
  c.rotor_diameter_m = rotor_diameter_m;
  c.rated_kw = 1000.0;
  c.wind_speed_m_s = {0.0, 3.0, 13.0, 25.0};
  c.power_kw = {0.0, 0.0, 1000.0, 1000.0};
  return c;
}

/// One row per speed, at the given heights, with standard density (1 atm, 15 C: 1.22498 kg/m3)
/// and a fixed direction.
WindResource resource_at(const std::vector<double>& heights_m,
                         const std::vector<std::vector<double>>& speeds,
                         double direction_deg = 0.0) {
  WindResource r;
  r.source = "test";
  r.site.year = 2021;
  r.time = wind_row_stamps(2021, 3600, speeds.front().size());
  for (std::size_t i = 0; i < heights_m.size(); ++i) {
    auto& h = r.at_height(heights_m[i]);
    h.speed_m_s = speeds[i];
    h.temperature_c.assign(speeds[i].size(), 15.0);
    h.pressure_atm.assign(speeds[i].size(), 1.0);
    h.direction_deg.assign(speeds[i].size(), direction_deg);
  }
  return r;
}

WindFarmParams params_for(double hub_m) {
  WindFarmParams p;
  p.curve = ramp_curve();
  p.hub_height_m = hub_m;
  p.reference_density_kg_m3 = wind::air_density_kg_m3(1.0, 15.0);  // no density effect
  return p;
}

TEST(WindFarm, InterpolatesLinearlyBetweenBracketingHeights) {
  // 80 m: 8 m/s, 100 m: 10 m/s; hub 90 m -> 8 + (10 - 8) x 10/20 = 9 m/s -> (9 - 3) x 100 = 600 kW.
  const auto out =
      simulate_wind_farm(params_for(90.0), resource_at({80.0, 100.0}, {{8.0}, {10.0}}));
  EXPECT_NEAR(out.hub_speed_m_s[0], 9.0, 1e-12);
  EXPECT_NEAR(out.power_kw[0], 600.0, 1e-9);
}

TEST(WindFarm, UsesTheMeasuredValueAtTheHubHeight) {
  const auto out =
      simulate_wind_farm(params_for(80.0), resource_at({80.0, 100.0}, {{8.0}, {10.0}}));
  EXPECT_DOUBLE_EQ(out.hub_speed_m_s[0], 8.0);
}

TEST(WindFarm, FixedShearAboveTheTopHeight) {
  // 50 m: 6 m/s, hub 100 m, alpha 0.14: 2^0.14 = exp(0.14 ln 2) = exp(0.0970406) = 1.1019051
  // -> 6.611431 m/s.
  const auto out = simulate_wind_farm(params_for(100.0), resource_at({50.0}, {{6.0}}));
  EXPECT_NEAR(out.hub_speed_m_s[0], 6.611431, 1e-6);
}

TEST(WindFarm, ShearFittedFromTheTwoNearestHeights) {
  // 50 m 6 m/s, 80 m 7 m/s: alpha = ln(7/6) / ln(80/50) = 0.1541507 / 0.4700036 = 0.3279778;
  // hub 100 m: 7 x 1.25^0.3279778 = 7 x exp(0.3279778 x 0.2231436) = 7 x exp(0.0731861)
  // = 7 x 1.0759307 = 7.531515.
  WindFarmParams p = params_for(100.0);
  p.shear_model = WindShearModel::kFromHeights;
  const auto out = simulate_wind_farm(p, resource_at({50.0, 80.0}, {{6.0}, {7.0}}));
  EXPECT_NEAR(out.hub_speed_m_s[0], 7.531515, 1e-5);
}

TEST(WindFarm, AirDensityFromPressureAndTemperature) {
  // 0.88 atm = 89166 Pa, 4.7 C = 277.85 K: 89166 / (287.058 x 277.85) = 89166 / 79759.07
  // = 1.117942 kg/m3.
  EXPECT_NEAR(wind::air_density_kg_m3(0.88, 4.7), 1.117942, 1e-6);
}

TEST(WindFarm, DensityCorrectionReadsTheCurveAtTheNormalisedSpeed) {
  // rho / rho_ref = 0.729 -> (0.729)^(1/3) = 0.9: 8 m/s reads the curve at 7.2 m/s -> 420 kW.
  const PowerCurve c = ramp_curve();
  EXPECT_NEAR(turbine_power_kw(c, 8.0, 1.225 * 0.729), 420.0, 1e-9);
  EXPECT_NEAR(turbine_power_kw(c, 8.0, 1.225 * 0.729, DensityCorrection::kNone), 500.0, 1e-9);
}

TEST(WindFarm, CurveLookupAtItsEdges) {
  const PowerCurve c = ramp_curve();
  EXPECT_EQ(wind::curve_power_kw(c, 0.0), 0.0);
  EXPECT_EQ(wind::curve_power_kw(c, 3.0), 0.0);
  EXPECT_NEAR(wind::curve_power_kw(c, 3.5), 50.0, 1e-12);
  EXPECT_EQ(wind::curve_power_kw(c, 13.0), 1000.0);
  EXPECT_EQ(wind::curve_power_kw(c, 25.0), 1000.0);  // the last point is still produced
  EXPECT_EQ(wind::curve_power_kw(c, 25.01), 0.0);    // above it: cut out
  EXPECT_DOUBLE_EQ(c.cut_in_m_s(), 3.0);
  EXPECT_DOUBLE_EQ(c.cut_out_m_s(), 25.0);
}

TEST(WindFarm, LossesAvailabilityEnergyAndCapacityFactor) {
  // 4 hours at 8 m/s: 500 kW per turbine, 3 turbines, x 0.97 x (1 - 0.05) = 0.9215 -> 1382.25 kW,
  // 5529 kWh; CF = 5529 / (3 x 1000 x 4) = 0.46075.
  WindFarmParams p = params_for(80.0);
  p.turbines = 3;
  p.availability = 0.97;
  p.losses_fraction = 0.05;
  const auto out = simulate_wind_farm(p, resource_at({80.0}, {{8.0, 8.0, 8.0, 8.0}}));
  EXPECT_NEAR(out.power_kw[0], 1382.25, 1e-9);
  EXPECT_NEAR(out.annual_energy_kwh, 5529.0, 1e-9);
  EXPECT_NEAR(out.capacity_factor, 0.46075, 1e-12);
  EXPECT_NEAR(out.gross_energy_kwh, 6000.0, 1e-9);
}

TEST(WindWake, JensenDeficitOfOneTurbineStraightBehindAnother) {
  // Ct = 8/9 (a = 1/3): 1 - sqrt(1 - Ct) = 2/3. 7 D = 14 r0 behind, k = 0.075:
  // r_w = r0 (1 + 0.075 x 14) = 2.05 r0, (r0 / r_w)^2 = 1 / 4.2025 = 0.2379536,
  // deficit = 2/3 x 0.2379536 = 0.1586357 (full overlap).
  EXPECT_NEAR(wind::jensen_deficit(8.0 / 9.0, 50.0, 700.0, 0.0, 0.075), 0.1586357, 1e-7);
  // Beside the wake (crosswind >= r0 + r_w = 152.5 m): no deficit; upwind: none.
  EXPECT_EQ(wind::jensen_deficit(8.0 / 9.0, 50.0, 700.0, 153.0, 0.075), 0.0);
  EXPECT_EQ(wind::jensen_deficit(8.0 / 9.0, 50.0, -700.0, 0.0, 0.075), 0.0);
  // Half-covered: between 0 and the full deficit.
  const double partial = wind::jensen_deficit(8.0 / 9.0, 50.0, 700.0, 102.5, 0.075);
  EXPECT_GT(partial, 0.0);
  EXPECT_LT(partial, 0.1586357);
}

TEST(WindWake, ThrustFromPowerCoefficientByMomentumTheory) {
  // Betz limit: Cp = 16/27 at a = 1/3 -> Ct = 4/3 x 2/3 = 8/9.
  EXPECT_NEAR(wind::thrust_coefficient(16.0 / 27.0), 8.0 / 9.0, 1e-7);  // Cp is flat at a = 1/3
  EXPECT_EQ(wind::thrust_coefficient(0.0), 0.0);
  // a = 0.1: Cp = 0.4 x 0.81 = 0.324, Ct = 0.4 x 0.9 = 0.36.
  EXPECT_NEAR(wind::thrust_coefficient(0.324), 0.36, 1e-9);
}

TEST(WindWake, CircleOverlap) {
  EXPECT_NEAR(wind::circle_overlap_area_m2(0.0, 1.0, 2.0), M_PI, 1e-12);
  EXPECT_EQ(wind::circle_overlap_area_m2(3.0, 1.0, 2.0), 0.0);
  // Two unit circles one radius apart: 2 pi/3 - sqrt(3)/2 = 1.2283697.
  EXPECT_NEAR(wind::circle_overlap_area_m2(1.0, 1.0, 1.0), 1.2283697, 1e-7);
}

TEST(WindWake, FarmOfTwoTurbinesInLine) {
  // Two turbines 7 D apart on a north-south line, rotor 100 m, 8 m/s at 1.225 kg/m3 (reference).
  // Wind from north: the north turbine makes 500 kW; Cp = 500e3 / (0.5 x 1.225 x 7853.98 x 512)
  // = 0.203001 -> a = 0.057080 (4a(1-a)^2 = Cp) -> Ct = 4a(1-a) = 0.215291;
  // deficit = (1 - sqrt(1 - 0.215291)) x 0.2379536 = 0.114161 x 0.2379536 = 0.0271650,
  // u = 8 x 0.972835 = 7.782680 m/s -> 478.268 kW; farm 978.27 kW.
  WindFarmParams p = params_for(80.0);
  p.reference_density_kg_m3 = 1.225;
  p.turbines = 2;
  p.wake = true;
  p.layout = WindFarmLayout{2, 1, 7.0, 4.0};
  WindResource r = resource_at({80.0}, {{8.0, 8.0}});
  r.heights[0].pressure_atm.assign(2, 1.225 * 287.058 * 288.15 / kPascalPerAtm);
  r.heights[0].direction_deg = {0.0, 90.0};
  const auto out = simulate_wind_farm(p, r);
  EXPECT_NEAR(out.power_kw[0], 978.27, 0.02);
  // Wind from east: the two are side by side 7 D apart: no wake.
  EXPECT_NEAR(out.power_kw[1], 1000.0, 1e-6);
  EXPECT_GT(out.wake_loss_fraction, 0.0);
}

TEST(WindFarm, BadParametersThrow) {
  WindFarmParams p = params_for(80.0);
  const WindResource r = resource_at({80.0}, {{8.0}});
  p.turbines = 0;
  EXPECT_THROW((void)simulate_wind_farm(p, r), std::invalid_argument);
  p = params_for(80.0);
  p.wake = true;
  p.turbines = 5;
  p.layout = WindFarmLayout{2, 2, 7.0, 4.0};
  EXPECT_THROW((void)simulate_wind_farm(p, r), std::invalid_argument);
  p = params_for(80.0);
  p.curve.wind_speed_m_s = {0.0, 5.0, 4.0, 25.0};
  EXPECT_THROW((void)simulate_wind_farm(p, r), std::invalid_argument);
}

}  // namespace
}  // namespace stargate
