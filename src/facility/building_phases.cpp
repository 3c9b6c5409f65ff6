#include "stargate/facility/building_phases.hpp"

#include <algorithm>
#include <cassert>

namespace stargate {

void fill_online_capacity(std::span<const BuildingSection> buildings, const TimeGrid& grid,
                          std::span<double> online_it_capacity_kw, std::span<double> online_gpus) {
  assert(online_it_capacity_kw.size() == grid.size() && online_gpus.size() == grid.size());
  std::fill(online_it_capacity_kw.begin(), online_it_capacity_kw.end(), 0.0);
  std::fill(online_gpus.begin(), online_gpus.end(), 0.0);
  for (const auto& building : buildings) {
    const std::size_t first = grid.first_step_at_or_after(building.online);
    const auto gpus = static_cast<double>(building.gpus);
    for (std::size_t step = first; step < grid.size(); ++step) {
      online_it_capacity_kw[step] += building.it_capacity_kw;
      online_gpus[step] += gpus;
    }
  }
}

}  // namespace stargate
