// CEC single-diode module model and its maximum power point: equations, parameters, worked
// numbers and sources are in src/energy/pv_module.hpp.
#include "pv_module.hpp"

#include <algorithm>
#include <cmath>

#include "stargate/core/units.hpp"

namespace stargate::pv {
namespace {

constexpr double kReferenceCellK = 25.0 + kZeroCelsiusK;
constexpr double kReferenceIrradianceW_m2 = 1000.0;
constexpr double kBandGapEv = 1.12;              // E_g at reference (silicon, as PVWatts v8 uses)
constexpr double kBandGapSlopePerK = 0.0002677;  // dE_g/dT / E_g (De Soto et al. 2006)
constexpr double kBoltzmannEvK = 8.618e-5;
constexpr double kMinAbsorbedW_m2 = 1.0;
constexpr int kMaxIterations = 60;
constexpr double kVoltageTolerance = 1e-9;  // relative, on the diode voltage

// Parameters: area, V_mp, I_mp, alpha_Isc, a_ref, I_L,ref, I_0,ref, R_s, R_sh,ref, Adj.
constexpr CecModule kStandard{1.6864,  35.8,        9.01,     0.004755, 1.65916,
                              9.51393, 4.37813e-11, 0.269953, 654.059,  5.79586};  // CS1H-320MS
constexpr CecModule kPremium{1.6297, 54.7,        5.98,     0.0026,  2.45326,
                             6.4704, 2.01784e-11, 0.421231, 261.723, 9.56482};  // SPR-E20-327
constexpr CecModule kThinFilm{2.4751,  183.6,       2.37,    0.00102, 7.97293,
                              2.55475, 2.69243e-12, 4.60991, 2476.95, -2.49865};  // FS-6435A

}  // namespace

double CecModule::stc_efficiency() const {
  return p_mp_ref_w() / (kReferenceIrradianceW_m2 * area_m2);
}

const CecModule& cec_module(ModuleType type) {
  switch (type) {
    case ModuleType::kPremium: return kPremium;
    case ModuleType::kThinFilm: return kThinFilm;
    case ModuleType::kStandard: break;
  }
  return kStandard;
}

DiodeParameters cec_operating_parameters(const CecModule& module, double absorbed_w_m2,
                                         double cell_c) {
  const double cell_k = cell_c + kZeroCelsiusK;
  const double mu_isc = module.alpha_isc_a_k * (1.0 - module.adjust_percent / 100.0);
  DiodeParameters p;
  p.i_l_a = std::max(0.0, absorbed_w_m2 / kReferenceIrradianceW_m2 *
                              (module.i_l_ref_a + mu_isc * (cell_k - kReferenceCellK)));
  const double band_gap_ev = kBandGapEv * (1.0 - kBandGapSlopePerK * (cell_k - kReferenceCellK));
  const double ratio = cell_k / kReferenceCellK;
  p.i_0_a = module.i_0_ref_a * ratio * ratio * ratio *
            std::exp((kBandGapEv / kReferenceCellK - band_gap_ev / cell_k) / kBoltzmannEvK);
  p.a_v = module.a_ref_v * ratio;
  p.r_s_ohm = module.r_s_ohm;
  p.r_sh_ohm = module.r_sh_ref_ohm * kReferenceIrradianceW_m2 / absorbed_w_m2;
  return p;
}

double single_diode_max_power_w(const DiodeParameters& p) {
  if (!(p.i_l_a > 0.0)) return 0.0;
  const double a = p.a_v;
  const double rs = p.r_s_ohm;
  const double gsh = 1.0 / p.r_sh_ohm;
  // Bracket of the diode voltage: dP/dVd > 0 at Vd = 0 (short circuit side) and < 0 at
  // a ln(1 + I_L / I_0), which is at or above the open-circuit diode voltage.
  double low = 0.0;
  double high = a * std::log1p(p.i_l_a / p.i_0_a);
  // Classic estimate of the maximum power point from the open-circuit voltage.
  double vd = std::clamp(high - a * std::log1p(high / a), 0.05 * high, 0.99 * high);
  double current = 0.0;
  double voltage = 0.0;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    const double diode = p.i_0_a * std::exp(vd / a);
    current = p.i_l_a - (diode - p.i_0_a) - vd * gsh;
    voltage = vd - current * rs;
    const double di = -diode / a - gsh;   // dI/dVd
    const double d2i = -diode / (a * a);  // d2I/dVd2
    const double dv = 1.0 - rs * di;      // dV/dVd
    const double dp = di * voltage + current * dv;
    const double d2p = d2i * (voltage - current * rs) + 2.0 * di * dv;
    if (dp > 0.0) {
      low = vd;
    } else {
      high = vd;
    }
    const double tolerance = kVoltageTolerance * (1.0 + vd);
    if (d2p < 0.0) {
      const double step = -dp / d2p;
      if (std::abs(step) < tolerance) {  // Newton has converged
        vd += step;
        break;
      }
      const double next = vd + step;
      vd = next > low && next < high ? next : 0.5 * (low + high);  // else bisect
    } else {
      vd = 0.5 * (low + high);
    }
    if (high - low < tolerance) break;
  }
  const double diode = p.i_0_a * std::exp(vd / a);
  current = p.i_l_a - (diode - p.i_0_a) - vd * gsh;
  voltage = vd - current * rs;
  return std::max(0.0, current * voltage);
}

double cec_module_power_w(const CecModule& module, double absorbed_w_m2, double cell_c) {
  if (!(absorbed_w_m2 >= kMinAbsorbedW_m2)) return 0.0;
  return single_diode_max_power_w(cec_operating_parameters(module, absorbed_w_m2, cell_c));
}

}  // namespace stargate::pv
