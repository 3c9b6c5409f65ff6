// Time value of money: capital recovery factor, net present value, internal rate of return,
// simple and discounted payback, and levelised cost.
//
// Conventions: rates are annual fractions (0.07 = 7 %), compounded once a year; a cash-flow series
// has one value per period of `period_years` (1 = yearly, 0.25 = quarterly), value k falling at
// the end of period k, i.e. at time t_k = k * period_years years (value 0 falls at t = 0, today).
//
//   CRF(r, n)   = r (1 + r)^n / ((1 + r)^n - 1)        (CRF(0, n) = 1 / n)
//   NPV(r)      = sum_k C_k / (1 + r)^(t_k)
//   IRR         = the r with NPV(r) = 0
//   payback     = first time the (discounted) cumulative cash flow reaches 0, interpolated linearly
//                 inside the period in which it turns (the period's flow taken as spread evenly)
//   LCOE        = (capex * CRF(r, n) + fixed O&M per year + variable cost per year) / output per
//   year
//
// Sources: W. Short, D. J. Packey and T. Holt, "A Manual for the Economic Evaluation of Energy
// Efficiency and Renewable Energy Technologies", NREL/TP-462-5173, 1995 (CRF, eq. 4-7; LCOE,
// section 4.3 in its simple annualised form); R. Brealey, S. Myers and F. Allen, "Principles of
// Corporate Finance", 13th ed., McGraw-Hill, 2020, chapters 2 and 5 (NPV, IRR, payback).
// Worked numbers: CRF(7 %, 20 y) = 0.07 * 1.07^20 / (1.07^20 - 1) = 0.07 * 3.869684 / 2.869684
// = 0.0943929, so 100 M$ of capex costs 9.439 M$ a year over 20 years. The stream -1000, 300, 400,
// 500 has IRR 8.896 % (Brealey-Myers-Allen style example; checked by substitution in the tests).
//
// All functions are pure and thread-safe. Bad parameters throw std::invalid_argument naming the
// parameter: a rate at or below -100 %, a non-positive life or period, a non-finite value.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace stargate {

/// Capital recovery factor: the level annual payment, per dollar borrowed today, that repays the
/// dollar with interest at `rate` over `years` (> 0; need not be whole). rate > -1.
[[nodiscard]] double capital_recovery_factor(double rate, double years);

/// Net present value at annual `rate` (> -1) of flows, one per period of `period_years` (> 0),
/// value k at t = k * period_years. An empty series has NPV 0.
[[nodiscard]] double npv(double rate, std::span<const double> cash_flows_usd,
                         double period_years = 1.0);

/// Internal rate of return (annual fraction) of the flows: a rate with NPV = 0.
///
/// Method: NPV is evaluated on a grid of 400 rates, evenly spaced in log(1 + r) from r = -99 % to
/// r = +10,000 %; every interval where NPV changes sign brackets a root, which bisection refines
/// to 1e-12 in rate. When the flows change sign more than once there may be several roots (the
/// "multiple IRR" problem, Brealey-Myers-Allen ch. 5): the root nearest to 0 % is returned.
/// Returns std::nullopt when NPV never changes sign on the grid (all flows of one sign, all zero,
/// or a return outside -99 %..+10,000 %): the IRR is then undefined and callers should say so.
[[nodiscard]] std::optional<double> irr(std::span<const double> cash_flows_usd,
                                        double period_years = 1.0);

/// Simple payback in years: when the running sum of the flows first reaches 0 (0 when the first
/// flow is already >= 0); std::nullopt when it never does within the series.
[[nodiscard]] std::optional<double> simple_payback_years(std::span<const double> cash_flows_usd,
                                                         double period_years = 1.0);

/// Discounted payback in years: as simple_payback_years on the flows discounted at `rate`.
[[nodiscard]] std::optional<double> discounted_payback_years(double rate,
                                                             std::span<const double> cash_flows_usd,
                                                             double period_years = 1.0);

/// Inputs of a levelised cost in its annualised form.
struct LevelisedCostInputs {
  double capex_usd = 0.0;                   ///< overnight capital cost, >= 0
  double rate = 0.07;                       ///< cost of capital, annual fraction > -1
  double lifetime_years = 20.0;             ///< economic life, > 0
  double fixed_om_usd_per_year = 0.0;       ///< >= 0
  double variable_cost_usd_per_year = 0.0;  ///< fuel, energy, variable O&M; >= 0
};

/// Capex spread over the life: capex * CRF(rate, lifetime).
[[nodiscard]] double annualised_capex_usd_per_year(double capex_usd, double rate,
                                                   double lifetime_years);

/// Total annual cost: annualised capex + fixed O&M + variable cost (USD per year).
[[nodiscard]] double annual_cost_usd_per_year(const LevelisedCostInputs& inputs);

/// Levelised cost of any output (per unit of `annual_output`, > 0): e.g. USD per GPU-hour.
[[nodiscard]] double levelised_cost_usd_per_unit(const LevelisedCostInputs& inputs,
                                                 double annual_output);

/// Levelised cost of energy in USD/MWh from the annual energy in kWh (> 0).
[[nodiscard]] double lcoe_usd_per_mwh(const LevelisedCostInputs& inputs, double annual_energy_kwh);

/// Levelised cost of energy of several assets producing together (each with its own cost of
/// capital and life): the sum of their annual costs over the annual energy in kWh (> 0), in
/// USD/MWh. Worked number (tested): 100 M$ of solar (7 %, 25 y, 2.2 M$/yr O&M) and 50 M$ of gas
/// (7 %, 25 y, 0.8 M$/yr O&M, 3 M$/yr fuel) making 400 GWh/yr: (8.581 + 2.2 + 4.290 + 0.8 + 3)
/// M$ / 400,000 MWh = 47.18 $/MWh.
[[nodiscard]] double lcoe_usd_per_mwh(std::span<const LevelisedCostInputs> assets,
                                      double annual_energy_kwh);

/// Money for sentences: "12.34 $B" from a billion up, else "567.8 M$".
[[nodiscard]] std::string money_text(double usd);

}  // namespace stargate
