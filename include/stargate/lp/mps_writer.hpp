// Exports an lp::Model in free-format MPS (the de-facto exchange format of LP solvers; read by
// Clp, GLPK's `glpsol --freemps`, HiGHS, CBC, Gurobi, CPLEX). Row types N/E/L/G with RANGES for
// two-sided rows; bounds LO/UP/FX/FR/MI. The objective row is named OBJ and has no constant, so
// the optimum of the file equals Solution::objective of the same model.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "stargate/lp/lp_model.hpp"

namespace stargate::lp {

void write_mps(const Model& model, std::ostream& out, std::string_view problem_name = "stargate");
/// Throws stargate::InputError (exit 2) when the file cannot be written.
void write_mps(const Model& model, const std::filesystem::path& path,
               std::string_view problem_name = "stargate");

}  // namespace stargate::lp
