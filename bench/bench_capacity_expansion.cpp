// The capacity-expansion LP of examples/abilene.toml (solar, wind, battery power and energy, gas,
// interconnection, flexible compute) with optimize.algorithm "automatic": the dual simplex on
// 40 days (960 steps), the barrier on the banded form for the hourly year.
// Target (issue 7): the hourly year <= 30 s on one core. Counters: rows, columns, non-zeros and
// iterations of the model solved (docs/optimization.md, "Performance").
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/io/scenario_loader.hpp"
#include "stargate/optimize/capacity_expansion.hpp"

namespace {

const std::string kExample = std::string(STARGATE_SOURCE_DIR) + "/examples/abilene.toml";

void run_expansion(benchmark::State& state, std::vector<std::string> overrides) {
  overrides.emplace_back("optimize.time_limit=3600s");
  const stargate::Scenario scenario = stargate::load_scenario(kExample, overrides);
  const stargate::ExpansionInputs inputs = stargate::expansion_inputs(
      scenario, stargate::load_run_inputs(scenario, stargate::expansion_needs(scenario)));
  stargate::ExpansionResult result;
  for (auto _ : state) {
    result = stargate::solve_expansion(inputs, scenario.optimize, std::nullopt);
    if (result.status != stargate::lp::Status::kOptimal) {
      throw std::logic_error("capacity expansion not optimal");
    }
    benchmark::DoNotOptimize(result);
  }
  state.counters["rows"] = result.rows;
  state.counters["columns"] = result.columns;
  state.counters["nonzeros"] = static_cast<double>(result.nonzeros);
  state.counters["iterations"] = result.iterations;
  state.counters["clean_share"] = result.plan.clean_share;
  state.counters["cfe_share"] = result.plan.cfe_share;
}

// Annual clean share 0.9 over 40 days (dual simplex).
void BM_Expansion40DaysCleanShare(benchmark::State& state) {
  run_expansion(state,
                {"optimize.clean_share=0.9", "scenario.start=2026-11-01", "scenario.duration=40d"});
}
BENCHMARK(BM_Expansion40DaysCleanShare)->Unit(benchmark::kSecond);

// The case: the hourly year, annual clean share 0.9 (barrier, no crossover).
void BM_ExpansionYearCleanShare(benchmark::State& state) {
  run_expansion(state, {"optimize.clean_share=0.9"});
}
BENCHMARK(BM_ExpansionYearCleanShare)->Iterations(1)->Unit(benchmark::kSecond);

// The hourly year with 24/7 CFE 0.95 binding (both battery pools in use).
void BM_ExpansionYearCfe(benchmark::State& state) {
  run_expansion(state, {"optimize.cfe=0.95"});
}
BENCHMARK(BM_ExpansionYearCfe)->Iterations(1)->Unit(benchmark::kSecond);

// The case with crossover to a vertex solution.
void BM_ExpansionYearCleanShareCrossover(benchmark::State& state) {
  run_expansion(state, {"optimize.clean_share=0.9", "optimize.crossover=true"});
}
BENCHMARK(BM_ExpansionYearCleanShareCrossover)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
