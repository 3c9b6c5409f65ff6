// Replaying the Alibaba GPU v2023 trace on its own GPU count with FIFO, no failures and ample
// power reproduces the trace's run times: every pod starts when submitted and runs exactly its
// recorded duration.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "stargate/compute/scheduler.hpp"
#include "stargate/io/trace_reader.hpp"

namespace stargate {
namespace {

const std::string kPods = std::string(STARGATE_SHARED_DATA_DIR) +
                          "/traces/alibaba_cluster-trace-gpu-v2023/openb_pod_list_default.csv";
constexpr std::int64_t kTraceGpus = 6212;  // the trace's GPU node list (data README)
constexpr double kStepS = 300.0;

TEST(AlibabaReplay, FifoWithAmpleGpusReproducesRunTimes) {
  if (!std::filesystem::exists(kPods)) {
    GTEST_SKIP() << "../shared/data is absent: " << kPods;
  }
  JobTraceOptions options;
  options.campus_gpus = kTraceGpus;
  // The trace's durations already include whatever the pods did: no extra checkpoint writes.
  options.defaults.checkpoint_write_s = 0.0;
  options.defaults.restart_overhead_s = 0.0;
  const Workload workload = read_alibaba_pod_list(kPods, options);
  ASSERT_GT(workload.jobs.size(), 6000U);
  SchedulerParams params;
  params.policy = SchedulingPolicy::kFifo;
  params.pools = {GpuPool{kTraceGpus * 100, 0, 1.0}};  // ample: no job ever waits for GPUs
  params.gpu_failure_rate_per_h = 0.0;
  Scheduler scheduler(workload.jobs, params);
  double horizon_s = 0.0;
  for (const TrainingJob& job : workload.jobs) {
    horizon_s = std::max(horizon_s, job.submit_s + job.duration_at_full_speed_s());
  }
  const auto steps = static_cast<std::int64_t>(std::ceil(horizon_s / kStepS)) + 2;
  for (std::int64_t step = 0; step < steps; ++step) {
    (void)scheduler.step(step, kStepS);
  }
  ASSERT_EQ(scheduler.check_invariants(), "");
  std::size_t checked = 0;
  for (std::size_t j = 0; j < workload.jobs.size(); ++j) {
    const TrainingJob& job = workload.jobs[j];
    ASSERT_EQ(scheduler.job_state(j), JobState::kDone) << "job " << job.id;
    ASSERT_NEAR(scheduler.job_first_start_s(j), std::max(job.submit_s, job.earliest_start_s), 1e-6)
        << "job " << job.id;
    const double duration_s = job.duration_at_full_speed_s();
    ASSERT_NEAR(scheduler.job_end_s(j) - scheduler.job_first_start_s(j), duration_s,
                1e-6 * std::max(1.0, duration_s))
        << "job " << job.id;
    ++checked;
  }
  EXPECT_EQ(checked, workload.jobs.size());
}

}  // namespace
}  // namespace stargate
