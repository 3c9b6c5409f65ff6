// Wind farm time series: hub-height resource -> density -> curve -> wakes -> losses.
//
// Equations per row t (details, worked numbers and sources in wind_physics.cpp, wind_wake.cpp):
//   v_hub(t)  linear between bracketing heights, else v_near (h_hub / h_near)^alpha
//   rho(t)  = p(t) / (R_d T(t))                    (hub-height p and T as v_hub)
//   P1(t)   = curve(v_hub (rho / rho_ref)^(1/3))   (IEC 61400-12-1; kNone: curve(v_hub))
//   Pfarm   = N P1, or sum_i curve(u_i) with Jensen/Katic wake speeds u_i
//   P(t)    = Pfarm x availability x (1 - losses)
//   E       = sum_t P(t) dt,  CF = E / (N P_rated sum_t dt)
// Worked number (NREL ssc windpower reference, Texas 2012 SRW file, hub 80 m, one 1.5 MW
// turbine, no losses): row 0 has 12.29 m/s, 4.7 C, 0.88 atm -> rho 1.1180 -> 1436.84 kW, and the
// year gives 6,095,522 kWh (CF 46.39 %), matched within 0.001 % (tests/validation).
// Assumptions: no temperature or pressure in the resource -> standard atmosphere at site
// elevation (0 m when unknown) + hub height, with a warning; missing direction -> no wake
// (warning).
#include "stargate/energy/wind_farm.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "stargate/core/units.hpp"

#include "energy/wind_physics.hpp"
#include "energy/wind_wake.hpp"

namespace stargate {
namespace {

constexpr double kMaxFittedShear = 1.0;

void check_params(const WindFarmParams& params) {
  params.curve.validate();
  if (!(params.hub_height_m > 0.0) || !std::isfinite(params.hub_height_m)) {
    throw std::invalid_argument(
        fmt::format("hub height must be above 0 m, got {}", params.hub_height_m));
  }
  if (params.turbines < 1) {
    throw std::invalid_argument(fmt::format("turbines must be >= 1, got {}", params.turbines));
  }
  if (!(params.availability >= 0.0 && params.availability <= 1.0)) {
    throw std::invalid_argument(
        fmt::format("availability must be within 0..1, got {}", params.availability));
  }
  if (!(params.losses_fraction >= 0.0 && params.losses_fraction <= 1.0)) {
    throw std::invalid_argument(
        fmt::format("losses must be within 0..1, got {}", params.losses_fraction));
  }
  if (!std::isfinite(params.shear_exponent) || std::abs(params.shear_exponent) > 1.0) {
    throw std::invalid_argument(
        fmt::format("shear exponent must be within -1..1, got {}", params.shear_exponent));
  }
  if (!(params.reference_density_kg_m3 > 0.0)) {
    throw std::invalid_argument("reference air density must be above 0");
  }
  if (params.wake) {
    const WindFarmLayout& layout = params.layout;
    if (!(params.curve.rotor_diameter_m > 0.0)) {
      throw std::invalid_argument("the wake model needs the rotor diameter of the turbine");
    }
    if (layout.rows < 1 || layout.columns < 1 ||
        static_cast<long>(layout.rows) * layout.columns < params.turbines) {
      throw std::invalid_argument(fmt::format("layout {} x {} cannot hold {} turbines", layout.rows,
                                              layout.columns, params.turbines));
    }
    if (!(layout.row_spacing_rotor_d > 0.0) || !(layout.column_spacing_rotor_d > 0.0)) {
      throw std::invalid_argument("layout spacings must be above 0 rotor diameters");
    }
    if (!(params.wake_decay > 0.0) || params.wake_decay > 1.0) {
      throw std::invalid_argument(
          fmt::format("wake decay constant must be within 0..1, got {}", params.wake_decay));
    }
  }
}

/// A field's value at the hub for one row.
double at_hub(const WindResource& resource, const wind::HeightSource& source, WindField field,
              std::size_t row) {
  const double near = resource.heights[static_cast<std::size_t>(source.near)].column(field)[row];
  if (!source.interpolates()) {
    return near;
  }
  const double far = resource.heights[static_cast<std::size_t>(source.far)].column(field)[row];
  return near + source.weight_far * (far - near);
}

}  // namespace

double turbine_power_kw(const PowerCurve& curve, double speed_m_s, double air_density_kg_m3,
                        DensityCorrection correction, double reference_density_kg_m3) {
  double speed = speed_m_s;
  if (correction == DensityCorrection::kIec61400) {
    speed *= std::cbrt(air_density_kg_m3 / reference_density_kg_m3);
  }
  return wind::curve_power_kw(curve, speed);
}

WindFarmOutput simulate_wind_farm(const WindFarmParams& params, const WindResource& resource) {
  check_params(params);
  const std::size_t rows = resource.size();
  const double hub_m = params.hub_height_m;
  const wind::HeightSource speed_src = wind::locate_height(resource, WindField::kSpeed, hub_m);
  if (!speed_src.found()) {
    throw std::invalid_argument(fmt::format("{}: the resource has no wind speed", resource.source));
  }
  for (const auto& entry : resource.heights) {
    for (const WindField field : {WindField::kTemperature, WindField::kPressure, WindField::kSpeed,
                                  WindField::kDirection}) {
      if (entry.has(field) && entry.column(field).size() != rows) {
        throw std::invalid_argument(fmt::format("{}: {} at {} m has {} rows, the resource {}",
                                                resource.source, wind_field_name(field),
                                                entry.height_m, entry.column(field).size(), rows));
      }
    }
  }
  const wind::HeightSource temp_src = wind::locate_height(resource, WindField::kTemperature, hub_m);
  const wind::HeightSource pres_src = wind::locate_height(resource, WindField::kPressure, hub_m);
  const wind::HeightSource dir_src = wind::locate_height(resource, WindField::kDirection, hub_m);

  WindFarmOutput out;
  const double near_h = resource.heights[static_cast<std::size_t>(speed_src.near)].height_m;
  const bool extrapolate = !speed_src.interpolates() && near_h != hub_m;
  const int partner = extrapolate && params.shear_model == WindShearModel::kFromHeights
                          ? wind::shear_partner(resource, speed_src.near)
                          : -1;
  if (extrapolate && params.shear_model == WindShearModel::kFromHeights && partner < 0) {
    out.warnings.push_back(
        fmt::format("one measured speed height: shear exponent {} used from {} m to the {} m hub",
                    params.shear_exponent, near_h, hub_m));
  }
  const double fixed_shear_factor = std::pow(hub_m / near_h, params.shear_exponent);
  const double elevation_m =
      std::isfinite(resource.site.elevation_m) ? resource.site.elevation_m : 0.0;
  const double standard_temp_c = wind::standard_temperature_c(elevation_m + hub_m);
  const double standard_pres_atm = wind::standard_pressure_atm(elevation_m + hub_m);
  if (params.density_correction == DensityCorrection::kIec61400 &&
      (!temp_src.found() || !pres_src.found())) {
    out.warnings.push_back(
        fmt::format("no {} in the resource: standard atmosphere at {} m used for air density",
                    !temp_src.found() ? "temperature" : "pressure", elevation_m + hub_m));
  }
  const bool wake = params.wake && params.turbines > 1;
  if (wake && !dir_src.found()) {
    throw std::invalid_argument(fmt::format(
        "{}: the wake model needs wind direction, the resource has none", resource.source));
  }

  out.hub_speed_m_s.resize(rows);
  out.hub_direction_deg.assign(rows, std::numeric_limits<double>::quiet_NaN());
  out.air_density_kg_m3.resize(rows);
  out.power_kw.resize(rows);

  std::optional<wind::WakeFarm> wake_farm;
  if (wake) {
    wake_farm.emplace(params, wind::grid_positions(params.layout, params.turbines,
                                                   params.curve.rotor_diameter_m));
  }
  const double turbines = static_cast<double>(params.turbines);
  const double loss_factor = params.availability * (1.0 - params.losses_fraction);
  const double interval_h = static_cast<double>(resource.interval_s) / kSecondsPerHour;
  const auto& near_speed = resource.heights[static_cast<std::size_t>(speed_src.near)].speed_m_s;
  const std::vector<double>* partner_speed =
      partner >= 0 ? &resource.heights[static_cast<std::size_t>(partner)].speed_m_s : nullptr;
  const double partner_h =
      partner >= 0 ? resource.heights[static_cast<std::size_t>(partner)].height_m : 0.0;
  double gross_kwh = 0.0;
  double free_kwh = 0.0;  // no-wake output before losses
  double energy_kwh = 0.0;
  for (std::size_t t = 0; t < rows; ++t) {
    double v = 0.0;
    if (!extrapolate) {
      v = at_hub(resource, speed_src, WindField::kSpeed, t);
    } else if (partner_speed != nullptr) {
      double alpha = wind::shear_exponent(near_speed[t], near_h, (*partner_speed)[t], partner_h);
      if (!std::isfinite(alpha) || std::abs(alpha) > kMaxFittedShear) {
        alpha = params.shear_exponent;
      }
      v = wind::power_law_speed_m_s(near_speed[t], near_h, hub_m, alpha);
    } else {
      v = near_speed[t] * fixed_shear_factor;
    }
    const double temp_c =
        temp_src.found() ? at_hub(resource, temp_src, WindField::kTemperature, t) : standard_temp_c;
    const double pres_atm =
        pres_src.found() ? at_hub(resource, pres_src, WindField::kPressure, t) : standard_pres_atm;
    const double rho = wind::air_density_kg_m3(pres_atm, temp_c);
    out.hub_speed_m_s[t] = v;
    out.air_density_kg_m3[t] = rho;
    const double single_kw = turbine_power_kw(params.curve, v, rho, params.density_correction,
                                              params.reference_density_kg_m3);
    double farm_kw = turbines * single_kw;
    gross_kwh += farm_kw * interval_h;
    if (dir_src.found()) {
      const auto& near_dir = resource.heights[static_cast<std::size_t>(dir_src.near)].direction_deg;
      double d = near_dir[t];
      if (dir_src.interpolates()) {
        const auto& far_dir = resource.heights[static_cast<std::size_t>(dir_src.far)].direction_deg;
        d = wind::interpolate_direction_deg(d, far_dir[t], dir_src.weight_far);
      }
      out.hub_direction_deg[t] = d;
    }
    if (wake_farm && single_kw > 0.0) {
      farm_kw = wake_farm->farm_power_kw(v, out.hub_direction_deg[t], rho);
    }
    free_kwh += turbines * single_kw * interval_h;
    out.power_kw[t] = farm_kw * loss_factor;
    energy_kwh += out.power_kw[t] * interval_h;
  }
  out.gross_energy_kwh = gross_kwh;
  out.annual_energy_kwh = energy_kwh;
  const double after_wake_kwh = loss_factor > 0.0 ? energy_kwh / loss_factor : 0.0;
  out.wake_loss_fraction = free_kwh > 0.0 && wake ? 1.0 - after_wake_kwh / free_kwh : 0.0;
  const double hours = static_cast<double>(rows) * interval_h;
  out.capacity_factor = energy_kwh / (turbines * params.curve.rated_kw * hours);
  return out;
}

}  // namespace stargate
