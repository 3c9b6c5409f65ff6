// A building's IT capacity against its GPUs: derived when omitted, refused when the GPUs need
// more, a warning from the input stage when they need less than 85 % of it.
#include "stargate/io/gpu_types.hpp"

#include <gtest/gtest.h>

#include <string>

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/scenario_loader.hpp"

namespace stargate {
namespace {

const std::string kScenario = R"([scenario]
name = "s"
start = 2026-01-01
duration = "7 d"
step = "1 h"

[site]
latitude = 32.45
longitude = -99.73
utc_offset = "-6 h"

[[building]]
name = "B1"
online = 2026-01-01
gpus = 50_000

[grid]
import_limit = "1 GW"
price = "30 $/MWh"
)";

std::string with_capacity(const std::string& capacity) {
  std::string text = kScenario;
  return text.replace(text.find("gpus = 50_000"), 13,
                      "it_capacity = \"" + capacity + "\"\ngpus = 50_000");
}

TEST(BuildingPower, AllInPowerPerGpuByHand) {
  // GB200: 1,200 W x 1.4 node overhead x 1.075 network and storage = 1,806 W; x72 = 130 kW.
  EXPECT_NEAR(catalogue_gpu("gb200-nvl72").full_load_it_kw_per_gpu(), 1.806, 1e-12);
  EXPECT_NEAR(catalogue_gpu("gb200-nvl72").full_load_it_kw_per_gpu() * 72, 130.032, 1e-9);
  // H100 SXM in 8-GPU HGX: 700 W x 1.8 x 1.075 = 1,354.5 W.
  EXPECT_NEAR(catalogue_gpu("h100-sxm").full_load_it_kw_per_gpu(), 1.3545, 1e-12);
}

TEST(BuildingPower, OmittedCapacityIsDerivedFromTheGpus) {
  const Scenario s = load_scenario_text(kScenario, "s.toml");
  EXPECT_NEAR(s.buildings[0].it_capacity_kw, 50000 * 1.806, 1e-6);  // 90.3 MW
  EXPECT_TRUE(load_run_inputs(s).warnings.empty());
}

TEST(BuildingPower, MoreGpusThanThePowerCarriesIsAnError) {
  try {
    (void)load_scenario_text(with_capacity("90 MW"), "s.toml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("s.toml:16:8: error: building[0].gpus: 50000 gb200-nvl72 GPUs at 1.806 kW "
                        "each need 90.3 MW of IT power at full load, more than the building's "
                        "it_capacity of 90.0 MW"),
              std::string::npos)
        << error.what();
  }
}

TEST(BuildingPower, FewGpusForTheCapacityIsAWarning) {
  // 90.3 MW of 110 MW = 82 %: under 85 %. At 105 MW (86 %) there is no warning.
  const RunInputs low = load_run_inputs(load_scenario_text(with_capacity("110 MW"), "s.toml"));
  ASSERT_EQ(low.warnings.size(), 1U);
  EXPECT_NE(low.warnings[0].find("building \"B1\": its 50000 gb200-nvl72 GPUs need 90.3 MW of IT "
                                 "power at full load, 82 % of its it_capacity of 110.0 MW"),
            std::string::npos)
      << low.warnings[0];
  EXPECT_TRUE(
      load_run_inputs(load_scenario_text(with_capacity("105 MW"), "s.toml")).warnings.empty());
}

TEST(BuildingPower, ZeroCapacityWrittenIsAnError) {
  try {
    (void)load_scenario_text(with_capacity("0 MW"), "s.toml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("building[0].it_capacity: expected a power greater "
                        "than 0 W"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace stargate
