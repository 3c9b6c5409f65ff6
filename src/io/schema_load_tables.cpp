
#include "stargate/core/units.hpp"
// Tables of the load: buildings, the compute fleet, GPU types, inference services and the facility.
// Part of the scenario schema: see src/io/scenario_schema.cpp and include/stargate/io/schema.hpp.

#include "io/schema_tables.hpp"

namespace stargate::schema_tables {
namespace {

constexpr double kMaxPue = 3.0;

}  // namespace

TableSpec building_table() {
  return TableDeclaration<BuildingSection>("building",
                                           "One data-centre building (repeat for each).",
                                           &Scenario::buildings, "name")
      .required()
      .field("name", &BuildingSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the building."})
      .field("online", &BuildingSection::online,
             {.kind = ValueKind::kDate,
              .description = "Date the building starts carrying load (before the end of the run)."})
      .field("it_capacity", &BuildingSection::it_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .default_toml = "\"0 MW\"",
              .min = 0.0,
              .description = "Provisioned IT power of the building, > 0. Omitted: gpus x the GPU "
                             "type's all-in IT power at full load (GB200 NVL72: 1.81 kW per GPU, "
                             "130 kW per rack). More GPUs than it carries is an error, under 85 % "
                             "of it a warning (docs/compute-power.md)."})
      .field("gpus", &BuildingSection::gpus,
             {.kind = ValueKind::kInteger,
              .min = 0,
              .description = "Number of GPUs installed in the building."})
      .field("gpu_type", &BuildingSection::gpu_type,
             {.kind = ValueKind::kText,
              .default_toml = "\"gb200-nvl72\"",
              .description = "GPU from the catalogue: h100-sxm, h200, b200, gb200-nvl72, "
                             "gb300-nvl72 (docs/compute-power.md)."})
      .build();
}

TableSpec compute_table() {
  constexpr double kMaxMultiplier = 4096.0;
  return TableDeclaration<ComputeSection>(
             "compute",
             "The GPU fleet, its training workload and the scheduler (docs/scheduling.md).",
             &Scenario::compute)
      .choice(
          "model", &ComputeSection::model,
          {{"fleet", ComputeModel::kFleet},
           {"constant-utilisation", ComputeModel::kConstantUtilisation}},
          {.default_toml = "\"fleet\"",
           .description = "fleet: GPU pools per building running scheduled training jobs and "
                          "inference; constant-utilisation: IT load = it_utilisation x online IT "
                          "capacity (a quick estimate)."})
      .field("it_utilisation", &ComputeSection::it_utilisation,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"76 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "constant-utilisation: IT power as a share of the online IT capacity "
                             "(76 %: sustained training draw against nameplate, FACTS.md)."})
      .choice("policy", &ComputeSection::policy,
              {{"fifo", SchedulerPolicy::kFifo},
               {"easy-backfill", SchedulerPolicy::kEasyBackfill},
               {"priority", SchedulerPolicy::kPriority},
               {"power-aware", SchedulerPolicy::kPowerAware}},
              {.default_toml = "\"power-aware\"",
               .description = "Scheduler: FIFO, EASY backfilling, priority with preemption, or "
                              "power-aware (flexible work throttled, then paused, when the supply "
                              "cannot carry it)."})
      .choice(
          "forecast", &ComputeSection::forecast,
          {{"perfect", BudgetForecast::kPerfect}, {"persistence", BudgetForecast::kPersistence}},
          {.default_toml = "\"perfect\"",
           .description = "Power-aware: renewables in the power budget are this step's "
                          "(perfect) or the last step's (persistence)."})
      .field("activity", &ComputeSection::activity,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"80 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of the cap-to-idle power range a busy GPU draws (compute and "
                             "communication phases averaged)."})
      .choice("workload", &ComputeSection::workload,
              {{"synthetic", WorkloadSource::kSynthetic},
               {"alibaba", WorkloadSource::kAlibaba},
               {"csv", WorkloadSource::kCsv}},
              {.default_toml = "\"synthetic\"",
               .description = "Training jobs: synthetic (calibrated to AcmeTrace, with frontier "
                              "jobs), the Alibaba GPU v2023 pod list, or a generic CSV "
                              "(docs/workloads.md)."})
      .field("workload_file", &ComputeSection::workload_file,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "Trace file for workload = \"alibaba\" or \"csv\", relative to the "
                             "scenario file."})
      .choice("preset", &ComputeSection::preset,
              {{"research-cluster", WorkloadMix::kResearchCluster},
               {"frontier-lab", WorkloadMix::kFrontierLab}},
              {.default_toml = "\"research-cluster\"",
               .description = "Synthetic: the job population. research-cluster: AcmeTrace Seren "
                              "scaled by size_multiplier and duration_multiplier, plus "
                              "frontier_jobs; frontier-lab: pretraining runs spanning buildings "
                              "(60 %), post-training (25 %), evaluation (5 %) and research (10 %) "
                              "(docs/workloads.md)."})
      .field("max_job_duration", &ComputeSection::max_job_duration_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"90 d\"",
              .min = 0.0,
              .min_exclusive = true,
              .description = "Synthetic: longest run time of a job at full speed (GPT-4's "
                             "pretraining was reported at 90-100 days, Llama 3 405B's at 54)."})
      .field("warm_start", &ComputeSection::warm_start,
             {.kind = ValueKind::kBool,
              .default_toml = "true",
              .description = "Synthetic: start with the running jobs of a campus in steady state "
                             "(false: an empty campus at the start)."})
      .field("max_buildings_per_job", &ComputeSection::max_buildings_per_job,
             {.kind = ValueKind::kInteger,
              .default_toml = "8",
              .min = 1.0,
              .max = 255.0,
              .description = "Buildings one synchronous pretraining or frontier gang may span "
                             "(the reach of the campus's inter-building fabric; 1: one "
                             "building)."})
      .field("training_mfu", &ComputeSection::training_mfu,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"40 %\"",
              .min = 0.0,
              .max = 1.0,
              .min_exclusive = true,
              .description = "Model FLOPs utilisation of training jobs at dense BF16 (Llama 3 "
                             "405B: 38-43 %, FACTS.md)."})
      .field("model_parameters", &ComputeSection::model_parameters,
             {.kind = ValueKind::kNumber,
              .plain_unit = "parameters",
              .default_toml = "405e9",
              .min = 1.0,
              .description = "Parameters of the model trained: tokens trained = training FLOPs / "
                             "(6 x parameters) (Llama 3 405B by default)."})
      .field("target_utilisation", &ComputeSection::target_utilisation,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"70 %\"",
              .min = 0.0,
              .max = 2.0,
              .description = "Synthetic: GPUs the offered jobs would hold, as a share of the "
                             "training GPUs online at each time (busy GPUs in steady state)."})
      .field("size_multiplier", &ComputeSection::size_multiplier,
             {.kind = ValueKind::kInteger,
              .default_toml = "32",
              .min = 1.0,
              .max = kMaxMultiplier,
              .description = "Synthetic: trace job sizes (median 1, up to 1,024 GPUs) times this "
                             "power of two: a campus of 400,000 GPUs runs larger jobs than a "
                             "4,096-GPU research cluster."})
      .field("duration_multiplier", &ComputeSection::duration_multiplier,
             {.kind = ValueKind::kNumber,
              .default_toml = "384",
              .min = 1.0,
              .max = kMaxMultiplier,
              .description = "Synthetic: trace run times (median 2 min, mean 24 min) times this "
                             "(x384: median 13 h, mean 6 days), so a 400,000-GPU year fills with "
                             "tens of thousands of jobs rather than millions."})
      .field("frontier_jobs", &ComputeSection::frontier_jobs,
             {.kind = ValueKind::kInteger,
              .default_toml = "0",
              .min = 0.0,
              .max = 100.0,
              .description = "Synthetic: frontier training jobs of frontier_min_gpus to "
                             "frontier_max_gpus GPUs, 30-90 days each."})
      .field("frontier_min_gpus", &ComputeSection::frontier_min_gpus,
             {.kind = ValueKind::kInteger,
              .default_toml = "20000",
              .min = 72.0,
              .description = "Smallest frontier job."})
      .field("frontier_max_gpus", &ComputeSection::frontier_max_gpus,
             {.kind = ValueKind::kInteger,
              .default_toml = "100000",
              .min = 72.0,
              .description = "Largest frontier job (at most the GPUs of max_buildings_per_job "
                             "buildings)."})
      .field("firm_share", &ComputeSection::firm_share,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"20 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Synthetic: share of ordinary jobs that are firm (never slowed)."})
      .field("defer_above_price", &ComputeSection::defer_above_price_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .default_toml = "\"10000 $/MWh\"",
              .min = -1000.0,
              .description = "Power-aware: flexible jobs do not start or resume above this price "
                             "while their deadline allows."})
      .build();
}

TableSpec gpu_type_table() {
  constexpr double kMaxOverhead = 5.0;
  constexpr double kMaxTdpW = 5000.0;
  return TableDeclaration<GpuTypeSection>(
             "gpu_type",
             "A GPU type not in the catalogue, or one that replaces a catalogue entry of the same "
             "name (docs/compute-power.md).",
             &Scenario::gpu_types, "name")
      .field("name", &GpuTypeSection::name,
             {.kind = ValueKind::kText, .description = "Name that buildings use in gpu_type."})
      .field("tdp", &GpuTypeSection::tdp_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .max = kMaxTdpW / kWPerKw,
              .min_exclusive = true,
              .description = "Thermal design power (the highest power cap) of one GPU."})
      .field("idle", &GpuTypeSection::idle_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .description = "Power of a powered, idle GPU (FACTS.md: ~15 % of TDP)."})
      .field("dense_bf16", &GpuTypeSection::dense_bf16_pflops,
             {.kind = ValueKind::kNumber,
              .plain_unit = "PFLOP/s",
              .default_toml = "0",
              .min = 0.0,
              .description = "Dense BF16 tensor throughput."})
      .field("dense_fp8", &GpuTypeSection::dense_fp8_pflops,
             {.kind = ValueKind::kNumber,
              .plain_unit = "PFLOP/s",
              .default_toml = "0",
              .min = 0.0,
              .description = "Dense FP8 tensor throughput."})
      .field("gpus_per_rack", &GpuTypeSection::gpus_per_rack,
             {.kind = ValueKind::kInteger,
              .default_toml = "8",
              .min = 1.0,
              .description = "GPUs in one rack or node group."})
      .field("node_overhead", &GpuTypeSection::node_overhead_factor,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.8",
              .min = 1.0,
              .max = kMaxOverhead,
              .description = "Whole-node power / GPU power (FACTS.md: x1.4 NVL72, x1.8 HGX)."})
      .field("network_storage", &GpuTypeSection::network_storage_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"7.5 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Network fabric and storage, as a share of node power (5-10 %)."})
      .field("price", &GpuTypeSection::price_usd,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kMoney,
              .default_toml = "\"0 $\"",
              .min = 0.0,
              .description = "Installed IT hardware per GPU."})
      .build();
}

TableSpec inference_table() {
  return TableDeclaration<InferenceSection>("inference",
                                            "One inference service on dedicated GPUs (firm load).",
                                            &Scenario::inference, "name")
      .field("name", &InferenceSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the service."})
      .field("gpus", &InferenceSection::gpus,
             {.kind = ValueKind::kInteger,
              .min = 1.0,
              .description = "GPUs reserved for the service (taken from the buildings' pools)."})
      .field("floor", &InferenceSection::floor_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"30 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Share of its GPUs that always runs."})
      .field("mean_load", &InferenceSection::mean_load_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"60 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Mean demand as a share of its GPUs."})
      .field("diurnal_amplitude", &InferenceSection::diurnal_amplitude,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"25 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "Relative swing of demand over the day."})
      .field("peak_hour", &InferenceSection::peak_hour,
             {.kind = ValueKind::kNumber,
              .plain_unit = "h",
              .default_toml = "14",
              .min = 0.0,
              .max = kHoursPerDay,
              .description = "Local hour of the daily peak."})
      .field("growth", &InferenceSection::annual_growth,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"0 %\"",
              .min = -1.0,
              .max = 10.0,
              .description = "Relative demand growth per year."})
      .field(
          "demand_file", &InferenceSection::demand_file,
          {.kind = ValueKind::kText,
           .default_toml = "\"\"",
           .description = "Azure LLM inference trace (TIMESTAMP, ContextTokens, "
                          "GeneratedTokens), relative to the scenario file: its per-minute load, "
                          "as a share of its peak, repeats in place of the daily shape."})
      .field("tokens_per_s_per_gpu", &InferenceSection::tokens_per_s_per_gpu,
             {.kind = ValueKind::kNumber,
              .plain_unit = "tokens/s",
              .default_toml = "2500",
              .min = 1.0,
              .description = "Tokens one GPU serves per second (with demand_file)."})
      .field("mfu", &InferenceSection::mfu,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"10 %\"",
              .min = 0.0,
              .max = 1.0,
              .min_exclusive = true,
              .description = "Model FLOPs utilisation while serving, at dense FP8 (assumed: decode "
                             "is memory-bound; docs/workloads.md)."})
      .field("model_parameters", &InferenceSection::model_parameters,
             {.kind = ValueKind::kNumber,
              .plain_unit = "parameters",
              .default_toml = "405e9",
              .min = 1.0,
              .description = "Active parameters of the model served: tokens served = FLOPs / (2 x "
                             "parameters)."})
      .build();
}

TableSpec facility_table() {
  return TableDeclaration<FacilitySection>(
             "facility", "Cooling and power-distribution overheads of the buildings.",
             &Scenario::facility)
      .choice("cooling", &FacilitySection::cooling,
              {{"liquid-dry-cooler", CoolingChoice::kLiquidDryCooler},
               {"constant-pue", CoolingChoice::kConstantPue}},
              {.default_toml = "\"liquid-dry-cooler\"",
               .description = "liquid-dry-cooler: direct-to-chip warm-water cooling with dry "
                              "coolers and chiller trim, PUE from the ambient temperature of the "
                              "weather (docs/compute-power.md; Abilene ~1.16 a year); "
                              "constant-pue: facility.pue at every step."})
      .field("pue", &FacilitySection::pue,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.18",
              .min = 1.0,
              .max = kMaxPue,
              .description = "Power usage effectiveness (facility power / IT power) with cooling "
                             "= \"constant-pue\" (liquid-cooled West Texas campuses: 1.15-1.20)."})
      .build();
}

}  // namespace stargate::schema_tables
