// Workload traces and the synthetic generator against the real data in ../shared/data/traces
// (see its README.md). Skipped, with a message, when the shared data folder is absent.
//
// Expected values were computed independently from the files with awk:
//   awk -F, 'NR>1{n++; if($4>0){g++; tg+=$4}} END{print n, g, tg}' openb_pod_list_default.csv
//     -> 8,152 pods, 7,064 GPU pods asking for 7,433 GPUs.
//   awk -F, 'NR>1 && $4>0 && $10!="" && $11!="" {n++; g+=$4; w+=$4*($10-$11)/3600;
//            if($8=="Failed")f++} END{print n, g, w, f}' openb_pod_list_default.csv
//     -> 6,203 scheduled GPU pods (861 never scheduled), 6,571 GPUs, 59,612.211 GPU-hours,
//        1,869 failed.
//   awk -F, 'NR>1{n++; c+=$2; g+=$3} END{print n, c, g}' AzureLLMInferenceTrace_conv.csv
//     -> 19,366 requests, 22,361,870 context and 4,088,665 generated tokens; first request
//        18:15:46.68, last 19:14:08.40 (3,501.7 s).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "stargate/compute/synthetic_workload.hpp"
#include "stargate/io/trace_reader.hpp"

namespace stargate {
namespace {

std::filesystem::path shared(const char* folder, const char* name) {
  return std::filesystem::path(STARGATE_SHARED_DATA_DIR) / "traces" / folder / name;
}

std::string absent_message(const std::filesystem::path& path) {
  return "shared data absent: " + path.string() +
         " (the validation tests read ../shared/data next to the project root)";
}

TEST(Traces, AlibabaPodList) {
  const auto path = shared("alibaba_cluster-trace-gpu-v2023", "openb_pod_list_default.csv");
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << absent_message(path);
  }
  JobTraceOptions options;
  options.campus_gpus = 6212;  // the trace's own GPU nodes (README: 1,213 nodes, 6,212 GPUs)
  const Workload w = read_alibaba_pod_list(path, options);
  ASSERT_EQ(w.jobs.size(), 6203U);
  std::int64_t gpus = 0;
  std::int64_t failed = 0;
  for (const TrainingJob& j : w.jobs) {
    gpus += j.gpus;
    failed += j.outcome == JobOutcome::kFailed ? 1 : 0;
  }
  EXPECT_EQ(gpus, 6571);
  EXPECT_EQ(failed, 1869);
  EXPECT_NEAR(w.total_work_gpu_hours(), 59612.211, 1e-2);
  EXPECT_EQ(w.max_job_gpus(), 8);
  // 1,088 pods without GPUs + 7,064 GPU pods = 8,152 rows; 7,064 - 861 never scheduled = 6,203.
  ASSERT_GE(w.warnings.size(), 2U);
  EXPECT_NE(w.warnings[0].find("1088 pods without GPUs"), std::string::npos) << w.warnings[0];
  EXPECT_NE(w.warnings[1].find("861 GPU pods never scheduled"), std::string::npos) << w.warnings[1];
}

TEST(Traces, AzureConversationTrace) {
  const auto path = shared("azure_llm_inference_2023", "AzureLLMInferenceTrace_conv.csv");
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << absent_message(path);
  }
  InferenceTraceOptions options;
  options.step_s = 60.0;
  options.tokens_per_s_per_gpu = 1.0;  // then gpus = tokens per second
  const InferenceLoad load = read_azure_llm_trace(path, options);
  EXPECT_EQ(load.total_requests, 19366);
  EXPECT_NEAR(load.duration_s, 3501.72, 0.01);
  EXPECT_EQ(load.requests.size(), 60U);  // 18:15 .. 19:14
  EXPECT_DOUBLE_EQ(std::accumulate(load.requests.begin(), load.requests.end(), 0.0), 19366.0);
  const double tokens =
      std::accumulate(load.tokens_per_s.begin(), load.tokens_per_s.end(), 0.0) * options.step_s;
  EXPECT_NEAR(tokens, 22361870.0 + 4088665.0, 1e-3);
  const auto fraction = load.fraction_of_peak();
  EXPECT_DOUBLE_EQ(*std::max_element(fraction.begin(), fraction.end()), 1.0);
}

/// One row of cluster_summary.csv as name -> value (empty cells are absent).
std::map<std::string, double> summary_row(const std::filesystem::path& path,
                                          const std::string& cluster) {
  std::ifstream in(path);
  std::string header_line;
  std::getline(in, header_line);
  std::vector<std::string> header;
  std::stringstream hs(header_line);
  for (std::string cell; std::getline(hs, cell, ',');) {
    header.push_back(cell);
  }
  std::map<std::string, double> row;
  for (std::string line; std::getline(in, line);) {
    std::stringstream ls(line);
    std::vector<std::string> cells;
    for (std::string cell; std::getline(ls, cell, ',');) {
      cells.push_back(cell);
    }
    if (!cells.empty() && cells[0] == cluster) {
      for (std::size_t i = 1; i < cells.size() && i < header.size(); ++i) {
        if (!cells[i].empty()) {
          row[header[i]] = std::stod(cells[i]);
        }
      }
    }
  }
  return row;
}

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The generator's statistics against the summary it is calibrated to (Seren and Kalos, the
// two LLM clusters of 2023). Tolerances: median run time within 5 % (sampling error of a median
// of ~10^5 log-normal draws is < 1 %); mean run time within 15 % and mean GPU-time per job
// within 30 % (heavy tails: the mean is carried by rare long and large jobs); single-GPU share
// >= 0.5 (implied by the median of 1 GPU); fail share within 0.01.
void check_cluster(TraceCluster cluster, const char* name) {
  const auto path = std::filesystem::path(STARGATE_SHARED_DATA_DIR) / "traces" / "acmetrace" /
                    "cluster_summary.csv";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << absent_message(path);
  }
  const auto row = summary_row(path, name);
  ASSERT_FALSE(row.empty()) << name;
  // The numbers written into the code are the file's.
  const ClusterJobStats stats = cluster_job_stats(cluster);
  EXPECT_DOUBLE_EQ(stats.median_gpus, row.at("med_gpu_num"));
  EXPECT_DOUBLE_EQ(stats.mean_gpus, row.at("avg_gpu_num"));
  EXPECT_DOUBLE_EQ(stats.max_gpus, row.at("max_gpu"));
  EXPECT_DOUBLE_EQ(stats.median_run_s, row.at("med_run_time_gpu"));
  EXPECT_DOUBLE_EQ(stats.mean_run_s, row.at("avg_run_time_gpu"));
  EXPECT_DOUBLE_EQ(stats.max_run_s, row.at("max_run_time_gpu"));
  EXPECT_DOUBLE_EQ(stats.fail_share, row.at("fail_rate_gpu"));
  const double gpu_time =
      (row.at("complete_gpu_time") + row.at("cancel_gpu_time") + row.at("fail_gpu_time")) /
      row.at("gpu_job_num");
  EXPECT_NEAR(stats.mean_gpu_time_s / gpu_time, 1.0, 1e-6);

  SyntheticWorkloadParams p;
  p.campus_gpus = 4096;
  p.stats = stats;
  const Workload w = generate_workload(p, 30 * 86400.0, 2024);
  ASSERT_GT(w.jobs.size(), 10000U);
  std::vector<double> gpus;
  std::vector<double> run_s;
  double single = 0.0;
  double failed = 0.0;
  double gpu_s = 0.0;
  for (const TrainingJob& j : w.jobs) {
    gpus.push_back(j.gpus);
    run_s.push_back(j.duration_at_full_speed_s());
    single += j.gpus == 1 ? 1.0 : 0.0;
    failed += j.outcome == JobOutcome::kFailed ? 1.0 : 0.0;
    gpu_s += j.work_gpu_hours * 3600.0;
  }
  const auto n = static_cast<double>(w.jobs.size());
  const double mean_gpus = std::accumulate(gpus.begin(), gpus.end(), 0.0) / n;
  const double mean_run = std::accumulate(run_s.begin(), run_s.end(), 0.0) / n;
  EXPECT_EQ(median(gpus), row.at("med_gpu_num"));
  EXPECT_GE(single / n, 0.5);
  EXPECT_LE(*std::max_element(gpus.begin(), gpus.end()), row.at("max_gpu"));
  EXPECT_NEAR(mean_gpus / row.at("avg_gpu_num"), 1.0, 0.05);
  EXPECT_NEAR(median(run_s) / row.at("med_run_time_gpu"), 1.0, 0.05);
  EXPECT_NEAR(mean_run / row.at("avg_run_time_gpu"), 1.0, 0.15);
  EXPECT_NEAR(gpu_s / n / gpu_time, 1.0, 0.30);
  EXPECT_NEAR(failed / n, row.at("fail_rate_gpu"), 0.01);
  std::printf(
      "%s: %zu jobs; median %g GPUs (trace %g), single-GPU share %.3f, mean %.2f GPUs "
      "(%.2f); median run %.1f s (%.1f), mean %.0f s (%.0f); GPU-s per job %.0f (%.0f); "
      "failed %.3f (%.3f)\n",
      name, w.jobs.size(), median(gpus), row.at("med_gpu_num"), single / n, mean_gpus,
      row.at("avg_gpu_num"), median(run_s), row.at("med_run_time_gpu"), mean_run,
      row.at("avg_run_time_gpu"), gpu_s / n, gpu_time, failed / n, row.at("fail_rate_gpu"));
}

TEST(Traces, SyntheticMatchesSeren) {
  check_cluster(TraceCluster::kSeren, "Seren");
}
TEST(Traces, SyntheticMatchesKalos) {
  check_cluster(TraceCluster::kKalos, "Kalos");
}

}  // namespace
}  // namespace stargate
