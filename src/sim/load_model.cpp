#include "sim/load_model.hpp"

#include <algorithm>

namespace stargate {

LoadModel::LoadModel(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid)
    : constant_load_(scenario.compute.it_utilisation),
      constant_pue_(scenario.facility.pue),
      cooling_(CoolingParams{}),
      weather_cooling_(scenario.facility.cooling == CoolingChoice::kLiquidDryCooler),
      persistence_(scenario.compute.forecast == BudgetForecast::kPersistence) {
  if (scenario.compute.model == ComputeModel::kFleet) {
    fleet_.emplace(scenario, inputs, grid);
  }
}

double LoadModel::pue(const RunSeries& series, std::size_t step) const {
  return weather_cooling_ ? cooling_.pue(series.ambient_temp_c[step]) : constant_pue_.pue();
}

void LoadModel::step(RunSeries& series, std::size_t step, double pue, double supply_kw) {
  if (fleet_) {
    // Within the buildings' provisioned IT power; firm IT load is served first.
    const double it_capacity_kw = std::min(supply_kw / pue, series.online_it_capacity_kw[step]);
    const FleetStep load =
        fleet_->step(step, it_capacity_kw - fleet_->last_firm_it_kw(),
                     series.price_usd_per_mwh[step], series.carbon_kg_per_mwh[step]);
    series.it_load_kw[step] = load.it_kw;
    series.gpus_busy[step] = load.gpus_busy;
    series.flexible_shed_kw[step] = load.flexible_shed_kw;
  } else {
    series.it_load_kw[step] = constant_load_.it_load_kw(series.online_it_capacity_kw[step]);
  }
  series.facility_load_kw[step] = pue * series.it_load_kw[step];
  series.cooling_kw[step] = series.facility_load_kw[step] - series.it_load_kw[step];
}

std::optional<ScheduleMetrics> LoadModel::metrics() const {
  return fleet_ ? std::optional<ScheduleMetrics>(fleet_->metrics()) : std::nullopt;
}

std::optional<ComputeThroughput> LoadModel::throughput() const {
  return fleet_ ? std::optional<ComputeThroughput>(fleet_->throughput()) : std::nullopt;
}

}  // namespace stargate
