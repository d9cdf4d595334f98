// Progress of a command in the status bar (or the caller's indicator).
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <functional>
#include <string>

#include "component/commands.h"

namespace attrib::uno {

// Status-bar progress: the caller's indicator (CommandContext::indicator), else the frame's
// when its window is visible. Never throws; only calls the indicator when the percentage changes.
class Progress {
 public:
  Progress(const CommandContext& c, const std::string& text);  // UTF-8
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void Set(int percent);
  // Maps an Edits count onto [from, to] percent.
  std::function<void(int, int)> Between(int from, int to);

 private:
  css::uno::Reference<css::task::XStatusIndicator> indicator_;
  int last_ = -1;
};

}  // namespace attrib::uno
