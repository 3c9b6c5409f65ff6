#include "stargate/energy/battery.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

BatteryParams simple_params() {
  BatteryParams params;
  params.power_kw = 100.0;
  params.energy_kwh = 200.0;
  params.initial_soc_fraction = 0.0;
  return params;
}

TEST(Battery, RoundTripAtFactsEfficiency) {
  // eta_c = eta_d = 0.922. Charge 100 kW for 1 h: 100 * 1 * 0.922 = 92.2 kWh stored, 7.8 kWh lost.
  // Discharge all: 92.2 * 0.922 = 85.0084 kWh delivered over 1 h (85.0084 kW < the 100 kW limit),
  // 7.1916 kWh lost; round trip 85.0084 / 100 = 0.922^2 = 0.850.
  Battery battery(simple_params());
  EXPECT_DOUBLE_EQ(battery.charge(100.0, 1.0), 100.0);
  EXPECT_NEAR(battery.state().soc_kwh, 92.2, 1e-12);
  EXPECT_NEAR(battery.max_discharge_kw(1.0), 85.0084, 1e-9);
  EXPECT_NEAR(battery.discharge(100.0, 1.0), 85.0084, 1e-9);
  EXPECT_NEAR(battery.state().soc_kwh, 0.0, 1e-12);
  EXPECT_NEAR(battery.state().loss_kwh, 100.0 - 85.0084, 1e-9);
  EXPECT_NEAR(battery.state().throughput_kwh, 2.0 * 92.2, 1e-9);
  EXPECT_DOUBLE_EQ(battery.discharge(10.0, 1.0), 0.0);  // empty
}

TEST(Battery, StateOfChargeLimits) {
  // 100 kWh, SOC window 10..90 %, start 50 kWh, eta_c 0.9, eta_d 0.95, power 1 MW (not binding).
  // Headroom 90 - 50 = 40 kWh -> max charge over 1 h = 40 / 0.9 = 44.444 kW.
  // Then available 90 - 10 = 80 kWh -> max discharge over 0.5 h = 80 * 0.95 / 0.5 = 152 kW.
  BatteryParams params;
  params.power_kw = 1000.0;
  params.energy_kwh = 100.0;
  params.soc_min_fraction = 0.1;
  params.soc_max_fraction = 0.9;
  params.initial_soc_fraction = 0.5;
  params.charge_efficiency = 0.9;
  params.discharge_efficiency = 0.95;
  Battery battery(params);
  EXPECT_NEAR(battery.max_charge_kw(1.0), 40.0 / 0.9, 1e-9);
  EXPECT_NEAR(battery.charge(1000.0, 1.0), 40.0 / 0.9, 1e-9);
  EXPECT_NEAR(battery.state().soc_kwh, 90.0, 1e-9);
  EXPECT_NEAR(battery.soc_fraction(), 0.9, 1e-12);
  EXPECT_DOUBLE_EQ(battery.charge(10.0, 1.0), 0.0);  // full
  EXPECT_NEAR(battery.max_discharge_kw(0.5), 152.0, 1e-9);
  EXPECT_NEAR(battery.discharge(1000.0, 0.5), 152.0, 1e-9);
  EXPECT_NEAR(battery.state().soc_kwh, 10.0, 1e-9);
  EXPECT_DOUBLE_EQ(battery.max_discharge_kw(0.5), 0.0);
}

TEST(Battery, SeparateChargeAndDischargePowerLimits) {
  // 1 MWh half full; power_kw 50 but charge limited to 20 kW and discharge to 30 kW.
  BatteryParams params;
  params.power_kw = 50.0;
  params.charge_power_kw = 20.0;
  params.discharge_power_kw = 30.0;
  params.energy_kwh = 1000.0;
  Battery battery(params);
  EXPECT_DOUBLE_EQ(battery.max_charge_kw(1.0), 20.0);
  EXPECT_DOUBLE_EQ(battery.max_discharge_kw(1.0), 30.0);
  EXPECT_DOUBLE_EQ(battery.charge(100.0, 1.0), 20.0);
  EXPECT_DOUBLE_EQ(battery.discharge(100.0, 1.0), 30.0);
  EXPECT_DOUBLE_EQ(battery.step(-100.0, 1.0), -20.0);
  EXPECT_DOUBLE_EQ(battery.step(100.0, 1.0), 30.0);
  // Without overrides both limits are power_kw.
  params.charge_power_kw.reset();
  params.discharge_power_kw.reset();
  EXPECT_DOUBLE_EQ(params.charge_limit_kw(), 50.0);
  EXPECT_DOUBLE_EQ(params.discharge_limit_kw(), 50.0);
}

TEST(Battery, SelfDischargeCompoundsExactlyForAnyStep) {
  // 1 %/day on 1,000 kWh: one idle day leaves 1000 * 0.99 = 990 kWh; 24 idle hours leave
  // 1000 * (0.99^(1/24))^24 = 990 kWh as well; a second day 990 * 0.99 = 980.1 kWh.
  BatteryParams params;
  params.power_kw = 100.0;
  params.energy_kwh = 1000.0;
  params.initial_soc_fraction = 1.0;
  params.self_discharge_per_day = 0.01;
  Battery daily(params);
  daily.idle(24.0);
  EXPECT_NEAR(daily.state().soc_kwh, 990.0, 1e-9);
  EXPECT_NEAR(daily.state().loss_kwh, 10.0, 1e-9);
  Battery hourly(params);
  for (int hour = 0; hour < 48; ++hour) {
    hourly.idle(1.0);
  }
  EXPECT_NEAR(hourly.state().soc_kwh, 980.1, 1e-9);
  // max_discharge_kw accounts for the loss of the coming step: (990 * 0.99^(1/24)) * 0.922 / 1
  // over one hour is above the 100 kW limit; over 24 h it is 980.1 * 0.922 / 24 = 37.65 kW.
  EXPECT_NEAR(daily.max_discharge_kw(24.0), 980.1 * 0.922 / 24.0, 1e-9);
}

TEST(Battery, OneCallIsOneStepSoNeverChargeAndDischargeTogether) {
  // The API has no "charge and discharge" call: step() takes one signed power (positive
  // discharges, negative charges) and every call advances the clock by one step. A charge call
  // followed by a discharge call is two steps, visible through self-discharge applied twice.
  BatteryParams params;
  params.power_kw = 100.0;
  params.energy_kwh = 1000.0;
  params.initial_soc_fraction = 0.5;
  params.self_discharge_per_day = 0.5;
  params.charge_efficiency = 1.0;
  params.discharge_efficiency = 1.0;
  Battery battery(params);
  // 12 h steps keep sqrt(0.5) of the energy each. Step 1: 500 * 0.70711 = 353.55, + 50 * 12 = 600
  // -> 953.55 kWh. Step 2: 953.55 * 0.70711 = 674.27, - 20 * 12 = 240 -> 434.27 kWh.
  const double kept = std::sqrt(0.5);
  EXPECT_DOUBLE_EQ(battery.step(-50.0, 12.0), -50.0);
  EXPECT_NEAR(battery.state().soc_kwh, 500.0 * kept + 600.0, 1e-9);
  EXPECT_DOUBLE_EQ(battery.step(20.0, 12.0), 20.0);
  EXPECT_NEAR(battery.state().soc_kwh, (500.0 * kept + 600.0) * kept - 240.0, 1e-9);
  // A signed step moves energy one way only: the throughput is exactly one direction's energy.
  Battery clean(simple_params());
  const double before_kwh = clean.state().throughput_kwh;
  EXPECT_LE(clean.step(-30.0, 1.0), 0.0);
  EXPECT_NEAR(clean.state().throughput_kwh - before_kwh, 30.0 * 0.922, 1e-12);
  EXPECT_DOUBLE_EQ(clean.step(0.0, 1.0), 0.0);
}

TEST(Battery, EnergyBalanceOverAMixedSchedule) {
  // AC in - AC out = change of stored energy + losses, at every step.
  BatteryParams params = simple_params();
  params.initial_soc_fraction = 0.3;
  params.soc_min_fraction = 0.05;
  params.self_discharge_per_day = 0.02;
  Battery battery(params);
  const double soc0_kwh = battery.state().soc_kwh;
  double in_kwh = 0.0;
  double out_kwh = 0.0;
  const double step_h = 0.25;
  for (int i = 0; i < 400; ++i) {
    const double request_kw = 150.0 * std::sin(0.07 * i) + 20.0 * std::cos(0.31 * i);
    const double flow_kw = battery.step(request_kw, step_h);
    (flow_kw > 0.0 ? out_kwh : in_kwh) += std::abs(flow_kw) * step_h;
    const double soc_kwh = battery.state().soc_kwh;
    EXPECT_NEAR(in_kwh - out_kwh, soc_kwh - soc0_kwh + battery.state().loss_kwh, 1e-9);
    EXPECT_LE(soc_kwh, params.soc_max_fraction * params.energy_kwh + 1e-9);
    EXPECT_GE(soc_kwh, 0.0);
  }
  EXPECT_GT(in_kwh, 0.0);
  EXPECT_GT(out_kwh, 0.0);
}

TEST(Battery, FadeReducesCapacityAndSpillsEnergyAboveTheLimit) {
  // 100 kWh at 90 %; fade of 20 % of nameplate: capacity 80 kWh, stored energy clamped from 90 to
  // 80 kWh (10 kWh counted as loss); the battery is then full.
  BatteryParams params = simple_params();
  params.energy_kwh = 100.0;
  params.initial_soc_fraction = 0.9;
  Battery battery(params);
  battery.apply_fade(0.2);
  EXPECT_DOUBLE_EQ(battery.state().capacity_kwh, 80.0);
  EXPECT_DOUBLE_EQ(battery.capacity_fraction(), 0.8);
  EXPECT_DOUBLE_EQ(battery.state().soc_kwh, 80.0);
  EXPECT_DOUBLE_EQ(battery.state().loss_kwh, 10.0);
  EXPECT_DOUBLE_EQ(battery.soc_fraction(), 1.0);
  EXPECT_DOUBLE_EQ(battery.max_charge_kw(1.0), 0.0);
  battery.apply_fade(2.0);  // more than is left: capacity 0
  EXPECT_DOUBLE_EQ(battery.state().capacity_kwh, 0.0);
  EXPECT_DOUBLE_EQ(battery.soc_fraction(), 0.0);
}

TEST(Battery, CyclesToEndOfLifeFollowTheDepthStressLaw) {
  // N(d) = 6,000 * (d / 0.8)^-1.5: N(0.8) = 6,000; N(0.4) = 6,000 * 2^1.5 = 16,970.56;
  // N(1.0) = 6,000 * 1.25^-1.5 = 4,293.25.
  const BatteryParams params;
  EXPECT_DOUBLE_EQ(cycles_to_end_of_life(params, 0.8), 6000.0);
  EXPECT_NEAR(cycles_to_end_of_life(params, 0.4), 16970.5627, 1e-3);
  EXPECT_NEAR(cycles_to_end_of_life(params, 1.0), 4293.2505, 1e-3);
  // Two cycles at 40 % depth do less damage than one at 80 %: 2 / 16,970.56 < 1 / 6,000.
  const std::vector<RainflowCycle> shallow{{0.4, 0.5, 1.0, 0, 1}, {0.4, 0.5, 1.0, 2, 3}};
  const std::vector<RainflowCycle> deep{{0.8, 0.5, 1.0, 0, 1}};
  EXPECT_LT(cycle_damage(params, shallow), cycle_damage(params, deep));
  EXPECT_NEAR(cycle_damage(params, deep), 1.0 / 6000.0, 1e-15);
}

TEST(Battery, DegradationOfAYearOfDailyCyclesAtEightyPercentDepth) {
  // 365 cycles between 10 % and 90 % SOC: 731 samples 0.1, 0.9, 0.1, ... spread over one year
  // (step 8760 / 731 h). Rainflow (5.4.4) counts 730 half cycles of depth 0.8 (equal ranges always
  // reach the start point), i.e. 365 cycles. Damage D = 730 * 0.5 / N(0.8) = 365 / 6,000 =
  // 0.060833; cycle fade = D * (1 - 0.8) = 0.012167; calendar fade = 0.015 * 1 = 0.015; capacity
  // left 1 - 0.027167 = 0.972833. Equivalent full cycles = sum |dSOC| / 2 = 730 * 0.8 / 2 = 292.
  const BatteryParams params;
  std::vector<double> soc;
  for (int i = 0; i <= 730; ++i) {
    soc.push_back(i % 2 == 0 ? 0.1 : 0.9);
  }
  const double step_h = 8760.0 / 731.0;
  const DegradationResult year = assess_degradation(params, soc, step_h, 1.0);
  EXPECT_NEAR(year.history_years, 1.0, 1e-12);
  EXPECT_EQ(year.full_cycles, 0.0);
  EXPECT_EQ(year.half_cycles, 730.0);
  EXPECT_NEAR(year.cycle_damage, 365.0 / 6000.0, 1e-12);
  EXPECT_NEAR(year.cycle_fade_fraction, 0.2 * 365.0 / 6000.0, 1e-12);
  EXPECT_NEAR(year.calendar_fade_fraction, 0.015, 1e-15);
  EXPECT_NEAR(year.capacity_fraction, 1.0 - 0.2 * 365.0 / 6000.0 - 0.015, 1e-12);
  EXPECT_NEAR(year.equivalent_full_cycles, 292.0, 1e-9);
  // The same year repeated for ten years: ten times the damage and the calendar fade.
  const DegradationResult decade = assess_degradation(params, soc, step_h, 10.0);
  EXPECT_NEAR(decade.cycle_damage, 3650.0 / 6000.0, 1e-10);
  EXPECT_NEAR(decade.capacity_fraction, 1.0 - 0.2 * 3650.0 / 6000.0 - 0.15, 1e-10);
  EXPECT_NEAR(decade.equivalent_full_cycles, 2920.0, 1e-8);
  // The battery applies the fade the caller reports.
  BatteryParams sized = params;
  sized.power_kw = 100.0;
  sized.energy_kwh = 400.0;
  Battery battery(sized);
  battery.apply_fade(year.cycle_fade_fraction + year.calendar_fade_fraction);
  EXPECT_NEAR(battery.capacity_fraction(), year.capacity_fraction, 1e-12);
}

TEST(Battery, DegradationOfAnIdleHistoryIsCalendarOnly) {
  const BatteryParams params;
  const std::vector<double> flat(8760, 0.5);
  const DegradationResult result = assess_degradation(params, flat, 1.0, 2.0);
  EXPECT_EQ(result.cycle_damage, 0.0);
  EXPECT_EQ(result.equivalent_full_cycles, 0.0);
  EXPECT_NEAR(result.capacity_fraction, 1.0 - 0.03, 1e-12);
  const DegradationResult empty = assess_degradation(params, {}, 1.0, 1.0);
  EXPECT_EQ(empty.cycle_damage, 0.0);
  EXPECT_NEAR(empty.capacity_fraction, 0.985, 1e-12);
  EXPECT_THROW((void)assess_degradation(params, flat, 0.0, 1.0), std::invalid_argument);
  EXPECT_THROW((void)assess_degradation(params, flat, 1.0, -1.0), std::invalid_argument);
}

TEST(Battery, InvalidParamsThrow) {
  const auto throws = [](auto mutate) {
    BatteryParams params = simple_params();
    mutate(params);
    EXPECT_THROW(Battery{params}, std::invalid_argument);
  };
  throws([](BatteryParams& p) { p.energy_kwh = -1.0; });
  throws([](BatteryParams& p) { p.power_kw = -5.0; });
  throws([](BatteryParams& p) { p.charge_power_kw = -1.0; });
  throws([](BatteryParams& p) { p.discharge_power_kw = std::numeric_limits<double>::infinity(); });
  throws([](BatteryParams& p) { p.charge_efficiency = 0.0; });
  throws([](BatteryParams& p) { p.discharge_efficiency = 1.2; });
  throws([](BatteryParams& p) {
    p.soc_min_fraction = 0.6;
    p.soc_max_fraction = 0.4;
  });
  throws([](BatteryParams& p) { p.initial_soc_fraction = 1.5; });
  throws([](BatteryParams& p) {
    p.soc_min_fraction = 0.2;
    p.initial_soc_fraction = 0.1;
  });
  throws([](BatteryParams& p) { p.self_discharge_per_day = 1.0; });
  throws([](BatteryParams& p) { p.calendar_fade_per_year = -0.01; });
  throws([](BatteryParams& p) { p.cycle_life = 0.0; });
  throws([](BatteryParams& p) { p.cycle_life_dod = 0.0; });
  throws([](BatteryParams& p) { p.dod_stress_exponent = std::nan(""); });
  throws([](BatteryParams& p) { p.end_of_life_capacity_fraction = 1.0; });
  EXPECT_NO_THROW(Battery{simple_params()});
  // A zero-energy battery is valid and does nothing.
  BatteryParams none;
  Battery empty(none);
  EXPECT_DOUBLE_EQ(empty.step(-10.0, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(empty.soc_fraction(), 0.0);
}

}  // namespace
}  // namespace stargate
