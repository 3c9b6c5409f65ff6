#include "stargate/compute/constant_utilisation.hpp"

#include <cassert>

namespace stargate {

ConstantUtilisation::ConstantUtilisation(double utilisation) : utilisation_(utilisation) {
  assert(utilisation >= 0.0 && utilisation <= 1.0);
}

}  // namespace stargate
