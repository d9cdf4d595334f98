#include "story_checks.h"

#include <gtest/gtest.h>

#include <sstream>

#include "component/writer_doc.h"
#include "logic/stories.h"

namespace attrib::test {

nlohmann::json Command(const ScopedDoc& d, const char* url) {
  bool ok = false;
  const std::string r = Dispatch(d.frame(), url, &ok);
  EXPECT_TRUE(ok) << url << ": " << r;
  return nlohmann::json::parse(r, nullptr, false);
}

void ExpectSameStories(const std::string& got, const std::string& want) {
  std::istringstream g(got), w(want);
  std::string gl, wl;
  int line = 0;
  while (true) {
    const bool more_g = static_cast<bool>(std::getline(g, gl));
    const bool more_w = static_cast<bool>(std::getline(w, wl));
    ++line;
    if (!more_g && !more_w) return;
    EXPECT_EQ(gl, wl) << "line " << line;
  }
}

StoryTexts EngineQuotes(const css::uno::Reference<css::text::XTextDocument>& doc) {
  const uno::DocParagraphs read = uno::ReadParagraphs(doc, false);
  std::vector<uno::StoryAnalysis> parts;
  uno::EditPlan plan;
  EXPECT_TRUE(uno::AnalyseStories(read.paragraphs, Options(), &parts, &plan).ok());
  StoryTexts out;
  for (const uno::StoryAnalysis& part : parts) {
    const uno::WriterParagraph& first = read.paragraphs[part.first];
    if (!first.locked.empty()) continue;  // dropped: the commands say so in skipped_stories
    for (const Quote& q : part.analysis.quotes) {
      out.insert({read.story_names[first.story],
                  ToUtf8(FromU16(part.input.text().substr(q.content.begin, q.content.size())))});
    }
  }
  return out;
}

StoryTexts MarkedQuotes(const css::uno::Reference<css::text::XTextDocument>& doc) {
  StoryTexts out;
  for (const uno::MarkedComment& c : uno::ReadMarkedContent(doc).comments) {
    if (!c.claim) out.insert({c.story, c.text});
  }
  return out;
}

std::set<std::string> StoriesOf(const StoryTexts& marks) {
  std::set<std::string> out;
  for (const auto& [story, text] : marks) out.insert(story);
  return out;
}

bool HasStory(const nlohmann::json& skipped, const std::string& story, const std::string& reason) {
  for (const auto& s : skipped) {
    if (s.value("story", "") == story && s.value("reason", "").rfind(reason, 0) == 0) return true;
  }
  return false;
}

}  // namespace attrib::test
