#include "stargate/core/units.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

#include "stargate/core/text.hpp"

namespace stargate {
namespace {

/// One accepted unit symbol: internal = value * factor + offset.
struct UnitDef {
  UnitKind kind;
  std::string_view symbol;
  double factor;
  double offset = 0.0;
  bool preferred_for_display = true;  ///< false for aliases never chosen by format_quantity
};

// Ordered by kind, then by increasing size; the first symbol of a size is the display symbol.
constexpr std::array kUnits = {
    UnitDef{UnitKind::kPower, "W", 1.0 / kWPerKw},
    UnitDef{UnitKind::kPower, "kW", 1.0},
    UnitDef{UnitKind::kPower, "MW", kKwPerMw},
    UnitDef{UnitKind::kPower, "GW", kKwPerMw* kKwPerMw},
    UnitDef{UnitKind::kEnergy, "Wh", 1.0 / kWPerKw},
    UnitDef{UnitKind::kEnergy, "kWh", 1.0},
    UnitDef{UnitKind::kEnergy, "MWh", kKwhPerMwh},
    UnitDef{UnitKind::kEnergy, "GWh", kKwhPerMwh* kKwhPerMwh},
    UnitDef{UnitKind::kEnergy, "TWh", kKwhPerMwh* kKwhPerMwh* kKwhPerMwh},
    UnitDef{UnitKind::kDuration, "s", 1.0},
    UnitDef{UnitKind::kDuration, "min", kSecondsPerMinute},
    UnitDef{UnitKind::kDuration, "h", kSecondsPerHour},
    UnitDef{UnitKind::kDuration, "d", kSecondsPerDay},
    UnitDef{UnitKind::kDuration, "y", kSecondsPerYear},
    UnitDef{UnitKind::kMoney, "$", 1.0},
    UnitDef{UnitKind::kMoney, "k$", 1e3},
    UnitDef{UnitKind::kMoney, "M$", 1e6},
    UnitDef{UnitKind::kMoney, "$B", 1e9},
    UnitDef{UnitKind::kMoney, "B$", 1e9, 0.0, false},
    UnitDef{UnitKind::kEnergyPrice, "$/MWh", 1.0},
    UnitDef{UnitKind::kEnergyPrice, "$/kWh", kKwhPerMwh, 0.0, false},
    UnitDef{UnitKind::kPowerCost, "$/MW", 1.0 / kKwPerMw},
    UnitDef{UnitKind::kPowerCost, "$/kW", 1.0},
    UnitDef{UnitKind::kPowerCost, "$/W", kWPerKw},
    UnitDef{UnitKind::kCapacityCharge, "$/MW-yr", 1.0 / kKwPerMw},
    UnitDef{UnitKind::kCapacityCharge, "$/kW-yr", 1.0},
    UnitDef{UnitKind::kCapacityCharge, "$/kW-month", kMonthsPerYear, 0.0, false},
    UnitDef{UnitKind::kGpuHourPrice, "$/GPU-h", 1.0},
    UnitDef{UnitKind::kFraction, "%", kPercent},
    UnitDef{UnitKind::kTemperature, "C", 1.0},
    UnitDef{UnitKind::kTemperature, "degC", 1.0, 0.0, false},
    UnitDef{UnitKind::kTemperature, "\u00b0C", 1.0, 0.0, false},
    UnitDef{UnitKind::kTemperature, "F", kCelsiusPerFahrenheit, -32.0 * kCelsiusPerFahrenheit,
            false},
    UnitDef{UnitKind::kTemperature, "K", 1.0, -kZeroCelsiusK, false},
    UnitDef{UnitKind::kLength, "ft", kMetresPerFoot, 0.0, false},
    UnitDef{UnitKind::kLength, "m", 1.0},
    UnitDef{UnitKind::kLength, "km", kMetresPerKm},
    UnitDef{UnitKind::kSpeed, "mph", kMetresPerMile / kSecondsPerHour, 0.0, false},
    UnitDef{UnitKind::kSpeed, "km/h", kMetresPerKm / kSecondsPerHour, 0.0, false},
    UnitDef{UnitKind::kSpeed, "m/s", 1.0},
    UnitDef{UnitKind::kEmissionRate, "g/kWh", 1.0, 0.0, false},
    UnitDef{UnitKind::kEmissionRate, "kg/MWh", 1.0},
    UnitDef{UnitKind::kEmissionRate, "lb/MWh", kKgPerPound, 0.0, false},
    UnitDef{UnitKind::kEmissionRate, "lb/kWh", kKgPerPound* kKwhPerMwh, 0.0, false},
    UnitDef{UnitKind::kEmissionRate, "t/MWh", kKwhPerMwh},
    UnitDef{UnitKind::kCarbonPrice, "$/t", 1.0},
    UnitDef{UnitKind::kFuelPrice, "$/GJ", 1.0 / kMmbtuPerGj, 0.0, false},
    UnitDef{UnitKind::kFuelPrice, "$/MMBtu", 1.0},
    UnitDef{UnitKind::kHeatRate, "kJ/kWh", kBtuPerKj, 0.0, false},
    UnitDef{UnitKind::kHeatRate, "Btu/kWh", 1.0},
    UnitDef{UnitKind::kHeatRate, "MMBtu/MWh", kBtuPerMmbtu / kKwhPerMwh, 0.0, false},
    UnitDef{UnitKind::kRampRate, "kW/min", 1.0},
    UnitDef{UnitKind::kRampRate, "MW/min", kKwPerMw},
};

const UnitDef* find_unit(std::string_view symbol) {
  for (const auto& unit : kUnits) {
    if (unit.symbol == symbol) {
      return &unit;
    }
  }
  return nullptr;
}

std::string expectation(UnitKind kind) {
  return fmt::format("expected {} such as \"{}\" (units: {})", kind_name(kind), example_value(kind),
                     accepted_units(kind));
}

}  // namespace

std::string_view kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPower: return "a power";
    case UnitKind::kEnergy: return "an energy";
    case UnitKind::kDuration: return "a duration";
    case UnitKind::kMoney: return "an amount of money";
    case UnitKind::kEnergyPrice: return "an energy price";
    case UnitKind::kPowerCost: return "a cost per unit of power";
    case UnitKind::kCapacityCharge: return "a yearly charge per unit of power";
    case UnitKind::kGpuHourPrice: return "a price per GPU-hour";
    case UnitKind::kFraction: return "a fraction or percentage";
    case UnitKind::kTemperature: return "a temperature";
    case UnitKind::kLength: return "a length";
    case UnitKind::kSpeed: return "a speed";
    case UnitKind::kEmissionRate: return "an emission rate";
    case UnitKind::kCarbonPrice: return "a carbon price";
    case UnitKind::kFuelPrice: return "a fuel price";
    case UnitKind::kHeatRate: return "a heat rate";
    case UnitKind::kRampRate: return "a ramp rate";
  }
  return "a quantity";
}

std::string_view internal_unit(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPower: return "kW";
    case UnitKind::kEnergy: return "kWh";
    case UnitKind::kDuration: return "s";
    case UnitKind::kMoney: return "USD";
    case UnitKind::kEnergyPrice: return "USD/MWh";
    case UnitKind::kPowerCost: return "USD/kW";
    case UnitKind::kCapacityCharge: return "USD/kW-yr";
    case UnitKind::kGpuHourPrice: return "USD/GPU-h";
    case UnitKind::kFraction: return "fraction";
    case UnitKind::kTemperature: return "degC";
    case UnitKind::kLength: return "m";
    case UnitKind::kSpeed: return "m/s";
    case UnitKind::kEmissionRate: return "kg/MWh";
    case UnitKind::kCarbonPrice: return "USD/t";
    case UnitKind::kFuelPrice: return "USD/MMBtu";
    case UnitKind::kHeatRate: return "Btu/kWh";
    case UnitKind::kRampRate: return "kW/min";
  }
  return "";
}

std::string_view example_value(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPower: return "1.2 GW";
    case UnitKind::kEnergy: return "4 MWh";
    case UnitKind::kDuration: return "15 min";
    case UnitKind::kMoney: return "500 M$";
    case UnitKind::kEnergyPrice: return "45 $/MWh";
    case UnitKind::kPowerCost: return "1.5 $/W";
    case UnitKind::kCapacityCharge: return "100 $/kW-yr";
    case UnitKind::kGpuHourPrice: return "2.25 $/GPU-h";
    case UnitKind::kFraction: return "85 %";
    case UnitKind::kTemperature: return "25 C";
    case UnitKind::kLength: return "524 m";
    case UnitKind::kSpeed: return "8.5 m/s";
    case UnitKind::kEmissionRate: return "380 kg/MWh";
    case UnitKind::kCarbonPrice: return "50 $/t";
    case UnitKind::kFuelPrice: return "2 $/MMBtu";
    case UnitKind::kHeatRate: return "9300 Btu/kWh";
    case UnitKind::kRampRate: return "10 MW/min";
  }
  return "";
}

std::string accepted_units(UnitKind kind) {
  std::string list;
  for (const auto& unit : kUnits) {
    if (unit.kind == kind) {
      list += list.empty() ? "" : ", ";
      list += unit.symbol;
    }
  }
  return list;
}

Quantity parse_quantity(std::string_view text, UnitKind kind) {
  const std::string_view body = trim(text);
  if (body.empty()) {
    throw UnitError(expectation(kind) + ", got an empty string");
  }
  // from_chars takes neither a leading '+' nor "inf"/"nan" as we want: skip one '+', and
  // require a digit before any letter.
  const std::string_view unsigned_body =
      body.size() > 1 && body[0] == '+' && body[1] != '-' ? body.substr(1) : body;
  double number = 0.0;
  const char* const begin = unsigned_body.data();
  const char* const end = unsigned_body.data() + unsigned_body.size();
  const auto [number_end, status] = std::from_chars(begin, end, number);
  const bool starts_with_digit =
      unsigned_body.find_first_of("0123456789") < unsigned_body.find_first_not_of("-.0123456789");
  if (status != std::errc() || !std::isfinite(number) || !starts_with_digit) {
    throw UnitError(fmt::format("{}, got \"{}\" (no number)", expectation(kind), body));
  }
  const std::string_view symbol = trim(std::string_view(number_end, end - number_end));
  if (symbol.empty()) {
    if (kind == UnitKind::kFraction) {
      return Quantity{number, symbol};
    }
    throw UnitError(fmt::format("{}, got \"{}\" with no unit", expectation(kind), body));
  }
  const UnitDef* unit = find_unit(symbol);
  if (unit == nullptr) {
    std::vector<std::string_view> symbols;
    for (const auto& candidate : kUnits) {
      if (candidate.kind == kind) {
        symbols.push_back(candidate.symbol);
      }
    }
    const std::string best = closest_match(symbol, symbols);
    throw UnitError(fmt::format("{}, got \"{}\" (unknown unit \"{}\"{})", expectation(kind), body,
                                symbol,
                                best.empty() ? "" : fmt::format("; did you mean \"{}\"?", best)));
  }
  if (unit->kind != kind) {
    throw UnitError(
        fmt::format("{}, got \"{}\", which is {}", expectation(kind), body, kind_name(unit->kind)));
  }
  // A unit smaller than the internal one divides by its whole ratio ("95 %" is 95 / 100, the
  // double nearest 0.95; 95 x 0.01 would be one ulp above it).
  const double scaled = unit->factor < 1.0 ? number / (1.0 / unit->factor) : number * unit->factor;
  return Quantity{scaled + unit->offset, unit->symbol};
}

std::string format_quantity(double value, UnitKind kind) {
  // Choose the unit from the value as it will be shown (6 significant digits), so 999999.9 kW
  // reads "1 GW" rather than "1000 MW".
  const double rounded = std::strtod(fmt::format("{:.6g}", value).c_str(), nullptr);
  const UnitDef* chosen = nullptr;
  for (const auto& unit : kUnits) {
    if (unit.kind != kind || !unit.preferred_for_display) {
      continue;
    }
    if (chosen == nullptr || std::abs(rounded) >= unit.factor) {
      chosen = &unit;
    }
  }
  if (chosen == nullptr) {
    return fmt::format("{:g}", value);
  }
  const double shown = (value - chosen->offset) / chosen->factor;
  return fmt::format("{:.6g} {}", shown, chosen->symbol);
}

}  // namespace stargate
