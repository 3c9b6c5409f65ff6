// A programme adds up its campuses: two copies of one campus double its costs and funding uses;
// the summed cash-flow columns add up; the on-site LCOE matches a hand value.
#include "stargate/sim/programme_finance.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_scenario.hpp"
#include "stargate/finance/money_math.hpp"
#include "stargate/io/programme_loader.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

// 10 MW of IT with 1,000 GB200 (100 k$ each), 12 MW DC / 10 MW AC of solar, online at the start.
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

[[solar]]
name = "PV"
online = 2026-01-01
capacity = "12 MW"

[compute]
model = "constant-utilisation"
it_utilisation = "50 %"

[grid]
import_limit = "20 MW"
price = "40 $/MWh"

[finance]
gpu_roadmap = false  # the same GPUs again at the same price: hand-checked sums
analysis_years = 10

[[equity]]
partner = "Sponsor"
amount = "100 M$"
date = 2025-01-01
)";

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (const double v : values) {
    total += v;
  }
  return total;
}

double column_kwh(const Results& results, const char* name) {
  double kwh = 0.0;
  for (const double kw : results.column(name)) {
    kwh += kw * results.grid().step_h();
  }
  return kwh;
}

// `copies` campuses of one scenario with its inputs.
std::vector<ProgrammeCampus> campuses_of(const Scenario& campus, std::size_t copies) {
  const RunInputs inputs = load_run_inputs(campus);
  return std::vector<ProgrammeCampus>(copies, ProgrammeCampus{&campus, inputs});
}

Programme programme_of(std::size_t copies) {
  Programme programme;
  programme.programme.name = "copies";
  programme.programme.analysis_years = 10;
  for (std::size_t i = 0; i < copies; ++i) {
    programme.campuses.push_back(CampusEntry{"Copy " + std::to_string(i), "money.toml", 0});
  }
  return programme;
}

TEST(ProgrammeFinance, TwoCopiesOfOneCampusDoubleItsCostsAndFundingUses) {
  const Scenario campus = load_scenario_text(kCampus, "money.toml");
  const FinanceWindow window = finance_window(campus, run_grid(campus).start());
  const ProgrammeOutcome single = run_programme(programme_of(1), campuses_of(campus, 1), window);
  const ProgrammeOutcome twice = run_programme(programme_of(2), campuses_of(campus, 2), window);
  const auto kpi = [](const ProgrammeOutcome& o, const std::string& key) {
    for (const Kpi& k : o.kpis) {
      if (k.key == key) {
        return k.value;
      }
    }
    ADD_FAILURE() << "no KPI " << key;
    return 0.0;
  };
  // Capex: 125 M$ of building + 100 M$ of GPUs + 10 MW AC x 1.5 $/W = 15 M$ of solar = 240 M$.
  EXPECT_NEAR(kpi(single, "capex_total_usd"), 240e6, 1.0);
  EXPECT_NEAR(kpi(twice, "capex_total_usd"), 480e6, 2.0);
  EXPECT_NEAR(kpi(twice, "it_capacity_mw"), 20.0, 1e-9);
  EXPECT_NEAR(kpi(twice, "funding_uses_usd"), 2.0 * kpi(single, "funding_uses_usd"), 1.0);
  EXPECT_NEAR(kpi(twice, "funding_sources_usd"), 200e6, 1.0);  // each copy's 100 M$
  EXPECT_NEAR(kpi(twice, "annual_cost_usd_per_yr"), 2.0 * kpi(single, "annual_cost_usd_per_yr"),
              1.0);
  EXPECT_NEAR(kpi(twice, "cost_per_gpu_hour_usd_per_gpu_h"),
              kpi(single, "cost_per_gpu_hour_usd_per_gpu_h"), 1e-9);
  ASSERT_EQ(twice.cash_flows.size(), 40U);
  for (std::size_t q = 0; q < twice.cash_flows.size(); ++q) {
    EXPECT_NEAR(twice.cash_flows.capex_usd[q], 2.0 * single.cash_flows.capex_usd[q], 1e-3);
    EXPECT_NEAR(twice.cash_flows.net_cash_flow_usd[q], 2.0 * single.cash_flows.net_cash_flow_usd[q],
                1e-3);
  }
  // The verdict counts the committed equity against twice the build: 200 / 480+ M$.
  ASSERT_FALSE(twice.findings.empty());
  EXPECT_NE(twice.findings[0].find("short from"), std::string::npos) << twice.findings[0];
  EXPECT_EQ(twice.cashflow_table.keys.size(), 40U);
}

TEST(ProgrammeFinance, CashFlowsSumToTheTotals) {
  const Scenario campus = load_scenario_text(kCampus, "money.toml");
  const FinanceWindow window = finance_window(campus, run_grid(campus).start());
  const ProgrammeOutcome outcome = run_programme(programme_of(2), campuses_of(campus, 2), window);
  const CashFlowTable& t = outcome.cash_flows;
  // Declared capex: first builds 480 M$ + the GPUs bought again after 5 years (2 x 100 M$, no
  // price trend) = 680 M$, all inside the 10-year window.
  EXPECT_NEAR(sum(t.capex_usd) + t.capex_outside_horizon_usd, 680e6, 1.0);
  EXPECT_NEAR(sum(t.replacement_capex_usd), 200e6, 1.0);
  double by_class = 0.0;
  for (const auto& column : t.capex_by_class_usd) {
    by_class += sum(column);
  }
  EXPECT_NEAR(by_class, sum(t.capex_usd), 1e-3);
  for (std::size_t q = 0; q < t.size(); ++q) {
    EXPECT_NEAR(t.total_cost_usd[q],
                t.capex_usd[q] + t.fixed_om_usd[q] + t.energy_cost_usd[q] + t.fuel_cost_usd[q] +
                    t.payments_usd[q],
                1e-3);
    EXPECT_NEAR(t.net_cash_flow_usd[q],
                t.revenue_usd[q] + t.terminal_value_usd[q] + t.tax_credit_usd[q] -
                    t.total_cost_usd[q] - t.tax_usd[q],
                1e-3);
  }
  // Fixed O&M in a full year of service: building 1.5 % of 125 M$ + solar 22 $/kW-yr x 10 MW =
  // 2.095 M$ per campus; 2027 is a whole year in service.
  EXPECT_NEAR(t.fixed_om_usd[8] + t.fixed_om_usd[9] + t.fixed_om_usd[10] + t.fixed_om_usd[11],
              2.0 * 2.095e6, 1.0);
}

TEST(ProgrammeFinance, OnSiteLcoeAndDeliveredEnergyCostByHand) {
  const Results results = test::run_scenario(load_scenario_text(kCampus, "money.toml"));
  // Solar: 10 MW AC x 1.5 $/W = 15 M$ at CRF(7 %, 25 y) = 0.0858105 -> 1.287158 M$/yr, plus
  // 22 $/kW-yr x 10,000 kW = 0.22 M$/yr fixed O&M: 1.507158 M$/yr over the solar energy used.
  const double solar_mwh =
      (column_kwh(results, "solar_kw") - column_kwh(results, "curtailed_kw")) / 1000.0;
  ASSERT_GT(solar_mwh, 10'000.0);
  const double annual_usd = 15e6 * capital_recovery_factor(0.07, 25.0) + 0.22e6;
  EXPECT_NEAR(annual_usd, 1.507158e6, 1.0);
  EXPECT_NEAR(results.kpi("lcoe_on_site_usd_per_mwh"), annual_usd / solar_mwh, 1e-6);
  // Delivered: the on-site annual cost plus the grid's net energy cost, over the energy served.
  const double served_mwh =
      (column_kwh(results, "facility_load_kw") - column_kwh(results, "unserved_kw")) / 1000.0;
  EXPECT_NEAR(results.kpi("delivered_energy_cost_usd_per_mwh"),
              (annual_usd + results.kpi("net_energy_cost_usd")) / served_mwh, 1e-6);
  EXPECT_NEAR(results.kpi("fixed_om_usd_per_yr"), 2.095e6, 1.0);
}

TEST(ProgrammeFinance, LeaseRevenueReplacesGpuHourSales) {
  std::string text = kCampus;
  text.replace(text.find("analysis_years = 10"), 19,
               "analysis_years = 10\nrevenue = \"lease\"\ntenant_buys_gpus = true");
  text += R"(
[[lease]]
payer = "Tenant"
amount_per_year = "20 M$"
start = 2026-01-01
term = "5 y"
)";
  const Results results = test::run_scenario(load_scenario_text(text, "money.toml"));
  // No GPU capex (the tenant's), and the revenue is the lease: 20 M$ a year over 5 years of
  // 365 days (plus the leap day of 2028: 1,826 days) = 20 M$ x 1826 / 365, within the window.
  EXPECT_NEAR(results.kpi("capex_total_usd"), 140e6, 1.0);
  EXPECT_NEAR(results.kpi("revenue_total_usd"), 20e6 * 1826.0 / 365.0, 1.0);
}

TEST(ProgrammeLoader, ShiftMovesEveryDate) {
  Scenario campus = load_scenario_text(kCampus, "money.toml");
  shift_scenario_dates(campus, 18);
  EXPECT_EQ(format_date(campus.run.start), "2027-07-01");
  EXPECT_EQ(format_date(campus.buildings[0].online), "2027-07-01");
  EXPECT_EQ(format_date(campus.solar[0].online), "2027-07-01");
  EXPECT_EQ(format_date(campus.equity[0].date), "2026-07-01");
}

}  // namespace
}  // namespace stargate
