// Module types and the PVWatts v8 array layout: values, worked numbers and sources are in
// src/energy/pv_layout.hpp.
#include "pv_layout.hpp"

#include <algorithm>
#include <cmath>

#include "stargate/core/units.hpp"

namespace stargate::pv {
namespace {

constexpr double kModuleStcW = 300.0;
constexpr double kAspectRatio = 1.7;  // length / width
constexpr double kModulesPerString = 7.0;

}  // namespace

ModuleSpec module_spec(ModuleType type) {
  switch (type) {
    case ModuleType::kPremium: return {-0.0035, 0.21, true};
    case ModuleType::kThinFilm: return {-0.0032, 0.18, true};
    case ModuleType::kStandard: break;
  }
  return {-0.0037, 0.19, true};
}

bool has_self_shading(ArrayType array) {
  return array == ArrayType::kFixedOpenRack || array == ArrayType::kOneAxis ||
         array == ArrayType::kOneAxisBacktracking;
}

ArrayLayout estimate_layout(double dc_capacity_kw, ArrayType array, const ModuleSpec& module) {
  ArrayLayout layout;
  const double area_m2 = kModuleStcW / module.stc_efficiency / kWPerKw;
  const double width_m = std::sqrt(area_m2 / kAspectRatio);
  const double length_m = width_m * kAspectRatio;
  layout.modules = std::max(1.0, std::ceil(dc_capacity_kw * kWPerKw / kModuleStcW));
  const bool tracker = array == ArrayType::kOneAxis || array == ArrayType::kOneAxisBacktracking;
  layout.modules_high = tracker ? 1.0 : 2.0;
  layout.rows = array == ArrayType::kFixedRoof
                    ? 1.0
                    : std::ceil(std::sqrt(layout.modules / layout.modules_high));
  layout.modules_along_row =
      std::max(1.0, std::ceil(layout.modules / (layout.rows * layout.modules_high)));
  layout.row_length_to_height =
      layout.modules_along_row * width_m / (layout.modules_high * length_m);
  const double strings_along_row = std::floor(layout.modules_along_row / kModulesPerString);
  layout.end_effect = strings_along_row <= 1.0;
  return layout;
}

}  // namespace stargate::pv
