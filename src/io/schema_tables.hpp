// The scenario schema's table declarations, one function per table (src/io/schema_*_tables.cpp),
// assembled in documentation order by scenario_schema() in src/io/scenario_schema.cpp.
#pragma once

#include "stargate/io/schema.hpp"

namespace stargate::schema_tables {

// Field options shared by the tables: a fraction in [0, 1], and a quantity of `unit` >= 0.
[[nodiscard]] inline FieldOptions fraction_field(const char* default_toml,
                                                 const char* description) {
  return {.kind = ValueKind::kQuantity,
          .unit = UnitKind::kFraction,
          .default_toml = default_toml,
          .min = 0.0,
          .max = 1.0,
          .description = description};
}
[[nodiscard]] inline FieldOptions non_negative_field(UnitKind unit, const char* default_toml,
                                                     const char* description) {
  return {.kind = ValueKind::kQuantity,
          .unit = unit,
          .default_toml = default_toml,
          .min = 0.0,
          .description = description};
}

[[nodiscard]] TableSpec run_table();
[[nodiscard]] TableSpec site_table();
[[nodiscard]] TableSpec weather_table();
[[nodiscard]] TableSpec wind_resource_table();
[[nodiscard]] TableSpec solar_table();
[[nodiscard]] TableSpec wind_table();
[[nodiscard]] TableSpec battery_table();
[[nodiscard]] TableSpec gas_table();
[[nodiscard]] TableSpec grid_table();
[[nodiscard]] TableSpec market_table();
[[nodiscard]] TableSpec dispatch_table();
[[nodiscard]] TableSpec building_table();
[[nodiscard]] TableSpec compute_table();
[[nodiscard]] TableSpec gpu_type_table();
[[nodiscard]] TableSpec inference_table();
[[nodiscard]] TableSpec facility_table();
[[nodiscard]] TableSpec finance_table();
[[nodiscard]] TableSpec optimize_table();
[[nodiscard]] TableSpec equity_table();
[[nodiscard]] TableSpec debt_table();
[[nodiscard]] TableSpec lease_table();

// The programme file (src/io/schema_programme_tables.cpp; [[equity]] and [[debt]] share their
// declarations with the scenario's in src/io/schema_finance_tables.cpp).
[[nodiscard]] TableSpec programme_table();
[[nodiscard]] TableSpec campus_table();
[[nodiscard]] TableSpec programme_equity_table();
[[nodiscard]] TableSpec programme_debt_table();

}  // namespace stargate::schema_tables
