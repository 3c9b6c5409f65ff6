#include "sim/operating_years.hpp"

#include <future>
#include <map>
#include <string>

#include "stargate/sim/campus_simulation.hpp"

namespace stargate {
namespace {

// Each dated asset's state in [start, end): 'F' in service throughout, 'N' not yet, 'P' comes
// online during it; the key of a ramp year carries the year (its own state).
std::string state_key(const Scenario& scenario, int year, bool& any_building) {
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
  if (ramp) key += std::to_string(year);
  return key;
}

}  // namespace

bool is_calendar_year(const TimeGrid& grid, int year) {
  return grid.start() == local_from_civil(CivilTime{year, 1, 1}) &&
         grid.end() == local_from_civil(CivilTime{year + 1, 1, 1});
}

OperatingYears operating_years(const Scenario& scenario, const RunInputs& inputs,
                               const CampusRun& own, int first_year, int last_year,
                               const YearSummary& summarise) {
  OperatingYears years;
  years.first_year = first_year;
  std::map<std::string, int> index_of;
  for (int year = first_year; year <= last_year; ++year) {
    bool any_building = false;
    const std::string key = state_key(scenario, year, any_building);
    if (!any_building) {
      years.state_of_year.push_back(-1);
      continue;
    }
    const auto [it, added] = index_of.emplace(key, static_cast<int>(years.run_year.size()));
    years.state_of_year.push_back(it->second);
    if (!added) continue;
    years.run_year.push_back(year);
    if (key.find_first_not_of('F') == std::string::npos && !years.steady) {
      years.steady = years.run_year.size() - 1;
    }
  }
  years.flows.resize(years.run_year.size());
  std::vector<std::future<YearFlows>> pending(years.run_year.size());
  for (std::size_t s = 0; s < years.run_year.size(); ++s) {
    const int year = years.run_year[s];
    const bool steady = years.steady == s;
    if (is_calendar_year(own.grid, year)) {
      years.flows[s] = summarise(own, steady);
      continue;
    }
    pending[s] = std::async(std::launch::async, [&scenario, &inputs, &summarise, year, steady] {
      Scenario moved = scenario;
      moved.run.start = local_from_civil(CivilTime{year, 1, 1});
      moved.run.duration = RunLength{1, 0.0};
      return summarise(simulate(moved, inputs_for_period(moved, inputs)), steady);
    });
  }
  for (std::size_t s = 0; s < pending.size(); ++s) {
    if (pending[s].valid()) years.flows[s] = pending[s].get();
  }
  return years;
}

}  // namespace stargate
