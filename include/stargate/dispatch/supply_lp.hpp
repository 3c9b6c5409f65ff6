// The supply of one campus as a linear programme: dispatch of solar, wind, a battery, gas and
// the grid over a horizon of equal steps, with capacities either given or chosen (capacity
// expansion), flexible compute as deferrable energy, and clean-energy requirements.
// docs/optimization.md derives every row; in short, per step t of dt hours (powers in MW):
//
//   renewables   r2l_t + chr_t + exp_t <= sum_s cf_st P_s            (the rest is curtailed)
//   balance      r2l_t + dis_ct + dis_gt + gas_t + imp_t + uns_t = firm_t + pue_t flex_t
//   battery      S^c_t = (1-sd) S^c_t-1 + eta_c chr_t dt - dis_ct dt / eta_d     (clean pool)
//                S^g_t = (1-sd) S^g_t-1 + eta_c chg_t dt - dis_gt dt / eta_d     (grid pool)
//                chr_t + chg_t <= a_t B_p,  dis_ct + dis_gt <= a_t B_p,
//                a_t soc_min B_e <= S^c_t + S^g_t <= a_t soc_max B_e   (a_t: share online)
//   gas          gas_t <= a_t G,  |gas_t - gas_t-1| <= ramp G
//   grid         imp_t + chg_t <= I,  exp_t <= min(export limit, I)
//   flexible     sum_{t in w} flex_t dt + shed_w = E_w,  shed_w <= max_shed E_w  (each window w)
//                flex_t <= flex_max_t + X_it   (X_it: extra IT capacity, when chosen)
//   clean share  sum_t (r2l + dis_c + exp)_t dt >= X sum_t load_t dt       (annual, volumetric)
//   24/7 CFE     sum_t (r2l + dis_c)_t dt >= Y sum_t load_t dt             (hourly matched)
//   curtailment  sum_t curtailed_t dt <= Z sum_t available_t dt
//
// Objective (USD over the horizon): capacities x annual cost x years + grid energy at price
// + demand (4CP) charges + gas fuel and VOM + carbon price x CO2 - export revenue + value of
// flexible compute shed + value of unserved load. The battery's clean and grid pools make the
// 24/7 score linear; the engine mixes them into one pool with a clean share (sim), so the
// simulated score of the same dispatch is at most the LP's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stargate/lp/lp_model.hpp"
#include "stargate/lp/lp_solution.hpp"

namespace stargate {

/// A capacity (MW or MWh) that the LP takes as given, or chooses within [min, max].
struct CapacityChoice {
  bool choose = false;
  double fixed = 0.0;                     ///< the capacity when not chosen
  double min = 0.0;                       ///< when chosen
  double max = lp::kInfinity;             ///< when chosen
  double annual_cost_usd_per_unit = 0.0;  ///< annualised capital + fixed O&M, when chosen
};

/// A renewable plant: its output per MW of capacity at each step, and the capacity.
struct RenewableCandidate {
  std::string name;
  std::vector<double> output_per_mw;  ///< MW per MW of capacity, one per step
  CapacityChoice capacity;            ///< MW (DC for solar, rated for wind)
};

struct BatteryCandidate {
  CapacityChoice power_mw;
  CapacityChoice energy_mwh;
  double charge_efficiency = 0.922;
  double discharge_efficiency = 0.922;
  double soc_min_fraction = 0.05;
  double soc_max_fraction = 0.95;
  double self_discharge_per_day = 0.0;
  double initial_soc_fraction = 0.5;  ///< with cyclic_storage false: the start (all clean)
  bool charge_from_grid = true;
  std::vector<double> available;  ///< share of the capacity online per step, 0..1; empty = all
};

struct GasCandidate {
  CapacityChoice capacity_mw;
  double cost_usd_per_mwh = 0.0;  ///< fuel at full-load heat rate + VOM
  double co2_t_per_mwh = 0.0;
  double ramp_fraction_per_step = 1.0;  ///< of capacity; >= 1 adds no ramp rows
  std::vector<double> available;        ///< share of the capacity online per step; empty = all
};

struct GridCandidate {
  CapacityChoice import_mw;  ///< the interconnection
  double export_limit_mw = 0.0;
  double export_price_share = 1.0;
};

/// Everything the LP needs, on the horizon's steps.
struct SupplyLpProblem {
  double step_h = 1.0;
  std::vector<double> firm_load_mw;        ///< facility power that must be served
  std::vector<double> flexible_it_mw;      ///< flexible IT power asked for (the baseline)
  std::vector<double> flexible_it_max_mw;  ///< IT headroom for flexible work; empty = baseline
  std::vector<double> pue;                 ///< facility / IT power of flexible work
  /// IT capacity added for flexible work (extra GPUs with their building share), MW of IT: each
  /// step's flexible IT may reach flexible_it_max_mw + this. Fixed at 0 by default.
  CapacityChoice extra_it_mw;
  std::size_t flexible_window_steps = 24;  ///< flexible work moves only within its window
  double max_shed_fraction = 0.0;          ///< of each window's flexible energy
  double shed_cost_usd_per_mwh = 0.0;      ///< value of flexible compute not delivered (IT)
  double unserved_cost_usd_per_mwh = 0.0;  ///< > 0 allows unserved firm load at this cost
  std::vector<double> price_usd_per_mwh;
  std::vector<double> carbon_t_per_mwh;          ///< grid
  std::vector<double> demand_charge_usd_per_mw;  ///< on imports in a step (4CP); empty = none
  double carbon_price_usd_per_t = 0.0;
  double horizon_years = 1.0;  ///< multiplies the annual costs of chosen capacities

  std::vector<RenewableCandidate> solar;
  std::vector<RenewableCandidate> wind;
  std::optional<BatteryCandidate> battery;
  std::optional<GasCandidate> gas;
  GridCandidate grid;

  bool cyclic_storage = true;          ///< end state = start state (a typical year)
  double initial_soc_clean_mwh = 0.0;  ///< with cyclic_storage false
  double initial_soc_grid_mwh = 0.0;
  double terminal_soc_min_mwh = 0.0;  ///< with cyclic_storage false: energy left at the end

  double min_clean_share = 0.0;         ///< X; 0 adds no row
  double min_cfe_share = 0.0;           ///< Y; 0 adds no row
  double max_curtailed_fraction = 1.0;  ///< Z; 1 adds no row

  [[nodiscard]] std::size_t steps() const { return firm_load_mw.size(); }
};

/// The built model and where each quantity lives in it.
struct SupplyLp {
  lp::Model model;
  struct StepColumns {
    int renewable_to_load = -1, charge_renewable = -1, charge_grid = -1, discharge_clean = -1,
        discharge_grid = -1, soc_clean = -1, soc_grid = -1, gas = -1, import = -1, export_ = -1,
        flexible = -1, unserved = -1;
  };
  std::vector<StepColumns> step;  ///< one per step (-1: not in the model)
  std::vector<int> solar_capacity, wind_capacity;
  int battery_power = -1, battery_energy = -1, gas_capacity = -1, import_capacity = -1,
      extra_it = -1;
  std::vector<int> shed;  ///< one per flexible window
  int clean_row = -1, cfe_row = -1, curtailment_row = -1;
  std::vector<int> balance_row;  ///< one per step
};

/// How chosen capacities enter the per-step rows.
enum class CapacityColumns {
  kShared,   ///< one column per capacity (smallest model; best for the simplex)
  kPerStep,  ///< a copy per step chained by cap_t = cap_t-1 (the first is the costed column), so
             ///< that no column spans the horizon and an interior point's normal equations stay
             ///< banded; the chains must survive presolve (lp::SolveOptions::presolve_substitution)
};

/// Throws std::invalid_argument when the per-step vectors differ in length or hold bad values.
[[nodiscard]] SupplyLp build_supply_lp(const SupplyLpProblem& problem,
                                       CapacityColumns capacities = CapacityColumns::kShared);

/// The LP's answer in engine terms.
struct SupplyPlan {
  lp::Status status = lp::Status::kFailed;
  double step_h = 1.0;
  // Capacities (MW, MWh).
  std::vector<double> solar_mw, wind_mw;
  double battery_power_mw = 0.0, battery_energy_mwh = 0.0, gas_mw = 0.0, import_mw = 0.0,
         extra_it_mw = 0.0;
  // Flows per step (MW) and storage (MWh, end of step).
  std::vector<double> renewable_available, curtailed, renewable_to_load, charge, charge_grid,
      discharge, discharge_clean, soc, soc_clean, gas, import, export_, flexible_it, facility_load,
      unserved;
  // Totals over the horizon (MWh, USD).
  double load_mwh = 0.0, clean_mwh = 0.0, matched_mwh = 0.0, curtailed_mwh = 0.0,
         available_mwh = 0.0, shed_it_mwh = 0.0, unserved_mwh = 0.0;
  double capacity_cost_usd = 0.0, grid_energy_cost_usd = 0.0, demand_charge_usd = 0.0,
         gas_cost_usd = 0.0, carbon_cost_usd = 0.0, export_revenue_usd = 0.0, shed_cost_usd = 0.0,
         unserved_cost_usd = 0.0, objective_usd = 0.0;
  double co2_t = 0.0;
  // Shares and shadow prices.
  double clean_share = 0.0, cfe_share = 0.0;
  /// d objective / d requirement, USD per percentage point (0 when the row is not binding).
  double clean_share_marginal_usd_per_point = 0.0, cfe_marginal_usd_per_point = 0.0;
};

/// Reads the solution of a model from build_supply_lp (flows are empty unless optimal).
[[nodiscard]] SupplyPlan read_supply_plan(const SupplyLpProblem& problem, const SupplyLp& lp,
                                          const lp::Solution& solution);

}  // namespace stargate
