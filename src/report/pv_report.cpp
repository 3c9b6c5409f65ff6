#include "stargate/report/pv_report.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

#include "stargate/core/units.hpp"
#include "stargate/report/csv_text.hpp"

namespace stargate {
namespace {

void loss_line(std::ostream& out, const char* label, double loss_kwh, double base_kwh) {
  out << fmt::format("  {:<34} {:>14.0f} kWh  {:>6.2f} %\n", label, loss_kwh,
                     base_kwh > 0.0 ? loss_kwh / base_kwh / kPercent : 0.0);
}

}  // namespace

void write_pv_csv(const WeatherSeries& weather, const PvOutput& output, std::ostream& out) {
  const auto offset_s = static_cast<std::int64_t>(weather.site.utc_offset_h * kSecondsPerHour);
  CsvText csv(out);
  csv.text(
      "time,ghi_w_m2,dni_w_m2,dhi_w_m2,temp_air_c,wind_speed_m_s,sun_zenith_deg,aoi_deg,poa_w_m2,"
      "tpoa_w_m2,tcell_c,dc_kw,ac_kw");
  csv.end_row();
  for (std::size_t row = 0; row < weather.size(); ++row) {
    csv.stamp(weather.time[row], offset_s);
    for (const std::vector<double>* column :
         {&weather.ghi_w_m2, &weather.dni_w_m2, &weather.dhi_w_m2, &weather.temp_air_c,
          &weather.wind_speed_m_s, &output.sun_zenith_deg, &output.aoi_deg, &output.poa_w_m2,
          &output.tpoa_w_m2, &output.tcell_c, &output.dc_kw, &output.ac_kw}) {
      csv.separator();
      csv.number((*column)[row]);
    }
    csv.end_row();
  }
}

void write_pv_summary(const PvSystemParams& params, const WeatherSeries& weather,
                      const PvOutput& output, std::ostream& out) {
  const double ac_kw = params.ac_capacity_kw();
  const double hours = static_cast<double>(weather.size()) *
                       static_cast<double>(weather.interval_s) / kSecondsPerHour;
  out << fmt::format("PV system: {} DC, {} AC, weather {} ({} rows)\n",
                     format_quantity(params.dc_capacity_kw, UnitKind::kPower),
                     format_quantity(ac_kw, UnitKind::kPower), weather.source, weather.size());
  out << fmt::format("  Annual AC energy {:>24.0f} kWh\n", output.annual_ac_kwh);
  out << fmt::format("  Specific yield {:>26.1f} kWh/kWdc\n",
                     output.annual_ac_kwh / params.dc_capacity_kw);
  out << fmt::format("  Capacity factor (AC) {:>20.2f} %\n",
                     output.annual_ac_kwh / (ac_kw * hours) / kPercent);
  out << fmt::format("  Capacity factor (DC) {:>20.2f} %\n",
                     output.annual_ac_kwh / (params.dc_capacity_kw * hours) / kPercent);

  std::array<double, 12> monthly_kwh{};
  const double interval_h = static_cast<double>(weather.interval_s) / kSecondsPerHour;
  for (std::size_t row = 0; row < weather.size(); ++row) {
    monthly_kwh[static_cast<std::size_t>(civil_from_local(weather.time[row]).month - 1)] +=
        output.ac_kw[row] * interval_h;
  }
  out << "\nMonthly AC energy (kWh)\n ";
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t month = 0; month < kMonths.size(); ++month) {
    out << fmt::format(" {}={:.0f}", kMonths[month], monthly_kwh[month]);
  }
  const PvLossBreakdown& loss = output.losses;
  out << "\nLoss breakdown (as PVWatts)\n";
  out << fmt::format("  {:<34} {:>14.0f} kWh\n", "POA irradiance on the array",
                     loss.poa_nominal_kwh);
  loss_line(out, "  self-shading", loss.poa_shading_kwh, loss.poa_nominal_kwh);
  out << fmt::format("  {:<34} {:>14.0f} kWh\n", "Nominal DC (STC efficiency)",
                     loss.dc_nominal_kwh);
  loss_line(out, "  cover (incidence angle)", loss.dc_cover_kwh, loss.dc_nominal_kwh);
  loss_line(out, "  spectral (air mass)", loss.dc_spectral_kwh, loss.dc_nominal_kwh);
  loss_line(out, "  temperature", loss.dc_thermal_kwh, loss.dc_nominal_kwh);
  loss_line(out, "  system losses", loss.dc_other_kwh, loss.dc_nominal_kwh);
  out << fmt::format("  {:<34} {:>14.0f} kWh\n", "DC into inverters", loss.ac_nominal_kwh);
  loss_line(out, "  inverter efficiency", loss.ac_efficiency_kwh, loss.ac_nominal_kwh);
  loss_line(out, "  clipping at AC rating", loss.ac_clipping_kwh, loss.ac_nominal_kwh);
  out << fmt::format("  {:<34} {:>14.0f} kWh\n", "AC delivered", loss.ac_delivered_kwh);
}

}  // namespace stargate
