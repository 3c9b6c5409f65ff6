// NREL's Solar Position Algorithm (SPA), implemented from the published paper.
//
// Source: I. Reda and A. Andreas, "Solar Position Algorithm for Solar Radiation Applications",
// NREL/TP-560-34302, National Renewable Energy Laboratory (2003, revised January 2008). Equation
// numbers below are the paper's; the periodic terms are the paper's Table A4.2 (Earth
// heliocentric longitude L, latitude B and radius R, after VSOP87) and Table A4.3 (nutation in
// longitude and obliquity). Stated uncertainty: +/-0.0003 deg for the years -2000..6000.
//
// Equations, in order (all angles in degrees unless marked _rad):
//   JD  (4): Julian day from the civil date, UT = local time - timezone + delta_ut1;
//            JDE = JD + delta_t / 86400 (5); JC, JCE (6, 7) Julian centuries from J2000;
//            JME = JCE / 10 (8) Julian ephemeris millennia.
//   L, B, R (9-12): sums of A cos(B + C JME) over Table A4.2, combined as a polynomial in JME
//            and divided by 1e8 (radians for L and B, AU for R).
//   Theta = L + 180, beta = -B (13, 14): geocentric longitude and latitude.
//   X0..X4 (15-19): mean elongation of the moon, anomalies of sun and moon, moon's argument of
//            latitude, longitude of the moon's ascending node; delta_psi and delta_epsilon
//            (20-23) sum (a + b JCE) sin(sum X_j Y_ij) and (c + d JCE) cos(...) over Table A4.3,
//            in units of 0.0001 arcsec.
//   epsilon0 (24): mean obliquity, a polynomial in U = JME / 10 (arcsec);
//            epsilon = epsilon0 / 3600 + delta_epsilon (25).
//   delta_tau = -20.4898 / (3600 R) (26): aberration; lambda = Theta + delta_psi + delta_tau (27).
//   nu0, nu (28, 29): mean and apparent sidereal time at Greenwich (nu = nu0 + delta_psi cos
//            epsilon).
//   alpha, delta (30, 31): geocentric right ascension and declination.
//   H = nu + sigma - alpha (32): observer local hour angle (sigma: longitude, east positive).
//   xi = 8.794 / (3600 R) (33): equatorial horizontal parallax of the sun; u, x, y (34-36) from
//            the latitude and elevation; delta_alpha, alpha', delta', H' (37-40): topocentric
//            right ascension parallax, right ascension, declination and hour angle.
//   e0 (41): topocentric elevation without refraction; delta_e (42): atmospheric refraction
//            (P / 1010) (283 / (273 + T)) 1.02 / (60 tan(e0 + 10.3 / (e0 + 5.11))), applied only
//            while e0 >= -(0.26667 + atmos_refract) (the sun's upper limb above the horizon);
//            e = e0 + delta_e (43); zenith theta = 90 - e (44).
//   Gamma (45): astronomers' azimuth (westward from south); Phi = Gamma + 180 (46): azimuth
//            eastward from north.
//
// Worked example of the paper (tests/unit/weather/solar_position_test.cpp checks it): Golden,
// Colorado, 2003-10-17 12:30:30 local standard time, timezone -7 h, delta_ut1 = 0,
// delta_t = 67 s, latitude 39.742476, longitude -105.1786, elevation 1830.14 m, 820 mbar, 11 C,
// atmos_refract 0.5667: JD = 2452930.312847, L = 24.0182616917, B = -0.0001011219,
// R = 0.9965422974 AU, delta_psi = -0.00399840, delta_epsilon = 0.00166657,
// epsilon = 23.440465, alpha = 202.22741, delta = -9.31434, H = 11.105900, zenith 50.11162,
// azimuth 194.34024.
//
// Fast path (spa_positions): alpha - delta_psi cos(epsilon), delta and R are evaluated by the
// full series at 0 h UT of each day (from the day before the first instant to two days after
// the last) and interpolated to each instant by the cubic through four consecutive days; the
// mean sidereal time nu0 is exact per instant, and the hour angle, parallax, topocentric
// position and refraction follow equations 32-46 (rewritten without intermediate inverse
// trigonometric functions, which is algebraically identical). The interpolation error is below
// 1e-6 deg. The Earth series of consecutive days are evaluated by rotating each term's phase by
// its daily advance (angle addition, re-seeded every few days) and the nutation terms from
// integer powers of exp(i X_j), both identical to the direct sums to rounding.
#include "stargate/weather/solar_position.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>
#include <stdexcept>
#include <vector>

#include "stargate/core/numeric.hpp"
#include "stargate/core/units.hpp"

namespace stargate {
namespace {

constexpr double kArcsecPerDeg = 3600.0;
constexpr double kArcminPerDeg = 60.0;

// ---- Time (equations 4-8) ----
constexpr double kJulianDayOffset = 1524.5;      ///< eq. 4
constexpr double kJulianYearDays = 365.25;       ///< eq. 4
constexpr double kJulianYearOffset = 4716.0;     ///< eq. 4
constexpr double kMonthDaysFactor = 30.6001;     ///< eq. 4
constexpr double kGregorianStartJd = 2299160.0;  ///< eq. 4: Julian calendar before this JD
constexpr double kJ2000Jd = 2451545.0;           ///< 2000-01-01 12:00 TT
constexpr double kDaysPerJulianCentury = 36525.0;
constexpr double kCenturiesPerMillennium = 10.0;
constexpr double kUnixEpochJd = 2440587.5;  ///< 1970-01-01 00:00 UT
/// J2000.0 minus the Unix epoch, in days: JD - kJ2000Jd = day_index - this + fraction.
constexpr double kJ2000DaysAfterUnixEpoch = kJ2000Jd - kUnixEpochJd;

// ---- Earth heliocentric position (equations 9-12, Table A4.2) ----
constexpr double kEarthTermScale = 1.0e8;

struct PeriodicTerm {
  double a;  ///< amplitude, 1e-8 rad (L, B) or 1e-8 AU (R)
  double b;  ///< phase, rad
  double c;  ///< frequency, rad per Julian millennium
};

// clang-format off
constexpr std::array<PeriodicTerm, 64> kL0{{
    {175347046.0, 0.0, 0.0},
    {3341656.0, 4.6692568, 6283.07585},
    {34894.0, 4.6261, 12566.1517},
    {3497.0, 2.7441, 5753.3849},
    {3418.0, 2.8289, 3.5231},
    {3136.0, 3.6277, 77713.7715},
    {2676.0, 4.4181, 7860.4194},
    {2343.0, 6.1352, 3930.2097},
    {1324.0, 0.7425, 11506.7698},
    {1273.0, 2.0371, 529.691},
    {1199.0, 1.1096, 1577.3435},
    {990.0, 5.233, 5884.927},
    {902.0, 2.045, 26.298},
    {857.0, 3.508, 398.149},
    {780.0, 1.179, 5223.694},
    {753.0, 2.533, 5507.553},
    {505.0, 4.583, 18849.228},
    {492.0, 4.205, 775.523},
    {357.0, 2.92, 0.067},
    {317.0, 5.849, 11790.629},
    {284.0, 1.899, 796.298},
    {271.0, 0.315, 10977.079},
    {243.0, 0.345, 5486.778},
    {206.0, 4.806, 2544.314},
    {205.0, 1.869, 5573.143},
    {202.0, 2.458, 6069.777},
    {156.0, 0.833, 213.299},
    {132.0, 3.411, 2942.463},
    {126.0, 1.083, 20.775},
    {115.0, 0.645, 0.98},
    {103.0, 0.636, 4694.003},
    {102.0, 0.976, 15720.839},
    {102.0, 4.267, 7.114},
    {99.0, 6.21, 2146.17},
    {98.0, 0.68, 155.42},
    {86.0, 5.98, 161000.69},
    {85.0, 1.3, 6275.96},
    {85.0, 3.67, 71430.7},
    {80.0, 1.81, 17260.15},
    {79.0, 3.04, 12036.46},
    {75.0, 1.76, 5088.63},
    {74.0, 3.5, 3154.69},
    {74.0, 4.68, 801.82},
    {70.0, 0.83, 9437.76},
    {62.0, 3.98, 8827.39},
    {61.0, 1.82, 7084.9},
    {57.0, 2.78, 6286.6},
    {56.0, 4.39, 14143.5},
    {56.0, 3.47, 6279.55},
    {52.0, 0.19, 12139.55},
    {52.0, 1.33, 1748.02},
    {51.0, 0.28, 5856.48},
    {49.0, 0.49, 1194.45},
    {41.0, 5.37, 8429.24},
    {41.0, 2.4, 19651.05},
    {39.0, 6.17, 10447.39},
    {37.0, 6.04, 10213.29},
    {37.0, 2.57, 1059.38},
    {36.0, 1.71, 2352.87},
    {36.0, 1.78, 6812.77},
    {33.0, 0.59, 17789.85},
    {30.0, 0.44, 83996.85},
    {30.0, 2.74, 1349.87},
    {25.0, 3.16, 4690.48},
}};

constexpr std::array<PeriodicTerm, 34> kL1{{
    {628331966747.0, 0.0, 0.0},
    {206059.0, 2.678235, 6283.07585},
    {4303.0, 2.6351, 12566.1517},
    {425.0, 1.59, 3.523},
    {119.0, 5.796, 26.298},
    {109.0, 2.966, 1577.344},
    {93.0, 2.59, 18849.23},
    {72.0, 1.14, 529.69},
    {68.0, 1.87, 398.15},
    {67.0, 4.41, 5507.55},
    {59.0, 2.89, 5223.69},
    {56.0, 2.17, 155.42},
    {45.0, 0.4, 796.3},
    {36.0, 0.47, 775.52},
    {29.0, 2.65, 7.11},
    {21.0, 5.34, 0.98},
    {19.0, 1.85, 5486.78},
    {19.0, 4.97, 213.3},
    {17.0, 2.99, 6275.96},
    {16.0, 0.03, 2544.31},
    {16.0, 1.43, 2146.17},
    {15.0, 1.21, 10977.08},
    {12.0, 2.83, 1748.02},
    {12.0, 3.26, 5088.63},
    {12.0, 5.27, 1194.45},
    {12.0, 2.08, 4694.0},
    {11.0, 0.77, 553.57},
    {10.0, 1.3, 6286.6},
    {10.0, 4.24, 1349.87},
    {9.0, 2.7, 242.73},
    {9.0, 5.64, 951.72},
    {8.0, 5.3, 2352.87},
    {6.0, 2.65, 9437.76},
    {6.0, 4.67, 4690.48},
}};

constexpr std::array<PeriodicTerm, 20> kL2{{
    {52919.0, 0.0, 0.0},
    {8720.0, 1.0721, 6283.0758},
    {309.0, 0.867, 12566.152},
    {27.0, 0.05, 3.52},
    {16.0, 5.19, 26.3},
    {16.0, 3.68, 155.42},
    {10.0, 0.76, 18849.23},
    {9.0, 2.06, 77713.77},
    {7.0, 0.83, 775.52},
    {5.0, 4.66, 1577.34},
    {4.0, 1.03, 7.11},
    {4.0, 3.44, 5573.14},
    {3.0, 5.14, 796.3},
    {3.0, 6.05, 5507.55},
    {3.0, 1.19, 242.73},
    {3.0, 6.12, 529.69},
    {3.0, 0.31, 398.15},
    {3.0, 2.28, 553.57},
    {2.0, 4.38, 5223.69},
    {2.0, 3.75, 0.98},
}};

constexpr std::array<PeriodicTerm, 7> kL3{{
    {289.0, 5.844, 6283.076},
    {35.0, 0.0, 0.0},
    {17.0, 5.49, 12566.15},
    {3.0, 5.2, 155.42},
    {1.0, 4.72, 3.52},
    {1.0, 5.3, 18849.23},
    {1.0, 5.97, 242.73},
}};

constexpr std::array<PeriodicTerm, 3> kL4{{
    {114.0, 3.142, 0.0},
    {8.0, 4.13, 6283.08},
    {1.0, 3.84, 12566.15},
}};

constexpr std::array<PeriodicTerm, 1> kL5{{
    {1.0, 3.14, 0.0},
}};

constexpr std::array<PeriodicTerm, 5> kB0{{
    {280.0, 3.199, 84334.662},
    {102.0, 5.422, 5507.553},
    {80.0, 3.88, 5223.69},
    {44.0, 3.7, 2352.87},
    {32.0, 4.0, 1577.34},
}};

constexpr std::array<PeriodicTerm, 2> kB1{{
    {9.0, 3.9, 5507.55},
    {6.0, 1.73, 5223.69},
}};

constexpr std::array<PeriodicTerm, 40> kR0{{
    {100013989.0, 0.0, 0.0},
    {1670700.0, 3.0984635, 6283.07585},
    {13956.0, 3.05525, 12566.1517},
    {3084.0, 5.1985, 77713.7715},
    {1628.0, 1.1739, 5753.3849},
    {1576.0, 2.8469, 7860.4194},
    {925.0, 5.453, 11506.77},
    {542.0, 4.564, 3930.21},
    {472.0, 3.661, 5884.927},
    {346.0, 0.964, 5507.553},
    {329.0, 5.9, 5223.694},
    {307.0, 0.299, 5573.143},
    {243.0, 4.273, 11790.629},
    {212.0, 5.847, 1577.344},
    {186.0, 5.022, 10977.079},
    {175.0, 3.012, 18849.228},
    {110.0, 5.055, 5486.778},
    {98.0, 0.89, 6069.78},
    {86.0, 5.69, 15720.84},
    {86.0, 1.27, 161000.69},
    {65.0, 0.27, 17260.15},
    {63.0, 0.92, 529.69},
    {57.0, 2.01, 83996.85},
    {56.0, 5.24, 71430.7},
    {49.0, 3.25, 2544.31},
    {47.0, 2.58, 775.52},
    {45.0, 5.54, 9437.76},
    {43.0, 6.01, 6275.96},
    {39.0, 5.36, 4694.0},
    {38.0, 2.39, 8827.39},
    {37.0, 0.83, 19651.05},
    {37.0, 4.9, 12139.55},
    {36.0, 1.67, 12036.46},
    {35.0, 1.84, 2942.46},
    {33.0, 0.24, 7084.9},
    {32.0, 0.18, 5088.63},
    {32.0, 1.78, 398.15},
    {28.0, 1.21, 6286.6},
    {28.0, 1.9, 6279.55},
    {26.0, 4.59, 10447.39},
}};

constexpr std::array<PeriodicTerm, 10> kR1{{
    {103019.0, 1.10749, 6283.07585},
    {1721.0, 1.0644, 12566.1517},
    {702.0, 3.142, 0.0},
    {32.0, 1.02, 18849.23},
    {31.0, 2.84, 5507.55},
    {25.0, 1.32, 5223.69},
    {18.0, 1.42, 1577.34},
    {10.0, 5.91, 10977.08},
    {9.0, 1.42, 6275.96},
    {9.0, 0.27, 5486.78},
}};

constexpr std::array<PeriodicTerm, 6> kR2{{
    {4359.0, 5.7846, 6283.0758},
    {124.0, 5.579, 12566.152},
    {12.0, 3.14, 0.0},
    {9.0, 3.63, 77713.77},
    {6.0, 1.87, 5573.14},
    {3.0, 5.47, 18849.23},
}};

constexpr std::array<PeriodicTerm, 2> kR3{{
    {145.0, 4.273, 6283.076},
    {7.0, 3.92, 12566.15},
}};

constexpr std::array<PeriodicTerm, 1> kR4{{
    {4.0, 2.56, 6283.08},
}};
// clang-format on

/// One of L, B, R: the series L0, L1, ... multiplying JME^0, JME^1, ...
using EarthSeries = std::span<const std::span<const PeriodicTerm>>;
constexpr std::array<std::span<const PeriodicTerm>, 6> kLSeries{kL0, kL1, kL2, kL3, kL4, kL5};
constexpr std::array<std::span<const PeriodicTerm>, 2> kBSeries{kB0, kB1};
constexpr std::array<std::span<const PeriodicTerm>, 5> kRSeries{kR0, kR1, kR2, kR3, kR4};
constexpr std::array<EarthSeries, 3> kEarthSeries{kLSeries, kBSeries, kRSeries};
enum EarthQuantity : std::size_t { kLongitude = 0, kLatitude = 1, kRadius = 2 };

// ---- Nutation (equations 15-23, Table A4.3) ----
constexpr double kNutationUnitDeg = 1.0e-4 / kArcsecPerDeg;  ///< table unit: 0.0001 arcsec

/// X0..X4 as cubic polynomials in JCE: {constant, JCE, JCE^2, JCE^3}.
constexpr std::array<std::array<double, 4>, 5> kNutationArguments{{
    {297.85036, 445267.111480, -0.0019142, 1.0 / 189474.0},
    {357.52772, 35999.050340, -0.0001603, -1.0 / 300000.0},
    {134.96298, 477198.867398, 0.0086972, 1.0 / 56250.0},
    {93.27191, 483202.017538, -0.0036825, 1.0 / 327270.0},
    {125.04452, -1934.136261, 0.0020708, 1.0 / 450000.0},
}};

struct NutationTerm {
  std::array<int, 5> y;  ///< multiples of X0..X4
  double a;              ///< delta_psi = (a + b JCE) sin(...)
  double b;
  double c;  ///< delta_epsilon = (c + d JCE) cos(...)
  double d;
};

// clang-format off
constexpr std::array<NutationTerm, 63> kNutation{{
    {{0, 0, 0, 0, 1}, -171996.0, -174.2, 92025.0, 8.9},
    {{-2, 0, 0, 2, 2}, -13187.0, -1.6, 5736.0, -3.1},
    {{0, 0, 0, 2, 2}, -2274.0, -0.2, 977.0, -0.5},
    {{0, 0, 0, 0, 2}, 2062.0, 0.2, -895.0, 0.5},
    {{0, 1, 0, 0, 0}, 1426.0, -3.4, 54.0, -0.1},
    {{0, 0, 1, 0, 0}, 712.0, 0.1, -7.0, 0.0},
    {{-2, 1, 0, 2, 2}, -517.0, 1.2, 224.0, -0.6},
    {{0, 0, 0, 2, 1}, -386.0, -0.4, 200.0, 0.0},
    {{0, 0, 1, 2, 2}, -301.0, 0.0, 129.0, -0.1},
    {{-2, -1, 0, 2, 2}, 217.0, -0.5, -95.0, 0.3},
    {{-2, 0, 1, 0, 0}, -158.0, 0.0, 0.0, 0.0},
    {{-2, 0, 0, 2, 1}, 129.0, 0.1, -70.0, 0.0},
    {{0, 0, -1, 2, 2}, 123.0, 0.0, -53.0, 0.0},
    {{2, 0, 0, 0, 0}, 63.0, 0.0, 0.0, 0.0},
    {{0, 0, 1, 0, 1}, 63.0, 0.1, -33.0, 0.0},
    {{2, 0, -1, 2, 2}, -59.0, 0.0, 26.0, 0.0},
    {{0, 0, -1, 0, 1}, -58.0, -0.1, 32.0, 0.0},
    {{0, 0, 1, 2, 1}, -51.0, 0.0, 27.0, 0.0},
    {{-2, 0, 2, 0, 0}, 48.0, 0.0, 0.0, 0.0},
    {{0, 0, -2, 2, 1}, 46.0, 0.0, -24.0, 0.0},
    {{2, 0, 0, 2, 2}, -38.0, 0.0, 16.0, 0.0},
    {{0, 0, 2, 2, 2}, -31.0, 0.0, 13.0, 0.0},
    {{0, 0, 2, 0, 0}, 29.0, 0.0, 0.0, 0.0},
    {{-2, 0, 1, 2, 2}, 29.0, 0.0, -12.0, 0.0},
    {{0, 0, 0, 2, 0}, 26.0, 0.0, 0.0, 0.0},
    {{-2, 0, 0, 2, 0}, -22.0, 0.0, 0.0, 0.0},
    {{0, 0, -1, 2, 1}, 21.0, 0.0, -10.0, 0.0},
    {{0, 2, 0, 0, 0}, 17.0, -0.1, 0.0, 0.0},
    {{2, 0, -1, 0, 1}, 16.0, 0.0, -8.0, 0.0},
    {{-2, 2, 0, 2, 2}, -16.0, 0.1, 7.0, 0.0},
    {{0, 1, 0, 0, 1}, -15.0, 0.0, 9.0, 0.0},
    {{-2, 0, 1, 0, 1}, -13.0, 0.0, 7.0, 0.0},
    {{0, -1, 0, 0, 1}, -12.0, 0.0, 6.0, 0.0},
    {{0, 0, 2, -2, 0}, 11.0, 0.0, 0.0, 0.0},
    {{2, 0, -1, 2, 1}, -10.0, 0.0, 5.0, 0.0},
    {{2, 0, 1, 2, 2}, -8.0, 0.0, 3.0, 0.0},
    {{0, 1, 0, 2, 2}, 7.0, 0.0, -3.0, 0.0},
    {{-2, 1, 1, 0, 0}, -7.0, 0.0, 0.0, 0.0},
    {{0, -1, 0, 2, 2}, -7.0, 0.0, 3.0, 0.0},
    {{2, 0, 0, 2, 1}, -7.0, 0.0, 3.0, 0.0},
    {{2, 0, 1, 0, 0}, 6.0, 0.0, 0.0, 0.0},
    {{-2, 0, 2, 2, 2}, 6.0, 0.0, -3.0, 0.0},
    {{-2, 0, 1, 2, 1}, 6.0, 0.0, -3.0, 0.0},
    {{2, 0, -2, 0, 1}, -6.0, 0.0, 3.0, 0.0},
    {{2, 0, 0, 0, 1}, -6.0, 0.0, 3.0, 0.0},
    {{0, -1, 1, 0, 0}, 5.0, 0.0, 0.0, 0.0},
    {{-2, -1, 0, 2, 1}, -5.0, 0.0, 3.0, 0.0},
    {{-2, 0, 0, 0, 1}, -5.0, 0.0, 3.0, 0.0},
    {{0, 0, 2, 2, 1}, -5.0, 0.0, 3.0, 0.0},
    {{-2, 0, 2, 0, 1}, 4.0, 0.0, 0.0, 0.0},
    {{-2, 1, 0, 2, 1}, 4.0, 0.0, 0.0, 0.0},
    {{0, 0, 1, -2, 0}, 4.0, 0.0, 0.0, 0.0},
    {{-1, 0, 1, 0, 0}, -4.0, 0.0, 0.0, 0.0},
    {{-2, 1, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
    {{1, 0, 0, 0, 0}, -4.0, 0.0, 0.0, 0.0},
    {{0, 0, 1, 2, 0}, 3.0, 0.0, 0.0, 0.0},
    {{0, 0, -2, 2, 2}, -3.0, 0.0, 0.0, 0.0},
    {{-1, -1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
    {{0, 1, 1, 0, 0}, -3.0, 0.0, 0.0, 0.0},
    {{0, -1, 1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
    {{2, -1, -1, 2, 2}, -3.0, 0.0, 0.0, 0.0},
    {{0, 0, 3, 2, 2}, -3.0, 0.0, 0.0, 0.0},
    {{2, -1, 0, 2, 2}, -3.0, 0.0, 0.0, 0.0},
}};
// clang-format on

// ---- Obliquity, aberration, sidereal time (equations 24-29) ----
/// epsilon0 (arcsec) as a polynomial in U = JME / 10, constant term first.
constexpr std::array<double, 11> kMeanObliquityArcsec{
    84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67, -39.05, 7.12, 27.87, 5.79, 2.45};
constexpr double kAberrationArcsec = 20.4898;         ///< eq. 26, times 1 AU / R
constexpr double kSiderealAtJ2000Deg = 280.46061837;  ///< eq. 28
constexpr double kSiderealRateDegPerDay = 360.98564736629;
constexpr double kSiderealJc2Deg = 0.000387933;
constexpr double kSiderealJc3Divisor = 38710000.0;

// ---- Parallax, refraction (equations 33-43) ----
constexpr double kSunParallaxArcsec = 8.794;            ///< eq. 33, times 1 AU / R
constexpr double kEarthPolarToEquatorial = 0.99664719;  ///< eq. 34, 36: b / a of the Earth
constexpr double kEarthEquatorialRadiusM = 6378140.0;   ///< eq. 35, 36
constexpr double kSunRadiusDeg = 0.26667;               ///< apparent radius of the sun's disc
constexpr double kRefractionPressureMbar = 1010.0;      ///< eq. 42
constexpr double kRefractionTemperatureK = 283.0;
constexpr double kCelsiusZeroK = 273.0;  ///< as in eq. 42
constexpr double kRefractionArcmin = 1.02;
constexpr double kRefractionOffsetDeg = 10.3;
constexpr double kRefractionPoleDeg = 5.11;

double limit_degrees(double degrees) {
  const double limited = std::fmod(degrees, kFullCircleDeg);
  return limited < 0.0 ? limited + kFullCircleDeg : limited;
}

/// Wraps a difference of angles to [-180, 180).
double wrap_difference_deg(double degrees) {
  return degrees - kFullCircleDeg * std::floor((degrees + kHalfCircleDeg) / kFullCircleDeg);
}

/// The paper's INT: the integer part, truncated towards zero.
double int_part(double value) {
  return std::trunc(value);
}

double polynomial(std::span<const double> coefficients, double x) {
  double sum = 0.0;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) {
    sum = sum * x + *it;
  }
  return sum;
}

/// Equations 9-12: one of L (rad), B (rad), R (AU) at JME.
double earth_value(EarthSeries series, double jme) {
  double sum = 0.0;
  for (std::size_t i = series.size(); i-- > 0;) {
    double term_sum = 0.0;
    for (const PeriodicTerm& term : series[i]) {
      term_sum += term.a * std::cos(term.b + term.c * jme);
    }
    sum = sum * jme + term_sum;
  }
  return sum / kEarthTermScale;
}

/// The slowly varying quantities of the SPA at one instant (equations 5-31).
struct Geocentric {
  double l_deg = 0.0;
  double b_deg = 0.0;
  double r_au = 0.0;
  double theta_deg = 0.0;
  double beta_deg = 0.0;
  double delta_psi_deg = 0.0;
  double delta_epsilon_deg = 0.0;
  double epsilon0_arcsec = 0.0;
  double epsilon_deg = 0.0;
  double delta_tau_deg = 0.0;
  double lambda_deg = 0.0;
  double alpha_deg = 0.0;
  double delta_deg = 0.0;
};

struct Nutation {
  double delta_psi_deg = 0.0;
  double delta_epsilon_deg = 0.0;
};

std::array<double, 5> nutation_arguments_deg(double jce) {
  std::array<double, 5> x{};
  for (std::size_t j = 0; j < x.size(); ++j) {
    x[j] = polynomial(kNutationArguments[j], jce);
  }
  return x;
}

/// Equations 15-23, summed term by term.
Nutation nutation(double jce) {
  const std::array<double, 5> x = nutation_arguments_deg(jce);
  Nutation result;
  for (const NutationTerm& term : kNutation) {
    double argument_deg = 0.0;
    for (std::size_t j = 0; j < x.size(); ++j) {
      argument_deg += x[j] * term.y[j];
    }
    const double argument_rad = argument_deg * kDegToRad;
    result.delta_psi_deg += (term.a + term.b * jce) * std::sin(argument_rad);
    result.delta_epsilon_deg += (term.c + term.d * jce) * std::cos(argument_rad);
  }
  result.delta_psi_deg *= kNutationUnitDeg;
  result.delta_epsilon_deg *= kNutationUnitDeg;
  return result;
}

/// Equations 13, 14 and 24-31 from L, B, R and the nutation.
Geocentric geocentric_from(double l_rad, double b_rad, double r_au, const Nutation& nut,
                           double jme) {
  Geocentric g;
  g.l_deg = limit_degrees(l_rad * kRadToDeg);
  g.b_deg = b_rad * kRadToDeg;
  g.r_au = r_au;
  g.theta_deg = limit_degrees(g.l_deg + kHalfCircleDeg);  // eq. 13
  g.beta_deg = -g.b_deg;                                  // eq. 14
  g.delta_psi_deg = nut.delta_psi_deg;
  g.delta_epsilon_deg = nut.delta_epsilon_deg;
  g.epsilon0_arcsec = polynomial(kMeanObliquityArcsec, jme / kCenturiesPerMillennium);  // eq. 24
  g.epsilon_deg = g.epsilon0_arcsec / kArcsecPerDeg + g.delta_epsilon_deg;              // eq. 25
  g.delta_tau_deg = -kAberrationArcsec / (kArcsecPerDeg * r_au);                        // eq. 26
  g.lambda_deg = g.theta_deg + g.delta_psi_deg + g.delta_tau_deg;                       // eq. 27
  const double lambda_rad = g.lambda_deg * kDegToRad;
  const double epsilon_rad = g.epsilon_deg * kDegToRad;
  const double beta_rad = g.beta_deg * kDegToRad;
  g.alpha_deg = limit_degrees(  // eq. 30
      std::atan2(
          std::sin(lambda_rad) * std::cos(epsilon_rad) - std::tan(beta_rad) * std::sin(epsilon_rad),
          std::cos(lambda_rad)) *
      kRadToDeg);
  g.delta_deg = std::asin(std::sin(beta_rad) * std::cos(epsilon_rad) +  // eq. 31
                          std::cos(beta_rad) * std::sin(epsilon_rad) * std::sin(lambda_rad)) *
                kRadToDeg;
  return g;
}

/// Equations 9-31 at one ephemeris instant.
Geocentric geocentric(double jce) {
  const double jme = jce / kCenturiesPerMillennium;
  return geocentric_from(earth_value(kLSeries, jme), earth_value(kBSeries, jme),
                         earth_value(kRSeries, jme), nutation(jce), jme);
}

/// Equation 28 without the reduction to 0..360.
double mean_sidereal_unreduced_deg(double days_from_j2000, double jc) {
  return kSiderealAtJ2000Deg + kSiderealRateDegPerDay * days_from_j2000 +
         jc * jc * (kSiderealJc2Deg - jc / kSiderealJc3Divisor);
}

/// Equation 42 without the elevation term: (P / 1010) (283 / (273 + T)) 1.02 / 60 (deg).
double refraction_factor_deg(double pressure_mbar, double temperature_c) {
  return (pressure_mbar / kRefractionPressureMbar) *
         (kRefractionTemperatureK / (kCelsiusZeroK + temperature_c)) * kRefractionArcmin /
         kArcminPerDeg;
}

/// Equation 42: refraction correction (deg) at the unrefracted elevation e0, zero while the
/// sun's upper limb is below -atmos_refract.
double refraction_deg(double e0_deg, double factor_deg, double atmos_refract_deg) {
  if (e0_deg < -(kSunRadiusDeg + atmos_refract_deg)) {
    return 0.0;
  }
  return factor_deg /
         std::tan((e0_deg + kRefractionOffsetDeg / (e0_deg + kRefractionPoleDeg)) * kDegToRad);
}

/// The observer's geocentric position terms x = rho cos(phi'), y = rho sin(phi') (eq. 34-36).
struct ObserverTerms {
  double x = 0.0;
  double y = 0.0;
};

ObserverTerms observer_terms(double latitude_deg, double elevation_m) {
  const double phi_rad = latitude_deg * kDegToRad;
  const double u_rad = std::atan(kEarthPolarToEquatorial * std::tan(phi_rad));  // eq. 34
  const double height = elevation_m / kEarthEquatorialRadiusM;
  return ObserverTerms{std::cos(u_rad) + height * std::cos(phi_rad),  // eq. 35
                       kEarthPolarToEquatorial * std::sin(u_rad) + height * std::sin(phi_rad)};
}

void check_range(double value, double low, double high, const char* name) {
  if (!(value >= low && value <= high)) {
    throw std::invalid_argument(
        fmt::format("SPA input {} = {} is not within [{}, {}]", name, value, low, high));
  }
}

// Input ranges (the paper's validity range of the algorithm for the year; physical limits
// for the rest).
constexpr int kMinYear = -2000;
constexpr int kMaxYear = 6000;
constexpr double kMaxTimezoneH = 18.0;
constexpr double kMaxDeltaUt1S = 1.0;
constexpr double kMaxDeltaTS = 8000.0;
constexpr double kMaxLongitudeDeg = 180.0;
constexpr double kMinElevationM = -6500000.0;  ///< the centre of the Earth, roughly
constexpr double kMaxElevationM = 1.0e8;
constexpr double kMaxPressureMbar = 5000.0;
constexpr double kMinTemperatureC = -273.0;  ///< exclusive: eq. 42 divides by 273 + T
constexpr double kMaxTemperatureC = 6000.0;
constexpr double kMaxAtmosRefractDeg = 5.0;
constexpr double kMaxDayOfMonth = 31.0;
constexpr double kMaxHour = 24.0;
constexpr double kMaxMinute = 59.0;
constexpr double kMaxSecond = 60.0;

void check_temperature(double temperature_c) {
  check_range(temperature_c, kMinTemperatureC, kMaxTemperatureC, "temperature_c");
  if (temperature_c == kMinTemperatureC) {
    throw std::invalid_argument("SPA input temperature_c must be above -273 C");
  }
}

void validate(const SpaInput& in) {
  check_range(in.year, kMinYear, kMaxYear, "year");
  check_range(in.month, 1, 12, "month");
  check_range(in.day, 1, kMaxDayOfMonth, "day");
  check_range(in.hour, 0, kMaxHour, "hour");
  check_range(in.minute, 0, kMaxMinute, "minute");
  check_range(in.second, 0, kMaxSecond, "second");
  check_range(in.timezone_h, -kMaxTimezoneH, kMaxTimezoneH, "timezone_h");
  check_range(in.delta_ut1_s, -kMaxDeltaUt1S, kMaxDeltaUt1S, "delta_ut1_s");
  check_range(in.delta_t_s, -kMaxDeltaTS, kMaxDeltaTS, "delta_t_s");
  check_range(in.latitude_deg, -kRightAngleDeg, kRightAngleDeg, "latitude_deg");
  check_range(in.longitude_deg, -kMaxLongitudeDeg, kMaxLongitudeDeg, "longitude_deg");
  check_range(in.elevation_m, kMinElevationM, kMaxElevationM, "elevation_m");
  check_range(in.pressure_mbar, 0.0, kMaxPressureMbar, "pressure_mbar");
  check_temperature(in.temperature_c);
  check_range(in.atmos_refract_deg, -kMaxAtmosRefractDeg, kMaxAtmosRefractDeg, "atmos_refract_deg");
}

/// Equations 5-46 from the Julian day (UT); `details` receives JD and every later quantity.
void spa_from_julian_day(double jd, const SpaInput& in, SpaDetails& d) {
  d.jd = jd;
  d.jde = jd + in.delta_t_s / kSecondsPerDay;          // eq. 5
  d.jc = (d.jd - kJ2000Jd) / kDaysPerJulianCentury;    // eq. 6
  d.jce = (d.jde - kJ2000Jd) / kDaysPerJulianCentury;  // eq. 7
  d.jme = d.jce / kCenturiesPerMillennium;             // eq. 8
  const Geocentric g = geocentric(d.jce);
  d.l_deg = g.l_deg;
  d.b_deg = g.b_deg;
  d.r_au = g.r_au;
  d.theta_deg = g.theta_deg;
  d.beta_deg = g.beta_deg;
  d.delta_psi_deg = g.delta_psi_deg;
  d.delta_epsilon_deg = g.delta_epsilon_deg;
  d.epsilon0_arcsec = g.epsilon0_arcsec;
  d.epsilon_deg = g.epsilon_deg;
  d.delta_tau_deg = g.delta_tau_deg;
  d.lambda_deg = g.lambda_deg;
  d.alpha_deg = g.alpha_deg;
  d.delta_deg = g.delta_deg;

  d.nu0_deg = limit_degrees(mean_sidereal_unreduced_deg(d.jd - kJ2000Jd, d.jc));  // eq. 28
  d.nu_deg = d.nu0_deg + d.delta_psi_deg * std::cos(d.epsilon_deg * kDegToRad);   // eq. 29
  d.h_deg = limit_degrees(d.nu_deg + in.longitude_deg - d.alpha_deg);             // eq. 32

  d.xi_deg = kSunParallaxArcsec / (kArcsecPerDeg * d.r_au);  // eq. 33
  const ObserverTerms obs = observer_terms(in.latitude_deg, in.elevation_m);
  const double phi_rad = in.latitude_deg * kDegToRad;
  const double xi_rad = d.xi_deg * kDegToRad;
  const double h_rad = d.h_deg * kDegToRad;
  const double delta_rad = d.delta_deg * kDegToRad;
  const double denominator = std::cos(delta_rad) - obs.x * std::sin(xi_rad) * std::cos(h_rad);
  const double delta_alpha_rad =
      std::atan2(-obs.x * std::sin(xi_rad) * std::sin(h_rad), denominator);  // eq. 37
  d.delta_alpha_deg = delta_alpha_rad * kRadToDeg;
  d.alpha_prime_deg = d.alpha_deg + d.delta_alpha_deg;  // eq. 38
  const double delta_prime_rad =
      std::atan2((std::sin(delta_rad) - obs.y * std::sin(xi_rad)) * std::cos(delta_alpha_rad),
                 denominator);  // eq. 39
  d.delta_prime_deg = delta_prime_rad * kRadToDeg;
  d.h_prime_deg = d.h_deg - d.delta_alpha_deg;  // eq. 40
  const double h_prime_rad = d.h_prime_deg * kDegToRad;

  d.e0_deg = std::asin(std::sin(phi_rad) * std::sin(delta_prime_rad) +  // eq. 41
                       std::cos(phi_rad) * std::cos(delta_prime_rad) * std::cos(h_prime_rad)) *
             kRadToDeg;
  d.delta_e_deg = refraction_deg(
      d.e0_deg, refraction_factor_deg(in.pressure_mbar, in.temperature_c), in.atmos_refract_deg);
  d.e_deg = d.e0_deg + d.delta_e_deg;       // eq. 43
  d.zenith_deg = kRightAngleDeg - d.e_deg;  // eq. 44
  d.gamma_deg = limit_degrees(              // eq. 45
      std::atan2(std::sin(h_prime_rad), std::cos(h_prime_rad) * std::sin(phi_rad) -
                                            std::tan(delta_prime_rad) * std::cos(phi_rad)) *
      kRadToDeg);
  d.azimuth_deg = limit_degrees(d.gamma_deg + kHalfCircleDeg);  // eq. 46
}

SolarPosition position_from(const SpaDetails& d) {
  return SolarPosition{d.zenith_deg, d.azimuth_deg, d.e_deg, d.delta_deg, d.r_au};
}

// ---- Fast path ----

/// Cubic through f(-1), f(0), f(1), f(2) as c0 + c1 n + c2 n^2 + c3 n^3.
struct Cubic {
  double c0 = 0.0;
  double c1 = 0.0;
  double c2 = 0.0;
  double c3 = 0.0;

  static Cubic through(double fm1, double f0, double f1, double f2) {
    constexpr double kHalf = 0.5;
    constexpr double kThird = 1.0 / 3.0;
    constexpr double kSixth = 1.0 / 6.0;
    return Cubic{f0, -kThird * fm1 - kHalf * f0 + f1 - kSixth * f2, kHalf * (fm1 + f1) - f0,
                 kSixth * (f2 - fm1) + kHalf * (f0 - f1)};
  }
  [[nodiscard]] double operator()(double n) const { return c0 + n * (c1 + n * (c2 + n * c3)); }
};

/// Interpolation coefficients for the instants of one UT day.
struct DayCoefficients {
  double nu0_at_midnight_deg = 0.0;  ///< eq. 28 without the JC terms, reduced to 0..360
  Cubic alpha_minus_eqeq_deg;
  Cubic delta_deg;
  Cubic r_au;
  double sin_delta0 = 0.0;  ///< sin and cos of delta at 0 h UT
  double cos_delta0 = 0.0;
};

/// sin(x) and cos(x) for |x| < 0.01 rad by their Taylor series to x^5 and x^6: the next terms
/// are below 1e-18. (Reciprocals: a division by a constant stays a division.)
constexpr double kInvTaylor3 = 1.0 / 6.0;   // 1 / 3!
constexpr double kInvTaylor4 = 1.0 / 12.0;  // 2! / 4!
constexpr double kInvTaylor5 = 1.0 / 20.0;  // 3! / 5!
constexpr double kInvTaylor6 = 1.0 / 30.0;  // 4! / 6!
double small_sin(double x) {
  const double x2 = x * x;
  return x * (1.0 - x2 * kInvTaylor3 * (1.0 - x2 * kInvTaylor5));
}
double small_cos(double x) {
  const double x2 = x * x;
  return 1.0 - x2 * 0.5 * (1.0 - x2 * kInvTaylor4 * (1.0 - x2 * kInvTaylor6));
}
constexpr double kDaysPerSecond = 1.0 / kSecondsPerDay;
constexpr double kCenturiesPerDay = 1.0 / kDaysPerJulianCentury;
constexpr double kSiderealJc3Deg = 1.0 / kSiderealJc3Divisor;

constexpr std::size_t earth_term_count() {
  std::size_t count = 0;
  for (const EarthSeries& series : kEarthSeries) {
    for (const std::span<const PeriodicTerm>& terms : series) {
      count += terms.size();
    }
  }
  return count;
}
constexpr std::size_t kEarthTermCount = earth_term_count();

/// Evaluates the Earth series (equations 9-12) at JME = jme0 + k step for k = 0, 1, ... by
/// rotating each term's phase by c step per call (angle addition), re-seeded by direct cos and
/// sin every kReseedSteps steps so that rounding cannot accumulate. Same values as earth_value
/// to about 1e-15 relative.
class EarthSeriesStepper {
 public:
  EarthSeriesStepper(double jme0, double step) : jme0_(jme0), step_(step) {
    std::size_t t = 0;
    for_each_term([&](const PeriodicTerm& term) {
      amplitude_[t] = term.a;
      rotation_cos_[t] = std::cos(term.c * step);
      rotation_sin_[t] = std::sin(term.c * step);
      ++t;
    });
  }

  /// L (rad), B (rad), R (AU) at the next step.
  std::array<double, 3> next() {
    const double jme = jme0_ + static_cast<double>(index_) * step_;
    const bool reseed = index_ % kReseedSteps == 0;
    if (reseed) {
      std::size_t t = 0;
      for_each_term([&](const PeriodicTerm& term) {
        const double argument = term.b + term.c * jme;
        cos_[t] = std::cos(argument);
        sin_[t] = std::sin(argument);
        ++t;
      });
    }
    ++index_;
    std::array<double, 3> values{};
    std::size_t t = 0;
    for (std::size_t q = 0; q < kEarthSeries.size(); ++q) {
      std::array<double, kLSeries.size()> power_sums{};
      for (std::size_t i = 0; i < kEarthSeries[q].size(); ++i) {
        const std::size_t end = t + kEarthSeries[q][i].size();
        double sum = 0.0;
        if (reseed) {
          for (; t < end; ++t) {
            sum += amplitude_[t] * cos_[t];
          }
        } else {
          for (; t < end; ++t) {
            const double rotated_cos = cos_[t] * rotation_cos_[t] - sin_[t] * rotation_sin_[t];
            sin_[t] = sin_[t] * rotation_cos_[t] + cos_[t] * rotation_sin_[t];
            cos_[t] = rotated_cos;
            sum += amplitude_[t] * rotated_cos;
          }
        }
        power_sums[i] = sum;
      }
      values[q] =
          polynomial(std::span(power_sums).first(kEarthSeries[q].size()), jme) / kEarthTermScale;
    }
    return values;
  }

 private:
  static constexpr std::size_t kReseedSteps = 64;

  template <typename Function>
  static void for_each_term(Function&& function) {
    for (const EarthSeries& series : kEarthSeries) {
      for (const std::span<const PeriodicTerm>& terms : series) {
        for (const PeriodicTerm& term : terms) {
          function(term);
        }
      }
    }
  }

  double jme0_;
  double step_;
  std::size_t index_ = 0;
  std::array<double, kEarthTermCount> amplitude_{};
  std::array<double, kEarthTermCount> rotation_cos_{};
  std::array<double, kEarthTermCount> rotation_sin_{};
  std::array<double, kEarthTermCount> cos_{};
  std::array<double, kEarthTermCount> sin_{};
};

constexpr int kMinNutationMultiple = -2;
constexpr int kMaxNutationMultiple = 3;
constexpr std::size_t kNutationMultiples = kMaxNutationMultiple - kMinNutationMultiple + 1;

/// The non-zero multiples of one nutation term: argument j and index Y_ij + 2.
struct NutationFactors {
  std::array<std::size_t, 5> argument{};
  std::array<std::size_t, 5> multiple{};
  std::size_t count = 0;
};

constexpr std::array<NutationFactors, kNutation.size()> nutation_factors() {
  std::array<NutationFactors, kNutation.size()> all{};
  for (std::size_t t = 0; t < kNutation.size(); ++t) {
    for (std::size_t j = 0; j < kNutation[t].y.size(); ++j) {
      if (kNutation[t].y[j] != 0) {
        all[t].argument[all[t].count] = j;
        all[t].multiple[all[t].count] =
            static_cast<std::size_t>(kNutation[t].y[j] - kMinNutationMultiple);
        ++all[t].count;
      }
    }
  }
  return all;
}
constexpr std::array<NutationFactors, kNutation.size()> kNutationFactors = nutation_factors();

/// Equations 15-23 with each term's exp(i sum X_j Y_ij) formed as the product of integer powers
/// exp(i Y_ij X_j): 5 sin/cos pairs instead of 63. Same values as nutation() to rounding.
Nutation nutation_by_powers(double jce) {
  constexpr auto kZero = static_cast<std::size_t>(-kMinNutationMultiple);
  const std::array<double, 5> x = nutation_arguments_deg(jce);
  // powers_cos[j][k + 2] + i powers_sin[j][k + 2] = exp(i k X_j) for k = -2..3.
  std::array<std::array<double, kNutationMultiples>, 5> powers_cos{};
  std::array<std::array<double, kNutationMultiples>, 5> powers_sin{};
  for (std::size_t j = 0; j < x.size(); ++j) {
    const double x_rad = limit_degrees(x[j]) * kDegToRad;
    const double c1 = std::cos(x_rad);
    const double s1 = std::sin(x_rad);
    const double c2 = c1 * c1 - s1 * s1;
    const double s2 = 2.0 * s1 * c1;
    auto& pc = powers_cos[j];
    auto& ps = powers_sin[j];
    pc[kZero] = 1.0;
    ps[kZero] = 0.0;
    pc[kZero + 1] = c1;
    ps[kZero + 1] = s1;
    pc[kZero + 2] = c2;
    ps[kZero + 2] = s2;
    pc[kZero + 3] = c2 * c1 - s2 * s1;
    ps[kZero + 3] = s2 * c1 + c2 * s1;
    pc[kZero - 1] = c1;
    ps[kZero - 1] = -s1;
    pc[kZero - 2] = c2;
    ps[kZero - 2] = -s2;
  }
  Nutation result;
  for (std::size_t t = 0; t < kNutation.size(); ++t) {
    const NutationTerm& term = kNutation[t];
    const NutationFactors& factors = kNutationFactors[t];
    double phase_cos = powers_cos[factors.argument[0]][factors.multiple[0]];
    double phase_sin = powers_sin[factors.argument[0]][factors.multiple[0]];
    for (std::size_t f = 1; f < factors.count; ++f) {
      const double c = powers_cos[factors.argument[f]][factors.multiple[f]];
      const double s = powers_sin[factors.argument[f]][factors.multiple[f]];
      const double next_cos = phase_cos * c - phase_sin * s;
      phase_sin = phase_sin * c + phase_cos * s;
      phase_cos = next_cos;
    }
    result.delta_psi_deg += (term.a + term.b * jce) * phase_sin;
    result.delta_epsilon_deg += (term.c + term.d * jce) * phase_cos;
  }
  result.delta_psi_deg *= kNutationUnitDeg;
  result.delta_epsilon_deg *= kNutationUnitDeg;
  return result;
}

}  // namespace

double julian_day(int year, int month, double day) {
  double y = year;
  double m = month;
  if (month < 3) {  // eq. 4: January and February count as months 13 and 14 of the year before
    y -= 1.0;
    m += 12.0;
  }
  const double jd = int_part(kJulianYearDays * (y + kJulianYearOffset)) +
                    int_part(kMonthDaysFactor * (m + 1.0)) + day - kJulianDayOffset;
  if (jd <= kGregorianStartJd) {
    return jd;
  }
  constexpr double kCenturyYears = 100.0;
  constexpr double kGregorianBase = 2.0;
  constexpr double kLeapCenturyPeriod = 4.0;
  const double a = int_part(y / kCenturyYears);
  return jd + kGregorianBase - a + int_part(a / kLeapCenturyPeriod);
}

SpaDetails spa_details(const SpaInput& input) {
  validate(input);
  const double day =
      input.day +
      (input.hour - input.timezone_h +
       (input.minute + (input.second + input.delta_ut1_s) / kSecondsPerMinute) / kMinutesPerHour) /
          kHoursPerDay;
  SpaDetails details;
  spa_from_julian_day(julian_day(input.year, input.month, day), input, details);
  return details;
}

SolarPosition spa_position(const SpaInput& input) {
  return position_from(spa_details(input));
}

namespace {

// Pressure and temperature per instant: given (a NaN takes the standard value) or standard.
class Atmosphere {
 public:
  Atmosphere(std::span<const double> pressure_mbar, std::span<const double> temperature_c)
      : pressure_mbar_(pressure_mbar), temperature_c_(temperature_c) {
    for (const double pressure : pressure_mbar) {
      if (!std::isnan(pressure)) {
        check_range(pressure, 0.0, kMaxPressureMbar, "pressure_mbar");
      }
    }
    for (const double temperature : temperature_c) {
      if (!std::isnan(temperature)) {
        check_temperature(temperature);
      }
    }
  }
  [[nodiscard]] bool standard() const { return pressure_mbar_.empty() && temperature_c_.empty(); }
  [[nodiscard]] double pressure_mbar(std::size_t i) const {
    return pressure_mbar_.empty() || std::isnan(pressure_mbar_[i]) ? kSpaStandardPressureMbar
                                                                   : pressure_mbar_[i];
  }
  [[nodiscard]] double temperature_c(std::size_t i) const {
    return temperature_c_.empty() || std::isnan(temperature_c_[i]) ? kSpaStandardTemperatureC
                                                                   : temperature_c_[i];
  }

 private:
  std::span<const double> pressure_mbar_;
  std::span<const double> temperature_c_;
};

// The first and last UT day of the instants (days since 1970-01-01), checked on the local day
// first so the offset cannot overflow.
std::pair<std::int64_t, std::int64_t> ut_day_range(std::span<const LocalTime> local_times,
                                                   std::int64_t offset_s) {
  const std::int64_t min_day = days_from_civil(kMinYear, 1, 1);
  const std::int64_t max_day = days_from_civil(kMaxYear, 12, 31);
  std::int64_t first_day = max_day;
  std::int64_t last_day = min_day;
  for (const LocalTime& time : local_times) {
    const std::int64_t local_day = floor_div(time.seconds, kSecondsPerDayInt);
    if (local_day < min_day || local_day > max_day) {
      throw std::invalid_argument(
          fmt::format("spa_positions: instant {} s is outside the years {}..{}", time.seconds,
                      kMinYear, kMaxYear));
    }
    const std::int64_t day = floor_div(time.seconds - offset_s, kSecondsPerDayInt);
    first_day = std::min(first_day, day);
    last_day = std::max(last_day, day);
  }
  return {first_day, last_day};
}

// Sparse instants: the full algorithm per instant (cheaper than the daily table).
void positions_one_by_one(const SpaInput& defaults, std::span<const LocalTime> local_times,
                          std::int64_t offset_s, const Atmosphere& atmosphere,
                          std::span<SolarPosition> out) {
  for (std::size_t i = 0; i < local_times.size(); ++i) {
    SpaInput input = defaults;
    input.pressure_mbar = atmosphere.pressure_mbar(i);
    input.temperature_c = atmosphere.temperature_c(i);
    const double utc_days = static_cast<double>(local_times[i].seconds - offset_s) / kSecondsPerDay;
    SpaDetails details;
    spa_from_julian_day(kUnixEpochJd + utc_days, input, details);
    out[i] = position_from(details);
  }
}

// The cubic of day k uses the samples of days k-1..k+2.
constexpr std::int64_t kSamplesBefore = 1;
constexpr std::int64_t kSamplesAfter = 2;

// One cubic per UT day of first_day..last_day: samples at 0 h UT of days first_day - 1 ..
// last_day + 2 of alpha - delta_psi cos(epsilon), delta and R.
std::vector<DayCoefficients> daily_table(std::int64_t first_day, std::int64_t last_day,
                                         double delta_t_s) {
  const auto samples =
      static_cast<std::size_t>(last_day - first_day + 1 + kSamplesBefore + kSamplesAfter);
  const std::int64_t first_sample_day = first_day - kSamplesBefore;
  const double delta_t_days = delta_t_s / kSecondsPerDay;
  const double first_jce =
      (static_cast<double>(first_sample_day) - kJ2000DaysAfterUnixEpoch + delta_t_days) /
      kDaysPerJulianCentury;
  constexpr double kDayJme = 1.0 / (kDaysPerJulianCentury * kCenturiesPerMillennium);
  EarthSeriesStepper earth(first_jce / kCenturiesPerMillennium, kDayJme);
  std::vector<DayCoefficients> table(samples);
  for (std::size_t s = 0; s < samples; ++s) {
    const double jce = first_jce + static_cast<double>(s) / kDaysPerJulianCentury;
    const std::array<double, 3> lbr = earth.next();
    const Geocentric g = geocentric_from(lbr[kLongitude], lbr[kLatitude], lbr[kRadius],
                                         nutation_by_powers(jce), jce / kCenturiesPerMillennium);
    // The samples wait in the cubics' constant terms until all exist.
    table[s].alpha_minus_eqeq_deg.c0 =
        g.alpha_deg - g.delta_psi_deg * std::cos(g.epsilon_deg * kDegToRad);
    table[s].delta_deg.c0 = g.delta_deg;
    table[s].r_au.c0 = g.r_au;
  }
  // The cubic of day first_day + s replaces table[s], the sample of the day before it, which no
  // later cubic reads: the table is built in place.
  for (std::size_t s = 0; s + kSamplesBefore + kSamplesAfter < samples; ++s) {
    const std::size_t centre = s + kSamplesBefore;
    const double a0 = table[centre].alpha_minus_eqeq_deg.c0;
    auto alpha = [&](std::size_t k) {
      return wrap_difference_deg(table[k].alpha_minus_eqeq_deg.c0 - a0);
    };
    DayCoefficients day;
    day.alpha_minus_eqeq_deg =
        Cubic::through(alpha(centre - 1), 0.0, alpha(centre + 1), alpha(centre + 2));
    day.alpha_minus_eqeq_deg.c0 = a0;
    day.delta_deg = Cubic::through(table[centre - 1].delta_deg.c0, table[centre].delta_deg.c0,
                                   table[centre + 1].delta_deg.c0, table[centre + 2].delta_deg.c0);
    day.r_au = Cubic::through(table[centre - 1].r_au.c0, table[centre].r_au.c0,
                              table[centre + 1].r_au.c0, table[centre + 2].r_au.c0);
    const double days_from_j2000 =
        static_cast<double>(first_day + static_cast<std::int64_t>(s)) - kJ2000DaysAfterUnixEpoch;
    day.nu0_at_midnight_deg =
        limit_degrees(kSiderealAtJ2000Deg + kSiderealRateDegPerDay * days_from_j2000);
    day.sin_delta0 = std::sin(day.delta_deg.c0 * kDegToRad);
    day.cos_delta0 = std::cos(day.delta_deg.c0 * kDegToRad);
    table[s] = day;
  }
  table.resize(samples - static_cast<std::size_t>(kSamplesBefore + kSamplesAfter));
  return table;
}

// Blocks of instants, one pass per library function, so that its calls are independent and
// overlap (one instant's chain of sin, asin, tan and atan2 would otherwise run serially).
constexpr std::size_t kBlock = 64;

// The per-instant quantities of a block that the topocentric passes read.
struct BlockTerms {
  std::array<double, kBlock> h_rad{};
  std::array<double, kBlock> sin_delta{};
  std::array<double, kBlock> cos_delta{};
  std::array<double, kBlock> sin_xi{};
};

// Per instant from the day's cubics: the observer's hour angle, the declination (its sine and
// cosine by angle addition from 0 h UT: delta changes by less than 0.41 deg a day), the distance
// and sin(xi) = xi - xi^3 / 6 (xi < 5e-5 rad). Writes declination and distance to `out`.
void geocentric_block(const std::vector<DayCoefficients>& table, std::int64_t first_day,
                      const WeatherSite& site, std::span<const LocalTime> times,
                      std::int64_t offset_s, BlockTerms& terms, std::span<SolarPosition> out) {
  const double parallax_rad = kSunParallaxArcsec / kArcsecPerDeg * kDegToRad;
  for (std::size_t k = 0; k < times.size(); ++k) {
    const std::int64_t utc_s = times[k].seconds - offset_s;
    const std::int64_t day = floor_div(utc_s, kSecondsPerDayInt);
    const DayCoefficients& coefficients = table[static_cast<std::size_t>(day - first_day)];
    const double n = static_cast<double>(utc_s - day * kSecondsPerDayInt) * kDaysPerSecond;
    const double jc = (static_cast<double>(day) - kJ2000DaysAfterUnixEpoch + n) * kCenturiesPerDay;
    const double nu0_deg = coefficients.nu0_at_midnight_deg + kSiderealRateDegPerDay * n +
                           jc * jc * (kSiderealJc2Deg - jc * kSiderealJc3Deg);
    terms.h_rad[k] =
        (nu0_deg + site.longitude_deg - coefficients.alpha_minus_eqeq_deg(n)) * kDegToRad;
    const double delta_deg = coefficients.delta_deg(n);
    const double delta_change_rad = (delta_deg - coefficients.delta_deg.c0) * kDegToRad;
    const double sin_change = small_sin(delta_change_rad);
    const double cos_change = small_cos(delta_change_rad);
    terms.sin_delta[k] =
        coefficients.sin_delta0 * cos_change + coefficients.cos_delta0 * sin_change;
    terms.cos_delta[k] =
        coefficients.cos_delta0 * cos_change - coefficients.sin_delta0 * sin_change;
    const double r_au = coefficients.r_au(n);
    const double xi_rad = parallax_rad / r_au;
    terms.sin_xi[k] = xi_rad * (1.0 - xi_rad * xi_rad * kInvTaylor3);
    out[k].declination_deg = delta_deg;
    out[k].earth_sun_distance_au = r_au;
  }
}

// Per instant: equations 28-46, with the inverse trigonometric functions of 37-40 eliminated.
// With A = cos(delta) - x sin(xi) cos(H), B = -x sin(xi) sin(H) and C = sin(delta) - y sin(xi):
// tan(delta_alpha) = B / A, tan(delta') = C / sqrt(A^2 + B^2), and
// sin(H') cos(delta') s = sin(H) A - cos(H) B, cos(H') cos(delta') s = cos(H) A + sin(H) B,
// sin(delta') s = C, where s = sqrt(A^2 + B^2 + C^2).
void topocentric_block(const WeatherSite& site, const BlockTerms& terms,
                       const Atmosphere& atmosphere, std::size_t first,
                       std::span<SolarPosition> out) {
  const ObserverTerms obs = observer_terms(site.latitude_deg, site.elevation_m);
  const double phi_rad = site.latitude_deg * kDegToRad;
  const double sin_phi = std::sin(phi_rad);
  const double cos_phi = std::cos(phi_rad);
  const double standard_factor_deg =
      refraction_factor_deg(kSpaStandardPressureMbar, kSpaStandardTemperatureC);
  const double refraction_limit_deg = -(kSunRadiusDeg + kSpaDefaultAtmosRefractDeg);
  const std::size_t size = out.size();
  std::array<double, kBlock> sin_e0{};
  std::array<double, kBlock> azimuth_y{};
  std::array<double, kBlock> azimuth_x{};
  for (std::size_t k = 0; k < size; ++k) {
    const double sin_h = std::sin(terms.h_rad[k]);
    const double cos_h = std::cos(terms.h_rad[k]);
    const double a = terms.cos_delta[k] - obs.x * terms.sin_xi[k] * cos_h;
    const double b = -obs.x * terms.sin_xi[k] * sin_h;
    const double c = terms.sin_delta[k] - obs.y * terms.sin_xi[k];
    const double meridian = cos_h * a + sin_h * b;  // cos(H') cos(delta') s
    sin_e0[k] = std::clamp((sin_phi * c + cos_phi * meridian) / std::sqrt(a * a + b * b + c * c),
                           -1.0, 1.0);
    azimuth_y[k] = sin_h * a - cos_h * b;  // sin(H') cos(delta') s
    azimuth_x[k] = meridian * sin_phi - c * cos_phi;
  }
  for (std::size_t k = 0; k < size; ++k) {
    out[k].elevation_deg = std::asin(sin_e0[k]) * kRadToDeg;  // e0 until refracted
  }
  for (std::size_t k = 0; k < size; ++k) {
    const double e0_deg = out[k].elevation_deg;
    if (e0_deg >= refraction_limit_deg) {
      const double factor_deg = atmosphere.standard()
                                    ? standard_factor_deg
                                    : refraction_factor_deg(atmosphere.pressure_mbar(first + k),
                                                            atmosphere.temperature_c(first + k));
      out[k].elevation_deg =
          e0_deg + refraction_deg(e0_deg, factor_deg, kSpaDefaultAtmosRefractDeg);
    }
    out[k].zenith_deg = kRightAngleDeg - out[k].elevation_deg;
  }
  for (std::size_t k = 0; k < size; ++k) {
    double azimuth_deg =
        std::atan2(azimuth_y[k], azimuth_x[k]) * kRadToDeg + kHalfCircleDeg;  // eq. 45, 46
    if (azimuth_deg >= kFullCircleDeg) {
      azimuth_deg -= kFullCircleDeg;
    }
    out[k].azimuth_deg = azimuth_deg;
  }
}

}  // namespace

void spa_positions(const WeatherSite& site, std::span<const LocalTime> local_times,
                   std::span<const double> pressure_mbar, std::span<const double> temperature_c,
                   std::span<SolarPosition> out) {
  const std::size_t count = local_times.size();
  if (out.size() != count || (!pressure_mbar.empty() && pressure_mbar.size() != count) ||
      (!temperature_c.empty() && temperature_c.size() != count)) {
    throw std::invalid_argument(fmt::format(
        "spa_positions: {} instants but {} outputs, {} pressures and {} temperatures (each "
        "must match; pressures and temperatures may also be empty)",
        count, out.size(), pressure_mbar.size(), temperature_c.size()));
  }
  SpaInput defaults;
  defaults.timezone_h = site.utc_offset_h;
  defaults.latitude_deg = site.latitude_deg;
  defaults.longitude_deg = site.longitude_deg;
  defaults.elevation_m = site.elevation_m;
  validate(defaults);
  if (count == 0) {
    return;
  }
  const auto offset_s =
      static_cast<std::int64_t>(std::llround(site.utc_offset_h * kSecondsPerHour));
  const auto [first_day, last_day] = ut_day_range(local_times, offset_s);
  const Atmosphere atmosphere(pressure_mbar, temperature_c);
  const std::int64_t days = last_day - first_day + 1;
  if (static_cast<std::uint64_t>(days + kSamplesBefore + kSamplesAfter) > count) {
    positions_one_by_one(defaults, local_times, offset_s, atmosphere, out);
    return;
  }
  const std::vector<DayCoefficients> table = daily_table(first_day, last_day, defaults.delta_t_s);
  BlockTerms terms;
  for (std::size_t first = 0; first < count; first += kBlock) {
    const std::size_t size = std::min(kBlock, count - first);
    const std::span<SolarPosition> block = out.subspan(first, size);
    geocentric_block(table, first_day, site, local_times.subspan(first, size), offset_s, terms,
                     block);
    topocentric_block(site, terms, atmosphere, first, block);
  }
}

}  // namespace stargate
