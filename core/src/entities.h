// Stage 4: entities. Turns speaker mentions into one Speaker per real speaker: names merge by
// surname (Joe Biden / President Joe Biden / Biden), titles and appositions become the role
// ("State Department spokesman", "spokeswoman for the National Security Council"), definite
// descriptions merge with the entity whose role or description they match ("the Russian
// president" -> Vladimir Putin; "the senior element of the White House" -> "a senior White
// House member"), unnamed sources are anonymous entities, and pronouns resolve in discourse
// order: a subject in the same sentence, else a subject since the last quotation, else the
// last quotation's speaker ("he said" after the official's quote is the official), else the
// last subject; "it" prefers the last organisation or anonymous speaker.
#pragma once

#include <optional>
#include <vector>

#include "attribution.h"

namespace attrib {

struct EntityResult {
  std::vector<Speaker> speakers;                // only entities that speak, ids 0..n-1
  std::vector<std::optional<int>> speaker_of;   // per attribution
  std::vector<std::optional<Span>> mention_of;  // per attribution: the deciding mention
};

EntityResult ResolveSpeakers(const AttributionInput& in,
                             const std::vector<Attribution>& attributions);

}  // namespace attrib
