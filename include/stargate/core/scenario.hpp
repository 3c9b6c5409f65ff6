// The typed scenario: what a scenario file says, in internal units (kW, kWh, s, USD, fractions).
//
// Plain data, filled by the loader in stargate/io/scenario_loader.hpp from the declarations in
// src/io/schema_*_tables.cpp (the one place each field, its unit, default and bounds are
// declared). Every module reads the sections it needs; nothing here parses or validates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stargate/core/errors.hpp"
#include "stargate/core/solar_types.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"

namespace stargate {

/// [scenario]: identity of the run and its time grid.
struct RunSection {
  std::string name;
  std::string description;
  LocalTime start;             ///< first instant, site standard time
  RunLength duration{1, 0.0};  ///< length of the run (one calendar year)
  double step_s = 3600;        ///< simulation step
  std::int64_t seed = 1;       ///< seed of every random draw in the run

  bool operator==(const RunSection&) const = default;
};

/// [site]: where the campus is.
struct SiteSection {
  std::string name;
  double latitude_deg = 0.0;   ///< north positive
  double longitude_deg = 0.0;  ///< east positive
  double elevation_m = 0.0;
  double utc_offset_s = 0.0;  ///< standard-time offset from UTC (no daylight saving)

  bool operator==(const SiteSection&) const = default;
};

/// [site.weather]: the weather every resource and cooling model reads.
struct WeatherSection {
  std::string file;                 ///< NSRDB/TMY/EPW file; empty = synthetic from `climate`
  std::string climate = "abilene";  ///< monthly climatology for synthetic weather

  bool operator==(const WeatherSection&) const = default;
};

/// [[solar]]: one PV array with its inverters (PVWatts v8 model).
struct SolarSection {
  std::string name;
  LocalTime online;             ///< first instant the array produces
  double dc_capacity_kw = 0.0;  ///< DC nameplate at STC
  ArrayType array = ArrayType::kOneAxisBacktracking;
  double tilt_deg = 0.0;       ///< fixed tilt or tracker axis tilt
  double azimuth_deg = 180.0;  ///< eastward from north
  double gcr = 0.4;
  double rotation_limit_deg = 45.0;
  double dc_ac_ratio = 1.2;
  double losses_fraction = 0.1408;
  ModuleType module = ModuleType::kStandard;
  double inverter_efficiency = 0.96;
  SkyModel sky_model = SkyModel::kPerez;
  double albedo = 0.2;  ///< used where the weather has none, or always when written
  /// Not a key: true unless the file writes `albedo` (set by the loader); then the weather's
  /// albedo is used where it has one.
  bool albedo_from_weather = true;

  bool operator==(const SolarSection&) const = default;
};

/// [site.wind]: the wind resource for [[wind]] farms.
struct WindResourceSection {
  std::string file;              ///< SRW file; empty = synthetic
  double mean_speed_m_s = 8.5;   ///< synthetic: annual mean speed at `height_m`
  double height_m = 100.0;       ///< synthetic: height of `mean_speed_m_s`
  double shear_exponent = 0.14;  ///< power-law exponent outside the measured heights

  bool operator==(const WindResourceSection&) const = default;
};

/// [[wind]]: one wind farm.
struct WindSection {
  std::string name;
  LocalTime online;
  std::int64_t turbines = 1;
  std::string turbine = "bar-3.3mw-156";  ///< catalogue name (see `stargate wind --help`)
  std::string power_curve;                ///< CSV wind_speed_m_s,power_kw; overrides `turbine`
  double rotor_diameter_m = 0.0;          ///< for a power_curve file (wake model)
  double hub_height_m = 110.0;
  double availability = 0.97;
  double losses_fraction = 0.05;         ///< electrical and other losses
  bool wake = false;                     ///< Park/Jensen wake on a square grid layout
  double spacing_rotor_diameters = 7.0;  ///< turbine spacing of the wake layout

  bool operator==(const WindSection&) const = default;
};

/// [[battery]]: one battery energy storage system.
struct BatterySection {
  std::string name;
  LocalTime online;
  double power_kw = 0.0;
  double energy_kwh = 0.0;
  double round_trip_efficiency = 0.85;
  double soc_min_fraction = 0.05;
  double soc_max_fraction = 0.95;
  double initial_soc_fraction = 0.5;
  double self_discharge_per_day = 0.0005;
  double calendar_fade_per_year = 0.015;
  double cycle_life = 6000.0;

  bool operator==(const BatterySection&) const = default;
};

/// [[gas]]: one gas plant of identical units.
struct GasSection {
  std::string name;
  LocalTime online;
  std::int64_t units = 1;
  double unit_capacity_kw = 0.0;
  double min_stable_fraction = 0.4;
  double ramp_kw_per_min = 20'000.0;      ///< per running unit
  double heat_rate_btu_per_kwh = 9300.0;  ///< at full load (part-load curve scaled to it)
  double start_cost_usd = 1500.0;         ///< per unit start
  double fuel_price_usd_per_mmbtu = 2.0;
  double vom_usd_per_mwh = 4.7;
  double min_up_time_s = 3600.0;  ///< a started unit runs at least this long

  bool operator==(const GasSection&) const = default;
};

/// [dispatch]: the rules that run the supply each step.
/// How the supply is run ([dispatch] policy = ...; docs/dispatch.md).
enum class DispatchPolicy { kRules, kLp, kMpc };    ///< "rules", "lp", "mpc"
enum class MpcForecast { kPerfect, kPersistence };  ///< "perfect", "persistence"
/// How the rules price a battery's charging and its stored energy ([dispatch] battery_prices).
enum class BatteryPrices { kDayAhead, kFixed };  ///< "day-ahead", "fixed"

struct DispatchSection {
  DispatchPolicy policy = DispatchPolicy::kRules;
  double mpc_window_s = 2.0 * kSecondsPerDay;  ///< mpc: look-ahead of each solve
  double mpc_interval_s = kSecondsPerDay;      ///< mpc: plan applied before the next solve
  MpcForecast mpc_forecast = MpcForecast::kPerfect;
  double unserved_cost_usd_per_mwh = 10'000.0;  ///< lp, mpc: value of firm load not served
  double carbon_price_usd_per_t = 0.0;          ///< added to every source's marginal cost
  BatteryPrices battery_prices = BatteryPrices::kDayAhead;  ///< rules: signals from prices ahead
  double battery_charge_below_usd_per_mwh = 20.0;           ///< charge from the grid at or below
  double battery_discharge_above_usd_per_mwh = 100.0;       ///< use the reserve at or above
  double battery_reserve_fraction = 0.2;  ///< held for price spikes and shortfalls
  bool battery_charge_from_grid = true;

  bool operator==(const DispatchSection&) const = default;
};

/// [[building]]: one data hall with its IT capacity and GPUs.
struct BuildingSection {
  std::string name;
  LocalTime online;  ///< first instant the building carries load
  /// Provisioned IT power; when omitted, derived at load as gpus x the GPU type's all-in IT power
  /// at full load (GpuType::full_load_it_kw_per_gpu).
  double it_capacity_kw = 0.0;
  std::int64_t gpus = 0;
  std::string gpu_type = "gb200-nvl72";  ///< GPU catalogue name

  bool operator==(const BuildingSection&) const = default;
};

/// How the IT load is modelled ([compute] model = ...).
enum class ComputeModel { kFleet, kConstantUtilisation };  ///< "fleet", "constant-utilisation"
enum class SchedulerPolicy { kFifo, kEasyBackfill, kPriority, kPowerAware };
enum class BudgetForecast { kPerfect, kPersistence };       ///< "perfect", "persistence"
enum class WorkloadSource { kSynthetic, kAlibaba, kCsv };   ///< "synthetic", "alibaba", "csv"
enum class WorkloadMix { kResearchCluster, kFrontierLab };  ///< "research-cluster", "frontier-lab"

/// [compute]: the GPU fleet, its training workload and the scheduler.
struct ComputeSection {
  ComputeModel model = ComputeModel::kFleet;
  double it_utilisation = 0.76;  ///< constant-utilisation: IT load / online IT capacity
  SchedulerPolicy policy = SchedulerPolicy::kPowerAware;
  BudgetForecast forecast = BudgetForecast::kPerfect;
  double activity = 0.8;  ///< share of (cap - idle) power a busy GPU draws
  WorkloadSource workload = WorkloadSource::kSynthetic;
  std::string workload_file;                           ///< trace for workload = "alibaba" or "csv"
  WorkloadMix preset = WorkloadMix::kResearchCluster;  ///< synthetic: the job population
  double target_utilisation = 0.7;  ///< synthetic: offered GPU occupancy / GPUs online
  double max_job_duration_s = 90.0 * kSecondsPerDay;  ///< synthetic: longest run time
  bool warm_start = true;                  ///< synthetic: start with a steady-state running set
  std::int64_t max_buildings_per_job = 8;  ///< buildings one synchronous gang may span
  double training_mfu = 0.4;               ///< model FLOPs utilisation of training jobs
  double model_parameters = 405e9;         ///< of the model trained (tokens = FLOPs / 6 N)
  std::int64_t size_multiplier = 32;       ///< synthetic: trace job sizes x this (power of two)
  double duration_multiplier = 384.0;      ///< synthetic: trace run times x this
  std::int64_t frontier_jobs = 0;
  std::int64_t frontier_min_gpus = 20'000;
  std::int64_t frontier_max_gpus = 100'000;
  double firm_share = 0.2;  ///< synthetic: share of ordinary jobs that are firm
  double defer_above_price_usd_per_mwh = 10'000.0;  ///< flexible starts wait above this price

  bool operator==(const ComputeSection&) const = default;
};

/// [[gpu_type]]: a GPU not in the built-in catalogue (or one that overrides a catalogue entry).
struct GpuTypeSection {
  std::string name;
  double tdp_kw = 0.0;
  double idle_kw = 0.0;
  double dense_bf16_pflops = 0.0;
  double dense_fp8_pflops = 0.0;
  std::int64_t gpus_per_rack = 8;
  double node_overhead_factor = 1.8;
  double network_storage_fraction = 0.075;
  double price_usd = 0.0;

  bool operator==(const GpuTypeSection&) const = default;
};

/// [[inference]]: one inference service on dedicated GPUs (firm load).
struct InferenceSection {
  std::string name;
  std::int64_t gpus = 0;
  double floor_fraction = 0.3;
  double mean_load_fraction = 0.6;
  double diurnal_amplitude = 0.25;
  double peak_hour = 14.0;
  double annual_growth = 0.0;
  std::string demand_file;               ///< Azure LLM inference trace; replaces the daily shape
  double tokens_per_s_per_gpu = 2500.0;  ///< serving throughput for the trace's tokens
  double mfu = 0.1;                      ///< model FLOPs utilisation while serving (FP8)
  double model_parameters = 405e9;       ///< active parameters (tokens = FLOPs / 2 N)

  bool operator==(const InferenceSection&) const = default;
};

/// How facility overheads are modelled ([facility] cooling = ...).
enum class CoolingChoice { kLiquidDryCooler, kConstantPue };  ///< "liquid-dry-cooler", ...

/// [facility]: cooling and power-distribution overheads.
struct FacilitySection {
  CoolingChoice cooling = CoolingChoice::kLiquidDryCooler;
  double pue = 1.18;  ///< with cooling = "constant-pue": facility power / IT power

  bool operator==(const FacilitySection&) const = default;
};

/// [grid]: the utility connection.
struct GridSection {
  double import_limit_kw = 0.0;
  double export_limit_kw = 0.0;
  double price_usd_per_mwh = 30.0;             ///< flat price, or the mean of synthetic prices
  double export_price_share = 1.0;             ///< export paid at this share of the energy price
  double four_cp_rate_usd_per_kw_yr = 0.0;     ///< ERCOT 4CP transmission charge
  double carbon_intensity_kg_per_mwh = 380.0;  ///< flat grid carbon intensity
  double clean_fraction = 0.40;                ///< carbon-free share of grid energy (CFE)
  double marginal_carbon_intensity_kg_per_mwh = 590.0;  ///< avoided emissions (AVERT)

  bool operator==(const GridSection&) const = default;
};

/// Where grid prices come from ([grid.market] prices = ...).
enum class PriceSource { kFlat, kSynthetic, kFile, kErcot };  ///< "flat", "synthetic", ...
/// The clock of a price file's stamps.
enum class MarketClock { kStandard, kUsPrevailing };  ///< "standard", "us-prevailing"
/// Unit of a carbon file's values.
enum class CarbonFileUnit { kLbPerKwh, kKgPerMwh, kGPerKwh, kTonnePerMwh };

/// [grid.market]: time-varying prices and carbon intensity.
struct MarketSection {
  PriceSource prices = PriceSource::kFlat;
  std::string price_file;  ///< CSV (generic or ERCOT long format), relative to the scenario
  std::string price_column = "price";
  std::string zone = "LZ_WEST";  ///< ERCOT settlement point
  MarketClock clock = MarketClock::kStandard;
  double negative_hour_share = 0.06;  ///< synthetic prices
  std::int64_t scarcity_hours = 50;   ///< synthetic prices: hours >= 1,000 USD/MWh
  std::string carbon_file;            ///< hourly carbon intensity CSV; empty = the flat value
  std::string carbon_column = "TE";
  CarbonFileUnit carbon_unit = CarbonFileUnit::kLbPerKwh;

  bool operator==(const MarketSection&) const = default;
};

/// Where a campus's revenue comes from ([finance] revenue = ...).
enum class RevenueModel { kGpuHours, kLease };  ///< "gpu-hours", "lease"
/// Who owns the campus ([finance] structure = ...; docs/finance.md, "Parties").
enum class FinanceStructure { kSingleOwner, kLandlordTenant };  ///< "single-owner", ...
/// The tax credit a generator takes ([finance] solar_credit, wind_credit).
enum class TaxCredit { kItc, kPtc };  ///< "itc", "ptc"
/// The party an [[equity]] or [[debt]] source funds.
enum class FundingParty { kLandlord, kTenant, kOfftaker };  ///< "landlord", "tenant", "offtaker"

/// [finance]: capital costs, costs of capital, prices and the analysis horizon (docs/finance.md).
struct FinanceSection {
  std::int64_t analysis_years = 15;
  double building_cost_usd_per_kw = 12'500.0;  ///< shell, power and cooling per kW of IT
  double solar_cost_usd_per_kw = 1'500.0;      ///< per kW AC
  double wind_cost_usd_per_kw = 1'700.0;
  double battery_cost_usd_per_mwh = 350'000.0;  ///< per MWh of energy capacity (350 $/kWh)
  double gas_cost_usd_per_kw = 1'400.0;
  double interconnection_cost_usd_per_kw = 0.0;  ///< per kW of import limit
  double facility_rate = 0.075;  ///< cost of capital of buildings and interconnection
  double gpu_rate = 0.11;
  double energy_rate = 0.07;
  double building_life_years = 20.0;
  double gpu_life_years = 5.0;
  double energy_life_years = 25.0;
  double gpu_hour_price_usd = 5.0;  ///< revenue per GPU-hour delivered
  bool count_only_committed = true;
  // Fixed O&M per year (NREL ATB 2024 / EIA 2020; sources in src/io/schema_finance_tables.cpp).
  double building_fixed_om_fraction_per_yr = 0.015;  ///< of building capex
  double gpu_fixed_om_fraction_per_yr = 0.0;         ///< of GPU capex
  double solar_fixed_om_usd_per_kw_yr = 22.0;        ///< per kW AC
  double wind_fixed_om_usd_per_kw_yr = 43.0;
  double battery_fixed_om_fraction_per_yr = 0.025;  ///< of battery capex
  double gas_fixed_om_usd_per_kw_yr = 16.0;
  RevenueModel revenue = RevenueModel::kGpuHours;
  bool tenant_buys_gpus = false;   ///< GPUs are the tenant's: not in the campus's capex
  double federal_tax_rate = 0.21;  ///< US corporate income tax (IRC 11(b))
  double state_tax_rate = 0.0;     ///< state corporate income tax (Texas: none)
  bool terminal_value = true;      ///< book value of the assets at the horizon end
  FinanceStructure structure = FinanceStructure::kSingleOwner;
  double lease_price_usd_per_kw_yr = 165.0 * 12.0;  ///< rent per kW of IT (165 $/kW-month)
  double lease_escalation = 0.025;                  ///< rent increase per year
  bool tax_credits = true;                          ///< ITC and PTC (P.L. 119-21)
  double itc_rate = 0.30;                           ///< of capex
  double ptc_usd_per_mwh = 27.5;                    ///< 2.75 cents/kWh
  TaxCredit solar_credit = TaxCredit::kItc;
  TaxCredit wind_credit = TaxCredit::kPtc;
  bool gpu_roadmap = true;              ///< refreshes buy the generation of their year
  double gpu_performance_trend = 0.35;  ///< dense FLOP/s per GPU, per year
  double gpu_power_trend = 0.10;        ///< power per GPU, per year
  double compute_price_trend = -0.242;  ///< price per unit of compute, per year

  bool operator==(const FinanceSection&) const = default;
};

/// Status of an equity commitment.
enum class EquityStatus { kAnnounced, kCommitted, kDrawn };  ///< "announced", "committed", "drawn"

/// [[equity]]: one partner's equity commitment.
struct EquitySection {
  std::string partner;
  double amount_usd = 0.0;
  LocalTime date;
  EquityStatus status = EquityStatus::kCommitted;
  FundingParty party = FundingParty::kLandlord;

  bool operator==(const EquitySection&) const = default;
};

/// How a debt facility is repaid after completion ([[debt]] repayment = ...).
enum class DebtRepayment { kLevel, kSculpted };  ///< "level", "sculpted"

/// [[debt]]: one debt facility.
struct DebtSection {
  std::string lender;
  double amount_usd = 0.0;
  double interest_rate = 0.07;
  double tenor_s = 7 * 365 * 86400.0;
  LocalTime available_from;
  DebtRepayment repayment = DebtRepayment::kLevel;
  double target_dscr = 1.3;
  double dscr_covenant = 1.2;
  FundingParty party = FundingParty::kLandlord;

  bool operator==(const DebtSection&) const = default;
};

/// [[lease]]: lease income to the campus.
struct LeaseSection {
  std::string payer;
  double amount_usd_per_year = 0.0;  ///< written as money per year ("2.7 $B")
  LocalTime start;
  double term_s = 15 * 365 * 86400.0;

  bool operator==(const LeaseSection&) const = default;
};

/// Flexible-work window of the capacity-expansion LP ([optimize] flexible_window = ...).
enum class FlexibleWindow { kDay, kWeek };  ///< "day", "week"
/// LP algorithm ([optimize] algorithm = ...).
enum class LpAlgorithm { kDual, kPrimal, kBarrier, kAutomatic };  ///< "dual", ..., "automatic"

/// [optimize]: the least-cost supply search of `stargate optimize` (docs/optimization.md).
struct OptimizeSection {
  double clean_share = 0.0;             ///< annual (volumetric) clean share at least
  double cfe = 0.0;                     ///< hourly-matched (24/7) clean share at least
  double max_curtailed_fraction = 1.0;  ///< curtailed / available renewable energy at most
  double step_s = 3600.0;               ///< LP time step
  double solar_max_kw = 5.0e6;          ///< DC, per candidate array
  double wind_max_kw = 3.0e6;           ///< per candidate farm
  double battery_power_max_kw = 2.0e6;
  double battery_energy_max_kwh = 8.0e6;
  double gas_max_kw = 2.0e6;
  double import_max_kw = 2.0e6;
  std::int64_t extra_gpus_max = 0;  ///< GPUs the LP may add for flexible work (0: none)
  double battery_power_cost_usd_per_kw = 250.0;
  double flexible_share = 0.25;  ///< share of IT power that may move within its window
  FlexibleWindow flexible_window = FlexibleWindow::kDay;
  double max_shed_fraction = 0.05;            ///< of each window's flexible IT energy
  double compute_value_usd_per_mwh = 3000.0;  ///< value of IT energy not delivered
  double time_limit_s = 600.0;
  LpAlgorithm algorithm = LpAlgorithm::kAutomatic;
  bool crossover = false;  ///< barrier: finish at a vertex (basic) solution

  bool operator==(const OptimizeSection&) const = default;
};

/// A whole scenario.
struct Scenario {
  std::string source_file;  ///< path the scenario was read from
  RunSection run;
  SiteSection site;
  WeatherSection weather;
  std::vector<BuildingSection> buildings;
  std::vector<SolarSection> solar;
  WindResourceSection wind_resource;
  std::vector<WindSection> wind;
  std::vector<BatterySection> batteries;
  std::vector<GasSection> gas;
  DispatchSection dispatch;
  ComputeSection compute;
  std::vector<InferenceSection> inference;
  std::vector<GpuTypeSection> gpu_types;
  FinanceSection finance;
  std::vector<EquitySection> equity;
  std::vector<DebtSection> debt;
  std::vector<LeaseSection> leases;
  FacilitySection facility;
  GridSection grid;
  MarketSection market;
  OptimizeSection optimize;
  SourceIndex sources;  ///< where each field was written, for errors found after loading

  bool operator==(const Scenario&) const = default;
};

}  // namespace stargate

namespace stargate {

/// The run's time grid: scenario.start over scenario.duration in steps of scenario.step at the
/// site's UTC offset. Throws std::invalid_argument when they do not form a grid.
[[nodiscard]] TimeGrid run_grid(const Scenario& scenario);

/// Where `field` ("wind[0].turbine") was written in the scenario, or the top of its file when the
/// field took its default.
[[nodiscard]] SourceLocation field_location(const Scenario& scenario, const std::string& field);

/// A problem with `field`, located there (for an InputError found after loading).
[[nodiscard]] Diagnostic field_problem(const Scenario& scenario, const std::string& field,
                                       std::string message);

}  // namespace stargate
