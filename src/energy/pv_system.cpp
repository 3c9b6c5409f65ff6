// The PVWatts v8 chain over a weather series (see include/stargate/energy/pv_system.hpp and
// docs/solar.md).
//
// Per row with the sun up (src/energy/pv_sun.hpp):
//   1. surface orientation and angle of incidence (stargate/weather/tracking.hpp);
//   2. POA beam, sky and ground diffuse (stargate/weather/irradiance.hpp); a row whose beam on the
//      horizontal exceeds the extraterrestrial irradiance (Gon cos Z) is treated as bad data and
//      gets no irradiance, as PVWatts does;
//   3. self-shading of open-rack fixed rows and single-axis trackers: beam times (1 - shaded
//      fraction) (fixed rows and trackers without backtracking), sky and ground diffuse times
//      their view-factor derates (all three), when the diffuse POA is at least 0.1 W/m2
//      (stargate/weather/self_shading.hpp, layout in src/energy/pv_layout.hpp);
//   4. absorbed irradiance S = transmitted (cover) x spectral modifier (src/energy/pv_optics.hpp;
//      zenith capped at 86 deg for the air mass);
//   5. cell temperature (src/energy/pv_thermal.hpp): NOCT model (v8) or Fuentes (v5), NOCT 49 C
//      for roof mounts and 45 C otherwise;
//   6. DC power (src/energy/pv_module.hpp): CEC single diode of the module type scaled to the
//      nameplate (v8), or P_dc0 (S / 1000) (1 + gamma (T_c - 25)) (v5); times (1 - losses);
//   7. inverter (src/energy/pv_inverter.hpp): Sandia model (v8) or the v5 part-load curve, with
//      clipping at the AC rating.
// Rows with the sun down give zero, with the cell at air temperature. The reported tpoa is the
// cover-transmitted POA for 0.5 < aoi < 89.5 deg and 0 otherwise, as PVWatts reports it.
//
// Worked number (v5 path, a standard 100,000 kWdc array, losses 14.08 %): poa 800 W/m2,
// transmitted 792, f_AM 1.0, T_cell 45 C -> P_dc = 100,000 * 0.792 * (1 - 0.0037 * 20) * 0.8592
// = 63,013 kW; the v5 inverter (76,923 kWac, 96 %) at x = 63,013 / 80,128 = 0.786 converts at
// 0.96185 -> 60,609 kW AC.
#include "stargate/energy/pv_system.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "energy/pv_inverter.hpp"
#include "energy/pv_layout.hpp"
#include "energy/pv_module.hpp"
#include "energy/pv_optics.hpp"
#include "energy/pv_sun.hpp"
#include "energy/pv_thermal.hpp"
#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/weather/irradiance.hpp"
#include "stargate/weather/self_shading.hpp"
#include "stargate/weather/tracking.hpp"

namespace stargate {
namespace {

constexpr double kModuleHeightM = 5.0;
constexpr double kNoctOpenRackC = 45.0;
constexpr double kNoctRoofC = 49.0;
constexpr double kMinCoverAoiDeg = 0.5;  // the cover model is used for 0.5 < aoi < 89.5 deg
constexpr double kMaxCoverAoiDeg = 89.5;
constexpr double kMinDiffuseForDerateW_m2 = 0.1;
constexpr double kDerateTolerance = 1e-5;
constexpr double kStcIrradianceW_m2 = 1000.0;
constexpr double kMaxAirMassZenithDeg = 86.0;  // the spectral modifier's zenith cap
constexpr double kStcCellC = 25.0;
constexpr std::array<int, 12> kDaysBeforeMonth = {0,   31,  59,  90,  120, 151,
                                                  181, 212, 243, 273, 304, 334};

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("simulate_pv: " + message);
}

bool in_range(double value, double low, double high) {
  return std::isfinite(value) && value >= low && value <= high;
}

void validate(const PvSystemParams& p) {
  require(std::isfinite(p.dc_capacity_kw) && p.dc_capacity_kw > 0.0,
          "dc_capacity_kw must be positive, got " + std::to_string(p.dc_capacity_kw));
  require(std::isfinite(p.dc_ac_ratio) && p.dc_ac_ratio > 0.0,
          "dc_ac_ratio must be positive, got " + std::to_string(p.dc_ac_ratio));
  require(in_range(p.tilt_deg, 0.0, 90.0),
          "tilt_deg must be 0..90, got " + std::to_string(p.tilt_deg));
  require(in_range(p.azimuth_deg, 0.0, 360.0),
          "azimuth_deg must be 0..360, got " + std::to_string(p.azimuth_deg));
  require(in_range(p.gcr, 0.01, 0.99), "gcr must be 0.01..0.99, got " + std::to_string(p.gcr));
  require(in_range(p.rotation_limit_deg, 0.0, 90.0),
          "rotation_limit_deg must be 0..90, got " + std::to_string(p.rotation_limit_deg));
  require(in_range(p.losses_fraction, -0.05, 0.99),
          "losses_fraction must be -0.05..0.99, got " + std::to_string(p.losses_fraction));
  require(in_range(p.inverter_efficiency, 0.9, 0.995),
          "inverter_efficiency must be 0.9..0.995, got " + std::to_string(p.inverter_efficiency));
  require(in_range(p.albedo, 0.0, 1.0), "albedo must be 0..1, got " + std::to_string(p.albedo));
}

void validate(const WeatherSeries& w) {
  const std::size_t n = w.size();
  require(w.ghi_w_m2.size() == n && w.dni_w_m2.size() == n && w.dhi_w_m2.size() == n &&
              w.temp_air_c.size() == n && w.wind_speed_m_s.size() == n &&
              w.pressure_mbar.size() == n && w.albedo.size() == n,
          "weather columns must all have one value per row (" + std::to_string(n) + ")");
  require(w.interval_s > 0, "weather interval must be positive");
}

MountGeometry mount_of(const PvSystemParams& p) {
  MountGeometry mount;
  mount.tilt_deg = p.tilt_deg;
  mount.azimuth_deg = p.azimuth_deg;
  mount.rotation_limit_deg = p.rotation_limit_deg;
  mount.gcr = p.gcr;
  switch (p.array_type) {
    case ArrayType::kFixedOpenRack:
    case ArrayType::kFixedRoof: mount.mode = TrackingMode::kFixed; break;
    case ArrayType::kOneAxis: mount.mode = TrackingMode::kSingleAxis; break;
    case ArrayType::kOneAxisBacktracking:
      mount.mode = TrackingMode::kSingleAxis;
      mount.backtracking = true;
      break;
    case ArrayType::kTwoAxis: mount.mode = TrackingMode::kTwoAxis; break;
  }
  return mount;
}

// Day of the year 1..365 on a calendar without 29 February (PVWatts' extraterrestrial check).
int day_of_year(LocalTime time) {
  const CivilTime civil = civil_from_local(time);
  return kDaysBeforeMonth[static_cast<std::size_t>(civil.month - 1)] + civil.day;
}

// What one row absorbs after the cover and the spectrum (step 4).
struct Absorbed {
  double transmitted_w_m2 = 0.0;  ///< through the cover
  bool cover_reported = false;    ///< PVWatts reports tpoa (0.5 < aoi < 89.5 deg)
  double cover_factor = 1.0;
  double spectral_factor = 1.0;
  double absorbed_w_m2 = 0.0;
};

// The chain of one array, set up once and run row by row (steps 1-7 above).
class PvChain {
 public:
  PvChain(const PvSystemParams& params, const WeatherSeries& weather)
      : p_(params),
        w_(weather),
        step_h_(static_cast<double>(weather.interval_s) / kSecondsPerHour),
        module_(pv::module_spec(params.module_type)),
        layout_(pv::estimate_layout(params.dc_capacity_kw, params.array_type, module_)),
        self_shading_(pv::has_self_shading(params.array_type)),
        fixed_rack_(params.array_type == ArrayType::kFixedOpenRack),
        true_tracking_1x_(params.array_type == ArrayType::kOneAxis),
        row_length_to_height_(layout_.end_effect ? layout_.row_length_to_height
                                                 : std::numeric_limits<double>::infinity()),
        orienter_(checked_mount(params)),
        ac_rating_kw_(params.ac_capacity_kw()),
        sandia_(params.inverter_model == PvInverterModel::kSandia),
        sandia_inverter_(ac_rating_kw_, params.inverter_efficiency, params.dc_capacity_kw),
        v5_inverter_(ac_rating_kw_, params.inverter_efficiency),
        cover_(module_.anti_reflective),
        noct_c_(params.array_type == ArrayType::kFixedRoof ? kNoctRoofC : kNoctOpenRackC),
        noct_model_(params.thermal_model == PvThermalModel::kNoct),
        fuentes_(noct_c_, kModuleHeightM, step_h_),
        single_diode_(params.dc_model == PvDcModel::kCecSingleDiode),
        cec_(pv::cec_module(params.module_type)),
        cec_efficiency_(cec_.stc_efficiency()),
        modules_per_kw_(1.0 / (cec_.p_mp_ref_w() / kWPerKw)),
        array_area_m2_(params.dc_capacity_kw / module_.stc_efficiency),  // at 1 kW/m2
        dc_loss_factor_(1.0 - params.losses_fraction),
        pressure_ratio_(pv::pressure_ratio_at(weather.site.elevation_m)) {}

  PvOutput run() {
    const std::size_t n = w_.size();
    // The sun first: the memory of its temporaries is reused by the output columns.
    const pv::SunColumns sun = pv::pvwatts_sun(w_);
    PvOutput out;
    for (auto* column : {&out.sun_zenith_deg, &out.aoi_deg, &out.poa_w_m2, &out.tpoa_w_m2,
                         &out.tcell_c, &out.dc_kw, &out.ac_kw}) {
      column->assign(n, 0.0);
    }
    out.sun_up.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      row(i, sun, out);
    }
    double energy_kwh = 0.0;
    for (const double ac_kw : out.ac_kw) energy_kwh += ac_kw * step_h_;
    out.losses.ac_delivered_kwh = energy_kwh;
    out.annual_ac_kwh = energy_kwh;
    const double hours = static_cast<double>(n) * step_h_;
    out.capacity_factor_ac = hours > 0.0 ? energy_kwh / (ac_rating_kw_ * hours) : 0.0;
    return out;
  }

 private:
  static SurfaceOrienter checked_mount(const PvSystemParams& params) {
    const MountGeometry mount = mount_of(params);
    validate_mount(mount);
    return SurfaceOrienter(mount);
  }

  void row(std::size_t i, const pv::SunColumns& sun, PvOutput& out) {
    const double zenith_deg = sun.zenith_deg[i];
    out.sun_zenith_deg[i] = zenith_deg;
    out.sun_up[i] = static_cast<std::uint8_t>(sun.sun_up[i]);
    if (sun.sun_up[i] == pv::SunUp::kDown) {
      out.tcell_c[i] = w_.temp_air_c[i];
      return;
    }
    const double sun_azimuth_deg = sun.azimuth_deg[i];
    const SurfaceOrientation surface = orienter_.orient(zenith_deg, sun_azimuth_deg);
    if (surface.tilt_deg != cached_tilt_deg_) {  // tilt-only factors: constant for fixed mounts
      cached_tilt_deg_ = surface.tilt_deg;
      diffuse_modifiers_ = cover_.diffuse_modifiers(surface.tilt_deg);
      cached_sky_derate_ = sky_diffuse_derate(surface.tilt_deg, p_.gcr);
    }
    out.aoi_deg[i] = surface.aoi_deg;
    const double cos_zenith = std::cos(zenith_deg * kDegToRad);
    PoaIrradiance poa = plane_of_array(i, surface, zenith_deg, cos_zenith);
    const double poa_nominal = poa.total_w_m2();
    if (self_shading_) {
      shade(i, surface, zenith_deg, sun_azimuth_deg, cos_zenith, poa);
    }
    const double poa_w_m2 = poa.total_w_m2();
    out.poa_w_m2[i] = poa_w_m2;
    const Absorbed absorbed = absorb(poa, poa_w_m2, surface, zenith_deg, cos_zenith);
    if (absorbed.cover_reported) out.tpoa_w_m2[i] = absorbed.transmitted_w_m2;
    const double cell_c = cell_temperature_c(i, absorbed.absorbed_w_m2, poa_w_m2);
    out.tcell_c[i] = cell_c;
    const double module_kw = module_power_kw(absorbed.absorbed_w_m2, cell_c);
    const double dc_kw = module_kw * dc_loss_factor_;
    const pv::InverterOutput ac =
        sandia_ ? sandia_inverter_.convert(dc_kw) : v5_inverter_.convert(dc_kw);
    out.dc_kw[i] = dc_kw;
    out.ac_kw[i] = ac.ac_kw;
    account_losses(poa_nominal, poa_w_m2, absorbed, module_kw, dc_kw, ac, out.losses);
  }

  // Step 2: beam, sky and ground diffuse on the plane (none for a row whose beam on the
  // horizontal exceeds the extraterrestrial irradiance: bad data, as PVWatts does).
  [[nodiscard]] PoaIrradiance plane_of_array(std::size_t i, const SurfaceOrientation& surface,
                                             double zenith_deg, double cos_zenith) const {
    const double dni = w_.dni_w_m2[i];
    const double weather_albedo = w_.albedo[i];
    const double albedo = p_.albedo_from_weather && std::isfinite(weather_albedo) &&
                                  weather_albedo > 0.0 && weather_albedo < 1.0
                              ? weather_albedo
                              : p_.albedo;
    const double gon = extraterrestrial_normal_w_m2(day_of_year(w_.time[i]));
    const double beam_horizontal = dni < 0.0 ? 0.0 : dni * cos_zenith;
    const double extraterrestrial_horizontal = zenith_deg < kRightAngleDeg ? gon * cos_zenith : 0.0;
    PoaIrradiance poa;
    if (!(beam_horizontal > extraterrestrial_horizontal)) {
      const HorizontalIrradiance horizontal{dni, w_.dhi_w_m2[i], albedo};
      const SkyGeometry geometry{zenith_deg, surface.cos_aoi, surface.tilt_deg, cos_zenith};
      switch (p_.sky_model) {
        case SkyModel::kPerez: poa = perez_poa(horizontal, geometry); break;
        case SkyModel::kHayDavies: poa = hay_davies_poa(horizontal, geometry, gon); break;
        case SkyModel::kIsotropic: poa = isotropic_poa(horizontal, geometry); break;
      }
    }
    return poa;
  }

  // Step 3: self-shading of open-rack fixed rows and single-axis trackers.
  void shade(std::size_t i, const SurfaceOrientation& surface, double zenith_deg,
             double sun_azimuth_deg, double cos_zenith, PoaIrradiance& poa) const {
    if (fixed_rack_) {
      poa.beam_w_m2 *=
          1.0 - fixed_rack_shaded_fraction(surface.tilt_deg, surface.azimuth_deg, zenith_deg,
                                           sun_azimuth_deg, p_.gcr, row_length_to_height_);
    } else if (true_tracking_1x_) {
      poa.beam_w_m2 *= 1.0 - single_axis_shaded_fraction(surface.ideal_rotation_deg,
                                                         surface.rotation_deg, p_.gcr);
    }
    if (poa.sky_diffuse_w_m2 + poa.ground_diffuse_w_m2 >= kMinDiffuseForDerateW_m2) {
      const double sky_derate = cached_sky_derate_;
      const double ground_derate =
          ground_diffuse_derate(surface.tilt_deg, zenith_deg, p_.gcr, layout_.rows,
                                w_.dni_w_m2[i] * cos_zenith, w_.dhi_w_m2[i]);
      if (sky_derate >= -kDerateTolerance && sky_derate <= 1.0 + kDerateTolerance) {
        poa.sky_diffuse_w_m2 *= sky_derate;
      }
      if (ground_derate >= -kDerateTolerance && ground_derate <= 1.0 + kDerateTolerance) {
        poa.ground_diffuse_w_m2 *= ground_derate;
      }
    }
  }

  // Step 4: through the cover at any angle (clamped to 1..89 deg inside the model); PVWatts
  // reports it (tpoa) only for 0.5 < aoi < 89.5 deg, and its v5-style path has no cover loss
  // outside; then the spectrum (zenith capped at 86 deg for the air mass).
  [[nodiscard]] Absorbed absorb(const PoaIrradiance& poa, double poa_w_m2,
                                const SurfaceOrientation& surface, double zenith_deg,
                                double cos_zenith) const {
    Absorbed a;
    a.transmitted_w_m2 =
        poa_w_m2 > 0.0
            ? std::min(
                  poa_w_m2,
                  std::max(0.0, poa.beam_w_m2 * cover_.beam_modifier_from_cos(surface.cos_aoi) +
                                    poa.sky_diffuse_w_m2 * diffuse_modifiers_.sky +
                                    poa.ground_diffuse_w_m2 * diffuse_modifiers_.ground))
            : 0.0;
    a.cover_reported =
        surface.aoi_deg > kMinCoverAoiDeg && surface.aoi_deg < kMaxCoverAoiDeg && poa_w_m2 > 0.0;
    a.cover_factor = poa_w_m2 > 0.0 ? a.transmitted_w_m2 / poa_w_m2 : 1.0;
    if (!single_diode_ && !a.cover_reported) a.cover_factor = 1.0;
    a.spectral_factor =
        zenith_deg < kMaxAirMassZenithDeg
            ? pv::spectral_modifier_at_pressure_ratio(zenith_deg, cos_zenith, pressure_ratio_)
            : pv::spectral_modifier_at_pressure_ratio(kMaxAirMassZenithDeg, pressure_ratio_);
    a.absorbed_w_m2 = poa_w_m2 * a.cover_factor * a.spectral_factor;
    return a;
  }

  // Step 5: NOCT (v8) or Fuentes (v5, stateful).
  double cell_temperature_c(std::size_t i, double absorbed_w_m2, double poa_w_m2) {
    const double wind_m_s = w_.wind_speed_m_s[i];
    const double air_c = w_.temp_air_c[i];
    return noct_model_ ? pv::noct_cell_temperature_c(absorbed_w_m2, wind_m_s, air_c, noct_c_,
                                                     cec_efficiency_)
                       : fuentes_.step(poa_w_m2, std::max(wind_m_s, 0.0), air_c);
  }

  // Step 6: the modules' DC power before system losses.
  [[nodiscard]] double module_power_kw(double absorbed_w_m2, double cell_c) const {
    return single_diode_ ? pv::cec_module_power_w(cec_, absorbed_w_m2, cell_c) * p_.dc_capacity_kw *
                               modules_per_kw_ / kWPerKw
                         : p_.dc_capacity_kw * absorbed_w_m2 / kStcIrradianceW_m2 *
                               (1.0 + module_.temperature_coefficient_per_c * (cell_c - kStcCellC));
  }

  // PVWatts' loss breakdown, the losses in sequence so that they add up to the DC into the
  // inverter and the AC out of it.
  void account_losses(double poa_nominal, double poa_w_m2, const Absorbed& a, double module_kw,
                      double dc_kw, const pv::InverterOutput& ac, PvLossBreakdown& loss) const {
    const double dc_nominal_kw = p_.dc_capacity_kw * poa_w_m2 / kStcIrradianceW_m2;
    loss.poa_nominal_kwh += poa_nominal * array_area_m2_ * step_h_ / kWPerKw;
    loss.poa_shading_kwh += (poa_nominal - poa_w_m2) * array_area_m2_ * step_h_ / kWPerKw;
    loss.dc_nominal_kwh += dc_nominal_kw * step_h_;
    loss.dc_cover_kwh += (1.0 - a.cover_factor) * dc_nominal_kw * step_h_;
    loss.dc_spectral_kwh += (1.0 - a.spectral_factor) * a.cover_factor * dc_nominal_kw * step_h_;
    loss.dc_thermal_kwh +=
        (dc_nominal_kw * a.cover_factor * a.spectral_factor - module_kw) * step_h_;
    loss.dc_other_kwh += p_.losses_fraction * module_kw * step_h_;
    loss.ac_nominal_kwh += dc_kw * step_h_;
    loss.ac_efficiency_kwh += (dc_kw - ac.ac_kw - ac.clipping_loss_kw) * step_h_;
    loss.ac_clipping_kwh += ac.clipping_loss_kw * step_h_;
  }

  const PvSystemParams& p_;
  const WeatherSeries& w_;
  double step_h_;
  pv::ModuleSpec module_;
  pv::ArrayLayout layout_;
  bool self_shading_;
  bool fixed_rack_;
  bool true_tracking_1x_;
  double row_length_to_height_;
  SurfaceOrienter orienter_;
  double ac_rating_kw_;
  bool sandia_;
  pv::SandiaInverter sandia_inverter_;
  pv::PvwattsInverter v5_inverter_;
  pv::CoverOptics cover_;
  double noct_c_;
  bool noct_model_;
  pv::FuentesThermalModel fuentes_;
  bool single_diode_;
  const pv::CecModule& cec_;
  double cec_efficiency_;
  double modules_per_kw_;
  double array_area_m2_;
  double dc_loss_factor_;
  double pressure_ratio_;
  // Tilt-only factors of the last tilt seen (constant for fixed mounts).
  double cached_tilt_deg_ = std::numeric_limits<double>::quiet_NaN();
  pv::CoverOptics::DiffuseModifiers diffuse_modifiers_{1.0, 1.0};
  double cached_sky_derate_ = 1.0;
};

}  // namespace

PvOutput simulate_pv(const PvSystemParams& params, const WeatherSeries& weather) {
  validate(params);
  validate(weather);
  return PvChain(params, weather).run();
}

}  // namespace stargate
