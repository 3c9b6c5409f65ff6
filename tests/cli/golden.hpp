// Pinned results of the examples (tests/golden/<example stem>.json): the KPIs and findings of an
// example's summary.json, compared with a relative tolerance, so that a change that moves a
// headline number (cost per GPU-hour, the funding verdict, ...) fails until the golden file is
// updated on purpose (docs/architecture.md, "Tests").
//
// A golden file:
//   {"example": "abilene.toml",
//    "relative_tolerance": 1e-9,          // |actual - pinned| <= tol x max(|actual|, |pinned|)
//    "unpinned": ["dispatch_lp_solve_seconds"],   // keys compared by presence only (wall time)
//    "expected": {"kpis": {...}, "findings": [...], "sites": [...]}}
// `expected` has the shape of the summary.json it pins, restricted to those members. Updating:
//   STARGATE_UPDATE_GOLDEN=1 ctest --preset release -R Example
// rewrites every golden file from the present outputs; say why in the commit.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace stargate::cli_test {

using Json = nlohmann::ordered_json;

/// The members of a summary.json that golden files pin.
inline Json pinned_part(const Json& summary) {
  Json pinned = Json::object();
  for (const char* member : {"kpis", "findings"}) {
    if (summary.contains(member)) {
      pinned[member] = summary[member];
    }
  }
  if (summary.contains("sites")) {
    Json sites = Json::array();
    for (const Json& site : summary["sites"]) {
      sites.push_back(
          {{"name", site["name"]}, {"kpis", site["kpis"]}, {"findings", site["findings"]}});
    }
    pinned["sites"] = sites;
  }
  return pinned;
}

/// Removes every member named in `unpinned`, at any depth.
inline void drop_unpinned(Json& value, const std::vector<std::string>& unpinned) {
  if (value.is_object()) {
    for (const std::string& key : unpinned) {
      value.erase(key);
    }
    for (auto& [key, member] : value.items()) {
      drop_unpinned(member, unpinned);
    }
  } else if (value.is_array()) {
    for (Json& element : value) {
      drop_unpinned(element, unpinned);
    }
  }
}

/// Appends one line per difference between `expected` and `actual` under `path`.
inline void compare_golden(const Json& expected, const Json& actual, const std::string& path,
                           double relative_tolerance, std::vector<std::string>& differences) {
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.get<double>();
    const double a = actual.get<double>();
    const double allowed = relative_tolerance * std::max(std::abs(e), std::abs(a));
    if (!(std::abs(a - e) <= allowed)) {
      differences.push_back(path + ": pinned " + expected.dump() + ", now " + actual.dump());
    }
    return;
  }
  if (expected.type() != actual.type()) {
    differences.push_back(path + ": pinned " + expected.dump() + ", now " + actual.dump());
    return;
  }
  if (expected.is_object()) {
    for (const auto& [key, member] : expected.items()) {
      if (!actual.contains(key)) {
        differences.push_back(path + "." + key + ": pinned, now missing");
      } else {
        compare_golden(member, actual[key], path + "." + key, relative_tolerance, differences);
      }
    }
    for (const auto& [key, member] : actual.items()) {
      if (!expected.contains(key)) {
        differences.push_back(path + "." + key + ": new, not pinned (" + member.dump() + ")");
      }
    }
    return;
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      differences.push_back(path + ": pinned " + std::to_string(expected.size()) +
                            " entries, now " + std::to_string(actual.size()));
      return;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      compare_golden(expected[i], actual[i], path + "[" + std::to_string(i) + "]",
                     relative_tolerance, differences);
    }
    return;
  }
  if (expected != actual) {
    differences.push_back(path + ": pinned " + expected.dump() + ", now " + actual.dump());
  }
}

}  // namespace stargate::cli_test
