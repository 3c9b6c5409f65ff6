// The scenario's batteries and gas plants during the step loop: their models, the step each comes
// online, the batteries' state-of-charge histories (for wear), the ones online in the present step,
// and the recording of one step's dispatch into the run's series and totals.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/dispatch/rule_dispatch.hpp"
#include "stargate/energy/battery.hpp"
#include "stargate/energy/gas_plant.hpp"
#include "stargate/sim/campus_run.hpp"

namespace stargate {

class SupplyPools {
 public:
  /// Builds the models; adds the nameplate capacities to `totals`.
  SupplyPools(const Scenario& scenario, const TimeGrid& grid, RunTotals& totals);

  /// Selects the assets online at `step`; stored_before_kwh() is then their energy before it.
  void select(std::size_t step);
  [[nodiscard]] DispatchAssets online();
  [[nodiscard]] double stored_before_kwh() const { return stored_before_kwh_; }
  /// The renewable part of the energy stored (before the present step's record()).
  [[nodiscard]] double clean_kwh() const { return clean_stored_kwh_; }

  /// The supply's reach for the power budget: `base_kw` (renewables and imports) plus what the
  /// online batteries can discharge and the online plants deliver this step (`nameplate`: their
  /// power and capacity instead).
  [[nodiscard]] double reach_kw(double base_kw, double step_h, bool nameplate) const;

  /// Writes one step's flows into the series and totals, with the clean-energy accounting:
  /// renewables used directly, plus the renewable share of battery discharge (the stored energy
  /// is tracked as one pool with a renewable share).
  /// `grid_clean_fraction` is the grid's carbon-free share (the CFE score, docs/carbon.md).
  void record(std::size_t step, const DispatchFlows& flows, double export_price_share,
              double grid_clean_fraction, double step_h, RunSeries& series, RunTotals& totals);

  /// Battery wear over the run (rainflow cycles and calendar fade) into `totals`.
  void assess_wear(const Scenario& scenario, const TimeGrid& grid, RunTotals& totals) const;

 private:
  std::vector<std::unique_ptr<Battery>> batteries_;
  std::vector<std::size_t> battery_online_step_;
  std::vector<std::vector<double>> soc_history_;
  std::vector<std::unique_ptr<GasPlant>> plants_;
  std::vector<std::size_t> plant_online_step_;
  std::vector<double> fuel_price_;
  std::vector<Battery*> online_batteries_;
  std::vector<GasPlant*> online_plants_;
  std::vector<double> online_fuel_price_;
  std::size_t battery_count_ = 0;
  std::size_t plant_count_ = 0;
  double stored_before_kwh_ = 0.0;
  double clean_stored_kwh_ = 0.0;  ///< renewable share of the energy in the batteries
};

}  // namespace stargate
