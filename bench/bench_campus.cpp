// The whole run of examples/abilene.toml (400,000 GPUs, ~21,000 jobs, solar, wind, battery, gas,
// grid, dispatch) over one year at 15, 5 and 1-minute steps, and scenario loading. Targets
// (docs/architecture.md): a campus year at 5-minute steps <= 1 s and at 1-minute steps <= 4 s on
// one core.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/sim/campus_results.hpp"

namespace {

const std::string kExample = std::string(STARGATE_SOURCE_DIR) + "/examples/abilene.toml";

void BM_CampusYear(benchmark::State& state) {
  const std::vector<std::string> step{"scenario.step=" + std::to_string(state.range(0)) + "min"};
  const stargate::Scenario scenario = stargate::load_scenario(kExample, step);
  const std::size_t expected_steps = 365U * 24U * 60U / static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    // The input stage (synthetic weather, wind, prices and workload), the step loop, the finance.
    stargate::Results results = stargate::run_campus(scenario, stargate::load_run_inputs(scenario));
    if (results.grid().size() != expected_steps || results.kpi("facility_energy_mwh") <= 0.0) {
      throw std::logic_error("unexpected simulation result");
    }
    benchmark::DoNotOptimize(results);
  }
  state.counters["steps"] = static_cast<double>(expected_steps);
}
BENCHMARK(BM_CampusYear)->Arg(15)->Arg(5)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_LoadScenario(benchmark::State& state) {
  for (auto _ : state) {
    const stargate::Scenario scenario = stargate::load_scenario(kExample);
    if (scenario.buildings.size() != 8) {
      throw std::logic_error("unexpected scenario");
    }
    benchmark::DoNotOptimize(scenario);
  }
}
BENCHMARK(BM_LoadScenario)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
