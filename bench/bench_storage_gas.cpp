// Storage and gas step functions over a year at 5-minute steps (105,120 steps; target well under
// 10 ms for the battery and gas steps together), and rainflow counting plus the degradation
// assessment of a year of 5-minute SOC samples. Each benchmark checks its result.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "stargate/energy/battery.hpp"
#include "stargate/energy/gas_plant.hpp"
#include "stargate/energy/rainflow.hpp"

namespace {

constexpr int kStepsPerYear = 105'120;  // 365 days * 288 five-minute steps
constexpr double kStepH = 5.0 / 60.0;

// A net load the battery and gas plant serve: a daily swing of +-300 MW around 150 MW plus a
// faster component, in kW.
std::vector<double> net_load_kw() {
  std::vector<double> load(kStepsPerYear);
  for (int i = 0; i < kStepsPerYear; ++i) {
    const double day_phase = 2.0 * std::numbers::pi * i / 288.0;
    load[i] = 150'000.0 + 300'000.0 * std::sin(day_phase) + 40'000.0 * std::sin(7.3 * day_phase);
  }
  return load;
}

stargate::BatteryParams battery_params() {
  stargate::BatteryParams params;
  params.power_kw = 200'000.0;
  params.energy_kwh = 800'000.0;
  params.soc_min_fraction = 0.05;
  params.self_discharge_per_day = 0.001;
  return params;
}

// Rule dispatch: the battery charges on surplus (negative net load) and discharges on deficit;
// the gas plant covers what the battery cannot. Records the SOC fraction each step.
void BM_BatteryAndGasYear(benchmark::State& state) {
  const std::vector<double> load = net_load_kw();
  std::vector<double> soc(kStepsPerYear);
  for (auto _ : state) {
    stargate::Battery battery(battery_params());
    stargate::GasPlant gas(stargate::GasPlantParams{});
    double fuel_mmbtu = 0.0;
    for (int i = 0; i < kStepsPerYear; ++i) {
      const double need_kw = load[i];
      const double battery_kw = battery.step(need_kw, kStepH);  // + discharge, - charge
      const stargate::GasStep gas_step = gas.dispatch(need_kw - battery_kw, kStepH, 2.0);
      fuel_mmbtu += gas_step.fuel_mmbtu;
      soc[i] = battery.soc_fraction();
    }
    if (!(fuel_mmbtu > 0.0) || battery.state().throughput_kwh <= 0.0) {
      throw std::logic_error("storage/gas year produced no flows");
    }
    benchmark::DoNotOptimize(fuel_mmbtu);
    benchmark::DoNotOptimize(soc.data());
  }
  state.SetItemsProcessed(state.iterations() * kStepsPerYear);
}
BENCHMARK(BM_BatteryAndGasYear)->Unit(benchmark::kMillisecond);

std::vector<double> soc_year() {
  std::vector<double> soc(kStepsPerYear);
  for (int i = 0; i < kStepsPerYear; ++i) {
    const double day_phase = 2.0 * std::numbers::pi * i / 288.0;
    soc[i] = 0.5 + 0.35 * std::sin(day_phase) + 0.05 * std::sin(11.0 * day_phase);
  }
  return soc;
}

void BM_RainflowYear(benchmark::State& state) {
  const std::vector<double> soc = soc_year();
  stargate::RainflowCounter counter;
  for (auto _ : state) {
    const std::span<const stargate::RainflowCycle> cycles = counter.count(soc);
    if (cycles.size() < 365) {
      throw std::logic_error("too few cycles");
    }
    benchmark::DoNotOptimize(cycles.data());
  }
  state.SetItemsProcessed(state.iterations() * kStepsPerYear);
}
BENCHMARK(BM_RainflowYear)->Unit(benchmark::kMillisecond);

void BM_AssessDegradationYear(benchmark::State& state) {
  const std::vector<double> soc = soc_year();
  const stargate::BatteryParams params = battery_params();
  for (auto _ : state) {
    const stargate::DegradationResult result =
        stargate::assess_degradation(params, soc, kStepH, 1.0);
    if (!(result.capacity_fraction > 0.9 && result.capacity_fraction < 1.0)) {
      throw std::logic_error("unexpected capacity after a year");
    }
    benchmark::DoNotOptimize(result.capacity_fraction);
  }
  state.SetItemsProcessed(state.iterations() * kStepsPerYear);
}
BENCHMARK(BM_AssessDegradationYear)->Unit(benchmark::kMillisecond);

}  // namespace
