#include "stargate/core/finance_window.hpp"

#include <algorithm>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {}  // namespace

FinanceWindow finance_window_from(LocalTime first_spend, int years) {
  const CivilTime civil = civil_from_local(first_spend);
  FinanceWindow window;
  window.first_year = civil.year;
  window.first_quarter = (civil.month - 1) / kMonthsPerQuarter + 1;
  window.quarters = static_cast<std::size_t>(years) * kQuartersPerYear;
  window.start = local_from_civil(
      CivilTime{civil.year, (window.first_quarter - 1) * kMonthsPerQuarter + 1, 1});
  window.end = add_calendar_months(window.start, years * kQuartersPerYear * kMonthsPerQuarter);
  return window;
}

LocalTime first_construction_spend(const Scenario& scenario, LocalTime run_start) {
  LocalTime earliest = run_start;
  for (const BuildingSection& building : scenario.buildings) {
    earliest = std::min(earliest, building.online);
  }
  // Energy assets are placed no earlier than the run start; the grid connection at it.
  return add_calendar_months(earliest, -kConstructionMonths);
}

FinanceWindow finance_window(const Scenario& scenario, LocalTime run_start) {
  return finance_window_from(first_construction_spend(scenario, run_start),
                             static_cast<int>(scenario.finance.analysis_years));
}

}  // namespace stargate
