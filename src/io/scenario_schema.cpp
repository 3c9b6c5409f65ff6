// Declarations of every scenario table and field, assembled in documentation order. The tables
// are declared in src/io/schema_{site,load,supply,finance}_tables.cpp: together they are the single
// source of truth for names, units, defaults, bounds and descriptions (docs/scenario.md is
// generated from them).

#include "io/schema_tables.hpp"
#include "stargate/io/schema.hpp"

namespace stargate {

const Schema& scenario_schema() {
  using namespace schema_tables;  // NOLINT(google-build-using-namespace)
  static const Schema kSchema({run_table(),           site_table(),     weather_table(),
                               wind_resource_table(), building_table(), solar_table(),
                               wind_table(),          battery_table(),  gas_table(),
                               compute_table(),       gpu_type_table(), inference_table(),
                               facility_table(),      grid_table(),     market_table(),
                               dispatch_table(),      finance_table(),  equity_table(),
                               debt_table(),          lease_table(),    optimize_table()});
  return kSchema;
}

}  // namespace stargate
