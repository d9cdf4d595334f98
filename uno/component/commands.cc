#include "component/commands.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <condition_variable>
#include <cppuhelper/implbase1.hxx>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <rtl/ref.hxx>
#include <set>

#include "attrib/text.h"
#include "common/strings.h"
#include "component/report.h"
#include "component/writer_doc.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// Whether the frame's window is shown (false for hidden and headless documents).
bool Visible(const Reference<css::frame::XFrame>& frame) {
  if (!frame.is()) return false;
  Reference<css::awt::XWindow2> window(frame->getContainerWindow(), UNO_QUERY);
  return window.is() && window->isVisible();
}

// Status-bar progress: the caller's indicator, else the frame's. Never throws; only calls the
// indicator when the percentage changes.
class Progress {
 public:
  Progress(const CommandContext& c, const char* text) : indicator_(c.indicator) {
    try {
      // The frame's status bar only when it can be seen: its indicator makes soffice handle
      // pending events (the whole idle layout of a just-loaded document) in start(), setValue()
      // and end(), which a hidden document (headless, `attrib annotate`) pays for nothing.
      if (!indicator_.is() && Visible(c.frame)) {
        Reference<css::task::XStatusIndicatorFactory> factory(c.frame, UNO_QUERY);
        if (factory.is()) indicator_ = factory->createStatusIndicator();
      }
      if (indicator_.is()) indicator_->start(OUString::createFromAscii(text), 100);
    } catch (const css::uno::Exception& e) {
      LogInfo("progress", e.Message);
      indicator_.clear();
    }
  }
  void Set(int percent) {
    if (percent == last_ || !indicator_.is()) return;
    last_ = percent;
    try {
      indicator_->setValue(percent);
    } catch (const css::uno::Exception& e) {
      LogInfo("progress", e.Message);
    }
  }
  // Maps an Edits count onto [from, to] percent.
  std::function<void(int, int)> Between(int from, int to) {
    return [this, from, to](int done, int planned) {
      Set(from + (to - from) * std::min(done, planned) / std::max(planned, 1));
    };
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
  int last_ = -1;
};

Reference<css::text::XTextDocument> TextDocument(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc(c.model, UNO_QUERY);
  if (!doc.is() || !IsWriterTextDocument(c.model)) {
    throw css::uno::RuntimeException("this command needs a Writer text document");
  }
  return doc;
}

// The document read and the engine run on paragraphs [first, last] of it.
struct Analysed {
  DocParagraphs paragraphs;
  Document input;
  Analysis analysis;
  EditPlan plan;
  int32_t first = 0;
};
// `looks`: also read the original looks, which highlighting/underlining needs.
void Analyse(const Reference<css::text::XTextDocument>& doc, Analysed* a, bool looks,
             int32_t first = 0, int32_t last = -1) {
  a->paragraphs = ReadParagraphs(doc, looks);
  const std::vector<WriterParagraph>& all = a->paragraphs.paragraphs;
  if (last < 0 || last >= static_cast<int32_t>(all.size()))
    last = static_cast<int32_t>(all.size()) - 1;
  first = std::clamp<int32_t>(first, 0, std::max<int32_t>(last, 0));
  std::vector<WriterParagraph> scope;
  if (!all.empty()) scope.assign(all.begin() + first, all.begin() + last + 1);
  a->first = first;
  a->input = DocumentOf(scope);
  if (Status s = Analyze(a->input, Options(), &a->analysis); !s.ok()) {
    throw css::uno::RuntimeException(FromUtf8("the engine failed: " + s.message()));
  }
  a->plan = PlanEdits(a->input, a->analysis, scope);
  if (first > 0) ShiftParagraphs(&a->plan, first);
}

std::string SliceUtf8(const Document& doc, const Span& s) {
  return Utf16ToUtf8(std::u16string_view(doc.text()).substr(s.begin, s.size()));
}

OUString Summary(const char* command, const Analysed* a, const ApplyCounts& counts,
                 nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json j = {{"command", command},
                      {"marks", counts.marks},
                      {"comments", counts.comments},
                      {"footnotes", counts.footnotes},
                      {"removed", counts.removed}};
  std::vector<std::string> skipped = counts.skipped;
  if (a != nullptr) {
    j["paragraphs"] = a->paragraphs.paragraphs.size();
    j["quotes"] = a->analysis.quotes.size();
    j["speakers"] = a->analysis.speakers.size();
    j["claims"] = a->analysis.claims.size();
    skipped.insert(skipped.begin(), a->plan.skipped.begin(), a->plan.skipped.end());
  }
  j["skipped"] = skipped;
  j.update(extra);
  return FromUtf8(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// One message for everything skipped (none when nothing was); the log gets it too.
void TellSkipped(const CommandContext& c, const char* title, const Analysed& a,
                 const ApplyCounts& counts) {
  std::vector<std::string> all = a.plan.skipped;
  all.insert(all.end(), counts.skipped.begin(), counts.skipped.end());
  if (all.empty()) return;
  std::string text = std::string(title) + " finished, but skipped " + std::to_string(all.size()) +
                     (all.size() == 1 ? " item" : " items") + ":";
  const size_t shown = std::min<size_t>(all.size(), 12);
  for (size_t i = 0; i < shown; ++i) text += "\n• " + all[i];
  if (shown < all.size()) text += "\n… and " + std::to_string(all.size() - shown) + " more";
  LogInfo("skipped", FromUtf8(text));
  ShowInfo(c.context, c.frame, "Attribution", FromUtf8(text));
}

// The controller's selection (void when there is no controller).
Any SelectionOf(const CommandContext& c) {
  Reference<css::frame::XController> controller =
      c.model.is() ? c.model->getCurrentController() : nullptr;
  Reference<css::view::XSelectionSupplier> supplier(controller, UNO_QUERY);
  return supplier.is() ? supplier->getSelection() : Any();
}

// Highlight Quotes (claims = false) and Mark Claims (claims = true); see SELECTION in commands.h.
OUString MarkCommand(const CommandContext& c, bool claims) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  const char* title = claims ? "Mark Claims" : "Highlight Quotes";
  Progress progress(c, claims ? "Attribution: marking claims" : "Attribution: highlighting quotes");
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  const Any selection = SelectionOf(c);
  Analysed a;
  ApplyCounts counts;
  bool selected = false;
  int claim_base = 0;
  bool marked_selection = false;
  MarkRecord record;
  // The selection's bookmarks are in no undo step: removed here when the command fails.
  auto unmark = [&] {
    if (!marked_selection) return;
    marked_selection = false;
    UnmarkSelection(doc, record);
  };
  try {
    UndoStep(doc, OUString::createFromAscii(title), [&] {
      MarkKinds kinds;
      (claims ? kinds.claims : kinds.quotes) = true;
      const char tag = claims ? kClaimTag : kQuoteTag;
      const char comment_tag = claims ? kClaimCommentTag : kQuoteCommentTag;
      record = OwnRecord(doc);
      Position begin, end;
      MarkFilter overlapping;
      int max_id = -1;
      marked_selection = MarkSelection(doc, selection, record) > 0;
      if (marked_selection) {
        DocParagraphs before = ReadParagraphs(doc, false);
        selected = FindSelection(before, &begin, &end);
        if (selected) {
          // An item is marked by its comment (on its first piece) and bookmarks (other pieces,
          // the user's own values): ids from both.
          int max_comment = -1;
          overlapping.ids = MarksOverlapping(before.paragraphs, tag, begin, end, &max_id);
          for (int id : MarksOverlapping(before.paragraphs, comment_tag, begin, end, &max_comment,
                                         &overlapping.comment_names)) {
            overlapping.ids.insert(id);
          }
          max_id = std::max(max_id, max_comment);
        }
      }
      edits.NewPhase(progress.Between(0, 20));
      counts.removed = ClearMarks(doc, kinds, edits, selected ? &overlapping : nullptr);
      progress.Set(20);
      if (selected) {
        DocParagraphs now = ReadParagraphs(doc, false);  // the removal moved the steps
        FindSelection(now, &begin, &end);
        Analyse(doc, &a, true, begin.paragraph, end.paragraph);
        RestrictTo(&a.plan, begin, end);
        claim_base = claims ? max_id + 1 : 0;
        OffsetIds(&a.plan, claims ? 0 : max_id + 1, claim_base);
      } else {
        Analyse(doc, &a, true);
      }
      progress.Set(40);
      edits.NewPhase(progress.Between(40, 100));
      ApplyCounts applied = claims ? ApplyClaims(doc, a.paragraphs, a.plan, record, edits)
                                   : ApplyMarks(doc, a.paragraphs, a.plan, record, edits);
      unmark();
      counts.marks = applied.marks;
      counts.comments = applied.comments;
      counts.skipped = applied.skipped;
    });
  } catch (...) {
    try {
      unmark();
    } catch (const css::uno::Exception& e) {
      LogInfo("selection marks", e.Message);
    }
    throw;
  }
  nlohmann::json extra = {{"selection", selected}, {"edits", edits.done}};
  if (claims) {
    // What was marked, for reports: the engine's claims that made it into the plan.
    nlohmann::json list = nlohmann::json::array();
    for (const PlannedClaim& pc : a.plan.claims) {
      auto cl = std::find_if(a.analysis.claims.begin(), a.analysis.claims.end(),
                             [&](const Claim& x) { return x.id == pc.claim - claim_base; });
      if (cl == a.analysis.claims.end()) continue;
      nlohmann::json kinds = nlohmann::json::array();
      for (ClaimKind k : cl->kinds) kinds.push_back(ClaimKindName(k));
      nlohmann::json who = nullptr;
      if (cl->attributed_to && *cl->attributed_to >= 0 &&
          *cl->attributed_to < static_cast<int>(a.analysis.speakers.size())) {
        who = a.analysis.speakers[*cl->attributed_to].name;
      }
      list.push_back({{"name", CommentName(record.key, kClaimCommentTag, pc.claim)},
                      {"text", SliceUtf8(a.input, cl->span)},
                      {"score", cl->score},
                      {"kinds", kinds},
                      {"attributed_to", who},
                      {"unattributed_reason", cl->unattributed_reason},
                      {"comment", pc.comment}});
    }
    extra["claim_list"] = list;
  }
  TellSkipped(c, title, a, counts);
  return Summary(claims ? "MarkClaims" : "HighlightQuotes", &a, counts, extra);
}

OUString HighlightQuotes(const CommandContext& c) {
  return MarkCommand(c, false);
}
OUString MarkClaims(const CommandContext& c) {
  return MarkCommand(c, true);
}

OUString InsertFootnotes(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  Progress progress(c, "Attribution: inserting footnotes");
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  Analysed a;
  ApplyCounts counts;
  UndoStep(doc, "Insert Attribution Footnotes", [&] {
    MarkKinds kinds;
    kinds.footnotes = true;
    edits.NewPhase(progress.Between(0, 20));
    int removed = ClearMarks(doc, kinds, edits);
    progress.Set(20);
    Analyse(doc, &a, false);  // read after the removal: our footnote anchors are not in the text
    progress.Set(40);
    edits.NewPhase(progress.Between(40, 100));
    const MarkRecord record = a.plan.footnotes.empty() ? MarkRecord() : OwnRecord(doc);
    counts = ApplyFootnotes(doc, a.paragraphs, a.plan, record, edits, c.bare_footnotes);
    counts.removed = removed;
  });
  TellSkipped(c, "Insert Attribution Footnotes", a, counts);
  return Summary("InsertFootnotes", &a, counts, {{"edits", edits.done}});
}

OUString ClearAttributionMarks(const CommandContext& c) {
  Reference<css::text::XTextDocument> doc = TextDocument(c);
  ApplyCounts counts;
  Progress progress(c, "Attribution: clearing marks");
  Edits edits;
  edits.fail_after = c.fail_after_edits;
  edits.NewPhase(progress.Between(0, 100));
  UndoStep(doc, "Clear Attribution Marks", [&] {
    counts.removed = ClearMarks(doc, MarkKinds{true, true, true}, edits);
  });
  return Summary("ClearMarks", nullptr, counts, {{"edits", edits.done}});
}

OUString About(const CommandContext& c) {
  OUString version = OUString::createFromAscii(Version());
  ShowInfo(c.context, c.frame, "About Attrib",
           "Attrib " + version + " — who said what.\nQuote and claim attribution for Writer.");
  nlohmann::json j = {{"command", "About"}, {"version", Version()}};
  return FromUtf8(j.dump());
}

// MAIN THREAD. A dispatch from a remote client (`attrib annotate`, the tests, the benchmark)
// arrives on a bridge thread. Run there, every one of our API calls released the SolarMutex
// in between, and soffice's main thread handled the events each edit posts: after every
// inserted comment Writer's comment sidebar re-laid out ALL comments (SwPostItMgr's CalcHdl
// on SfxHintId::DocChanged), after every footnote the idle layout reformatted. That made the
// commands quadratic. So a command runs on the main thread (where a menu, toolbar or key runs
// it anyway), posted through css::awt::AsyncCallback; the calling thread waits for it, and its
// result or exception is handed back. Linux: the main thread's id is the process id.
bool OnMainThread() {
  return static_cast<pid_t>(::syscall(SYS_gettid)) == ::getpid();
}

struct MainThreadCall {
  enum class State { kPending, kRunning, kDone, kAbandoned };
  std::mutex mutex;
  std::condition_variable changed;
  State state = State::kPending;
  std::function<void()> work;
  std::exception_ptr error;
};

class MainThreadCallback : public cppu::WeakImplHelper1<css::awt::XCallback> {
 public:
  explicit MainThreadCallback(std::shared_ptr<MainThreadCall> call) : call_(std::move(call)) {}
  void SAL_CALL notify(const Any&) override {
    {
      std::lock_guard<std::mutex> lock(call_->mutex);
      if (call_->state != MainThreadCall::State::kPending) return;  // the caller ran it itself
      call_->state = MainThreadCall::State::kRunning;
    }
    try {
      call_->work();
    } catch (...) {  // handed back to the calling thread: nothing crosses this UNO boundary
      call_->error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(call_->mutex);
    call_->state = MainThreadCall::State::kDone;
    call_->changed.notify_all();
  }

 private:
  std::shared_ptr<MainThreadCall> call_;
};

// Runs `work` on the main thread and waits for it. When the main thread does not take it up
// within a minute (blocked: it should never be), the caller runs it itself, as before.
void RunOnMainThread(const Reference<css::uno::XComponentContext>& context,
                     const std::function<void()>& work) {
  if (OnMainThread() || !context.is()) return work();
  auto call = std::make_shared<MainThreadCall>();
  call->work = work;
  try {
    css::awt::AsyncCallback::create(context)->addCallback(new MainThreadCallback(call), Any());
  } catch (const css::uno::Exception& e) {
    LogInfo("main thread", e.Message);
    return work();
  }
  std::unique_lock<std::mutex> lock(call->mutex);
  const bool taken = call->changed.wait_for(lock, std::chrono::seconds(60), [&] {
    return call->state != MainThreadCall::State::kPending;
  }) || call->state != MainThreadCall::State::kPending;
  if (!taken) {
    call->state = MainThreadCall::State::kAbandoned;
    lock.unlock();
    LogInfo("main thread", "the main thread did not run the command; running it here");
    return work();
  }
  call->changed.wait(lock, [&] { return call->state == MainThreadCall::State::kDone; });
  if (call->error) std::rethrow_exception(call->error);
}

// A command handler run on the main thread.
template <CommandHandler handler>
OUString MainThreadCommand(const CommandContext& c) {
  OUString result;
  RunOnMainThread(c.context, [&] { result = handler(c); });
  return result;
}

constexpr Command kCommands[] = {
    {"org.attrib:HighlightQuotes", "Highlight Quotes", true, &MainThreadCommand<&HighlightQuotes>},
    {"org.attrib:MarkClaims", "Mark Claims", true, &MainThreadCommand<&MarkClaims>},
    {"org.attrib:InsertFootnotes", "Insert Attribution Footnotes", true,
     &MainThreadCommand<&InsertFootnotes>},
    {"org.attrib:ClearMarks", "Clear Attribution Marks", true,
     &MainThreadCommand<&ClearAttributionMarks>},
    {"org.attrib:About", "About Attrib", false, &About},
};

}  // namespace

std::span<const Command> Commands() {
  return kCommands;
}

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
