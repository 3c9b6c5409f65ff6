#include "stargate/facility/constant_pue.hpp"

#include <cassert>

namespace stargate {

ConstantPue::ConstantPue(double pue) : pue_(pue) {
  assert(pue >= 1.0);
}

}  // namespace stargate
