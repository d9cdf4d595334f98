// The engine's input: a document as paragraphs of UTF-16 text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "attrib/status.h"

namespace attrib {

// Half-open [begin, end) in UTF-16 code units of Document::text(). See attrib/attrib.h.
struct Span {
  int32_t begin = 0;
  int32_t end = 0;

  int32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(int32_t offset) const { return begin <= offset && offset < end; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// Where an offset of Document::text() lies: paragraph index and offset inside it.
struct Location {
  int32_t paragraph = 0;
  int32_t offset = 0;
  friend bool operator==(const Location&, const Location&) = default;
};

class Document {
 public:
  Document() = default;
  explicit Document(std::vector<std::u16string> paragraphs);

  // Splits UTF-8 text into paragraphs at \n, \r\n or \r. Invalid UTF-8 is an error.
  static Status FromUtf8(std::string_view utf8, Document* out);

  const std::vector<std::u16string>& paragraphs() const { return paragraphs_; }
  // The paragraphs joined by U+000A; all spans index into this.
  const std::u16string& text() const { return text_; }
  // Offset of paragraph `i`'s first unit in text().
  int32_t ParagraphStart(int32_t i) const { return starts_[i]; }
  // Maps an offset in [0, text().size()] to its paragraph; O(log paragraphs).
  Location Locate(int32_t offset) const;

 private:
  std::vector<std::u16string> paragraphs_;
  std::u16string text_;
  std::vector<int32_t> starts_;
};

}  // namespace attrib
