// The operating state of each calendar year of a finance horizon, and one simulated calendar year
// per distinct state (docs/finance.md, "Year by year").
//
// A year's state is, for every dated asset (buildings, solar arrays, wind farms, batteries, gas
// plants), whether it is in service for the whole year, not yet in service, or comes online
// during it, and with finance.gpu_roadmap the GPU generation each building runs on 1 July
// (sim/gpu_refresh.hpp: a refreshed year is simulated with that fleet, its compute revenue priced
// for the new generation). A year in which an asset comes online is a state of its own (a ramp
// year); years in the same state (every asset in service: the steady state) share one simulation; a
// year with no building in service has no operations. The scenario's own run stands for its year
// when it is exactly that calendar year; other years are simulated with the same inputs moved to
// them (inputs_for_period: weather and prices by calendar position, the synthetic workload
// generated for the buildings online then), at the run's step or 15 minutes, whichever is longer.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <future>
#include <optional>
#include <vector>

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/sim/campus_finance.hpp"
#include "stargate/sim/campus_run.hpp"

namespace stargate {

/// The operating flows the finance keeps of a run: grid energy and 4CP charges, gas fuel, compute
/// sales (GPU-hours x price), other revenue (exports, net energy income), and the solar and wind
/// energy used (for production tax credits).
enum OperatingFlow : std::size_t {
  kEnergyCostUsd,
  kFuelCostUsd,
  kComputeRevenueUsd,
  kOtherRevenueUsd,
  kSolarUsedKwh,
  kWindUsedKwh,
  kOperatingFlowCount
};

/// What the finance keeps of a simulated year: its operating flows by quarter of the year, and
/// for the steady-state year its per-year costs.
struct YearFlows {
  std::array<std::array<double, 4>, kOperatingFlowCount> by_quarter{};  ///< [flow][quarter]
  std::optional<CampusCosts> costs;  ///< the steady-state year only
};

struct OperatingYears {
  int first_year = 0;                 ///< calendar year of state_of_year[0]
  std::vector<int> state_of_year;     ///< index into flows; -1: no building in service that year
  std::vector<YearFlows> flows;       ///< one per distinct state
  std::vector<int> run_year;          ///< the calendar year simulated for each state
  std::optional<std::size_t> steady;  ///< the state with every asset in service all year
};

/// Whether the grid is exactly the calendar year `year` (1 January to 1 January).
[[nodiscard]] bool is_calendar_year(const TimeGrid& grid, int year);

/// Summarises a simulated year; `steady` says whether it is the steady-state year.
using YearSummary = std::function<YearFlows(const CampusRun& run, bool steady)>;

/// The states of the years first_year..last_year, each distinct one simulated once and
/// summarised. The simulations start at construction, one thread each, and do not depend on the
/// scenario's own run, so they can share the cores with it; finish() takes that run (which stands
/// for `own_year` unless a GPU refresh changed its fleet) and waits for the rest. The result does
/// not depend on the threads. Neither copyable nor movable (the threads refer to it); `scenario`
/// and `inputs` must outlive it.
class OperatingYearRuns {
 public:
  OperatingYearRuns(const Scenario& scenario, const RunInputs& inputs, int first_year,
                    int last_year, int own_year, YearSummary summarise);
  OperatingYearRuns(const OperatingYearRuns&) = delete;
  OperatingYearRuns& operator=(const OperatingYearRuns&) = delete;
  ~OperatingYearRuns();

  /// The years, with `own` summarised for its own state.
  [[nodiscard]] OperatingYears finish(const CampusRun& own);

 private:
  YearSummary summarise_;
  OperatingYears years_;
  std::vector<std::future<YearFlows>> pending_;
  std::vector<double> price_factor_;  ///< on each state's compute revenue
};

}  // namespace stargate
