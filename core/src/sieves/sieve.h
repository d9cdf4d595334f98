// The attribution sieves as units. A sieve is a function with a name in one registry
// (registry.cc, the order of DefaultSieves()); it either decides one item — fills the
// attribution and returns true — or declines and leaves it to the next sieve. There are three
// kinds, run in three stages (each stage needs what the previous one decided):
//
//   quote sieves     one direct quotation: its cue and speaker            (stage 1)
//   report sieves    one cue no quotation used: reported speech, content  (stage 2)
//   sentence sieves  one sentence no attribution covers: reported speech
//                    without a cue of its own                             (stage 3)
//   fragment sieves  one quoted fragment inside a sentence                (stage 4)
//
// Within a stage the enabled sieves run in the order Options::sieves gives; the first that
// decides wins. The attribution driver (attribution.cc) owns everything between the stages.
#pragma once

#include <string_view>
#include <vector>

#include "../attribution.h"
#include "../noun_phrases.h"

namespace attrib {

// What every sieve may read besides the tokens: the quotations and the attributions so far.
struct SieveContext {
  const TokenContext& c;
  const Options& options;
  const std::vector<QuotationSpan>& quotes;
  const std::vector<int>& top;           // indices of the top-level quotations, in text order
  const std::vector<Attribution>& made;  // attributions decided so far, in stage order
  const std::vector<bool>& cue_used;     // cue index -> already taken by an attribution
  // Reported-speech attributions (indices into `made`) ordered by content begin; filled before
  // the fragment stage.
  const std::vector<int>& reports_by_begin;
  // Sentence index -> the latest attribution (index into `made`) whose content ends in it, -1.
  const std::vector<int>& ending_in_sentence;

  // True when `offset` is inside a top-level quotation's content.
  bool InsideQuote(int32_t offset) const;
};

// A direct quotation to attribute.
struct DirectQuotation {
  int top_index = 0;      // index into SieveContext::top
  int32_t open_tok = 0;   // token of the opening mark
  int32_t close_tok = 0;  // first token after the closing mark
  int32_t paragraph = 0;
};

// The sentence around a cue that no quotation used, analysed once for every report sieve.
struct ReportFrame {
  int cue = -1;         // index into the cues
  bool source = false;  // a source cue ("according to", "zufolge"): the according-to sieve's
  int32_t s0 = 0;       // the cue's sentence window [s0, s1)
  int32_t s1 = 0;
  int32_t send = 0;   // s1 without the final terminal punctuation
  int32_t floor = 0;  // s0, or after the last quotation before the cue in the sentence
  // The rest is set only for cues that are not source cues.
  int32_t k = 0;          // where the content may start after the cue (after "that", an addressee)
  int32_t clause_at = 0;  // where a clause without "that" may open
  bool that = false;      // a complementiser at k
  bool bare_clause = false;  // a clause right after the cue without "that"
  bool wh_clause = false;    // an embedded question: "asked whether ..."
  bool to_clause = false;    // "pledged to remain civil"
  bool passive = false;      // "It was added that", "Es heißt, ...": agentless
  bool infinitive = false;   // "to defend that ...": speaker of the sentence's earlier report
  bool coordinated = false;  // "... and added that": speaker of the earlier report
  bool as_lead = false;      // "As The Washington Post reported, ..."
  // First token of a clause after the cue and a comma ("sagte heute, es gebe keine Spur"), in
  // languages whose grammar.txt says comma-clause-reports; -1 when there is none.
  int32_t comma_clause = -1;
  Phrase inverted;  // "..., said Batchelder.": the speaker ending the sentence
};

// The content of a report as tokens [first, last).
struct TokenRange {
  int32_t first = -1;
  int32_t last = -1;
};

// A sentence (tokens [first, last), without its final punctuation) that no attribution covers.
struct SentenceCandidate {
  int sentence = 0;  // index into Tokens::sentences
  int32_t first = 0;
  int32_t last = 0;
};

// A quoted fragment (kMixed) inside a sentence.
struct Fragment {
  int quotation = 0;  // index into SieveContext::quotes
  int32_t open_tok = 0;
  int32_t close_tok = 0;
};

using QuoteSieveFn = bool (*)(const SieveContext&, const DirectQuotation&, Attribution*);
using ReportSieveFn = bool (*)(const SieveContext&, const ReportFrame&, Attribution*,
                               TokenRange* content);
using SentenceSieveFn = bool (*)(const SieveContext&, const SentenceCandidate&, Attribution*);
using FragmentSieveFn = bool (*)(const SieveContext&, const Fragment&, Attribution*);

struct SieveInfo {
  std::string_view name;
  QuoteSieveFn quote = nullptr;  // exactly one of the four is set
  ReportSieveFn report = nullptr;
  SentenceSieveFn sentence = nullptr;
  FragmentSieveFn fragment = nullptr;
};

// Every sieve, in the default order.
const std::vector<SieveInfo>& AllSieves();
// The sieve called `name`; nullptr when there is none.
const SieveInfo* FindSieve(std::string_view name);

// The analysis of the sentence around cue `cue` shared by the report sieves.
ReportFrame AnalyzeReportFrame(const SieveContext& ctx, int cue);

// The shapes of reported content after a cue that indirect-that and agentless share ("said
// that ...", "said officials are ...", "asked whether ...", "reiterated his support for X"):
// sets `content` and returns true when the sentence has one.
bool ClauseOrObjectContent(const SieveContext& ctx, const ReportFrame& f, TokenRange* content);

// Where an object noun phrase starting at token cb ends, before `send` (its first comma outside
// a list, or "and" and a verb).
int32_t ObjectEnd(const TokenContext& c, int32_t cb, int32_t send);

// For an impersonal cue ("heißt es"): sets the speaker to the source it names ("in der Rede"),
// or marks the attribution agentless, and returns true; false for any other cue.
bool ImpersonalSpeaker(const TokenContext& c, const Cue& cue, int32_t limit, Attribution* a);

// For a language that leaves subjects out (grammar.txt dropped-subject): the speaker before
// token `before` in its or the previous paragraph — the subject of the latest speech cue, or
// (then *same_as is its index into SieveContext::made and the phrase is empty) the latest
// attribution decided already whose cue comes later.
Phrase EarlierSpeaker(const SieveContext& ctx, int32_t before, int* same_as);

// The sieves. Each is documented in its file; their names are in registry.cc.
bool CueAfterQuote(const SieveContext&, const DirectQuotation&, Attribution*);
bool CueBeforeQuote(const SieveContext&, const DirectQuotation&, Attribution*);
bool CueInSentence(const SieveContext&, const DirectQuotation&, Attribution*);
bool ColonFrame(const SieveContext&, const DirectQuotation&, Attribution*);
bool TurnContinuation(const SieveContext&, const DirectQuotation&, Attribution*);
bool SubjectAfterQuote(const SieveContext&, const DirectQuotation&, Attribution*);
bool ParagraphLead(const SieveContext&, const DirectQuotation&, Attribution*);
bool AccordingTo(const SieveContext&, const ReportFrame&, Attribution*, TokenRange*);
bool IndirectTrailing(const SieveContext&, const ReportFrame&, Attribution*, TokenRange*);
bool IndirectThat(const SieveContext&, const ReportFrame&, Attribution*, TokenRange*);
bool Agentless(const SieveContext&, const ReportFrame&, Attribution*, TokenRange*);
bool VerbObject(const SieveContext&, const ReportFrame&, Attribution*, TokenRange*);
bool ReportedContinuation(const SieveContext&, const SentenceCandidate&, Attribution*);
bool MixedFragment(const SieveContext&, const Fragment&, Attribution*);

}  // namespace attrib
