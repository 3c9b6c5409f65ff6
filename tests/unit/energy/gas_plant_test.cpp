#include "stargate/energy/gas_plant.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace stargate {
namespace {

// The default curve is the RTS-GMLC gas CT (113_CT_1) scaled to 9,300 Btu/kWh at full load.
// RTS fuel per kW of capacity: 0.4 * 13,125 = 5,250 Btu/h at 40 %; + 0.2 * 6,899 -> 6,629.8 at
// 60 %; + 0.2 * 7,602 -> 8,150.2 at 80 %; + 0.2 * 7,797 -> 9,709.6 at 100 % (= HR at full load).
constexpr double kScale = 9300.0 / 9709.6;

GasPlantParams one_unit(double capacity_kw) {
  GasPlantParams params;
  params.units = 1;
  params.unit_capacity_kw = capacity_kw;
  return params;
}

TEST(GasPlant, HeatRateAtFullAndPartLoad) {
  const GasPlant plant(GasPlantParams{});
  // Full load: 9,300 Btu/kWh (FACTS.md aeroderivative).
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(1.0), 9300.0, 1e-9);
  // 40 %: 13,125 * 9,300 / 9,709.6 = 12,571.32; 60 %: 6,629.8 / 0.6 * scale = 10,583.54;
  // 80 %: 8,150.2 / 0.8 * scale = 9,757.98.
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.4), 13125.0 * kScale, 1e-9);
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.6), 6629.8 / 0.6 * kScale, 1e-9);
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.8), 8150.2 / 0.8 * kScale, 1e-9);
  // 50 %, between points, fuel linear: (5,250 + 0.1 * 6,899) / 0.5 * scale = 11,378.65.
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.5), (5250.0 + 689.9) / 0.5 * kScale, 1e-9);
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.5), 11378.65, 0.01);
  // Incremental heat rates: the RTS segment slopes, scaled; the segment above a breakpoint.
  EXPECT_NEAR(plant.incremental_heat_rate_btu_per_kwh(0.5), 6899.0 * kScale, 1e-9);
  EXPECT_NEAR(plant.incremental_heat_rate_btu_per_kwh(0.6), 7602.0 * kScale, 1e-9);
  EXPECT_NEAR(plant.incremental_heat_rate_btu_per_kwh(1.0), 7797.0 * kScale, 1e-9);
  EXPECT_DOUBLE_EQ(plant.capacity_kw(), 360'000.0);
  const std::vector<HeatRatePoint> curve = aeroderivative_heat_rate_curve();
  ASSERT_EQ(curve.size(), 4U);
  EXPECT_NEAR(curve[0].heat_rate_btu_per_kwh, 12571.32, 0.01);
  EXPECT_NEAR(curve[1].heat_rate_btu_per_kwh, 10583.54, 0.01);
  EXPECT_NEAR(curve[2].heat_rate_btu_per_kwh, 9757.98, 0.01);
}

TEST(GasPlant, FuelAndCo2OfOneHundredMwh) {
  // One 100 MW unit at full load for 1 h: 100,000 kWh * 9,300 Btu/kWh = 930 MMBtu;
  // CO2 930 * 53.07 = 49,355.1 kg; fuel cost at 2.00 USD/MMBtu 1,860 USD; VOM 100 MWh * 4.7 = 470.
  GasPlant plant(one_unit(100'000.0));
  const GasStep step = plant.dispatch(100'000.0, 1.0, 2.00);
  EXPECT_DOUBLE_EQ(step.output_kw, 100'000.0);
  EXPECT_NEAR(step.fuel_mmbtu, 930.0, 1e-9);
  EXPECT_NEAR(step.co2_kg, 49'355.1, 1e-6);
  EXPECT_NEAR(step.fuel_cost_usd, 1'860.0, 1e-9);
  EXPECT_NEAR(step.vom_usd, 470.0, 1e-9);
  EXPECT_EQ(step.starts, 1);
  EXPECT_DOUBLE_EQ(step.start_cost_usd, 1'500.0);
  // A negative fuel price (Waha in 2024) is a credit, not an error.
  EXPECT_NEAR(plant.dispatch(100'000.0, 1.0, -1.0).fuel_cost_usd, -930.0, 1e-9);
}

TEST(GasPlant, CommitsTheFewestUnitsThatCarryTheRequest) {
  // Eight 45 MW units, minimum stable 40 % = 18 MW each.
  GasPlant plant(GasPlantParams{});
  // 100 MW: two units carry at most 90 MW, three carry 54..135 MW -> three at 33.3 MW.
  GasStep step = plant.dispatch(100'000.0, 1.0);
  EXPECT_EQ(step.units_on, 3);
  EXPECT_DOUBLE_EQ(step.output_kw, 100'000.0);
  EXPECT_EQ(step.starts, 3);
  EXPECT_DOUBLE_EQ(step.start_cost_usd, 3 * 1'500.0);
  // Fuel with equal sharing: 3 units at L = 0.7407 on the 60-80 % segment:
  // per unit (6,629.8 + (0.7407 - 0.6) * 7,602) * 45,000 * scale Btu/h.
  const double load = 100'000.0 / 135'000.0;
  const double unit_btu_per_h = (6629.8 + (load - 0.6) * 7602.0) * 45'000.0 * kScale;
  EXPECT_NEAR(step.fuel_mmbtu, 3.0 * unit_btu_per_h / 1e6, 1e-9);
  // Same request next step: no new start, no start cost (a start is paid once).
  step = plant.dispatch(100'000.0, 1.0);
  EXPECT_EQ(step.starts, 0);
  EXPECT_DOUBLE_EQ(step.start_cost_usd, 0.0);
  // 200 MW: four carry 180 MW -> five units, two starts.
  step = plant.dispatch(200'000.0, 1.0);
  EXPECT_EQ(step.units_on, 5);
  EXPECT_EQ(step.starts, 2);
  // 400 MW: all eight at full, 40 MW short.
  step = plant.dispatch(400'000.0, 1.0);
  EXPECT_EQ(step.units_on, 8);
  EXPECT_DOUBLE_EQ(step.output_kw, 360'000.0);
  EXPECT_DOUBLE_EQ(step.shortfall_kw, 40'000.0);
  // 60 MW: two units (stopping six is free); back up to 100 MW restarts one unit.
  EXPECT_EQ(plant.dispatch(60'000.0, 1.0).units_on, 2);
  step = plant.dispatch(100'000.0, 1.0);
  EXPECT_EQ(step.units_on, 3);
  EXPECT_EQ(step.starts, 1);
}

TEST(GasPlant, BelowMinimumStableLoadRunsOnlyWhenOverproductionIsAllowed) {
  // 10 MW request < 18 MW minimum of one unit.
  GasPlant strict(GasPlantParams{});
  GasStep step = strict.dispatch(10'000.0, 1.0);
  EXPECT_EQ(step.units_on, 0);
  EXPECT_DOUBLE_EQ(step.output_kw, 0.0);
  EXPECT_DOUBLE_EQ(step.shortfall_kw, 10'000.0);
  EXPECT_DOUBLE_EQ(step.fuel_mmbtu, 0.0);
  GasPlantParams params;
  params.allow_overproduction = true;
  GasPlant loose(params);
  step = loose.dispatch(10'000.0, 1.0);
  EXPECT_EQ(step.units_on, 1);
  EXPECT_DOUBLE_EQ(step.output_kw, 18'000.0);
  EXPECT_DOUBLE_EQ(step.surplus_kw, 8'000.0);
  // A gap between unit counts: two 100 MW units at 60 % minimum; 110 MW is above one unit's
  // 100 MW and below two units' 120 MW minimum -> strict: one unit at 100 MW; loose: two at 60.
  GasPlantParams gap = one_unit(100'000.0);
  gap.units = 2;
  gap.min_stable_fraction = 0.6;
  GasPlant gap_strict(gap);
  step = gap_strict.dispatch(110'000.0, 1.0);
  EXPECT_EQ(step.units_on, 1);
  EXPECT_DOUBLE_EQ(step.output_kw, 100'000.0);
  gap.allow_overproduction = true;
  GasPlant gap_loose(gap);
  step = gap_loose.dispatch(110'000.0, 1.0);
  EXPECT_EQ(step.units_on, 2);
  EXPECT_DOUBLE_EQ(step.output_kw, 120'000.0);
}

TEST(GasPlant, RampLimitsFromThePreviousOutput) {
  // One 45 MW unit, 1 MW/min, 5-minute steps: 5 MW per step. Started from cold it reaches its
  // 18 MW minimum stable load (start-up to minimum load within a step), then 23, 28 MW.
  GasPlantParams params = one_unit(45'000.0);
  params.ramp_kw_per_min = 1'000.0;
  GasPlant plant(params);
  const double step_h = 5.0 / 60.0;
  EXPECT_DOUBLE_EQ(plant.max_output_kw(step_h), 18'000.0);
  EXPECT_NEAR(plant.dispatch(45'000.0, step_h).output_kw, 18'000.0, 1e-9);
  EXPECT_NEAR(plant.max_output_kw(step_h), 23'000.0, 1e-9);
  EXPECT_NEAR(plant.dispatch(45'000.0, step_h).output_kw, 23'000.0, 1e-9);
  GasStep step = plant.dispatch(45'000.0, step_h);
  EXPECT_NEAR(step.output_kw, 28'000.0, 1e-9);
  EXPECT_NEAR(step.shortfall_kw, 17'000.0, 1e-9);
  // Down to 20 MW: the unit may only fall to 28 - 5 = 23 MW and cannot stop from above
  // max(18, 5) MW: 23 MW, 3 MW surplus.
  step = plant.dispatch(20'000.0, step_h);
  EXPECT_NEAR(step.output_kw, 23'000.0, 1e-9);
  EXPECT_NEAR(step.surplus_kw, 3'000.0, 1e-9);
  EXPECT_EQ(step.starts, 0);
  // Then 18 MW, then it may stop.
  EXPECT_NEAR(plant.dispatch(0.0, step_h).output_kw, 18'000.0, 1e-9);
  EXPECT_DOUBLE_EQ(plant.dispatch(0.0, step_h).output_kw, 0.0);
  EXPECT_EQ(plant.state().units_on, 0);
}

TEST(GasPlant, MinimumUpTimeKeepsAStartedUnitOn) {
  // Minimum up time 2 h, hourly steps: started at step 1, it cannot stop at step 2 (1 h since the
  // start) and runs at its 18 MW minimum; at step 3 (2 h) it stops.
  GasPlantParams params = one_unit(45'000.0);
  params.min_up_time_h = 2.0;
  GasPlant plant(params);
  EXPECT_EQ(plant.dispatch(30'000.0, 1.0).starts, 1);
  EXPECT_DOUBLE_EQ(plant.state().hours_since_start, 1.0);
  EXPECT_DOUBLE_EQ(plant.dispatch(0.0, 1.0).output_kw, 18'000.0);
  EXPECT_DOUBLE_EQ(plant.dispatch(0.0, 1.0).output_kw, 0.0);
}

TEST(GasPlant, MarginalCost) {
  // Default plant at full load (360 MW, L = 1): IHR 7,797 * scale = 7,468.08 Btu/kWh;
  // at 2 USD/MMBtu: 7,468.08 * 2 / 1000 + 4.7 = 19.636 USD/MWh. With 50 USD/t CO2 the fuel costs
  // 2 + 53.07 * 50 / 1000 = 4.6535 USD/MMBtu: 7,468.08 * 4.6535 / 1000 + 4.7 = 39.453 USD/MWh.
  const GasPlant plant(GasPlantParams{});
  EXPECT_NEAR(plant.marginal_cost_usd_per_mwh(360'000.0, 2.0), 7797.0 * kScale * 2.0e-3 + 4.7,
              1e-9);
  EXPECT_NEAR(plant.marginal_cost_usd_per_mwh(360'000.0, 2.0), 19.636, 1e-3);
  EXPECT_NEAR(plant.marginal_cost_usd_per_mwh(360'000.0, 2.0, 50.0),
              7797.0 * kScale * 4.6535e-3 + 4.7, 1e-9);
  // 100 MW: three units at 74 % -> the 60-80 % segment, 7,602 * scale.
  EXPECT_NEAR(plant.marginal_cost_usd_per_mwh(100'000.0, 2.0), 7602.0 * kScale * 2.0e-3 + 4.7,
              1e-9);
  // Nothing running: one unit at its 40 % minimum -> the 40-60 % segment, 6,899 * scale.
  EXPECT_NEAR(plant.marginal_cost_usd_per_mwh(0.0, 2.0), 6899.0 * kScale * 2.0e-3 + 4.7, 1e-9);
}

TEST(GasPlant, ConstantHeatRateFromASinglePoint) {
  GasPlantParams params = one_unit(50'000.0);
  params.heat_rate_curve = {{1.0, 10'000.0}};
  params.min_stable_fraction = 0.0;
  GasPlant plant(params);
  EXPECT_NEAR(plant.heat_rate_btu_per_kwh(0.3), 10'000.0, 1e-9);
  EXPECT_NEAR(plant.incremental_heat_rate_btu_per_kwh(0.3), 10'000.0, 1e-9);
  // 20 MW for half an hour: 10,000 kWh * 10,000 Btu/kWh = 100 MMBtu.
  EXPECT_NEAR(plant.dispatch(20'000.0, 0.5).fuel_mmbtu, 100.0, 1e-9);
}

TEST(GasPlant, InvalidParamsThrow) {
  const auto throws = [](auto mutate) {
    GasPlantParams params;
    mutate(params);
    EXPECT_THROW(GasPlant{params}, std::invalid_argument);
  };
  throws([](GasPlantParams& p) { p.units = 0; });
  throws([](GasPlantParams& p) { p.unit_capacity_kw = -45'000.0; });
  throws([](GasPlantParams& p) { p.min_stable_fraction = 1.5; });
  throws([](GasPlantParams& p) { p.ramp_kw_per_min = -1.0; });
  throws([](GasPlantParams& p) { p.start_cost_usd = -1.0; });
  throws([](GasPlantParams& p) { p.co2_kg_per_mmbtu = -53.07; });
  throws([](GasPlantParams& p) { p.heat_rate_curve.clear(); });
  throws([](GasPlantParams& p) { p.heat_rate_curve = {{0.5, 10'000.0}}; });  // not ending at 1
  throws([](GasPlantParams& p) {
    p.heat_rate_curve = {{0.6, 10'000.0}, {0.5, 11'000.0}, {1, 9e3}};
  });
  throws([](GasPlantParams& p) { p.heat_rate_curve = {{0.5, -1.0}, {1.0, 9'000.0}}; });
  throws([](GasPlantParams& p) {
    p.heat_rate_curve = {{0.5, 30'000.0}, {1.0, 9'000.0}};
  });  // fuel falls
  EXPECT_THROW((GasPlant{GasPlantParams{}, GasPlantState{9, 0.0, 0.0}}), std::invalid_argument);
  EXPECT_THROW((GasPlant{GasPlantParams{}, GasPlantState{1, 5'000.0, 0.0}}), std::invalid_argument);
  EXPECT_NO_THROW((GasPlant{GasPlantParams{}, GasPlantState{2, 60'000.0, 3.0}}));
}

}  // namespace
}  // namespace stargate
