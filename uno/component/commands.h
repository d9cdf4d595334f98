// The extension's commands, in ONE table (STYLE.md 9): URL, title, whether it needs a Writer
// text document, and the handler. queryDispatch, Addons.xcu, Accelerators.xcu, `attrib annotate`
// and the tests all follow it.
//
// SELECTION. Highlight Quotes and Mark Claims look at the controller's selection. With no
// selection (or only collapsed ranges, or a selection that is not text, e.g. table cells
// selected as cells or a frame), they work on the whole document: every earlier mark of theirs
// is removed and the whole document is marked again. With a non-empty text selection (several
// ranges count as one, from the first start to the last end):
//  - the engine reads the whole paragraphs the selection touches (so a cue or a speaker named
//    elsewhere in a touched paragraph still counts), and nothing else;
//  - the quotes (claims) whose span overlaps the selection are marked, each over its WHOLE span
//    (a half-highlighted quote would misstate what was said);
//  - only the command's earlier marks that overlap the selection are removed first; marks
//    elsewhere stay, and new marks get ids after theirs so names never collide.
// Insert Attribution Footnotes and Clear Attribution Marks always work on the whole document.
//
// THREAD. The document commands run on soffice's main thread: a dispatch arriving on another
// thread (a UNO bridge: `attrib annotate`, the tests, bench/writer_bench) is posted there through
// css::awt::AsyncCallback and waited for (commands.cc explains why: comment sidebar and idle
// layout between our edits made the commands quadratic). The frame's status bar is used only
// when the frame's window is visible.
//
// HIDDEN COMMAND (in_menu false): "org.attrib:MarkedContent" changes nothing and returns what
// the extension has marked (ReadMarkedContent) as JSON — `attrib annotate --json` asks for it
// instead of reading the document over the bridge, which took minutes on long documents.
//
// HIDDEN DISPATCH ARGUMENTS (programmatic callers only; menus, toolbars and keys pass none):
//  - "StatusIndicator" (css::task::XStatusIndicator): report progress there instead of the
//    frame's status bar (`attrib annotate` and the tests use it).
//  - "AttribFailAfterEdits" (long n >= 0): fault injection for tests — the command's edit
//    number n+1 throws, so that the rollback can be observed. Harmless otherwise.
#pragma once

#include <string>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>
#include <span>

namespace attrib::uno {

struct CommandContext {
  css::uno::Reference<css::uno::XComponentContext> context;
  css::uno::Reference<css::frame::XFrame> frame;
  css::uno::Reference<css::frame::XModel> model;               // the frame's document (may be null)
  css::uno::Reference<css::task::XStatusIndicator> indicator;  // from the dispatch arguments
  int fail_after_edits = -1;                                   // from the dispatch arguments
  // Hidden dispatch argument "AttribBareFootnotes" (bench/writer_bench.cc only): Insert
  // Footnotes inserts empty footnotes with no text and no bookmark at the same points — Writer's
  // own cost of the footnotes, the floor the command is measured against. Never from the UI.
  bool bare_footnotes = false;
  // Dispatch argument "AttribSettings" (`attrib annotate --settings`): a JSON object of
  // logic/settings.h's fields over the stored settings; "" = the stored settings alone.
  std::string settings_json;
  // Hidden dispatch argument "AttribNoOpen" (tests): Help finds its page but opens no browser.
  bool no_open = false;
  // Hidden dispatch argument "AttribNoDocument" (`attrib annotate --sources`): Sources Report
  // answers with its rows and opens no document.
  bool no_document = false;
};

// The extension's identifier (extension/description.xml).
inline constexpr char kExtensionId[] = "org.attrib.writer";

// Runs a command; returns a JSON summary of what it did (the dispatch result). Throws on
// failure — the protocol handler catches and reports.
using CommandHandler = rtl::OUString (*)(const CommandContext&);

struct Command {
  const char* url;    // "org.attrib:HighlightQuotes"
  const char* title;  // the undo step's and the menu's name
  bool needs_writer;  // enabled only on a Writer text document
  bool in_menu;       // in the menu and toolbar; else for programmatic callers only
  CommandHandler handler;
};

std::span<const Command> Commands();
const Command* FindCommand(const rtl::OUString& url);

// True when `model` is a Writer text document (not Writer/Web, not a master document).
bool IsWriterTextDocument(const css::uno::Reference<css::frame::XModel>& model);
// The model of the frame's controller, or null.
css::uno::Reference<css::frame::XModel> ModelOf(const css::uno::Reference<css::frame::XFrame>& f);

}  // namespace attrib::uno
