// Rule-based dispatch on one step with hand-derived flows.
#include "stargate/dispatch/rule_dispatch.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace stargate {
namespace {

constexpr double kStepH = 1.0;

BatteryParams battery_params() {
  BatteryParams params;
  params.power_kw = 100.0;
  params.energy_kwh = 400.0;
  params.soc_min_fraction = 0.0;
  params.soc_max_fraction = 1.0;
  params.initial_soc_fraction = 0.5;
  params.self_discharge_per_day = 0.0;
  return params;
}

// Two 100 kW units without a start cost: the merit order of fuel alone (starts: below).
GasPlantParams gas_params() {
  GasPlantParams params;
  params.units = 2;
  params.unit_capacity_kw = 100.0;
  params.min_stable_fraction = 0.4;
  params.ramp_kw_per_min = 100.0;
  params.start_cost_usd = 0.0;
  return params;
}

double balance_error(const DispatchInput& in, const DispatchFlows& f) {
  return (in.solar_kw + in.wind_kw - f.curtailed_kw + f.battery_discharge_kw + f.gas_kw +
          f.grid_import_kw + f.unserved_kw) -
         (in.load_kw + f.battery_charge_kw + f.grid_export_kw + f.overgeneration_kw);
}

TEST(RuleDispatch, SurplusChargesThenExportsThenCurtails) {
  Battery battery(battery_params());
  std::vector<Battery*> batteries{&battery};
  DispatchRules rules;
  rules.import_limit_kw = 1000.0;
  rules.export_limit_kw = 50.0;
  const DispatchInput in{
      .load_kw = 100.0, .solar_kw = 300.0, .wind_kw = 0.0, .price_usd_per_mwh = 30.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  // Surplus 200 kW: 100 kW into the battery (power limit), 50 kW exported, 50 kW curtailed.
  EXPECT_DOUBLE_EQ(f.battery_charge_kw, 100.0);
  EXPECT_DOUBLE_EQ(f.grid_export_kw, 50.0);
  EXPECT_DOUBLE_EQ(f.curtailed_kw, 50.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 0.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

TEST(RuleDispatch, NegativePriceMeansNoExport) {
  DispatchRules rules;
  rules.export_limit_kw = 50.0;
  const DispatchInput in{.load_kw = 100.0, .solar_kw = 300.0, .price_usd_per_mwh = -5.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{}, kStepH);
  EXPECT_DOUBLE_EQ(f.grid_export_kw, 0.0);
  EXPECT_DOUBLE_EQ(f.curtailed_kw, 200.0);
}

TEST(RuleDispatch, DeficitInMeritOrder) {
  // Price 100 $/MWh: the battery (60) is cheaper than the grid, gas (~9,300 Btu/kWh x 2 $/MMBtu
  // + 4.7 = ~24 $/MWh) cheapest. Load 500 kW: gas 200 kW (two units), battery 100 kW, grid 200.
  Battery battery(battery_params());
  GasPlant gas(gas_params());
  std::vector<Battery*> batteries{&battery};
  std::vector<GasPlant*> plants{&gas};
  const std::vector<double> fuel{2.0};
  DispatchRules rules;
  rules.import_limit_kw = 1000.0;
  const DispatchInput in{.load_kw = 500.0, .price_usd_per_mwh = 100.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{batteries, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 200.0);
  EXPECT_DOUBLE_EQ(f.battery_discharge_kw, 100.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 200.0);
  EXPECT_DOUBLE_EQ(f.unserved_kw, 0.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

TEST(RuleDispatch, CheapGridComesFirstAndLimitsLeaveUnserved) {
  Battery battery(battery_params());
  std::vector<Battery*> batteries{&battery};
  DispatchRules rules;
  rules.import_limit_kw = 300.0;
  rules.battery_charge_from_grid = false;
  // Price 25 < battery 60: grid first (300 kW at its limit), then the battery (100 kW); 100 kW
  // is left unserved.
  const DispatchInput in{.load_kw = 500.0, .price_usd_per_mwh = 25.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 300.0);
  EXPECT_DOUBLE_EQ(f.battery_discharge_kw, 100.0);
  EXPECT_DOUBLE_EQ(f.unserved_kw, 100.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

TEST(RuleDispatch, CheapHoursChargeFromTheGridWithinHeadroom) {
  Battery battery(battery_params());
  std::vector<Battery*> batteries{&battery};
  DispatchRules rules;
  rules.import_limit_kw = 150.0;
  const DispatchInput in{.load_kw = 100.0, .price_usd_per_mwh = 10.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  // Load 100 kW from the grid, then 50 kW of headroom charges the battery.
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 150.0);
  EXPECT_DOUBLE_EQ(f.battery_charge_kw, 50.0);
  EXPECT_DOUBLE_EQ(f.battery_charge_from_grid_kw, 50.0);
  EXPECT_DOUBLE_EQ(f.battery_discharge_kw, 0.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

TEST(RuleDispatch, CarbonPriceReordersGridAndGas) {
  // Grid 30 $/MWh at 800 kg/MWh with 100 $/t -> 110 $/MWh; gas ~24 + 0.0093 MMBtu/kWh x 53.07
  // kg/MMBtu x 100 $/t = ~73 $/MWh: gas first.
  GasPlant gas(gas_params());
  std::vector<GasPlant*> plants{&gas};
  const std::vector<double> fuel{2.0};
  DispatchRules rules;
  rules.import_limit_kw = 1000.0;
  rules.carbon_price_usd_per_t = 100.0;
  const DispatchInput in{
      .load_kw = 150.0, .price_usd_per_mwh = 30.0, .grid_carbon_kg_per_mwh = 800.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 150.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 0.0);
  EXPECT_GT(f.gas_co2_kg, 0.0);
}

TEST(RuleDispatch, GasBelowMinimumStableLoadFallsBackToTheGrid) {
  // 30 kW is below one unit's 40 kW minimum: the plant stays off and the grid serves it.
  GasPlant gas(gas_params());
  std::vector<GasPlant*> plants{&gas};
  const std::vector<double> fuel{2.0};
  DispatchRules rules;
  rules.import_limit_kw = 1000.0;
  const DispatchInput in{.load_kw = 30.0, .price_usd_per_mwh = 100.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 0.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 30.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(RuleDispatchMinimumLoad, GasStartsAtMinimumWhenTheGridIsFull) {
  // Grid limit 100 kW (cheapest at 10 $/MWh), load 130 kW: 30 kW is below one unit's 40 kW
  // minimum. The unit runs at 40 kW and grid import falls to 90 kW; nothing is unserved.
  GasPlant gas(gas_params());
  std::vector<GasPlant*> plants{&gas};
  const std::vector<double> fuel{2.0};
  DispatchRules rules;
  rules.import_limit_kw = 100.0;
  rules.battery_charge_from_grid = false;
  const DispatchInput in{.load_kw = 130.0, .price_usd_per_mwh = 10.0};
  const DispatchFlows f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 40.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 90.0);
  EXPECT_DOUBLE_EQ(f.unserved_kw, 0.0);
  EXPECT_DOUBLE_EQ(f.curtailed_kw, 0.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

TEST(RuleDispatch, ColdGasPaysItsStartOverTheHoursItWouldRun) {
  // One 45 MW unit at 9,300 Btu/kWh full load, 2 $/MMBtu, VOM 4.7, start 1,500 $: warm at full
  // load it costs HR(1) x 2 / 1000 + 4.7 $/MWh; cold, the start adds 1,500 $ / (45 MWh x the
  // hours it would run). At a grid price of 40 $/MWh for this hour only, 1,500 / 45 = 33.3 $/MWh
  // more: the grid serves. With 40 $/MWh for the next 8 hours, 1,500 / (8 x 45) = 4.2: gas.
  GasPlantParams params;
  params.units = 1;
  params.unit_capacity_kw = 45'000.0;
  params.ramp_kw_per_min = 45'000.0;
  GasPlant gas(params);
  const double warm = gas.warm_full_load_cost_usd_per_mwh(2.0);
  EXPECT_NEAR(warm, gas.heat_rate_btu_per_kwh(1.0) * 2.0 / 1000.0 + 4.7, 1e-9);
  EXPECT_NEAR(gas.full_cost_usd_per_mwh(45'000.0, 2.0), warm + 1500.0 / 45.0, 1e-9);
  EXPECT_NEAR(gas.full_cost_usd_per_mwh(45'000.0, 2.0, 0.0, 8.0), warm + 1500.0 / 360.0, 1e-9);
  // Carbon at the real (average) emission rate: + HR x 53.07 kg/MMBtu x 100 $/t.
  EXPECT_NEAR(gas.warm_full_load_cost_usd_per_mwh(2.0, 100.0) - warm,
              gas.heat_rate_btu_per_kwh(1.0) / 1000.0 * 53.07 * 0.1, 1e-9);

  std::vector<GasPlant*> plants{&gas};
  const std::vector<double> fuel{2.0};
  DispatchRules rules;
  rules.import_limit_kw = 100'000.0;
  const std::vector<double> one_hour{40.0};
  DispatchInput in{.load_kw = 45'000.0, .price_usd_per_mwh = 40.0};
  in.prices_ahead_usd_per_mwh = one_hour;
  DispatchFlows f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 0.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 45'000.0);
  const std::vector<double> eight_hours(8, 40.0);
  in.prices_ahead_usd_per_mwh = eight_hours;
  f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 45'000.0);
  EXPECT_EQ(f.gas_starts, 1);
  // Warm now: at 30 $/MWh (above the warm cost, ~23) it keeps running without a start.
  in.price_usd_per_mwh = 30.0;
  in.prices_ahead_usd_per_mwh = {};
  f = dispatch_step(rules, in, DispatchAssets{{}, plants, fuel}, kStepH);
  EXPECT_DOUBLE_EQ(f.gas_kw, 45'000.0);
  EXPECT_EQ(f.gas_starts, 0);
}

TEST(RuleDispatch, BatteryUsesTheStepsSignals) {
  // Stored energy valued at 40 $/MWh: at a grid price of 35 the grid serves and the battery
  // waits; at 45 the battery serves first. A charge signal of 12 charges it from the grid at 10.
  Battery battery(battery_params());
  std::vector<Battery*> batteries{&battery};
  DispatchRules rules;
  rules.import_limit_kw = 1000.0;
  DispatchInput in{.load_kw = 50.0, .price_usd_per_mwh = 35.0};
  in.battery_charge_below_usd_per_mwh = 12.0;
  in.battery_value_usd_per_mwh = 40.0;
  DispatchFlows f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  EXPECT_DOUBLE_EQ(f.battery_discharge_kw, 0.0);
  EXPECT_DOUBLE_EQ(f.grid_import_kw, 50.0);
  in.price_usd_per_mwh = 45.0;
  f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  EXPECT_DOUBLE_EQ(f.battery_discharge_kw, 50.0);
  in.price_usd_per_mwh = 10.0;
  f = dispatch_step(rules, in, DispatchAssets{batteries, {}, {}}, kStepH);
  EXPECT_GT(f.battery_charge_from_grid_kw, 0.0);
  EXPECT_NEAR(balance_error(in, f), 0.0, 1e-9);
}

}  // namespace
}  // namespace stargate
