// FLOPs and tokens by hand, and the exact expected wall time of a checkpointed job.
#include "stargate/compute/throughput.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/compute/workload.hpp"

namespace stargate {
namespace {

TEST(Throughput, OneTrainingJobByHand) {
  // 72 GB200 for 10 h of work at full speed, MFU 0.4, BF16 (2.5 PFLOP/s dense):
  // 720 GPU-h x 3,600 s x 2.5e15 x 0.4 = 2.592e21 FLOP; a 405e9-parameter model trains
  // 2.592e21 / (6 x 405e9) = 1.0667e9 tokens.
  const JobClass pretraining{"pretraining", 0.4, false, true};
  const GpuType gb200 = catalogue_gpu("gb200-nvl72");
  const double flop = work_flop(pretraining, gb200, 720.0);
  EXPECT_NEAR(flop, 2.592e21, 1e9);
  EXPECT_NEAR(flop / (kTrainingFlopPerParameterToken * 405e9), 1.0666666666666667e9, 1.0);
  // FP8 doubles the peak: 5.0 PFLOP/s.
  EXPECT_NEAR(work_flop(JobClass{"fp8", 0.4, true, true}, gb200, 720.0), 2 * 2.592e21, 1e9);
}

TEST(Throughput, LlamaThreeByHand) {
  // Llama 3 405B: 6 x 405e9 x 15.6e12 tokens = 3.79e25 FLOP; at MFU 0.4 on GB200 that is
  // 3.79e25 / (0.4 x 2.5e15 x 3,600) = 1.053e7 GPU-hours of work.
  const double flop = kTrainingFlopPerParameterToken * 405e9 * 15.6e12;
  const double gpu_h = flop / (0.4 * 2.5e15 * 3600.0);
  EXPECT_NEAR(work_flop(JobClass{"p", 0.4, false, true}, catalogue_gpu("gb200-nvl72"), gpu_h), flop,
              flop * 1e-12);
}

TEST(Throughput, ServingByHand) {
  // 1,000 GB200-hours of serving at MFU 0.1 on FP8 (5 PFLOP/s): 1.8e21 FLOP; 405e9 active
  // parameters: 1.8e21 / (2 x 405e9) = 2.222e9 tokens (617 tokens/s per GPU).
  const double flop = serving_flop(catalogue_gpu("gb200-nvl72"), 0.1, 1000.0);
  EXPECT_NEAR(flop, 1.8e21, 1e9);
  EXPECT_NEAR(flop / (kInferenceFlopPerParameterToken * 405e9), 2.2222222222e9, 10.0);
}

TEST(ExactWallTime, WorkedNumberAndLimits) {
  // M = 3,600 / (32,768 x 1.97e-5) = 5,577 s; tau = 3,600 s, w = 60 s, r = 600 s:
  // T = M e^(r/M) (e^((tau + w)/M) - 1) = 5,762 s per interval (first order: 1.81 x 3,600).
  TrainingJob job;
  job.gpus = 32768;
  job.work_gpu_hours = 32768.0 * 100.0;  // 100 intervals, no remainder
  job.checkpoint_interval_s = 3600.0;
  job.checkpoint_write_s = 60.0;
  job.restart_overhead_s = 600.0;
  const double m = 3600.0 / (32768 * 1.97e-5);
  const double per_interval = m * std::exp(600.0 / m) * std::expm1(3660.0 / m);
  EXPECT_NEAR(exact_expected_wall_time_s(job, 1.97e-5), 100 * per_interval, 1e-6);
  EXPECT_NEAR(per_interval, 5762.0, 5.0);
  // No failures: compute plus the writes (none after the last piece).
  EXPECT_NEAR(exact_expected_wall_time_s(job, 0.0), 100 * 3600.0 + 100 * 60.0, 1e-6);
}

TEST(ExactWallTime, AgreesWithSimulatedRuns) {
  // 2,000 GPUs (M = 9.14 h) for 200 h of compute, tau = 1 h, w = 120 s, r = 900 s: the mean of
  // 400 simulated runs is within 2 % of the exact expectation.
  TrainingJob job;
  job.gpus = 2000;
  job.work_gpu_hours = 2000.0 * 200.0;
  job.checkpoint_interval_s = 3600.0;
  job.checkpoint_write_s = 120.0;
  job.restart_overhead_s = 900.0;
  const double expected_s = exact_expected_wall_time_s(job, 1.97e-5 * 3);
  double sum_s = 0.0;
  constexpr int kRuns = 400;
  for (int seed = 1; seed <= kRuns; ++seed) {
    const auto failures = draw_failure_times_s(job.gpus, 1.97e-5 * 3, 20 * expected_s,
                                               static_cast<std::uint64_t>(seed));
    sum_s +=
        simulate_checkpointed_run(job.duration_at_full_speed_s(), 3600.0, 120.0, 900.0, failures)
            .wall_s;
  }
  EXPECT_NEAR(sum_s / kRuns / expected_s, 1.0, 0.02);
}

}  // namespace
}  // namespace stargate
