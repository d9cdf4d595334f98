// Errors are values: the engine never throws across its public API.
#pragma once

#include <string>
#include <utility>

namespace attrib {

class Status {
 public:
  Status() = default;  // OK
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message)
      : message_(message.empty() ? std::string("unknown error") : std::move(message)) {}
  std::string message_;
};

}  // namespace attrib
