// Tests of src/energy/pv_module.cpp: the CEC single-diode model and its maximum power point.
#include "energy/pv_module.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace stargate::pv {
namespace {

// Maximum power by brute force: I(V) from the single-diode equation by bisection, on a voltage
// grid refined around the best point.
double brute_force_max_power(const DiodeParameters& p) {
  auto current_at = [&](double v) {
    double low = -1.0;
    double high = p.i_l_a + 1.0;
    for (int k = 0; k < 200; ++k) {  // residual decreases with I
      const double i = 0.5 * (low + high);
      const double vd = v + i * p.r_s_ohm;
      const double residual =
          p.i_l_a - p.i_0_a * (std::exp(vd / p.a_v) - 1.0) - vd / p.r_sh_ohm - i;
      (residual > 0.0 ? low : high) = i;
    }
    return 0.5 * (low + high);
  };
  double v_low = 0.0;
  double v_high = p.a_v * std::log1p(p.i_l_a / p.i_0_a);
  double best = 0.0;
  for (int pass = 0; pass < 6; ++pass) {
    double best_v = v_low;
    const int steps = 200;
    for (int k = 0; k <= steps; ++k) {
      const double v = v_low + (v_high - v_low) * k / steps;
      const double power = v * current_at(v);
      if (power > best) {
        best = power;
        best_v = v;
      }
    }
    const double width = (v_high - v_low) / steps;
    v_low = std::max(0.0, best_v - 2.0 * width);
    v_high = best_v + 2.0 * width;
  }
  return best;
}

TEST(CecModule, StcPowerIsTheRating) {
  // V_mp I_mp: 35.8 * 9.01 = 322.558 W (standard), 54.7 * 5.98 = 327.106 W (premium),
  // 183.6 * 2.37 = 435.132 W (thin film); the fitted parameters reproduce them within 0.1 %.
  for (const ModuleType type :
       {ModuleType::kStandard, ModuleType::kPremium, ModuleType::kThinFilm}) {
    const CecModule& m = cec_module(type);
    EXPECT_NEAR(cec_module_power_w(m, 1000.0, 25.0) / m.p_mp_ref_w(), 1.0, 1e-3);
  }
  EXPECT_NEAR(cec_module_power_w(cec_module(ModuleType::kStandard), 1000.0, 25.0), 322.559, 1e-3);
  EXPECT_NEAR(cec_module(ModuleType::kStandard).stc_efficiency(), 0.191270, 1e-6);
}

TEST(CecModule, LowLightAndTemperature) {
  const CecModule& m = cec_module(ModuleType::kStandard);
  // 200 W/m2 at 25 C: 63.236 W, 98.0 % of the linear 64.51 W.
  EXPECT_NEAR(cec_module_power_w(m, 200.0, 25.0), 63.2362, 1e-3);
  // Temperature coefficient of power near the datasheet's -0.37 %/C.
  const double gamma =
      (cec_module_power_w(m, 1000.0, 35.0) / cec_module_power_w(m, 1000.0, 25.0) - 1.0) / 10.0;
  EXPECT_GT(gamma, -0.0045);
  EXPECT_LT(gamma, -0.0032);
  // Nothing below 1 W/m2.
  EXPECT_DOUBLE_EQ(cec_module_power_w(m, 0.5, 25.0), 0.0);
  EXPECT_DOUBLE_EQ(cec_module_power_w(m, 0.0, 25.0), 0.0);
}

TEST(SingleDiode, NewtonFindsTheMaximum) {
  for (const ModuleType type :
       {ModuleType::kStandard, ModuleType::kPremium, ModuleType::kThinFilm}) {
    for (const double absorbed : {3.0, 50.0, 400.0, 1100.0}) {
      for (const double cell_c : {-10.0, 25.0, 70.0}) {
        const DiodeParameters p = cec_operating_parameters(cec_module(type), absorbed, cell_c);
        const double newton = single_diode_max_power_w(p);
        EXPECT_NEAR(newton / brute_force_max_power(p), 1.0, 1e-7)
            << static_cast<int>(type) << " " << absorbed << " " << cell_c;
      }
    }
  }
  DiodeParameters dark;
  dark.i_l_a = 0.0;
  EXPECT_DOUBLE_EQ(single_diode_max_power_w(dark), 0.0);
}

TEST(CecModule, TranslationToOperatingConditions) {
  const CecModule& m = cec_module(ModuleType::kStandard);
  const DiodeParameters ref = cec_operating_parameters(m, 1000.0, 25.0);
  EXPECT_DOUBLE_EQ(ref.i_l_a, m.i_l_ref_a);
  EXPECT_DOUBLE_EQ(ref.i_0_a, m.i_0_ref_a);
  EXPECT_DOUBLE_EQ(ref.a_v, m.a_ref_v);
  EXPECT_DOUBLE_EQ(ref.r_sh_ohm, m.r_sh_ref_ohm);
  const DiodeParameters hot = cec_operating_parameters(m, 500.0, 45.0);
  // I_L = 0.5 (9.51393 + 0.004755 (1 - 0.0579586) 20) = 4.80176 A; R_sh doubles; a scales with T.
  EXPECT_NEAR(hot.i_l_a, 0.5 * (9.51393 + 0.004755 * (1.0 - 0.0579586) * 20.0), 1e-12);
  EXPECT_DOUBLE_EQ(hot.r_sh_ohm, 2.0 * m.r_sh_ref_ohm);
  EXPECT_NEAR(hot.a_v, m.a_ref_v * 318.15 / 298.15, 1e-12);
  EXPECT_GT(hot.i_0_a, 10.0 * m.i_0_ref_a);
}

}  // namespace
}  // namespace stargate::pv
