#include "sim/operating_years.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <string>

#include "sim/gpu_refresh.hpp"
#include "stargate/finance/quarters.hpp"
#include "stargate/sim/campus_simulation.hpp"

namespace stargate {
namespace {

// A refreshed building runs, for the whole year, the GPUs in service on 1 July.
constexpr int kMidYearMonth = 7;
// The other years are simulated at the run's step or 15 minutes, whichever is longer: their
// quarterly sums are what the finance keeps (docs/finance.md measures the difference).
constexpr double kOtherYearMinStepS = 900.0;

LocalTime mid_year(int year) {
  return local_from_civil(CivilTime{year, kMidYearMonth, 1});
}

// Each dated asset's state in [start, end): 'F' in service throughout, 'N' not yet, 'P' comes
// online during it; the key of a ramp year carries the year (its own state). With the GPU
// roadmap, each building's GPU generation in service at mid-year is part of the state.
std::string state_key(const Scenario& scenario, const RunInputs& inputs, int year,
                      bool& any_building) {
  const LocalTime start = local_from_civil(CivilTime{year, 1, 1});
  const LocalTime end = local_from_civil(CivilTime{year + 1, 1, 1});
  std::string key;
  bool ramp = false;
  const auto add = [&](LocalTime online) {
    const char state = !(start < online) ? 'F' : !(online < end) ? 'N' : 'P';
    ramp |= state == 'P';
    key += state;
    return state;
  };
  any_building = false;
  for (const BuildingSection& b : scenario.buildings) any_building |= add(b.online) != 'N';
  for (const SolarSection& s : scenario.solar) add(s.online);
  for (const WindSection& w : scenario.wind) add(w.online);
  for (const BatterySection& b : scenario.batteries) add(b.online);
  for (const GasSection& g : scenario.gas) add(g.online);
  if (scenario.finance.gpu_roadmap) {
    for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
      const auto k = purchase_in_service(
          building_gpu_purchases(scenario, inputs, b, add_years(mid_year(year), 1.0)),
          mid_year(year));
      key += 'g' + std::to_string(k.value_or(0));
    }
  }
  if (ramp) key += std::to_string(year);
  return key;
}

}  // namespace

bool is_calendar_year(const TimeGrid& grid, int year) {
  return grid.start() == local_from_civil(CivilTime{year, 1, 1}) &&
         grid.end() == local_from_civil(CivilTime{year + 1, 1, 1});
}

OperatingYearRuns::OperatingYearRuns(const Scenario& scenario, const RunInputs& inputs,
                                     int first_year, int last_year, int own_year,
                                     YearSummary summarise)
    : summarise_(std::move(summarise)) {
  OperatingYears& years = years_;
  years.first_year = first_year;
  std::map<std::string, int> index_of;
  for (int year = first_year; year <= last_year; ++year) {
    bool any_building = false;
    const std::string key = state_key(scenario, inputs, year, any_building);
    if (!any_building) {
      years.state_of_year.push_back(-1);
      continue;
    }
    const auto [it, added] = index_of.emplace(key, static_cast<int>(years.run_year.size()));
    years.state_of_year.push_back(it->second);
    if (!added) continue;
    years.run_year.push_back(year);
    if (key.find_first_not_of("Fg0") == std::string::npos && !years.steady) {
      years.steady = years.run_year.size() - 1;
    }
  }
  years.flows.resize(years.run_year.size());
  pending_.resize(years.run_year.size());
  price_factor_.assign(years.run_year.size(), 1.0);
  for (std::size_t s = 0; s < years.run_year.size(); ++s) {
    const int year = years.run_year[s];
    const bool steady = years.steady == s;
    std::optional<RefreshedFleet> refreshed = refreshed_fleet(scenario, inputs, mid_year(year));
    if (refreshed) price_factor_[s] = refreshed->gpu_hour_price_factor;
    if (!refreshed && year == own_year) continue;  // the scenario's own run stands for it
    pending_[s] = std::async(
        std::launch::async, [&scenario, &inputs, this, year, steady, fleet = std::move(refreshed)] {
          Scenario moved = fleet ? fleet->scenario : scenario;
          moved.run.start = local_from_civil(CivilTime{year, 1, 1});
          moved.run.duration = RunLength{1, 0.0};
          moved.run.step_s = std::max(moved.run.step_s, kOtherYearMinStepS);
          return summarise_(
              simulate(moved, inputs_for_period(moved, fleet ? fleet->inputs : inputs)), steady);
        });
  }
}

OperatingYearRuns::~OperatingYearRuns() {
  for (std::future<YearFlows>& run : pending_) {
    if (run.valid()) run.wait();
  }
}

OperatingYears OperatingYearRuns::finish(const CampusRun& own) {
  OperatingYears& years = years_;
  for (std::size_t s = 0; s < years.run_year.size(); ++s) {
    years.flows[s] = pending_[s].valid() ? pending_[s].get() : summarise_(own, years.steady == s);
    // The contract prices a GPU-hour of a newer generation at its compute (gpu_roadmap.hpp).
    for (double& revenue : years.flows[s].by_quarter[kComputeRevenueUsd]) {
      revenue *= price_factor_[s];
    }
  }
  return years;
}

}  // namespace stargate
