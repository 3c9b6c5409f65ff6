// Park/Jensen wake model.
//
// Jensen (1983), "A note on wind generator interaction", Risø-M-2411: behind a rotor of radius
// r0 the wake is a top-hat whose radius grows linearly, r_w(x) = r0 + k x, with wake decay
// constant k (0.075 onshore, 0.04-0.05 offshore; Barthelmie et al. 2006, J. Atmos. Oceanic
// Technol. 23). Katic, Højstrup and Jensen (1986), "A simple model for cluster efficiency",
// EWEC'86, express the deficit with the thrust coefficient and the overlap of wake and rotor:
//   delta = (1 - sqrt(1 - Ct)) (r0 / (r0 + k x))^2 A_overlap / A_rotor
// and combine several wakes as the root sum of squares, u_i = U (1 - sqrt(sum_j delta_ij^2)).
// Ct is not on a power curve; it follows from the power coefficient by one-dimensional momentum
// theory (Betz; e.g. Burton et al., Wind Energy Handbook, 2nd ed. 2011, section 3.2):
//   Cp = P / (1/2 rho A u^3) = 4a(1-a)^2,  Ct = 4a(1-a),  a <= 1/3.
// Worked number: one turbine 7 D (14 r0) straight behind another with Ct = 8/9 (a = 1/3), k =
// 0.075: r_w = r0 (1 + 0.075 x 14) = 2.05 r0, delta = (1 - 1/3) / 2.05^2 = 0.15864, so 8 m/s
// becomes 6.731 m/s at the second rotor.
// Assumptions: identical turbines at one hub height; wind direction from the resource at hub
// height; turbines at equal downwind distance do not shade each other; a turbine's own Ct is
// taken at its waked speed.
#include "energy/wind_wake.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>

#include "stargate/core/units.hpp"

#include "energy/wind_physics.hpp"

namespace stargate::wind {
namespace {

constexpr double kBetzPowerCoefficient = 16.0 / 27.0;
constexpr double kMaxInduction = 1.0 / 3.0;
constexpr int kBisectionSteps = 40;

}  // namespace

double circle_overlap_area_m2(double distance_m, double r1_m, double r2_m) {
  // Weisstein, "Circle-Circle Intersection", MathWorld, eq. 14.
  const double d = distance_m;
  if (d >= r1_m + r2_m) {
    return 0.0;
  }
  const double small = std::min(r1_m, r2_m);
  if (d <= std::abs(r1_m - r2_m)) {
    return std::numbers::pi * small * small;
  }
  const double a1 =
      std::acos(std::clamp((d * d + r1_m * r1_m - r2_m * r2_m) / (2.0 * d * r1_m), -1.0, 1.0));
  const double a2 =
      std::acos(std::clamp((d * d + r2_m * r2_m - r1_m * r1_m) / (2.0 * d * r2_m), -1.0, 1.0));
  const double k = (-d + r1_m + r2_m) * (d + r1_m - r2_m) * (d - r1_m + r2_m) * (d + r1_m + r2_m);
  return r1_m * r1_m * a1 + r2_m * r2_m * a2 - 0.5 * std::sqrt(std::max(0.0, k));
}

double thrust_coefficient(double power_coefficient) {
  const double cp = std::clamp(power_coefficient, 0.0, kBetzPowerCoefficient);
  if (cp <= 0.0) {
    return 0.0;
  }
  // 4a(1-a)^2 increases on [0, 1/3]: bisection.
  double lo = 0.0;
  double hi = kMaxInduction;
  for (int i = 0; i < kBisectionSteps; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (4.0 * mid * (1.0 - mid) * (1.0 - mid) < cp) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const double a = 0.5 * (lo + hi);
  return 4.0 * a * (1.0 - a);
}

double jensen_deficit(double ct, double rotor_radius_m, double downwind_m, double crosswind_m,
                      double wake_decay) {
  if (downwind_m <= 0.0 || ct <= 0.0) {
    return 0.0;
  }
  const double wake_radius_m = rotor_radius_m + wake_decay * downwind_m;
  const double overlap_m2 = circle_overlap_area_m2(crosswind_m, rotor_radius_m, wake_radius_m);
  if (overlap_m2 <= 0.0) {
    return 0.0;
  }
  const double expansion = rotor_radius_m / wake_radius_m;
  const double rotor_area_m2 = std::numbers::pi * rotor_radius_m * rotor_radius_m;
  return (1.0 - std::sqrt(1.0 - std::min(ct, 1.0))) * expansion * expansion * overlap_m2 /
         rotor_area_m2;
}

TurbinePositions grid_positions(const WindFarmLayout& layout, int turbines,
                                double rotor_diameter_m) {
  TurbinePositions positions;
  for (int i = 0; i < turbines; ++i) {
    const int row = i / layout.columns;
    const int column = i % layout.columns;
    positions.east_m.push_back(column * layout.column_spacing_rotor_d * rotor_diameter_m);
    positions.north_m.push_back(row * layout.row_spacing_rotor_d * rotor_diameter_m);
  }
  return positions;
}

WakeFarm::WakeFarm(const WindFarmParams& params, TurbinePositions positions)
    : params_(params),
      positions_(std::move(positions)),
      rotor_radius_m_(0.5 * params.curve.rotor_diameter_m),
      rotor_area_m2_(std::numbers::pi * rotor_radius_m_ * rotor_radius_m_) {
  const std::size_t n = positions_.east_m.size();
  downwind_m_.resize(n);
  crosswind_m_.resize(n);
  ct_.resize(n);
  order_.resize(n);
}

double WakeFarm::farm_power_kw(double speed_m_s, double direction_deg, double air_density_kg_m3) {
  const std::size_t n = order_.size();
  // The wind comes from direction_deg (clockwise from north) and blows towards +180 deg.
  const double sin_d = std::sin(direction_deg * kDegToRad);
  const double cos_d = std::cos(direction_deg * kDegToRad);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = positions_.east_m[i];
    const double y = positions_.north_m[i];
    downwind_m_[i] = -(x * sin_d + y * cos_d);
    crosswind_m_[i] = x * cos_d - y * sin_d;
  }
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::sort(order_.begin(), order_.end(),
            [this](std::size_t a, std::size_t b) { return downwind_m_[a] < downwind_m_[b]; });
  double total_kw = 0.0;
  for (std::size_t rank = 0; rank < n; ++rank) {
    const std::size_t i = order_[rank];
    double sum_sq = 0.0;
    for (std::size_t up = 0; up < rank; ++up) {
      const std::size_t j = order_[up];
      const double deficit =
          jensen_deficit(ct_[j], rotor_radius_m_, downwind_m_[i] - downwind_m_[j],
                         std::abs(crosswind_m_[i] - crosswind_m_[j]), params_.wake_decay);
      sum_sq += deficit * deficit;
    }
    const double u = speed_m_s * std::max(0.0, 1.0 - std::sqrt(sum_sq));
    const double p_kw =
        turbine_power_kw(params_.curve, u, air_density_kg_m3, params_.density_correction,
                         params_.reference_density_kg_m3);
    double ct = 0.0;
    if (p_kw > 0.0 && u > 0.0) {
      const double cp = p_kw * kWPerKw / (0.5 * air_density_kg_m3 * rotor_area_m2_ * u * u * u);
      ct = thrust_coefficient(cp);
    }
    ct_[i] = ct;
    total_kw += p_kw;
  }
  return total_kw;
}

}  // namespace stargate::wind
