// The time series of a campus run: one column per quantity on the run's grid (struct of arrays),
// and kRunColumns, the one table of each column's name, unit and meaning. timeseries.csv,
// docs/outputs.md (a test keeps its table equal to this one) and the results of a run take the
// columns from it, in its order.
//
// Columns hold the step's average power (kW), a count, a price or intensity at the step, or for
// the *_usd columns the step's total. At every step
//   solar_kw + wind_kw - curtailed_kw + battery_discharge_kw + gas_kw + grid_import_kw
//     + unserved_kw = facility_load_kw + battery_charge_kw + grid_export_kw + overgeneration_kw.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace stargate {

struct RunSeries {
  /// Every column with `steps` zeros.
  explicit RunSeries(std::size_t steps = 0);

  std::vector<double> online_it_capacity_kw;
  std::vector<double> gpus_online;
  std::vector<double> gpus_busy;
  std::vector<double> flexible_shed_kw;
  std::vector<double> it_load_kw;
  std::vector<double> facility_load_kw;
  std::vector<double> cooling_kw;
  std::vector<double> ambient_temp_c;
  std::vector<double> solar_kw;
  std::vector<double> wind_kw;
  std::vector<double> curtailed_kw;
  std::vector<double> overgeneration_kw;
  std::vector<double> battery_charge_kw;
  std::vector<double> battery_discharge_kw;
  std::vector<double> battery_soc_kwh;
  std::vector<double> gas_kw;
  std::vector<double> grid_import_kw;
  std::vector<double> grid_export_kw;
  std::vector<double> unserved_kw;
  std::vector<double> price_usd_per_mwh;
  std::vector<double> carbon_kg_per_mwh;
  std::vector<double> energy_cost_usd;
  std::vector<double> export_revenue_usd;
  std::vector<double> gas_cost_usd;
};

/// One column of a run: its name in outputs ("<quantity>_<unit>"), its unit as people read it,
/// what it means, and where it lives in RunSeries.
struct RunColumn {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
  std::vector<double> RunSeries::*values;
};

inline constexpr std::array<RunColumn, 24> kRunColumns{{
    {"online_it_capacity_kw", "kW", "IT capacity of the buildings online",
     &RunSeries::online_it_capacity_kw},
    {"gpus_online", "GPUs", "GPUs installed in the buildings online", &RunSeries::gpus_online},
    {"gpus_busy", "GPUs", "GPUs running training jobs (computing or checkpointing) or inference",
     &RunSeries::gpus_busy},
    {"flexible_shed_kw", "kW",
     "IT power of flexible training not drawn because of the power budget",
     &RunSeries::flexible_shed_kw},
    {"it_load_kw", "kW", "IT power drawn by the compute load", &RunSeries::it_load_kw},
    {"facility_load_kw", "kW", "Facility power at the meter (IT and overheads)",
     &RunSeries::facility_load_kw},
    {"cooling_kw", "kW", "Cooling and power-distribution overheads: facility - IT power",
     &RunSeries::cooling_kw},
    {"ambient_temp_c", "degC", "Outdoor air temperature of the weather",
     &RunSeries::ambient_temp_c},
    {"solar_kw", "kW", "PV power available (AC)", &RunSeries::solar_kw},
    {"wind_kw", "kW", "Wind power available", &RunSeries::wind_kw},
    {"curtailed_kw", "kW", "Available renewable power not used", &RunSeries::curtailed_kw},
    {"overgeneration_kw", "kW",
     "Gas power nothing could take (units at minimum stable load or ramping down)",
     &RunSeries::overgeneration_kw},
    {"battery_charge_kw", "kW", "Power into the batteries (AC)", &RunSeries::battery_charge_kw},
    {"battery_discharge_kw", "kW", "Power from the batteries (AC)",
     &RunSeries::battery_discharge_kw},
    {"battery_soc_kwh", "kWh", "Energy stored in the batteries at the end of the step",
     &RunSeries::battery_soc_kwh},
    {"gas_kw", "kW", "Power from the gas plants", &RunSeries::gas_kw},
    {"grid_import_kw", "kW", "Power imported from the grid", &RunSeries::grid_import_kw},
    {"grid_export_kw", "kW", "Power exported to the grid", &RunSeries::grid_export_kw},
    {"unserved_kw", "kW", "Facility load no supply could serve", &RunSeries::unserved_kw},
    {"price_usd_per_mwh", "USD/MWh", "Grid energy price", &RunSeries::price_usd_per_mwh},
    {"carbon_kg_per_mwh", "kg/MWh", "Carbon intensity of grid energy",
     &RunSeries::carbon_kg_per_mwh},
    {"energy_cost_usd", "USD", "Cost of the energy imported during the step",
     &RunSeries::energy_cost_usd},
    {"export_revenue_usd", "USD", "Revenue of the energy exported during the step",
     &RunSeries::export_revenue_usd},
    {"gas_cost_usd", "USD", "Fuel, variable O&M and start costs of the gas plants during the step",
     &RunSeries::gas_cost_usd},
}};

}  // namespace stargate
