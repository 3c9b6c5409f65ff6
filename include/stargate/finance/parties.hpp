// Who pays for what: a campus split between a landlord, a tenant and an offtaker (docs/finance.md,
// "Parties"), as Abilene is financed: the Crusoe / Blue Owl / Primary Digital joint venture
// (landlord) builds the buildings and the power and leases them to Oracle (tenant), which buys
// the GPUs and sells their compute to OpenAI (offtaker).
//
// Ownership: the tenant owns the GPUs and the network and storage; the landlord owns everything
// else (buildings, solar, wind, batteries, gas, the grid connection).
// Flows per quarter (all nominal USD):
//   landlord: revenue = rent; costs = its assets' capex and fixed O&M;
//   tenant:   revenue = the compute contract (GPU-hours delivered x the GPU-hour price) + energy
//             exports and any net energy income; costs = its assets' capex and fixed O&M, the
//             energy and fuel bills (passed through at cost, as in a wholesale data-centre lease
//             where the tenant pays for the power it uses) and the rent (a payment);
//   offtaker: pays the compute contract (a payment); no assets and no revenue modelled.
// Rent: the lease price per kW of IT capacity per year, each building's capacity from its online
// date, escalated by (1 + e) each full year since the first building came online:
//   rent_q = sum_b price x kW_b x (years of quarter q with b in service) x (1 + e)^floor(t / 1 y).
// Each party is taxed on its own income (tax.hpp; the rent and the compute contract are
// deductible payments), so the landlord's and tenant's cash flows add up to the campus's:
// the rent cancels, and their taxes are the campus's taxes. Each party is funded from its own
// [[equity]] and [[debt]] (funding.hpp) and discounted at its own rate.
// Worked number (tests): 100 MW of IT online on 2026-01-01 at 150 $/kW-month (1,800 $/kW-yr)
// pays 180 M$ a year, 44.38 M$ in 2026-Q1 (90 of 365 days); with 3 % escalation 185.4 M$ in 2027.
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/finance/cash_flows.hpp"
#include "stargate/finance/funding.hpp"
#include "stargate/finance/tax.hpp"

namespace stargate {

enum class Party { kLandlord, kTenant, kOfftaker };
inline constexpr std::size_t kPartyCount = 3;

/// "landlord", "tenant", "offtaker".
[[nodiscard]] std::string_view party_name(Party party);

/// The party owning an asset class (see above): the tenant for GPUs and network and storage.
[[nodiscard]] Party asset_owner(AssetClass asset_class);

/// IT capacity let from a date (one building).
struct LeasedCapacity {
  LocalTime start;
  double it_kw = 0.0;
};

/// The rent of each quarter of `table` (see above). Throws std::invalid_argument for a negative
/// or non-finite price, capacity or escalation at or below -100 %.
[[nodiscard]] std::vector<double> rent_by_quarter(const std::vector<LeasedCapacity>& capacity,
                                                  double usd_per_kw_yr, double escalation_per_year,
                                                  const CashFlowTable& table);

/// A campus's operations per quarter, by who pays and who earns (each one value per quarter).
struct CampusOperations {
  std::vector<double> compute_contract_usd;  ///< offtaker -> tenant
  std::vector<double> other_revenue_usd;     ///< exports and net energy income (the tenant's)
  std::vector<double> energy_cost_usd;       ///< the tenant's
  std::vector<double> fuel_cost_usd;         ///< the tenant's
  std::vector<double> rent_usd;              ///< tenant -> landlord
};

/// A party's own funding and the rate its cash flows are discounted at.
struct PartyTerms {
  FundingPlan plan;
  double discount_rate = 0.0;
};

/// One party's money.
struct PartyAccount {
  Party party = Party::kLandlord;
  CashFlowTable cash_flows;
  FundingPlan plan;      ///< its own sources
  FundingTable funding;  ///< its sources against its capital (the offtaker: equity only)
  double npv_usd = 0.0;  ///< of net_cash_flow_usd at its discount rate
  std::optional<double> irr_fraction;
  double sources_usd = 0.0;   ///< equity and debt counted
  double uses_usd = 0.0;      ///< capital and capitalised interest (the offtaker: its payments)
  double revenue_usd = 0.0;   ///< over the horizon
  double payments_usd = 0.0;  ///< rent or compute contract paid over the horizon
  std::string verdict;        ///< "landlord: ..." one sentence
};

/// A party's account from its cash flows and terms (NPV, IRR, funding, the verdict sentence).
[[nodiscard]] PartyAccount party_account(Party party, CashFlowTable cash_flows,
                                         const PartyTerms& terms);

/// The landlord's, the tenant's and the offtaker's accounts (in that order) for the campus's
/// assets and operations. `terms` and `plans` are indexed by Party.
[[nodiscard]] std::array<PartyAccount, kPartyCount> party_accounts(
    const std::vector<CapitalAsset>& assets, const QuarterHorizon& horizon,
    const CampusOperations& operations, const std::array<PartyTerms, kPartyCount>& terms,
    const TaxTerms& tax, const CreditableEnergy& energy);

/// The factor s on `rent_usd` at which the landlord's NPV at `discount_rate` is zero: the
/// breakeven lease price is s x the price that gave `rent_usd` (rent is linear in the price).
/// Found by bisection to 2^-50 of its bracket; none without rent or above 1,024 x.
[[nodiscard]] std::optional<double> breakeven_rent_scale(const std::vector<CapitalAsset>& assets,
                                                         const QuarterHorizon& horizon,
                                                         const std::vector<double>& rent_usd,
                                                         const TaxTerms& tax,
                                                         const CreditableEnergy& energy,
                                                         double discount_rate);

}  // namespace stargate
