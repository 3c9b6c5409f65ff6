#include "sim/supply_pools.hpp"

#include <algorithm>

#include "stargate/core/units.hpp"
#include "stargate/sim/asset_models.hpp"

namespace stargate {

SupplyPools::SupplyPools(const Scenario& scenario, const TimeGrid& grid, RunTotals& totals) {
  for (const BatterySection& section : scenario.batteries) {
    batteries_.push_back(std::make_unique<Battery>(battery_params(section)));
    battery_online_step_.push_back(grid.first_step_at_or_after(section.online));
    soc_history_.emplace_back(grid.size(), batteries_.back()->soc_fraction());
    totals.battery_energy_kwh += section.energy_kwh;
    totals.battery_power_kw += section.power_kw;
  }
  for (const GasSection& section : scenario.gas) {
    plants_.push_back(std::make_unique<GasPlant>(gas_params(section)));
    plant_online_step_.push_back(grid.first_step_at_or_after(section.online));
    fuel_price_.push_back(section.fuel_price_usd_per_mmbtu);
    totals.gas_capacity_kw += plants_.back()->capacity_kw();
  }
  online_batteries_.resize(batteries_.size());
  online_plants_.resize(plants_.size());
  online_fuel_price_.resize(plants_.size());
}

void SupplyPools::select(std::size_t step) {
  battery_count_ = 0;
  stored_before_kwh_ = 0.0;
  for (std::size_t i = 0; i < batteries_.size(); ++i) {
    if (step >= battery_online_step_[i]) {
      online_batteries_[battery_count_++] = batteries_[i].get();
      stored_before_kwh_ += batteries_[i]->state().soc_kwh;
    }
  }
  plant_count_ = 0;
  for (std::size_t i = 0; i < plants_.size(); ++i) {
    if (step >= plant_online_step_[i]) {
      online_fuel_price_[plant_count_] = fuel_price_[i];
      online_plants_[plant_count_++] = plants_[i].get();
    }
  }
}

DispatchAssets SupplyPools::online() {
  return DispatchAssets{std::span(online_batteries_.data(), battery_count_),
                        std::span(online_plants_.data(), plant_count_),
                        std::span<const double>(online_fuel_price_.data(), plant_count_)};
}

double SupplyPools::reach_kw(double base_kw, double step_h, bool nameplate) const {
  double reach_kw = base_kw;
  for (std::size_t i = 0; i < battery_count_; ++i) {
    reach_kw += nameplate ? online_batteries_[i]->params().discharge_limit_kw()
                          : online_batteries_[i]->max_discharge_kw(step_h);
  }
  for (std::size_t i = 0; i < plant_count_; ++i) {
    reach_kw +=
        nameplate ? online_plants_[i]->capacity_kw() : online_plants_[i]->max_output_kw(step_h);
  }
  return reach_kw;
}

void SupplyPools::record(std::size_t step, const DispatchFlows& flows, double export_price_share,
                         double grid_clean_fraction, double step_h, RunSeries& series,
                         RunTotals& totals) {
  series.curtailed_kw[step] = flows.curtailed_kw;
  series.overgeneration_kw[step] = flows.overgeneration_kw;
  series.battery_charge_kw[step] = flows.battery_charge_kw;
  series.battery_discharge_kw[step] = flows.battery_discharge_kw;
  series.gas_kw[step] = flows.gas_kw;
  series.grid_import_kw[step] = flows.grid_import_kw;
  series.grid_export_kw[step] = flows.grid_export_kw;
  series.unserved_kw[step] = flows.unserved_kw;
  const double price = series.price_usd_per_mwh[step];
  series.energy_cost_usd[step] = flows.grid_import_kw * step_h * price / kKwhPerMwh;
  series.export_revenue_usd[step] =
      flows.grid_export_kw * step_h * price * export_price_share / kKwhPerMwh;
  series.gas_cost_usd[step] = flows.gas_cost_usd;
  totals.gas_fuel_mmbtu += flows.gas_fuel_mmbtu;
  totals.gas_co2_kg += flows.gas_co2_kg;
  totals.gas_fuel_cost_usd += flows.gas_cost_usd;
  totals.gas_starts += flows.gas_starts;

  double stored_after_kwh = 0.0;
  for (std::size_t i = 0; i < battery_count_; ++i) {
    stored_after_kwh += online_batteries_[i]->state().soc_kwh;
  }
  for (std::size_t i = 0; i < batteries_.size(); ++i) {
    soc_history_[i][step] = batteries_[i]->soc_fraction();
  }
  const double clean_share =
      stored_before_kwh_ > 0.0 ? clean_stored_kwh_ / stored_before_kwh_ : 0.0;
  const double clean_discharge_kw = flows.battery_discharge_kw * clean_share;
  const double renewable_charge_kw = flows.battery_charge_kw - flows.battery_charge_from_grid_kw;
  clean_stored_kwh_ = flows.battery_charge_kw > 0.0
                          ? clean_stored_kwh_ + (stored_after_kwh - stored_before_kwh_) *
                                                    renewable_charge_kw / flows.battery_charge_kw
                          : clean_share * stored_after_kwh;
  clean_stored_kwh_ = std::clamp(clean_stored_kwh_, 0.0, stored_after_kwh);
  const double load_kw = series.facility_load_kw[step];
  const double on_site_clean_kw =
      std::min(series.solar_kw[step] + series.wind_kw[step], load_kw) + clean_discharge_kw;
  totals.clean_used_kwh += on_site_clean_kw * step_h;
  // Grid energy for the load: imports less grid charging, plus the grid part of the discharge.
  const double grid_for_load_kw =
      std::max(0.0, flows.grid_import_kw - flows.battery_charge_from_grid_kw +
                        flows.battery_discharge_kw - clean_discharge_kw);
  totals.cfe_kwh +=
      std::min(load_kw, on_site_clean_kw + grid_clean_fraction * grid_for_load_kw) * step_h;
  series.battery_soc_kwh[step] = stored_after_kwh;
}

void SupplyPools::assess_wear(const Scenario& scenario, const TimeGrid& grid,
                              RunTotals& totals) const {
  double capacity_left_kwh = 0.0;
  for (std::size_t i = 0; i < batteries_.size(); ++i) {
    const DegradationResult wear = assess_degradation(batteries_[i]->params(), soc_history_[i],
                                                      grid.step_h(), grid.duration_years());
    totals.battery_equivalent_full_cycles += wear.equivalent_full_cycles;
    capacity_left_kwh += wear.capacity_fraction * scenario.batteries[i].energy_kwh;
  }
  if (totals.battery_energy_kwh > 0.0) {
    totals.battery_capacity_left_fraction = capacity_left_kwh / totals.battery_energy_kwh;
  }
}

}  // namespace stargate
