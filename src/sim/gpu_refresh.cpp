// Each building's GPU purchases and the fleet of a refreshed year: see src/sim/gpu_refresh.hpp.
#include "sim/gpu_refresh.hpp"

#include <cmath>

#include "stargate/finance/quarters.hpp"

namespace stargate {

GpuTrend gpu_trend(const FinanceSection& finance) {
  return GpuTrend{finance.gpu_performance_trend, finance.gpu_power_trend,
                  finance.compute_price_trend};
}

std::vector<GpuPurchase> building_gpu_purchases(const Scenario& scenario, const RunInputs& inputs,
                                                std::size_t b, LocalTime until) {
  const FinanceSection& f = scenario.finance;
  const BuildingSection& building = scenario.buildings[b];
  const GpuType& installed = inputs.gpu_types[b];
  std::vector<GpuPurchase> purchases;
  for (int k = 0;; ++k) {
    const double years = f.gpu_life_years * k;
    const LocalTime when = add_years(building.online, years);
    if (k > 0 && !(when < until)) break;
    GpuPurchase p;
    p.online = when;
    p.years_after_first = years;
    if (f.gpu_roadmap) {
      const GpuTrend trend = gpu_trend(f);
      p.type = gpu_generation(installed, years, trend);
      p.gpus = gpus_in_building(building.it_capacity_kw, p.type, building.gpus);
      p.gpu_hour_price_factor = generation_price_factor(years, trend);
    } else {
      p.type = installed;
      p.gpus = building.gpus;
    }
    p.price_usd = static_cast<double>(p.gpus) * p.type.price_usd;
    purchases.push_back(std::move(p));
    if (!(f.gpu_life_years > 0.0)) break;
  }
  return purchases;
}

std::optional<std::size_t> purchase_in_service(const std::vector<GpuPurchase>& purchases,
                                               LocalTime time) {
  std::optional<std::size_t> index;
  for (std::size_t k = 0; k < purchases.size() && !(time < purchases[k].online); ++k) index = k;
  return index;
}

std::optional<RefreshedFleet> refreshed_fleet(const Scenario& scenario, const RunInputs& inputs,
                                              LocalTime time) {
  if (!scenario.finance.gpu_roadmap) return std::nullopt;
  RefreshedFleet fleet{scenario, inputs, 1.0};
  bool refreshed = false;
  double weighted_factor = 0.0;
  double gpus = 0.0;
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    const std::vector<GpuPurchase> purchases =
        building_gpu_purchases(scenario, inputs, b, add_years(time, 1.0));
    const std::optional<std::size_t> k = purchase_in_service(purchases, time);
    if (!k) continue;
    const GpuPurchase& p = purchases[*k];
    weighted_factor += static_cast<double>(p.gpus) * p.gpu_hour_price_factor;
    gpus += static_cast<double>(p.gpus);
    if (*k == 0) continue;
    refreshed = true;
    const double ratio =
        static_cast<double>(p.gpus) / static_cast<double>(scenario.buildings[b].gpus);
    fleet.scenario.buildings[b].gpus = p.gpus;
    fleet.inputs.gpu_types[b] = p.type;
    for (std::size_t s = 0; s < inputs.fleet.services.size(); ++s) {
      if (inputs.fleet.service_building[s] != b) continue;
      auto& service = fleet.inputs.fleet.services[s];
      service.gpus = static_cast<std::int32_t>(std::floor(service.gpus * ratio));
      fleet.scenario.inference[s].gpus = service.gpus;
    }
  }
  if (!refreshed) return std::nullopt;
  fleet.gpu_hour_price_factor = gpus > 0.0 ? weighted_factor / gpus : 1.0;
  return fleet;
}

}  // namespace stargate
