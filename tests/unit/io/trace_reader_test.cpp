// Trace readers on small fixtures (tests/fixtures/traces); every expected number is derived by
// hand from the fixture rows in the comments.
#include "stargate/io/trace_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "stargate/core/errors.hpp"
#include "stargate/core/time_grid.hpp"

namespace stargate {
namespace {

std::string fixture(const std::string& name) {
  return std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/traces/" + name;
}

template <typename Read>
std::string error_of(Read read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(AlibabaPodList, ReadsGpuPodsAndCountsSkipped) {
  // pod-0 has no GPU, pod-4 was never scheduled: both skipped. The others, sorted by creation:
  //   pod-3 (t=50):  8 GPUs x (7250-50)  = 8 x 2 h  = 16 GPU-h, Failed, spec V100M16|V100M32
  //   pod-1 (t=100): 1 GPU  x (3700-100) = 1 h      =  1 GPU-h
  //   pod-2 (t=200): 1 GPU (460 milli) x 1800 s     = 0.5 GPU-h (a whole GPU; work not scaled)
  //   pod-5 (t=400): 4 GPUs x 3600 s                =  4 GPU-h, spec V100M32
  const Workload w = read_alibaba_pod_list(fixture("alibaba_small.csv"), JobTraceOptions{});
  ASSERT_EQ(w.jobs.size(), 4U);
  EXPECT_DOUBLE_EQ(w.jobs[0].submit_s, 50.0);
  EXPECT_EQ(w.jobs[0].gpus, 8);
  EXPECT_DOUBLE_EQ(w.jobs[0].work_gpu_hours, 16.0);
  EXPECT_EQ(w.jobs[0].outcome, JobOutcome::kFailed);
  EXPECT_EQ(w.jobs[1].outcome, JobOutcome::kCompleted);
  EXPECT_DOUBLE_EQ(w.jobs[2].work_gpu_hours, 0.5);
  EXPECT_EQ(w.jobs[2].gpus, 1);
  EXPECT_DOUBLE_EQ(w.jobs[3].work_gpu_hours, 4.0);
  EXPECT_DOUBLE_EQ(w.total_work_gpu_hours(), 21.5);
  for (std::size_t i = 0; i < w.jobs.size(); ++i) {
    EXPECT_EQ(w.jobs[i].id, static_cast<std::int64_t>(i));
    EXPECT_DOUBLE_EQ(w.jobs[i].earliest_start_s, w.jobs[i].submit_s);
  }
  ASSERT_EQ(w.gpu_types.size(), 3U);
  EXPECT_EQ(w.gpu_types[0], "");
  EXPECT_EQ(w.gpu_types[1], "V100M16|V100M32");
  EXPECT_EQ(w.gpu_types[2], "V100M32");
  EXPECT_EQ(w.jobs[0].gpu_type, 1);
  EXPECT_EQ(w.jobs[1].gpu_type, 0);
  EXPECT_EQ(w.jobs[3].gpu_type, 2);
  ASSERT_EQ(w.warnings.size(), 3U);
  EXPECT_NE(w.warnings[0].find("1 pods without GPUs"), std::string::npos);
  EXPECT_NE(w.warnings[1].find("1 GPU pods never scheduled"), std::string::npos);
  EXPECT_NE(w.warnings[2].find("1 pods share a GPU (gpu_milli < 1000, 0.5 GPUs"),
            std::string::npos);
}

TEST(AlibabaPodList, TimeOriginShiftsSubmitTimes) {
  JobTraceOptions options;
  options.time_origin_s = 50.0;
  const Workload w = read_alibaba_pod_list(fixture("alibaba_small.csv"), options);
  EXPECT_DOUBLE_EQ(w.jobs[0].submit_s, 0.0);
  EXPECT_DOUBLE_EQ(w.jobs[3].submit_s, 350.0);
}

TEST(AlibabaPodList, NonNumericGpuCountPinsTheCell) {
  const std::string path = fixture("alibaba_bad_num_gpu.csv");
  // "pod-1,4000,8192," is 16 characters: num_gpu starts in column 17 of line 3.
  EXPECT_EQ(error_of([&] { (void)read_alibaba_pod_list(path, JobTraceOptions{}); }),
            path + ":3:17: error: num_gpu: expected a number (GPUs), got \"two\"");
}

TEST(AlibabaPodList, MissingColumnListsTheColumnsFound) {
  const std::string path = fixture("alibaba_missing_column.csv");
  EXPECT_EQ(error_of([&] { (void)read_alibaba_pod_list(path, JobTraceOptions{}); }),
            path +
                ":1:1: error: scheduled_time: no column 'scheduled_time' in the header (Alibaba "
                "GPU v2023 pod list); columns found: name, num_gpu, gpu_milli, creation_time, "
                "deletion_time");
}

TEST(AlibabaPodList, DeletionBeforeScheduleIsAnError) {
  const std::string text =
      "num_gpu,creation_time,deletion_time,scheduled_time\n"
      "1,0,100,200\n";
  // "1,0," is 4 characters: deletion_time starts in column 5.
  EXPECT_EQ(error_of([&] { (void)read_alibaba_pod_list_text(text, "p.csv", JobTraceOptions{}); }),
            "p.csv:2:5: error: deletion_time: negative run time: deleted at 100 s, before being "
            "scheduled at 200 s");
}

TEST(JobCsv, ReadsGenericJobs) {
  // Sorted by submit (file order at a tie): line 3 (0 s, 1 GPU, 1800 s = 0.5 GPU-h, defaults),
  // line 4 (0 s, 1,024 GPUs, 10 h = 10,240 GPU-h, priority 5, firm), line 2 (3,600 s, 8 GPUs x
  // 2 h = 16 GPU-h, priority 1, flexible).
  JobTraceOptions options;
  options.defaults.checkpoint_interval_s = 1800.0;
  options.defaults.priority = 3;
  const Workload w = read_job_csv(fixture("jobs_small.csv"), options);
  ASSERT_EQ(w.jobs.size(), 3U);
  EXPECT_EQ(w.jobs[0].gpus, 1);
  EXPECT_DOUBLE_EQ(w.jobs[0].work_gpu_hours, 0.5);
  EXPECT_EQ(w.jobs[0].priority, 3);
  EXPECT_TRUE(w.jobs[0].flexible);
  EXPECT_DOUBLE_EQ(w.jobs[0].checkpoint_interval_s, 1800.0);
  EXPECT_EQ(w.jobs[1].gpus, 1024);
  EXPECT_DOUBLE_EQ(w.jobs[1].work_gpu_hours, 10240.0);
  EXPECT_DOUBLE_EQ(w.jobs[1].duration_at_full_speed_h(), 10.0);
  EXPECT_EQ(w.jobs[1].priority, 5);
  EXPECT_FALSE(w.jobs[1].flexible);
  EXPECT_DOUBLE_EQ(w.jobs[2].submit_s, 3600.0);
  EXPECT_DOUBLE_EQ(w.jobs[2].work_gpu_hours, 16.0);
  EXPECT_EQ(w.jobs[2].priority, 1);
  EXPECT_FALSE(w.jobs[2].has_deadline());
  EXPECT_EQ(w.max_job_gpus(), 1024);
}

TEST(JobCsv, JobLargerThanTheCampusIsAnErrorAtItsLine) {
  const std::string path = fixture("jobs_too_large.csv");
  JobTraceOptions options;
  options.campus_gpus = 64;
  EXPECT_EQ(error_of([&] { (void)read_job_csv(path, options); }),
            path + ":3:4: error: gpus: the job needs 128 GPUs, more than the campus's 64");
}

TEST(JobCsv, NegativeDurationIsAnError) {
  const std::string path = fixture("jobs_negative_duration.csv");
  EXPECT_EQ(error_of([&] { (void)read_job_csv(path, JobTraceOptions{}); }),
            path + ":4:7: error: duration_s: negative duration -5 s; expected a run time > 0");
}

TEST(JobCsv, MissingColumnListsTheColumnsFound) {
  const std::string path = fixture("jobs_missing_column.csv");
  EXPECT_EQ(error_of([&] { (void)read_job_csv(path, JobTraceOptions{}); }),
            path +
                ":1:1: error: gpus: no column 'gpus' in the header (generic job CSV: "
                "submit_time_s, gpus, duration_s[, priority, flexible]); columns found: "
                "submit_time_s, gpu, duration_s; did you mean 'gpu'?");
}

TEST(JobCsv, BadCellsArePinned) {
  const JobTraceOptions options;
  EXPECT_EQ(error_of([&] {
              (void)read_job_csv_text("submit_time_s,gpus,duration_s\n0,1.5,10\n", "j.csv",
                                      options);
            }),
            "j.csv:2:3: error: gpus: expected a whole number of GPUs >= 1, got \"1.5\"");
  EXPECT_EQ(error_of([&] {
              (void)read_job_csv_text("submit_time_s,gpus,duration_s,flexible\n0,1,10,maybe\n",
                                      "j.csv", options);
            }),
            "j.csv:2:8: error: flexible: expected 1/0, true/false or yes/no, got \"maybe\"");
  EXPECT_EQ(error_of([&] {
              (void)read_job_csv_text("submit_time_s,gpus,duration_s\n0,1\n", "j.csv", options);
            }),
            "j.csv:2:4: error: duration_s: the row ends after 2 cells; expected duration_s in "
            "cell 3");
  EXPECT_EQ(error_of([&] { (void)read_job_csv_text("", "j.csv", options); }),
            "j.csv:1:1: error: the file is empty; expected a header line naming the columns");
}

TEST(AzureTrace, BinsRequestsIntoTokensAndGpus) {
  // Bins of 60 s from 18:15:00: [18:15] requests 1 and 2, (1000 + 200 + 2000 + 400) tokens / 60 s
  // = 60 tokens/s; [18:16] none; [18:17] request 3, 600 / 60 = 10 tokens/s. At 10 tokens/s per
  // GPU: 6, 0 and 1 GPUs. Duration 18:17:05.25 - 18:15:10.5 = 114.75 s.
  InferenceTraceOptions options;
  options.step_s = 60.0;
  options.tokens_per_s_per_gpu = 10.0;
  const InferenceLoad load = read_azure_llm_trace(fixture("azure_small.csv"), options);
  EXPECT_EQ(load.total_requests, 3);
  ASSERT_EQ(load.requests.size(), 3U);
  EXPECT_DOUBLE_EQ(load.requests[0], 2.0);
  EXPECT_DOUBLE_EQ(load.requests[1], 0.0);
  EXPECT_DOUBLE_EQ(load.requests[2], 1.0);
  EXPECT_DOUBLE_EQ(load.tokens_per_s[0], 60.0);
  EXPECT_DOUBLE_EQ(load.tokens_per_s[2], 10.0);
  EXPECT_DOUBLE_EQ(load.gpus[0], 6.0);
  EXPECT_DOUBLE_EQ(load.gpus[2], 1.0);
  EXPECT_NEAR(load.duration_s, 114.75, 1e-6);
  EXPECT_EQ(load.start_utc_s, days_from_civil(2023, 11, 16) * 86400 + 18 * 3600 + 15 * 60);
  const auto fraction = load.fraction_of_peak();
  EXPECT_DOUBLE_EQ(fraction[0], 1.0);
  EXPECT_DOUBLE_EQ(fraction[2], 1.0 / 6.0);
  // Prompt tokens at half weight: (500 + 200 + 1000 + 400) / 60 = 35 tokens/s.
  options.context_token_weight = 0.5;
  EXPECT_DOUBLE_EQ(read_azure_llm_trace(fixture("azure_small.csv"), options).tokens_per_s[0], 35.0);
}

TEST(AzureTrace, BackwardTimeIsAnError) {
  const std::string path = fixture("azure_backwards.csv");
  EXPECT_EQ(error_of([&] { (void)read_azure_llm_trace(path, InferenceTraceOptions{}); }),
            path +
                ":3:1: error: TIMESTAMP: the time goes backwards from line 2 to 2023-11-16 "
                "18:15:05.0000000");
}

TEST(AzureTrace, BadStampAndMissingColumn) {
  EXPECT_EQ(error_of([&] {
              (void)read_azure_llm_trace_text(
                  "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-13-01 00:00:00,1,1\n", "a.csv",
                  InferenceTraceOptions{});
            }),
            "a.csv:2:1: error: TIMESTAMP: expected a time \"YYYY-MM-DD HH:MM:SS[.fraction]\", got "
            "\"2023-13-01 00:00:00\"");
  EXPECT_EQ(error_of([&] {
              (void)read_azure_llm_trace_text("TIMESTAMP,ContextTokens\n", "a.csv",
                                              InferenceTraceOptions{});
            }),
            "a.csv:1:1: error: GeneratedTokens: no column 'GeneratedTokens' in the header (Azure "
            "LLM inference trace: TIMESTAMP, ContextTokens, GeneratedTokens); columns found: "
            "TIMESTAMP, ContextTokens");
}

}  // namespace
}  // namespace stargate
