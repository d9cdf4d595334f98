#include "office_env.h"

#include <gtest/gtest.h>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cstdlib>
#include <iostream>
#include <rtl/ref.hxx>

namespace attrib::test {
namespace {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::unique_ptr<office::Office> g_office;

class OfficeEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    office::OfficeOptions options;
    options.tag = "writer-test";
    if (const char* root = std::getenv("ATTRIB_TEST_WORK_ROOT")) options.work_root = root;
    options.keep_dir = std::getenv("ATTRIB_KEEP_PROFILE") != nullptr;
    std::string error;
    g_office = office::Office::Start(options, &error);
    ASSERT_TRUE(g_office) << error;
  }
  void TearDown() override { g_office.reset(); }
};

}  // namespace

office::Office& TheOffice() {
  return *g_office;
}

ScopedDoc::ScopedDoc(const std::string& url, const std::string& filter,
                     const std::string& filter_options) {
  std::string error;
  component_ = TheOffice().Load(url, &error, filter, filter_options);
  if (!component_.is()) throw std::runtime_error(error);
  doc_.set(component_, UNO_QUERY);
}

ScopedDoc::~ScopedDoc() {
  try {
    Reference<css::util::XCloseable> closeable(component_, UNO_QUERY);
    if (closeable.is()) closeable->close(true);
  } catch (const css::uno::Exception& e) {
    std::cerr << "closing a test document: " << ToUtf8(e.Message) << "\n";
  }
}

Reference<css::frame::XFrame> ScopedDoc::frame() const {
  return Reference<css::frame::XModel>(component_, UNO_QUERY_THROW)
      ->getCurrentController()
      ->getFrame();
}

css::util::URL ParseUrl(const std::string& url) {
  css::util::URL u;
  u.Complete = FromUtf8(url);
  css::util::URLTransformer::create(TheOffice().context())->parseStrict(u);
  return u;
}

Reference<css::frame::XDispatch> QueryDispatch(const Reference<css::frame::XFrame>& frame,
                                               const std::string& url) {
  return Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW)
      ->queryDispatch(ParseUrl(url), "", 0);
}

std::string Dispatch(const Reference<css::frame::XFrame>& frame, const std::string& url, bool* ok) {
  return Dispatch(frame, url, {}, ok);
}

std::string Dispatch(const Reference<css::frame::XFrame>& frame, const std::string& url,
                     const css::uno::Sequence<css::beans::PropertyValue>& args, bool* ok) {
  office::DispatchOutcome outcome =
      office::DispatchAndWait(TheOffice().context(), frame, url, args);
  *ok = outcome.success;
  if (!outcome.available) return "no dispatch for " + url;
  if (!outcome.finished) return "no dispatch result for " + url;
  return outcome.result;
}

}  // namespace attrib::test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new attrib::test::OfficeEnvironment);
  return RUN_ALL_TESTS();
}
