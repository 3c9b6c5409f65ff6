#include "stargate/sim/compute_fleet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "stargate/compute/gpu_power.hpp"
#include "stargate/compute/synthetic_workload.hpp"
#include "stargate/core/errors.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/trace_reader.hpp"

namespace stargate {
namespace {

[[noreturn]] void fail_at(const Scenario& scenario, const std::string& field, std::string message) {
  throw InputError(
      Diagnostic{scenario.sources.find(field, SourceLocation{scenario.source_file, 1, 1}), field,
                 std::move(message)});
}

SchedulingPolicy policy_of(SchedulerPolicy policy) {
  switch (policy) {
    case SchedulerPolicy::kFifo: return SchedulingPolicy::kFifo;
    case SchedulerPolicy::kEasyBackfill: return SchedulingPolicy::kEasyBackfill;
    case SchedulerPolicy::kPriority: return SchedulingPolicy::kPriority;
    case SchedulerPolicy::kPowerAware: return SchedulingPolicy::kPowerAware;
  }
  return SchedulingPolicy::kFifo;
}

Workload load_workload(const Scenario& scenario, const TimeGrid& grid, std::int64_t campus_gpus,
                       std::int64_t largest_pool_gpus) {
  const ComputeSection& compute = scenario.compute;
  if (compute.workload != WorkloadSource::kSynthetic) {
    const std::filesystem::path file(compute.workload_file);
    const std::filesystem::path path =
        file.is_absolute() ? file
                           : std::filesystem::path(scenario.source_file).parent_path() / file;
    JobTraceOptions options;
    options.campus_gpus = campus_gpus;
    return compute.workload == WorkloadSource::kAlibaba ? read_alibaba_pod_list(path, options)
                                                        : read_job_csv(path, options);
  }
  if (compute.frontier_jobs > 0 && compute.frontier_max_gpus > largest_pool_gpus) {
    fail_at(scenario, "compute.frontier_max_gpus",
            fmt::format("expected at most the training GPUs of one building ({}): a gang runs in "
                        "one building, got {}",
                        largest_pool_gpus, compute.frontier_max_gpus));
  }
  SyntheticWorkloadParams params;
  params.campus_gpus = campus_gpus;
  params.target_utilisation = compute.target_utilisation;
  params.size_multiplier = static_cast<std::int32_t>(compute.size_multiplier);
  params.duration_multiplier = compute.duration_multiplier;
  params.firm_share = compute.firm_share;
  params.frontier_jobs = static_cast<std::int32_t>(compute.frontier_jobs);
  params.frontier_min_gpus = static_cast<std::int32_t>(compute.frontier_min_gpus);
  params.frontier_max_gpus = static_cast<std::int32_t>(compute.frontier_max_gpus);
  try {
    return generate_workload(params, grid.duration_h() * kSecondsPerHour,
                             static_cast<std::uint64_t>(scenario.run.seed));
  } catch (const std::invalid_argument& error) {
    fail_at(scenario, "compute.size_multiplier", error.what());
  }
}

}  // namespace

GpuType resolve_gpu_type(const Scenario& scenario, std::size_t building) {
  const std::string& name = scenario.buildings[building].gpu_type;
  for (std::size_t i = 0; i < scenario.gpu_types.size(); ++i) {
    const GpuTypeSection& section = scenario.gpu_types[i];
    if (section.name != name) {
      continue;
    }
    GpuType type;
    type.name = section.name;
    type.tdp_w = section.tdp_kw * kWPerKw;
    type.idle_w = section.idle_kw * kWPerKw;
    type.dense_bf16_flops = section.dense_bf16_pflops * kFlopsPerPflops;
    type.dense_fp8_flops = section.dense_fp8_pflops * kFlopsPerPflops;
    type.gpus_per_rack = static_cast<int>(section.gpus_per_rack);
    type.node_overhead_factor = section.node_overhead_factor;
    type.network_storage_fraction = section.network_storage_fraction;
    type.price_usd = section.price_usd;
    type.rack_it_kw =
        section.tdp_kw * static_cast<double>(section.gpus_per_rack) * section.node_overhead_factor;
    type.source = fmt::format("scenario [[gpu_type]] {}", section.name);
    try {
      validate_gpu_type(type);
    } catch (const std::invalid_argument& error) {
      fail_at(scenario, fmt::format("gpu_type[{}]", i), error.what());
    }
    return type;
  }
  try {
    return catalogue_gpu(name);
  } catch (const std::invalid_argument&) {
    std::vector<std::string_view> names = gpu_type_names();
    for (const GpuTypeSection& section : scenario.gpu_types) {
      names.push_back(section.name);
    }
    fail_at(scenario, fmt::format("building[{}].gpu_type", building),
            fmt::format("unknown GPU type \"{}\"{}", name, suggestion_suffix(name, names)));
  }
}

ComputeFleet::ComputeFleet(const Scenario& scenario, const TimeGrid& grid) : grid_(grid) {
  const ComputeSection& compute = scenario.compute;
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    const BuildingSection& building = scenario.buildings[b];
    Pool pool;
    pool.type = resolve_gpu_type(scenario, b);
    pool.gpus = building.gpus;
    pool.online_step = grid.first_step_at_or_after(building.online);
    const double overhead =
        pool.type.node_overhead_factor * (1.0 + pool.type.network_storage_fraction);
    pool.idle_kw_per_gpu = pool.type.idle_w * overhead / kWPerKw;
    pool.busy_kw_per_gpu = busy_gpu_power_w(pool.type, compute.activity, 1.0) * overhead / kWPerKw;
    pools_.push_back(pool);
  }
  // Inference services take dedicated GPUs from the earliest buildings with room.
  std::vector<std::size_t> order(pools_.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pools_[a].online_step < pools_[b].online_step;
  });
  for (std::size_t s = 0; s < scenario.inference.size(); ++s) {
    const InferenceSection& section = scenario.inference[s];
    const auto home = std::find_if(order.begin(), order.end(),
                                   [&](std::size_t p) { return pools_[p].gpus >= section.gpus; });
    if (home == order.end()) {
      fail_at(scenario, fmt::format("inference[{}].gpus", s),
              fmt::format("expected at most the free GPUs of one building, got {}", section.gpus));
    }
    pools_[*home].gpus -= section.gpus;
    InferenceService service;
    service.name = section.name;
    service.gpus = static_cast<std::int32_t>(section.gpus);
    service.floor_fraction = section.floor_fraction;
    service.mean_load_fraction = section.mean_load_fraction;
    service.diurnal_amplitude = section.diurnal_amplitude;
    service.peak_hour = section.peak_hour;
    service.annual_growth = section.annual_growth;
    if (!section.demand_file.empty()) {
      const std::filesystem::path file(section.demand_file);
      InferenceTraceOptions options;
      options.tokens_per_s_per_gpu = section.tokens_per_s_per_gpu;
      const InferenceLoad load = read_azure_llm_trace(
          file.is_absolute() ? file
                             : std::filesystem::path(scenario.source_file).parent_path() / file,
          options);
      service.measured_fraction = load.fraction_of_peak();
      service.measured_step_s = load.step_s;
    }
    services_.push_back(Service{service, *home});
  }

  std::int64_t campus_gpus = 0;
  std::int64_t largest_pool = 0;
  SchedulerParams params;
  params.policy = policy_of(compute.policy);
  params.seed = static_cast<std::uint64_t>(scenario.run.seed);
  params.defer_above_price_usd_per_mwh = compute.defer_above_price_usd_per_mwh;
  for (const Pool& pool : pools_) {
    campus_gpus += pool.gpus;
    largest_pool = std::max(largest_pool, pool.gpus);
    // All buildings share type index 0, so any job may run in any building; each pool's power
    // still follows its own GPU type.
    params.pools.push_back(GpuPool{pool.gpus, 0, pool.busy_kw_per_gpu - pool.idle_kw_per_gpu});
  }
  const Workload workload = load_workload(scenario, grid, campus_gpus, largest_pool);
  params.gpu_failure_rate_per_h = workload.gpu_failure_rate_per_h;
  std::vector<TrainingJob> jobs = workload.jobs;
  for (TrainingJob& job : jobs) {
    job.gpu_type = 0;
  }
  scheduler_ = std::make_unique<Scheduler>(jobs, params);
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    if (pools_[p].online_step > 0) {
      scheduler_->set_pool_gpus(p, 0);
    }
  }
}

FleetStep ComputeFleet::step(std::size_t step, double flexible_budget_kw, double price_usd_per_mwh,
                             double carbon_kg_per_mwh) {
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    if (step == pools_[p].online_step && step > 0) {
      scheduler_->set_pool_gpus(p, pools_[p].gpus);
    }
  }
  PowerSignal signal;
  signal.flexible_budget_kw = flexible_budget_kw;
  signal.price_usd_per_mwh = price_usd_per_mwh;
  signal.carbon_kg_per_kwh = carbon_kg_per_mwh / kKwhPerMwh;
  const StepOutput out = scheduler_->step(static_cast<std::int64_t>(step),
                                          static_cast<double>(grid_.step_s()), signal);
  FleetStep result;
  double increment_kw = 0.0;
  for (std::size_t p = 0; p < pools_.size(); ++p) {
    const Pool& pool = pools_[p];
    if (step < pool.online_step) {
      continue;
    }
    const double increment =
        (pool.busy_kw_per_gpu - pool.idle_kw_per_gpu) * out.pool_power_weighted_gpus[p];
    result.it_kw += pool.idle_kw_per_gpu * static_cast<double>(pool.gpus) + increment;
    increment_kw += increment;
  }
  const double t_s = static_cast<double>(step) * static_cast<double>(grid_.step_s());
  double inference_kw = 0.0;
  double inference_busy = 0.0;
  for (const Service& service : services_) {
    const Pool& pool = pools_[service.pool];
    if (step < pool.online_step) {
      continue;
    }
    const double running = service.service.running_fraction(t_s, grid_.start().seconds);
    const double gpus = static_cast<double>(service.service.gpus);
    inference_kw +=
        gpus * (pool.idle_kw_per_gpu + (pool.busy_kw_per_gpu - pool.idle_kw_per_gpu) * running);
    inference_busy += gpus * running;
  }
  result.it_kw += inference_kw;
  result.gpus_busy = out.gpus_allocated + inference_busy;
  result.flexible_shed_kw = out.flexible_shed_kw;
  result.firm_it_kw = result.it_kw - std::min(out.flexible_drawn_kw, increment_kw);
  last_firm_it_kw_ = result.firm_it_kw;
  return result;
}

}  // namespace stargate
