// Declarations of every scenario table and field. This file is the single source of truth for
// names, units, defaults, bounds and descriptions (docs/scenario.md is generated from it).

#include "stargate/io/schema.hpp"

namespace stargate {
namespace {

constexpr double kLatitudeLimitDeg = 90.0;
constexpr double kLongitudeLimitDeg = 180.0;
constexpr double kMinUtcOffsetH = -12.0;
constexpr double kMaxUtcOffsetH = 14.0;
constexpr double kMaxElevationM = 9000.0;
constexpr double kMinElevationM = -500.0;
constexpr double kMaxPue = 3.0;

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
              .choices = {"abilene"},
              .description = "Monthly climatology the synthetic weather is generated from (used "
                             "when no file is given); the run's seed drives the draws."})
      .build();
}

TableSpec solar_table() {
  constexpr double kMaxTiltDeg = 90.0;
  constexpr double kMaxAzimuthDeg = 360.0;
  constexpr double kMinGcr = 0.01;
  constexpr double kMaxGcr = 0.99;
  constexpr double kMaxDcAcRatio = 3.0;
  return TableDeclaration<SolarSection>("solar",
                                        "One PV array with its inverters (repeat for each); "
                                        "modelled as NREL PVWatts v8.",
                                        &Scenario::solar, "name")
      .field("name", &SolarSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the array."})
      .field(
          "online", &SolarSection::online,
          {.kind = ValueKind::kDate,
           .default_toml = "1970-01-01",
           .description = "Date the array starts producing (default: online for the whole run)."})
      .field("capacity", &SolarSection::dc_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "DC nameplate capacity at standard test conditions."})
      .field("array", &SolarSection::array,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"1axis-backtrack\"",
              .choices = {"fixed", "fixed-roof", "1axis", "1axis-backtrack", "2axis"},
              .description = "Mounting: fixed open rack, fixed roof mount, single-axis tracker "
                             "(without or with backtracking), or two-axis tracker."})
      .field("tilt", &SolarSection::tilt_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "0",
              .min = 0.0,
              .max = kMaxTiltDeg,
              .description = "Tilt from horizontal of a fixed array (required for fixed arrays), "
                             "or of a tracker's axis (0 for the usual horizontal axis)."})
      .field("azimuth", &SolarSection::azimuth_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "180",
              .min = 0.0,
              .max = kMaxAzimuthDeg,
              .description = "Azimuth of a fixed array or of a tracker's axis, eastward from north "
                             "(180 = south)."})
      .field("gcr", &SolarSection::gcr,
             {.kind = ValueKind::kNumber,
              .default_toml = "0.4",
              .min = kMinGcr,
              .max = kMaxGcr,
              .description = "Ground coverage ratio: row width / row pitch (self-shading and "
                             "backtracking)."})
      .field("rotation_limit", &SolarSection::rotation_limit_deg,
             {.kind = ValueKind::kNumber,
              .plain_unit = "deg",
              .default_toml = "45",
              .min = 0.0,
              .max = kMaxTiltDeg,
              .description = "Largest rotation of a single-axis tracker from flat."})
      .field("dc_ac_ratio", &SolarSection::dc_ac_ratio,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.2",
              .min = 0.5,
              .max = kMaxDcAcRatio,
              .description = "DC nameplate / inverter AC rating; output clips at the AC rating."})
      .field("losses", &SolarSection::losses_fraction,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"14.08 %\"",
              .min = 0.0,
              .max = 0.99,
              .description = "System losses: soiling, wiring, mismatch, connections, nameplate, "
                             "age, availability (PVWatts v8 default 14.08 %)."})
      .field("module", &SolarSection::module,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"standard\"",
              .choices = {"standard", "premium", "thin-film"},
              .description = "PVWatts module type (temperature coefficient -0.37, -0.35 or "
                             "-0.32 %/C)."})
      .field("inverter_efficiency", &SolarSection::inverter_efficiency,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"96 %\"",
              .min = 0.9,
              .max = 0.995,
              .description = "Nominal inverter efficiency (part-load curve of PVWatts)."})
      .field("sky_model", &SolarSection::sky_model,
             {.kind = ValueKind::kChoice,
              .default_toml = "\"perez\"",
              .choices = {"perez", "hay-davies", "isotropic"},
              .description = "Sky-diffuse transposition model (Perez 1990, Hay-Davies 1980 or "
                             "isotropic)."})
      .field("albedo", &SolarSection::albedo,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "0.2",
              .min = 0.0,
              .max = 1.0,
              .description = "Ground reflectance. When written it applies at every step; when "
                             "omitted the weather's albedo is used where it has one, else 0.2."})
      .build();
}

TableSpec building_table() {
  return TableDeclaration<BuildingSection>("building",
                                           "One data-centre building (repeat for each).",
                                           &Scenario::buildings, "name")
      .required()
      .field("name", &BuildingSection::name,
             {.kind = ValueKind::kText, .description = "Unique name of the building."})
      .field("online", &BuildingSection::online,
             {.kind = ValueKind::kDate,
              .description = "Date the building starts carrying load (before the end of the run)."})
      .field("it_capacity", &BuildingSection::it_capacity_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .min_exclusive = true,
              .description = "Provisioned IT power of the building."})
      .field("gpus", &BuildingSection::gpus,
             {.kind = ValueKind::kInteger,
              .min = 0,
              .description = "Number of GPUs installed in the building."})
      .build();
}

TableSpec compute_table() {
  return TableDeclaration<ComputeSection>(
             "compute", "Compute load (placeholder: a constant utilisation).", &Scenario::compute)
      .field("it_utilisation", &ComputeSection::it_utilisation,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kFraction,
              .default_toml = "\"76 %\"",
              .min = 0.0,
              .max = 1.0,
              .description = "IT power as a share of the online IT capacity at every step "
                             "(placeholder until the GPU fleet model; 76 % is the sustained draw "
                             "of training nodes measured against nameplate, see FACTS.md)."})
      .build();
}

TableSpec facility_table() {
  return TableDeclaration<FacilitySection>(
             "facility", "Facility overheads (placeholder: a constant PUE).", &Scenario::facility)
      .field("pue", &FacilitySection::pue,
             {.kind = ValueKind::kNumber,
              .default_toml = "1.18",
              .min = 1.0,
              .max = kMaxPue,
              .description = "Power usage effectiveness, facility power / IT power (placeholder "
                             "until the weather-driven cooling model; 1.15-1.20 for liquid-cooled "
                             "West Texas campuses)."})
      .build();
}

TableSpec grid_table() {
  return TableDeclaration<GridSection>("grid", "The utility grid connection.", &Scenario::grid)
      .required()
      .field("import_limit", &GridSection::import_limit_kw,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kPower,
              .min = 0.0,
              .description = "Largest power the campus may draw from the grid."})
      .field("price", &GridSection::price_usd_per_mwh,
             {.kind = ValueKind::kQuantity,
              .unit = UnitKind::kEnergyPrice,
              .min = -1000.0,
              .max = 10000.0,
              .description = "Flat price of imported energy."})
      .build();
}

}  // namespace

const Schema& scenario_schema() {
  static const Schema kSchema({run_table(), site_table(), weather_table(), building_table(),
                               solar_table(), compute_table(), facility_table(), grid_table()});
  return kSchema;
}

}  // namespace stargate
