// Built-in GPU types. Every number and its source is in the entry's `source` text and in
// docs/compute-power.md; the identities are at the top of
// include/stargate/compute/gpu_catalogue.hpp.
#include "stargate/compute/gpu_catalogue.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <stdexcept>

#include "stargate/core/text.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// FACTS.md (Compute): idle ~15 % of TDP (confidence L: A100 measured ~60 W of 400 W; Blackwell idle
// unpublished); node overhead x1.4 for NVL72, x1.8 for 8-GPU HGX nodes; network and storage
// +5-10 % (we take the midpoint).
constexpr double kIdleFractionOfTdp = 0.15;
constexpr double kNvl72NodeOverhead = 1.4;
constexpr double kHgxNodeOverhead = 1.8;
constexpr double kNetworkStorageFraction = 0.075;
constexpr int kNvl72GpusPerRack = 72;
// 8-GPU HGX/DGX nodes, four per rack: the ~40 kW rack of NVIDIA's DGX SuperPOD reference
// architecture (4 x DGX H100 at 10.2 kW maximum each).
constexpr int kHgxGpusPerRack = 32;

GpuType make(std::string_view name, double tdp_w, double bf16_flops, double fp8_flops,
             int gpus_per_rack, double node_overhead, double price_usd, std::string_view source) {
  GpuType type;
  type.name = std::string(name);
  type.tdp_w = tdp_w;
  type.idle_w = kIdleFractionOfTdp * tdp_w;
  type.dense_bf16_flops = bf16_flops;
  type.dense_fp8_flops = fp8_flops;
  type.gpus_per_rack = gpus_per_rack;
  type.rack_it_kw = static_cast<double>(gpus_per_rack) * tdp_w * node_overhead / kWPerKw;
  type.node_overhead_factor = node_overhead;
  type.network_storage_fraction = kNetworkStorageFraction;
  type.price_usd = price_usd;
  type.source = std::string(source);
  return type;
}

constexpr std::string_view kCommonSource =
    " Idle 15 % of TDP, node overhead and network/storage +7.5 % from ../shared/FACTS.md Compute "
    "(confidence L/M).";

std::array<GpuType, 5> build_catalogue() {
  return {
      make(
          "h100-sxm", 700.0, 989.4 * kFlopsPerTflops, 1978.9 * kFlopsPerTflops, kHgxGpusPerRack,
          kHgxNodeOverhead, 45'000.0,
          fmt::format("NVIDIA H100 Tensor Core GPU datasheet (SXM5: 700 W; dense BF16 989 TFLOP/s, "
                      "dense FP8 1,979 TFLOP/s = half the sparse figures); 8-GPU HGX node x1.8 "
                      "(DGX H100 10.2 kW max), 4 nodes per rack; price 45 k$ installed per GPU is "
                      "an assumption (L), not in FACTS.md.{}",
                      kCommonSource)),
      make("h200", 700.0, 989.4 * kFlopsPerTflops, 1978.9 * kFlopsPerTflops, kHgxGpusPerRack,
           kHgxNodeOverhead, 50'000.0,
           fmt::format("NVIDIA H200 Tensor Core GPU datasheet (SXM: up to 700 W; tensor throughput "
                       "as H100; 141 GB HBM3e); 8-GPU HGX node x1.8, 4 nodes per rack; price 50 k$ "
                       "installed per GPU is an assumption (L).{}",
                       kCommonSource)),
      make("b200", 1000.0, 2.25 * kFlopsPerPflops, 4.5 * kFlopsPerPflops, kHgxGpusPerRack,
           kHgxNodeOverhead, 70'000.0,
           fmt::format("NVIDIA HGX B200 / DGX B200 datasheets (1,000 W per GPU; 72 PFLOP/s sparse "
                       "FP8 per 8 GPUs: dense 4.5 PFLOP/s FP8, 2.25 BF16 per GPU; DGX B200 ~14.3 "
                       "kW max = 8 x 1 kW x 1.8); 4 nodes per rack; price 70 k$ installed per GPU "
                       "is an assumption (L).{}",
                       kCommonSource)),
      make("gb200-nvl72", 1200.0, 2.5 * kFlopsPerPflops, 5.0 * kFlopsPerPflops, kNvl72GpusPerRack,
           kNvl72NodeOverhead, 100'000.0,
           fmt::format("NVIDIA GB200 NVL72 datasheet (72 GPUs + 36 Grace CPUs; up to 1,200 W per "
                       "GPU; dense 2.5 PFLOP/s BF16, 5.0 FP8 per GPU); FACTS.md: ~120 kW IT per "
                       "rack at full load (115-140; Crusoe ~140), 1,200 W per GPU (H), price "
                       "~100 k$ per GPU all-in at Abilene (Oracle ~40 $B for ~400 k GPUs; rack "
                       "hardware alone ~43 k$ per GPU) (M).{}",
                       kCommonSource)),
      make(
          "gb300-nvl72", 1400.0, 2.5 * kFlopsPerPflops, 5.0 * kFlopsPerPflops, kNvl72GpusPerRack,
          kNvl72NodeOverhead, 120'000.0,
          fmt::format("NVIDIA GB300 NVL72 product page (72 Blackwell Ultra GPUs + 36 Grace CPUs; "
                      "360 PFLOP/s dense FP8 and 180 dense BF16 per rack = 5.0 / 2.5 per GPU); "
                      "1,400 W per GPU as reported by integrators (M); price 120 k$ per GPU all-in "
                      "is an assumption (L) scaled from the GB200 figure.{}",
                      kCommonSource)),
  };
}

const std::array<GpuType, 5>& catalogue() {
  static const std::array<GpuType, 5> kCatalogue = build_catalogue();  // immutable after init
  return kCatalogue;
}

void require(bool ok, const GpuType& type, const char* field, const char* expected) {
  if (!ok) {
    throw std::invalid_argument(
        fmt::format("GPU type '{}' {}: expected {}", type.name, field, expected));
  }
}

bool finite_at_least(double value, double low) {
  return std::isfinite(value) && value >= low;
}

}  // namespace

void validate_gpu_type(const GpuType& t) {
  require(!t.name.empty(), t, "name", "a non-empty name");
  require(std::isfinite(t.tdp_w) && t.tdp_w > 0.0, t, "tdp_w", "a finite power > 0 W");
  require(finite_at_least(t.idle_w, 0.0) && t.idle_w < t.tdp_w, t, "idle_w",
          "a finite power in [0, tdp_w)");
  require(finite_at_least(t.dense_bf16_flops, 0.0), t, "dense_bf16_flops", "a finite value >= 0");
  require(finite_at_least(t.dense_fp8_flops, 0.0), t, "dense_fp8_flops", "a finite value >= 0");
  require(t.gpus_per_rack >= 1, t, "gpus_per_rack", "at least 1");
  require(std::isfinite(t.rack_it_kw) && t.rack_it_kw > 0.0, t, "rack_it_kw",
          "a finite power > 0 kW");
  require(finite_at_least(t.node_overhead_factor, 1.0), t, "node_overhead_factor",
          "a finite factor >= 1");
  require(finite_at_least(t.network_storage_fraction, 0.0) && t.network_storage_fraction <= 1.0, t,
          "network_storage_fraction", "a fraction in [0, 1]");
  require(finite_at_least(t.price_usd, 0.0), t, "price_usd", "a finite price >= 0");
}

std::vector<std::string_view> gpu_type_names() {
  std::vector<std::string_view> names;
  names.reserve(catalogue().size());
  for (const GpuType& type : catalogue()) {
    names.emplace_back(type.name);
  }
  return names;
}

GpuType catalogue_gpu(std::string_view name) {
  for (const GpuType& type : catalogue()) {
    if (type.name == name) {
      return type;
    }
  }
  const std::vector<std::string_view> names = gpu_type_names();
  // suggestion_suffix lists the names itself when no name is close; add them after a suggestion.
  const std::string known = closest_match(name, names).empty()
                                ? std::string()
                                : fmt::format(" (known types: {})", fmt::join(names, ", "));
  throw std::invalid_argument(
      fmt::format("unknown GPU type '{}'{}{}", name, suggestion_suffix(name, names), known));
}

}  // namespace stargate
