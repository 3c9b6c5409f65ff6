// Tests of src/core/units.cpp: parsing of unit strings into internal units, the error messages
// for rejected strings, formatting back into readable units and the named constants.
#include "stargate/core/units.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace stargate {
namespace {

// Every kind, so that per-kind properties can be checked for all of them.
constexpr std::array kAllKinds = {
    UnitKind::kPower,          UnitKind::kEnergy,       UnitKind::kDuration,
    UnitKind::kMoney,          UnitKind::kEnergyPrice,  UnitKind::kPowerCost,
    UnitKind::kCapacityCharge, UnitKind::kGpuHourPrice, UnitKind::kFraction,
    UnitKind::kTemperature,    UnitKind::kLength,       UnitKind::kSpeed,
    UnitKind::kEmissionRate,   UnitKind::kCarbonPrice,  UnitKind::kFuelPrice,
    UnitKind::kHeatRate,       UnitKind::kRampRate,
};

// Relative comparison for values that go through one floating-point multiplication (and for
// temperatures an addition): 1e-12 of the magnitude, at least 1e-12 absolute.
void expect_close(double actual, double expected) {
  const double tolerance = 1e-12 * std::max(1.0, std::abs(expected));
  EXPECT_NEAR(actual, expected, tolerance);
}

// ---------------------------------------------------------------------------------------------
// Named constants

TEST(UnitConstants, AreConsistent) {
  EXPECT_EQ(kSecondsPerMinute, 60.0);
  EXPECT_EQ(kSecondsPerHour, 60.0 * kSecondsPerMinute);
  EXPECT_EQ(kSecondsPerDay, 86400.0);
  // The "y" unit is a 365-day year: 365 * 86400 s = 31 536 000 s.
  EXPECT_EQ(kSecondsPerYear, 365.0 * 86400.0);
  EXPECT_EQ(kSecondsPerYear, 31536000.0);
  EXPECT_EQ(kSecondsPerYear, kSecondsPerDay * kDaysPerYear);
  EXPECT_EQ(kKwPerMw, 1000.0);
  EXPECT_EQ(kKwhPerMwh, 1000.0);
  EXPECT_EQ(kWPerKw, 1000.0);
  EXPECT_DOUBLE_EQ(kPercent * 100.0, 1.0);
  static_assert(kSecondsPerYear == 365.0 * 24.0 * 3600.0);
}

// ---------------------------------------------------------------------------------------------
// Accepted strings

struct AcceptedRow {
  UnitKind kind;
  std::string_view text;
  double expected;          ///< in the internal unit of the kind
  std::string_view symbol;  ///< the unit symbol parse_quantity reports
};

std::ostream& operator<<(std::ostream& out, const AcceptedRow& row) {
  return out << '"' << row.text << "\" as " << kind_name(row.kind) << " -> " << row.expected << ' '
             << internal_unit(row.kind);
}

// Expected values are in the internal units: kW, kWh, s, USD, USD/MWh, USD/kW, USD/kW-yr,
// USD/GPU-h, fraction, degC, m.
const AcceptedRow kAccepted[] = {
    // Power, internal kW.
    {UnitKind::kPower, "1.2 GW", 1.2e6, "GW"},  // 1.2 GW = 1.2 * 1e6 kW
    {UnitKind::kPower, "5kW", 5.0, "kW"},       // no space between number and unit
    {UnitKind::kPower, "103 MW", 103000.0, "MW"},
    {UnitKind::kPower, "500 W", 0.5, "W"},  // 500 W / 1000 W per kW
    {UnitKind::kPower, "1e3 kW", 1000.0, "kW"},
    {UnitKind::kPower, " 5 kW ", 5.0, "kW"},          // surrounding spaces are trimmed
    {UnitKind::kPower, "\t2.5\tMW\t", 2500.0, "MW"},  // tabs too
    {UnitKind::kPower, ".5 MW", 500.0, "MW"},
    {UnitKind::kPower, "-3 MW", -3000.0, "MW"},
    // Energy, internal kWh.
    {UnitKind::kEnergy, "4 MWh", 4000.0, "MWh"},
    {UnitKind::kEnergy, "1 TWh", 1e9, "TWh"},  // 1 TWh = 1e3 GWh = 1e6 MWh = 1e9 kWh
    {UnitKind::kEnergy, "2 GWh", 2e6, "GWh"},
    {UnitKind::kEnergy, "7 kWh", 7.0, "kWh"},
    {UnitKind::kEnergy, "250 Wh", 0.25, "Wh"},
    // Duration, internal s.
    {UnitKind::kDuration, "15 min", 900.0, "min"},  // 15 * 60 s
    {UnitKind::kDuration, "1 h", 3600.0, "h"},
    {UnitKind::kDuration, "2 d", 172800.0, "d"},    // 2 * 86400 s
    {UnitKind::kDuration, "1 y", 31536000.0, "y"},  // 365 * 86400 s
    {UnitKind::kDuration, "30 s", 30.0, "s"},
    {UnitKind::kDuration, "0.25 h", 900.0, "h"},
    // Money, internal USD.
    {UnitKind::kMoney, "500 M$", 5e8, "M$"},
    {UnitKind::kMoney, "15 $B", 1.5e10, "$B"},
    {UnitKind::kMoney, "2 B$", 2e9, "B$"},  // alias of $B
    {UnitKind::kMoney, "100 k$", 1e5, "k$"},
    {UnitKind::kMoney, "42 $", 42.0, "$"},
    // Energy price, internal USD/MWh.
    {UnitKind::kEnergyPrice, "30 $/MWh", 30.0, "$/MWh"},
    {UnitKind::kEnergyPrice, "0.05 $/kWh", 50.0, "$/kWh"},  // 0.05 $/kWh * 1000 kWh/MWh
    {UnitKind::kEnergyPrice, "-30 $/MWh", -30.0, "$/MWh"},  // negative prices happen
    // Cost per unit of power, internal USD/kW.
    {UnitKind::kPowerCost, "1.5 $/W", 1500.0, "$/W"},  // 1.5 $/W * 1000 W/kW
    {UnitKind::kPowerCost, "1200 $/kW", 1200.0, "$/kW"},
    {UnitKind::kPowerCost, "800000 $/MW", 800.0, "$/MW"},  // 800000 $/MW / 1000 kW/MW
    // Yearly capacity charge, internal USD/kW-yr.
    {UnitKind::kCapacityCharge, "100 $/kW-yr", 100.0, "$/kW-yr"},
    {UnitKind::kCapacityCharge, "50000 $/MW-yr", 50.0, "$/MW-yr"},
    // GPU-hour price, internal USD/GPU-h.
    {UnitKind::kGpuHourPrice, "2.25 $/GPU-h", 2.25, "$/GPU-h"},
    // Fraction, internal 0..1; a bare number is already a fraction.
    {UnitKind::kFraction, "85 %", 0.85, "%"},
    {UnitKind::kFraction, "85%", 0.85, "%"},
    {UnitKind::kFraction, "100 %", 1.0, "%"},
    {UnitKind::kFraction, "0.85", 0.85, ""},
    {UnitKind::kFraction, "0", 0.0, ""},
    // Temperature, internal degC.
    {UnitKind::kTemperature, "25 C", 25.0, "C"},
    {UnitKind::kTemperature, "20 degC", 20.0, "degC"},
    {UnitKind::kTemperature, "20 \u00b0C", 20.0, "\u00b0C"},
    {UnitKind::kTemperature, "77 F", 25.0, "F"},    // (77 - 32) * 5/9 = 45 * 5/9 = 25
    {UnitKind::kTemperature, "-40 F", -40.0, "F"},  // (-40 - 32) * 5/9 = -72 * 5/9 = -40
    {UnitKind::kTemperature, "300 K", 26.85, "K"},  // 300 - 273.15
    // Length, internal m.
    {UnitKind::kLength, "524 m", 524.0, "m"},
    {UnitKind::kLength, "1 km", 1000.0, "km"},
    {UnitKind::kLength, "100 ft", 30.48, "ft"},  // 100 * 0.3048 m
};

class AcceptedQuantity : public ::testing::TestWithParam<AcceptedRow> {};

TEST_P(AcceptedQuantity, ParsesToInternalUnit) {
  const AcceptedRow& row = GetParam();
  SCOPED_TRACE(::testing::PrintToString(row));
  Quantity quantity;
  ASSERT_NO_THROW(quantity = parse_quantity(row.text, row.kind));
  expect_close(quantity.value, row.expected);
  EXPECT_EQ(quantity.unit, row.symbol);
}

INSTANTIATE_TEST_SUITE_P(Table, AcceptedQuantity, ::testing::ValuesIn(kAccepted));

// ---------------------------------------------------------------------------------------------
// Rejected strings

struct RejectedRow {
  UnitKind kind;
  std::string_view text;
  std::vector<std::string_view> must_contain;  ///< substrings of the UnitError message
  std::string_view must_not_contain;           ///< empty when there is no such constraint
};

std::ostream& operator<<(std::ostream& out, const RejectedRow& row) {
  return out << '"' << row.text << "\" as " << kind_name(row.kind);
}

const RejectedRow kRejected[] = {
    {UnitKind::kPower, "", {"got an empty string"}, ""},
    {UnitKind::kPower, "   ", {"got an empty string"}, ""},
    {UnitKind::kPower, "GW", {"got \"GW\" (no number)"}, ""},
    {UnitKind::kPower, "kW 5", {"(no number)"}, ""},
    {UnitKind::kPower, "5", {"got \"5\" with no unit"}, ""},
    {UnitKind::kTemperature, "0.85", {"with no unit"}, ""},  // only fractions may be bare
    {UnitKind::kPower, "5 kWh", {"got \"5 kWh\", which is an energy"}, ""},
    {UnitKind::kEnergy, "5 MW", {"which is a power"}, ""},
    {UnitKind::kPower, "15 min", {"which is a duration"}, ""},
    {UnitKind::kPower, "5 %", {"which is a fraction or percentage"}, ""},
    {UnitKind::kLength, "5 min", {"which is a duration"}, ""},
    {UnitKind::kPower, "5 Mw", {"unknown unit \"Mw\"", "did you mean \"MW\"?"}, ""},
    {UnitKind::kPower, "5 kw", {"unknown unit \"kw\"", "did you mean \"kW\"?"}, ""},
    {UnitKind::kEnergyPrice, "30 $/mwh", {"did you mean \"$/MWh\"?"}, ""},
    {UnitKind::kPower, "nan kW", {"(no number)"}, ""},
    {UnitKind::kPower, "inf kW", {"(no number)"}, ""},
    {UnitKind::kPower, "-inf kW", {"(no number)"}, ""},
    {UnitKind::kPower, "NaN kW", {"(no number)"}, ""},
    {UnitKind::kPower, "1e400 kW", {"(no number)"}, ""},  // out of the range of a double
    {UnitKind::kLength, "5 furlongs", {"unknown unit \"furlongs\""}, "did you mean"},
    {UnitKind::kPower, "5 furlongs", {"unknown unit \"furlongs\""}, "did you mean"},
};

class RejectedQuantity : public ::testing::TestWithParam<RejectedRow> {};

TEST_P(RejectedQuantity, ThrowsUnitErrorWithMessage) {
  const RejectedRow& row = GetParam();
  SCOPED_TRACE(::testing::PrintToString(row));
  try {
    const Quantity quantity = parse_quantity(row.text, row.kind);
    ADD_FAILURE() << "accepted as " << quantity.value << " " << internal_unit(row.kind);
  } catch (const UnitError& error) {
    const std::string message = error.what();
    // Every message starts with what was expected, naming the kind and its units.
    EXPECT_PRED_FORMAT2(::testing::IsSubstring, "expected " + std::string(kind_name(row.kind)),
                        message);
    EXPECT_PRED_FORMAT2(::testing::IsSubstring, accepted_units(row.kind), message);
    for (const std::string_view part : row.must_contain) {
      EXPECT_PRED_FORMAT2(::testing::IsSubstring, std::string(part), message);
    }
    if (!row.must_not_contain.empty()) {
      EXPECT_PRED_FORMAT2(::testing::IsNotSubstring, std::string(row.must_not_contain), message);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Table, RejectedQuantity, ::testing::ValuesIn(kRejected));

TEST(ParseQuantity, UnitErrorIsAnInvalidArgument) {
  EXPECT_THROW(static_cast<void>(parse_quantity("", UnitKind::kPower)), std::invalid_argument);
}

TEST(ParseQuantity, MessageForAPowerIsComplete) {
  // The whole message for one case, so that its wording is pinned down once.
  try {
    static_cast<void>(parse_quantity("5 kWh", UnitKind::kPower));
    FAIL() << "\"5 kWh\" was accepted as a power";
  } catch (const UnitError& error) {
    EXPECT_STREQ(error.what(),
                 "expected a power such as \"1.2 GW\" (units: W, kW, MW, GW), got \"5 kWh\", which "
                 "is an energy");
  }
}

// ---------------------------------------------------------------------------------------------
// Per-kind descriptions

TEST(UnitKinds, ExampleValueParsesAsItsKind) {
  for (const UnitKind kind : kAllKinds) {
    SCOPED_TRACE(std::string(kind_name(kind)) + ": \"" + std::string(example_value(kind)) + "\"");
    EXPECT_NO_THROW(static_cast<void>(parse_quantity(example_value(kind), kind)));
  }
}

TEST(UnitKinds, EveryAcceptedUnitParsesAsItsKind) {
  // "1 <symbol>" must parse as the kind that lists the symbol; this fails when one symbol is
  // listed under two kinds (the lookup would always find the first).
  for (const UnitKind kind : kAllKinds) {
    const std::string units = accepted_units(kind);
    ASSERT_FALSE(units.empty()) << kind_name(kind);
    std::size_t begin = 0;
    while (begin <= units.size()) {
      const std::size_t comma = std::min(units.find(", ", begin), units.size());
      const std::string symbol = units.substr(begin, comma - begin);
      const std::string text = "1 " + symbol;
      SCOPED_TRACE(std::string(kind_name(kind)) + ": \"" + text + "\"");
      EXPECT_NO_THROW(static_cast<void>(parse_quantity(text, kind)));
      begin = comma + 2;
    }
  }
}

TEST(UnitKinds, NamesAndInternalUnits) {
  EXPECT_EQ(kind_name(UnitKind::kPower), "a power");
  EXPECT_EQ(kind_name(UnitKind::kEnergy), "an energy");
  EXPECT_EQ(internal_unit(UnitKind::kPower), "kW");
  EXPECT_EQ(internal_unit(UnitKind::kEnergy), "kWh");
  EXPECT_EQ(internal_unit(UnitKind::kDuration), "s");
  EXPECT_EQ(internal_unit(UnitKind::kMoney), "USD");
  EXPECT_EQ(internal_unit(UnitKind::kEnergyPrice), "USD/MWh");
  EXPECT_EQ(internal_unit(UnitKind::kPowerCost), "USD/kW");
  EXPECT_EQ(internal_unit(UnitKind::kCapacityCharge), "USD/kW-yr");
  EXPECT_EQ(internal_unit(UnitKind::kGpuHourPrice), "USD/GPU-h");
  EXPECT_EQ(internal_unit(UnitKind::kFraction), "fraction");
  EXPECT_EQ(internal_unit(UnitKind::kTemperature), "degC");
  EXPECT_EQ(internal_unit(UnitKind::kLength), "m");
  for (const UnitKind kind : kAllKinds) {
    EXPECT_FALSE(kind_name(kind).empty());
    EXPECT_FALSE(example_value(kind).empty()) << kind_name(kind);
  }
}

TEST(UnitKinds, AcceptedUnitsInIncreasingSize) {
  EXPECT_EQ(accepted_units(UnitKind::kPower), "W, kW, MW, GW");
  EXPECT_EQ(accepted_units(UnitKind::kEnergy), "Wh, kWh, MWh, GWh, TWh");
  EXPECT_EQ(accepted_units(UnitKind::kDuration), "s, min, h, d, y");
}

// ---------------------------------------------------------------------------------------------
// Formatting

struct FormatRow {
  UnitKind kind;
  double value;  ///< internal unit
  std::string_view text;
};

std::ostream& operator<<(std::ostream& out, const FormatRow& row) {
  return out << row.value << ' ' << internal_unit(row.kind) << " -> \"" << row.text << '"';
}

const FormatRow kFormatted[] = {
    {UnitKind::kPower, 1.2e6, "1.2 GW"},
    {UnitKind::kPower, 103000.0, "103 MW"},
    {UnitKind::kPower, 5.0, "5 kW"},
    {UnitKind::kPower, 0.5, "500 W"},
    {UnitKind::kPower, -2.5e6, "-2.5 GW"},        // the unit is chosen on the magnitude
    {UnitKind::kPower, 1234567.0, "1.23457 GW"},  // 6 significant digits
    {UnitKind::kEnergy, 4000.0, "4 MWh"},
    {UnitKind::kEnergy, 1e9, "1 TWh"},
    {UnitKind::kDuration, 900.0, "15 min"},
    {UnitKind::kDuration, 30.0, "30 s"},
    {UnitKind::kDuration, 5400.0, "1.5 h"},
    {UnitKind::kDuration, 86400.0, "1 d"},
    {UnitKind::kDuration, 31536000.0, "1 y"},
    {UnitKind::kMoney, 5e8, "500 M$"},
    {UnitKind::kMoney, 1.5e10, "15 $B"},  // "$B", never the alias "B$"
    {UnitKind::kEnergyPrice, 30.0, "30 $/MWh"},
    {UnitKind::kPowerCost, 1500.0, "1.5 $/W"},
    {UnitKind::kCapacityCharge, 100.0, "100 $/kW-yr"},
    {UnitKind::kGpuHourPrice, 2.25, "2.25 $/GPU-h"},
    {UnitKind::kFraction, 0.85, "85 %"},
    {UnitKind::kTemperature, 25.0, "25 C"},  // never F or K
    {UnitKind::kTemperature, -40.0, "-40 C"},
    {UnitKind::kLength, 524.0, "524 m"},  // never ft
    {UnitKind::kLength, 1000.0, "1 km"},
};

class FormattedQuantity : public ::testing::TestWithParam<FormatRow> {};

TEST_P(FormattedQuantity, UsesMostReadableUnit) {
  const FormatRow& row = GetParam();
  SCOPED_TRACE(::testing::PrintToString(row));
  EXPECT_EQ(format_quantity(row.value, row.kind), row.text);
}

TEST_P(FormattedQuantity, ParsesBackToTheSameValue) {
  const FormatRow& row = GetParam();
  SCOPED_TRACE(::testing::PrintToString(row));
  const Quantity parsed = parse_quantity(format_quantity(row.value, row.kind), row.kind);
  // Formatting keeps 6 significant digits, so the round trip is exact to 5e-6 relative.
  EXPECT_NEAR(parsed.value, row.value, 5e-6 * std::max(1.0, std::abs(row.value)));
}

INSTANTIATE_TEST_SUITE_P(Table, FormattedQuantity, ::testing::ValuesIn(kFormatted));

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(ParseQuantityFixes, LeadingPlusIsAccepted) {
  EXPECT_DOUBLE_EQ(parse_quantity("+5 kW", UnitKind::kPower).value, 5.0);
  EXPECT_THROW((void)parse_quantity("+-5 kW", UnitKind::kPower), UnitError);
}

TEST(FormatQuantityFixes, UnitChosenAfterRounding) {
  // 999,999.9 kW rounds to 1.00000e6 kW at 6 digits: shown as 1 GW, not "1000 MW".
  EXPECT_EQ(format_quantity(999'999.9, UnitKind::kPower), "1 GW");
}

}  // namespace
}  // namespace stargate

namespace stargate {
namespace {

TEST(PowerSystemUnits, ConvertToInternalUnits) {
  // 20 mph = 20 x 1609.344 m / 3600 s = 8.9408 m/s.
  EXPECT_NEAR(parse_quantity("20 mph", UnitKind::kSpeed).value, 8.9408, 1e-12);
  EXPECT_NEAR(parse_quantity("36 km/h", UnitKind::kSpeed).value, 10.0, 1e-12);
  // AVERT's 1.29 lb/kWh = 1.29 x 453.59237 kg/MWh = 585.134 kg/MWh.
  EXPECT_NEAR(parse_quantity("1.29 lb/kWh", UnitKind::kEmissionRate).value, 585.1341573, 1e-6);
  EXPECT_NEAR(parse_quantity("0.38 t/MWh", UnitKind::kEmissionRate).value, 380.0, 1e-9);
  EXPECT_NEAR(parse_quantity("380 g/kWh", UnitKind::kEmissionRate).value, 380.0, 1e-12);
  // 1 GJ = 0.947817 MMBtu, so 2 $/GJ = 2.110 $/MMBtu.
  EXPECT_NEAR(parse_quantity("2 $/GJ", UnitKind::kFuelPrice).value, 2.11011170524, 1e-9);
  EXPECT_NEAR(parse_quantity("9.3 MMBtu/MWh", UnitKind::kHeatRate).value, 9300.0, 1e-9);
  // 10,000 kJ/kWh / 1.05505585262 kJ/Btu = 9478.17 Btu/kWh.
  EXPECT_NEAR(parse_quantity("10000 kJ/kWh", UnitKind::kHeatRate).value, 9478.1712, 1e-3);
  EXPECT_EQ(parse_quantity("10 MW/min", UnitKind::kRampRate).value, 10'000.0);
  EXPECT_EQ(parse_quantity("50 $/t", UnitKind::kCarbonPrice).value, 50.0);
  EXPECT_EQ(format_quantity(380.0, UnitKind::kEmissionRate), "380 kg/MWh");
}

}  // namespace
}  // namespace stargate
