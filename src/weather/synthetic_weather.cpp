// Synthetic hourly weather from monthly climate means.
//
// Solar radiation, in five steps (I0: extraterrestrial normal irradiance, z: apparent zenith at
// mid-hour, alpha = 90 deg - z; all hourly values are treated as constant over their hour):
//
// 1. Geometry and clear sky. G0 = I0 cos z is the extraterrestrial horizontal irradiance of the
//    hour, GHIcs the Ineichen-Perez clear-sky GHI (clear_sky.cpp) with the month's Linke
//    turbidity and I0 = 1367 W/m2 / r^2 (r: earth-sun distance, au). Daily sums:
//    H0 = sum G0 * 1 h, CS = sum GHIcs * 1 h.
//
// 2. Daily clearness index Kt = H / H0: R. Aguiar, M. Collares-Pereira and J. P. Conde, "Simple
//    procedure for generating sequences of daily radiation values using a library of Markov
//    transition matrices", Solar Energy 40(3), 269-279 (1988). The month's mean clearness
//    Kt_m = (target GHI of the month) / (sum of H0) selects one of ten matrices (Kt_m <= 0.30,
//    0.30-0.35, ..., > 0.70). Each matrix has ten equal-width states between its Ktmin and Ktmax;
//    from the state of yesterday's Kt the next state is drawn with the row's probabilities, and
//    Kt uniformly within that state. The sequence runs on across month ends (yesterday's Kt is
//    placed in the new month's states). Three rows of the published table have no transitions
//    (states never observed in the data); a draw from such a row uses the nearest row that has
//    data. Rows are normalised to sum 1 (the published three-decimal values sum to 0.997-1.002).
//
// 3. Calibration. Each month is scaled so that its mean daily GHI equals the climate exactly:
//    Kt_d = min(s Kt_d, CS_d / H0_d) with s found by bisection so that sum Kt_d H0_d = the target;
//    a day's total never exceeds its clear-sky total. If the target exceeds the clear-sky total
//    of the month, every day is clear sky and a warning says so.
//
// 4. Hourly clearness kt = GHI / G0: V. A. Graham and K. G. T. Hollands, "A method to generate
//    synthetic hourly solar radiation globally", Solar Energy 44(6), 333-341 (1990). Within a day
//    kt = ktm(Kt, alpha) + sigma(Kt, alpha) y with a first-order autoregressive Gaussian
//    y(h) = phi y(h-1) + sqrt(1 - phi^2) n(h), n standard normal, y of the first daylight hour
//    standard normal, phi = 0.54 (Graham and Hollands' mean lag-1 correlation, 0.54 +/- 0.14).
//    The mean profile (Graham and Hollands 1990, also used by Aguiar and Collares-Pereira 1992):
//      ktm    = lambda + epsilon exp(-kappa / sin alpha)
//      lambda = -0.19 + 1.12 Kt + 0.24 exp(-8 Kt)
//      epsilon = 0.32 - 1.6 (Kt - 0.5)^2
//      kappa  = 0.19 + 2.27 Kt^2 - 2.51 Kt^3
//    Graham and Hollands map y to kt through a Beta distribution; here the Gaussian-to-kt
//    transform is the truncated Gaussian that R. Aguiar and M. Collares-Pereira, "Statistical
//    properties of hourly global radiation", Solar Energy 48(3), 157-167 (1992), found to fit
//    hourly kt, with their spread ("TAG: a time-dependent, autoregressive, Gaussian model for
//    generating synthetic hourly radiation", Solar Energy 49(3), 167-174, 1992):
//      sigma = A exp(B (1 - sin alpha)),  A = 0.14 exp(-20 (Kt - 0.35)^2),
//      B = 3 (Kt - 0.45)^2 + 16 Kt^5,  held at most kMaxHourlySigma,
//    and kt truncated to [kMinHourlyKt, kClearSkyCap GHIcs / G0]. The day's hours are then scaled
//    so that their sum is Kt_d H0_d (Graham and Hollands' daily constraint); hours that would
//    pass kClearSkyCap GHIcs are held there and the rest scaled again (a few passes).
//
// 5. Direct and diffuse: the DISC model of E. L. Maxwell, "A quasi-physical model for converting
//    hourly global horizontal to direct normal insolation", SERI/TR-215-3087 (1987):
//      kt  = GHI / (I0 cos z),  AM = 1 / (cos z + 0.15 (93.885 - z)^-1.253)  (Kasten 1966)
//      Knc = 0.866 - 0.122 AM + 0.0121 AM^2 - 0.000653 AM^3 + 0.000014 AM^4
//      kt <= 0.6: a = 0.512 - 1.56 kt + 2.286 kt^2 - 2.222 kt^3, b = 0.37 + 0.962 kt,
//                 c = -0.28 + 0.932 kt - 2.048 kt^2
//      kt > 0.6:  a = -5.743 + 21.77 kt - 27.49 kt^2 + 11.56 kt^3,
//                 b = 41.4 - 118.5 kt + 66.05 kt^2 + 31.9 kt^3,
//                 c = -47.01 + 184.2 kt - 222.0 kt^2 + 73.81 kt^3
//      DNI = (Knc - (a + b exp(c AM))) I0, held within [0, GHI / cos z]; 0 for z > 87 deg
//      DHI = GHI - DNI cos z.
//    AM is the relative air mass, as in Maxwell's report. DISC was preferred to the one-predictor
//    Erbs et al. (1982) split because it uses the air mass: on the NSRDB 2012 record of the Texas
//    Panhandle (shared data) it gives the annual DNI within +2 % (Erbs -6 %) and an hourly RMSE of
//    40 W/m2 (Erbs 65 W/m2).
//
// Temperature: T = base(t) + a_d + (r_d / 2) shape(t). a_d is a daily AR(1) anomaly
// (kTempAnomalyLag1, kTempAnomalyStdC); r_d the month's mean daily range (interpolated between
// mid-month values) times 1 + kRangeClearnessGain (Kc_d - mean Kc of the month), Kc_d = H_d / CS_d
// the daily clear-sky index, held within [0.5, 1.5]: clear days have a larger range. The shape
// runs by half-cosines from -1 at sunrise to +1 at solar noon + kTempMaxAfterNoonH and back to -1
// at the next sunrise, so Tmin is at sunrise and Tmax in mid-afternoon. The base is linear between
// mid-month anchors, which are iterated so that each month's mean equals the climate's.
//
// Wind: w = base(t) (1 + kWindDiurnalAmplitude cos(2 pi (t - 15 h) / 24 h)) exp(s g - s^2 / 2),
// g an hourly AR(1) standard normal (kWindLag1), s = kWindLogStd: never negative, strongest in
// the afternoon, and with multi-hour persistence. The base is linear between mid-month anchors,
// iterated so that each month's mean equals the climate's.
//
// Pressure: ICAO standard atmosphere at the site elevation, p = 1013.25 (1 - 2.25577e-5 h)^5.25588
// mbar. Albedo: NaN (not modelled).
//
// Random numbers: std::mt19937_64 seeded with SplitMix64 mixes of (seed, year, stream) for three
// independent streams (solar, temperature, wind); uniforms from the top 53 bits; normals by the
// Box-Muller transform. No std distribution is used, so the random stream is the same on every
// platform.
#include "stargate/weather/synthetic_weather.hpp"
#include "stargate/core/random.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "stargate/core/time_grid.hpp"
#include "stargate/core/units.hpp"
#include "stargate/weather/clear_sky.hpp"
#include "stargate/weather/irradiance.hpp"
#include "stargate/weather/solar_position.hpp"

namespace stargate {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr std::size_t kMonths = 12;

// Hourly model (step 4).
constexpr double kHourlyLag1 = 0.54;      // Graham and Hollands (1990)
constexpr double kMinHourlyKt = 0.02;     // heavy overcast floor of hourly kt
constexpr double kMaxHourlySigma = 0.25;  // bound on the TAG spread at very low sun
constexpr int kMaxRescalePasses = 24;

// Decomposition guard (step 5).
constexpr double kMaxZenithForBeamDeg = 87.0;

// Temperature.
constexpr double kTempAnomalyLag1 = 0.65;
constexpr double kTempAnomalyStdC = 3.0;
constexpr double kRangeClearnessGain = 1.2;
constexpr double kMinRangeFactor = 0.5;
constexpr double kMaxRangeFactor = 1.5;
constexpr double kTempMaxAfterNoonH = 2.5;
constexpr double kDefaultSunriseH = 6.0;
constexpr double kDefaultSunsetH = 18.0;

// Wind.
constexpr double kWindDiurnalAmplitude = 0.2;
constexpr double kWindPeakHour = 15.0;
constexpr double kWindLag1 = 0.9;
constexpr double kWindLogStd = 0.45;

// Standard atmosphere (ICAO): p0 (1 - L h / T0)^(g M / (R L)).
constexpr double kSeaLevelPressureMbar = 1013.25;
constexpr double kLapseOverT0PerM = 2.25577e-5;
constexpr double kBarometricExponent = 5.25588;

// ---------------------------------------------------------------------------------------------
// Random numbers.

using Random = DeterministicRandom;

// ---------------------------------------------------------------------------------------------
// Aguiar, Collares-Pereira and Conde (1988): the published library of Markov transition matrices
// and each matrix's Ktmin and Ktmax, as transcribed in two independent public implementations
// (they agree except for two typographical slips, which the row sums resolve: 0.087 not 0.87 in
// the first row for 0.55-0.60, 0 not 0.53 in the second row for 0.45-0.50).
// Row: today's state, column: tomorrow's state; states are ten equal-width Kt intervals between
// Ktmin and Ktmax of the matrix.

using TransitionMatrix = std::array<std::array<double, 10>, 10>;

constexpr std::array<TransitionMatrix, 10> kTransitionMatrices = {{
    // Monthly mean Kt <= 0.30
    {{
        {0.229, 0.333, 0.208, 0.042, 0.083, 0.042, 0.042, 0.021, 0.000, 0.000},
        {0.167, 0.319, 0.194, 0.139, 0.097, 0.028, 0.042, 0.000, 0.014, 0.000},
        {0.250, 0.250, 0.091, 0.136, 0.091, 0.046, 0.046, 0.023, 0.068, 0.000},
        {0.158, 0.237, 0.158, 0.263, 0.026, 0.053, 0.079, 0.026, 0.000, 0.000},
        {0.211, 0.053, 0.211, 0.158, 0.053, 0.053, 0.158, 0.105, 0.000, 0.000},
        {0.125, 0.125, 0.250, 0.188, 0.063, 0.125, 0.000, 0.125, 0.000, 0.000},
        {0.040, 0.240, 0.080, 0.120, 0.080, 0.080, 0.120, 0.120, 0.080, 0.040},
        {0.000, 0.250, 0.000, 0.125, 0.000, 0.125, 0.125, 0.250, 0.063, 0.063},
        {0.000, 0.250, 0.000, 0.125, 0.250, 0.000, 0.250, 0.000, 0.000, 0.125},
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.500, 0.250, 0.000, 0.250},
    }},
    // Monthly mean Kt 0.30-0.35
    {{
        {0.000, 0.000, 0.091, 0.000, 0.364, 0.091, 0.182, 0.000, 0.273, 0.000},
        {0.118, 0.118, 0.176, 0.118, 0.059, 0.118, 0.176, 0.059, 0.059, 0.000},
        {0.067, 0.267, 0.067, 0.200, 0.067, 0.000, 0.133, 0.133, 0.000, 0.067},
        {0.118, 0.235, 0.000, 0.235, 0.059, 0.176, 0.118, 0.000, 0.059, 0.000},
        {0.077, 0.154, 0.308, 0.077, 0.154, 0.077, 0.000, 0.077, 0.077, 0.000},
        {0.083, 0.000, 0.167, 0.250, 0.083, 0.167, 0.000, 0.083, 0.167, 0.000},
        {0.222, 0.222, 0.000, 0.111, 0.111, 0.000, 0.111, 0.222, 0.000, 0.000},
        {0.091, 0.182, 0.273, 0.000, 0.091, 0.273, 0.000, 0.091, 0.000, 0.000},
        {0.111, 0.111, 0.111, 0.222, 0.000, 0.000, 0.000, 0.222, 0.111, 0.111},
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.500, 0.000, 0.000, 0.500},
    }},
    // Monthly mean Kt 0.35-0.40
    {{
        {0.206, 0.088, 0.176, 0.176, 0.088, 0.029, 0.176, 0.029, 0.029, 0.000},
        {0.120, 0.100, 0.140, 0.160, 0.120, 0.220, 0.100, 0.000, 0.020, 0.020},
        {0.077, 0.123, 0.185, 0.123, 0.077, 0.139, 0.092, 0.123, 0.061, 0.000},
        {0.048, 0.111, 0.095, 0.206, 0.206, 0.190, 0.095, 0.048, 0.000, 0.000},
        {0.059, 0.137, 0.118, 0.137, 0.098, 0.118, 0.118, 0.157, 0.059, 0.000},
        {0.014, 0.097, 0.139, 0.153, 0.125, 0.139, 0.208, 0.056, 0.042, 0.028},
        {0.073, 0.101, 0.116, 0.145, 0.087, 0.159, 0.203, 0.087, 0.029, 0.000},
        {0.019, 0.037, 0.111, 0.056, 0.074, 0.111, 0.185, 0.296, 0.074, 0.037},
        {0.035, 0.069, 0.035, 0.000, 0.035, 0.103, 0.172, 0.138, 0.379, 0.035},
        {0.000, 0.167, 0.167, 0.000, 0.167, 0.000, 0.000, 0.333, 0.000, 0.167},
    }},
    // Monthly mean Kt 0.40-0.45
    {{
        {0.167, 0.167, 0.167, 0.000, 0.083, 0.125, 0.000, 0.167, 0.125, 0.000},
        {0.117, 0.117, 0.150, 0.117, 0.083, 0.117, 0.200, 0.067, 0.017, 0.017},
        {0.049, 0.085, 0.134, 0.158, 0.098, 0.110, 0.134, 0.134, 0.061, 0.037},
        {0.039, 0.090, 0.141, 0.141, 0.167, 0.141, 0.090, 0.141, 0.039, 0.013},
        {0.009, 0.139, 0.074, 0.093, 0.194, 0.139, 0.167, 0.093, 0.074, 0.019},
        {0.036, 0.018, 0.117, 0.099, 0.144, 0.180, 0.180, 0.117, 0.072, 0.036},
        {0.000, 0.046, 0.061, 0.061, 0.136, 0.159, 0.273, 0.167, 0.098, 0.000},
        {0.016, 0.056, 0.080, 0.128, 0.104, 0.080, 0.160, 0.208, 0.136, 0.032},
        {0.011, 0.053, 0.021, 0.043, 0.128, 0.096, 0.074, 0.223, 0.277, 0.074},
        {0.000, 0.074, 0.037, 0.000, 0.074, 0.074, 0.074, 0.074, 0.333, 0.259},
    }},
    // Monthly mean Kt 0.45-0.50
    {{
        {0.120, 0.200, 0.160, 0.120, 0.120, 0.120, 0.080, 0.000, 0.040, 0.040},
        {0.100, 0.080, 0.120, 0.140, 0.140, 0.200, 0.180, 0.040, 0.000, 0.000},
        {0.046, 0.114, 0.068, 0.171, 0.125, 0.171, 0.080, 0.159, 0.057, 0.011},
        {0.015, 0.061, 0.084, 0.099, 0.191, 0.153, 0.153, 0.115, 0.115, 0.015},
        {0.024, 0.030, 0.098, 0.098, 0.165, 0.195, 0.195, 0.140, 0.043, 0.012},
        {0.015, 0.026, 0.062, 0.124, 0.144, 0.170, 0.170, 0.222, 0.062, 0.005},
        {0.000, 0.013, 0.045, 0.108, 0.112, 0.175, 0.188, 0.224, 0.117, 0.018},
        {0.008, 0.023, 0.054, 0.066, 0.093, 0.125, 0.191, 0.253, 0.183, 0.004},
        {0.006, 0.022, 0.061, 0.033, 0.067, 0.083, 0.139, 0.222, 0.322, 0.044},
        {0.000, 0.046, 0.091, 0.091, 0.046, 0.046, 0.136, 0.091, 0.273, 0.182},
    }},
    // Monthly mean Kt 0.50-0.55
    {{
        {0.250, 0.179, 0.107, 0.107, 0.143, 0.071, 0.107, 0.036, 0.000, 0.000},
        {0.133, 0.022, 0.089, 0.111, 0.156, 0.178, 0.111, 0.133, 0.067, 0.000},
        {0.064, 0.048, 0.143, 0.048, 0.175, 0.143, 0.206, 0.095, 0.079, 0.000},
        {0.000, 0.022, 0.078, 0.111, 0.156, 0.156, 0.244, 0.167, 0.044, 0.022},
        {0.016, 0.027, 0.037, 0.069, 0.160, 0.219, 0.230, 0.160, 0.075, 0.005},
        {0.013, 0.025, 0.030, 0.093, 0.144, 0.202, 0.215, 0.219, 0.055, 0.004},
        {0.006, 0.041, 0.035, 0.064, 0.090, 0.180, 0.337, 0.192, 0.049, 0.006},
        {0.012, 0.021, 0.029, 0.035, 0.132, 0.123, 0.184, 0.371, 0.082, 0.012},
        {0.008, 0.016, 0.016, 0.024, 0.071, 0.103, 0.159, 0.270, 0.309, 0.024},
        {0.000, 0.000, 0.000, 0.000, 0.059, 0.000, 0.059, 0.294, 0.412, 0.176},
    }},
    // Monthly mean Kt 0.55-0.60
    {{
        {0.217, 0.087, 0.000, 0.174, 0.130, 0.087, 0.087, 0.130, 0.087, 0.000},
        {0.026, 0.079, 0.132, 0.079, 0.026, 0.158, 0.158, 0.132, 0.158, 0.053},
        {0.020, 0.020, 0.020, 0.040, 0.160, 0.180, 0.160, 0.200, 0.100, 0.100},
        {0.025, 0.013, 0.038, 0.076, 0.076, 0.139, 0.139, 0.266, 0.215, 0.013},
        {0.030, 0.030, 0.050, 0.020, 0.091, 0.131, 0.162, 0.283, 0.131, 0.071},
        {0.006, 0.006, 0.013, 0.057, 0.057, 0.121, 0.204, 0.287, 0.185, 0.064},
        {0.004, 0.026, 0.037, 0.030, 0.093, 0.107, 0.193, 0.307, 0.167, 0.037},
        {0.011, 0.009, 0.014, 0.042, 0.041, 0.071, 0.152, 0.418, 0.203, 0.041},
        {0.012, 0.022, 0.022, 0.038, 0.019, 0.050, 0.113, 0.281, 0.360, 0.084},
        {0.008, 0.024, 0.039, 0.039, 0.063, 0.039, 0.118, 0.118, 0.284, 0.268},
    }},
    // Monthly mean Kt 0.60-0.65
    {{
        {0.067, 0.133, 0.133, 0.067, 0.067, 0.200, 0.133, 0.133, 0.067, 0.000},
        {0.118, 0.059, 0.059, 0.059, 0.059, 0.118, 0.118, 0.235, 0.118, 0.059},
        {0.000, 0.024, 0.024, 0.049, 0.146, 0.073, 0.195, 0.244, 0.195, 0.049},
        {0.026, 0.000, 0.026, 0.026, 0.053, 0.184, 0.263, 0.184, 0.237, 0.000},
        {0.014, 0.000, 0.042, 0.056, 0.069, 0.097, 0.139, 0.306, 0.278, 0.000},
        {0.009, 0.009, 0.052, 0.069, 0.052, 0.112, 0.215, 0.285, 0.138, 0.060},
        {0.009, 0.009, 0.026, 0.017, 0.094, 0.099, 0.232, 0.283, 0.210, 0.021},
        {0.010, 0.014, 0.016, 0.019, 0.027, 0.062, 0.163, 0.467, 0.202, 0.019},
        {0.004, 0.007, 0.031, 0.017, 0.033, 0.050, 0.086, 0.252, 0.469, 0.050},
        {0.000, 0.000, 0.015, 0.046, 0.031, 0.046, 0.077, 0.123, 0.446, 0.215},
    }},
    // Monthly mean Kt 0.65-0.70
    {{
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000},
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000},
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.250, 0.250, 0.500, 0.000},
        {0.000, 0.000, 0.000, 0.000, 0.250, 0.000, 0.000, 0.375, 0.250, 0.125},
        {0.000, 0.000, 0.000, 0.083, 0.000, 0.167, 0.167, 0.250, 0.333, 0.000},
        {0.000, 0.000, 0.042, 0.042, 0.042, 0.083, 0.083, 0.292, 0.292, 0.125},
        {0.000, 0.000, 0.032, 0.000, 0.000, 0.032, 0.129, 0.387, 0.355, 0.065},
        {0.000, 0.000, 0.000, 0.038, 0.038, 0.075, 0.047, 0.340, 0.415, 0.047},
        {0.004, 0.004, 0.007, 0.007, 0.011, 0.030, 0.052, 0.141, 0.654, 0.089},
        {0.000, 0.000, 0.000, 0.000, 0.061, 0.061, 0.030, 0.030, 0.349, 0.470},
    }},
    // Monthly mean Kt > 0.70
    {{
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000},
        {0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100},
        {0.000, 0.000, 0.000, 0.250, 0.000, 0.000, 0.000, 0.500, 0.250, 0.000},
        {0.000, 0.000, 0.143, 0.143, 0.000, 0.143, 0.143, 0.429, 0.000, 0.000},
        {0.000, 0.000, 0.000, 0.200, 0.000, 0.000, 0.200, 0.400, 0.200, 0.000},
        {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.222, 0.444, 0.333, 0.000},
        {0.000, 0.000, 0.000, 0.000, 0.080, 0.080, 0.080, 0.480, 0.240, 0.040},
        {0.000, 0.000, 0.027, 0.009, 0.027, 0.018, 0.135, 0.523, 0.252, 0.009},
        {0.000, 0.000, 0.000, 0.022, 0.000, 0.043, 0.043, 0.326, 0.511, 0.054},
        {0.000, 0.000, 0.000, 0.143, 0.000, 0.000, 0.000, 0.143, 0.714, 0.000},
    }},
}};

constexpr std::array<double, 10> kMatrixKtMin = {0.031, 0.058, 0.051, 0.052, 0.028,
                                                 0.053, 0.044, 0.085, 0.010, 0.319};
constexpr std::array<double, 10> kMatrixKtMax = {0.705, 0.694, 0.753, 0.753, 0.807,
                                                 0.856, 0.818, 0.846, 0.842, 0.865};

/// Index of the matrix for a monthly mean clearness index: <= 0.30 -> 0, (0.30, 0.35] -> 1, ...,
/// > 0.70 -> 9.
std::size_t matrix_index(double monthly_kt) {
  std::size_t index = 0;
  double upper = 0.30;
  while (index < 9 && monthly_kt > upper + 1e-12) {
    ++index;
    upper += 0.05;
  }
  return index;
}

/// The cumulative transition probabilities of every row, normalised; a row without data takes the
/// nearest row that has data (the lower one on a tie).
struct MarkovLibrary {
  std::array<std::array<std::array<double, 10>, 10>, 10> cumulative{};

  MarkovLibrary() {
    for (std::size_t m = 0; m < 10; ++m) {
      for (std::size_t row = 0; row < 10; ++row) {
        std::size_t source = row;
        for (std::size_t distance = 0; distance < 10; ++distance) {
          const auto has_data = [&](std::size_t r) {
            double sum = 0.0;
            for (double p : kTransitionMatrices[m][r]) sum += p;
            return sum > 0.0;
          };
          if (row >= distance && has_data(row - distance)) {
            source = row - distance;
            break;
          }
          if (row + distance < 10 && has_data(row + distance)) {
            source = row + distance;
            break;
          }
        }
        double total = 0.0;
        for (double p : kTransitionMatrices[m][source]) total += p;
        double running = 0.0;
        for (std::size_t col = 0; col < 10; ++col) {
          running += kTransitionMatrices[m][source][col];
          cumulative[m][row][col] = running / total;
        }
        cumulative[m][row][9] = 1.0;
      }
    }
  }
};

const MarkovLibrary& markov_library() {
  static const MarkovLibrary kLibrary;
  return kLibrary;
}

/// Tomorrow's Kt from today's with matrix number `matrix`.
double next_daily_kt(std::size_t matrix, double today_kt, Random& random) {
  const double width = (kMatrixKtMax[matrix] - kMatrixKtMin[matrix]) / 10.0;
  const double position = std::floor((today_kt - kMatrixKtMin[matrix]) / width);
  const auto row = static_cast<std::size_t>(std::clamp(position, 0.0, 9.0));
  const auto& cumulative = markov_library().cumulative[matrix][row];
  const double u = random.uniform();
  std::size_t col = 0;
  while (col < 9 && u >= cumulative[col]) {
    ++col;
  }
  // The same uniform, rescaled within the chosen state's probability, places Kt in the state.
  const double low = col == 0 ? 0.0 : cumulative[col - 1];
  const double fraction = cumulative[col] > low ? (u - low) / (cumulative[col] - low) : 0.5;
  return kMatrixKtMin[matrix] + (static_cast<double>(col) + fraction) * width;
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers.

struct YearCalendar {
  int days = 365;
  std::array<int, kMonths> first_day{};   // day of year (0-based) of each month's 1st
  std::array<int, kMonths> days_in{};     // days of each month
  std::array<double, kMonths> mid_day{};  // middle of each month, days since Jan 1 00:00
  std::vector<std::size_t> month_of_day;  // 0-based month of each day

  explicit YearCalendar(int year) {
    int day = 0;
    for (std::size_t m = 0; m < kMonths; ++m) {
      first_day[m] = day;
      days_in[m] = days_in_month(year, static_cast<int>(m) + 1);
      mid_day[m] = day + 0.5 * days_in[m];
      day += days_in[m];
    }
    days = day;
    month_of_day.resize(static_cast<std::size_t>(days));
    for (std::size_t m = 0; m < kMonths; ++m) {
      for (int d = first_day[m]; d < first_day[m] + days_in[m]; ++d) {
        month_of_day[static_cast<std::size_t>(d)] = m;
      }
    }
  }
};

/// Two mid-month anchors and the weight of the second for an instant `t_day` (days since Jan 1
/// 00:00): piecewise-linear between mid-month points, cyclic over the year.
struct AnchorWeights {
  std::size_t first = 0;
  std::size_t second = 0;
  double weight_second = 0.0;
};

AnchorWeights anchor_weights(const YearCalendar& calendar, std::size_t m, double t_day) {
  const double year_days = calendar.days;
  AnchorWeights w;
  double start = 0.0;
  double end = 0.0;
  if (t_day >= calendar.mid_day[m]) {
    w.first = m;
    w.second = (m + 1) % kMonths;
    start = calendar.mid_day[m];
    end = m + 1 < kMonths ? calendar.mid_day[m + 1] : calendar.mid_day[0] + year_days;
  } else {
    w.first = (m + kMonths - 1) % kMonths;
    w.second = m;
    start = m > 0 ? calendar.mid_day[m - 1] : calendar.mid_day[kMonths - 1] - year_days;
    end = calendar.mid_day[m];
  }
  w.weight_second = (t_day - start) / (end - start);
  return w;
}

double interpolate(const std::array<double, kMonths>& anchors, const AnchorWeights& w) {
  return anchors[w.first] * (1.0 - w.weight_second) + anchors[w.second] * w.weight_second;
}

using MonthlyMatrix = std::array<std::array<double, kMonths>, kMonths>;

/// Solves the 12 x 12 system a x = b by Gaussian elimination with partial pivoting (the matrices
/// here are diagonally dominant: about 0.75 on the diagonal, 0.125 beside it).
std::array<double, kMonths> solve_monthly(MonthlyMatrix a, std::array<double, kMonths> b) {
  for (std::size_t col = 0; col < kMonths; ++col) {
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < kMonths; ++row) {
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
    }
    std::swap(a[col], a[pivot]);
    std::swap(b[col], b[pivot]);
    for (std::size_t row = col + 1; row < kMonths; ++row) {
      const double factor = a[row][col] / a[col][col];
      for (std::size_t k = col; k < kMonths; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  std::array<double, kMonths> x{};
  for (std::size_t row = kMonths; row-- > 0;) {
    double sum = b[row];
    for (std::size_t k = row + 1; k < kMonths; ++k) sum -= a[row][k] * x[k];
    x[row] = sum / a[row][row];
  }
  return x;
}

/// Mean of an hourly column over each month.
std::array<double, kMonths> monthly_means(const std::vector<double>& hourly,
                                          const YearCalendar& calendar) {
  std::array<double, kMonths> sum{};
  for (std::size_t i = 0; i < hourly.size(); ++i) {
    sum[calendar.month_of_day[i / kHoursPerDayInt]] += hourly[i];
  }
  for (std::size_t m = 0; m < kMonths; ++m) sum[m] /= calendar.days_in[m] * kHoursPerDay;
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Input checks.

void check_climate(const WeatherSite& site, const MonthlyClimate& climate) {
  if (!std::isfinite(site.latitude_deg) || std::abs(site.latitude_deg) > 90.0 ||
      !std::isfinite(site.longitude_deg) || !std::isfinite(site.elevation_m)) {
    throw std::invalid_argument(fmt::format(
        "synthetic weather: site latitude {} / longitude {} / elevation {} m is not valid",
        site.latitude_deg, site.longitude_deg, site.elevation_m));
  }
  const auto check = [](const std::array<double, kMonths>& values, const char* name) {
    for (std::size_t m = 0; m < kMonths; ++m) {
      const double v = values[m];
      if (!std::isfinite(v) || v < 0.0) {
        throw std::invalid_argument(fmt::format(
            "synthetic weather: climate {} of month {} is {}, expected a finite value >= 0", name,
            m + 1, v));
      }
    }
  };
  check(climate.ghi_kwh_m2_day, "ghi_kwh_m2_day");
  check(climate.temp_daily_range_c, "temp_daily_range_c");
  check(climate.wind_speed_m_s, "wind_speed_m_s");
  for (std::size_t m = 0; m < kMonths; ++m) {
    if (!std::isfinite(climate.temp_mean_c[m])) {
      throw std::invalid_argument(
          fmt::format("synthetic weather: climate temp_mean_c of month {} is not finite", m + 1));
    }
    if (std::isnan(climate.linke_turbidity[m]) || std::isinf(climate.linke_turbidity[m])) {
      throw std::invalid_argument(fmt::format(
          "synthetic weather: climate linke_turbidity of month {} is not finite", m + 1));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Sunrise and sunset of each day from the mid-hour solar elevations.

struct DayLight {
  double sunrise_h = kDefaultSunriseH;  // local standard hours after midnight
  double sunset_h = kDefaultSunsetH;
};

DayLight day_light(std::span<const SolarPosition> day_positions) {
  DayLight light;
  bool rise_found = false;
  bool set_found = false;
  for (std::size_t h = 1; h < day_positions.size(); ++h) {
    const double e0 = day_positions[h - 1].elevation_deg;
    const double e1 = day_positions[h].elevation_deg;
    const double t0 = static_cast<double>(h - 1) + 0.5;
    if (!rise_found && e0 <= 0.0 && e1 > 0.0) {
      light.sunrise_h = t0 + (0.0 - e0) / (e1 - e0);
      rise_found = true;
    }
    if (!set_found && e0 > 0.0 && e1 <= 0.0) {
      light.sunset_h = t0 + (0.0 - e0) / (e1 - e0);
      set_found = true;
    }
  }
  if (!rise_found || !set_found || light.sunset_h <= light.sunrise_h) {
    return DayLight{};  // polar day or night: a conventional 6 h to 18 h cycle
  }
  return light;
}

// ---------------------------------------------------------------------------------------------
// Solar radiation.

/// The monthly calibration factor s: sum over the month's days of min(s kt, kt_cap) h0 equals
/// `target_wh` (bisection; the left side is non-decreasing in s).
double calibration_factor(std::span<const double> kt, std::span<const double> kt_cap,
                          std::span<const double> h0_wh, double target_wh) {
  const auto total = [&](double s) {
    double sum = 0.0;
    for (std::size_t d = 0; d < kt.size(); ++d) {
      sum += std::min(s * kt[d], kt_cap[d]) * h0_wh[d];
    }
    return sum;
  };
  double low = 0.0;
  double high = 1.0;
  for (int i = 0; i < 60 && total(high) < target_wh; ++i) {
    high *= 2.0;
  }
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (low + high);
    (total(mid) < target_wh ? low : high) = mid;
  }
  return high;
}

/// Scales the hours of one day so that they sum to `target_wh`, holding each at most its cap.
void rescale_day(std::span<double> ghi_w_m2, std::span<const double> cap_w_m2, double target_wh) {
  std::array<bool, kHoursPerDayInt> capped{};
  for (int pass = 0; pass < kMaxRescalePasses; ++pass) {
    double sum_capped = 0.0;
    double sum_free = 0.0;
    for (std::size_t h = 0; h < ghi_w_m2.size(); ++h) {
      (capped[h] ? sum_capped : sum_free) += ghi_w_m2[h];
    }
    if (sum_free <= 0.0) {
      return;
    }
    const double factor = std::max(0.0, target_wh - sum_capped) / sum_free;
    bool newly_capped = false;
    for (std::size_t h = 0; h < ghi_w_m2.size(); ++h) {
      if (capped[h]) continue;
      ghi_w_m2[h] *= factor;
      if (ghi_w_m2[h] > cap_w_m2[h]) {
        ghi_w_m2[h] = cap_w_m2[h];
        capped[h] = true;
        newly_capped = true;
      }
    }
    if (!newly_capped) {
      return;
    }
  }
}

}  // namespace

double disc_dni_w_m2(double ghi_w_m2, double zenith_deg, double dni_extra_w_m2) {
  if (!(ghi_w_m2 > 0.0) || !(zenith_deg <= kMaxZenithForBeamDeg)) {
    return 0.0;
  }
  const double cos_z = std::cos(zenith_deg * kDegToRad);
  const double kt = ghi_w_m2 / (dni_extra_w_m2 * cos_z);
  const double am = kasten_air_mass(zenith_deg);
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;
  if (kt <= 0.6) {
    a = 0.512 - 1.56 * kt + 2.286 * kt * kt - 2.222 * kt * kt * kt;
    b = 0.37 + 0.962 * kt;
    c = -0.28 + 0.932 * kt - 2.048 * kt * kt;
  } else {
    a = -5.743 + 21.77 * kt - 27.49 * kt * kt + 11.56 * kt * kt * kt;
    b = 41.4 - 118.5 * kt + 66.05 * kt * kt + 31.9 * kt * kt * kt;
    c = -47.01 + 184.2 * kt - 222.0 * kt * kt + 73.81 * kt * kt * kt;
  }
  const double delta_kn = a + b * std::exp(c * am);
  const double knc = 0.866 - 0.122 * am + 0.0121 * am * am - 0.000653 * am * am * am +
                     0.000014 * am * am * am * am;
  const double dni = (knc - delta_kn) * dni_extra_w_m2;
  return std::clamp(dni, 0.0, ghi_w_m2 / cos_z);
}

namespace {

// A year of hourly rows with their stamps, every column zero.
WeatherSeries empty_year(const WeatherSite& site, const MonthlyClimate& climate, int year,
                         std::uint64_t seed, std::size_t hours) {
  WeatherSeries series;
  series.site = site;
  series.source = fmt::format("synthetic ({}, seed {})", climate.source, seed);
  series.interval_s = kSecondsPerHourInt;
  series.timing = RowTiming::kIntervalAverage;
  series.resize(hours);
  const LocalTime start = local_from_civil(CivilTime{year, 1, 1, 0, 0, 0});
  for (std::size_t i = 0; i < hours; ++i) {
    series.time[i] = LocalTime{start.seconds + static_cast<std::int64_t>(i) * kSecondsPerHourInt};
  }
  return series;
}

// Linke turbidity: months without a value take the default (and say so).
std::array<double, kMonths> linke_by_month(const MonthlyClimate& climate,
                                           std::vector<std::string>& warnings) {
  std::array<double, kMonths> linke = climate.linke_turbidity;
  std::string defaulted;
  for (std::size_t m = 0; m < kMonths; ++m) {
    auto& tl = linke[m];
    if (tl <= 0.0) {
      tl = kDefaultLinkeTurbidity;
      defaulted += fmt::format("{}{}", defaulted.empty() ? "" : ", ", m + 1);
    }
  }
  if (!defaulted.empty()) {
    warnings.push_back(fmt::format(
        "synthetic weather: no Linke turbidity for month(s) {}; used {} (typical rural sky)",
        defaulted, kDefaultLinkeTurbidity));
  }
  return linke;
}

// Step 1: the sun (at mid-hour) and the extraterrestrial and clear-sky irradiance, hourly and
// daily, over the year: what every later step reads.
struct SkyYear {
  std::vector<SolarPosition> sun;
  std::vector<double> g0_w_m2;  ///< extraterrestrial on the horizontal
  std::vector<double> cs_w_m2;  ///< clear-sky GHI (Ineichen-Perez)
  std::vector<double> i0_w_m2;  ///< extraterrestrial normal
  std::vector<double> cos_z;    ///< 0 with the sun down
  std::vector<AnchorWeights> hour_anchor;
  std::vector<double> h0_wh;  ///< per day: extraterrestrial horizontal
  std::vector<double> cs_wh;  ///< per day: clear sky
};

SkyYear sky_year(const WeatherSite& site, const YearCalendar& calendar, const WeatherSeries& series,
                 const std::array<double, kMonths>& linke) {
  const std::size_t hours = series.size();
  const auto days = static_cast<std::size_t>(calendar.days);
  SkyYear sky;
  std::vector<LocalTime> mid_hour(hours);
  for (std::size_t i = 0; i < hours; ++i) {
    mid_hour[i] = LocalTime{series.time[i].seconds + series.sun_offset_s()};
  }
  sky.sun.resize(hours);
  spa_positions(site, mid_hour, {}, {}, sky.sun);
  sky.g0_w_m2.assign(hours, 0.0);
  sky.cs_w_m2.assign(hours, 0.0);
  sky.i0_w_m2.assign(hours, 0.0);
  sky.cos_z.assign(hours, 0.0);
  sky.hour_anchor.resize(hours);
  sky.h0_wh.assign(days, 0.0);
  sky.cs_wh.assign(days, 0.0);
  for (std::size_t i = 0; i < hours; ++i) {
    const std::size_t month = calendar.month_of_day[i / kHoursPerDayInt];
    const double t_day = (static_cast<double>(i) + 0.5) / kHoursPerDay;
    sky.hour_anchor[i] = anchor_weights(calendar, month, t_day);
    const double r_au = sky.sun[i].earth_sun_distance_au;
    sky.i0_w_m2[i] = kSolarConstantW_m2 / (r_au * r_au);
    if (sky.sun[i].zenith_deg < kRightAngleDeg) {
      sky.cos_z[i] = std::cos(sky.sun[i].zenith_deg * kDegToRad);
      sky.g0_w_m2[i] = sky.i0_w_m2[i] * sky.cos_z[i];
      sky.cs_w_m2[i] = ineichen_perez_clear_sky(sky.sun[i].zenith_deg, sky.i0_w_m2[i], linke[month],
                                                site.elevation_m)
                           .ghi_w_m2;
    }
    sky.h0_wh[i / kHoursPerDayInt] += sky.g0_w_m2[i];
    sky.cs_wh[i / kHoursPerDayInt] += sky.cs_w_m2[i];
  }
  return sky;
}

// The climate's monthly GHI as energy per month, Wh/m2.
std::array<double, kMonths> monthly_target_wh(const YearCalendar& calendar,
                                              const MonthlyClimate& climate) {
  std::array<double, kMonths> target_wh{};
  for (std::size_t m = 0; m < kMonths; ++m) {
    target_wh[m] = climate.ghi_kwh_m2_day[m] * kWhPerKwh * calendar.days_in[m];
  }
  return target_wh;
}

// Step 2: daily clearness index from the Markov transition matrices of each month's mean.
std::vector<double> daily_clearness(const YearCalendar& calendar, const SkyYear& sky,
                                    const std::array<double, kMonths>& target_wh, Random& random) {
  std::array<double, kMonths> monthly_kt{};
  for (std::size_t m = 0; m < kMonths; ++m) {
    double h0_month = 0.0;
    for (int d = calendar.first_day[m]; d < calendar.first_day[m] + calendar.days_in[m]; ++d) {
      h0_month += sky.h0_wh[static_cast<std::size_t>(d)];
    }
    monthly_kt[m] = h0_month > 0.0 ? target_wh[m] / h0_month : 0.0;
  }
  const auto days = static_cast<std::size_t>(calendar.days);
  std::vector<double> daily_kt(days, 0.0);
  double today_kt = monthly_kt[0];
  for (std::size_t d = 0; d < days; ++d) {
    const std::size_t matrix = matrix_index(monthly_kt[calendar.month_of_day[d]]);
    today_kt = next_daily_kt(matrix, today_kt, random);
    daily_kt[d] = today_kt;
  }
  return daily_kt;
}

// Step 3: calibrate each month to the climate, no day above its clear-sky total.
void calibrate_months(const YearCalendar& calendar, const MonthlyClimate& climate,
                      const SkyYear& sky, const std::array<double, kMonths>& target_wh,
                      std::vector<double>& daily_kt, std::vector<std::string>& warnings) {
  const auto days = static_cast<std::size_t>(calendar.days);
  std::vector<double> daily_kt_cap(days, 0.0);
  for (std::size_t d = 0; d < days; ++d) {
    daily_kt_cap[d] = sky.h0_wh[d] > 0.0 ? sky.cs_wh[d] / sky.h0_wh[d] : 0.0;
  }
  for (std::size_t m = 0; m < kMonths; ++m) {
    const auto first = static_cast<std::size_t>(calendar.first_day[m]);
    const auto count = static_cast<std::size_t>(calendar.days_in[m]);
    const std::span<double> kt(daily_kt.data() + first, count);
    const std::span<const double> cap(daily_kt_cap.data() + first, count);
    const std::span<const double> h0(sky.h0_wh.data() + first, count);
    double clear_month_wh = 0.0;
    for (std::size_t d = first; d < first + count; ++d) clear_month_wh += sky.cs_wh[d];
    if (target_wh[m] >= clear_month_wh) {
      if (target_wh[m] > clear_month_wh * (1.0 + 1e-9)) {
        warnings.push_back(fmt::format(
            "synthetic weather: month {} GHI of {:.3f} kWh/m2/day exceeds the clear-sky {:.3f}; "
            "every day of it is clear sky",
            m + 1, climate.ghi_kwh_m2_day[m],
            clear_month_wh / kWhPerKwh / static_cast<double>(count)));
      }
      std::copy(cap.begin(), cap.end(), kt.begin());
      continue;
    }
    const double factor = calibration_factor(kt, cap, h0, target_wh[m]);
    for (std::size_t d = 0; d < count; ++d) {
      kt[d] = std::min(factor * kt[d], cap[d]);
    }
  }
}

// Step 4: hourly clearness within each day (Graham and Hollands), then the daily constraint.
void add_hourly_ghi(const YearCalendar& calendar, const SkyYear& sky,
                    const std::vector<double>& daily_kt, Random& random, WeatherSeries& series) {
  const auto days = static_cast<std::size_t>(calendar.days);
  const double innovation_scale = std::sqrt(1.0 - kHourlyLag1 * kHourlyLag1);
  std::vector<double> cap_w_m2(series.size(), 0.0);
  for (std::size_t i = 0; i < series.size(); ++i) cap_w_m2[i] = kClearSkyCap * sky.cs_w_m2[i];
  for (std::size_t d = 0; d < days; ++d) {
    const double kt_day = daily_kt[d];
    const double lambda = -0.19 + 1.12 * kt_day + 0.24 * std::exp(-8.0 * kt_day);
    const double epsilon = 0.32 - 1.6 * (kt_day - 0.5) * (kt_day - 0.5);
    const double kappa = 0.19 + 2.27 * kt_day * kt_day - 2.51 * kt_day * kt_day * kt_day;
    const double a = 0.14 * std::exp(-20.0 * (kt_day - 0.35) * (kt_day - 0.35));
    const double b = 3.0 * (kt_day - 0.45) * (kt_day - 0.45) + 16.0 * std::pow(kt_day, 5.0);
    bool first_light = true;
    double y = 0.0;
    const std::size_t first_hour = d * kHoursPerDayInt;
    for (std::size_t i = first_hour; i < first_hour + kHoursPerDayInt; ++i) {
      if (sky.g0_w_m2[i] <= 0.0) continue;
      const double sin_alpha = sky.cos_z[i];
      const double kt_mean = lambda + epsilon * std::exp(-kappa / sin_alpha);
      const double sigma = std::min(a * std::exp(b * (1.0 - sin_alpha)), kMaxHourlySigma);
      const double n = random.normal();
      y = first_light ? n : kHourlyLag1 * y + innovation_scale * n;
      first_light = false;
      const double kt_cap = cap_w_m2[i] / sky.g0_w_m2[i];
      const double kt = std::min(std::max(kt_mean + sigma * y, kMinHourlyKt), kt_cap);
      series.ghi_w_m2[i] = kt * sky.g0_w_m2[i];
    }
    rescale_day(std::span<double>(series.ghi_w_m2.data() + first_hour, kHoursPerDayInt),
                std::span<const double>(cap_w_m2.data() + first_hour, kHoursPerDayInt),
                kt_day * sky.h0_wh[d]);
  }
}

// Step 5: direct (DISC) and diffuse.
void split_direct_diffuse(const SkyYear& sky, WeatherSeries& series) {
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double ghi = series.ghi_w_m2[i];
    if (ghi <= 0.0 || sky.g0_w_m2[i] <= 0.0) {
      series.ghi_w_m2[i] = 0.0;
      series.dni_w_m2[i] = 0.0;
      series.dhi_w_m2[i] = 0.0;
      continue;
    }
    const double dni = disc_dni_w_m2(ghi, sky.sun[i].zenith_deg, sky.i0_w_m2[i]);
    series.dni_w_m2[i] = dni;
    series.dhi_w_m2[i] = std::max(0.0, ghi - dni * sky.cos_z[i]);
  }
}

// Temperature, daily: a persistent anomaly (AR(1)) about the monthly anchors.
std::vector<double> temperature_anomalies_c(std::size_t days, Random& random) {
  std::vector<double> anomaly_c(days, 0.0);
  const double innovation = std::sqrt(1.0 - kTempAnomalyLag1 * kTempAnomalyLag1);
  for (std::size_t d = 0; d < days; ++d) {
    const double n = random.normal();
    anomaly_c[d] = d == 0 ? kTempAnomalyStdC * n
                          : kTempAnomalyLag1 * anomaly_c[d - 1] + kTempAnomalyStdC * innovation * n;
  }
  return anomaly_c;
}

// Temperature, daily: the range, wider on days clearer than their month's mean.
std::vector<double> daily_ranges_c(const YearCalendar& calendar, const MonthlyClimate& climate,
                                   const SkyYear& sky, const std::vector<double>& daily_kt,
                                   const std::vector<AnchorWeights>& day_anchor) {
  const auto days = static_cast<std::size_t>(calendar.days);
  std::vector<double> clear_index(days, 1.0);
  std::array<double, kMonths> clear_index_mean{};
  for (std::size_t d = 0; d < days; ++d) {
    if (sky.cs_wh[d] > 0.0) clear_index[d] = daily_kt[d] * sky.h0_wh[d] / sky.cs_wh[d];
    clear_index_mean[calendar.month_of_day[d]] += clear_index[d];
  }
  for (std::size_t m = 0; m < kMonths; ++m) {
    clear_index_mean[m] /= calendar.days_in[m];
  }
  std::vector<double> range_c(days, 0.0);
  for (std::size_t d = 0; d < days; ++d) {
    const auto m = calendar.month_of_day[d];
    const double factor =
        std::clamp(1.0 + kRangeClearnessGain * (clear_index[d] - clear_index_mean[m]),
                   kMinRangeFactor, kMaxRangeFactor);
    range_c[d] = interpolate(climate.temp_daily_range_c, day_anchor[d]) * factor;
  }
  return range_c;
}

// Temperature, hourly: each hour blends the minimum of one day and the maximum of another.
struct Blend {
  std::size_t min_day = 0;
  std::size_t max_day = 0;
  double weight_max = 0.0;
};

std::vector<Blend> diurnal_blend(const std::vector<SolarPosition>& sun, std::size_t days) {
  std::vector<DayLight> light(days);
  std::vector<double> max_time_h(days, 0.0);
  for (std::size_t d = 0; d < days; ++d) {
    light[d] = day_light(
        std::span<const SolarPosition>(sun.data() + d * kHoursPerDayInt, kHoursPerDayInt));
    max_time_h[d] = 0.5 * (light[d].sunrise_h + light[d].sunset_h) + kTempMaxAfterNoonH;
  }
  std::vector<Blend> blend(sun.size());
  for (std::size_t i = 0; i < sun.size(); ++i) {
    const std::size_t d = i / kHoursPerDayInt;
    const double t = static_cast<double>(i % kHoursPerDayInt) + 0.5;
    const double sunrise = light[d].sunrise_h;
    if (t < sunrise) {
      // Falling from yesterday's maximum to today's minimum.
      const std::size_t prev = d > 0 ? d - 1 : d;
      const double from = max_time_h[prev] - kHoursPerDay;
      const double f = (t - from) / (sunrise - from);
      blend[i] = Blend{d, prev, 0.5 * (1.0 + std::cos(kPi * f))};
    } else if (t < max_time_h[d]) {
      // Rising from today's minimum to today's maximum.
      const double f = (t - sunrise) / (max_time_h[d] - sunrise);
      blend[i] = Blend{d, d, 0.5 * (1.0 - std::cos(kPi * f))};
    } else {
      // Falling from today's maximum to tomorrow's minimum.
      const std::size_t next = d + 1 < days ? d + 1 : d;
      const double to = light[next].sunrise_h + kHoursPerDay;
      const double f = (t - max_time_h[d]) / (to - max_time_h[d]);
      blend[i] = Blend{next, d, 0.5 * (1.0 + std::cos(kPi * f))};
    }
  }
  return blend;
}

// Temperature: daily anomaly, daily range linked to the day's clear-sky index, diurnal shape,
// with monthly base anchors solved so that each month's mean is the climate's.
void add_temperature(const YearCalendar& calendar, const MonthlyClimate& climate,
                     const SkyYear& sky, const std::vector<double>& daily_kt, Random random,
                     WeatherSeries& series) {
  const auto days = static_cast<std::size_t>(calendar.days);
  const std::size_t hours = series.size();
  std::vector<AnchorWeights> day_anchor(days);
  for (std::size_t d = 0; d < days; ++d) {
    day_anchor[d] =
        anchor_weights(calendar, calendar.month_of_day[d], static_cast<double>(d) + 0.5);
  }
  const std::vector<double> anomaly_c = temperature_anomalies_c(days, random);
  const std::vector<double> range_c = daily_ranges_c(calendar, climate, sky, daily_kt, day_anchor);
  const std::vector<Blend> blend = diurnal_blend(sky.sun, days);

  // The base anchors: hourly temperature is linear in them, so each month's mean is
  // sum_k M(m, k) anchor_k + (the mean with zero anchors); solve M anchor = target - that.
  const auto temperature_with = [&](const std::array<double, kMonths>& anchors) {
    std::vector<double> t_min_c(days, 0.0);
    std::vector<double> t_max_c(days, 0.0);
    for (std::size_t d = 0; d < days; ++d) {
      const double mean = interpolate(anchors, day_anchor[d]) + anomaly_c[d];
      t_min_c[d] = mean - 0.5 * range_c[d];
      t_max_c[d] = mean + 0.5 * range_c[d];
    }
    for (std::size_t i = 0; i < hours; ++i) {
      const Blend& b = blend[i];
      series.temp_air_c[i] =
          b.weight_max * t_max_c[b.max_day] + (1.0 - b.weight_max) * t_min_c[b.min_day];
    }
  };
  MonthlyMatrix temp_matrix{};
  for (std::size_t i = 0; i < hours; ++i) {
    const auto m = calendar.month_of_day[i / kHoursPerDayInt];
    const AnchorWeights& at_max = day_anchor[blend[i].max_day];
    const AnchorWeights& at_min = day_anchor[blend[i].min_day];
    const double w = blend[i].weight_max;
    temp_matrix[m][at_max.first] += w * (1.0 - at_max.weight_second);
    temp_matrix[m][at_max.second] += w * at_max.weight_second;
    temp_matrix[m][at_min.first] += (1.0 - w) * (1.0 - at_min.weight_second);
    temp_matrix[m][at_min.second] += (1.0 - w) * at_min.weight_second;
  }
  temperature_with({});
  std::array<double, kMonths> temp_rhs{};
  const std::array<double, kMonths> zero_anchor_mean = monthly_means(series.temp_air_c, calendar);
  for (std::size_t m = 0; m < kMonths; ++m) {
    const double hours_in_month = calendar.days_in[m] * kHoursPerDay;
    for (double& value : temp_matrix[m]) value /= hours_in_month;
    temp_rhs[m] = climate.temp_mean_c[m] - zero_anchor_mean[m];
  }
  temperature_with(solve_monthly(temp_matrix, temp_rhs));
}

// Wind: afternoon-peaked diurnal cycle times a persistent log-normal factor, with monthly base
// anchors solved so that each month's mean is the climate's.
void add_wind(const YearCalendar& calendar, const MonthlyClimate& climate,
              const std::vector<AnchorWeights>& hour_anchor, Random random, WeatherSeries& series) {
  const std::size_t hours = series.size();
  std::array<double, kHoursPerDayInt> wind_diurnal{};
  for (std::size_t h = 0; h < kHoursPerDayInt; ++h) {
    const double t = static_cast<double>(h) + 0.5;
    wind_diurnal[h] =
        1.0 + kWindDiurnalAmplitude * std::cos(2.0 * kPi * (t - kWindPeakHour) / kHoursPerDay);
  }
  std::vector<double> wind_factor(hours, 0.0);
  const double wind_innovation = std::sqrt(1.0 - kWindLag1 * kWindLag1);
  double g = 0.0;
  for (std::size_t i = 0; i < hours; ++i) {
    const double n = random.normal();
    g = i == 0 ? n : kWindLag1 * g + wind_innovation * n;
    wind_factor[i] = wind_diurnal[i % kHoursPerDayInt] *
                     std::exp(kWindLogStd * g - 0.5 * kWindLogStd * kWindLogStd);
  }
  // Wind speed is linear in the base anchors too.
  MonthlyMatrix wind_matrix{};
  for (std::size_t i = 0; i < hours; ++i) {
    const auto m = calendar.month_of_day[i / kHoursPerDayInt];
    wind_matrix[m][hour_anchor[i].first] += (1.0 - hour_anchor[i].weight_second) * wind_factor[i];
    wind_matrix[m][hour_anchor[i].second] += hour_anchor[i].weight_second * wind_factor[i];
  }
  for (std::size_t m = 0; m < kMonths; ++m) {
    const double hours_in_month = calendar.days_in[m] * kHoursPerDay;
    for (double& value : wind_matrix[m]) value /= hours_in_month;
  }
  std::array<double, kMonths> wind_anchor = solve_monthly(wind_matrix, climate.wind_speed_m_s);
  for (double& anchor : wind_anchor) anchor = std::max(anchor, 0.0);
  for (std::size_t i = 0; i < hours; ++i) {
    series.wind_speed_m_s[i] = interpolate(wind_anchor, hour_anchor[i]) * wind_factor[i];
  }
}

}  // namespace

WeatherSeries generate_weather(const WeatherSite& site, const MonthlyClimate& climate, int year,
                               std::uint64_t seed) {
  check_climate(site, climate);
  const YearCalendar calendar(year);
  WeatherSeries series = empty_year(site, climate, year, seed,
                                    static_cast<std::size_t>(calendar.days) * kHoursPerDayInt);
  const SkyYear sky = sky_year(site, calendar, series, linke_by_month(climate, series.warnings));
  Random solar_random(seed, year, 1);
  const std::array<double, kMonths> target_wh = monthly_target_wh(calendar, climate);
  std::vector<double> daily_kt = daily_clearness(calendar, sky, target_wh, solar_random);
  calibrate_months(calendar, climate, sky, target_wh, daily_kt, series.warnings);
  add_hourly_ghi(calendar, sky, daily_kt, solar_random, series);
  split_direct_diffuse(sky, series);
  add_temperature(calendar, climate, sky, daily_kt, Random(seed, year, 2), series);
  add_wind(calendar, climate, sky.hour_anchor, Random(seed, year, 3), series);
  // Pressure of the standard atmosphere at the site; albedo stays NaN.
  const double pressure_mbar =
      kSeaLevelPressureMbar *
      std::pow(1.0 - kLapseOverT0PerM * site.elevation_m, kBarometricExponent);
  std::fill(series.pressure_mbar.begin(), series.pressure_mbar.end(), pressure_mbar);
  return series;
}

}  // namespace stargate
