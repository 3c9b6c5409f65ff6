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

}  // namespace

SupplyLp build_supply_lp(const SupplyLpProblem& p, CapacityColumns capacities) {
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
  const double dt = p.step_h;

  SupplyLp out;
  lp::Model& m = out.model;
  out.step.resize(steps);

  // Capacities.
  for (const RenewableCandidate& plant : p.solar) {
    out.solar_capacity.push_back(
        capacity_column(m, safe_name("solar_mw_", plant.name), plant.capacity, p.horizon_years));
  }
  for (const RenewableCandidate& plant : p.wind) {
    out.wind_capacity.push_back(
        capacity_column(m, safe_name("wind_mw_", plant.name), plant.capacity, p.horizon_years));
  }
  if (p.battery) {
    out.battery_power = capacity_column(m, "battery_mw", p.battery->power_mw, p.horizon_years);
    out.battery_energy = capacity_column(m, "battery_mwh", p.battery->energy_mwh, p.horizon_years);
  }
  if (p.gas) {
    out.gas_capacity = capacity_column(m, "gas_mw", p.gas->capacity_mw, p.horizon_years);
  }
  out.import_capacity = capacity_column(m, "import_mw", p.grid.import_mw, p.horizon_years);
  const bool extra_it = p.extra_it_mw.choose;
  if (extra_it) {
    out.extra_it = capacity_column(m, "extra_it_mw", p.extra_it_mw, p.horizon_years);
  }
  // Per-step copies of chosen capacities (cap_t = cap_t-1), so that no column spans the horizon.
  const auto per_step = [&](int master, const CapacityChoice& choice, const std::string& name) {
    std::vector<int> columns(steps, master);
    if (master < 0 || !choice.choose || capacities == CapacityColumns::kShared) {
      return columns;
    }
    for (std::size_t t = 1; t < steps; ++t) {
      columns[t] = m.add_column(step_name(name.c_str(), t), choice.min, choice.max, 0.0);
      const std::vector<lp::Term> link{{columns[t], 1.0}, {columns[t - 1], -1.0}};
      m.add_row(step_name((name + "_link").c_str(), t), 0.0, 0.0, link);
    }
    return columns;
  };
  std::vector<std::vector<int>> solar_at, wind_at;
  for (std::size_t s = 0; s < p.solar.size(); ++s) {
    solar_at.push_back(
        per_step(out.solar_capacity[s], p.solar[s].capacity, fmt::format("cs{}", s)));
  }
  for (std::size_t w = 0; w < p.wind.size(); ++w) {
    wind_at.push_back(per_step(out.wind_capacity[w], p.wind[w].capacity, fmt::format("cw{}", w)));
  }
  const std::vector<int> battery_power_at =
      p.battery ? per_step(out.battery_power, p.battery->power_mw, "cbp")
                : std::vector<int>(steps, -1);
  const std::vector<int> battery_energy_at =
      p.battery ? per_step(out.battery_energy, p.battery->energy_mwh, "cbe")
                : std::vector<int>(steps, -1);
  const std::vector<int> gas_at =
      p.gas ? per_step(out.gas_capacity, p.gas->capacity_mw, "cg") : std::vector<int>(steps, -1);
  const std::vector<int> import_at = per_step(out.import_capacity, p.grid.import_mw, "ci");
  const std::vector<int> extra_it_at =
      extra_it ? per_step(out.extra_it, p.extra_it_mw, "cx") : std::vector<int>(steps, -1);
  const bool has_renewables = !p.solar.empty() || !p.wind.empty();
  const bool can_export = has_renewables && p.grid.export_limit_mw > 0.0;
  const double self_keep =
      p.battery ? 1.0 - p.battery->self_discharge_per_day * dt / kHoursPerDay : 1.0;

  // IT power flexible work may draw in a step without extra capacity (at least what it asks).
  const auto flexible_headroom = [&](std::size_t t) {
    return std::max(at(p.flexible_it_max_mw, t, p.flexible_it_mw[t]), p.flexible_it_mw[t]);
  };
  // Flexible work per window: a step has a flexible column only when its window has work.
  const std::size_t window = std::max<std::size_t>(1, p.flexible_window_steps);
  std::vector<double> window_energy_mwh((steps + window - 1) / window, 0.0);
  for (std::size_t t = 0; t < steps; ++t) {
    window_energy_mwh[t / window] += p.flexible_it_mw[t] * dt;
  }

  // Step columns.
  for (std::size_t t = 0; t < steps; ++t) {
    SupplyLp::StepColumns& c = out.step[t];
    const double price = p.price_usd_per_mwh[t];
    const double import_cost = price * dt + p.carbon_price_usd_per_t * p.carbon_t_per_mwh[t] * dt +
                               at(p.demand_charge_usd_per_mw, t, 0.0);
    if (has_renewables) {
      c.renewable_to_load = m.add_column(step_name("r2l", t), 0.0, lp::kInfinity, 0.0);
    }
    if (p.battery) {
      const double cap = lp::kInfinity;
      if (has_renewables) {
        c.charge_renewable = m.add_column(step_name("chr", t), 0.0, cap, 0.0);
      }
      if (p.battery->charge_from_grid) {
        c.charge_grid = m.add_column(step_name("chg", t), 0.0, cap, import_cost);
        c.discharge_grid = m.add_column(step_name("disg", t), 0.0, cap, 0.0);
        c.soc_grid = m.add_column(step_name("socg", t), 0.0, lp::kInfinity, 0.0);
      }
      c.discharge_clean = m.add_column(step_name("disc", t), 0.0, cap, 0.0);
      c.soc_clean = m.add_column(step_name("socc", t), 0.0, lp::kInfinity, 0.0);
    }
    if (p.gas) {
      c.gas = m.add_column(
          step_name("gas", t), 0.0, lp::kInfinity,
          (p.gas->cost_usd_per_mwh + p.carbon_price_usd_per_t * p.gas->co2_t_per_mwh) * dt);
    }
    c.import = m.add_column(step_name("imp", t), 0.0, lp::kInfinity, import_cost);
    if (can_export) {
      c.export_ = m.add_column(step_name("exp", t), 0.0, p.grid.export_limit_mw,
                               -price * p.grid.export_price_share * dt);
    }
    if (window_energy_mwh[t / window] > 0.0) {
      const double upper = flexible_headroom(t);
      c.flexible = m.add_column(step_name("flex", t), 0.0,
                                extra_it ? upper + p.extra_it_mw.max : upper, 0.0);
    }
    if (p.unserved_cost_usd_per_mwh > 0.0) {
      c.unserved =
          m.add_column(step_name("uns", t), 0.0, lp::kInfinity, p.unserved_cost_usd_per_mwh * dt);
    }
  }

  std::vector<lp::Term> terms;
  const auto row = [&](const std::string& name, double lower, double upper,
                       std::string_view requirement = {}) {
    return m.add_row(name, lower, upper, terms, requirement);
  };
  const auto add = [&](int column, double coefficient) {
    if (column >= 0) {
      terms.push_back({column, coefficient});
    }
  };

  out.balance_row.resize(steps);
  for (std::size_t t = 0; t < steps; ++t) {
    const SupplyLp::StepColumns& c = out.step[t];
    const std::size_t prev = t == 0 ? steps - 1 : t - 1;
    const SupplyLp::StepColumns& b = out.step[prev];
    // Renewables: what is used is at most what is available.
    if (has_renewables) {
      terms.clear();
      add(c.renewable_to_load, 1.0);
      add(c.charge_renewable, 1.0);
      add(c.export_, 1.0);
      for (std::size_t s = 0; s < p.solar.size(); ++s) {
        add(solar_at[s][t], -p.solar[s].output_per_mw[t]);
      }
      for (std::size_t w = 0; w < p.wind.size(); ++w) {
        add(wind_at[w][t], -p.wind[w].output_per_mw[t]);
      }
      row(step_name("renewables", t), -lp::kInfinity, 0.0);
    }
    // Flexible IT within the IT capacity, extra capacity included.
    if (extra_it && c.flexible >= 0) {
      terms.clear();
      add(c.flexible, 1.0);
      add(extra_it_at[t], -1.0);
      row(step_name("it_capacity", t), -lp::kInfinity, flexible_headroom(t));
    }
    // Balance.
    terms.clear();
    add(c.renewable_to_load, 1.0);
    add(c.discharge_clean, 1.0);
    add(c.discharge_grid, 1.0);
    add(c.gas, 1.0);
    add(c.import, 1.0);
    add(c.unserved, 1.0);
    add(c.flexible, -p.pue[t]);
    out.balance_row[t] =
        row(step_name("balance", t), p.firm_load_mw[t], p.firm_load_mw[t], "serve the firm load");
    // Battery.
    if (p.battery) {
      const BatteryCandidate& bat = *p.battery;
      const double online = at(bat.available, t, 1.0);
      const bool wrap = t > 0 || p.cyclic_storage;
      for (const bool clean : {true, false}) {
        const int soc = clean ? c.soc_clean : c.soc_grid;
        if (soc < 0) {
          continue;
        }
        terms.clear();
        add(soc, 1.0);
        if (wrap) {
          add(clean ? b.soc_clean : b.soc_grid, -self_keep);
        }
        add(clean ? c.charge_renewable : c.charge_grid, -bat.charge_efficiency * dt);
        add(clean ? c.discharge_clean : c.discharge_grid, dt / bat.discharge_efficiency);
        const double start =
            wrap ? 0.0 : self_keep * (clean ? p.initial_soc_clean_mwh : p.initial_soc_grid_mwh);
        row(step_name(clean ? "soc_clean" : "soc_grid", t), start, start);
      }
      terms.clear();
      add(c.charge_renewable, 1.0);
      add(c.charge_grid, 1.0);
      add(battery_power_at[t], -online);
      row(step_name("charge_limit", t), -lp::kInfinity, 0.0);
      terms.clear();
      add(c.discharge_clean, 1.0);
      add(c.discharge_grid, 1.0);
      add(battery_power_at[t], -online);
      row(step_name("discharge_limit", t), -lp::kInfinity, 0.0);
      terms.clear();
      add(c.soc_clean, 1.0);
      add(c.soc_grid, 1.0);
      add(battery_energy_at[t], -online * bat.soc_max_fraction);
      row(step_name("soc_max", t), -lp::kInfinity, 0.0);
      if (bat.soc_min_fraction > 0.0) {
        terms.clear();
        add(c.soc_clean, 1.0);
        add(c.soc_grid, 1.0);
        add(battery_energy_at[t], -online * bat.soc_min_fraction);
        row(step_name("soc_min", t), 0.0, lp::kInfinity);
      }
    }
    // Gas.
    if (p.gas) {
      terms.clear();
      add(c.gas, 1.0);
      add(gas_at[t], -at(p.gas->available, t, 1.0));
      row(step_name("gas_limit", t), -lp::kInfinity, 0.0);
      if (p.gas->ramp_fraction_per_step < 1.0 && (t > 0 || p.cyclic_storage)) {
        for (const double sign : {1.0, -1.0}) {
          terms.clear();
          add(c.gas, sign);
          add(b.gas, -sign);
          add(gas_at[t], -p.gas->ramp_fraction_per_step);
          row(step_name(sign > 0 ? "ramp_up" : "ramp_down", t), -lp::kInfinity, 0.0);
        }
      }
    }
    // Grid.
    terms.clear();
    add(c.import, 1.0);
    add(c.charge_grid, 1.0);
    add(import_at[t], -1.0);
    row(step_name("import_limit", t), -lp::kInfinity, 0.0);
    if (c.export_ >= 0) {
      terms.clear();
      add(c.export_, 1.0);
      add(import_at[t], -1.0);
      row(step_name("export_limit", t), -lp::kInfinity, 0.0);
    }
  }
  // Battery end state without wrap-around.
  if (p.battery && !p.cyclic_storage && p.terminal_soc_min_mwh > 0.0) {
    terms.clear();
    add(out.step.back().soc_clean, 1.0);
    add(out.step.back().soc_grid, 1.0);
    row("soc_terminal", p.terminal_soc_min_mwh, lp::kInfinity);
  }

  // Flexible work: each window's energy is delivered or shed (within the allowed share).
  for (std::size_t first = 0; first < steps; first += window) {
    const std::size_t last = std::min(steps, first + window);
    const double energy_mwh = window_energy_mwh[first / window];
    terms.clear();
    for (std::size_t t = first; t < last; ++t) {
      add(out.step[t].flexible, dt);
    }
    if (energy_mwh <= 0.0) {
      continue;
    }
    const int shed =
        m.add_column(step_name("shed", first), 0.0, energy_mwh, p.shed_cost_usd_per_mwh);
    out.shed.push_back(shed);
    add(shed, 1.0);
    row(step_name("flexible_work", first), energy_mwh, energy_mwh);
    terms.clear();
    add(shed, 1.0);
    row(step_name("shed_limit", first), -lp::kInfinity, p.max_shed_fraction * energy_mwh,
        fmt::format("shed at most {:g} % of flexible work per window",
                    p.max_shed_fraction * kPercentPerFraction));
  }

  // Annual requirements.
  double firm_mwh = 0.0;
  for (const double load : p.firm_load_mw) {
    firm_mwh += load * dt;
  }
  const auto load_terms = [&](double share) {
    for (std::size_t t = 0; t < steps; ++t) {
      add(out.step[t].flexible, -share * p.pue[t] * dt);
    }
  };
  if (p.min_clean_share > 0.0) {
    terms.clear();
    // Clean energy delivered: used directly, exported, or returned from the clean pool (its
    // storage losses are not counted, so that cycling surplus through the battery earns nothing).
    for (std::size_t t = 0; t < steps; ++t) {
      add(out.step[t].renewable_to_load, dt);
      add(out.step[t].discharge_clean, dt);
      add(out.step[t].export_, dt);
    }
    load_terms(p.min_clean_share);
    out.clean_row = row("clean_share", p.min_clean_share * firm_mwh, lp::kInfinity,
                        fmt::format("annual clean share >= {:g}", p.min_clean_share));
  }
  if (p.min_cfe_share > 0.0) {
    terms.clear();
    for (std::size_t t = 0; t < steps; ++t) {
      add(out.step[t].renewable_to_load, dt);
      add(out.step[t].discharge_clean, dt);
    }
    load_terms(p.min_cfe_share);
    out.cfe_row = row("cfe_share", p.min_cfe_share * firm_mwh, lp::kInfinity,
                      fmt::format("hourly-matched (24/7) clean share >= {:g}", p.min_cfe_share));
  }
  if (has_renewables && p.max_curtailed_fraction < 1.0) {
    // sum available (1 - Z) - sum used <= 0
    terms.clear();
    const double keep = 1.0 - p.max_curtailed_fraction;
    for (std::size_t s = 0; s < p.solar.size(); ++s) {
      double energy = 0.0;
      for (const double cf : p.solar[s].output_per_mw) {
        energy += cf * dt;
      }
      add(out.solar_capacity[s], keep * energy);
    }
    for (std::size_t w = 0; w < p.wind.size(); ++w) {
      double energy = 0.0;
      for (const double cf : p.wind[w].output_per_mw) {
        energy += cf * dt;
      }
      add(out.wind_capacity[w], keep * energy);
    }
    for (std::size_t t = 0; t < steps; ++t) {
      add(out.step[t].renewable_to_load, -dt);
      add(out.step[t].charge_renewable, -dt);
      add(out.step[t].export_, -dt);
    }
    out.curtailment_row =
        row("curtailment", -lp::kInfinity, 0.0,
            fmt::format("curtailed energy <= {:g} % of available renewable energy",
                        p.max_curtailed_fraction * kPercentPerFraction));
  }
  return out;
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
