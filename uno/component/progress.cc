#include "component/progress.h"

#include <algorithm>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>

#include "common/strings.h"
#include "component/report.h"

namespace attrib::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using rtl::OUString;

// Whether the frame's window is shown (false for hidden and headless documents).
bool Visible(const Reference<css::frame::XFrame>& frame) {
  if (!frame.is()) return false;
  Reference<css::awt::XWindow2> window(frame->getContainerWindow(), UNO_QUERY);
  return window.is() && window->isVisible();
}

}  // namespace

Progress::Progress(const CommandContext& c, const std::string& text) : indicator_(c.indicator) {
  try {
    // The frame's status bar only when it can be seen: its indicator makes soffice handle
    // pending events (the whole idle layout of a just-loaded document) in start(), setValue()
    // and end(), which a hidden document (headless, `attrib annotate`) pays for nothing.
    if (!indicator_.is() && Visible(c.frame)) {
      Reference<css::task::XStatusIndicatorFactory> factory(c.frame, UNO_QUERY);
      if (factory.is()) indicator_ = factory->createStatusIndicator();
    }
    if (indicator_.is()) indicator_->start(FromUtf8(text), 100);
  } catch (const css::uno::Exception& e) {
    LogInfo("progress", e.Message);
    indicator_.clear();
  }
}

void Progress::Set(int percent) {
  if (percent == last_ || !indicator_.is()) return;
  last_ = percent;
  try {
    indicator_->setValue(percent);
  } catch (const css::uno::Exception& e) {
    LogInfo("progress", e.Message);
  }
}

std::function<void(int, int)> Progress::Between(int from, int to) {
  return [this, from, to](int done, int planned) {
    Set(from + (to - from) * std::min(done, planned) / std::max(planned, 1));
  };
}

Progress::~Progress() {
  try {
    if (indicator_.is()) indicator_->end();
  } catch (const css::uno::Exception& e) {
    LogInfo("progress", e.Message);
  }
}

}  // namespace attrib::uno
