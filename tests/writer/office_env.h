// One headless soffice for the whole test binary, with the built attrib.oxt installed, plus the
// small helpers the Writer tests share.
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <string>

#include "client/office.h"

namespace attrib::test {

// The running office (started by the environment in office_env.cc).
office::Office& TheOffice();

// A fresh hidden Writer document; closed by the returned holder's destructor.
class ScopedDoc {
 public:
  explicit ScopedDoc(const std::string& url = "private:factory/swriter",
                     const std::string& filter = "", const std::string& filter_options = "");
  ~ScopedDoc();
  const css::uno::Reference<css::text::XTextDocument>& doc() const { return doc_; }
  css::uno::Reference<css::frame::XFrame> frame() const;

 private:
  css::uno::Reference<css::text::XTextDocument> doc_;
  css::uno::Reference<css::lang::XComponent> component_;
};

css::util::URL ParseUrl(const std::string& url);
css::uno::Reference<css::frame::XDispatch> QueryDispatch(
    const css::uno::Reference<css::frame::XFrame>& frame, const std::string& url);
// Dispatches with notification; returns the result string, sets *ok to SUCCESS.
std::string Dispatch(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& url,
                     bool* ok);
// The same with dispatch arguments (e.g. the hidden "StatusIndicator", "AttribFailAfterEdits").
std::string Dispatch(const css::uno::Reference<css::frame::XFrame>& frame, const std::string& url,
                     const css::uno::Sequence<css::beans::PropertyValue>& args, bool* ok);

using uno::FromU16;
using uno::FromUtf8;
using uno::ToU16;
using uno::ToUtf8;

}  // namespace attrib::test
