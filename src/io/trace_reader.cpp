// Workload trace readers: one pass over the text, cells as views, numbers with parse_csv_number.
// The formats and rules are documented in docs/workloads.md; keep the two in step.
#include "stargate/io/trace_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "io/csv_table.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/file_text.hpp"

namespace stargate {
namespace {

constexpr double kGpuMilliPerGpu = 1000.0;
constexpr double kMaxGangGpus = 2147483647.0;  // TrainingJob::gpus is 32-bit
constexpr std::size_t kExcerptChars = 40;

/// A CSV with a header line, read row by row; every error names file, line, column and field.
class TraceCsv : public CsvRowReader {
 public:
  TraceCsv(std::string_view text, std::string name) : CsvRowReader(text, std::move(name)) {
    read_header();
  }

  using CsvRowReader::find_column;
  using CsvRowReader::require_column;

  [[nodiscard]] std::size_t rows_left() const { return lines_.lines_left(); }
  [[nodiscard]] int line() const { return line_number_; }

  [[nodiscard]] std::string_view cell(std::size_t index, std::string_view field) const {
    if (index >= cells_.size()) {
      fail_cell(index, field,
                fmt::format("the row ends after {} cells; expected {} in cell {}", cells_.size(),
                            field, index + 1));
    }
    return cells_[index].text;
  }

  /// A finite number; `what` says what is expected ("seconds").
  [[nodiscard]] double number(std::size_t index, std::string_view field,
                              std::string_view what) const {
    const std::string_view text = cell(index, field);
    if (text.empty()) {
      fail_cell(index, field, fmt::format("empty cell, expected a number ({})", what));
    }
    double value = 0.0;
    if (!parse_csv_number(text, value)) {
      fail_cell(
          index, field,
          fmt::format("expected a number ({}), got \"{}\"", what, excerpt(text, kExcerptChars)));
    }
    if (!std::isfinite(value)) {
      fail_cell(index, field,
                fmt::format("expected a finite number ({}), got \"{}\"", what,
                            excerpt(text, kExcerptChars)));
    }
    return value;
  }

  /// A number, or nullopt for an empty cell.
  [[nodiscard]] std::optional<double> optional_number(std::size_t index, std::string_view field,
                                                      std::string_view what) const {
    if (cell(index, field).empty()) {
      return std::nullopt;
    }
    return number(index, field, what);
  }

  /// A whole number of GPUs in [minimum, campus] (campus 0: no upper bound).
  [[nodiscard]] std::int32_t gpus(std::size_t index, std::string_view field, double minimum,
                                  std::int64_t campus_gpus) const {
    const double value = number(index, field, "GPUs");
    if (value != std::floor(value) || value < minimum || value > kMaxGangGpus) {
      fail_cell(index, field,
                fmt::format("expected a whole number of GPUs >= {}, got \"{}\"", minimum,
                            excerpt(cell(index, field), kExcerptChars)));
    }
    if (campus_gpus > 0 && value > static_cast<double>(campus_gpus)) {
      fail_cell(
          index, field,
          fmt::format("the job needs {} GPUs, more than the campus's {}", value, campus_gpus));
    }
    return static_cast<std::int32_t>(value);
  }

  [[nodiscard]] const std::string& name() const { return name_; }

 private:
};

/// Sorts jobs by submit time (stable: file order at a tie) and numbers them in that order.
void finish_jobs(Workload& workload) {
  std::stable_sort(
      workload.jobs.begin(), workload.jobs.end(),
      [](const TrainingJob& a, const TrainingJob& b) { return a.submit_s < b.submit_s; });
  for (std::size_t i = 0; i < workload.jobs.size(); ++i) {
    workload.jobs[i].id = static_cast<std::int64_t>(i);
  }
}

TrainingJob job_from_defaults(const JobTraceOptions& options, double submit_s, std::int32_t gpus,
                              double run_s) {
  TrainingJob job = options.defaults;
  job.submit_s = submit_s;
  job.earliest_start_s = submit_s;
  job.gpus = gpus;
  job.work_gpu_hours = static_cast<double>(gpus) * run_s / kSecondsPerHour;
  job.deadline_s = std::numeric_limits<double>::quiet_NaN();
  return job;
}

bool parse_flag(std::string_view text, bool& value) {
  const std::string key = column_key(text);
  if (key == "1" || key == "true" || key == "yes" || key == "y") {
    value = true;
    return true;
  }
  if (key == "0" || key == "false" || key == "no" || key == "n") {
    value = false;
    return true;
  }
  return false;
}

// ---- Azure timestamps ------------------------------------------------------------------------

bool take_digits(std::string_view& text, std::size_t digits, int& value) {
  if (text.size() < digits) {
    return false;
  }
  value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(digits);
  return true;
}

bool take(std::string_view& text, char c) {
  if (!text.empty() && text.front() == c) {
    text.remove_prefix(1);
    return true;
  }
  return false;
}

/// "YYYY-MM-DD HH:MM:SS[.fffffff]" (or 'T' between date and time) -> seconds since 1970 UTC.
bool parse_azure_stamp(std::string_view text, double& seconds) {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!take_digits(text, 4, year) || !take(text, '-') || !take_digits(text, 2, month) ||
      !take(text, '-') || !take_digits(text, 2, day) || !(take(text, ' ') || take(text, 'T')) ||
      !take_digits(text, 2, hour) || !take(text, ':') || !take_digits(text, 2, minute) ||
      !take(text, ':') || !take_digits(text, 2, second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return false;
  }
  double fraction = 0.0;
  if (take(text, '.')) {
    double scale = 0.1;
    if (text.empty()) {
      return false;
    }
    while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
      fraction += scale * (text.front() - '0');
      scale *= 0.1;
      text.remove_prefix(1);
    }
  }
  take(text, 'Z');
  if (!text.empty()) {
    return false;
  }
  seconds =
      static_cast<double>(days_from_civil(year, month, day) * kSecondsPerDayInt +
                          hour * kSecondsPerHourInt + minute * kSecondsPerMinuteInt + second) +
      fraction;
  return true;
}

}  // namespace

// ---- Alibaba GPU v2023 pod list ----------------------------------------------------------------

Workload read_alibaba_pod_list_text(std::string_view text, const std::string& name,
                                    const JobTraceOptions& options) {
  constexpr std::string_view kFormat = "Alibaba GPU v2023 pod list";
  TraceCsv csv(text, name);
  const std::size_t num_gpu_col = csv.require_column("num_gpu", kFormat);
  const std::size_t creation_col = csv.require_column("creation_time", kFormat);
  const std::size_t deletion_col = csv.require_column("deletion_time", kFormat);
  const std::size_t scheduled_col = csv.require_column("scheduled_time", kFormat);
  const auto gpu_milli_col = csv.find_column("gpu_milli");
  const auto gpu_spec_col = csv.find_column("gpu_spec");
  const auto phase_col = csv.find_column("pod_phase");

  Workload workload;
  workload.source = name;
  workload.jobs.reserve(csv.rows_left());
  std::map<std::string, std::uint16_t, std::less<>> spec_index;
  std::int64_t no_gpu = 0;
  std::int64_t not_scheduled = 0;
  std::int64_t zero_run = 0;
  std::int64_t shared = 0;
  double shared_gpu_share = 0.0;
  while (csv.next_row()) {
    const std::int32_t gpus = csv.gpus(num_gpu_col, "num_gpu", 0.0, options.campus_gpus);
    const double creation_s = csv.number(creation_col, "creation_time", "seconds");
    const auto deletion_s = csv.optional_number(deletion_col, "deletion_time", "seconds");
    const auto scheduled_s = csv.optional_number(scheduled_col, "scheduled_time", "seconds");
    if (gpus == 0) {
      ++no_gpu;
      continue;
    }
    if (!deletion_s || !scheduled_s) {
      ++not_scheduled;
      continue;
    }
    if (*scheduled_s < creation_s) {
      csv.fail_cell(scheduled_col, "scheduled_time",
                    fmt::format("the pod is scheduled at {} s, before its creation at {} s",
                                *scheduled_s, creation_s));
    }
    const double run_s = *deletion_s - *scheduled_s;
    if (run_s < 0.0) {
      csv.fail_cell(deletion_col, "deletion_time",
                    fmt::format("negative run time: deleted at {} s, before being scheduled at {} "
                                "s",
                                *deletion_s, *scheduled_s));
    }
    if (run_s == 0.0) {
      ++zero_run;
      continue;
    }
    TrainingJob job = job_from_defaults(options, creation_s - options.time_origin_s, gpus, run_s);
    if (gpu_milli_col) {
      const double milli = csv.number(*gpu_milli_col, "gpu_milli", "thousandths of a GPU");
      if (milli < 0.0 || milli > kGpuMilliPerGpu) {
        csv.fail_cell(*gpu_milli_col, "gpu_milli",
                      fmt::format("expected 0..1000 thousandths of a GPU, got {}", milli));
      }
      if (gpus == 1 && milli < kGpuMilliPerGpu) {
        ++shared;
        shared_gpu_share += milli / kGpuMilliPerGpu;
      }
    }
    if (gpu_spec_col) {
      const std::string_view spec = csv.cell(*gpu_spec_col, "gpu_spec");
      if (!spec.empty() && spec != "nan") {
        auto it = spec_index.find(spec);
        if (it == spec_index.end()) {
          if (workload.gpu_types.empty()) {
            workload.gpu_types.emplace_back();  // index 0: any type
          }
          it =
              spec_index
                  .emplace(std::string(spec), static_cast<std::uint16_t>(workload.gpu_types.size()))
                  .first;
          workload.gpu_types.emplace_back(spec);
        }
        job.gpu_type = it->second;
      }
    }
    if (phase_col && column_key(csv.cell(*phase_col, "pod_phase")) == "failed") {
      job.outcome = JobOutcome::kFailed;
    }
    workload.jobs.push_back(job);
  }
  if (no_gpu > 0) {
    workload.warnings.push_back(
        fmt::format("{}: {} pods without GPUs (num_gpu 0) skipped", name, no_gpu));
  }
  if (not_scheduled > 0) {
    workload.warnings.push_back(
        fmt::format("{}: {} GPU pods never scheduled or never deleted (empty scheduled_time or "
                    "deletion_time) skipped",
                    name, not_scheduled));
  }
  if (zero_run > 0) {
    workload.warnings.push_back(
        fmt::format("{}: {} GPU pods with a zero run time skipped", name, zero_run));
  }
  if (shared > 0) {
    workload.warnings.push_back(fmt::format(
        "{}: {} pods share a GPU (gpu_milli < 1000, {:.1f} GPUs of requests in all); each is "
        "imported as one whole GPU",
        name, shared, shared_gpu_share));
  }
  finish_jobs(workload);
  return workload;
}

Workload read_alibaba_pod_list(const std::filesystem::path& path, const JobTraceOptions& options) {
  const FileText text = read_text_file(path);
  return read_alibaba_pod_list_text(text, path.string(), options);
}

// ---- generic job CSV ---------------------------------------------------------------------------

Workload read_job_csv_text(std::string_view text, const std::string& name,
                           const JobTraceOptions& options) {
  constexpr std::string_view kFormat =
      "generic job CSV: submit_time_s, gpus, duration_s[, "
      "priority, flexible]";
  TraceCsv csv(text, name);
  const std::size_t submit_col = csv.require_column("submit_time_s", kFormat);
  const std::size_t gpus_col = csv.require_column("gpus", kFormat);
  const std::size_t duration_col = csv.require_column("duration_s", kFormat);
  const auto priority_col = csv.find_column("priority");
  const auto flexible_col = csv.find_column("flexible");

  Workload workload;
  workload.source = name;
  workload.jobs.reserve(csv.rows_left());
  while (csv.next_row()) {
    const double submit_s = csv.number(submit_col, "submit_time_s", "seconds");
    const std::int32_t gpus = csv.gpus(gpus_col, "gpus", 1.0, options.campus_gpus);
    const double duration_s = csv.number(duration_col, "duration_s", "seconds");
    if (duration_s < 0.0) {
      csv.fail_cell(duration_col, "duration_s",
                    fmt::format("negative duration {} s; expected a run time > 0", duration_s));
    }
    if (duration_s == 0.0) {
      csv.fail_cell(duration_col, "duration_s", "zero duration; expected a run time > 0");
    }
    TrainingJob job =
        job_from_defaults(options, submit_s - options.time_origin_s, gpus, duration_s);
    if (priority_col && !csv.cell(*priority_col, "priority").empty()) {
      const double priority = csv.number(*priority_col, "priority", "a whole number");
      if (priority != std::floor(priority) || std::abs(priority) > kMaxGangGpus) {
        csv.fail_cell(*priority_col, "priority",
                      fmt::format("expected a whole number, got {}", priority));
      }
      job.priority = static_cast<std::int32_t>(priority);
    }
    if (flexible_col && !csv.cell(*flexible_col, "flexible").empty()) {
      const std::string_view flag = csv.cell(*flexible_col, "flexible");
      if (!parse_flag(flag, job.flexible)) {
        csv.fail_cell(*flexible_col, "flexible",
                      fmt::format("expected 1/0, true/false or yes/no, got \"{}\"",
                                  excerpt(flag, kExcerptChars)));
      }
    }
    workload.jobs.push_back(job);
  }
  finish_jobs(workload);
  return workload;
}

Workload read_job_csv(const std::filesystem::path& path, const JobTraceOptions& options) {
  const FileText text = read_text_file(path);
  return read_job_csv_text(text, path.string(), options);
}

// ---- Azure LLM inference trace 2023 ------------------------------------------------------------

std::vector<double> InferenceLoad::fraction_of_peak() const {
  const double peak = gpus.empty() ? 0.0 : *std::max_element(gpus.begin(), gpus.end());
  std::vector<double> fraction(gpus.size(), 0.0);
  if (peak > 0.0) {
    for (std::size_t i = 0; i < gpus.size(); ++i) {
      fraction[i] = gpus[i] / peak;
    }
  }
  return fraction;
}

InferenceLoad read_azure_llm_trace_text(std::string_view text, const std::string& name,
                                        const InferenceTraceOptions& options) {
  if (!(options.step_s > 0.0) || !(options.tokens_per_s_per_gpu > 0.0) ||
      !(options.context_token_weight >= 0.0)) {
    throw std::invalid_argument(
        "read_azure_llm_trace: need step_s > 0, tokens_per_s_per_gpu > 0, context weight >= 0");
  }
  constexpr std::string_view kFormat =
      "Azure LLM inference trace: TIMESTAMP, ContextTokens, "
      "GeneratedTokens";
  TraceCsv csv(text, name);
  const std::size_t time_col = csv.require_column("TIMESTAMP", kFormat);
  const std::size_t context_col = csv.require_column("ContextTokens", kFormat);
  const std::size_t generated_col = csv.require_column("GeneratedTokens", kFormat);

  InferenceLoad load;
  load.source = name;
  load.step_s = options.step_s;
  double first_s = 0.0;
  double previous_s = -std::numeric_limits<double>::infinity();
  int previous_line = 0;
  double bin_start_s = 0.0;
  while (csv.next_row()) {
    const std::string_view stamp = csv.cell(time_col, "TIMESTAMP");
    double t_s = 0.0;
    if (!parse_azure_stamp(stamp, t_s)) {
      csv.fail_cell(time_col, "TIMESTAMP",
                    fmt::format("expected a time \"YYYY-MM-DD HH:MM:SS[.fraction]\", got \"{}\"",
                                excerpt(stamp, kExcerptChars)));
    }
    if (t_s < previous_s) {
      csv.fail_cell(
          time_col, "TIMESTAMP",
          fmt::format("the time goes backwards from line {} to {}", previous_line, stamp));
    }
    const double context = csv.number(context_col, "ContextTokens", "tokens");
    const double generated = csv.number(generated_col, "GeneratedTokens", "tokens");
    if (context < 0.0) {
      csv.fail_cell(context_col, "ContextTokens", "negative token count");
    }
    if (generated < 0.0) {
      csv.fail_cell(generated_col, "GeneratedTokens", "negative token count");
    }
    if (load.total_requests == 0) {
      first_s = t_s;
      bin_start_s = std::floor(t_s / options.step_s) * options.step_s;
      load.start_utc_s = static_cast<std::int64_t>(bin_start_s);
    }
    const auto bin = static_cast<std::size_t>(std::floor((t_s - bin_start_s) / options.step_s));
    if (bin >= load.requests.size()) {
      load.requests.resize(bin + 1, 0.0);
      load.tokens_per_s.resize(bin + 1, 0.0);
    }
    load.requests[bin] += 1.0;
    load.tokens_per_s[bin] += (options.context_token_weight * context + generated) / options.step_s;
    ++load.total_requests;
    load.duration_s = t_s - first_s;
    previous_s = t_s;
    previous_line = csv.line();
  }
  if (load.total_requests == 0) {
    csv.fail(2, 1, "", "the trace has no requests");
  }
  load.gpus.resize(load.tokens_per_s.size());
  for (std::size_t i = 0; i < load.gpus.size(); ++i) {
    load.gpus[i] = load.tokens_per_s[i] / options.tokens_per_s_per_gpu;
  }
  return load;
}

InferenceLoad read_azure_llm_trace(const std::filesystem::path& path,
                                   const InferenceTraceOptions& options) {
  const FileText text = read_text_file(path);
  return read_azure_llm_trace_text(text, path.string(), options);
}

}  // namespace stargate
