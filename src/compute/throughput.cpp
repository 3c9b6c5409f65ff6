// Throughput of training work and serving: see include/stargate/compute/throughput.hpp.
#include "stargate/compute/throughput.hpp"

#include "stargate/core/units.hpp"

namespace stargate {

double work_flop(const JobClass& job_class, const GpuType& type, double work_gpu_h) {
  const double peak = job_class.fp8 ? type.dense_fp8_flops : type.dense_bf16_flops;
  return work_gpu_h * kSecondsPerHour * peak * job_class.mfu;
}

double serving_flop(const GpuType& type, double mfu, double gpu_hours) {
  return gpu_hours * kSecondsPerHour * type.dense_fp8_flops * mfu;
}

}  // namespace stargate
