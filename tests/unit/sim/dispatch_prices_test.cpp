// The rules answer prices as a planner expects: a carbon price lowers CO2, a dearer fuel never
// lowers the energy cost (docs/dispatch.md). A month of a 100 MW campus with a 90 MW gas plant
// on synthetic ERCOT-like prices.
#include <gtest/gtest.h>

#include <string>

#include "run_scenario.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

const std::string kCampus = R"([scenario]
name = "prices"
start = 2026-07-01
duration = "30 d"
step = "15 min"
seed = 7

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "Hall"
online = 2026-01-01
it_capacity = "100 MW"
gpus = 50_000

[compute]
model = "constant-utilisation"
it_utilisation = "80 %"

[[gas]]
name = "Peaker"
units = 2
unit_capacity = "45 MW"

[grid]
import_limit = "200 MW"
price = "40 $/MWh"
carbon_intensity = "380 kg/MWh"

[grid.market]
prices = "synthetic"
)";

Results run_with(const std::string& extra) {
  return test::run_scenario(load_scenario_text(kCampus + extra, "prices.toml"));
}

TEST(DispatchPrices, CarbonPriceLowersCo2AndFuelPriceRaisesCost) {
  const Results base = run_with("");
  const Results carbon = run_with("\n[dispatch]\ncarbon_price = \"100 $/t\"\n");
  ASSERT_GT(base.kpi("gas_co2_t"), 0.0);  // the plant runs: the comparisons mean something
  EXPECT_LT(carbon.kpi("total_co2_t"), base.kpi("total_co2_t"));
  std::string doubled = kCampus;
  doubled.replace(doubled.find("unit_capacity = \"45 MW\""), 23,
                  "unit_capacity = \"45 MW\"\nfuel_price = \"4 $/MMBtu\"");
  const Results dearer = test::run_scenario(load_scenario_text(doubled, "prices.toml"));
  EXPECT_GE(dearer.kpi("net_energy_cost_usd"), base.kpi("net_energy_cost_usd"));
  EXPECT_LE(dearer.kpi("gas_co2_t"), base.kpi("gas_co2_t"));
}

}  // namespace
}  // namespace stargate
