#include "attrib/attrib.h"

namespace attrib {

const char* Version() {
  return ATTRIB_VERSION;
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kMixed:
      return "mixed";
    case QuoteKind::kIndirect:
      return "indirect";
    case QuoteKind::kOther:
      return "other";
  }
  return "other";
}

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kQuantity:
      return "quantity";
    case ClaimKind::kComparison:
      return "comparison";
    case ClaimKind::kPrediction:
      return "prediction";
    case ClaimKind::kDatedEvent:
      return "dated-event";
    case ClaimKind::kCausal:
      return "causal";
  }
  return "quantity";
}

}  // namespace attrib
