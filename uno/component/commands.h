// The extension's commands, in ONE table (STYLE.md 9): URL, title, whether it needs a Writer
// text document, and the handler. queryDispatch, Addons.xcu and the tests all follow it.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>
#include <span>

namespace attrib::uno {

struct CommandContext {
  css::uno::Reference<css::uno::XComponentContext> context;
  css::uno::Reference<css::frame::XFrame> frame;
  css::uno::Reference<css::frame::XModel> model;  // the frame's document (may be null)
};

// Runs a command; returns a JSON summary of what it did (the dispatch result). Throws on
// failure — the protocol handler catches and reports.
using CommandHandler = rtl::OUString (*)(const CommandContext&);

struct Command {
  const char* url;        // "org.attrib:HighlightQuotes"
  const char* title;      // the undo step's and the menu's name
  bool needs_writer;      // enabled only on a Writer text document
  CommandHandler handler;
};

std::span<const Command> Commands();
const Command* FindCommand(const rtl::OUString& url);

// True when `model` is a Writer text document (not Writer/Web, not a master document).
bool IsWriterTextDocument(const css::uno::Reference<css::frame::XModel>& model);
// The model of the frame's controller, or null.
css::uno::Reference<css::frame::XModel> ModelOf(const css::uno::Reference<css::frame::XFrame>& f);

}  // namespace attrib::uno
