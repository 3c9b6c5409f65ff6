// Internal: the Park/Jensen wake model of the wind farm (see wind_wake.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "stargate/core/wind_resource.hpp"
#include "stargate/energy/wind_farm.hpp"

namespace stargate::wind {

/// Area where two circles overlap, m2 (radii r1, r2, centres `distance_m` apart).
[[nodiscard]] double circle_overlap_area_m2(double distance_m, double r1_m, double r2_m);

/// Thrust coefficient from the power coefficient by one-dimensional momentum theory:
/// Cp = 4a(1-a)^2, Ct = 4a(1-a), axial induction a in [0, 1/3]. Cp is clamped to [0, 16/27].
[[nodiscard]] double thrust_coefficient(double power_coefficient);

/// Fractional speed deficit at a rotor of radius `rotor_radius_m` whose centre lies
/// `downwind_m` behind and `crosswind_m` beside an upwind rotor of the same radius with thrust
/// coefficient `ct` (Jensen 1983; Katic et al. 1986). 0 when downwind_m <= 0.
[[nodiscard]] double jensen_deficit(double ct, double rotor_radius_m, double downwind_m,
                                    double crosswind_m, double wake_decay);

/// Turbine positions of a grid layout (east, north, m), first `turbines` slots row by row.
struct TurbinePositions {
  std::vector<double> east_m;
  std::vector<double> north_m;
};
[[nodiscard]] TurbinePositions grid_positions(const WindFarmLayout& layout, int turbines,
                                              double rotor_diameter_m);

/// Farm power with wakes for one row; scratch vectors are reused between calls (no allocation
/// after the first call).
class WakeFarm {
 public:
  WakeFarm(const WindFarmParams& params, TurbinePositions positions);

  /// Sum of turbine powers, kW, for free-stream `speed_m_s` from `direction_deg` at `rho`.
  [[nodiscard]] double farm_power_kw(double speed_m_s, double direction_deg,
                                     double air_density_kg_m3);

 private:
  const WindFarmParams& params_;
  TurbinePositions positions_;
  double rotor_radius_m_;
  double rotor_area_m2_;
  std::vector<double> downwind_m_;
  std::vector<double> crosswind_m_;
  std::vector<double> ct_;
  std::vector<std::size_t> order_;
};

}  // namespace stargate::wind
