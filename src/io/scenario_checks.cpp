#include "io/scenario_checks.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <stdexcept>

#include "stargate/core/finance_window.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

// Fields of the LP policies are errors under the rules, and mpc's under lp: nothing is silently
// ignored. The mpc interval is a whole number of steps within the window.
template <class Where>
void check_dispatch_policy(const Scenario& scenario, const Where& where,
                           std::vector<Diagnostic>& problems) {
  const DispatchSection& dispatch = scenario.dispatch;
  const bool mpc = dispatch.policy == DispatchPolicy::kMpc;
  const bool planned = mpc || dispatch.policy == DispatchPolicy::kLp;
  for (const char* key : {"mpc_window", "mpc_interval", "mpc_forecast"}) {
    const std::string path = std::string("dispatch.") + key;
    if (!mpc && scenario.sources.contains(path)) {
      problems.push_back(
          Diagnostic{where(path), path, "is only used with policy = \"mpc\"; set that too"});
    }
  }
  if (!planned && scenario.sources.contains("dispatch.unserved_cost")) {
    problems.push_back(Diagnostic{where("dispatch.unserved_cost"), "dispatch.unserved_cost",
                                  "is only used with policy = \"lp\" or \"mpc\""});
  }
  if (!mpc) {
    return;
  }
  const double step_s = scenario.run.step_s;
  if (dispatch.mpc_interval_s > dispatch.mpc_window_s) {
    problems.push_back(
        Diagnostic{where("dispatch.mpc_interval"), "dispatch.mpc_interval",
                   fmt::format("expected at most mpc_window ({}), got {}",
                               format_quantity(dispatch.mpc_window_s, UnitKind::kDuration),
                               format_quantity(dispatch.mpc_interval_s, UnitKind::kDuration))});
  }
  for (const char* key : {"mpc_window", "mpc_interval"}) {
    const double value_s =
        std::string_view(key) == "mpc_window" ? dispatch.mpc_window_s : dispatch.mpc_interval_s;
    const double steps = value_s / step_s;
    if (steps != std::floor(steps)) {
      const std::string path = std::string("dispatch.") + key;
      problems.push_back(Diagnostic{where(path), path,
                                    fmt::format("expected a whole number of steps of {}, got {}",
                                                format_quantity(step_s, UnitKind::kDuration),
                                                format_quantity(value_s, UnitKind::kDuration))});
    }
  }
}

}  // namespace

std::vector<Diagnostic> check_funding_dates(const Scenario& scenario, LocalTime window_end,
                                            const std::string& window_rule) {
  std::vector<Diagnostic> problems;
  const auto check = [&](const std::string& path, LocalTime date) {
    if (date >= window_end) {
      problems.push_back(field_problem(
          scenario, path,
          fmt::format("expected a date before the end of the analysis ({}), got {} ({})",
                      format_date(window_end), format_date(date), window_rule)));
    }
  };
  for (std::size_t i = 0; i < scenario.equity.size(); ++i) {
    check(fmt::format("equity[{}].date", i), scenario.equity[i].date);
  }
  for (std::size_t i = 0; i < scenario.debt.size(); ++i) {
    check(fmt::format("debt[{}].available_from", i), scenario.debt[i].available_from);
  }
  for (std::size_t i = 0; i < scenario.leases.size(); ++i) {
    check(fmt::format("lease[{}].start", i), scenario.leases[i].start);
  }
  return problems;
}

std::vector<Diagnostic> check_scenario(const Scenario& scenario) {
  std::vector<Diagnostic> problems;
  const SourceLocation file_top{scenario.source_file, 1, 1};
  const auto where = [&](const std::string& path) { return scenario.sources.find(path, file_top); };

  const double step_s = scenario.run.step_s;
  const bool step_whole = step_s == std::floor(step_s);
  const auto step_int = static_cast<std::int64_t>(step_s);
  if (!step_whole || static_cast<std::int64_t>(kSecondsPerHour) % step_int != 0) {
    problems.push_back(Diagnostic{
        where("scenario.step"), "scenario.step",
        fmt::format("expected a step that divides one hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 "
                    "or 60 min), got {}",
                    format_quantity(step_s, UnitKind::kDuration))});
    return problems;
  }
  const double offset_min = scenario.site.utc_offset_s / kSecondsPerMinute;
  if (offset_min != std::floor(offset_min)) {
    problems.push_back(Diagnostic{where("site.utc_offset"), "site.utc_offset",
                                  "expected a whole number of minutes"});
    return problems;
  }
  std::optional<TimeGrid> run;
  try {
    run = run_grid(scenario);
  } catch (const std::invalid_argument& error) {
    problems.push_back(Diagnostic{where("scenario.duration"), "scenario.duration", error.what()});
    return problems;
  }
  const TimeGrid& grid = *run;
  const auto check_before_end = [&](const std::string& path, LocalTime date) {
    if (date >= grid.end()) {
      problems.push_back(
          Diagnostic{where(path), path,
                     fmt::format("expected a date before the end of the run ({}), got {}",
                                 format_iso8601(grid.end(), grid.utc_offset_s()).substr(0, 19),
                                 format_iso8601(date, grid.utc_offset_s()).substr(0, 19))});
    }
  };
  for (std::size_t i = 0; i < scenario.buildings.size(); ++i) {
    check_before_end(fmt::format("building[{}].online", i), scenario.buildings[i].online);
  }
  for (std::size_t i = 0; i < scenario.wind.size(); ++i) {
    check_before_end(fmt::format("wind[{}].online", i), scenario.wind[i].online);
  }
  for (std::size_t i = 0; i < scenario.gas.size(); ++i) {
    check_before_end(fmt::format("gas[{}].online", i), scenario.gas[i].online);
  }
  for (std::size_t i = 0; i < scenario.batteries.size(); ++i) {
    const BatterySection& battery = scenario.batteries[i];
    const std::string entry = fmt::format("battery[{}]", i);
    check_before_end(entry + ".online", battery.online);
    if (battery.soc_min_fraction >= battery.soc_max_fraction) {
      problems.push_back(Diagnostic{
          where(entry + ".soc_max"), entry + ".soc_max",
          fmt::format("expected more than soc_min ({:g} %), got {:g} %",
                      battery.soc_min_fraction / kPercent, battery.soc_max_fraction / kPercent)});
    } else if (battery.initial_soc_fraction < battery.soc_min_fraction ||
               battery.initial_soc_fraction > battery.soc_max_fraction) {
      problems.push_back(Diagnostic{
          where(entry + ".initial_soc"), entry + ".initial_soc",
          fmt::format("expected a state of charge within soc_min..soc_max ({:g} % to {:g} %), got "
                      "{:g} %",
                      battery.soc_min_fraction / kPercent, battery.soc_max_fraction / kPercent,
                      battery.initial_soc_fraction / kPercent)});
    }
  }
  // Fields of one compute model are errors under the other: nothing is silently ignored.
  const bool fleet = scenario.compute.model == ComputeModel::kFleet;
  if (fleet && scenario.sources.contains("compute.it_utilisation")) {
    problems.push_back(Diagnostic{where("compute.it_utilisation"), "compute.it_utilisation",
                                  "is only used with model = \"constant-utilisation\"; set that "
                                  "too, or remove it to run the GPU fleet"});
  }
  for (const char* key :
       {"policy", "forecast", "activity", "workload", "workload_file", "target_utilisation",
        "size_multiplier", "duration_multiplier", "frontier_jobs", "frontier_min_gpus",
        "frontier_max_gpus", "firm_share", "defer_above_price", "preset", "max_job_duration",
        "warm_start", "max_buildings_per_job", "training_mfu", "model_parameters"}) {
    const std::string path = std::string("compute.") + key;
    if (!fleet && scenario.sources.contains(path)) {
      problems.push_back(
          Diagnostic{where(path), path, "is only used with model = \"fleet\" (the default)"});
    }
  }
  check_dispatch_policy(scenario, where, problems);
  if (!fleet && !scenario.inference.empty()) {
    problems.push_back(Diagnostic{where("inference[0]"), "inference[0]",
                                  "inference services need the GPU fleet: remove compute.model = "
                                  "\"constant-utilisation\""});
  }
  if (fleet && scenario.compute.workload != WorkloadSource::kSynthetic &&
      scenario.compute.workload_file.empty()) {
    problems.push_back(Diagnostic{where("compute.workload"), "compute.workload_file",
                                  "missing required field 'workload_file' for a trace workload"});
  }
  if (scenario.compute.frontier_min_gpus > scenario.compute.frontier_max_gpus) {
    problems.push_back(Diagnostic{where("compute.frontier_max_gpus"), "compute.frontier_max_gpus",
                                  "expected at least frontier_min_gpus"});
  }
  if (scenario.facility.cooling != CoolingChoice::kConstantPue &&
      scenario.sources.contains("facility.pue")) {
    problems.push_back(Diagnostic{where("facility.pue"), "facility.pue",
                                  "is only used with cooling = \"constant-pue\"; set that too, or "
                                  "remove pue to model cooling from the weather"});
  }
  const bool file_prices =
      scenario.market.prices == PriceSource::kFile || scenario.market.prices == PriceSource::kErcot;
  if (file_prices && scenario.market.price_file.empty()) {
    problems.push_back(Diagnostic{where("grid.market.prices"), "grid.market.price_file",
                                  "missing required field 'price_file' for file prices"});
  }
  // Funding must fall inside the finance window (stargate/core/finance_window.hpp).
  const std::vector<Diagnostic> funding = check_funding_dates(
      scenario, finance_window(scenario, grid.start()).end,
      "the analysis runs finance.analysis_years from the first construction spend");
  problems.insert(problems.end(), funding.begin(), funding.end());
  if (scenario.finance.revenue == RevenueModel::kLease && scenario.leases.empty()) {
    problems.push_back(Diagnostic{where("finance.revenue"), "finance.revenue",
                                  "revenue = \"lease\" needs at least one [[lease]] (who pays, "
                                  "how much a year, from when)"});
  }
  if (scenario.finance.structure == FinanceStructure::kLandlordTenant) {
    if (scenario.finance.revenue == RevenueModel::kLease) {
      problems.push_back(Diagnostic{
          where("finance.revenue"), "finance.revenue",
          "revenue = \"gpu-hours\" with structure = \"landlord-tenant\": the landlord's rent is "
          "finance.lease_price and the tenant sells GPU-hours"});
    }
    if (scenario.finance.tenant_buys_gpus) {
      problems.push_back(Diagnostic{
          where("finance.tenant_buys_gpus"), "finance.tenant_buys_gpus",
          "tenant_buys_gpus = false with structure = \"landlord-tenant\": the tenant's GPUs are "
          "already its own account"});
    }
  }
  for (std::size_t i = 0; i < scenario.solar.size(); ++i) {
    const auto& array = scenario.solar[i];
    const std::string entry = fmt::format("solar[{}]", i);
    check_before_end(entry + ".online", array.online);
    const bool fixed =
        array.array == ArrayType::kFixedOpenRack || array.array == ArrayType::kFixedRoof;
    if (fixed && !scenario.sources.contains(entry + ".tilt")) {
      problems.push_back(Diagnostic{where(entry), entry + ".tilt",
                                    "missing required field 'tilt' for a fixed array, a number in "
                                    "deg (for example the site's latitude)"});
    }
  }
  return problems;
}

}  // namespace stargate
