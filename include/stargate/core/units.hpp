// Physical and monetary units: the internal units of the engine and the parsing of unit strings
// such as "1.2 GW", "15 min" or "350 $/kWh" at the input boundary.
//
// Internal units (see docs/units.md): power kW, energy kWh, time s, money USD, energy prices
// USD/MWh, capital cost per power USD/kW, capacity charges USD/kW-yr, GPU-hour prices
// USD/GPU-h, fractions 0..1, temperatures degC, lengths m, speeds m/s, emission rates kg/MWh,
// carbon prices USD/t, fuel prices USD/MMBtu, heat rates Btu/kWh, ramp rates kW/min. Every
// conversion factor is a named constant below; code never multiplies by a bare 3600 or 1000.
#pragma once

#include <cstdint>
#include <numbers>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace stargate {

// Every conversion factor of the engine lives here, once (scripts/check-conventions fails on a
// local copy elsewhere, under this name or as a bare 3600, 86400 or pi/180).

// Time. "y" is a 365-day year; growth rates use the Julian year.
inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kMinutesPerHour = 60.0;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kHoursPerDay = 24.0;
inline constexpr double kSecondsPerDay = kSecondsPerHour * kHoursPerDay;
inline constexpr int kDaysPerWeek = 7;
inline constexpr double kDaysPerYear = 365.0;  ///< the "y" unit of durations: a 365-day year
inline constexpr double kHoursPerYear = kHoursPerDay * kDaysPerYear;  ///< 8760
inline constexpr double kSecondsPerYear = kSecondsPerDay * kDaysPerYear;
inline constexpr double kDaysPerJulianYear = 365.25;
inline constexpr double kSecondsPerJulianYear = kSecondsPerDay * kDaysPerJulianYear;
// The same in whole seconds, for LocalTime arithmetic.
inline constexpr std::int64_t kSecondsPerMinuteInt = 60;
inline constexpr std::int64_t kSecondsPerHourInt = 3600;
inline constexpr std::int64_t kSecondsPerDayInt = 86400;
inline constexpr std::int64_t kHoursPerDayInt = 24;
// Calendar.
inline constexpr int kMonthsPerYear = 12;
inline constexpr int kMonthsPerQuarter = 3;
inline constexpr int kQuartersPerYear = 4;
inline constexpr double kYearsPerQuarter = 0.25;

// Power and energy.
inline constexpr double kWPerKw = 1000.0;
inline constexpr double kWhPerKwh = 1000.0;
inline constexpr double kKwPerMw = 1000.0;
inline constexpr double kKwhPerMwh = 1000.0;
inline constexpr double kMwPerGw = 1000.0;

// Mass, money, fractions.
inline constexpr double kKgPerTonne = 1000.0;      ///< metric tonne (carbon prices are per t CO2)
inline constexpr double kKgPerPound = 0.45359237;  ///< international avoirdupois pound (exact)
inline constexpr double kUsdPerMillion = 1e6;
inline constexpr double kUsdPerBillion = 1e9;
inline constexpr double kPercent = 0.01;  ///< one percent as a fraction
inline constexpr double kTokensPerMillion = 1e6;
inline constexpr double kPercentPerFraction = 100.0;

// Heat.
inline constexpr double kBtuPerMmbtu = 1e6;
inline constexpr double kBtuPerKj = 1.0 / 1.05505585262;  ///< International Table Btu
inline constexpr double kMmbtuPerGj = 1e6 / 1.05505585262 / 1e6;

// Angles.
inline constexpr double kDegToRad = std::numbers::pi / 180.0;
inline constexpr double kRadToDeg = 180.0 / std::numbers::pi;
inline constexpr double kFullCircleDeg = 360.0;
inline constexpr double kHalfCircleDeg = 180.0;
inline constexpr double kRightAngleDeg = 90.0;

// Length, speed, pressure, temperature.
inline constexpr double kMetresPerKm = 1000.0;
inline constexpr double kMetresPerFoot = 0.3048;
inline constexpr double kMetresPerMile = 1609.344;
inline constexpr double kMetresPerSecondPerMph = 0.44704;
inline constexpr double kPascalPerAtm = 101325.0;
inline constexpr double kPascalPerKpa = 1000.0;
inline constexpr double kPascalPerHpa = 100.0;
inline constexpr double kPascalPerBar = 100000.0;
inline constexpr double kMbarPerPascal = 0.01;
inline constexpr double kCelsiusPerFahrenheit = 5.0 / 9.0;  ///< size of a degree
inline constexpr double kZeroCelsiusK = 273.15;             ///< 0 degC in kelvin
inline constexpr double kZeroCelsiusF = 32.0;               ///< 0 degC in degF

// Compute.
inline constexpr double kFlopsPerTflops = 1e12;
inline constexpr double kFlopsPerPflops = 1e15;

/// The dimension of a quantity, which fixes the units it may be written in.
enum class UnitKind {
  kPower,           ///< internal kW; W, kW, MW, GW
  kEnergy,          ///< internal kWh; Wh, kWh, MWh, GWh, TWh
  kDuration,        ///< internal s; s, min, h, d, y (365 d)
  kMoney,           ///< internal USD; $, k$, M$, $B (also B$)
  kEnergyPrice,     ///< internal USD/MWh; $/MWh, $/kWh
  kPowerCost,       ///< internal USD/kW; $/kW, $/W, $/MW
  kCapacityCharge,  ///< internal USD/kW-yr; $/kW-yr, $/MW-yr
  kGpuHourPrice,    ///< internal USD/GPU-h; $/GPU-h
  kFraction,        ///< internal fraction 0..1; "85 %" or a bare number 0.85
  kTemperature,     ///< internal degC; C (also degC), F, K
  kLength,          ///< internal m; m, km, ft
  kSpeed,           ///< internal m/s; m/s, km/h, mph
  kEmissionRate,    ///< internal kg/MWh; g/kWh, kg/MWh, t/MWh, lb/MWh, lb/kWh
  kCarbonPrice,     ///< internal USD/t CO2; $/t
  kFuelPrice,       ///< internal USD/MMBtu; $/MMBtu, $/GJ
  kHeatRate,        ///< internal Btu/kWh; Btu/kWh, MMBtu/MWh, kJ/kWh
  kRampRate,        ///< internal kW/min; kW/min, MW/min
};

/// A parsed quantity: the value in the internal unit of its kind and the unit symbol it was
/// written with (empty for a bare fraction).
struct Quantity {
  double value = 0.0;
  std::string_view unit;
};

/// Thrown by parse_quantity; what() says what was expected and what was found, without location
/// (the caller adds file, line and field).
class UnitError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Parses "<number> <unit>" (space optional) of the given kind into internal units.
/// Throws UnitError for an empty string, a missing or non-finite number, a missing unit, or a unit
/// of another kind ("5 kWh" for a power: the message says it is an energy).
[[nodiscard]] Quantity parse_quantity(std::string_view text, UnitKind kind);

/// Human name of the kind with its article: "a power", "an energy", ...
[[nodiscard]] std::string_view kind_name(UnitKind kind);
/// The internal unit of the kind, as written in column and key names: "kW", "USD/MWh", ...
[[nodiscard]] std::string_view internal_unit(UnitKind kind);
/// A typical value written in the scenario style: "1.2 GW", "15 min", ...
[[nodiscard]] std::string_view example_value(UnitKind kind);
/// The unit symbols the kind accepts, in increasing size.
[[nodiscard]] std::string accepted_units(UnitKind kind);

/// Formats an internal value in the most readable unit of its kind with up to 6 significant
/// digits: 1.2e6 kW -> "1.2 GW", 900 s -> "15 min", 0.85 fraction -> "85 %".
[[nodiscard]] std::string format_quantity(double value, UnitKind kind);

}  // namespace stargate
