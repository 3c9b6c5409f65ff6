// One year at 5-minute steps (105,120 steps) of pool IT power for 8 GPU pools plus PUE from the
// ambient temperature: the per-step cost of the compute and facility power models. Checks its
// result so a broken build cannot look fast. Target: well under 5 ms per year.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/compute/gpu_power.hpp"
#include "stargate/facility/cooling.hpp"

namespace {

constexpr std::size_t kSteps = 105'120;  // 365 days * 288 five-minute steps
constexpr std::size_t kPools = 8;
constexpr double kPi = 3.14159265358979323846;

struct Inputs {
  std::vector<stargate::GpuType> types;
  std::vector<double> gpus_total;
  std::vector<double> ambient_c;
  std::vector<double> busy_fraction;  // shared by the pools, varied per step
  std::vector<double> activity;
  std::vector<double> cap_fraction;
};

Inputs make_inputs() {
  Inputs in;
  for (std::size_t pool = 0; pool < kPools; ++pool) {
    in.types.push_back(stargate::catalogue_gpu(pool < 6 ? "gb200-nvl72" : "gb300-nvl72"));
    in.gpus_total.push_back(50'000.0);
  }
  in.ambient_c.resize(kSteps);
  in.busy_fraction.resize(kSteps);
  in.activity.resize(kSteps);
  in.cap_fraction.resize(kSteps);
  for (std::size_t i = 0; i < kSteps; ++i) {
    const double day = static_cast<double>(i) / 288.0;
    const double hour = std::fmod(day, 1.0) * 24.0;
    in.ambient_c[i] = 18.0 - 10.0 * std::cos(2.0 * kPi * day / 365.0) -
                      6.0 * std::cos(2.0 * kPi * (hour - 3.0) / 24.0);
    in.busy_fraction[i] = 0.85 + 0.1 * std::sin(2.0 * kPi * hour / 24.0);
    in.activity[i] = 0.7 + 0.2 * std::sin(2.0 * kPi * day);
    in.cap_fraction[i] = hour > 14.0 && hour < 19.0 ? 0.7 : 1.0;
  }
  return in;
}

void BM_CampusPowerYear(benchmark::State& state) {
  const Inputs in = make_inputs();
  const stargate::CoolingParams cooling;
  std::vector<double> facility_kw(kSteps);
  for (auto _ : state) {
    for (std::size_t i = 0; i < kSteps; ++i) {
      double it_kw = 0.0;
      for (std::size_t pool = 0; pool < kPools; ++pool) {
        it_kw += stargate::pool_it_power_kw(in.types[pool], in.gpus_total[pool],
                                            in.busy_fraction[i] * in.gpus_total[pool],
                                            in.activity[i], in.cap_fraction[i]);
      }
      facility_kw[i] = stargate::pue_at(cooling, in.ambient_c[i]) * it_kw;
    }
    benchmark::DoNotOptimize(facility_kw.data());
    benchmark::ClobberMemory();
  }
  // Check: 400,000 GPUs at ~1.3 kW IT each with PUE 1.1-1.4: every step between 100 MW and 1 GW.
  for (const double kw : facility_kw) {
    if (!(kw > 1e5 && kw < 1e6)) {
      std::fprintf(stderr, "bench_compute_power: implausible facility power %g kW\n", kw);
      std::abort();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kSteps));
}
BENCHMARK(BM_CampusPowerYear)->Unit(benchmark::kMillisecond);

}  // namespace
