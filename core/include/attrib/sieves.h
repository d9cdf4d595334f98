// The attribution pipeline: ordered, named stages and sieves.
//
//   tokens → quotations (quote_marks) → cues → attributions (sieves below) → entities
//
// Each stage has its own result type (core/src/*.h). Attribution runs SIEVES, each a unit of
// its own (core/src/sieves/<name>.cc) in one registry: a sieve decides one item or declines it
// and leaves it to the next, and records its name in Quote::rule, so a user can see why a
// speaker was chosen. There are three stages, run in this order because each needs what the
// one before decided: direct quotations, then reported speech (the cues no quotation took),
// then quoted fragments (inside the reports). Options::sieves names the sieves to run —
// exactly those, in the given order within each stage; an unknown name is an error (Analyze
// returns it, the CLI exits 2). Empty = DefaultSieves(), in the order listed here.
//
// Direct quotations (marks around a whole utterance):
//   cue-after-quote    “…,” Horne said.  /  “…,” said State Department spokesman Ned Price.
//   cue-before-quote   He added: “…”  /  Said Horne, “…”
//   cue-in-sentence    a speech cue elsewhere in the quotation's sentence
//   colon-frame        no cue: X lobte ihn mit den Worten: „…“ — the subject before the colon
//   turn-continuation  no cue: the quotation continues the previous quotation's speaker
//                      (same or previous paragraph)
//   subject-after-quote  no cue: “…” Blige sings — the subject right after the quotation
//   paragraph-lead     no cue: the speaker of the cue in the sentence just before ("X said:")
// Reported speech without marks (Options::find_indirect):
//   according-to       According to X, …  /  …, according to X.  /  Dem Bericht zufolge …
//   indirect-trailing  …, X said.  /  …, said X.  /  The test, X said, was …  /  As X reported, …
//   indirect-that      X said (that) …  /  X reiterated the US support for …
//   agentless          It was added that …  (reported unattributed, Quote::agentless)
//   verb-object        X supports raising the wage  /  X talks about immigration  (an object)
// Quoted fragments inside a sentence:
//   mixed-fragment     he said they were “prepared” — the speaker of the enclosing report
//
// Entities (one Speaker per real speaker) are built after the sieves: names merge by surname,
// titles and appositions become roles, definite descriptions ("the Russian president") merge
// with the entity whose role they match, pronouns resolve to the last speaker of the quote
// turn, else to the last subject.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attrib {

// Every sieve, in the default order: the sieves run when Options::sieves is empty.
const std::vector<std::string>& DefaultSieves();

// True when `name` names a sieve.
bool IsKnownSieve(std::string_view name);

}  // namespace attrib
