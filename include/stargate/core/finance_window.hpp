// The window of a campus's quarterly finance: where its cash-flow table starts and ends.
//
// Construction of each building and energy asset is spent over the kConstructionMonths calendar
// months before its online date (energy assets from the later of their online date and the run
// start, the grid connection from the run start). The window starts at the calendar quarter that
// holds the earliest of those construction starts and runs finance.analysis_years of whole
// quarters. Worked number: a building online 2026-01-01 and a run from 2026-01-01 start the
// window in 2025-Q1; with analysis_years = 10 it ends on 2035-01-01.
// Funding dated at or after the window's end is a located input error (io/scenario_checks.cpp).
#pragma once

#include <cstddef>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {

/// Months of construction spend before an asset's online date (FACTS.md: ~12 months a building).
inline constexpr int kConstructionMonths = 12;
/// Months over which a building's GPUs are paid for before it enters service: racks are bought on
/// delivery and installed in the last quarter of the build (assumed, L), not over the building's
/// whole construction.
inline constexpr int kGpuDeliveryMonths = 3;

struct FinanceWindow {
  int first_year = 2025;
  int first_quarter = 1;     ///< 1..4
  std::size_t quarters = 0;  ///< analysis_years * 4
  LocalTime start;           ///< first day of the first quarter
  LocalTime end;             ///< end of the last quarter
};

/// The window of quarters holding `first_spend`, `years` long.
[[nodiscard]] FinanceWindow finance_window_from(LocalTime first_spend, int years);

/// The earliest construction start of the scenario's capital assets (see above).
[[nodiscard]] LocalTime first_construction_spend(const Scenario& scenario, LocalTime run_start);

/// The scenario's window: from its first construction spend, finance.analysis_years long.
[[nodiscard]] FinanceWindow finance_window(const Scenario& scenario, LocalTime run_start);

}  // namespace stargate
