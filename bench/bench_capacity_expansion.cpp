// The capacity-expansion LP of examples/abilene.toml (solar, wind, battery power and energy, gas,
// interconnection, flexible compute; annual clean share 0.9) solved by Clp's dual simplex, over
// 40 days and over the hourly year. Target (issue 7): the hourly year <= 30 s on one core.
// Counters: rows, columns, non-zeros, simplex iterations. The year takes minutes today
// (docs/optimization.md, "Performance").
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/io/scenario_loader.hpp"
#include "stargate/optimize/capacity_expansion.hpp"

namespace {

const std::string kExample = std::string(STARGATE_SOURCE_DIR) + "/examples/abilene.toml";

void BM_CapacityExpansion(benchmark::State& state) {
  std::vector<std::string> overrides{"optimize.clean_share=0.9", "optimize.time_limit=3600s"};
  if (state.range(0) < 365) {
    overrides.emplace_back("scenario.start=2026-11-01");
    overrides.push_back("scenario.duration=" + std::to_string(state.range(0)) + "d");
  }
  const stargate::Scenario scenario = stargate::load_scenario(kExample, overrides);
  const stargate::ExpansionInputs inputs = stargate::expansion_inputs(scenario);
  stargate::ExpansionResult result;
  for (auto _ : state) {
    result = stargate::solve_expansion(inputs, scenario.optimize, std::nullopt);
    if (result.status != stargate::lp::Status::kOptimal || result.plan.clean_share < 0.9 - 1e-6) {
      throw std::logic_error("capacity expansion not optimal");
    }
    benchmark::DoNotOptimize(result);
  }
  state.counters["rows"] = result.rows;
  state.counters["columns"] = result.columns;
  state.counters["nonzeros"] = static_cast<double>(result.nonzeros);
  state.counters["iterations"] = result.iterations;
}
BENCHMARK(BM_CapacityExpansion)->Arg(40)->Unit(benchmark::kSecond);
BENCHMARK(BM_CapacityExpansion)->Arg(365)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
