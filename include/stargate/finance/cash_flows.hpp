// Quarterly cash-flow table of a campus: capital spending on an S-curve before each asset comes
// online, replacements at end of life at a trended price, fixed O&M while in service, and variable
// items (energy, fuel, revenue) passed in per quarter.
//
// Construction spend (S-curve): an asset of capex K coming online at T after m months of
// construction spends, between construction start T0 = T - m months and T, the cumulative share
//   S(t) = 3 t^2 - 2 t^3,   t = (time - T0) / (T - T0) in [0, 1]
// the "smoothstep", which is exactly the cumulative distribution of a Beta(2, 2) distribution (the
// regularised incomplete beta function I_t(2, 2)), the simplest symmetric S-curve. S-shaped
// cumulative spend is the standard description of construction cash flow (Kenley and Wilson, "A
// construction project cash flow model - an idiographic approach", Construction Management and
// Economics 4(3), 1986, fit a logit S-curve per project); a skewed Beta(a, b) is the natural
// extension for front- or back-loaded spend. Time is measured in seconds; the spend in a quarter
// [a, b) is
//   K (S(t_b) - S(t_a)).
// Worked number: 12 months ending 2027-01-01 in four equal quarters would spend 15.625 %,
// 34.375 %, 34.375 %, 15.625 % (S(0.25) = 0.15625, S(0.5) = 0.5); the real quarters of 2026 (90,
// 91, 92, 92 days) give 15.24 %, 34.14 %, 34.76 %, 15.86 % (tested). m = 0 spends all of K in the
// quarter containing T.
//
// Replacement: with replace_at_end_of_life, the asset is bought again at T + L, T + 2L, ... (L the
// life in years) at K (1 + g)^(years since T), g the annual price trend (e.g. -0.15: GPUs of the
// same capability get 15 % a year cheaper); each replacement is spent as a lump in the quarter of
// its date. Without replacement the asset retires at T + L.
// Fixed O&M: F USD per year accrues for every second in service: F * seconds / (365 * 86400).
//
// Columns add up: capex_usd = initial_capex_usd + replacement_capex_usd = sum over asset classes
// of capex_by_class_usd; total_cost_usd = capex + fixed O&M + energy + fuel + payments to other
// parties (parties.hpp); net_cash_flow_usd = revenue + terminal value + tax credits - total cost
// - tax. Capital spent before or after the horizon is not in the columns but is
// reported in capex_outside_horizon_usd, so that declared = in columns + outside.
// All money is nominal USD. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/finance/quarters.hpp"

namespace stargate {

enum class AssetClass {
  kBuilding,
  kGpus,
  kNetworkStorage,
  kSolar,
  kWind,
  kBatteryEnergy,
  kBatteryPower,
  kGas,
  kInterconnection,
  kOther,
};
inline constexpr std::size_t kAssetClassCount = 10;

/// "building", "gpus", "network_storage", "solar", "wind", "battery_energy", "battery_power",
/// "gas", "interconnection", "other".
[[nodiscard]] std::string_view asset_class_name(AssetClass asset_class);
/// The class of a name as written by asset_class_name; std::nullopt for another name.
[[nodiscard]] std::optional<AssetClass> asset_class_from_name(std::string_view name);

/// One capital asset (or a block of identical ones).
struct CapitalAsset {
  std::string name;  ///< for messages
  AssetClass asset_class = AssetClass::kOther;
  double capex_usd = 0.0;                         ///< overnight cost, >= 0
  LocalTime online;                               ///< date it enters service
  int construction_months = 12;                   ///< spend window before online, 0..120
  double lifetime_years = 20.0;                   ///< > 0
  bool replace_at_end_of_life = false;            ///< buy again every lifetime_years
  double replacement_price_trend_per_year = 0.0;  ///< g, annual fraction > -1 (e.g. -0.15)
  double fixed_om_usd_per_year = 0.0;             ///< >= 0, while in service
  /// A later purchase replacing an earlier asset (a GPU refresh of another generation): spent as
  /// a lump in the quarter of its online date, in replacement_capex_usd, not part of the build.
  bool is_refresh = false;
};

/// Throws std::invalid_argument naming the asset and field when a parameter is out of range.
void validate_capital_asset(const CapitalAsset& asset);

/// Variable items per quarter, each empty (all zero) or one value per quarter of the horizon.
struct VariableFlows {
  std::vector<double> energy_cost_usd;  ///< grid energy and demand charges, >= 0
  std::vector<double> fuel_cost_usd;    ///< gas fuel, >= 0
  std::vector<double> revenue_usd;      ///< compute sales, lease income to the campus, >= 0
  std::vector<double> payments_usd;     ///< paid to another party (rent, compute contract), >= 0
};

/// The quarterly table (struct of arrays, every column one value per quarter).
struct CashFlowTable {
  std::vector<LocalTime> quarter_start;  ///< start of each quarter
  LocalTime horizon_end;                 ///< end of the last quarter
  std::array<std::vector<double>, kAssetClassCount> capex_by_class_usd;  ///< by AssetClass index
  std::vector<double> initial_capex_usd;                                 ///< construction spend
  std::vector<double> replacement_capex_usd;  ///< end-of-life repurchases
  std::vector<double> capex_usd;              ///< initial + replacement
  std::vector<double> fixed_om_usd;
  std::vector<double> energy_cost_usd;
  std::vector<double> fuel_cost_usd;
  std::vector<double> revenue_usd;
  std::vector<double> payments_usd;        ///< to another party: rent, compute contract
  std::vector<double> total_cost_usd;      ///< capex + fixed O&M + energy + fuel + payments
  std::vector<double> depreciation_usd;    ///< tax depreciation (MACRS; tax.hpp), not a cash flow
  std::vector<double> tax_usd;             ///< income tax paid (tax.hpp), 0 unless applied
  std::vector<double> tax_credit_usd;      ///< investment and production tax credits (tax.hpp)
  std::vector<double> terminal_value_usd;  ///< book value of the assets at the horizon end
  /// revenue + terminal value + tax credits - total cost - tax
  std::vector<double> net_cash_flow_usd;
  double capex_outside_horizon_usd = 0.0;  ///< initial + replacement spend outside the horizon

  [[nodiscard]] std::size_t size() const { return quarter_start.size(); }
};

/// One purchase of an asset: the day it enters service and what it costs.
struct Purchase {
  LocalTime online;
  double price_usd = 0.0;
};

/// The asset's purchases before `until`: the first at its online date for its capex, then, with
/// replace_at_end_of_life, one every lifetime_years at the trended price (see above).
[[nodiscard]] std::vector<Purchase> asset_purchases(const CapitalAsset& asset, LocalTime until);

/// A table of zeros over the horizon (validates it).
[[nodiscard]] CashFlowTable make_cash_flow_table(const QuarterHorizon& horizon);

/// Recomputes capex_usd, total_cost_usd and net_cash_flow_usd (revenue + terminal value + tax
/// credits - total cost - tax) from the other columns (after a caller has filled or edited them).
void recompute_totals(CashFlowTable& table);

/// Builds the table of the assets and variable items over the horizon. Throws
/// std::invalid_argument for a bad asset, a variable column of the wrong length, or a negative or
/// non-finite variable value.
[[nodiscard]] CashFlowTable build_cash_flows(const std::vector<CapitalAsset>& assets,
                                             const QuarterHorizon& horizon,
                                             const VariableFlows& variable = {});

/// Column-wise sum of two tables on the same quarters (two campuses, or a campus and its energy
/// assets); throws std::invalid_argument when the quarters differ.
[[nodiscard]] CashFlowTable add_cash_flows(const CashFlowTable& a, const CashFlowTable& b);

/// The cumulative S-curve share S(t) = 3 t^2 - 2 t^3, t clamped to [0, 1].
[[nodiscard]] double s_curve_share(double t);

}  // namespace stargate
