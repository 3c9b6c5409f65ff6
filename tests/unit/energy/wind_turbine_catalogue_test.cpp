#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "stargate/energy/turbine_catalogue.hpp"

namespace stargate {
namespace {

TEST(TurbineCatalogue, EveryEntryIsAValidCurveWithItsSource) {
  for (const auto name : turbine_names()) {
    const PowerCurve c = catalogue_turbine(name);
    EXPECT_NO_THROW(c.validate()) << name;
    EXPECT_GT(c.rotor_diameter_m, 0.0) << name;
    EXPECT_FALSE(c.source.empty()) << name;
  }
}

TEST(TurbineCatalogue, Nrel5MwFacts) {
  // Jonkman et al. (2009): 126 m rotor, 5 MW, cut-in 3 m/s, cut-out 25 m/s.
  const PowerCurve c = catalogue_turbine("nrel-5mw-126");
  EXPECT_DOUBLE_EQ(c.rotor_diameter_m, 126.0);
  EXPECT_DOUBLE_EQ(c.rated_kw, 5000.0);
  EXPECT_DOUBLE_EQ(c.cut_out_m_s(), 25.0);
  EXPECT_DOUBLE_EQ(c.wind_speed_m_s.front(), 3.0);
}

TEST(TurbineCatalogue, UnknownNameSuggests) {
  try {
    (void)catalogue_turbine("nrel-5mw-12");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("nrel-5mw-126"), std::string::npos);
  }
}

}  // namespace
}  // namespace stargate
