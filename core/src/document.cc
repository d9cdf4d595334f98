#include "attrib/document.h"

#include <algorithm>

#include "attrib/text.h"

namespace attrib {

Document::Document(std::vector<std::u16string> paragraphs) : paragraphs_(std::move(paragraphs)) {
  starts_.reserve(paragraphs_.size());
  size_t total = paragraphs_.empty() ? 0 : paragraphs_.size() - 1;
  for (const auto& p : paragraphs_) total += p.size();
  text_.reserve(total);
  for (size_t i = 0; i < paragraphs_.size(); ++i) {
    if (i > 0) text_.push_back(u'\n');
    starts_.push_back(static_cast<int32_t>(text_.size()));
    text_ += paragraphs_[i];
  }
}

Status Document::FromUtf8(std::string_view utf8, Document* out) {
  std::u16string all;
  if (Status s = Utf8ToUtf16(utf8, &all); !s.ok()) return s;
  // Line breaks become one U+000A in place; then text_ is `all` itself (no join). Most input
  // has no \r at all: memchr over the bytes is far cheaper than the copy loop.
  if (utf8.find('\r') != std::string_view::npos) {
    size_t w = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i] == u'\r') {
        if (i + 1 < all.size() && all[i + 1] == u'\n') ++i;
        all[w++] = u'\n';
      } else {
        all[w++] = all[i];
      }
    }
    all.resize(w);
  }
  Document doc;
  size_t begin = 0;
  for (size_t i = 0; i <= all.size(); ++i) {
    if (i == all.size() || all[i] == u'\n') {
      doc.starts_.push_back(static_cast<int32_t>(begin));
      doc.paragraphs_.emplace_back(all, begin, i - begin);
      begin = i + 1;
    }
  }
  doc.text_ = std::move(all);
  *out = std::move(doc);
  return Status();
}

Location Document::Locate(int32_t offset) const {
  if (starts_.empty()) return Location{0, 0};
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  int32_t paragraph = static_cast<int32_t>(it - starts_.begin()) - 1;
  if (paragraph < 0) paragraph = 0;
  return Location{paragraph, offset - starts_[paragraph]};
}

}  // namespace attrib
