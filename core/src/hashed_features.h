// Hashed sparse features for the learned models (cue_model.h, span_model.h): a feature is a
// template number and a value, hashed into one of 2^bits weights. The hash functions are part
// of every model file's layout: changing them means retraining (tools/README.md).
#pragma once

#include <cstdint>

#include "tokens.h"

namespace attrib {

// The feature (template, value) as a 64-bit hash.
inline uint64_t Feature(uint64_t tmpl, uint64_t value) {
  return HashCombine(HashCombine(0, tmpl * 0x9e3779b97f4a7c15ULL), value);
}

// A feature hash's weight index in [0, 2^bits).
inline uint32_t Bucket(uint64_t h, int bits) {
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return static_cast<uint32_t>(h & ((uint64_t{1} << bits) - 1));
}

}  // namespace attrib
