#include "component/selection.h"

#include <algorithm>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

namespace attrib::uno {

css::uno::Any SelectionOf(const CommandContext& c) {
  css::uno::Reference<css::frame::XController> controller =
      c.model.is() ? c.model->getCurrentController() : nullptr;
  css::uno::Reference<css::view::XSelectionSupplier> supplier(controller, css::uno::UNO_QUERY);
  return supplier.is() ? supplier->getSelection() : css::uno::Any();
}

SelectedMarks MarksInSelection(const DocParagraphs& paragraphs, char tag, char comment_tag) {
  SelectedMarks s;
  s.selected = FindSelection(paragraphs, &s.begin, &s.end);
  if (!s.selected) return s;
  int max_comment = -1;
  s.overlapping.ids = MarksOverlapping(paragraphs.paragraphs, tag, s.begin, s.end, &s.max_id);
  for (int id : MarksOverlapping(paragraphs.paragraphs, comment_tag, s.begin, s.end, &max_comment,
                                 &s.overlapping.comment_names)) {
    s.overlapping.ids.insert(id);
  }
  s.max_id = std::max(s.max_id, max_comment);
  return s;
}

}  // namespace attrib::uno
