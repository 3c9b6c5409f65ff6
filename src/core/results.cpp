#include "stargate/core/results.hpp"

#include <cassert>
#include <stdexcept>
#include <utility>

namespace stargate {

void Results::add_series(std::string name, std::string description, std::vector<double> values) {
  assert(values.size() == grid_.size());
  series_.push_back(Series{std::move(name), std::move(description), std::move(values)});
}

std::span<const double> Results::column(std::string_view name) const {
  for (const auto& series : series_) {
    if (series.name == name) {
      return series.values;
    }
  }
  throw std::out_of_range("no time series named " + std::string(name));
}

void Results::add_kpi(std::string group, std::string key, double value, std::string unit,
                      std::string description) {
  kpis_.push_back(
      Kpi{std::move(group), std::move(key), value, std::move(unit), std::move(description)});
}

double Results::kpi(std::string_view key) const {
  for (const auto& kpi : kpis_) {
    if (kpi.key == key) {
      return kpi.value;
    }
  }
  throw std::out_of_range("no KPI named " + std::string(key));
}

}  // namespace stargate
