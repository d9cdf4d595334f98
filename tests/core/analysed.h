// Test helper: a text analysed by the engine (claims off), with readable accessors.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "attrib/attrib.h"
#include "attrib/text.h"

namespace attrib {

struct Analysed {
  Document doc;
  Analysis a;
  std::string Text(Span s) const {
    return Utf16ToUtf8(std::u16string_view(doc.text()).substr(s.begin, s.size()));
  }
  std::string SpeakerOf(const Quote& q) const {
    return q.speaker ? a.speakers[*q.speaker].name : "<none>";
  }
};

inline Analysed Analyse(std::string_view text, Options o = Options()) {
  Analysed r;
  EXPECT_TRUE(Document::FromUtf8(text, &r.doc).ok());
  o.find_claims = false;
  EXPECT_TRUE(Analyze(r.doc, o, &r.a).ok());
  return r;
}

}  // namespace attrib
