#include "stargate/dispatch/supply_lp.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

void check_length(const std::vector<double>& values, std::size_t steps, const char* name,
                  bool optional) {
  if ((optional && values.empty()) || values.size() == steps) {
    return;
  }
  throw std::invalid_argument(
      fmt::format("supply LP: {} has {} values for {} steps", name, values.size(), steps));
}

double at(const std::vector<double>& values, std::size_t step, double otherwise) {
  return values.empty() ? otherwise : values[step];
}

int capacity_column(lp::Model& model, const std::string& name, const CapacityChoice& choice,
                    double horizon_years) {
  if (!choice.choose) {
    return model.add_column(name, choice.fixed, choice.fixed, 0.0);
  }
  return model.add_column(name, choice.min, choice.max,
                          choice.annual_cost_usd_per_unit * horizon_years);
}

// A column name from a plant name: blanks and other characters MPS cannot hold become '_'.
std::string safe_name(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  for (const char c : name) {
    out += (c > ' ' && c <= '~') ? c : '_';
  }
  return out;
}

std::string step_name(const char* what, std::size_t step) {
  return fmt::format("{}_{}", what, step);
}

void check_problem(const SupplyLpProblem& p) {
  const std::size_t steps = p.steps();
  if (steps == 0 || !(p.step_h > 0.0)) {
    throw std::invalid_argument("supply LP: no steps");
  }
  check_length(p.flexible_it_mw, steps, "flexible_it_mw", false);
  check_length(p.flexible_it_max_mw, steps, "flexible_it_max_mw", true);
  check_length(p.pue, steps, "pue", false);
  check_length(p.price_usd_per_mwh, steps, "price_usd_per_mwh", false);
  check_length(p.carbon_t_per_mwh, steps, "carbon_t_per_mwh", false);
  check_length(p.demand_charge_usd_per_mw, steps, "demand_charge_usd_per_mw", true);
  for (const auto* fleet : {&p.solar, &p.wind}) {
    for (const RenewableCandidate& plant : *fleet) {
      check_length(plant.output_per_mw, steps, "output_per_mw", false);
    }
  }
  if (p.battery) {
    check_length(p.battery->available, steps, "battery available", true);
  }
  if (p.gas) {
    check_length(p.gas->available, steps, "gas available", true);
  }
}

// Builds the model in the order of the header's blocks: capacities (and their per-step copies),
// each step's columns, each step's rows (renewables, IT capacity, balance, battery, gas, grid),
// the battery's end state, the flexible-work windows, then the annual requirements (clean share,
// 24/7 CFE, curtailment). The order of columns and rows is part of the model (solvers' paths
// depend on it), so each block keeps it.
class SupplyLpBuilder {
 public:
  SupplyLpBuilder(const SupplyLpProblem& problem, CapacityColumns capacities)
      : p_(problem),
        capacities_(capacities),
        steps_(problem.steps()),
        dt_(problem.step_h),
        m_(out_.model),
        extra_it_(problem.extra_it_mw.choose),
        has_renewables_(!problem.solar.empty() || !problem.wind.empty()),
        can_export_(has_renewables_ && problem.grid.export_limit_mw > 0.0),
        self_keep_(problem.battery
                       ? 1.0 - problem.battery->self_discharge_per_day * dt_ / kHoursPerDay
                       : 1.0),
        window_(std::max<std::size_t>(1, problem.flexible_window_steps)),
        window_energy_mwh_((steps_ + window_ - 1) / window_, 0.0) {
    out_.step.resize(steps_);
    out_.balance_row.resize(steps_);
    for (std::size_t t = 0; t < steps_; ++t) {
      window_energy_mwh_[t / window_] += p_.flexible_it_mw[t] * dt_;
    }
  }

  SupplyLp build() && {
    add_capacities();
    for (std::size_t t = 0; t < steps_; ++t) {
      add_step_columns(t);
    }
    for (std::size_t t = 0; t < steps_; ++t) {
      add_renewables_row(t);
      add_it_capacity_row(t);
      add_balance_row(t);
      add_battery_rows(t);
      add_gas_rows(t);
      add_grid_rows(t);
    }
    add_terminal_storage();
    add_flexible_work();
    add_clean_requirements();
    add_curtailment_limit();
    return std::move(out_);
  }

 private:
  // Capacities: one column each (costed at the annual cost x years), and with
  // CapacityColumns::kPerStep a copy per step chained by cap_t = cap_t-1.
  void add_capacities() {
    const double years = p_.horizon_years;
    for (const RenewableCandidate& plant : p_.solar) {
      out_.solar_capacity.push_back(
          capacity_column(m_, safe_name("solar_mw_", plant.name), plant.capacity, years));
    }
    for (const RenewableCandidate& plant : p_.wind) {
      out_.wind_capacity.push_back(
          capacity_column(m_, safe_name("wind_mw_", plant.name), plant.capacity, years));
    }
    if (p_.battery) {
      out_.battery_power = capacity_column(m_, "battery_mw", p_.battery->power_mw, years);
      out_.battery_energy = capacity_column(m_, "battery_mwh", p_.battery->energy_mwh, years);
    }
    if (p_.gas) {
      out_.gas_capacity = capacity_column(m_, "gas_mw", p_.gas->capacity_mw, years);
    }
    out_.import_capacity = capacity_column(m_, "import_mw", p_.grid.import_mw, years);
    if (extra_it_) {
      out_.extra_it = capacity_column(m_, "extra_it_mw", p_.extra_it_mw, years);
    }
    for (std::size_t s = 0; s < p_.solar.size(); ++s) {
      solar_at_.push_back(
          per_step(out_.solar_capacity[s], p_.solar[s].capacity, fmt::format("cs{}", s)));
    }
    for (std::size_t w = 0; w < p_.wind.size(); ++w) {
      wind_at_.push_back(
          per_step(out_.wind_capacity[w], p_.wind[w].capacity, fmt::format("cw{}", w)));
    }
    battery_power_at_ = p_.battery ? per_step(out_.battery_power, p_.battery->power_mw, "cbp")
                                   : std::vector<int>(steps_, -1);
    battery_energy_at_ = p_.battery ? per_step(out_.battery_energy, p_.battery->energy_mwh, "cbe")
                                    : std::vector<int>(steps_, -1);
    gas_at_ = p_.gas ? per_step(out_.gas_capacity, p_.gas->capacity_mw, "cg")
                     : std::vector<int>(steps_, -1);
    import_at_ = per_step(out_.import_capacity, p_.grid.import_mw, "ci");
    extra_it_at_ =
        extra_it_ ? per_step(out_.extra_it, p_.extra_it_mw, "cx") : std::vector<int>(steps_, -1);
  }

  // The capacity column of each step: `master` everywhere, or per-step copies linked to it.
  std::vector<int> per_step(int master, const CapacityChoice& choice, const std::string& name) {
    std::vector<int> columns(steps_, master);
    if (master < 0 || !choice.choose || capacities_ == CapacityColumns::kShared) {
      return columns;
    }
    for (std::size_t t = 1; t < steps_; ++t) {
      columns[t] = m_.add_column(step_name(name.c_str(), t), choice.min, choice.max, 0.0);
      const std::vector<lp::Term> link{{columns[t], 1.0}, {columns[t - 1], -1.0}};
      m_.add_row(step_name((name + "_link").c_str(), t), 0.0, 0.0, link);
    }
    return columns;
  }

  // IT power flexible work may draw in a step without extra capacity (at least what it asks).
  [[nodiscard]] double flexible_headroom(std::size_t t) const {
    return std::max(at(p_.flexible_it_max_mw, t, p_.flexible_it_mw[t]), p_.flexible_it_mw[t]);
  }

  // A step's flows: renewables to the load, the battery's pools, gas, imports and exports,
  // flexible IT (when its window has work) and unserved load.
  void add_step_columns(std::size_t t) {
    SupplyLp::StepColumns& c = out_.step[t];
    const double price = p_.price_usd_per_mwh[t];
    const double import_cost = price * dt_ +
                               p_.carbon_price_usd_per_t * p_.carbon_t_per_mwh[t] * dt_ +
                               at(p_.demand_charge_usd_per_mw, t, 0.0);
    if (has_renewables_) {
      c.renewable_to_load = m_.add_column(step_name("r2l", t), 0.0, lp::kInfinity, 0.0);
    }
    if (p_.battery) {
      if (has_renewables_) {
        c.charge_renewable = m_.add_column(step_name("chr", t), 0.0, lp::kInfinity, 0.0);
      }
      if (p_.battery->charge_from_grid) {
        c.charge_grid = m_.add_column(step_name("chg", t), 0.0, lp::kInfinity, import_cost);
        c.discharge_grid = m_.add_column(step_name("disg", t), 0.0, lp::kInfinity, 0.0);
        c.soc_grid = m_.add_column(step_name("socg", t), 0.0, lp::kInfinity, 0.0);
      }
      c.discharge_clean = m_.add_column(step_name("disc", t), 0.0, lp::kInfinity, 0.0);
      c.soc_clean = m_.add_column(step_name("socc", t), 0.0, lp::kInfinity, 0.0);
    }
    if (p_.gas) {
      c.gas = m_.add_column(
          step_name("gas", t), 0.0, lp::kInfinity,
          (p_.gas->cost_usd_per_mwh + p_.carbon_price_usd_per_t * p_.gas->co2_t_per_mwh) * dt_);
    }
    c.import = m_.add_column(step_name("imp", t), 0.0, lp::kInfinity, import_cost);
    if (can_export_) {
      c.export_ = m_.add_column(step_name("exp", t), 0.0, p_.grid.export_limit_mw,
                                -price * p_.grid.export_price_share * dt_);
    }
    if (window_energy_mwh_[t / window_] > 0.0) {
      const double upper = flexible_headroom(t);
      c.flexible = m_.add_column(step_name("flex", t), 0.0,
                                 extra_it_ ? upper + p_.extra_it_mw.max : upper, 0.0);
    }
    if (p_.unserved_cost_usd_per_mwh > 0.0) {
      c.unserved = m_.add_column(step_name("uns", t), 0.0, lp::kInfinity,
                                 p_.unserved_cost_usd_per_mwh * dt_);
    }
  }

  int row(const std::string& name, double lower, double upper, std::string_view requirement = {}) {
    return m_.add_row(name, lower, upper, terms_, requirement);
  }
  void add(int column, double coefficient) {
    if (column >= 0) {
      terms_.push_back({column, coefficient});
    }
  }

  // Renewables: what is used is at most what is available.
  void add_renewables_row(std::size_t t) {
    if (!has_renewables_) {
      return;
    }
    const SupplyLp::StepColumns& c = out_.step[t];
    terms_.clear();
    add(c.renewable_to_load, 1.0);
    add(c.charge_renewable, 1.0);
    add(c.export_, 1.0);
    for (std::size_t s = 0; s < p_.solar.size(); ++s) {
      add(solar_at_[s][t], -p_.solar[s].output_per_mw[t]);
    }
    for (std::size_t w = 0; w < p_.wind.size(); ++w) {
      add(wind_at_[w][t], -p_.wind[w].output_per_mw[t]);
    }
    row(step_name("renewables", t), -lp::kInfinity, 0.0);
  }

  // Flexible IT within the IT capacity, extra capacity included.
  void add_it_capacity_row(std::size_t t) {
    const SupplyLp::StepColumns& c = out_.step[t];
    if (!extra_it_ || c.flexible < 0) {
      return;
    }
    terms_.clear();
    add(c.flexible, 1.0);
    add(extra_it_at_[t], -1.0);
    row(step_name("it_capacity", t), -lp::kInfinity, flexible_headroom(t));
  }

  void add_balance_row(std::size_t t) {
    const SupplyLp::StepColumns& c = out_.step[t];
    terms_.clear();
    add(c.renewable_to_load, 1.0);
    add(c.discharge_clean, 1.0);
    add(c.discharge_grid, 1.0);
    add(c.gas, 1.0);
    add(c.import, 1.0);
    add(c.unserved, 1.0);
    add(c.flexible, -p_.pue[t]);
    out_.balance_row[t] =
        row(step_name("balance", t), p_.firm_load_mw[t], p_.firm_load_mw[t], "serve the firm load");
  }

  // The step before `t` (the last for the first step: storage and ramps may wrap around).
  [[nodiscard]] const SupplyLp::StepColumns& before(std::size_t t) const {
    return out_.step[t == 0 ? steps_ - 1 : t - 1];
  }

  // Battery: each pool's energy balance, charge and discharge within the power, the state of
  // charge within its limits.
  void add_battery_rows(std::size_t t) {
    if (!p_.battery) {
      return;
    }
    const BatteryCandidate& bat = *p_.battery;
    const SupplyLp::StepColumns& c = out_.step[t];
    const SupplyLp::StepColumns& b = before(t);
    const double online = at(bat.available, t, 1.0);
    const bool wrap = t > 0 || p_.cyclic_storage;
    for (const bool clean : {true, false}) {
      const int soc = clean ? c.soc_clean : c.soc_grid;
      if (soc < 0) {
        continue;
      }
      terms_.clear();
      add(soc, 1.0);
      if (wrap) {
        add(clean ? b.soc_clean : b.soc_grid, -self_keep_);
      }
      add(clean ? c.charge_renewable : c.charge_grid, -bat.charge_efficiency * dt_);
      add(clean ? c.discharge_clean : c.discharge_grid, dt_ / bat.discharge_efficiency);
      const double start =
          wrap ? 0.0 : self_keep_ * (clean ? p_.initial_soc_clean_mwh : p_.initial_soc_grid_mwh);
      row(step_name(clean ? "soc_clean" : "soc_grid", t), start, start);
    }
    terms_.clear();
    add(c.charge_renewable, 1.0);
    add(c.charge_grid, 1.0);
    add(battery_power_at_[t], -online);
    row(step_name("charge_limit", t), -lp::kInfinity, 0.0);
    terms_.clear();
    add(c.discharge_clean, 1.0);
    add(c.discharge_grid, 1.0);
    add(battery_power_at_[t], -online);
    row(step_name("discharge_limit", t), -lp::kInfinity, 0.0);
    terms_.clear();
    add(c.soc_clean, 1.0);
    add(c.soc_grid, 1.0);
    add(battery_energy_at_[t], -online * bat.soc_max_fraction);
    row(step_name("soc_max", t), -lp::kInfinity, 0.0);
    if (bat.soc_min_fraction > 0.0) {
      terms_.clear();
      add(c.soc_clean, 1.0);
      add(c.soc_grid, 1.0);
      add(battery_energy_at_[t], -online * bat.soc_min_fraction);
      row(step_name("soc_min", t), 0.0, lp::kInfinity);
    }
  }

  // Gas within its online capacity and its ramp limits.
  void add_gas_rows(std::size_t t) {
    if (!p_.gas) {
      return;
    }
    const SupplyLp::StepColumns& c = out_.step[t];
    terms_.clear();
    add(c.gas, 1.0);
    add(gas_at_[t], -at(p_.gas->available, t, 1.0));
    row(step_name("gas_limit", t), -lp::kInfinity, 0.0);
    if (p_.gas->ramp_fraction_per_step < 1.0 && (t > 0 || p_.cyclic_storage)) {
      for (const double sign : {1.0, -1.0}) {
        terms_.clear();
        add(c.gas, sign);
        add(before(t).gas, -sign);
        add(gas_at_[t], -p_.gas->ramp_fraction_per_step);
        row(step_name(sign > 0 ? "ramp_up" : "ramp_down", t), -lp::kInfinity, 0.0);
      }
    }
  }

  // Grid: imports (for the load and the battery) and exports within the connection.
  void add_grid_rows(std::size_t t) {
    const SupplyLp::StepColumns& c = out_.step[t];
    terms_.clear();
    add(c.import, 1.0);
    add(c.charge_grid, 1.0);
    add(import_at_[t], -1.0);
    row(step_name("import_limit", t), -lp::kInfinity, 0.0);
    if (c.export_ >= 0) {
      terms_.clear();
      add(c.export_, 1.0);
      add(import_at_[t], -1.0);
      row(step_name("export_limit", t), -lp::kInfinity, 0.0);
    }
  }

  // Battery end state without wrap-around.
  void add_terminal_storage() {
    if (!p_.battery || p_.cyclic_storage || p_.terminal_soc_min_mwh <= 0.0) {
      return;
    }
    terms_.clear();
    add(out_.step.back().soc_clean, 1.0);
    add(out_.step.back().soc_grid, 1.0);
    row("soc_terminal", p_.terminal_soc_min_mwh, lp::kInfinity);
  }

  // Flexible work: each window's energy is delivered or shed (within the allowed share).
  void add_flexible_work() {
    for (std::size_t first = 0; first < steps_; first += window_) {
      const std::size_t last = std::min(steps_, first + window_);
      const double energy_mwh = window_energy_mwh_[first / window_];
      terms_.clear();
      for (std::size_t t = first; t < last; ++t) {
        add(out_.step[t].flexible, dt_);
      }
      if (energy_mwh <= 0.0) {
        continue;
      }
      const int shed =
          m_.add_column(step_name("shed", first), 0.0, energy_mwh, p_.shed_cost_usd_per_mwh);
      out_.shed.push_back(shed);
      add(shed, 1.0);
      row(step_name("flexible_work", first), energy_mwh, energy_mwh);
      terms_.clear();
      add(shed, 1.0);
      row(step_name("shed_limit", first), -lp::kInfinity, p_.max_shed_fraction * energy_mwh,
          fmt::format("shed at most {:g} % of flexible work per window",
                      p_.max_shed_fraction * kPercentPerFraction));
    }
  }

  // The load's energy times a share, moved to the left-hand side (flexible IT is a column).
  void add_load_terms(double share) {
    for (std::size_t t = 0; t < steps_; ++t) {
      add(out_.step[t].flexible, -share * p_.pue[t] * dt_);
    }
  }

  // Annual clean share and hourly-matched (24/7) share of the load.
  void add_clean_requirements() {
    double firm_mwh = 0.0;
    for (const double load : p_.firm_load_mw) {
      firm_mwh += load * dt_;
    }
    if (p_.min_clean_share > 0.0) {
      terms_.clear();
      // Clean energy delivered: used directly, exported, or returned from the clean pool (its
      // storage losses are not counted, so that cycling surplus through the battery earns
      // nothing).
      for (std::size_t t = 0; t < steps_; ++t) {
        add(out_.step[t].renewable_to_load, dt_);
        add(out_.step[t].discharge_clean, dt_);
        add(out_.step[t].export_, dt_);
      }
      add_load_terms(p_.min_clean_share);
      out_.clean_row = row("clean_share", p_.min_clean_share * firm_mwh, lp::kInfinity,
                           fmt::format("annual clean share >= {:g}", p_.min_clean_share));
    }
    if (p_.min_cfe_share > 0.0) {
      terms_.clear();
      for (std::size_t t = 0; t < steps_; ++t) {
        add(out_.step[t].renewable_to_load, dt_);
        add(out_.step[t].discharge_clean, dt_);
      }
      add_load_terms(p_.min_cfe_share);
      out_.cfe_row =
          row("cfe_share", p_.min_cfe_share * firm_mwh, lp::kInfinity,
              fmt::format("hourly-matched (24/7) clean share >= {:g}", p_.min_cfe_share));
    }
  }

  // Curtailment: sum available (1 - Z) - sum used <= 0.
  void add_curtailment_limit() {
    if (!has_renewables_ || p_.max_curtailed_fraction >= 1.0) {
      return;
    }
    terms_.clear();
    const double keep = 1.0 - p_.max_curtailed_fraction;
    const auto energy_per_mw = [&](const RenewableCandidate& plant) {
      double energy = 0.0;
      for (const double cf : plant.output_per_mw) {
        energy += cf * dt_;
      }
      return energy;
    };
    for (std::size_t s = 0; s < p_.solar.size(); ++s) {
      add(out_.solar_capacity[s], keep * energy_per_mw(p_.solar[s]));
    }
    for (std::size_t w = 0; w < p_.wind.size(); ++w) {
      add(out_.wind_capacity[w], keep * energy_per_mw(p_.wind[w]));
    }
    for (std::size_t t = 0; t < steps_; ++t) {
      add(out_.step[t].renewable_to_load, -dt_);
      add(out_.step[t].charge_renewable, -dt_);
      add(out_.step[t].export_, -dt_);
    }
    out_.curtailment_row =
        row("curtailment", -lp::kInfinity, 0.0,
            fmt::format("curtailed energy <= {:g} % of available renewable energy",
                        p_.max_curtailed_fraction * kPercentPerFraction));
  }

  const SupplyLpProblem& p_;
  CapacityColumns capacities_;
  std::size_t steps_;
  double dt_;
  SupplyLp out_;
  lp::Model& m_;
  bool extra_it_;
  bool has_renewables_;
  bool can_export_;
  double self_keep_;  ///< share of stored energy kept over a step (self-discharge)
  std::size_t window_;
  std::vector<double> window_energy_mwh_;  ///< flexible IT energy of each window
  std::vector<std::vector<int>> solar_at_, wind_at_;
  std::vector<int> battery_power_at_, battery_energy_at_, gas_at_, import_at_, extra_it_at_;
  std::vector<lp::Term> terms_;
};

}  // namespace

SupplyLp build_supply_lp(const SupplyLpProblem& p, CapacityColumns capacities) {
  check_problem(p);
  return SupplyLpBuilder(p, capacities).build();
}

SupplyPlan read_supply_plan(const SupplyLpProblem& p, const SupplyLp& lp,
                            const lp::Solution& solution) {
  SupplyPlan plan;
  plan.status = solution.status;
  plan.step_h = p.step_h;
  if (!solution.optimal()) {
    return plan;
  }
  const std::vector<double>& x = solution.column_values;
  const auto value = [&](int column) { return column >= 0 ? x[column] : 0.0; };
  const std::size_t steps = p.steps();
  const double dt = p.step_h;

  for (const int column : lp.solar_capacity) {
    plan.solar_mw.push_back(value(column));
  }
  for (const int column : lp.wind_capacity) {
    plan.wind_mw.push_back(value(column));
  }
  plan.battery_power_mw = value(lp.battery_power);
  plan.battery_energy_mwh = value(lp.battery_energy);
  plan.gas_mw = value(lp.gas_capacity);
  plan.import_mw = value(lp.import_capacity);
  plan.extra_it_mw = value(lp.extra_it);

  for (auto* series : {&plan.renewable_available, &plan.curtailed, &plan.renewable_to_load,
                       &plan.charge, &plan.charge_grid, &plan.discharge, &plan.discharge_clean,
                       &plan.soc, &plan.soc_clean, &plan.gas, &plan.import, &plan.export_,
                       &plan.flexible_it, &plan.facility_load, &plan.unserved}) {
    series->assign(steps, 0.0);
  }
  for (std::size_t t = 0; t < steps; ++t) {
    const SupplyLp::StepColumns& c = lp.step[t];
    double available = 0.0;
    for (std::size_t s = 0; s < p.solar.size(); ++s) {
      available += p.solar[s].output_per_mw[t] * plan.solar_mw[s];
    }
    for (std::size_t w = 0; w < p.wind.size(); ++w) {
      available += p.wind[w].output_per_mw[t] * plan.wind_mw[w];
    }
    const double charge_renewable = value(c.charge_renewable);
    const double used = value(c.renewable_to_load) + charge_renewable + value(c.export_);
    plan.renewable_available[t] = available;
    plan.curtailed[t] = std::max(0.0, available - used);
    plan.renewable_to_load[t] = value(c.renewable_to_load);
    plan.charge_grid[t] = value(c.charge_grid);
    plan.charge[t] = charge_renewable + plan.charge_grid[t];
    plan.discharge_clean[t] = value(c.discharge_clean);
    plan.discharge[t] = plan.discharge_clean[t] + value(c.discharge_grid);
    plan.soc_clean[t] = value(c.soc_clean);
    plan.soc[t] = plan.soc_clean[t] + value(c.soc_grid);
    plan.gas[t] = value(c.gas);
    plan.import[t] = value(c.import) + plan.charge_grid[t];
    plan.export_[t] = value(c.export_);
    plan.flexible_it[t] = value(c.flexible);
    plan.unserved[t] = value(c.unserved);
    plan.facility_load[t] = p.firm_load_mw[t] + p.pue[t] * plan.flexible_it[t];

    plan.load_mwh += plan.facility_load[t] * dt;
    plan.clean_mwh += (plan.renewable_to_load[t] + plan.discharge_clean[t] + plan.export_[t]) * dt;
    plan.matched_mwh += (plan.renewable_to_load[t] + plan.discharge_clean[t]) * dt;
    plan.curtailed_mwh += plan.curtailed[t] * dt;
    plan.available_mwh += available * dt;
    plan.unserved_mwh += plan.unserved[t] * dt;
    const double price = p.price_usd_per_mwh[t];
    plan.grid_energy_cost_usd += plan.import[t] * price * dt;
    plan.demand_charge_usd += plan.import[t] * at(p.demand_charge_usd_per_mw, t, 0.0);
    plan.export_revenue_usd += plan.export_[t] * price * p.grid.export_price_share * dt;
    const double grid_co2 = plan.import[t] * p.carbon_t_per_mwh[t] * dt;
    const double gas_co2 = p.gas ? plan.gas[t] * p.gas->co2_t_per_mwh * dt : 0.0;
    plan.co2_t += grid_co2 + gas_co2;
    if (p.gas) {
      plan.gas_cost_usd += plan.gas[t] * p.gas->cost_usd_per_mwh * dt;
    }
    plan.unserved_cost_usd += plan.unserved[t] * p.unserved_cost_usd_per_mwh * dt;
  }
  plan.carbon_cost_usd = plan.co2_t * p.carbon_price_usd_per_t;
  for (const int column : lp.shed) {
    plan.shed_it_mwh += value(column);
  }
  plan.shed_cost_usd = plan.shed_it_mwh * p.shed_cost_usd_per_mwh;
  plan.objective_usd = solution.objective;
  plan.capacity_cost_usd = plan.objective_usd - plan.grid_energy_cost_usd - plan.demand_charge_usd -
                           plan.gas_cost_usd - plan.carbon_cost_usd + plan.export_revenue_usd -
                           plan.shed_cost_usd - plan.unserved_cost_usd;
  plan.clean_share = plan.load_mwh > 0.0 ? std::min(1.0, plan.clean_mwh / plan.load_mwh) : 0.0;
  plan.cfe_share = plan.load_mwh > 0.0 ? plan.matched_mwh / plan.load_mwh : 0.0;
  // One percentage point more of the requirement raises the row's right-hand side by
  // 0.01 x firm energy and its load coefficients likewise; with the load at its optimum this is
  // 0.01 x load energy of right-hand side.
  const auto per_point = [&](int row) {
    return row >= 0 ? solution.row_duals[row] * plan.load_mwh / kPercentPerFraction : 0.0;
  };
  plan.clean_share_marginal_usd_per_point = per_point(lp.clean_row);
  plan.cfe_marginal_usd_per_point = per_point(lp.cfe_row);
  return plan;
}

}  // namespace stargate
