// The [optimize] table: requirements, size limits and flexible-work terms of the least-cost
// supply search (`stargate optimize`, docs/optimization.md). Part of the scenario schema: see
// src/io/scenario_schema.cpp and include/stargate/io/schema.hpp.

#include "io/schema_tables.hpp"

namespace stargate::schema_tables {

TableSpec optimize_table() {
  constexpr double kMinStepS = 300.0;
  constexpr double kMaxStepS = 3600.0;
  return TableDeclaration<OptimizeSection>(
             "optimize",
             "Least-cost supply search of `stargate optimize`: requirements, the largest size of "
             "each asset, flexible work (docs/optimization.md). `stargate run` ignores it.",
             &Scenario::optimize)
      .field("clean_share", &OptimizeSection::clean_share,
             fraction_field("0",
                            "Annual (volumetric) clean share at least: renewable energy used or "
                            "exported over the facility load (as the run's annual_clean_share)."))
      .field("cfe", &OptimizeSection::cfe,
             fraction_field("0",
                            "Hourly-matched (24/7 carbon-free) share at least: load served by "
                            "renewables in the same step, directly or through the batteries."))
      .field("max_curtailed", &OptimizeSection::max_curtailed_fraction,
             fraction_field("1",
                            "Curtailed share of the available renewable energy at most (an energy "
                            "share: an LP cannot count hours)."))
      .field("step", &OptimizeSection::step_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1h\"",
              .min = kMinStepS,
              .max = kMaxStepS,
              .description = "LP time step; the design is then simulated at scenario.step."})
      .field("solar_max", &OptimizeSection::solar_max_kw,
             non_negative_field(UnitKind::kPower, "\"5 GW\"",
                                "Largest DC capacity of each solar candidate; 0 leaves solar out."))
      .field("wind_max", &OptimizeSection::wind_max_kw,
             non_negative_field(UnitKind::kPower, "\"3 GW\"",
                                "Largest capacity of each wind candidate; 0 leaves wind out."))
      .field("battery_power_max", &OptimizeSection::battery_power_max_kw,
             non_negative_field(UnitKind::kPower, "\"2 GW\"",
                                "Largest battery power; 0 leaves it out."))
      .field("battery_energy_max", &OptimizeSection::battery_energy_max_kwh,
             non_negative_field(UnitKind::kEnergy, "\"8 GWh\"", "Largest battery energy."))
      .field("gas_max", &OptimizeSection::gas_max_kw,
             non_negative_field(UnitKind::kPower, "\"2 GW\"",
                                "Largest gas capacity; 0 leaves gas out."))
      .field(
          "import_max", &OptimizeSection::import_max_kw,
          non_negative_field(UnitKind::kPower, "\"2 GW\"",
                             "Largest grid interconnection (import and export); 0 means off-grid."))
      .field("battery_power_cost", &OptimizeSection::battery_power_cost_usd_per_kw,
             non_negative_field(
                 UnitKind::kPowerCost, "\"250 $/kW\"",
                 "Power-related battery cost (inverters, grid connection) on top of "
                 "finance.battery_cost per kWh; NREL ATB 2024 utility-scale storage splits "
                 "cost into energy and power parts (medium confidence)."))
      .field("flexible_share", &OptimizeSection::flexible_share,
             fraction_field("0.25",
                            "Share of the IT power that is flexible training: it may move within "
                            "its window or be shed up to max_shed; the rest is firm."))
      .choice("flexible_window", &OptimizeSection::flexible_window,
              {{"day", FlexibleWindow::kDay}, {"week", FlexibleWindow::kWeek}},
              {.default_toml = "\"day\"",
               .description = "Flexible work is done within the same day or week."})
      .field("extra_gpus_max", &OptimizeSection::extra_gpus_max,
             {.kind = ValueKind::kInteger,
              .default_toml = "0",
              .min = 0,
              .description = "Most GPUs (of the first building's type, with their building "
                             "share) the LP may add so that flexible work can follow cheap or "
                             "clean hours; 0 leaves the fleet as it is. Fleet model only."})
      .field("max_shed", &OptimizeSection::max_shed_fraction,
             fraction_field("0.05",
                            "Share of each window's flexible IT energy that may go undelivered."))
      .field("compute_value", &OptimizeSection::compute_value_usd_per_mwh,
             non_negative_field(
                 UnitKind::kEnergyPrice, "\"3000 $/MWh\"",
                 "Value of flexible IT energy not delivered: ~5 $/GPU-h over ~1.7 kW per "
                 "GB200 GPU with its share of node, network and cooling."))
      .field("time_limit", &OptimizeSection::time_limit_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"600 s\"",
              .min = 1.0,
              .description = "Solver time limit; a stopped solve reports status \"time limit\"."})
      .choice("algorithm", &OptimizeSection::algorithm,
              {{"dual", LpAlgorithm::kDual},
               {"primal", LpAlgorithm::kPrimal},
               {"barrier", LpAlgorithm::kBarrier},
               {"automatic", LpAlgorithm::kAutomatic}},
              {.default_toml = "\"automatic\"",
               .description = "Clp algorithm: dual or primal simplex, or the barrier (interior "
                              "point) on a banded form of the LP; automatic takes the dual simplex "
                              "up to 2000 steps and the barrier beyond."})
      .field("crossover", &OptimizeSection::crossover,
             {.kind = ValueKind::kBool,
              .default_toml = "false",
              .description = "After the barrier, move to a vertex (basic) solution: exact zeros "
                             "and one answer among equal-cost designs; about 2.5x the time."})
      .build();
}

}  // namespace stargate::schema_tables
