// Tests of src/energy/pv_thermal.cpp: the NOCT cell-temperature model and the Fuentes transient
// model.
#include "energy/pv_thermal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace stargate::pv {
namespace {

constexpr double kEfficiency = 9.01 * 35.8 / (1000.0 * 1.6864);  // PVWatts v8 standard module

TEST(Noct, WorkedExample) {
  // S 980 W/m2, 25 C, 2 m/s (0.51 * 2 = 1.02 at the module):
  // 25 + 980 / 800 * 25 * (1 - 0.19127 / 0.9) * 9.5 / (5.7 + 3.876) = 48.9251 C.
  EXPECT_NEAR(noct_cell_temperature_c(980.0, 2.0, 25.0, 45.0, kEfficiency), 48.9251, 1e-4);
  // Roof mounts (NOCT 49) run hotter by 4 / 25 of the rise.
  const double rise45 = noct_cell_temperature_c(980.0, 2.0, 25.0, 45.0, kEfficiency) - 25.0;
  const double rise49 = noct_cell_temperature_c(980.0, 2.0, 25.0, 49.0, kEfficiency) - 25.0;
  EXPECT_NEAR(rise49 / rise45, 29.0 / 25.0, 1e-12);
}

TEST(Noct, CalmAndDark) {
  // No light: air temperature. Calm or negative wind: 0.001 m/s at the module.
  EXPECT_DOUBLE_EQ(noct_cell_temperature_c(0.0, 3.0, 12.5, 45.0, kEfficiency), 12.5);
  EXPECT_DOUBLE_EQ(noct_cell_temperature_c(500.0, -1.0, 20.0, 45.0, kEfficiency),
                   noct_cell_temperature_c(500.0, 0.0, 20.0, 45.0, kEfficiency));
  EXPECT_NEAR(noct_cell_temperature_c(800.0, 0.0, 20.0, 45.0, kEfficiency),
              20.0 + 25.0 * (1.0 - kEfficiency / 0.9) * 9.5 / (5.7 + 0.0038), 1e-12);
}

TEST(Fuentes, SteadyStateAtNoctConditions) {
  // The convection and ground ratios are calibrated so that 800 W/m2, 20 C air and 1 m/s at the
  // module give the installed NOCT: the measurement-height wind for 1 m/s at 5 m is
  // (1 - 1e-4) / (5 / 9.144)^0.2 = 1.12824 m/s.
  const FuentesThermalModel model(45.0, 5.0, 1.0);
  EXPECT_NEAR(model.steady_state_c(800.0, 1.12824, 20.0), 45.0, 0.02);
  const FuentesThermalModel roof(49.0, 5.0, 1.0);
  EXPECT_NEAR(roof.steady_state_c(800.0, 1.12824, 20.0), 49.0, 0.02);
}

TEST(Fuentes, TransientAndNight) {
  FuentesThermalModel model(45.0, 5.0, 1.0);
  // Dark: the module is at air temperature and forgets the past.
  EXPECT_DOUBLE_EQ(model.step(0.0, 2.0, 10.0), 10.0);
  // More light, hotter; more wind, cooler.
  const double t500 = FuentesThermalModel(45.0, 5.0, 1.0).steady_state_c(500.0, 2.0, 25.0);
  const double t900 = FuentesThermalModel(45.0, 5.0, 1.0).steady_state_c(900.0, 2.0, 25.0);
  const double t900_windy = FuentesThermalModel(45.0, 5.0, 1.0).steady_state_c(900.0, 6.0, 25.0);
  EXPECT_GT(t900, t500);
  EXPECT_LT(t900_windy, t900);
  // With a one-minute step the module lags behind a step in irradiance (from air temperature).
  FuentesThermalModel fast(45.0, 5.0, 1.0 / 60.0);
  EXPECT_DOUBLE_EQ(fast.step(0.0, 2.0, 25.0), 25.0);
  const double first = fast.step(900.0, 2.0, 25.0);
  EXPECT_GT(first, 25.0);
  EXPECT_LT(first, t900 - 5.0);
}

TEST(Fuentes, RejectsBadParameters) {
  EXPECT_THROW(FuentesThermalModel(20.0, 5.0, 1.0), std::invalid_argument);
  EXPECT_THROW(FuentesThermalModel(45.0, 0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(FuentesThermalModel(45.0, 5.0, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace stargate::pv
