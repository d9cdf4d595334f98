// The noun-phrase grammar shared by the sieves (sieves/) and the entity stage (entities.h):
// speaker mentions are noun phrases found by walking the tokens left or right of a cue with
// the language's word classes (words.txt, titles.txt). Every walk is bounded by kMaxPhrase or
// its caller's window.
#pragma once

#include "token_context.h"

namespace attrib {

// The noun phrase ending at token `k` (inclusive), not before `floor`; one apposition to its
// left ("the spokeswoman for the NSC, Emily Horne") is included.
Phrase PhraseBefore(const TokenContext& c, int32_t k, int32_t floor);
// The noun phrase starting at token `i`, before `limit`, with up to two appositions ("Sara
// Walker, 44, a home-care aide") when `appositions`.
Phrase PhraseAfter(const TokenContext& c, int32_t i, int32_t limit, bool appositions);
// After an impersonal cue ("heißt es dazu in einer Erklärung des Ministeriums"): the place it
// names as the source: the noun phrase of a preposition within the next three words ("einer
// Erklärung des Ministeriums"); empty when none.
Phrase SourceAfterImpersonal(const TokenContext& c, const Cue& cue, int32_t limit);
// The first token of one noun-phrase segment ending at `k` (no apposition); > k when none.
int32_t SegmentBefore(const TokenContext& c, int32_t k, int32_t floor);
// True when tokens [a, b] can be a subject: a pronoun, a determiner phrase, a name or title.
bool ValidSubject(const TokenContext& c, int32_t a, int32_t b);
// The phrase of tokens [a, b) without trailing punctuation.
Phrase MakePhrase(const TokenContext& c, int32_t a, int32_t b);
// Walks left from `k` over auxiliaries ("has also"); returns the first token that is not one.
int32_t SkipAuxLeft(const TokenContext& c, int32_t k, int32_t floor);

// The subject of `cue`, looking left from it, not before `floor`: a noun phrase, a subject
// before a parenthetical ("X, director of ..., said"), a relative pronoun ("X, who said").
Phrase SubjectOf(const TokenContext& c, const Cue& cue, int32_t floor);
// The subject opening the clause [from, to) ("On Monday, Trump attacked ...").
Phrase ClauseSubject(const TokenContext& c, int32_t from, int32_t to);
// "..., saying": a participle cue right after a comma.
bool IsParticipleAfterComma(const TokenContext& c, const Cue& cue, int32_t floor);
// Tidies a speaker mention's edges: an intro word or adverb before it ("Indeed, he"), a verb
// the walk took in at its end ("Mr. Obama hasn't").
Phrase TrimMention(const TokenContext& c, Phrase p);
// Token i is the plain speech verb ("say", "said", "saying"): its object is nearly always a
// clause ("said the plan, if passed, would ...").
bool IsSay(const TokenContext& c, int32_t i);

}  // namespace attrib
