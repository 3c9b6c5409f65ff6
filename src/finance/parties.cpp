// Landlord, tenant and offtaker accounts: see include/stargate/finance/parties.hpp.
#include "stargate/finance/parties.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/finance/quarters.hpp"

namespace stargate {
namespace {

constexpr double kMaxRentScale = 1024.0;  // breakeven search: up to 1,024 x the rent given
constexpr int kBisections = 50;           // bracket / 2^50: far below a cent per kW-month
constexpr std::array<std::string_view, kPartyCount> kPartyNames = {"landlord", "tenant",
                                                                   "offtaker"};

double total(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

std::vector<CapitalAsset> owned_by(const std::vector<CapitalAsset>& assets, Party party) {
  std::vector<CapitalAsset> owned;
  for (const CapitalAsset& asset : assets) {
    if (asset_owner(asset.asset_class) == party) owned.push_back(asset);
  }
  return owned;
}

CashFlowTable landlord_cash_flows(const std::vector<CapitalAsset>& landlord_assets,
                                  const QuarterHorizon& horizon, const std::vector<double>& rent,
                                  const TaxTerms& tax, const CreditableEnergy& energy) {
  CashFlowTable landlord =
      build_cash_flows(landlord_assets, horizon, VariableFlows{{}, {}, rent, {}});
  apply_tax_and_terminal_value(landlord, landlord_assets, tax, energy);
  return landlord;
}

// The offtaker owns nothing: its uses are the contract payments, its sources its equity.
PartyAccount offtaker_account(const CashFlowTable& empty, const CampusOperations& operations,
                              const PartyTerms& terms) {
  CashFlowTable flows = empty;
  flows.payments_usd = operations.compute_contract_usd;
  recompute_totals(flows);
  return party_account(Party::kOfftaker, std::move(flows), terms);
}

}  // namespace

PartyAccount party_account(Party party, CashFlowTable cash_flows, const PartyTerms& terms) {
  PartyAccount a;
  a.party = party;
  a.cash_flows = std::move(cash_flows);
  a.plan = terms.plan;
  a.funding = assess_funding(a.cash_flows, terms.plan);
  a.npv_usd = npv(terms.discount_rate, a.cash_flows.net_cash_flow_usd, kYearsPerQuarter);
  a.irr_fraction = irr(a.cash_flows.net_cash_flow_usd, kYearsPerQuarter);
  a.sources_usd = a.funding.total_sources_usd;
  a.uses_usd = a.funding.total_uses_usd;
  a.revenue_usd = total(a.cash_flows.revenue_usd);
  a.payments_usd = total(a.cash_flows.payments_usd);
  if (party != Party::kOfftaker) {
    a.verdict = fmt::format("{}: {}", party_name(party), a.funding.verdict);
    return a;
  }
  a.uses_usd = a.payments_usd;
  const double years = static_cast<double>(a.cash_flows.size()) * kYearsPerQuarter;
  a.verdict = fmt::format(
      "offtaker: pays {} for compute over {:.0f} years (NPV {} at {:.1f} %); {}",
      money_text(a.uses_usd), years, money_text(a.npv_usd),
      terms.discount_rate * kPercentPerFraction,
      a.sources_usd > 0.0
          ? fmt::format("its declared sources of {} cover {:.0f} % of it",
                        money_text(a.sources_usd),
                        a.sources_usd / std::max(a.uses_usd, 1.0) * kPercentPerFraction)
          : std::string("no sources are declared for it (paid from the offtaker's own revenue)"));
  return a;
}

std::string_view party_name(Party party) {
  return kPartyNames.at(static_cast<std::size_t>(party));
}

Party asset_owner(AssetClass asset_class) {
  return asset_class == AssetClass::kGpus || asset_class == AssetClass::kNetworkStorage
             ? Party::kTenant
             : Party::kLandlord;
}

std::vector<double> rent_by_quarter(const std::vector<LeasedCapacity>& capacity,
                                    double usd_per_kw_yr, double escalation_per_year,
                                    const CashFlowTable& table) {
  if (!(std::isfinite(usd_per_kw_yr) && usd_per_kw_yr >= 0.0) ||
      !(std::isfinite(escalation_per_year) && escalation_per_year > -1.0)) {
    throw std::invalid_argument("rent: the lease price must be >= 0 and escalation > -100 %");
  }
  std::vector<double> rent(table.size(), 0.0);
  if (capacity.empty()) return rent;
  LocalTime first = capacity.front().start;
  for (const LeasedCapacity& c : capacity) {
    if (!(std::isfinite(c.it_kw) && c.it_kw >= 0.0)) {
      throw std::invalid_argument("rent: leased IT capacity must be >= 0 kW");
    }
    first = std::min(first, c.start);
  }
  // Integrate price x kW x escalation over each quarter, piecewise between lease anniversaries.
  for (std::size_t q = 0; q < table.size(); ++q) {
    const LocalTime begin = table.quarter_start[q];
    const LocalTime end = q + 1 < table.size() ? table.quarter_start[q + 1] : table.horizon_end;
    for (const LeasedCapacity& c : capacity) {
      LocalTime from = std::max(begin, c.start);
      while (from < end) {
        int year = 0;
        while (!(from < add_calendar_years(first, year + 1))) ++year;
        const LocalTime to = std::min(end, add_calendar_years(first, year + 1));
        rent[q] += usd_per_kw_yr * c.it_kw * std::pow(1.0 + escalation_per_year, year) *
                   static_cast<double>(to.seconds - from.seconds) / kSecondsPerYear;
        from = to;
      }
    }
  }
  return rent;
}

std::array<PartyAccount, kPartyCount> party_accounts(
    const std::vector<CapitalAsset>& assets, const QuarterHorizon& horizon,
    const CampusOperations& operations, const std::array<PartyTerms, kPartyCount>& terms,
    const TaxTerms& tax, const CreditableEnergy& energy) {
  const auto index = [](Party p) { return static_cast<std::size_t>(p); };
  // Landlord: its assets, the rent as revenue; it owns the generation and takes its credits.
  const std::vector<CapitalAsset> landlord_assets = owned_by(assets, Party::kLandlord);
  CashFlowTable landlord =
      landlord_cash_flows(landlord_assets, horizon, operations.rent_usd, tax, energy);
  // Tenant: its assets, the compute contract and energy income; energy, fuel and rent as costs.
  std::vector<double> tenant_revenue = operations.compute_contract_usd;
  for (std::size_t q = 0; q < tenant_revenue.size() && q < operations.other_revenue_usd.size();
       ++q) {
    tenant_revenue[q] += operations.other_revenue_usd[q];
  }
  const std::vector<CapitalAsset> tenant_assets = owned_by(assets, Party::kTenant);
  CashFlowTable tenant =
      build_cash_flows(tenant_assets, horizon,
                       VariableFlows{operations.energy_cost_usd, operations.fuel_cost_usd,
                                     tenant_revenue, operations.rent_usd});
  apply_tax_and_terminal_value(tenant, tenant_assets, tax);
  return {
      party_account(Party::kLandlord, std::move(landlord), terms[index(Party::kLandlord)]),
      party_account(Party::kTenant, std::move(tenant), terms[index(Party::kTenant)]),
      offtaker_account(make_cash_flow_table(horizon), operations, terms[index(Party::kOfftaker)])};
}

std::optional<double> breakeven_rent_scale(const std::vector<CapitalAsset>& assets,
                                           const QuarterHorizon& horizon,
                                           const std::vector<double>& rent_usd, const TaxTerms& tax,
                                           const CreditableEnergy& energy, double discount_rate) {
  if (total(rent_usd) <= 0.0) return std::nullopt;
  const std::vector<CapitalAsset> landlord_assets = owned_by(assets, Party::kLandlord);
  const auto npv_at = [&](double scale) {
    std::vector<double> rent = rent_usd;
    for (double& r : rent) r *= scale;
    const CashFlowTable flows = landlord_cash_flows(landlord_assets, horizon, rent, tax, energy);
    return npv(discount_rate, flows.net_cash_flow_usd, kYearsPerQuarter);
  };
  // NPV rises with the rent (taxed at under 100 %); bracket the root, then bisect.
  double low = 0.0;
  double high = 1.0;
  while (npv_at(high) < 0.0) {
    low = high;
    high *= 2.0;
    if (high > kMaxRentScale) return std::nullopt;
  }
  if (npv_at(low) >= 0.0) return low;
  for (int i = 0; i < kBisections; ++i) {
    const double mid = 0.5 * (low + high);
    (npv_at(mid) < 0.0 ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

}  // namespace stargate
