// Built-in GPU types: the per-GPU power, compute and price numbers the compute model starts from,
// each entry naming its sources. A scenario may define its own types (validate_gpu_type).
//
// Power at full load of one rack (the identity the catalogue's rack_it_kw follows):
//   P_rack = gpus_per_rack * tdp_w * node_overhead_factor
// where the node overhead factor covers CPUs, memory, NICs, NVLink switches, fans, power supplies
// and rack management (FACTS.md "Whole-node overhead over GPU power": x1.4 NVL72, x1.8 8-GPU HGX).
// Network fabric and storage outside the rack add network_storage_fraction on top (+5-10 %).
// Worked number: GB200 NVL72, 72 GPUs * 1,200 W * 1.4 = 121 kW per rack (FACTS.md: ~120 kW IT at
// full load, range 115-140 kW); with 7.5 % network and storage, 130 kW of IT power per rack.
//
// Sources: NVIDIA H100 Tensor Core GPU datasheet (SXM5: 700 W, dense BF16 989 TFLOP/s, dense FP8
// 1,979 TFLOP/s; the datasheet's 1,979 / 3,958 are with sparsity); NVIDIA H200 datasheet (SXM:
// up to 700 W, same tensor throughput as H100); NVIDIA HGX B200 / DGX B200 datasheets (1,000 W per
// GPU, 72 PFLOP/s sparse FP8 per 8 GPUs = 4.5 dense FP8, 2.25 dense BF16 per GPU); NVIDIA GB200
// NVL72 datasheet (configurable up to 1,200 W per GPU, 720 PFLOP/s sparse FP8 per 72 GPUs = 5.0
// dense FP8, 2.5 dense BF16 per GPU); NVIDIA GB300 NVL72 product page (360 PFLOP/s dense FP8 per
// rack = 5.0 per GPU; 1,400 W per GPU as reported by integrators, confidence M). Idle power 15 %
// of TDP, node overheads, network share and the GB200 price from ../shared/FACTS.md (Compute).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stargate {

/// One GPU type: the unit of a pool of identical GPUs. All numbers per GPU unless named per rack.
struct GpuType {
  std::string name;                       ///< catalogue key, e.g. "gb200-nvl72"
  double tdp_w = 0.0;                     ///< thermal design power = maximum power limit, W
  double idle_w = 0.0;                    ///< power of a powered, idle GPU, W (< tdp_w)
  double dense_bf16_flops = 0.0;          ///< peak dense BF16 tensor throughput, FLOP/s
  double dense_fp8_flops = 0.0;           ///< peak dense FP8 tensor throughput, FLOP/s
  int gpus_per_rack = 0;                  ///< GPUs in one rack (NVL72: 72; 4 HGX nodes: 32)
  double rack_it_kw = 0.0;                ///< rack IT power at full load, kW (facility sizing)
  double node_overhead_factor = 1.0;      ///< whole-node power / GPU power (>= 1)
  double network_storage_fraction = 0.0;  ///< network fabric and storage, fraction of node power
  double price_usd = 0.0;                 ///< installed IT hardware per GPU, USD (not the building)
  std::string source;                     ///< where the numbers come from

  /// All-in IT power of one GPU at full load, kW: tdp_w x node_overhead_factor x (1 +
  /// network_storage_fraction) / 1000 (GB200 NVL72: 1.2 kW x 1.4 x 1.075 = 1.806 kW, 130 kW per
  /// rack of 72). What a building must provide per GPU it holds.
  [[nodiscard]] double full_load_it_kw_per_gpu() const {
    return tdp_w * node_overhead_factor * (1.0 + network_storage_fraction) / 1000.0;
  }
};

/// Throws std::invalid_argument naming the GPU type and the field when a value is out of range or
/// not finite: tdp_w > 0, 0 <= idle_w < tdp_w, FLOP/s >= 0, gpus_per_rack >= 1, rack_it_kw > 0,
/// node_overhead_factor >= 1, network_storage_fraction in [0, 1], price_usd >= 0, name not empty.
void validate_gpu_type(const GpuType& type);

/// Names of the built-in types: "h100-sxm", "h200", "b200", "gb200-nvl72", "gb300-nvl72".
[[nodiscard]] std::vector<std::string_view> gpu_type_names();

/// The named built-in type (a copy the caller may change). Throws std::invalid_argument listing
/// the known names (or suggesting the closest one) for an unknown name.
[[nodiscard]] GpuType catalogue_gpu(std::string_view name);

}  // namespace stargate
