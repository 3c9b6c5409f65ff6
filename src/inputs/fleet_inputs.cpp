// The GPU fleet's inputs: each building's GPU type, the inference services and where they run,
// and the training workload (a trace or the synthetic generator).
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "inputs/input_parts.hpp"
#include "stargate/compute/synthetic_workload.hpp"
#include "stargate/core/text.hpp"
#include "stargate/core/units.hpp"
#include "stargate/io/trace_reader.hpp"

namespace stargate::inputs {
namespace {

// A scenario [[gpu_type]] as a GpuType; InputError at the table when its numbers are invalid.
GpuType scenario_gpu_type(const Scenario& scenario, std::size_t index) {
  const GpuTypeSection& section = scenario.gpu_types[index];
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
    throw InputError(field_problem(scenario, fmt::format("gpu_type[{}]", index), error.what()));
  }
  return type;
}

GpuType building_gpu_type(const Scenario& scenario, std::size_t building) {
  const std::string& name = scenario.buildings[building].gpu_type;
  for (std::size_t i = 0; i < scenario.gpu_types.size(); ++i) {
    if (scenario.gpu_types[i].name == name) {
      return scenario_gpu_type(scenario, i);
    }
  }
  try {
    return catalogue_gpu(name);
  } catch (const std::invalid_argument&) {
    std::vector<std::string_view> names = gpu_type_names();
    for (const GpuTypeSection& section : scenario.gpu_types) {
      names.push_back(section.name);
    }
    throw InputError(field_problem(
        scenario, fmt::format("building[{}].gpu_type", building),
        fmt::format("unknown GPU type \"{}\"{}", name, suggestion_suffix(name, names))));
  }
}

InferenceService inference_service(const Scenario& scenario, std::size_t index, InputFiles& files,
                                   std::vector<std::string>& warnings) {
  const InferenceSection& section = scenario.inference[index];
  InferenceService service;
  service.name = section.name;
  service.gpus = static_cast<std::int32_t>(section.gpus);
  service.floor_fraction = section.floor_fraction;
  service.mean_load_fraction = section.mean_load_fraction;
  service.diurnal_amplitude = section.diurnal_amplitude;
  service.peak_hour = section.peak_hour;
  service.annual_growth = section.annual_growth;
  if (!section.demand_file.empty()) {
    InferenceTraceOptions options;
    options.tokens_per_s_per_gpu = section.tokens_per_s_per_gpu;
    const std::filesystem::path path = scenario_file_path(scenario, section.demand_file);
    const InferenceLoad load = read_azure_llm_trace_text(files.read(path), path.string(), options);
    warnings.insert(warnings.end(), load.warnings.begin(), load.warnings.end());
    service.measured_fraction = load.fraction_of_peak();
    service.measured_step_s = load.step_s;
  }
  return service;
}

// Each service takes dedicated GPUs from the earliest building online in the run with room (the
// first step each carries load; ties in scenario order).
std::vector<std::size_t> place_services(const Scenario& scenario,
                                        const std::vector<InferenceService>& services) {
  const TimeGrid grid = run_grid(scenario);
  std::vector<std::int64_t> free_gpus;
  std::vector<std::size_t> online_step;
  for (const BuildingSection& building : scenario.buildings) {
    free_gpus.push_back(building.gpus);
    online_step.push_back(grid.first_step_at_or_after(building.online));
  }
  std::vector<std::size_t> order(free_gpus.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return online_step[a] < online_step[b]; });
  std::vector<std::size_t> homes;
  for (std::size_t s = 0; s < services.size(); ++s) {
    const auto home = std::find_if(order.begin(), order.end(),
                                   [&](std::size_t b) { return free_gpus[b] >= services[s].gpus; });
    if (home == order.end()) {
      throw InputError(field_problem(
          scenario, fmt::format("inference[{}].gpus", s),
          fmt::format("expected at most the free GPUs of one building, got {}", services[s].gpus)));
    }
    free_gpus[*home] -= services[s].gpus;
    homes.push_back(*home);
  }
  return homes;
}

Workload training_workload(const Scenario& scenario, InputFiles& files,
                           const std::vector<std::int64_t>& pools) {
  const ComputeSection& compute = scenario.compute;
  const std::int64_t campus_gpus = std::accumulate(pools.begin(), pools.end(), std::int64_t{0});
  if (compute.workload != WorkloadSource::kSynthetic) {
    JobTraceOptions options;
    options.campus_gpus = campus_gpus;
    const std::filesystem::path path = scenario_file_path(scenario, compute.workload_file);
    const FileText text = files.read(path);
    return compute.workload == WorkloadSource::kAlibaba
               ? read_alibaba_pod_list_text(text, path.string(), options)
               : read_job_csv_text(text, path.string(), options);
  }
  const std::int64_t largest_pool =
      pools.empty() ? 0 : *std::max_element(pools.begin(), pools.end());
  if (compute.frontier_jobs > 0 && compute.frontier_max_gpus > largest_pool) {
    throw InputError(field_problem(
        scenario, "compute.frontier_max_gpus",
        fmt::format("expected at most the training GPUs of one building ({}): a gang runs in one "
                    "building, got {}",
                    largest_pool, compute.frontier_max_gpus)));
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
    return generate_workload(params, run_grid(scenario).duration_h() * kSecondsPerHour,
                             static_cast<std::uint64_t>(scenario.run.seed));
  } catch (const std::invalid_argument& error) {
    throw InputError(field_problem(scenario, "compute.size_multiplier", error.what()));
  }
}

}  // namespace

std::vector<GpuType> resolve_gpu_types(const Scenario& scenario) {
  std::vector<GpuType> types;
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    types.push_back(building_gpu_type(scenario, b));
  }
  return types;
}

FleetInputs load_fleet(const Scenario& scenario, InputFiles& files,
                       std::vector<std::string>& warnings) {
  FleetInputs fleet;
  for (std::size_t s = 0; s < scenario.inference.size(); ++s) {
    fleet.services.push_back(inference_service(scenario, s, files, warnings));
  }
  fleet.service_building = place_services(scenario, fleet.services);
  fleet.workload = training_workload(scenario, files, training_gpus(scenario, fleet));
  warnings.insert(warnings.end(), fleet.workload.warnings.begin(), fleet.workload.warnings.end());
  return fleet;
}

}  // namespace stargate::inputs
