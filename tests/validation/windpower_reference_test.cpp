// The wind farm model against NREL ssc windpower (commit e97a19f8) on the WIND Toolkit Texas 2012
// SRW file: one 1.5 MW turbine (77 m rotor) at 80 m and 90 m hub height, shear 0.14, no wake, no
// losses (../shared/data/reference/windpower_texas_2012_hub*.csv; README there). Skips when
// ../shared/data is absent.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "stargate/energy/wind_farm.hpp"
#include "stargate/io/power_curve_reader.hpp"
#include "stargate/io/wind_resource_reader.hpp"

namespace stargate {
namespace {

const std::filesystem::path kData = STARGATE_SHARED_DATA_DIR;
const std::filesystem::path kSrw =
    kData / "wind" / "35.2018863_-101.945027_windtoolkit_2012_60min_80m_100m.srw";

struct Reference {
  std::vector<double> speed_m_s;
  std::vector<double> gen_kw;
  double annual_kwh = 0.0;
};

Reference read_reference(const std::filesystem::path& path) {
  Reference ref;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // "# ... annual_energy_kwh=X capacity_factor_pct=Y"
  const auto at = line.find("annual_energy_kwh=");
  ref.annual_kwh = std::stod(line.substr(at + std::string("annual_energy_kwh=").size()));
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto c1 = line.find(',');
    const auto c2 = line.find(',', c1 + 1);
    ref.speed_m_s.push_back(std::stod(line.substr(c1 + 1, c2 - c1 - 1)));
    ref.gen_kw.push_back(std::stod(line.substr(c2 + 1)));
  }
  return ref;
}

void compare(double hub_m, const char* file) {
  if (!std::filesystem::exists(kSrw)) {
    GTEST_SKIP() << "shared data not found at " << kData;
  }
  const Reference ref = read_reference(kData / "reference" / file);
  WindFarmParams params;
  params.curve = read_power_curve_file(kData / "reference" / "turbine_1p5mw_curve.csv", 77.0);
  params.hub_height_m = hub_m;
  params.shear_exponent = 0.14;
  const WindResource resource = read_wind_resource_file(kSrw);
  const WindFarmOutput out = simulate_wind_farm(params, resource);
  ASSERT_EQ(out.power_kw.size(), ref.gen_kw.size());
  double sq = 0.0;
  double max_speed_error = 0.0;
  for (std::size_t i = 0; i < ref.gen_kw.size(); ++i) {
    sq += (out.power_kw[i] - ref.gen_kw[i]) * (out.power_kw[i] - ref.gen_kw[i]);
    max_speed_error = std::max(max_speed_error, std::abs(out.hub_speed_m_s[i] - ref.speed_m_s[i]));
  }
  const double rmse_kw = std::sqrt(sq / static_cast<double>(ref.gen_kw.size()));
  const double energy_error = out.annual_energy_kwh / ref.annual_kwh - 1.0;
  std::cout << "hub " << hub_m << " m: annual " << out.annual_energy_kwh << " kWh vs "
            << ref.annual_kwh << " (" << energy_error * 100.0 << " %), hourly RMSE " << rmse_kw
            << " kW (" << rmse_kw / params.curve.rated_kw * 100.0
            << " % of rated), max speed error " << max_speed_error << " m/s\n";
  EXPECT_LT(std::abs(energy_error), 0.01);
  EXPECT_LT(rmse_kw, 0.02 * params.curve.rated_kw);
  EXPECT_LT(max_speed_error, 1e-3);  // reference speeds have 4 decimals
}

TEST(WindpowerReference, Texas2012Hub80) {
  compare(80.0, "windpower_texas_2012_hub80.csv");
}
TEST(WindpowerReference, Texas2012Hub90) {
  compare(90.0, "windpower_texas_2012_hub90.csv");
}

}  // namespace
}  // namespace stargate
