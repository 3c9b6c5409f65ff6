// Landlord, tenant and offtaker accounts, by hand: the rent, a split that sums to the campus, and
// the breakeven rent.
#include "stargate/finance/parties.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "stargate/core/units.hpp"
#include "stargate/finance/money_math.hpp"

namespace stargate {
namespace {

LocalTime date(int year, int month, int day) {
  return local_from_civil(CivilTime{year, month, day});
}

double sum(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

CapitalAsset asset(std::string name, AssetClass asset_class, double capex_usd, double life_years,
                   bool replace) {
  CapitalAsset a;
  a.name = std::move(name);
  a.asset_class = asset_class;
  a.capex_usd = capex_usd;
  a.online = date(2026, 1, 1);
  a.construction_months = 12;
  a.lifetime_years = life_years;
  a.replace_at_end_of_life = replace;
  a.fixed_om_usd_per_year = 0.01 * capex_usd;
  return a;
}

TEST(Parties, RentPerKwFromEachBuildingsDateWithEscalation) {
  // 100 MW of IT from 2026-01-01 at 150 $/kW-month = 1,800 $/kW-yr: 180 M$ a year; 2026-Q1 holds
  // 90 of 365 days = 44.38 M$; with 3 % escalation 2027 pays 185.4 M$.
  const CashFlowTable table = make_cash_flow_table(QuarterHorizon{2026, 1, 8});
  const std::vector<LeasedCapacity> building{{date(2026, 1, 1), 100e3}};
  const std::vector<double> flat = rent_by_quarter(building, 1800.0, 0.0, table);
  EXPECT_NEAR(flat[0], 180e6 * 90.0 / 365.0, 1.0);
  EXPECT_NEAR(flat[0] + flat[1] + flat[2] + flat[3], 180e6, 1.0);
  const std::vector<double> escalated = rent_by_quarter(building, 1800.0, 0.03, table);
  EXPECT_NEAR(escalated[4] + escalated[5] + escalated[6] + escalated[7], 185.4e6, 1.0);
  // A second building from 2026-07-01 pays from its own date, escalated on the campus's lease
  // years (from the first building).
  const std::vector<LeasedCapacity> two{{date(2026, 1, 1), 100e3}, {date(2026, 7, 1), 50e3}};
  const std::vector<double> both = rent_by_quarter(two, 1800.0, 0.0, table);
  EXPECT_NEAR(both[1], flat[1], 1.0);
  EXPECT_NEAR(both[2], flat[2] * 1.5, 1.0);
  EXPECT_THROW((void)rent_by_quarter(building, -1.0, 0.0, table), std::invalid_argument);
}

struct Split {
  std::vector<CapitalAsset> assets;
  QuarterHorizon horizon{2025, 1, 40};
  CampusOperations operations;
  std::array<PartyTerms, kPartyCount> terms;
};

Split two_party_campus() {
  Split s;
  s.assets = {asset("shell", AssetClass::kBuilding, 1e9, 20.0, false),
              asset("solar", AssetClass::kSolar, 0.2e9, 25.0, false),
              asset("gpus", AssetClass::kGpus, 2e9, 5.0, true)};
  const std::size_t n = s.horizon.quarters;
  s.operations.compute_contract_usd.assign(n, 0.0);
  s.operations.other_revenue_usd.assign(n, 1e6);
  s.operations.energy_cost_usd.assign(n, 20e6);
  s.operations.fuel_cost_usd.assign(n, 5e6);
  for (std::size_t q = 4; q < n; ++q) s.operations.compute_contract_usd[q] = 300e6;
  s.operations.rent_usd =
      rent_by_quarter({{date(2026, 1, 1), 100e3}}, 1800.0, 0.025, make_cash_flow_table(s.horizon));
  s.terms[0].discount_rate = 0.075;
  s.terms[1].discount_rate = 0.11;
  s.terms[2].discount_rate = 0.11;
  s.terms[0].plan.equity.push_back(
      EquityCommitment{"landlord equity", 0.5e9, date(2025, 1, 1), CommitmentStatus::kCommitted});
  s.terms[0].plan.debt.push_back(DebtFacility{"bank", 0.6e9, 0.07, 7.0, date(2025, 1, 1)});
  s.terms[0].plan.completion = date(2026, 1, 1);
  s.terms[1].plan.equity.push_back(
      EquityCommitment{"tenant equity", 2e9, date(2025, 1, 1), CommitmentStatus::kCommitted});
  s.terms[1].plan.completion = date(2026, 1, 1);
  return s;
}

TEST(Parties, LandlordAndTenantSumToTheCampusLessTheRent) {
  const Split s = two_party_campus();
  const CreditableEnergy energy;
  const auto accounts =
      party_accounts(s.assets, s.horizon, s.operations, s.terms, TaxTerms{}, energy);
  const CashFlowTable& landlord = accounts[0].cash_flows;
  const CashFlowTable& tenant = accounts[1].cash_flows;
  // Ownership: the landlord has the shell and the solar, the tenant the GPUs.
  EXPECT_NEAR(sum(landlord.capex_by_class_usd[static_cast<std::size_t>(AssetClass::kGpus)]), 0.0,
              1e-9);
  EXPECT_NEAR(sum(tenant.capex_by_class_usd[static_cast<std::size_t>(AssetClass::kBuilding)]), 0.0,
              1e-9);
  // The rent is the landlord's revenue and the tenant's payment.
  EXPECT_NEAR(sum(landlord.revenue_usd), sum(s.operations.rent_usd), 1e-3);
  EXPECT_NEAR(sum(tenant.payments_usd), sum(s.operations.rent_usd), 1e-3);
  // Solar's ITC (in service 2026, construction from 2025) is the landlord's: 30 % of 0.2 $B.
  EXPECT_NEAR(sum(landlord.tax_credit_usd), 0.06e9, 1e-3);
  // Campus pre-tax flows: revenue - costs, with the rent cancelling.
  for (std::size_t q = 0; q < landlord.size(); ++q) {
    const double campus_before_tax =
        s.operations.compute_contract_usd[q] + s.operations.other_revenue_usd[q] -
        s.operations.energy_cost_usd[q] - s.operations.fuel_cost_usd[q] - landlord.capex_usd[q] -
        tenant.capex_usd[q] - landlord.fixed_om_usd[q] - tenant.fixed_om_usd[q] +
        landlord.terminal_value_usd[q] + tenant.terminal_value_usd[q] + landlord.tax_credit_usd[q];
    EXPECT_NEAR(landlord.net_cash_flow_usd[q] + tenant.net_cash_flow_usd[q],
                campus_before_tax - landlord.tax_usd[q] - tenant.tax_usd[q], 1e-3);
  }
  // The offtaker pays the contract and owns nothing.
  EXPECT_NEAR(accounts[2].uses_usd, sum(s.operations.compute_contract_usd), 1e-3);
  EXPECT_NEAR(accounts[2].npv_usd, -npv(0.11, s.operations.compute_contract_usd, kYearsPerQuarter),
              1e-3);
  EXPECT_FALSE(accounts[2].irr_fraction);
  // Each party's funding: landlord 1.1 $B of sources against its 1.2 $B build.
  EXPECT_NEAR(accounts[0].sources_usd, 1.1e9, 1e-3);
  EXPECT_GT(accounts[0].uses_usd, 1.2e9);  // + capitalised interest
  EXPECT_EQ(accounts[0].verdict.rfind("landlord: ", 0), 0U);
  EXPECT_EQ(accounts[2].verdict.rfind("offtaker: pays ", 0), 0U);
}

TEST(Parties, BreakevenRentGivesTheLandlordAZeroNpv) {
  const Split s = two_party_campus();
  const CreditableEnergy energy;
  const auto scale =
      breakeven_rent_scale(s.assets, s.horizon, s.operations.rent_usd, TaxTerms{}, energy, 0.075);
  ASSERT_TRUE(scale);
  Split at = s;
  for (double& r : at.operations.rent_usd) r *= *scale;
  const auto accounts =
      party_accounts(at.assets, at.horizon, at.operations, at.terms, TaxTerms{}, energy);
  EXPECT_NEAR(accounts[0].npv_usd, 0.0, 1.0);
  EXPECT_NEAR(*accounts[0].irr_fraction, 0.075, 1e-6);
  EXPECT_FALSE(breakeven_rent_scale(s.assets, s.horizon, std::vector<double>(40, 0.0), TaxTerms{},
                                    energy, 0.075));
}

}  // namespace
}  // namespace stargate
