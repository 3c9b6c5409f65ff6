#include <gtest/gtest.h>

#include <string>

#include "stargate/core/errors.hpp"
#include "stargate/io/power_curve_reader.hpp"

namespace stargate {
namespace {

Diagnostic first_error(const std::string& text) {
  try {
    (void)read_power_curve_text(text, "c.csv");
  } catch (const InputError& error) {
    return error.diagnostics().front();
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return {};
}

TEST(PowerCurveReader, ReadsFixtureWithCommentAndRating) {
  const PowerCurve c = read_power_curve_file(
      std::string(STARGATE_SOURCE_DIR) + "/tests/fixtures/wind/ramp_curve.csv", 77.0);
  EXPECT_EQ(c.name, "ramp_curve");
  ASSERT_EQ(c.wind_speed_m_s.size(), 4U);
  EXPECT_DOUBLE_EQ(c.rated_kw, 1000.0);
  EXPECT_DOUBLE_EQ(c.rotor_diameter_m, 77.0);
  EXPECT_DOUBLE_EQ(c.cut_in_m_s(), 3.0);
  EXPECT_DOUBLE_EQ(c.cut_out_m_s(), 25.0);
  EXPECT_NE(c.source.find("ramp turbine"), std::string::npos);
}

TEST(PowerCurveReader, AcceptsOtherColumnNamesAndOrder) {
  const PowerCurve c =
      read_power_curve_text("Power [kW],Wind Speed [m/s]\n0,3\n500,8\n900,12\n", "x.csv");
  EXPECT_DOUBLE_EQ(c.wind_speed_m_s[1], 8.0);
  EXPECT_DOUBLE_EQ(c.power_kw[1], 500.0);
}

TEST(PowerCurveReader, SpeedsNotIncreasingIsAnErrorAtTheCell) {
  const Diagnostic d = first_error("wind_speed_m_s,power_kw\n3,0\n5,100\n5,200\n");
  EXPECT_EQ(d.where.line, 4);
  EXPECT_EQ(d.where.column, 1);
  EXPECT_EQ(d.field, "wind_speed_m_s");
}

TEST(PowerCurveReader, NegativePowerIsAnErrorAtTheCell) {
  const Diagnostic d = first_error("wind_speed_m_s,power_kw\n3,0\n5,-1\n7,200\n");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 3);
  EXPECT_EQ(d.field, "power_kw");
}

TEST(PowerCurveReader, TooFewPointsMissingColumnAndTextAreErrors) {
  EXPECT_NE(first_error("wind_speed_m_s,power_kw\n3,0\n5,100\n").message.find("at least 3"),
            std::string::npos);
  EXPECT_EQ(first_error("speed_knots,power_kw\n3,0\n").field, "wind_speed_m_s");
  const Diagnostic d = first_error("wind_speed_m_s,power_kw\n3,0\n5,x\n7,1\n");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.field, "power_kw");
}

}  // namespace
}  // namespace stargate
