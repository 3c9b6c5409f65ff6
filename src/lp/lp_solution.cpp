#include "stargate/lp/lp_solution.hpp"

namespace stargate::lp {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::kOptimal: return "optimal";
    case Status::kInfeasible: return "infeasible";
    case Status::kUnbounded: return "unbounded";
    case Status::kTimeLimit: return "time limit";
    case Status::kFailed: break;
  }
  return "failed";
}

}  // namespace stargate::lp
