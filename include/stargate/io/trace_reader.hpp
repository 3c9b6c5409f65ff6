// Workload traces: the Alibaba GPU v2023 pod list, the Azure LLM inference trace 2023 and a
// generic job CSV. docs/workloads.md documents every format and rule; keep the two in step.
//
// Every reader locates columns by name (case, spaces and '_' ignored), reports a missing column
// with the columns it found, and raises InputError with file, line, column and field for a cell
// that is not a number, a negative duration or GPU count, or a job larger than the campus.
// Rows it skips on purpose (pods without GPUs, pods never scheduled) are counted in warnings.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stargate/compute/workload.hpp"

namespace stargate {

/// Options shared by the job trace readers.
struct JobTraceOptions {
  /// GPUs of the campus: a job asking for more is an InputError at its line. 0: no check.
  std::int64_t campus_gpus = 0;
  /// Attributes the trace does not give (priority, flexible, checkpoint, restart, gpu_type) are
  /// copied from here; id, submit, gpus, work and earliest start come from the trace.
  TrainingJob defaults;
  /// Subtracted from every trace time so that the run starts at 0 (submit_s = time - origin).
  double time_origin_s = 0.0;
};

/// Alibaba GPU cluster trace v2023 (`openb_pod_list_*.csv`, Weng et al., ATC 2023): columns
/// name, num_gpu, gpu_milli, gpu_spec, pod_phase, creation_time, deletion_time, scheduled_time
/// (others ignored). A pod becomes a job with gpus = num_gpu, submit = creation_time, run time =
/// deletion_time - scheduled_time, work = num_gpu x run time. A pod sharing a GPU (num_gpu 1,
/// gpu_milli < 1000) takes one whole GPU (the campus schedules whole GPUs); its work is not
/// scaled by gpu_milli (the total GPU-milli share is reported in a warning). Pod phase Failed ->
/// JobOutcome::kFailed, others completed (Running pods end at the trace's end). Pods without
/// GPUs and pods never scheduled (empty scheduled_time or deletion_time) are skipped and counted
/// in warnings. gpu_spec values become Workload::gpu_types (index 0 = "" = any type).
[[nodiscard]] Workload read_alibaba_pod_list(const std::filesystem::path& path,
                                             const JobTraceOptions& options);
[[nodiscard]] Workload read_alibaba_pod_list_text(std::string_view text, const std::string& name,
                                                  const JobTraceOptions& options);

/// Generic job CSV: `submit_time_s, gpus, duration_s[, priority, flexible]` (header required,
/// columns by name in any order, extra columns ignored). duration_s is the run time at full
/// speed; work = gpus x duration. flexible is 1/0, true/false or yes/no. gpus must be a whole
/// number >= 1, duration > 0, submit finite.
[[nodiscard]] Workload read_job_csv(const std::filesystem::path& path,
                                    const JobTraceOptions& options);
[[nodiscard]] Workload read_job_csv_text(std::string_view text, const std::string& name,
                                         const JobTraceOptions& options);

struct InferenceTraceOptions {
  double step_s = 60.0;  ///< bin width of the load series
  /// Tokens per second one GPU serves (prompt + generated tokens). Assumption to set per model
  /// and GPU; the default is an order of magnitude for a ~70B model on one H100-class GPU.
  double tokens_per_s_per_gpu = 2500.0;
  /// Weight of a prompt (context) token against a generated token (prefill is cheaper per
  /// token than decode); 1 counts them equally.
  double context_token_weight = 1.0;
};

/// An inference load series on a regular grid starting at the first request.
struct InferenceLoad {
  std::string source;
  std::int64_t start_utc_s = 0;  ///< first request's bin start, seconds since 1970-01-01 UTC
  double step_s = 60.0;
  std::vector<double> requests;      ///< requests that arrived in each bin
  std::vector<double> tokens_per_s;  ///< weighted tokens per second in each bin
  std::vector<double> gpus;          ///< GPUs needed: tokens_per_s / tokens_per_s_per_gpu
  std::int64_t total_requests = 0;
  double duration_s = 0.0;  ///< last request - first request
  std::vector<std::string> warnings;

  /// Demand as a share of the peak bin (for InferenceService::measured_fraction).
  [[nodiscard]] std::vector<double> fraction_of_peak() const;
};

/// Azure LLM inference trace 2023 (`AzureLLMInferenceTrace_{conv,code}.csv`; Patel et al.,
/// "Splitwise", ISCA 2024): columns TIMESTAMP ("2023-11-16 18:15:46.6805900", UTC),
/// ContextTokens, GeneratedTokens. Each request's tokens are put in the bin of its arrival.
/// Timestamps must not go backwards.
[[nodiscard]] InferenceLoad read_azure_llm_trace(const std::filesystem::path& path,
                                                 const InferenceTraceOptions& options);
[[nodiscard]] InferenceLoad read_azure_llm_trace_text(std::string_view text,
                                                      const std::string& name,
                                                      const InferenceTraceOptions& options);

}  // namespace stargate
