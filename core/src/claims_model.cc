#include "claims_model.h"

#include "claim_features.h"

namespace attrib {
namespace {
#include "claims_model_en.inc"
static_assert(sizeof(kWeights) / sizeof(kWeights[0]) ==
                  static_cast<size_t>(kClaimDenseFeatures) + (size_t{1} << kHashBits),
              "claims_model_en.inc does not match the feature layout; retrain (tools/README.md)");
}  // namespace

const ClaimModel& EnglishClaimModel() {
  static const ClaimModel model = [] {
    ClaimModel m;
    m.name = kModelName;
    m.hash_bits = kHashBits;
    m.raw_bias = kBias;
    m.raw_scale = kScale;
    m.calibration_a = kCalibrationA;
    m.calibration_b = kCalibrationB;
    m.cut = kCut;
    m.bias = kCalibrationA * kBias + kCalibrationB;
    m.scale = kCalibrationA * kScale;
    m.weights = kWeights;
    m.num_weights = static_cast<int>(sizeof(kWeights) / sizeof(kWeights[0]));
    return m;
  }();
  return model;
}

}  // namespace attrib
