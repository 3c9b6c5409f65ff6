// What the campus's GPUs computed: FLOPs, tokens trained and tokens served
// (docs/workloads.md, "Throughput").
//
//   FLOPs of training work  = W x 3600 x peak x MFU
// with W the work done in GPU-hours at full speed (a capped GPU does less work per hour; W counts
// the work, so capping lowers W, not the FLOPs per unit of work), peak the GPU's dense FLOP/s at
// the class's precision (BF16 unless JobClass::fp8) and MFU the class's model FLOPs utilisation.
//   tokens trained = training FLOPs / (6 N)   (forward and backward pass, Kaplan et al. 2020)
//   FLOPs served   = G x 3600 x peak_FP8 x MFU_serving,   tokens served = FLOPs / (2 N)
// with G the GPU-hours inference services ran and N the model's (active) parameters.
// Worked number: Llama 3 405B, 3.8e25 FLOP = 6 x 405e9 x 15.6e12 tokens; on GB200 (2.5e15 FLOP/s
// dense BF16) at MFU 0.4 that is 1.056e7 GPU-hours of work.
#pragma once

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/compute/workload.hpp"

namespace stargate {

/// Floating-point operations per token: a training step (forward and backward) and a forward
/// pass, per parameter (Kaplan et al., "Scaling laws for neural language models",
/// arXiv:2001.08361, 2020: C = 6 N D).
inline constexpr double kTrainingFlopPerParameterToken = 6.0;
inline constexpr double kInferenceFlopPerParameterToken = 2.0;

/// Totals of a run.
struct ComputeThroughput {
  double training_flop = 0.0;   ///< useful training work (all job classes)
  double inference_flop = 0.0;  ///< inference services
  double tokens_trained = 0.0;  ///< classes that train, jobs that did not fail or get cancelled
  double tokens_served = 0.0;

  [[nodiscard]] double flop() const { return training_flop + inference_flop; }
};

/// FLOPs of `work_gpu_h` GPU-hours of work at full speed of a job of `job_class` on `type`.
[[nodiscard]] double work_flop(const JobClass& job_class, const GpuType& type, double work_gpu_h);

/// FLOPs of `gpu_hours` of serving on `type` at dense FP8 and `mfu`.
[[nodiscard]] double serving_flop(const GpuType& type, double mfu, double gpu_hours);

}  // namespace stargate
