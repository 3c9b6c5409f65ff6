#include "sim/compute_fleet.hpp"

#include <algorithm>

#include "stargate/compute/gpu_power.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

SchedulingPolicy policy_of(SchedulerPolicy policy) {
  switch (policy) {
    case SchedulerPolicy::kFifo: return SchedulingPolicy::kFifo;
    case SchedulerPolicy::kEasyBackfill: return SchedulingPolicy::kEasyBackfill;
    case SchedulerPolicy::kPriority: return SchedulingPolicy::kPriority;
    case SchedulerPolicy::kPowerAware: return SchedulingPolicy::kPowerAware;
  }
  return SchedulingPolicy::kFifo;
}

}  // namespace

ComputeFleet::ComputeFleet(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid)
    : grid_(grid) {
  const ComputeSection& compute = scenario.compute;
  const std::vector<std::int64_t> training = training_gpus(scenario, inputs.fleet);
  for (std::size_t b = 0; b < scenario.buildings.size(); ++b) {
    Pool pool;
    pool.type = inputs.gpu_types[b];
    pool.gpus = training[b];
    pool.online_step = grid.first_step_at_or_after(scenario.buildings[b].online);
    const double overhead =
        pool.type.node_overhead_factor * (1.0 + pool.type.network_storage_fraction);
    pool.idle_kw_per_gpu = pool.type.idle_w * overhead / kWPerKw;
    pool.busy_kw_per_gpu = busy_gpu_power_w(pool.type, compute.activity, 1.0) * overhead / kWPerKw;
    pools_.push_back(pool);
  }
  for (std::size_t s = 0; s < inputs.fleet.services.size(); ++s) {
    const InferenceSection& section = scenario.inference[s];
    services_.push_back(Service{inputs.fleet.services[s], inputs.fleet.service_building[s],
                                section.mfu, section.model_parameters, 0.0});
  }
  classes_ = inputs.fleet.workload.classes;
  if (classes_.empty()) {
    classes_.push_back(JobClass{"training", compute.training_mfu, false, true});
  }
  model_parameters_ = compute.model_parameters;
  double training_gpus_total = 0.0;
  for (const Pool& pool : pools_) {
    const auto gpus = static_cast<double>(pool.gpus);
    training_type_.dense_bf16_flops += pool.type.dense_bf16_flops * gpus;
    training_type_.dense_fp8_flops += pool.type.dense_fp8_flops * gpus;
    training_gpus_total += gpus;
    steady_from_step_ = std::max(steady_from_step_, pool.online_step);
  }
  if (training_gpus_total > 0.0) {
    training_type_.dense_bf16_flops /= training_gpus_total;
    training_type_.dense_fp8_flops /= training_gpus_total;
  }

  SchedulerParams params;
  params.policy = policy_of(compute.policy);
  params.seed = static_cast<std::uint64_t>(scenario.run.seed);
  params.defer_above_price_usd_per_mwh = compute.defer_above_price_usd_per_mwh;
  for (const Pool& pool : pools_) {
    // All buildings share type index 0, so any job may run in any building; each pool's power
    // still follows its own GPU type.
    params.pools.push_back(GpuPool{pool.gpus, 0, pool.busy_kw_per_gpu - pool.idle_kw_per_gpu});
  }
  const Workload& workload = inputs.fleet.workload;
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
  last_firm_it_kw_ = firm_it_kw_at_start(jobs);
}

// The firm IT power of step 0, before any step ran: idle power of the pools online, inference at
// its first step's demand, and the firm jobs ready at the start (a warm-started campus begins
// with its running set), at most the training GPUs online.
double ComputeFleet::firm_it_kw_at_start(const std::vector<TrainingJob>& jobs) const {
  double kw = 0.0;
  double training_gpus = 0.0;
  double busy_increment_kw = 0.0;  // per GPU, GPU-weighted over the online pools
  for (const Pool& pool : pools_) {
    if (pool.online_step > 0) continue;
    kw += pool.idle_kw_per_gpu * static_cast<double>(pool.gpus);
    training_gpus += static_cast<double>(pool.gpus);
    busy_increment_kw +=
        (pool.busy_kw_per_gpu - pool.idle_kw_per_gpu) * static_cast<double>(pool.gpus);
  }
  for (const Service& service : services_) {
    const Pool& pool = pools_[service.pool];
    if (pool.online_step > 0) continue;
    const double running = service.service.running_fraction(0.0, grid_.start().seconds);
    kw += static_cast<double>(service.service.gpus) *
          (pool.idle_kw_per_gpu + (pool.busy_kw_per_gpu - pool.idle_kw_per_gpu) * running);
  }
  double firm_gpus = 0.0;
  for (const TrainingJob& job : jobs) {
    if (!job.flexible && std::max(job.submit_s, job.earliest_start_s) <= 0.0) firm_gpus += job.gpus;
  }
  if (training_gpus > 0.0) {
    kw += std::min(firm_gpus, training_gpus) * busy_increment_kw / training_gpus;
  }
  return kw;
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
    if (step >= steady_from_step_) {
      steady_online_gpu_h_ += static_cast<double>(pool.gpus) * grid_.step_h();
    }
  }
  if (step >= steady_from_step_) {
    steady_allocated_gpu_h_ += out.gpus_allocated * grid_.step_h();
  }
  const double t_s = static_cast<double>(step) * static_cast<double>(grid_.step_s());
  double inference_kw = 0.0;
  double inference_busy = 0.0;
  for (Service& service : services_) {
    const Pool& pool = pools_[service.pool];
    if (step < pool.online_step) {
      continue;
    }
    const double running = service.service.running_fraction(t_s, grid_.start().seconds);
    const double gpus = static_cast<double>(service.service.gpus);
    inference_kw +=
        gpus * (pool.idle_kw_per_gpu + (pool.busy_kw_per_gpu - pool.idle_kw_per_gpu) * running);
    inference_busy += gpus * running;
    service.running_gpu_h += gpus * running * grid_.step_h();
  }
  result.it_kw += inference_kw;
  result.gpus_busy = out.gpus_allocated + inference_busy;
  result.flexible_shed_kw = out.flexible_shed_kw;
  result.firm_it_kw = result.it_kw - std::min(out.flexible_drawn_kw, increment_kw);
  last_firm_it_kw_ = result.firm_it_kw;
  return result;
}

ScheduleMetrics ComputeFleet::metrics() const {
  ScheduleMetrics m = scheduler_->metrics();
  m.steady_state_hours =
      static_cast<double>(grid_.size() - std::min(grid_.size(), steady_from_step_)) *
      grid_.step_h();
  m.steady_state_utilisation =
      steady_online_gpu_h_ > 0.0 ? steady_allocated_gpu_h_ / steady_online_gpu_h_ : 0.0;
  return m;
}

ComputeThroughput ComputeFleet::throughput() const {
  ComputeThroughput t;
  for (std::size_t j = 0; j < scheduler_->job_count(); ++j) {
    const TrainingJob& job = scheduler_->job(j);
    const JobClass& job_class = classes_[std::min<std::size_t>(job.job_class, classes_.size() - 1)];
    const double flop = work_flop(job_class, training_type_, scheduler_->job_progress_gpu_h(j));
    t.training_flop += flop;
    if (job_class.trains_tokens && job.outcome == JobOutcome::kCompleted) {
      t.tokens_trained += flop / (kTrainingFlopPerParameterToken * model_parameters_);
    }
  }
  for (const Service& service : services_) {
    const double flop = serving_flop(pools_[service.pool].type, service.mfu, service.running_gpu_h);
    t.inference_flop += flop;
    t.tokens_served += flop / (kInferenceFlopPerParameterToken * service.model_parameters);
  }
  return t;
}

}  // namespace stargate
