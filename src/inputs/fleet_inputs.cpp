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
#include "stargate/io/gpu_types.hpp"
#include "stargate/io/trace_reader.hpp"

namespace stargate::inputs {
namespace {

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

// Training GPUs online over the run: each building's from its online date.
OnlineGpus online_training_gpus(const Scenario& scenario, const std::vector<std::int64_t>& pools) {
  const TimeGrid grid = run_grid(scenario);
  std::vector<std::pair<double, std::int64_t>> steps;  // (from, GPUs added)
  for (std::size_t b = 0; b < pools.size(); ++b) {
    const auto step = grid.first_step_at_or_after(scenario.buildings[b].online);
    steps.emplace_back(static_cast<double>(step) * static_cast<double>(grid.step_s()), pools[b]);
  }
  std::sort(steps.begin(), steps.end());
  OnlineGpus online;
  std::int64_t total = 0;
  for (const auto& [from_s, gpus] : steps) {
    total += gpus;
    if (!online.from_s.empty() && online.from_s.back() == from_s) {
      online.gpus.back() = total;
    } else {
      online.from_s.push_back(from_s);
      online.gpus.push_back(total);
    }
  }
  if (!online.from_s.empty() && online.from_s.front() > 0.0) {  // nothing online at the start
    online.from_s.insert(online.from_s.begin(), 0.0);
    online.gpus.insert(online.gpus.begin(), 0);
  }
  return online;
}

Workload synthetic_workload(const Scenario& scenario, const std::vector<std::int64_t>& pools) {
  const ComputeSection& compute = scenario.compute;
  const std::int64_t campus_gpus = std::accumulate(pools.begin(), pools.end(), std::int64_t{0});
  std::vector<std::int64_t> largest_first = pools;
  std::sort(largest_first.begin(), largest_first.end(), std::greater<>());
  const std::int64_t largest_pool = largest_first.empty() ? 0 : largest_first.front();
  largest_first.resize(std::min<std::size_t>(
      largest_first.size(), static_cast<std::size_t>(compute.max_buildings_per_job)));
  const std::int64_t reach =
      std::accumulate(largest_first.begin(), largest_first.end(), std::int64_t{0});
  if (compute.preset == WorkloadMix::kResearchCluster && compute.frontier_jobs > 0 &&
      compute.frontier_max_gpus > reach) {
    throw InputError(field_problem(
        scenario, "compute.frontier_max_gpus",
        fmt::format("expected at most the training GPUs of the {} largest buildings ({}; "
                    "max_buildings_per_job = {}), got {}",
                    largest_first.size(), reach, compute.max_buildings_per_job,
                    compute.frontier_max_gpus)));
  }
  SyntheticWorkloadParams params;
  params.campus_gpus = campus_gpus;
  params.online = online_training_gpus(scenario, pools);
  params.largest_pool_gpus = largest_pool;
  params.preset = compute.preset == WorkloadMix::kFrontierLab ? WorkloadPreset::kFrontierLab
                                                              : WorkloadPreset::kResearchCluster;
  params.target_utilisation = compute.target_utilisation;
  params.max_job_duration_s = compute.max_job_duration_s;
  params.warm_start = compute.warm_start;
  params.max_pools_per_job = static_cast<std::int32_t>(compute.max_buildings_per_job);
  params.training_mfu = compute.training_mfu;
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

Workload training_workload(const Scenario& scenario, InputFiles& files,
                           const std::vector<std::int64_t>& pools) {
  const ComputeSection& compute = scenario.compute;
  if (compute.workload == WorkloadSource::kSynthetic) {
    return synthetic_workload(scenario, pools);
  }
  JobTraceOptions options;
  options.campus_gpus = std::accumulate(pools.begin(), pools.end(), std::int64_t{0});
  const std::filesystem::path path = scenario_file_path(scenario, compute.workload_file);
  const FileText text = files.read(path);
  return compute.workload == WorkloadSource::kAlibaba
             ? read_alibaba_pod_list_text(text, path.string(), options)
             : read_job_csv_text(text, path.string(), options);
}

}  // namespace

std::vector<GpuType> resolve_gpu_types(const Scenario& scenario,
                                       std::vector<std::string>& warnings) {
  std::vector<GpuType> types;
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    const BuildingSection& building = scenario.buildings[b];
    types.push_back(building_gpu_type(scenario, b));
    const double needed_kw = building_gpu_it_kw(building, types.back());
    // The fleet's IT power follows its GPUs (constant-utilisation follows the IT capacity).
    if (scenario.compute.model == ComputeModel::kFleet &&
        needed_kw < kUnderfilledBuildingFraction * building.it_capacity_kw) {
      warnings.push_back(fmt::format(
          "building \"{}\": its {} {} GPUs need {:.1f} MW of IT power at full load, {:.0f} % of "
          "its it_capacity of {:.1f} MW (under {:.0f} %): the building's power and capex outrun "
          "its compute; add GPUs or lower it_capacity (omit it to derive it)",
          building.name, building.gpus, types.back().name, needed_kw / kKwPerMw,
          needed_kw / building.it_capacity_kw / kPercent, building.it_capacity_kw / kKwPerMw,
          kUnderfilledBuildingFraction / kPercent));
    }
  }
  return types;
}

FleetInputs fleet_for_period(const Scenario& moved, const FleetInputs& base) {
  FleetInputs fleet = base;
  if (moved.compute.workload == WorkloadSource::kSynthetic) {
    fleet.workload = synthetic_workload(moved, training_gpus(moved, base));
  }
  return fleet;
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
