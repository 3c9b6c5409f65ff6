// Quarterly cash-flow table. Equations, worked numbers and sources are at the top of
// include/stargate/finance/cash_flows.hpp and in docs/finance.md.
#include "stargate/finance/cash_flows.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr int kMaxConstructionMonths = 120;
constexpr double kMaxLifetimeYears = 100.0;
constexpr double kMinReplacedLifeYears = 0.25;
constexpr std::array<std::string_view, kAssetClassCount> kAssetClassNames = {
    "building",      "gpus", "network_storage", "solar", "wind", "battery_energy",
    "battery_power", "gas",  "interconnection", "other",
};

std::size_t index_of(AssetClass asset_class) {
  return static_cast<std::size_t>(asset_class);
}

void require(bool ok, const CapitalAsset& asset, const char* field, const std::string& expected) {
  if (!ok) {
    throw std::invalid_argument("capital asset '" + asset.name + "' " + field + ": expected " +
                                expected);
  }
}

double seconds_between(LocalTime a, LocalTime b) {
  return static_cast<double>(b.seconds - a.seconds);
}

// Index of the quarter containing `time`, or std::nullopt outside [start, end).
std::optional<std::size_t> quarter_of(const CashFlowTable& table, LocalTime time) {
  if (time < table.quarter_start.front() || !(time < table.horizon_end)) {
    return std::nullopt;
  }
  const auto after = std::upper_bound(table.quarter_start.begin(), table.quarter_start.end(), time);
  return static_cast<std::size_t>(after - table.quarter_start.begin()) - 1;
}

LocalTime quarter_end(const CashFlowTable& table, std::size_t q) {
  return q + 1 < table.size() ? table.quarter_start[q + 1] : table.horizon_end;
}

// Adds `amount` to the capex columns of the quarter containing `time`, or to the outside total.
void spend_lump(CashFlowTable& table, AssetClass asset_class, LocalTime time, double amount,
                std::vector<double>& column) {
  if (const auto q = quarter_of(table, time)) {
    table.capex_by_class_usd[index_of(asset_class)][*q] += amount;
    column[*q] += amount;
  } else {
    table.capex_outside_horizon_usd += amount;
  }
}

void add_construction(CashFlowTable& table, const CapitalAsset& asset) {
  if (asset.is_refresh) {
    spend_lump(table, asset.asset_class, asset.online, asset.capex_usd,
               table.replacement_capex_usd);
    return;
  }
  if (asset.construction_months == 0 || asset.capex_usd == 0.0) {
    spend_lump(table, asset.asset_class, asset.online, asset.capex_usd, table.initial_capex_usd);
    return;
  }
  const LocalTime start = add_calendar_months(asset.online, -asset.construction_months);
  const double window_s = seconds_between(start, asset.online);
  auto share_at = [&](LocalTime time) {
    return s_curve_share(seconds_between(start, time) / window_s);
  };
  double inside = 0.0;
  auto& by_class = table.capex_by_class_usd[index_of(asset.asset_class)];
  for (std::size_t q = 0; q < table.size(); ++q) {
    const double amount =
        asset.capex_usd * (share_at(quarter_end(table, q)) - share_at(table.quarter_start[q]));
    by_class[q] += amount;
    table.initial_capex_usd[q] += amount;
    inside += amount;
  }
  table.capex_outside_horizon_usd += asset.capex_usd - inside;
}

void add_replacements_and_om(CashFlowTable& table, const CapitalAsset& asset) {
  // Service runs from online to retirement (the horizon end when replaced indefinitely).
  LocalTime retire = table.horizon_end;
  if (asset.replace_at_end_of_life) {
    const std::vector<Purchase> purchases = asset_purchases(asset, table.horizon_end);
    for (std::size_t k = 1; k < purchases.size(); ++k) {
      spend_lump(table, asset.asset_class, purchases[k].online, purchases[k].price_usd,
                 table.replacement_capex_usd);
    }
  } else {
    retire = std::min(retire, add_years(asset.online, asset.lifetime_years));
  }
  if (asset.fixed_om_usd_per_year == 0.0) {
    return;
  }
  for (std::size_t q = 0; q < table.size(); ++q) {
    const LocalTime from = std::max(table.quarter_start[q], asset.online);
    const LocalTime to = std::min(quarter_end(table, q), retire);
    if (from < to) {
      table.fixed_om_usd[q] +=
          asset.fixed_om_usd_per_year * seconds_between(from, to) / kSecondsPerYear;
    }
  }
}

void copy_variable(const std::vector<double>& source, std::vector<double>& column,
                   const char* name) {
  if (source.empty()) {
    return;
  }
  if (source.size() != column.size()) {
    throw std::invalid_argument(std::string("variable flows ") + name + ": expected " +
                                std::to_string(column.size()) + " quarterly values, got " +
                                std::to_string(source.size()));
  }
  for (std::size_t q = 0; q < source.size(); ++q) {
    if (!std::isfinite(source[q]) || source[q] < 0.0) {
      throw std::invalid_argument(std::string("variable flows ") + name + "[" + std::to_string(q) +
                                  "]: expected a finite amount >= 0, got " +
                                  std::to_string(source[q]));
    }
  }
  column = source;
}

}  // namespace

std::string_view asset_class_name(AssetClass asset_class) {
  return kAssetClassNames.at(index_of(asset_class));
}

std::optional<AssetClass> asset_class_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kAssetClassCount; ++i) {
    if (kAssetClassNames[i] == name) {
      return static_cast<AssetClass>(i);
    }
  }
  return std::nullopt;
}

void validate_capital_asset(const CapitalAsset& asset) {
  require(index_of(asset.asset_class) < kAssetClassCount, asset, "asset_class", "a known class");
  require(std::isfinite(asset.capex_usd) && asset.capex_usd >= 0.0, asset, "capex_usd",
          "a finite amount >= 0, got " + std::to_string(asset.capex_usd));
  require(asset.construction_months >= 0 && asset.construction_months <= kMaxConstructionMonths,
          asset, "construction_months",
          "0..120 months, got " + std::to_string(asset.construction_months));
  require(std::isfinite(asset.lifetime_years) && asset.lifetime_years > 0.0 &&
              asset.lifetime_years <= kMaxLifetimeYears,
          asset, "lifetime_years",
          "a life > 0 and <= 100 years, got " + std::to_string(asset.lifetime_years));
  require(!asset.replace_at_end_of_life || asset.lifetime_years >= kMinReplacedLifeYears, asset,
          "lifetime_years",
          "at least 0.25 years for an asset replaced at end of life, got " +
              std::to_string(asset.lifetime_years));
  require(std::isfinite(asset.replacement_price_trend_per_year) &&
              asset.replacement_price_trend_per_year > -1.0,
          asset, "replacement_price_trend_per_year",
          "an annual fraction above -1 (-100 %), got " +
              std::to_string(asset.replacement_price_trend_per_year));
  require(std::isfinite(asset.fixed_om_usd_per_year) && asset.fixed_om_usd_per_year >= 0.0, asset,
          "fixed_om_usd_per_year",
          "a finite amount >= 0, got " + std::to_string(asset.fixed_om_usd_per_year));
}

double s_curve_share(double t) {
  const double x = std::clamp(t, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

std::vector<Purchase> asset_purchases(const CapitalAsset& asset, LocalTime until) {
  std::vector<Purchase> purchases{{asset.online, asset.capex_usd}};
  if (!asset.replace_at_end_of_life) return purchases;
  for (int k = 1;; ++k) {
    const double years = asset.lifetime_years * k;
    const LocalTime when = add_years(asset.online, years);
    if (!(when < until)) break;
    purchases.push_back(
        {when, asset.capex_usd * std::pow(1.0 + asset.replacement_price_trend_per_year, years)});
  }
  return purchases;
}

CashFlowTable make_cash_flow_table(const QuarterHorizon& horizon) {
  std::vector<LocalTime> boundaries = quarter_boundaries(horizon);
  CashFlowTable table;
  table.horizon_end = boundaries.back();
  boundaries.pop_back();
  table.quarter_start = std::move(boundaries);
  const std::vector<double> zeros(table.size(), 0.0);
  for (auto& column : table.capex_by_class_usd) {
    column = zeros;
  }
  for (auto* column :
       {&table.initial_capex_usd, &table.replacement_capex_usd, &table.capex_usd,
        &table.fixed_om_usd, &table.energy_cost_usd, &table.fuel_cost_usd, &table.revenue_usd,
        &table.total_cost_usd, &table.net_cash_flow_usd, &table.depreciation_usd, &table.tax_usd,
        &table.terminal_value_usd, &table.payments_usd, &table.tax_credit_usd}) {
    *column = zeros;
  }
  return table;
}

void recompute_totals(CashFlowTable& table) {
  for (std::size_t q = 0; q < table.size(); ++q) {
    table.capex_usd[q] = table.initial_capex_usd[q] + table.replacement_capex_usd[q];
    table.total_cost_usd[q] = table.capex_usd[q] + table.fixed_om_usd[q] +
                              table.energy_cost_usd[q] + table.fuel_cost_usd[q] +
                              table.payments_usd[q];
    table.net_cash_flow_usd[q] = table.revenue_usd[q] + table.terminal_value_usd[q] +
                                 table.tax_credit_usd[q] - table.total_cost_usd[q] -
                                 table.tax_usd[q];
  }
}

CashFlowTable build_cash_flows(const std::vector<CapitalAsset>& assets,
                               const QuarterHorizon& horizon, const VariableFlows& variable) {
  CashFlowTable table = make_cash_flow_table(horizon);
  copy_variable(variable.energy_cost_usd, table.energy_cost_usd, "energy_cost_usd");
  copy_variable(variable.fuel_cost_usd, table.fuel_cost_usd, "fuel_cost_usd");
  copy_variable(variable.revenue_usd, table.revenue_usd, "revenue_usd");
  copy_variable(variable.payments_usd, table.payments_usd, "payments_usd");
  for (const CapitalAsset& asset : assets) {
    validate_capital_asset(asset);
    add_construction(table, asset);
    add_replacements_and_om(table, asset);
  }
  recompute_totals(table);
  return table;
}

CashFlowTable add_cash_flows(const CashFlowTable& a, const CashFlowTable& b) {
  if (a.quarter_start != b.quarter_start || a.horizon_end != b.horizon_end) {
    throw std::invalid_argument("add_cash_flows: the two tables cover different quarters");
  }
  CashFlowTable sum = a;
  auto add = [](std::vector<double>& into, const std::vector<double>& from) {
    for (std::size_t q = 0; q < into.size(); ++q) {
      into[q] += from[q];
    }
  };
  for (std::size_t c = 0; c < kAssetClassCount; ++c) {
    add(sum.capex_by_class_usd[c], b.capex_by_class_usd[c]);
  }
  add(sum.initial_capex_usd, b.initial_capex_usd);
  add(sum.replacement_capex_usd, b.replacement_capex_usd);
  add(sum.fixed_om_usd, b.fixed_om_usd);
  add(sum.energy_cost_usd, b.energy_cost_usd);
  add(sum.fuel_cost_usd, b.fuel_cost_usd);
  add(sum.revenue_usd, b.revenue_usd);
  add(sum.payments_usd, b.payments_usd);
  add(sum.tax_credit_usd, b.tax_credit_usd);
  add(sum.depreciation_usd, b.depreciation_usd);
  add(sum.tax_usd, b.tax_usd);
  add(sum.terminal_value_usd, b.terminal_value_usd);
  sum.capex_outside_horizon_usd += b.capex_outside_horizon_usd;
  recompute_totals(sum);
  return sum;
}

}  // namespace stargate
