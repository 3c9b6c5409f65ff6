// Execution of a planned step through the physical battery and gas models.
#include "stargate/dispatch/planned_step.hpp"

#include <gtest/gtest.h>

namespace stargate {
namespace {

BatteryParams small_battery() {
  BatteryParams params;
  params.power_kw = 10'000.0;
  params.energy_kwh = 20'000.0;
  params.charge_efficiency = 1.0;
  params.discharge_efficiency = 1.0;
  params.initial_soc_fraction = 0.5;
  return params;
}

void expect_balance(const DispatchInput& in, const DispatchFlows& f) {
  EXPECT_NEAR(in.solar_kw + in.wind_kw - f.curtailed_kw + f.battery_discharge_kw + f.gas_kw +
                  f.grid_import_kw + f.unserved_kw,
              in.load_kw + f.battery_charge_kw + f.grid_export_kw + f.overgeneration_kw, 1e-6);
  for (const double flow :
       {f.curtailed_kw, f.battery_discharge_kw, f.battery_charge_kw, f.gas_kw, f.grid_import_kw,
        f.grid_export_kw, f.unserved_kw, f.overgeneration_kw}) {
    EXPECT_GE(flow, 0.0);
  }
}

TEST(PlannedStep, DischargeIsClippedByTheBatteryAndTheGridTakesTheRest) {
  Battery battery(small_battery());  // 10 MWh stored, 10 MW
  Battery* batteries[] = {&battery};
  DispatchRules limits;
  limits.import_limit_kw = 50'000.0;
  const DispatchInput input{30'000.0, 5'000.0, 0.0, 50.0, 0.0};
  // The plan asks 25 MW; the battery gives its 10 MW; the grid 30 - 5 - 10 = 15 MW.
  const DispatchFlows flows = execute_planned_step(limits, PlannedStep{25'000.0, 0.0}, input,
                                                   DispatchAssets{batteries, {}, {}}, 1.0);
  EXPECT_NEAR(flows.battery_discharge_kw, 10'000.0, 1e-9);
  EXPECT_NEAR(flows.grid_import_kw, 15'000.0, 1e-9);
  EXPECT_EQ(flows.unserved_kw, 0.0);
  expect_balance(input, flows);
}

TEST(PlannedStep, ChargeFromRenewablesFirstThenGridWithinItsLimit) {
  Battery battery(small_battery());
  Battery* batteries[] = {&battery};
  DispatchRules limits;
  limits.import_limit_kw = 3'000.0;
  const DispatchInput input{10'000.0, 12'000.0, 0.0, 50.0, 0.0};
  // Surplus 2 MW + import headroom 3 MW: 5 MW of the 8 MW asked; 3 MW counted from the grid.
  const DispatchFlows flows = execute_planned_step(limits, PlannedStep{-8'000.0, 0.0}, input,
                                                   DispatchAssets{batteries, {}, {}}, 1.0);
  EXPECT_NEAR(flows.battery_charge_kw, 5'000.0, 1e-9);
  EXPECT_NEAR(flows.battery_charge_from_grid_kw, 3'000.0, 1e-9);
  EXPECT_NEAR(flows.grid_import_kw, 3'000.0, 1e-9);
  EXPECT_EQ(flows.unserved_kw, 0.0);
  expect_balance(input, flows);

  // Without grid charging only the renewable surplus charges.
  Battery second(small_battery());
  Battery* only[] = {&second};
  limits.battery_charge_from_grid = false;
  const DispatchFlows clean = execute_planned_step(limits, PlannedStep{-8'000.0, 0.0}, input,
                                                   DispatchAssets{only, {}, {}}, 1.0);
  EXPECT_NEAR(clean.battery_charge_kw, 2'000.0, 1e-9);
  EXPECT_NEAR(clean.grid_import_kw, 0.0, 1e-9);
  expect_balance(input, clean);
}

TEST(PlannedStep, GasBelowMinimumStableLoadGivesNothingAndSurplusIsCurtailed) {
  GasPlantParams params;
  params.units = 1;
  params.unit_capacity_kw = 45'000.0;  // minimum stable load 18 MW
  GasPlant plant(params);
  GasPlant* plants[] = {&plant};
  const double fuel[] = {2.0};
  DispatchRules limits;
  limits.import_limit_kw = 100'000.0;
  const DispatchInput input{30'000.0, 20'000.0, 0.0, 50.0, 0.0};
  // 10 MW asked of a unit whose minimum is 18 MW: the plant stays off; the grid serves 10 MW.
  const DispatchFlows off = execute_planned_step(limits, PlannedStep{0.0, 10'000.0}, input,
                                                 DispatchAssets{{}, plants, fuel}, 1.0);
  EXPECT_EQ(off.gas_kw, 0.0);
  EXPECT_NEAR(off.grid_import_kw, 10'000.0, 1e-9);
  expect_balance(input, off);
  // A plan with more gas than the step needs (renewables above the forecast) runs only what is
  // needed: 40 - 20 = 20 MW of the 30 MW planned.
  const DispatchInput more{40'000.0, 20'000.0, 0.0, 50.0, 0.0};
  const DispatchFlows on = execute_planned_step(limits, PlannedStep{0.0, 30'000.0}, more,
                                                DispatchAssets{{}, plants, fuel}, 1.0);
  EXPECT_NEAR(on.gas_kw, 20'000.0, 1e-9);
  EXPECT_NEAR(on.grid_import_kw, 0.0, 1e-9);
  expect_balance(more, on);
}

TEST(PlannedStep, ExportWhenPaidElseCurtailAndUnservedBeyondTheImportLimit) {
  DispatchRules limits;
  limits.import_limit_kw = 10'000.0;
  limits.export_limit_kw = 4'000.0;
  const DispatchInput surplus{10'000.0, 20'000.0, 0.0, 30.0, 0.0};
  const DispatchFlows exported =
      execute_planned_step(limits, PlannedStep{}, surplus, DispatchAssets{}, 1.0);
  EXPECT_NEAR(exported.grid_export_kw, 4'000.0, 1e-9);
  EXPECT_NEAR(exported.curtailed_kw, 6'000.0, 1e-9);
  expect_balance(surplus, exported);
  const DispatchInput negative{10'000.0, 20'000.0, 0.0, -5.0, 0.0};
  const DispatchFlows curtailed =
      execute_planned_step(limits, PlannedStep{}, negative, DispatchAssets{}, 1.0);
  EXPECT_EQ(curtailed.grid_export_kw, 0.0);
  EXPECT_NEAR(curtailed.curtailed_kw, 10'000.0, 1e-9);
  const DispatchInput short_supply{25'000.0, 5'000.0, 0.0, 30.0, 0.0};
  const DispatchFlows unserved =
      execute_planned_step(limits, PlannedStep{}, short_supply, DispatchAssets{}, 1.0);
  EXPECT_NEAR(unserved.grid_import_kw, 10'000.0, 1e-9);
  EXPECT_NEAR(unserved.unserved_kw, 10'000.0, 1e-9);
  expect_balance(short_supply, unserved);
}

}  // namespace
}  // namespace stargate
