// The bytes of a JSONL input: a file or stdin, plain, gzip or zstd (told by the first bytes,
// not by the file name, so `zcat`-free pipes work too).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace attrib::cli {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads at least one byte into buf[0, cap) unless the input is at its end (returns 0) or
  // broken (returns 0 and sets *error). Returns what is available without waiting for more:
  // a line written to a pipe is answered before the next one arrives.
  virtual size_t Read(char* buf, size_t cap, std::string* error) = 0;

  // Bytes of the underlying file consumed so far (compressed bytes for .gz / .zst) and the
  // file's size (0 when unknown: a pipe): the progress bar's fraction done.
  int64_t consumed() const { return consumed_; }
  int64_t total() const { return total_; }
  const char* kind() const { return kind_; }  // "plain", "gzip", "zstd"

  // Opens `path` ("-" = stdin). nullptr and *error when it cannot be opened or read.
  static std::unique_ptr<ByteSource> Open(const std::string& path, std::string* error);

 protected:
  int64_t consumed_ = 0;
  int64_t total_ = 0;
  const char* kind_ = "plain";
};

}  // namespace attrib::cli
