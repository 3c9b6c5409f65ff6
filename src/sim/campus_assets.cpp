// The campus's capital assets (stargate/sim/campus_finance.hpp).
#include <algorithm>

#include <fmt/format.h>

#include "sim/gpu_refresh.hpp"
#include "sim/wind_fleet.hpp"
#include "stargate/core/units.hpp"
#include "stargate/sim/asset_models.hpp"
#include "stargate/sim/campus_finance.hpp"

namespace stargate {

std::vector<CapitalAsset> campus_capital_assets(const Scenario& scenario, const RunInputs& inputs,
                                                LocalTime run_start, LocalTime until) {
  const FinanceSection& f = scenario.finance;
  std::vector<CapitalAsset> assets;
  const auto add = [&](std::string name, AssetClass asset_class, double capex_usd, LocalTime online,
                       double life_years, bool replace, double fixed_om_usd_per_year,
                       int construction_months = kConstructionMonths) {
    if (capex_usd <= 0.0) {
      return;
    }
    CapitalAsset asset;
    asset.name = std::move(name);
    asset.asset_class = asset_class;
    asset.capex_usd = capex_usd;
    asset.online = online;
    asset.construction_months = construction_months;
    asset.lifetime_years = life_years;
    asset.replace_at_end_of_life = replace;
    asset.fixed_om_usd_per_year = fixed_om_usd_per_year;
    assets.push_back(std::move(asset));
  };
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    const BuildingSection& building = scenario.buildings[b];
    const double building_usd = building.it_capacity_kw * f.building_cost_usd_per_kw;
    add(building.name, AssetClass::kBuilding, building_usd, building.online, f.building_life_years,
        false, building_usd * f.building_fixed_om_fraction_per_yr);
    if (!f.tenant_buys_gpus) {
      const std::vector<GpuPurchase> purchases = building_gpu_purchases(scenario, inputs, b, until);
      for (std::size_t k = 0; k < purchases.size(); ++k) {
        const GpuPurchase& p = purchases[k];
        add(k == 0 ? building.name + " GPUs"
                   : fmt::format("{} GPUs ({} refresh: {} x {})", building.name,
                                 civil_from_local(p.online).year, p.gpus, p.type.name),
            AssetClass::kGpus, p.price_usd, p.online, f.gpu_life_years, false,
            p.price_usd * f.gpu_fixed_om_fraction_per_yr, kGpuDeliveryMonths);
        if (k > 0 && p.price_usd > 0.0) assets.back().is_refresh = true;
      }
    }
  }
  for (const SolarSection& solar : scenario.solar) {
    const double ac_kw = pv_params(solar).ac_capacity_kw();
    add(solar.name, AssetClass::kSolar, ac_kw * f.solar_cost_usd_per_kw,
        std::max(solar.online, run_start), f.energy_life_years, false,
        ac_kw * f.solar_fixed_om_usd_per_kw_yr);
  }
  for (std::size_t i = 0; i < scenario.wind.size(); ++i) {
    const WindSection& wind = scenario.wind[i];
    const double capacity_kw = farm_capacity_kw(wind, inputs.farm_curves[i]);
    add(wind.name, AssetClass::kWind, capacity_kw * f.wind_cost_usd_per_kw,
        std::max(wind.online, run_start), f.energy_life_years, false,
        capacity_kw * f.wind_fixed_om_usd_per_kw_yr);
  }
  for (const BatterySection& battery : scenario.batteries) {
    const double battery_usd = battery.energy_kwh / kKwhPerMwh * f.battery_cost_usd_per_mwh;
    add(battery.name, AssetClass::kBatteryEnergy, battery_usd, std::max(battery.online, run_start),
        f.energy_life_years, false, battery_usd * f.battery_fixed_om_fraction_per_yr);
  }
  for (const GasSection& gas : scenario.gas) {
    const double capacity_kw = gas_params(gas).capacity_kw();
    add(gas.name, AssetClass::kGas, capacity_kw * f.gas_cost_usd_per_kw,
        std::max(gas.online, run_start), f.energy_life_years, false,
        capacity_kw * f.gas_fixed_om_usd_per_kw_yr);
  }
  add("Grid connection", AssetClass::kInterconnection,
      scenario.grid.import_limit_kw * f.interconnection_cost_usd_per_kw, run_start,
      f.building_life_years, false, 0.0);
  return assets;
}

}  // namespace stargate
