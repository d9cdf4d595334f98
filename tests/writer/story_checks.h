// Checks the Writer suites share (stories_test.cc, torture_test.cc): what the engine finds per
// story against what a command marked, and literal comparison of every story (doc_dump.h).
#pragma once

#include <com/sun/star/text/XTextDocument.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "office_env.h"

namespace attrib::test {

using StoryTexts = std::multiset<std::pair<std::string, std::string>>;

// Runs command `url` on the document's frame, expects success, returns its JSON result.
nlohmann::json Command(const ScopedDoc& d, const char* url);
// Line by line (doc_dump.h Stories), so that a failure shows the story and the line that differ.
void ExpectSameStories(const std::string& got, const std::string& want);
// What the engine finds, story by story, on the document as it is: {story name, quote text}
// (quotes in locked parts left out: the commands skip them).
StoryTexts EngineQuotes(const css::uno::Reference<css::text::XTextDocument>& doc);
// Our quote comments, {story, anchored text}, as the hidden report command reads them.
StoryTexts MarkedQuotes(const css::uno::Reference<css::text::XTextDocument>& doc);
std::set<std::string> StoriesOf(const StoryTexts& marks);
// Whether a command's "skipped_stories" holds `story` with a reason starting with `reason`.
bool HasStory(const nlohmann::json& skipped, const std::string& story, const std::string& reason);

}  // namespace attrib::test
