#include "component/commands.h"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <nlohmann/json.hpp>

#include "component/report.h"
#include "component/strings.h"
#include "component/writer_doc.h"

namespace attrib::uno {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// Status-bar progress for the frame, when it has one. Never throws.
class Progress {
 public:
  Progress(const Reference<css::frame::XFrame>& frame, const char* text) {
    try {
      Reference<css::task::XStatusIndicatorFactory> factory(frame, UNO_QUERY);
      if (factory.is()) indicator_ = factory->createStatusIndicator();
      if (indicator_.is()) indicator_->start(OUString::createFromAscii(text), 100);
    } catch (const css::uno::Exception& e) {
      LogInfo("progress", e.Message);
    }
  }
  void Set(int percent) {
    try {
      if (indicator_.is()) indicator_->setValue(percent);
    } catch (const css::uno::Exception& e) {
      LogInfo("progress", e.Message);
    }
  }
  ~Progress() {
    try {
      if (indicator_.is()) indicator_->end();
    } catch (const css::uno::Exception& e) {
      LogInfo("progress", e.Message);
    }
  }

 private:
  Reference<css::task::XStatusIndicator> indicator_;
};

Reference<css::text::XTextDocument> TextDocument(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc(c.model, UNO_QUERY);
  if (!doc.is() || !IsWriterTextDocument(c.model)) {
    throw css::uno::RuntimeException("this command needs a Writer text document");
  }
  return doc;
}

// Reads the document and runs the engine on it.
struct Analysed {
  DocParagraphs paragraphs;
  Document input;
  Analysis analysis;
  EditPlan plan;
};
Analysed Analyse(const Reference<css::text::XTextDocument>& doc) {
  Analysed a;
  a.paragraphs = ReadParagraphs(doc);
  a.input = DocumentOf(a.paragraphs.paragraphs);
  if (Status s = Analyze(a.input, Options(), &a.analysis); !s.ok()) {
    throw css::uno::RuntimeException(FromUtf8("the engine failed: " + s.message()));
  }
  a.plan = PlanEdits(a.input, a.analysis, a.paragraphs.paragraphs);
  return a;
}

OUString Summary(const char* command, const Analysed* a, const ApplyCounts& counts) {
  nlohmann::json j = {{"command", command}, {"marks", counts.marks},
                      {"comments", counts.comments}, {"footnotes", counts.footnotes},
                      {"removed", counts.removed}};
  std::vector<std::string> skipped = counts.skipped;
  if (a != nullptr) {
    j["paragraphs"] = a->paragraphs.paragraphs.size();
    j["quotes"] = a->analysis.quotes.size();
    j["speakers"] = a->analysis.speakers.size();
    skipped.insert(skipped.begin(), a->plan.skipped.begin(), a->plan.skipped.end());
  }
  j["skipped"] = skipped;
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

OUString HighlightQuotes(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  Progress progress(c.frame, "Attribution: highlighting quotes");
  Analysed a;
  ApplyCounts counts;
  UndoStep(doc, "Highlight Quotes", [&] {
    counts.removed = ClearMarks(doc, /*highlights=*/true, /*footnotes=*/false);
    progress.Set(10);
    a = Analyse(doc);
    progress.Set(50);
    ApplyCounts applied = ApplyMarks(doc, a.paragraphs, a.plan);
    counts.marks = applied.marks;
    counts.comments = applied.comments;
    counts.skipped = applied.skipped;
  });
  return Summary("HighlightQuotes", &a, counts);
}

OUString InsertFootnotes(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  Progress progress(c.frame, "Attribution: inserting footnotes");
  Analysed a;
  ApplyCounts counts;
  UndoStep(doc, "Insert Attribution Footnotes", [&] {
    int removed = ClearMarks(doc, /*highlights=*/false, /*footnotes=*/true);
    progress.Set(10);
    a = Analyse(doc);  // read after the removal: our footnote anchors are not in the text
    progress.Set(50);
    counts = ApplyFootnotes(doc, a.paragraphs, a.plan);
    counts.removed = removed;
  });
  return Summary("InsertFootnotes", &a, counts);
}

OUString ClearAttributionMarks(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  ApplyCounts counts;
  UndoStep(doc, "Clear Attribution Marks",
           [&] { counts.removed = ClearMarks(doc, /*highlights=*/true, /*footnotes=*/true); });
  return Summary("ClearMarks", nullptr, counts);
}

OUString About(const CommandContext& c) {
  OUString version = OUString::createFromAscii(Version());
  ShowInfo(c.context, c.frame, "About Attrib",
           "Attrib " + version + " — who said what.\nQuote and claim attribution for Writer.");
  nlohmann::json j = {{"command", "About"}, {"version", Version()}};
  return FromUtf8(j.dump());
}

constexpr Command kCommands[] = {
    {"org.attrib:HighlightQuotes", "Highlight Quotes", true, &HighlightQuotes},
    {"org.attrib:InsertFootnotes", "Insert Attribution Footnotes", true, &InsertFootnotes},
    {"org.attrib:ClearMarks", "Clear Attribution Marks", true, &ClearAttributionMarks},
    {"org.attrib:About", "About Attrib", false, &About},
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(const OUString& url) {
  for (const Command& c : kCommands) {
    if (url.equalsAscii(c.url)) return &c;
  }
  return nullptr;
}

bool IsWriterTextDocument(const Reference<css::frame::XModel>& model) {
  Reference<css::lang::XServiceInfo> info(model, UNO_QUERY);
  return info.is() && info->supportsService("com.sun.star.text.TextDocument");
}

Reference<css::frame::XModel> ModelOf(const Reference<css::frame::XFrame>& frame) {
  if (!frame.is()) return {};
  Reference<css::frame::XController> controller = frame->getController();
  return controller.is() ? controller->getModel() : Reference<css::frame::XModel>();
}

}  // namespace attrib::uno
