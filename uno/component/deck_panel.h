// The Attribution sidebar deck's panel (issue 12 item 3): a panel factory registered under
// org.openoffice.Office.UI.Factories (extension/Factories.xcu) for the panel URL of
// extension/Sidebar.xcu, and the panel it makes.
//
// The panel is a UnoControlContainer (its XToolPanel::getWindow) holding, by control name:
//   "highlight", "claims", "clear", "refresh"  buttons: dispatch org.attrib:HighlightQuotes,
//                                              MarkClaims, ClearMarks (then refresh), or refresh
//   "status"                                    a line: what is marked in the document now
//   "list"                                      a list box: the rows of logic/deck.h in order,
//                                              each indented by its level (entry i = row i)
// (A list, not an awt TreeControl: on LibreOffice 7.4 the tree's getSelection() answered void for
// a selected node, so a click could not be told from the tree.)
// Its data is the engine's analysis of the document (read-only: ReadParagraphs + Analyze, the
// same Options as the commands), read when the panel is made, shown, or refreshed, and after
// each of its buttons' commands. Choosing a quote or claim selects its text in the document
// (after checking the document still holds the analysed text; if not, the panel refreshes).
// The panel never modifies the document. Every UNO method catches everything (report.h).
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

namespace attrib::uno {

inline constexpr char kPanelFactoryImpl[] = "org.attrib.comp.PanelFactory";
// The panel's resource URL, as in extension/Sidebar.xcu's ImplementationURL.
inline constexpr char kPanelUrl[] = "private:resource/toolpanel/AttribPanelFactory/AttribPanel";

css::uno::Reference<css::uno::XInterface> NewPanelFactory(
    const css::uno::Reference<css::uno::XComponentContext>& context);

}  // namespace attrib::uno
