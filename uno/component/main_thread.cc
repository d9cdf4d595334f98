#include "component/main_thread.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <condition_variable>
#include <cppuhelper/implbase1.hxx>
#include <exception>
#include <memory>
#include <mutex>

#include "component/report.h"

namespace attrib::uno {
namespace {

using css::uno::Any;
using css::uno::Reference;

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

// PostToMainThread's callback: runs the work once, nothing waits for it.
class PostedCallback : public cppu::WeakImplHelper1<css::awt::XCallback> {
 public:
  explicit PostedCallback(std::function<void()> work) : work_(std::move(work)) {}
  void SAL_CALL notify(const Any&) override {
    try {
      work_();
    } catch (const css::uno::Exception& e) {
      LogInfo("main thread", e.Message);
    } catch (const std::exception&) {
      LogInfo("main thread", CurrentExceptionMessage());
    }
  }

 private:
  std::function<void()> work_;
};

}  // namespace

void PostToMainThread(const Reference<css::uno::XComponentContext>& context,
                      std::function<void()> work) {
  css::awt::AsyncCallback::create(context)->addCallback(new PostedCallback(std::move(work)), Any());
}

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

}  // namespace attrib::uno
