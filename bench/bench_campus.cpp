// The whole run of examples/abilene.toml (400,000 GPUs, ~21,000 jobs, solar, wind, battery, gas,
// grid, dispatch) over one year at 15, 5 and 1-minute steps, its energy side alone (the fleet
// replaced by constant utilisation) and scenario loading. Targets (docs/architecture.md): a campus
// year at 5-minute steps <= 1 s and at 1-minute steps <= 4 s on one core, the energy side at 5
// minutes <= 50 ms.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/inputs/run_inputs.hpp"
#include "stargate/io/file_text.hpp"
#include "stargate/io/scenario_loader.hpp"
#include "stargate/sim/campus_results.hpp"

namespace {

const std::string kExample = std::string(STARGATE_SOURCE_DIR) + "/examples/abilene.toml";

void run_year(benchmark::State& state, const stargate::Scenario& scenario) {
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

std::string step_override(const benchmark::State& state) {
  return "scenario.step=" + std::to_string(state.range(0)) + "min";
}

void BM_CampusYear(benchmark::State& state) {
  const std::vector<std::string> step{step_override(state)};
  run_year(state, stargate::load_scenario(kExample, step));
}
BENCHMARK(BM_CampusYear)->Arg(15)->Arg(5)->Arg(1)->Unit(benchmark::kMillisecond);

// The example with its [compute] and [[inference]] tables replaced by constant utilisation.
stargate::Scenario energy_side_scenario(const benchmark::State& state) {
  const std::string text(stargate::read_text_file(kExample).view());
  const std::size_t compute = text.find("\n[compute]\n");
  const std::size_t facility = text.find("\n[facility]\n");
  if (compute == std::string::npos || facility == std::string::npos || facility < compute) {
    throw std::logic_error("examples/abilene.toml: [compute] or [facility] not found");
  }
  const std::string energy_side = text.substr(0, compute) +
                                  "\n[compute]\nmodel = \"constant-utilisation\"\n" +
                                  text.substr(facility);
  const std::vector<std::string> step{step_override(state)};
  return stargate::load_scenario_text(energy_side, kExample, step);
}

void BM_CampusEnergyYear(benchmark::State& state) {
  run_year(state, energy_side_scenario(state));
}
BENCHMARK(BM_CampusEnergyYear)->Arg(5)->Unit(benchmark::kMillisecond);

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
