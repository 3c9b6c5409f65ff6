// Simple-cycle gas plant: heat-rate curve, commitment with minimum stable load and ramps, fuel,
// CO2 and costs. Equations, worked numbers and sources are at the top of
// include/stargate/energy/gas_plant.hpp and in docs/storage-and-gas.md.
#include "stargate/energy/gas_plant.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr double kToleranceKw = 1e-6;
// A start commits a unit for at least an hour: its cost is spread over max(min_up_time_h, 1 h).
constexpr double kMinStartSpreadH = 1.0;

// IEEE RTS-GMLC (Barrows et al. 2020), RTS_Data/SourceData/gen.csv, unit 113_CT_1 (55 MW gas CT):
// Output_pct_0..3 and HR_avg_0 with HR_incr_1..3. Only the shape is used (scaled to full load).
constexpr std::array<double, 4> kRtsLoadFraction{0.4, 0.6, 0.8, 1.0};
constexpr double kRtsFirstHeatRateBtuPerKwh = 13'125.0;
constexpr std::array<double, 3> kRtsIncrementalBtuPerKwh{6'899.0, 7'602.0, 7'797.0};

void require(bool ok, const std::string& field, const char* expected) {
  if (!ok) {
    throw std::invalid_argument("gas plant " + field + ": expected " + expected);
  }
}

bool finite_at_least(double value, double low) {
  return std::isfinite(value) && value >= low;
}

}  // namespace

std::vector<HeatRatePoint> aeroderivative_heat_rate_curve(double full_load_btu_per_kwh) {
  // Fuel per kW of capacity: F_0 = L_0 HR_0, F_k+1 = F_k + (L_k+1 - L_k) IHR_k; HR_k = F_k / L_k.
  // 0.4 * 13,125 = 5,250; + 0.2 * 6,899 = 6,629.8 -> 11,049.7 at 60 %; + 0.2 * 7,602 = 8,150.2
  // -> 10,187.8 at 80 %; + 0.2 * 7,797 = 9,709.6 at 100 %. Scaled by 9,300 / 9,709.6.
  std::array<double, kRtsLoadFraction.size()> heat_rate{};
  double fuel = kRtsLoadFraction[0] * kRtsFirstHeatRateBtuPerKwh;
  heat_rate[0] = kRtsFirstHeatRateBtuPerKwh;
  for (std::size_t k = 0; k + 1 < kRtsLoadFraction.size(); ++k) {
    fuel += (kRtsLoadFraction[k + 1] - kRtsLoadFraction[k]) * kRtsIncrementalBtuPerKwh[k];
    heat_rate[k + 1] = fuel / kRtsLoadFraction[k + 1];
  }
  const double scale = full_load_btu_per_kwh / heat_rate.back();
  std::vector<HeatRatePoint> curve;
  curve.reserve(heat_rate.size());
  for (std::size_t k = 0; k < heat_rate.size(); ++k) {
    curve.push_back({kRtsLoadFraction[k], heat_rate[k] * scale});
  }
  return curve;
}

void validate_gas_plant_params(const GasPlantParams& p) {
  require(p.units >= 1, "units", "at least 1");
  require(std::isfinite(p.unit_capacity_kw) && p.unit_capacity_kw > 0.0, "unit_capacity_kw",
          "a finite value > 0");
  require(finite_at_least(p.min_stable_fraction, 0.0) && p.min_stable_fraction <= 1.0,
          "min_stable_fraction", "a fraction in [0, 1]");
  require(finite_at_least(p.ramp_kw_per_min, 0.0), "ramp_kw_per_min", "a finite value >= 0");
  require(finite_at_least(p.start_cost_usd, 0.0), "start_cost_usd", "a finite value >= 0");
  require(std::isfinite(p.fuel_price_usd_per_mmbtu), "fuel_price_usd_per_mmbtu", "a finite value");
  require(finite_at_least(p.co2_kg_per_mmbtu, 0.0), "co2_kg_per_mmbtu", "a finite value >= 0");
  require(std::isfinite(p.vom_usd_per_mwh), "vom_usd_per_mwh", "a finite value");
  require(finite_at_least(p.min_up_time_h, 0.0), "min_up_time_h", "a finite value >= 0");
  const std::vector<HeatRatePoint>& curve = p.heat_rate_curve;
  require(!curve.empty(), "heat_rate_curve", "at least one point");
  double previous_load = 0.0;
  double previous_fuel = 0.0;
  for (std::size_t k = 0; k < curve.size(); ++k) {
    const std::string field = "heat_rate_curve[" + std::to_string(k) + "]";
    require(std::isfinite(curve[k].load_fraction) && curve[k].load_fraction > previous_load &&
                curve[k].load_fraction <= 1.0,
            field + ".load_fraction", "a load in (0, 1], increasing along the curve");
    require(std::isfinite(curve[k].heat_rate_btu_per_kwh) && curve[k].heat_rate_btu_per_kwh > 0.0,
            field + ".heat_rate_btu_per_kwh", "a finite value > 0");
    const double fuel = curve[k].load_fraction * curve[k].heat_rate_btu_per_kwh;
    require(k == 0 || fuel >= previous_fuel, field,
            "a fuel input (load x heat rate) no lower than at the previous point");
    previous_load = curve[k].load_fraction;
    previous_fuel = fuel;
  }
  require(curve.back().load_fraction == 1.0, "heat_rate_curve", "a last point at load 1");
}

GasPlant::GasPlant(GasPlantParams params, GasPlantState initial)
    : params_(std::move(params)), state_(initial) {
  validate_gas_plant_params(params_);
  const double unit_kw = params_.unit_capacity_kw;
  const double min_kw = params_.min_stable_fraction * unit_kw;
  const bool consistent =
      state_.units_on >= 0 && state_.units_on <= params_.units && std::isfinite(state_.output_kw) &&
      std::isfinite(state_.hours_since_start) && state_.hours_since_start >= 0.0 &&
      (state_.units_on == 0 ? state_.output_kw == 0.0
                            : state_.output_kw >= state_.units_on * min_kw - kToleranceKw &&
                                  state_.output_kw <= state_.units_on * unit_kw + kToleranceKw);
  if (!consistent) {
    throw std::invalid_argument(
        "gas plant initial state: expected 0..units units on, each between minimum stable load "
        "and capacity, and hours_since_start >= 0");
  }
  // A single point (at full load) means a constant heat rate: the fuel line through the origin.
  if (params_.heat_rate_curve.size() == 1) {
    load_fraction_.push_back(0.0);
    fuel_btu_per_h_.push_back(0.0);
  }
  for (const HeatRatePoint& point : params_.heat_rate_curve) {
    load_fraction_.push_back(point.load_fraction);
    fuel_btu_per_h_.push_back(point.load_fraction * unit_kw * point.heat_rate_btu_per_kwh);
  }
  for (std::size_t k = 0; k + 1 < load_fraction_.size(); ++k) {
    incremental_btu_per_kwh_.push_back((fuel_btu_per_h_[k + 1] - fuel_btu_per_h_[k]) /
                                       ((load_fraction_[k + 1] - load_fraction_[k]) * unit_kw));
  }
}

std::size_t GasPlant::segment(double load_fraction) const {
  std::size_t k = 0;
  while (k + 2 < load_fraction_.size() && load_fraction >= load_fraction_[k + 1]) {
    ++k;
  }
  return k;
}

double GasPlant::unit_fuel_btu_per_h(double load_fraction) const {
  const std::size_t k = segment(load_fraction);
  return std::max(0.0, fuel_btu_per_h_[k] + incremental_btu_per_kwh_[k] *
                                                (load_fraction - load_fraction_[k]) *
                                                params_.unit_capacity_kw);
}

double GasPlant::heat_rate_btu_per_kwh(double load_fraction) const {
  assert(load_fraction > 0.0);
  return unit_fuel_btu_per_h(load_fraction) / (load_fraction * params_.unit_capacity_kw);
}

double GasPlant::incremental_heat_rate_btu_per_kwh(double load_fraction) const {
  return incremental_btu_per_kwh_[segment(load_fraction)];
}

double GasPlant::fuel_mmbtu_per_h(double output_kw, int units_on) const {
  if (units_on <= 0 || output_kw <= 0.0) {
    return 0.0;
  }
  const double load_fraction = output_kw / (units_on * params_.unit_capacity_kw);
  return units_on * unit_fuel_btu_per_h(load_fraction) / kBtuPerMmbtu;
}

double GasPlant::capacity_kw() const {
  return params_.capacity_kw();
}

double GasPlant::max_output_kw(double step_h) const {
  assert(step_h > 0.0);
  const double unit_kw = params_.unit_capacity_kw;
  const double min_kw = params_.min_stable_fraction * unit_kw;
  const double ramp_kw = params_.ramp_kw_per_min * step_h * kMinutesPerHour;
  const int on = state_.units_on;
  const double per_unit_kw = on > 0 ? state_.output_kw / on : 0.0;
  return on * std::min(unit_kw, per_unit_kw + ramp_kw) +
         (params_.units - on) * std::min(unit_kw, std::max(min_kw, ramp_kw));
}

GasStep GasPlant::dispatch(double request_kw, double step_h) {
  return dispatch(request_kw, step_h, params_.fuel_price_usd_per_mmbtu);
}

GasStep GasPlant::dispatch(double request_kw, double step_h, double fuel_price_usd_per_mmbtu) {
  assert(step_h > 0.0 && std::isfinite(request_kw));
  const double request = std::max(0.0, request_kw);
  const double unit_kw = params_.unit_capacity_kw;
  const double min_kw = params_.min_stable_fraction * unit_kw;
  const double ramp_kw = params_.ramp_kw_per_min * step_h * kMinutesPerHour;
  const int on_before = state_.units_on;
  const double per_unit_kw = on_before > 0 ? state_.output_kw / on_before : 0.0;
  // Windows of one unit: staying on, starting, and whether units may stop this step.
  const double keep_low_kw = std::max(min_kw, per_unit_kw - ramp_kw);
  const double keep_high_kw = std::max(keep_low_kw, std::min(unit_kw, per_unit_kw + ramp_kw));
  const double start_high_kw = std::min(unit_kw, std::max(min_kw, ramp_kw));
  const bool may_stop = per_unit_kw <= std::max(min_kw, ramp_kw) + kToleranceKw &&
                        state_.hours_since_start >= params_.min_up_time_h;
  const bool over = params_.allow_overproduction;
  // Both ends of the window grow with n, so the output o(n) = clamp(R, low, high) never falls as
  // n rises: scan upwards and stop once the request is met or passed. Without overproduction the
  // best is the largest o <= R (first n reaching it); if even the first feasible n exceeds R, that
  // smallest excess. With overproduction the best is the first o >= R; failing that, the largest o.
  int best_units = -1;
  double best_output_kw = 0.0;
  // Fewer than floor(R / C) units cannot reach R and each unit adds capacity, so they are worse
  // than floor(R / C) units: the scan starts there.
  const int full_units =
      static_cast<int>(std::min(static_cast<double>(params_.units), std::floor(request / unit_kw)));
  for (int n = std::max(may_stop ? 0 : on_before, full_units); n <= params_.units; ++n) {
    double low_kw = 0.0;
    double high_kw = 0.0;
    if (n >= on_before) {
      low_kw = on_before * keep_low_kw + (n - on_before) * min_kw;
      high_kw = on_before * keep_high_kw + (n - on_before) * start_high_kw;
    } else {
      low_kw = n * keep_low_kw;
      high_kw = n * keep_high_kw;
    }
    const double output_kw = std::clamp(request, low_kw, std::max(low_kw, high_kw));
    if (output_kw > request + kToleranceKw) {  // past the request
      if (over || best_units < 0) {
        best_units = n;
        best_output_kw = output_kw;
      }
      break;
    }
    if (best_units < 0 || output_kw > best_output_kw + kToleranceKw) {
      best_units = n;
      best_output_kw = output_kw;
    }
    if (output_kw >= request - kToleranceKw) {  // request met: more units cannot do better
      break;
    }
  }
  assert(best_units >= 0);  // n = on_before is always scanned

  GasStep result;
  result.output_kw = best_output_kw;
  result.units_on = best_units;
  result.starts = std::max(0, best_units - on_before);
  result.fuel_mmbtu = fuel_mmbtu_per_h(best_output_kw, best_units) * step_h;
  result.co2_kg = result.fuel_mmbtu * params_.co2_kg_per_mmbtu;
  result.fuel_cost_usd = result.fuel_mmbtu * fuel_price_usd_per_mmbtu;
  result.vom_usd = best_output_kw * step_h / kKwhPerMwh * params_.vom_usd_per_mwh;
  result.start_cost_usd = result.starts * params_.start_cost_usd;
  result.shortfall_kw = std::max(0.0, request - best_output_kw);
  result.surplus_kw = std::max(0.0, best_output_kw - request);

  state_.units_on = best_units;
  state_.output_kw = best_output_kw;
  state_.hours_since_start = result.starts > 0 ? step_h : state_.hours_since_start + step_h;
  return result;
}

double GasPlant::marginal_cost_usd_per_mwh(double output_kw, double fuel_price_usd_per_mmbtu,
                                           double carbon_price_usd_per_t) const {
  const double unit_kw = params_.unit_capacity_kw;
  const double plant_kw = std::clamp(output_kw, 0.0, capacity_kw());
  double load_fraction = params_.min_stable_fraction;
  if (plant_kw > 0.0) {
    const int units_on = std::clamp(
        static_cast<int>(std::ceil((plant_kw - kToleranceKw) / unit_kw)), 1, params_.units);
    load_fraction = std::max(params_.min_stable_fraction, plant_kw / (units_on * unit_kw));
  }
  const double fuel_and_carbon_usd_per_mmbtu =
      fuel_price_usd_per_mmbtu + params_.co2_kg_per_mmbtu * carbon_price_usd_per_t / kKgPerTonne;
  return incremental_heat_rate_btu_per_kwh(load_fraction) * fuel_and_carbon_usd_per_mmbtu *
             kKwhPerMwh / kBtuPerMmbtu +
         params_.vom_usd_per_mwh;
}

double GasPlant::full_cost_usd_per_mwh(double request_kw, double fuel_price_usd_per_mmbtu,
                                       double carbon_price_usd_per_t, double run_h) const {
  return serving_cost_usd_per_mwh(request_kw, state_.units_on, fuel_price_usd_per_mmbtu,
                                  carbon_price_usd_per_t, run_h);
}

double GasPlant::warm_full_load_cost_usd_per_mwh(double fuel_price_usd_per_mmbtu,
                                                 double carbon_price_usd_per_t) const {
  return serving_cost_usd_per_mwh(capacity_kw(), params_.units, fuel_price_usd_per_mmbtu,
                                  carbon_price_usd_per_t, 0.0);
}

double GasPlant::serving_cost_usd_per_mwh(double request_kw, int units_on_before,
                                          double fuel_price_usd_per_mmbtu,
                                          double carbon_price_usd_per_t, double run_h) const {
  const double unit_kw = params_.unit_capacity_kw;
  const double target_kw = std::clamp(request_kw, 0.0, capacity_kw());
  const int units_on = std::clamp(static_cast<int>(std::ceil((target_kw - kToleranceKw) / unit_kw)),
                                  1, params_.units);
  const double output_kw = std::max(target_kw, units_on * unit_kw * params_.min_stable_fraction);
  const double fuel_and_carbon_usd_per_mmbtu =
      fuel_price_usd_per_mmbtu + params_.co2_kg_per_mmbtu * carbon_price_usd_per_t / kKgPerTonne;
  const int starts = std::max(0, units_on - units_on_before);
  const double usd_per_h =
      fuel_mmbtu_per_h(output_kw, units_on) * fuel_and_carbon_usd_per_mmbtu +
      output_kw / kKwhPerMwh * params_.vom_usd_per_mwh +
      starts * params_.start_cost_usd / std::max({run_h, params_.min_up_time_h, kMinStartSpreadH});
  return usd_per_h / (output_kw / kKwhPerMwh);
}

}  // namespace stargate
