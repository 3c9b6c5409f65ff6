// Tests of src/energy/pv_inverter.cpp: the Sandia inverter with PVWatts v8's parameters and the
// PVWatts v5 part-load curve.
#include "energy/pv_inverter.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace stargate::pv {
namespace {

TEST(PvwattsV5Inverter, PartLoadCurve) {
  const PvwattsInverter inverter(100.0, 0.96);
  EXPECT_NEAR(inverter.dc_rating_kw(), 104.16667, 1e-5);
  // Half load: (0.96 / 0.9637) (-0.0081 - 0.0118 + 0.9858) = 0.962192.
  EXPECT_NEAR(inverter.efficiency(0.5 * inverter.dc_rating_kw()), 0.962192, 1e-6);
  // Full load: eta_ref / eta_ref * eta_nom.
  EXPECT_NEAR(inverter.efficiency(inverter.dc_rating_kw()), 0.96, 1e-12);
  const InverterOutput half = inverter.convert(0.5 * inverter.dc_rating_kw());
  EXPECT_NEAR(half.ac_kw, 0.5 * 104.16667 * 0.962192, 1e-4);
  EXPECT_DOUBLE_EQ(half.clipping_loss_kw, 0.0);
  // Clipping at the AC rating.
  const InverterOutput over = inverter.convert(130.0);
  EXPECT_DOUBLE_EQ(over.ac_kw, 100.0);
  EXPECT_GT(over.clipping_loss_kw, 0.0);
  EXPECT_NEAR(over.ac_kw + over.clipping_loss_kw + over.efficiency_loss_kw, 130.0, 1e-9);
  // Very low load: the curve goes negative, and the output stays at 0.
  EXPECT_DOUBLE_EQ(inverter.convert(0.01).ac_kw, 0.0);
  EXPECT_DOUBLE_EQ(inverter.convert(0.0).ac_kw, 0.0);
}

TEST(SandiaInverter, PvwattsV8Parameters) {
  // P_ac0 = 76,923.077 kW, eta 0.96: P_dc0 = 80,128.205 kW, P_so = 0.004931 P_ac0 = 379.308 kW.
  const double ac_kw = 100000.0 / 1.3;
  const SandiaInverter inverter(ac_kw, 0.96, 100000.0);
  EXPECT_NEAR(inverter.self_consumption_kw(), 379.3077, 1e-4);
  // P_dc 49,229.867 kW (a reference hour): 76,923.077 (49,229.867 - 379.308) / (80,128.205 -
  // 379.308) = 47,119.61 kW; ssc reports 47,119.590 kW for that hour.
  EXPECT_NEAR(inverter.convert(49229.867).ac_kw, 47119.59, 0.05);
  // Linear between P_so and the rating; nothing at or below P_so; clipping above.
  EXPECT_DOUBLE_EQ(inverter.convert(379.0).ac_kw, 0.0);
  EXPECT_NEAR(inverter.convert(80128.205).ac_kw, ac_kw, 1e-3);
  const InverterOutput over = inverter.convert(90000.0);
  EXPECT_DOUBLE_EQ(over.ac_kw, ac_kw);
  EXPECT_NEAR(over.ac_kw + over.clipping_loss_kw + over.efficiency_loss_kw, 90000.0, 1e-6);
  // PVWatts v8 compares the DC rating in watts with 10 and 1000: only sub-kW arrays get the
  // smaller self-consumption fractions.
  EXPECT_NEAR(SandiaInverter(4.0 / 1.2, 0.96, 4.0).self_consumption_kw(), 0.004931 * 4.0 / 1.2,
              1e-12);
  EXPECT_NEAR(SandiaInverter(0.5, 0.96, 0.5).self_consumption_kw(), 0.002478 * 0.5, 1e-12);
  EXPECT_NEAR(SandiaInverter(0.005, 0.96, 0.005).self_consumption_kw(), 0.002246 * 0.005, 1e-12);
}

TEST(Inverters, RejectBadRatings) {
  EXPECT_THROW(PvwattsInverter(0.0, 0.96), std::invalid_argument);
  EXPECT_THROW(PvwattsInverter(10.0, 1.2), std::invalid_argument);
  EXPECT_THROW(SandiaInverter(-1.0, 0.96, 1.0), std::invalid_argument);
  EXPECT_THROW(SandiaInverter(10.0, 0.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace stargate::pv
