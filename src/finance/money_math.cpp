// Capital recovery factor, NPV, IRR, payback and levelised cost. Equations, worked numbers and
// sources are at the top of include/stargate/finance/money_math.hpp and in docs/finance.md.
#include "stargate/finance/money_math.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr double kZeroRate = 1e-12;      // below this |r|, CRF uses its r -> 0 limit 1 / n
constexpr double kIrrLowRate = -0.99;    // IRR search range, annual fraction
constexpr double kIrrHighRate = 100.0;   // +10,000 %
constexpr int kIrrGridIntervals = 400;   // sign-change scan, evenly spaced in log(1 + r)
constexpr double kIrrTolerance = 1e-12;  // bisection stops at this bracket width
constexpr int kIrrMaxIterations = 200;

void require(bool ok, const std::string& message) {
  if (!ok) {
    throw std::invalid_argument(message);
  }
}

void check_rate(double rate) {
  require(std::isfinite(rate) && rate > -1.0,
          "rate must be a finite annual fraction above -1 (-100 %), got " + std::to_string(rate));
}

void check_period(double period_years) {
  require(std::isfinite(period_years) && period_years > 0.0,
          "period_years must be finite and > 0, got " + std::to_string(period_years));
}

void check_flows(std::span<const double> cash_flows_usd) {
  for (std::size_t k = 0; k < cash_flows_usd.size(); ++k) {
    require(std::isfinite(cash_flows_usd[k]),
            "cash flow " + std::to_string(k) + " is not a finite number");
  }
}

void check_non_negative(double value, const char* name) {
  require(std::isfinite(value) && value >= 0.0,
          std::string(name) + " must be finite and >= 0, got " + std::to_string(value));
}

// NPV without argument checks (the callers have checked).
double npv_unchecked(double rate, std::span<const double> cash_flows_usd, double period_years) {
  const double log_growth = std::log1p(rate);
  double total = 0.0;
  for (std::size_t k = 0; k < cash_flows_usd.size(); ++k) {
    const double t_years = static_cast<double>(k) * period_years;
    total += cash_flows_usd[k] * std::exp(-log_growth * t_years);
  }
  return total;
}

// Running sum of the flows; the time it first reaches 0, interpolated within the period.
std::optional<double> payback_of(const std::vector<double>& flows, double period_years) {
  if (flows.empty()) {
    return std::nullopt;
  }
  double cumulative = flows[0];
  if (cumulative >= 0.0) {
    return 0.0;
  }
  for (std::size_t k = 1; k < flows.size(); ++k) {
    const double next = cumulative + flows[k];
    if (next >= 0.0) {
      // flows[k] > 0 here, since cumulative < 0 <= next.
      const double fraction = -cumulative / flows[k];
      return (static_cast<double>(k - 1) + fraction) * period_years;
    }
    cumulative = next;
  }
  return std::nullopt;
}

}  // namespace

double capital_recovery_factor(double rate, double years) {
  check_rate(rate);
  require(std::isfinite(years) && years > 0.0,
          "capital recovery factor: years must be finite and > 0, got " + std::to_string(years));
  if (std::abs(rate) < kZeroRate) {
    return 1.0 / years;
  }
  // (1 + r)^n - 1 via expm1 keeps precision for small r.
  const double growth_minus_one = std::expm1(years * std::log1p(rate));
  return rate * (growth_minus_one + 1.0) / growth_minus_one;
}

double npv(double rate, std::span<const double> cash_flows_usd, double period_years) {
  check_rate(rate);
  check_period(period_years);
  check_flows(cash_flows_usd);
  return npv_unchecked(rate, cash_flows_usd, period_years);
}

std::optional<double> irr(std::span<const double> cash_flows_usd, double period_years) {
  check_period(period_years);
  check_flows(cash_flows_usd);
  const double low_log = std::log1p(kIrrLowRate);
  const double high_log = std::log1p(kIrrHighRate);
  auto rate_at = [&](int i) {
    const double x = low_log + (high_log - low_log) * i / kIrrGridIntervals;
    return std::expm1(x);
  };
  std::optional<double> best;
  auto consider = [&best](double root) {
    if (!best || std::abs(root) < std::abs(*best)) {
      best = root;
    }
  };
  bool any_non_zero = false;
  for (const double flow : cash_flows_usd) {
    any_non_zero = any_non_zero || flow != 0.0;
  }
  if (!any_non_zero) {
    return std::nullopt;  // every rate is a root: the IRR is undefined
  }
  double left_rate = rate_at(0);
  double left_npv = npv_unchecked(left_rate, cash_flows_usd, period_years);
  if (left_npv == 0.0) {
    consider(left_rate);
  }
  for (int i = 1; i <= kIrrGridIntervals; ++i) {
    const double right_rate = rate_at(i);
    const double right_npv = npv_unchecked(right_rate, cash_flows_usd, period_years);
    if (right_npv == 0.0) {
      consider(right_rate);  // an exact root on the grid
    } else if (left_npv != 0.0 && (left_npv < 0.0) != (right_npv < 0.0)) {
      // Bisection keeps [a, b] bracketing the sign change.
      double a = left_rate;
      double b = right_rate;
      const bool a_negative = left_npv < 0.0;
      for (int iteration = 0; iteration < kIrrMaxIterations && b - a > kIrrTolerance; ++iteration) {
        const double mid = 0.5 * (a + b);
        const double mid_npv = npv_unchecked(mid, cash_flows_usd, period_years);
        if (mid_npv == 0.0) {
          a = mid;
          b = mid;
        } else if ((mid_npv < 0.0) == a_negative) {
          a = mid;
        } else {
          b = mid;
        }
      }
      consider(0.5 * (a + b));
    }
    left_rate = right_rate;
    left_npv = right_npv;
  }
  return best;
}

std::optional<double> simple_payback_years(std::span<const double> cash_flows_usd,
                                           double period_years) {
  check_period(period_years);
  check_flows(cash_flows_usd);
  return payback_of(std::vector<double>(cash_flows_usd.begin(), cash_flows_usd.end()),
                    period_years);
}

std::optional<double> discounted_payback_years(double rate, std::span<const double> cash_flows_usd,
                                               double period_years) {
  check_rate(rate);
  check_period(period_years);
  check_flows(cash_flows_usd);
  std::vector<double> discounted(cash_flows_usd.size());
  const double log_growth = std::log1p(rate);
  for (std::size_t k = 0; k < cash_flows_usd.size(); ++k) {
    discounted[k] =
        cash_flows_usd[k] * std::exp(-log_growth * static_cast<double>(k) * period_years);
  }
  return payback_of(discounted, period_years);
}

double annualised_capex_usd_per_year(double capex_usd, double rate, double lifetime_years) {
  check_non_negative(capex_usd, "capex_usd");
  return capex_usd * capital_recovery_factor(rate, lifetime_years);
}

double annual_cost_usd_per_year(const LevelisedCostInputs& inputs) {
  check_non_negative(inputs.fixed_om_usd_per_year, "fixed_om_usd_per_year");
  check_non_negative(inputs.variable_cost_usd_per_year, "variable_cost_usd_per_year");
  return annualised_capex_usd_per_year(inputs.capex_usd, inputs.rate, inputs.lifetime_years) +
         inputs.fixed_om_usd_per_year + inputs.variable_cost_usd_per_year;
}

double levelised_cost_usd_per_unit(const LevelisedCostInputs& inputs, double annual_output) {
  require(
      std::isfinite(annual_output) && annual_output > 0.0,
      "levelised cost: annual output must be finite and > 0, got " + std::to_string(annual_output));
  return annual_cost_usd_per_year(inputs) / annual_output;
}

double lcoe_usd_per_mwh(const LevelisedCostInputs& inputs, double annual_energy_kwh) {
  require(
      std::isfinite(annual_energy_kwh) && annual_energy_kwh > 0.0,
      "LCOE: annual_energy_kwh must be finite and > 0, got " + std::to_string(annual_energy_kwh));
  return levelised_cost_usd_per_unit(inputs, annual_energy_kwh / kKwhPerMwh);
}

double lcoe_usd_per_mwh(std::span<const LevelisedCostInputs> assets, double annual_energy_kwh) {
  require(
      std::isfinite(annual_energy_kwh) && annual_energy_kwh > 0.0,
      "LCOE: annual_energy_kwh must be finite and > 0, got " + std::to_string(annual_energy_kwh));
  double annual_cost_usd = 0.0;
  for (const LevelisedCostInputs& asset : assets) {
    annual_cost_usd += annual_cost_usd_per_year(asset);
  }
  return annual_cost_usd / (annual_energy_kwh / kKwhPerMwh);
}

std::string money_text(double usd) {
  if (std::abs(usd) >= kUsdPerBillion) {
    return fmt::format("{:.2f} $B", usd / kUsdPerBillion);
  }
  return fmt::format("{:.1f} M$", usd / kUsdPerMillion);
}

}  // namespace stargate
