// The campus's GPU fleet as a load: one pool of identical GPUs per building, inference services on
// dedicated GPUs (firm), and scheduled training jobs (firm or flexible) on the rest.
//
// IT power of a pool (docs/compute-power.md): every online GPU draws idle power; a busy GPU adds
// (busy - idle) x relative power at its cap, where busy = idle + (TDP - idle) x activity; all
// times the node overhead and (1 + network and storage share). Inference GPUs run the service's
// demand (never below its floor). Power-aware scheduling receives, each step, the IT power
// flexible jobs may draw; firm jobs, inference and idle power are always served first.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "stargate/compute/gpu_catalogue.hpp"
#include "stargate/compute/scheduler.hpp"
#include "stargate/compute/throughput.hpp"
#include "stargate/compute/workload.hpp"
#include "stargate/core/scenario.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/inputs/run_inputs.hpp"

namespace stargate {

/// One step of the fleet.
struct FleetStep {
  double it_kw = 0.0;             ///< all pools and inference
  double gpus_busy = 0.0;         ///< training GPUs computing or checkpointing, plus inference
  double flexible_shed_kw = 0.0;  ///< flexible IT power not drawn because of the budget
  double firm_it_kw = 0.0;        ///< IT power that is not flexible training work
};

class ComputeFleet {
 public:
  /// Builds the pools (one per building, of its GPU type, less the inference services it hosts),
  /// the services and the scheduler with the training jobs, all from the input stage.
  ComputeFleet(const Scenario& scenario, const RunInputs& inputs, const TimeGrid& grid);

  /// Advances step `step`; `flexible_budget_kw` is the IT power flexible training may draw (it
  /// matters to the power-aware policy only).
  FleetStep step(std::size_t step, double flexible_budget_kw, double price_usd_per_mwh,
                 double carbon_kg_per_mwh);

  /// IT power that is not flexible training, as of the last step (idle GPUs, firm jobs,
  /// inference): what the next step's budget must cover first.
  [[nodiscard]] double last_firm_it_kw() const { return last_firm_it_kw_; }
  /// The scheduler's metrics, with the steady-state utilisation (from the step the last building
  /// comes online to the end).
  [[nodiscard]] ScheduleMetrics metrics() const;
  /// FLOPs and tokens of the training work done and the inference served so far.
  [[nodiscard]] ComputeThroughput throughput() const;
  [[nodiscard]] std::size_t training_jobs() const { return scheduler_->job_count(); }
  [[nodiscard]] std::string check_invariants() const { return scheduler_->check_invariants(); }

 private:
  struct Pool {
    GpuType type;
    std::int64_t gpus = 0;  ///< training GPUs once the building is online
    std::size_t online_step = 0;
    double idle_kw_per_gpu = 0.0;  ///< with node overhead, network and storage
    double busy_kw_per_gpu = 0.0;  ///< at full cap
  };
  struct Service {
    InferenceService service;
    std::size_t pool = 0;  ///< the building whose GPUs it uses
    double mfu = 0.0;
    double model_parameters = 1.0;
    double running_gpu_h = 0.0;  ///< GPU-hours served so far
  };

  [[nodiscard]] double firm_it_kw_at_start(const std::vector<TrainingJob>& jobs) const;

  const TimeGrid& grid_;
  std::vector<Pool> pools_;
  std::vector<Service> services_;
  std::unique_ptr<Scheduler> scheduler_;
  double last_firm_it_kw_ = 0.0;
  std::vector<JobClass> classes_;     ///< the workload's (one default class when it has none)
  GpuType training_type_;             ///< training pools' peak FLOP/s, GPU-weighted
  double model_parameters_ = 1.0;     ///< of the model trained
  std::size_t steady_from_step_ = 0;  ///< the step the last building comes online
  double steady_allocated_gpu_h_ = 0.0;
  double steady_online_gpu_h_ = 0.0;
};

}  // namespace stargate
