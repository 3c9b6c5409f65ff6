// Tables of the run, the site and its weather and wind resource.
// Part of the scenario schema: see src/io/scenario_schema.cpp and include/stargate/io/schema.hpp.

#include "io/schema_tables.hpp"

namespace stargate::schema_tables {
namespace {

constexpr double kLatitudeLimitDeg = 90.0;
constexpr double kLongitudeLimitDeg = 180.0;
constexpr double kMinUtcOffsetH = -12.0;
constexpr double kMaxUtcOffsetH = 14.0;
constexpr double kMaxElevationM = 9000.0;
constexpr double kMinElevationM = -500.0;

}  // namespace

TableSpec run_table() {
  return TableDeclaration<RunSection>("scenario", "Identity of the run and its time grid.",
                                      &Scenario::run)
      .required()
      .field("name", &RunSection::name,
             {.kind = ValueKind::kText, .description = "Name of the scenario, shown in outputs."})
      .field("description", &RunSection::description,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "Free text describing the scenario and its sources."})
      .field("start", &RunSection::start,
             {.kind = ValueKind::kDate,
              .description = "First instant of the run in the site's standard time "
                             "(2026-01-01 or 2026-01-01T00:00:00)."})
      .field("duration", &RunSection::duration,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1 y\"",
              .min = kSecondsPerHour,
              .max = 50 * kSecondsPerYear,
              .description = "Length of the run; whole years in \"y\" are calendar years "
                             "(366 days when they span 29 February), other durations are exact."})
      .field("step", &RunSection::step_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .default_toml = "\"1 h\"",
              .min = static_cast<double>(TimeGrid::kMinStepS),
              .max = static_cast<double>(TimeGrid::kMaxStepS),
              .description = "Simulation step; must divide one hour (1, 2, 3, 4, 5, 6, 10, 12, 15, "
                             "20, 30 or 60 min)."})
      .field("seed", &RunSection::seed,
             {.kind = ValueKind::kInteger,
              .default_toml = "1",
              .min = 0,
              .description = "Seed of every random draw; the same inputs and seed give the same "
                             "outputs."})
      .build();
}

TableSpec site_table() {
  return TableDeclaration<SiteSection>("site", "Where the campus is.", &Scenario::site)
      .required()
      .field("name", &SiteSection::name,
             {.kind = ValueKind::kText, .default_toml = "\"\"", .description = "Place name."})
      .field("latitude", &SiteSection::latitude_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .min = -kLatitudeLimitDeg,
              .max = kLatitudeLimitDeg,
              .description = "Latitude in degrees, north positive."})
      .field("longitude", &SiteSection::longitude_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .min = -kLongitudeLimitDeg,
              .max = kLongitudeLimitDeg,
              .description = "Longitude in degrees, east positive (Abilene, TX is -99.7)."})
      .field("elevation", &SiteSection::elevation_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"0 m\"",
              .min = kMinElevationM,
              .max = kMaxElevationM,
              .description = "Elevation above sea level."})
      .field("utc_offset", &SiteSection::utc_offset_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kDuration,
              .min = kMinUtcOffsetH * kSecondsPerHour,
              .max = kMaxUtcOffsetH * kSecondsPerHour,
              .description = "Offset of the site's standard time from UTC, e.g. \"-6 h\" for US "
                             "Central; no daylight saving is applied."})
      .build();
}

TableSpec weather_table() {
  return TableDeclaration<WeatherSection>("site.weather",
                                          "Weather for solar, wind and cooling: a file, or "
                                          "synthetic weather from a climatology.",
                                          &Scenario::weather)
      .field(
          "file", &WeatherSection::file,
          {.kind = ValueKind::kText,
           .default_toml = "\"\"",
           .description = "NSRDB PSM CSV, SAM TMY2/TMY3 CSV or EPW file, relative to the scenario "
                          "file; empty for synthetic weather. A typical-year file is reused "
                          "for every year of the run."})
      .field("climate", &WeatherSection::climate,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"abilene\"",
              .choices = {{"abilene"}},
              .description = "Monthly climatology the synthetic weather is generated from (used "
                             "when no file is given); the run's seed drives the draws."})
      .build();
}

TableSpec wind_resource_table() {
  constexpr double kMaxMeanSpeed = 25.0;
  constexpr double kMaxHeightM = 300.0;
  return TableDeclaration<WindResourceSection>(
             "site.wind", "Wind resource for [[wind]] farms: an SRW file, or synthetic wind.",
             &Scenario::wind_resource)
      .field("file", &WindResourceSection::file,
             {.kind = ValueKind::kText,
              .default_toml = "\"\"",
              .description = "SAM SRW wind resource file (one or more heights), relative to the "
                             "scenario file; empty for synthetic wind. One year, reused for every "
                             "year of the run."})
      .field("mean_speed", &WindResourceSection::mean_speed_m_s,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kSpeed,
              .default_toml = "\"8.5 m/s\"",
              .min = 0.5,
              .max = kMaxMeanSpeed,
              .description = "Synthetic wind: annual mean speed at `height` (West Texas ~8-9 m/s "
                             "at 100 m)."})
      .field("height", &WindResourceSection::height_m,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kLength,
              .default_toml = "\"100 m\"",
              .min = 2.0,
              .max = kMaxHeightM,
              .description = "Synthetic wind: height of `mean_speed`."})
      .field("shear_exponent", &WindResourceSection::shear_exponent,
             {.kind = ValueKind::kNumber,
              .default_toml = "0.14",
              .min = 0.0,
              .max = 1.0,
              .description = "Power-law shear exponent from the nearest measured height to a hub "
                             "outside them (1/7 for open terrain)."})
      .build();
}

}  // namespace stargate::schema_tables
