// The money of a small campus, derived by hand.
#include "stargate/sim/campus_finance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "run_scenario.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

// 10 MW of IT with 1,000 GB200 (100 k$ each in the catalogue), online before the run.
const std::string kCampus = R"([scenario]
name = "money"
start = 2026-01-01
duration = "1 y"
step = "1 h"

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "Hall"
online = 2026-01-01
it_capacity = "10 MW"
gpus = 1000

[compute]
model = "constant-utilisation"
it_utilisation = "50 %"

[grid]
import_limit = "20 MW"
price = "40 $/MWh"

[finance]
analysis_years = 10
gpu_hour_price = "2 $/GPU-h"

[[equity]]
partner = "Sponsor"
amount = "100 M$"
date = 2025-01-01
)";

TEST(CampusFinance, CapitalAnnualCostAndFunding) {
  const Results results = test::run_scenario(load_scenario_text(kCampus, "money.toml"));
  // Capex: 10,000 kW x 12,500 $/kW = 125 M$ of building, 1,000 x 100 k$ = 100 M$ of GPUs.
  EXPECT_NEAR(results.kpi("capex_total_usd"), 225e6, 1.0);
  // Annualised: 125 M$ x CRF(7.5 %, 20 y) + 100 M$ x CRF(11 %, 5 y).
  const double annualised =
      125e6 * capital_recovery_factor(0.075, 20.0) + 100e6 * capital_recovery_factor(0.11, 5.0);
  EXPECT_NEAR(results.kpi("annualised_capital_cost_usd_per_yr"), annualised, 1.0);
  // GPU-hours: constant utilisation 50 % of 1,000 GPUs over 8,760 h = 4.38 M GPU-h.
  EXPECT_NEAR(results.kpi("gpu_hours_delivered_per_yr"), 4.38e6, 1e-3);
  EXPECT_NEAR(results.kpi("cost_per_gpu_hour_usd_per_gpu_h"),
              results.kpi("annual_cost_usd_per_yr") / 4.38e6, 1e-9);
  // Funding: 100 M$ of equity against at least 225 M$ of uses: a gap, said in plain words.
  EXPECT_NEAR(results.kpi("funding_sources_usd"), 100e6, 1.0);
  EXPECT_LT(results.kpi("funding_coverage_fraction"), 100.0 / 225.0 + 1e-9);
  ASSERT_EQ(results.findings().size(), 1U);
  EXPECT_NE(results.findings()[0].find("short from"), std::string::npos) << results.findings()[0];
  // The quarterly table: 10 years of quarters, capex columns summing to the capex spent.
  ASSERT_EQ(results.tables().size(), 1U);
  const Table& table = results.tables()[0];
  EXPECT_EQ(table.name, "cashflow");
  EXPECT_EQ(table.keys.size(), 40U);
  EXPECT_EQ(table.keys.front(), "2025-Q1");  // construction starts 12 months before online
}

const Series& column(const Table& table, const std::string& name) {
  for (const Series& series : table.columns) {
    if (series.name == name) return series;
  }
  throw std::logic_error("no column " + name);
}

std::size_t row_of(const Table& table, const std::string& quarter) {
  for (std::size_t q = 0; q < table.keys.size(); ++q) {
    if (table.keys[q] == quarter) return q;
  }
  throw std::logic_error("no quarter " + quarter);
}

// kCampus run in 2027 with a second hall of 1,000 GPUs from 2027-07-01.
std::string two_halls() {
  std::string text = kCampus;
  text.replace(text.find("start = 2026-01-01"), 18, "start = 2027-01-01");
  text.replace(text.find("[compute]"), 9, R"([[building]]
name = "Hall 2"
online = 2027-07-01
it_capacity = "10 MW"
gpus = 1000

[compute])");
  return text;
}

TEST(CampusFinance, EachYearDrawsOnTheSimulationOfItsState) {
  // A second hall of 1,000 GPUs comes online on 2027-07-01; the run is 2027. States: 2025 none
  // (Hall online 2026-01-01), 2026 one hall (simulated), 2027 the run (a ramp year), 2028 on the
  // steady state (both halls, simulated once). Revenue at 2 $/GPU-h x 50 %: one hall earns
  // 1,000 x 0.5 x 2 x hours of the quarter; both halls twice that.
  std::string text = two_halls();
  text.replace(text.find("[finance]"), 9, "[finance]\ngpu_roadmap = false");
  const Results results = test::run_scenario(load_scenario_text(text, "money.toml"));
  const Table& table = results.tables()[0];
  const Series& year = column(table, "operating_year");
  const Series& revenue = column(table, "revenue_usd");
  const auto at = [&](const std::string& quarter) { return row_of(table, quarter); };
  EXPECT_EQ(year.values[at("2025-Q4")], 0.0);
  EXPECT_EQ(revenue.values[at("2025-Q4")], 0.0);
  EXPECT_EQ(year.values[at("2026-Q2")], 2026.0);  // simulated: the run is 2027
  EXPECT_NEAR(revenue.values[at("2026-Q2")], 1000 * 0.5 * 2 * 91 * 24, 1e-3);  // 91 days
  EXPECT_EQ(year.values[at("2027-Q2")], 2027.0);
  EXPECT_NEAR(revenue.values[at("2027-Q2")], 1000 * 0.5 * 2 * 91 * 24, 1e-3);
  EXPECT_NEAR(revenue.values[at("2027-Q3")], 2 * 1000 * 0.5 * 2 * 92 * 24, 1e-3);
  for (const char* quarter : {"2028-Q1", "2031-Q4", "2034-Q4"}) {
    EXPECT_EQ(year.values[at(quarter)], 2028.0) << quarter;  // one steady-state simulation
  }
  EXPECT_NEAR(revenue.values[at("2030-Q3")], 2 * 1000 * 0.5 * 2 * 92 * 24, 1e-3);
  // Per-year costs describe the steady state: 2,000 GPUs x 50 % x 8,760 h.
  EXPECT_EQ(results.kpi("cost_year"), 2028.0);
  // 2028 has 366 days; per year means per 365 days: 2,000 x 0.5 x 8,760 h.
  EXPECT_NEAR(results.kpi("gpu_hours_delivered_per_yr"), 2000 * 0.5 * 8760, 1e-3);
}

TEST(CampusFinance, RefreshesBuyTheGenerationOfTheirYear) {
  // The GPU roadmap (default trends): Hall's GPUs are bought again on 2031-01-01 and Hall 2's on
  // 2032-07-01, t = 5 years on: price x (1.35 x 0.758)^5 = 1.1224 per GPU; power per GPU x 1.1^5
  // = 1.61 (2.91 kW all-in), so a 10 MW hall still holds its 1,000. 2031 is a state of its own
  // (Hall refreshed at mid-year, Hall 2 not); from 2032 (Hall 2's refresh falls on its 1 July,
  // the day that decides a year's state) both are; the contract prices a GPU-hour of the new
  // generation 1.1224x.
  const Results results = test::run_scenario(load_scenario_text(two_halls(), "money.toml"));
  const Table& table = results.tables()[0];
  const Series& year = column(table, "operating_year");
  const Series& revenue = column(table, "revenue_usd");
  const Series& gpus = column(table, "capex_gpus_usd");
  const auto at = [&](const std::string& quarter) { return row_of(table, quarter); };
  const double factor = std::pow(1.35 * 0.758, 5.0);
  EXPECT_NEAR(gpus.values[at("2031-Q1")], 1000 * 100e3 * factor, 1.0);
  EXPECT_NEAR(gpus.values[at("2032-Q3")], 1000 * 100e3 * factor, 1.0);
  EXPECT_EQ(year.values[at("2030-Q2")], 2028.0);  // the steady state, first GPUs
  EXPECT_EQ(year.values[at("2031-Q2")], 2031.0);
  EXPECT_EQ(year.values[at("2032-Q2")], 2032.0);
  EXPECT_EQ(year.values[at("2034-Q4")], 2032.0);
  EXPECT_NEAR(revenue.values[at("2031-Q2")], (1.0 + factor) * 1000 * 0.5 * 2 * 91 * 24, 1e-3);
  EXPECT_NEAR(revenue.values[at("2033-Q2")], 2 * factor * 1000 * 0.5 * 2 * 91 * 24, 1e-3);
  EXPECT_EQ(results.kpi("cost_year"), 2028.0);  // per-year costs: the first steady state
  // The first build does not count the refreshes.
  EXPECT_NEAR(results.kpi("capex_total_usd"), 2 * 225e6, 1.0);
}

TEST(CampusFinance, FundingAfterTheHorizonIsABadInput) {
  std::string text = kCampus;
  text.replace(text.find("date = 2025-01-01"), 17, "date = 2040-01-01");
  try {
    (void)load_scenario_text(text, "money.toml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("equity[0].date: expected a date before the end of "
                        "the analysis (2035-01-01), got 2040-01-01"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace stargate
